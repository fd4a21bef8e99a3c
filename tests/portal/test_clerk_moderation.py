"""The clerk's side of the disclosure: moderate and resolve from the pages; others get 404/403."""

from django.urls import reverse

from thidua.awards import disclosure as disclosures
from thidua.awards.models import DisclosureComment

from .conftest import on


def _comment(disclosed):
    with on():
        return disclosures.comment_submit(disclosure=disclosed, text="Góp ý về ông Văn", ip="203.0.113.9")


def test_it_lets_the_clerk_moderate_and_resolve(client, disclosed, cast):
    comment = _comment(disclosed)
    client.force_login(cast.clerk)
    body = client.get(reverse("council:disclosure-detail", args=[disclosed.pk])).content.decode()
    assert "Góp ý về ông Văn" in body and "Chưa xử lý" in body
    client.post(reverse("council:comment-moderate", args=[comment.pk]), {"approve": "1"})
    client.post(reverse("council:comment-resolve", args=[comment.pk]), {"response": "Đã xác minh."})
    comment.refresh_from_db()
    assert comment.status == "approved" and comment.response == "Đã xác minh." and comment.resolved_by == cast.clerk


def test_it_hides_comments_from_the_outsider(client, disclosed, cast):
    comment = _comment(disclosed)
    client.force_login(cast.outsider)
    assert client.get(reverse("council:disclosure-detail", args=[disclosed.pk])).status_code == 404
    assert client.post(reverse("council:comment-resolve", args=[comment.pk]), {"response": "x"}).status_code == 404
    assert not DisclosureComment.objects.get().resolved


def test_it_refuses_a_council_member_403(client, disclosed, cast):
    comment = _comment(disclosed)
    client.force_login(cast.council_member)
    assert client.post(reverse("council:comment-moderate", args=[comment.pk]), {"approve": "1"}).status_code == 403
    assert DisclosureComment.objects.get().status == "pending"


def test_it_opens_a_disclosure_from_the_nomination_page(client, cast, org, people):
    from thidua.awards.models import Nomination, NominationEntry

    n = Nomination.objects.create(
        unit=org.binh_an,
        decider_unit=org.binh_an,
        award_code="CSTDCS",
        year=2023,
        title="Đề nghị CSTĐCS",
        status="submitted",
    )
    NominationEntry.objects.create(
        nomination=n, recipient_kind="individual", person=people.van, display_name=people.van.full_name, achievement="X"
    )
    client.force_login(cast.clerk)
    with on():
        body = client.get(reverse("awards:nomination-detail", args=[n.pk])).content.decode()
        assert "Công khai danh sách (5 ngày làm việc)" in body
        r = client.post(reverse("council:disclosure-open", args=[n.pk]), {"start": ""})
        assert r.status_code == 302
        assert n.disclosures.get().start.isoformat() == "2024-01-09"
