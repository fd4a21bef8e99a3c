"""Dashboard figures are cached per scope until the next change (issue 11, item 2; thidua.audit.cache): a
repeated view does not count again, a door's change (its audit entry) shows at once, and users with another
reach never see each other's figures."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.awards import services


def count_queries(client, url):
    with CaptureQueriesContext(connection) as seen:
        response = client.get(url)
    assert response.status_code == 200
    return response, sum('COUNT(' in q["sql"].upper() for q in seen.captured_queries)


def test_the_home_counts_are_counted_once_until_a_door_changes_something(client, cast, org):
    client.force_login(cast.clerk)
    first, counted = count_queries(client, reverse("home:home"))
    assert counted >= 3 and first.context["nomination_count"] == 0
    again, recounted = count_queries(client, reverse("home:home"))
    # The three counts are not made again (both views count the newest audit entries: the data version).
    assert recounted == counted - 3 and again.context["nomination_count"] == 0
    services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2024,
                               title="Đề nghị mới")
    assert client.get(reverse("home:home")).context["nomination_count"] == 1


def test_another_reach_has_its_own_figures(client, cast, org):
    services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2024,
                               title="Đề nghị của Bình An")
    client.force_login(cast.clerk)
    assert client.get(reverse("home:home")).context["nomination_count"] == 1
    client.force_login(cast.outsider)
    assert client.get(reverse("home:home")).context["nomination_count"] == 0
