"""A three-member council votes in secret, then the public comments on the disclosed list.

The secretary (the Bình An clerk) schedules a session with a submitted nomination, opens it and
the first round; each member signs in, passes the second factor (TOTP, the code computed here
from the device key, as the phone would) and votes; the secretary counts: "Đạt", with the
percentage of the total membership. The clerk then discloses the list; an anonymous visitor
comments; the clerk approves and answers the comment."""

import datetime as dt

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser import journey_steps as step
from thidua.awards.models import DisclosureComment, Nomination, NominationEntry
from thidua.council import services
from thidua.council.models import Outcome, Session

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Đề nghị tặng Giấy khen năm 2023 (Hội đồng)"


@pytest.fixture
def council(cast, org, people):
    c = services.council_create(
        acting_user=cast.clerk,
        unit=org.binh_an,
        name="Hội đồng Thi đua – Khen thưởng xã Bình An",
        term_start=dt.date(2021, 6, 1),
    )
    for user, role in [(cast.chairman, "chair"), (cast.clerk, "secretary"), (cast.council_member, "member")]:
        services.member_add(council=c, user=user, role=role, start=dt.date(2021, 6, 1), acting_user=cast.clerk)
    n = Nomination.objects.create(
        unit=org.binh_an, decider_unit=org.binh_an, award_code="GIAY_KHEN", year=2023, title=TITLE, status="submitted"
    )
    NominationEntry.objects.create(
        nomination=n,
        recipient_kind="individual",
        person=people.duyen,
        display_name=people.duyen.full_name,
        position_text="Bí thư Đoàn",
        achievement="Tích cực trong phong trào thanh niên tình nguyện năm 2023",
    )
    NominationEntry.objects.create(
        nomination=n,
        recipient_kind="collective",
        recipient_unit=org.youth,
        display_name=org.youth.name,
        achievement="Hoàn thành xuất sắc nhiệm vụ năm 2023",
    )
    # Two members enrolled earlier; the third enrols during the journey.
    for user in (cast.chairman, cast.clerk):
        TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)
    return c, n


def test_it_runs_a_secret_ballot_and_a_public_disclosure(browser_page, login, cast, council, org, people):
    page = browser_page
    c, nomination = council
    names = [people.duyen.full_name, org.youth.name]

    login(page, "clerk")
    session_path = step.session_schedule(page, council_name=c.name, day=timezone.localdate().strftime("%d/%m/%Y"),
                                         place="Hội trường UBND xã Bình An")
    step.agenda_add(page, f"{TITLE} – Xã Bình An")
    step.session_open_with_round(page)

    for user in (cast.chairman, cast.council_member, cast.clerk):
        step.ballot_cast(page, login, user, session_path, names)

    # Results stay hidden until the count: only the number of ballots shows.
    assert "Đã bỏ phiếu: 3/3" in page.content()
    assert "Vòng 1:" not in page.content()
    step.round_close(page)
    row = step.nominee_row(page, people.duyen.full_name)
    assert "Đạt" in row.inner_text()
    assert "3/3 đồng ý (100% tổng số thành viên" in row.inner_text()
    session = Session.objects.get()
    assert set(session.nominees.values_list("outcome", flat=True)) == {Outcome.PASSED}

    # Disclosure: the clerk publishes the list from the nomination page.
    page.goto(f"/khen-thuong/de-nghi/{nomination.pk}/")
    assert "Đạt" in page.locator("#hoi-dong").inner_text()
    disclosure_path = step.disclosure_open(page, f"/khen-thuong/de-nghi/{nomination.pk}/")

    # The public, without an account.
    step.public_comment(page, title=TITLE, must_see=people.duyen.full_name,
                        text="Chị Duyên rất nhiệt tình với thanh niên trong xóm.")
    assert DisclosureComment.objects.get().status == "pending"

    # The clerk approves and answers.
    login(page, "clerk")
    step.comment_approve(page, disclosure_path)
    step.comment_resolve(page, disclosure_path, "Cảm ơn ý kiến đóng góp của nhân dân.")
    comment = DisclosureComment.objects.get()
    assert comment.resolved and comment.status == "approved"
