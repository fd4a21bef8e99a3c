"""The public disclosure page (no login): list, period, comments (size, rate, honeypot, moderation)."""

import datetime as dt

from django.urls import reverse

from thidua.audit.models import AuditEntry
from thidua.awards import disclosure as disclosures
from thidua.awards.models import DisclosureComment

from .conftest import on


def _post(client, d, text="Đề nghị xem xét lại thành tích.", ip="203.0.113.5", **extra):
    data = {"text": text, "author_name": "", "contact": "", "website": "", **extra}
    return client.post(reverse("portal:disclosure-detail", args=[d.pk]), data, REMOTE_ADDR=ip)


def test_it_lists_nominees_under_disclosure_without_login(client, disclosed):
    with on():
        body = client.get(reverse("portal:disclosure-list")).content.decode()
        assert disclosed.nomination.title in body and "08/01/2024 – 12/01/2024" in body
        body = client.get(reverse("portal:disclosure-detail", args=[disclosed.pk])).content.decode()
        assert "Nguyễn Thanh Văn" in body and "đến hết ngày 12/01/2024" in body and "csrfmiddlewaretoken" in body
        assert disclosed.nomination.title in client.get(reverse("portal:home")).content.decode()
    with on(dt.date(2024, 1, 15)):
        assert disclosed.nomination.title not in client.get(reverse("portal:disclosure-list")).content.decode()


def test_it_takes_a_comment_hidden_until_approved(client, disclosed, cast):
    with on():
        r = _post(client, disclosed, text="Ông Văn đã có sáng kiến thật.", author_name="Trần Thị Bé")
        assert r.status_code == 302
        comment = DisclosureComment.objects.get()
        assert comment.status == "pending" and comment.author_name == "Trần Thị Bé" and comment.ip_hash != "203.0.113.5"
        assert AuditEntry.objects.filter(action="disclosure.comment_received").exists()
        page = lambda: client.get(reverse("portal:disclosure-detail", args=[disclosed.pk])).content.decode()  # noqa: E731
        assert "Ông Văn đã có sáng kiến thật." not in page()
        disclosures.comment_moderate(comment=comment, approve=True, acting_user=cast.clerk)
        assert "Ông Văn đã có sáng kiến thật." in page()
        disclosures.comment_resolve(comment=comment, response="Cảm ơn ý kiến của bà.", acting_user=cast.clerk)
        assert "Cảm ơn ý kiến của bà." in page()


def test_it_refuses_a_flood_with_429_and_stores_nothing(client, disclosed):
    with on():
        for _ in range(5):
            assert _post(client, disclosed).status_code == 302
        r = _post(client, disclosed, text="Thêm một ý kiến nữa")
        assert r.status_code == 429
        assert "quá nhiều ý kiến" in r.content.decode()
        assert DisclosureComment.objects.count() == 5
        assert _post(client, disclosed, ip="198.51.100.7").status_code == 302  # another address is not limited
    with on(hour=11):
        assert _post(client, disclosed).status_code == 302  # an hour later the limit is lifted


def test_it_refuses_a_too_long_comment(client, disclosed):
    with on():
        r = _post(client, disclosed, text="x" * 2001)
        assert r.status_code == 400 and "tối đa 2000 ký tự" in r.content.decode()
        assert not DisclosureComment.objects.exists()


def test_it_refuses_an_empty_comment(client, disclosed):
    with on():
        r = _post(client, disclosed, text="   ")
        assert r.status_code == 400 and "Phải nhập nội dung ý kiến" in r.content.decode()
        assert not DisclosureComment.objects.exists()


def test_it_refuses_the_honeypot(client, disclosed):
    with on():
        r = _post(client, disclosed, website="http://spam.example")
        assert r.status_code == 400 and "không hợp lệ" in r.content.decode()
        assert not DisclosureComment.objects.exists()


def test_it_refuses_comments_after_the_period(client, disclosed):
    with on(dt.date(2024, 1, 15)):
        body = client.get(reverse("portal:disclosure-detail", args=[disclosed.pk])).content.decode()
        assert "Đã hết thời gian công khai" in body
        r = _post(client, disclosed)
        assert r.status_code == 400 and "không nhận thêm ý kiến" in r.content.decode()
        assert not DisclosureComment.objects.exists()


def test_it_requires_csrf_on_the_public_form(disclosed):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    with on():
        assert _post(client, disclosed).status_code == 403
        assert not DisclosureComment.objects.exists()


def test_it_answers_404_for_an_unknown_list(client, db):
    assert client.get(reverse("portal:disclosure-detail", args=[999])).status_code == 404


def test_certificate_verification_still_works(client, db):
    r = client.get(reverse("portal:verify", args=["khong-co-ma-nay"]))
    assert r.status_code == 404 and "Mã xác minh không hợp lệ" in r.content.decode()


def test_the_staff_list_of_disclosures_pages_through_them(client, cast, org, people, disclosed, monkeypatch):
    import datetime as dt

    from tests.conftest import at
    from thidua.awards import disclosure as disclosures
    from thidua.awards.models import Nomination, NominationEntry
    from thidua.core import paging

    later = Nomination.objects.create(unit=org.binh_an, decider_unit=org.binh_an, award_code="LDTT", year=2023,
                                      title="Đề nghị công nhận Lao động tiên tiến năm 2023", status="submitted")
    NominationEntry.objects.create(nomination=later, recipient_kind="individual", person=people.duyen,
                                   display_name=people.duyen.full_name, achievement="Hoàn thành tốt nhiệm vụ")
    with at(dt.date(2024, 1, 15)):
        disclosures.disclosure_open(nomination=later, acting_user=cast.clerk)
    monkeypatch.setattr(paging, "PAGE_ROWS", 1)
    client.force_login(cast.clerk)
    first = client.get(reverse("council:disclosure-list")).content.decode()
    assert "Trang 1/2 (2 dòng)" in first and later.title in first and disclosed.nomination.title not in first
    second = client.get(reverse("council:disclosure-list"), {"trang": 2}).content.decode()
    assert disclosed.nomination.title in second and later.title not in second
