"""The one shape of a page that changes something (core.door_views): scoped fetch, the door's own
Vietnamese refusal with nothing changed, the success message, htmx told where to go."""

import datetime as dt

from django.urls import reverse

from tests.conftest import at
from thidua.audit.models import AuditEntry
from thidua.awards import services
from thidua.awards.models import Nomination, NominationStatus
from thidua.awards.views import nomination_submit_view


def _empty_nomination(cast, org):
    with at(dt.date(2024, 1, 10)):
        return services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN",
                                          year=2023, title="Đề nghị tặng Giấy khen năm 2023")


def test_it_declares_which_door_a_page_calls():
    assert nomination_submit_view.door is services.nomination_submit


def test_it_shows_the_doors_refusal_and_changes_nothing(client, cast, org):
    n = _empty_nomination(cast, org)
    client.force_login(cast.clerk)
    response = client.post(reverse("awards:nomination-submit", args=[n.pk]), follow=True)
    assert services.ERR_NO_ENTRIES in response.content.decode()
    assert Nomination.objects.get(pk=n.pk).status == NominationStatus.DRAFT
    assert not AuditEntry.objects.filter(action="nomination.submitted").exists()


def test_it_answers_404_outside_the_users_units_before_any_door(client, cast, org):
    n = _empty_nomination(cast, org)
    client.force_login(cast.outsider)
    assert client.post(reverse("awards:nomination-submit", args=[n.pk])).status_code == 404
    assert client.get(reverse("awards:nomination-submit", args=[n.pk])).status_code == 405  # POST only


def test_it_tells_htmx_where_to_go(client, cast, org):
    n = _empty_nomination(cast, org)
    client.force_login(cast.clerk)
    response = client.post(reverse("awards:nomination-submit", args=[n.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("awards:nomination-detail", args=[n.pk])
