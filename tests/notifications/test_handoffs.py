"""Everyone's next step (issue 9, item 5): the door that hands work on tells the next person, in the app and
by e-mail from the background worker (django-tasks' db_worker); the home page lists each user's to-dos."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from tests.conftest import OVERRIDE_REASON, at, run_worker
from thidua.awards import services
from thidua.notifications import services as notifications
from thidua.notifications.models import Deadline, Notification
from thidua.notifications.selectors import deadline_audience

DAY = dt.date(2024, 1, 16)


@pytest.fixture
def emails(cast):
    for user, address in ((cast.chairman, "chutich@binhan.gov.vn"), (cast.clerk, "vanthu@binhan.gov.vn")):
        user.email = address
        user.save()


@pytest.fixture
def submitted(cast, org, people):
    with at(DAY):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                       title="Đề nghị tặng Giấy khen năm 2023")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X",
                                      override_reason=OVERRIDE_REASON)
        return services.nomination_submit(nomination=n, acting_user=cast.clerk)


def test_submitting_tells_the_approver_in_the_app_and_by_mail(cast, emails, submitted):
    note = Notification.objects.get(user=cast.chairman)
    assert "đã trình “Đề nghị tặng Giấy khen năm 2023”" in note.text and note.url.endswith(f"/{submitted.pk}/")
    assert not Notification.objects.filter(user=cast.clerk).exists()  # never the one acting
    assert mail.outbox == []  # the request does not wait for the mail server
    run_worker()
    assert [m.to for m in mail.outbox] == [["chutich@binhan.gov.vn"]]
    assert "chờ xem xét, phê duyệt" in mail.outbox[0].body and "/thong-bao/tuy-chon/" in mail.outbox[0].body
    note.refresh_from_db()
    assert note.emailed_at is not None


def test_return_and_approval_tell_the_proposer(cast, emails, submitted):
    with at(DAY):
        services.nomination_return(nomination=submitted, acting_user=cast.chairman, reason="Thiếu báo cáo thành tích")
    assert "Thiếu báo cáo thành tích" in Notification.objects.get(user=cast.clerk, kind="nomination.returned").text
    with at(DAY):
        services.nomination_submit(nomination=submitted, acting_user=cast.clerk)
        services.nomination_approve(otp_verified=True, nomination=submitted, acting_user=cast.chairman)
    assert Notification.objects.filter(user=cast.clerk, kind="nomination.approved").exists()


def test_a_user_who_turned_mail_off_gets_only_the_in_app_notice(client, cast, emails, org, people):
    client.force_login(cast.chairman)
    r = client.post(reverse("notifications:preferences"), {})  # the box unticked
    assert r.status_code == 302
    with at(DAY):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                       title="Đề nghị B")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X",
                                      override_reason=OVERRIDE_REASON)
        services.nomination_submit(nomination=n, acting_user=cast.clerk)
    run_worker()
    assert Notification.objects.filter(user=cast.chairman).count() == 1 and mail.outbox == []


def test_the_inbox_shows_and_marks_read(client, cast, submitted):
    client.force_login(cast.chairman)
    body = client.get(reverse("home:home")).content.decode()
    assert 'data-testid="unread-badge">1<' in body
    body = client.get(reverse("notifications:inbox")).content.decode()
    assert "Đề nghị tặng Giấy khen năm 2023" in body
    client.post(reverse("notifications:read"))
    assert not Notification.objects.filter(user=cast.chairman, read_at__isnull=True).exists()


def test_the_home_lists_each_users_next_step(client, cast, submitted):
    client.force_login(cast.chairman)
    with at(DAY):
        body = client.get(reverse("home:home")).content.decode()
    assert "Việc cần làm" in body and 'data-kind="review"' in body and "Đề nghị tặng Giấy khen năm 2023" in body
    with at(DAY):
        services.nomination_return(nomination=submitted, acting_user=cast.chairman, reason="Bổ sung hồ sơ")
        body = client.get(reverse("home:home")).content.decode()
    assert 'data-kind="review"' not in body  # done elsewhere, gone from the list
    client.force_login(cast.clerk)
    body = client.get(reverse("home:home")).content.decode()
    assert 'data-kind="returned"' in body and "Bổ sung hồ sơ" in body


# ------------------------------------------------------------------------------------------ deadlines

def test_a_deadline_reminds_the_units_below_before_it_and_shows_days_left(client, cast, org):
    today = dt.date(2026, 11, 2)
    with at(today):
        deadline = notifications.deadline_create(acting_user=cast.province_officer, unit=org.province, year=2026,
                                                 kind="submission", title="Nộp hồ sơ đề nghị khen thưởng năm 2026",
                                                 due_on=dt.date(2026, 11, 20))
        client.force_login(cast.clerk)
        body = client.get(reverse("home:home")).content.decode()
    assert 'data-kind="deadline"' in body and "còn 18 ngày" in body
    with at(today):
        run_worker()  # the reminders wait for their day
    assert not Notification.objects.filter(kind="deadline").exists()
    with at(dt.date(2026, 11, 13), hour=8):
        run_worker()
    reminded = Notification.objects.filter(kind="deadline")
    assert cast.clerk in {n.user for n in reminded} and "Còn 7 ngày" in reminded.first().text
    assert cast.outsider in {n.user for n in reminded}  # another commune of the same province
    assert deadline_audience(deadline).filter(pk=cast.clerk.pk).exists()


def test_a_communes_deadline_reaches_only_its_own_tree(cast, org):
    with at(dt.date(2026, 11, 2)):
        deadline = notifications.deadline_create(acting_user=cast.clerk, unit=org.binh_an, year=2026, kind="other",
                                                 title="Họp bình xét", due_on=dt.date(2026, 11, 20))
    audience = set(deadline_audience(deadline))
    assert cast.clerk in audience and cast.outsider not in audience and cast.province_officer not in audience


def test_a_deleted_deadline_sends_no_reminder(cast, org):
    with at(dt.date(2026, 11, 2)):
        deadline = notifications.deadline_create(acting_user=cast.clerk, unit=org.binh_an, year=2026, kind="other",
                                                 title="Họp bình xét", due_on=dt.date(2026, 11, 20))
        notifications.deadline_delete(acting_user=cast.clerk, deadline=deadline)
    with at(dt.date(2026, 11, 19), hour=8):
        run_worker()
    assert not Notification.objects.filter(kind="deadline").exists()


def test_a_past_deadline_is_refused_and_an_outsider_cannot_touch_one(client, cast, org):
    client.force_login(cast.clerk)
    with at(dt.date(2026, 11, 2)):
        r = client.post(reverse("notifications:deadline-create"),
                        {"unit": org.binh_an.pk, "year": 2026, "kind": "other", "title": "X", "due_on": "2026-10-01"},
                        follow=True)
        assert "Hạn chót phải từ hôm nay trở đi." in r.content.decode() and not Deadline.objects.exists()
        deadline = notifications.deadline_create(acting_user=cast.clerk, unit=org.binh_an, year=2026, kind="other",
                                                 title="Họp bình xét", due_on=dt.date(2026, 11, 20))
    client.force_login(cast.outsider)
    assert client.post(reverse("notifications:deadline-delete", args=[deadline.pk])).status_code == 404
    assert Deadline.objects.filter(pk=deadline.pk).exists()


def test_the_api_gives_the_notifications_the_todo_and_the_deadlines(cast, org, submitted):
    from django.test import Client

    from tests.api.conftest import ApiClient

    api = ApiClient(Client())
    api.client.force_login(cast.chairman)
    body = api.get("/api/notifications").json()
    assert body["unread"] == 1 and "đã trình" in body["items"][0]["text"]
    with at(DAY):
        todo = api.get("/api/todo").json()
    assert [t["kind"] for t in todo] == ["review"]
    with at(DAY):
        assert api.post("/api/notifications/read", {}).json() == {"marked": 1}
    clerk = ApiClient(Client())
    clerk.client.force_login(cast.clerk)
    with at(dt.date(2026, 11, 2)):
        r = clerk.post("/api/notifications/deadlines", {"unit_id": org.binh_an.pk, "year": 2026, "kind": "review",
                                                        "title": "Chấm điểm thi đua", "due_on": "2026-11-25"})
        assert r.status_code == 201, r.content
        assert clerk.post("/api/notifications/deadlines", {"unit_id": org.binh_an.pk, "year": 2026, "kind": "review",
                                                           "title": "X", "due_on": "2026-01-25"}).status_code == 400
    outsider = ApiClient(Client())
    outsider.client.force_login(cast.outsider)
    assert outsider.delete(f"/api/notifications/deadlines/{r.json()['id']}").status_code == 404
    with at(dt.date(2026, 11, 2)):  # the session's idle clock was renewed on the frozen day
        assert [d["title"] for d in clerk.get("/api/notifications/deadlines").json()] == ["Chấm điểm thi đua"]


def test_a_public_comment_tells_the_deciding_levels_council_staff(cast, org, submitted):
    from thidua.awards import disclosure as disclosures

    with at(DAY):
        d = disclosures.disclosure_open(nomination=submitted, acting_user=cast.clerk)
        disclosures.comment_submit(disclosure=d, text="Đề nghị xem lại thành tích", ip="203.0.113.9")
    told = {n.user for n in Notification.objects.filter(kind="disclosure.comment")}
    assert cast.clerk in told and cast.outsider not in told


def test_the_next_step_goes_to_the_nearest_level_not_every_officer_above(cast, org):
    from thidua.accounts.access import users_with
    from thidua.accounts.models import Capability

    assert set(users_with(Capability.NOMINATION_MANAGE, org.binh_an)) == {cast.clerk}
    assert cast.province_officer in set(users_with(Capability.NOMINATION_MANAGE, org.binh_an, nearest=False))
    assert set(users_with(Capability.NOMINATION_MANAGE, org.district)) == {cast.province_officer}


def test_a_long_review_queue_shows_the_first_and_one_line_for_the_rest(client, cast, org, people):
    from thidua.awards.models import Nomination, NominationStatus
    from thidua.home.todo import REVIEW_SHOWN

    for i in range(REVIEW_SHOWN + 3):
        Nomination.objects.create(unit=org.binh_an, decider_unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                  title=f"Đề nghị số {i + 1}", status=NominationStatus.SUBMITTED)
    client.force_login(cast.chairman)
    body = client.get("/").content.decode()
    assert body.count('data-kind="review"') == REVIEW_SHOWN + 1 and "và 3 đề nghị khác đang chờ xem xét" in body
