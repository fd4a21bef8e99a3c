"""The whole procedure as users click it (issue 5, item 7): the Bình An clerk nominates Chị Duyên
for "Chiến sĩ thi đua cơ sở" with its dossier; discloses the list; a citizen comments and the clerk
approves the comment for display; a three-member council votes in secret with TOTP ("Đạt" on the
total membership); the chairman approves; issuing is refused while the comment is unanswered,
then the decision is issued and its certificate verified by a stranger: "còn hiệu lực".

The clock is frozen (ticking) on Monday 12/01/2026: after the 01/07/2025 reform a commune
chairman confers CSTĐ cơ sở (NĐ 129/2025 Điều 59), and no public holiday falls in the five
working days of disclosure (12–16/01). The disclosure is opened through the page starting today,
not in the past: the public may comment only while it runs (comment_submit refuses otherwise) and
a decision may be issued only once it is over (disclosure_blocking_reason). So the clock moves on
to Monday 19/01/2026 before the chairman approves and the clerk issues; the live server runs in
this process, so it sees the same clock, and the TOTP codes are computed on it too.
"""

import datetime as dt

import pytest
import time_machine

from tests.browser import journey_steps as step
from tests.conftest import OVERRIDE_REASON
from thidua.audit.models import AuditEntry
from thidua.awards.models import Decision, DisclosureComment, NominationStatus
from thidua.council import services as council_services
from thidua.council.models import Outcome, Session

pytestmark = pytest.mark.django_db(transaction=True)

VN = dt.timezone(dt.timedelta(hours=7))
MONDAY = dt.datetime(2026, 1, 12, 9, tzinfo=VN)
NEXT_MONDAY = dt.datetime(2026, 1, 19, 9, tzinfo=VN)
TITLE = "Đề nghị công nhận Chiến sĩ thi đua cơ sở năm 2025"
COUNCIL = "Hội đồng Thi đua – Khen thưởng xã Bình An"
ACHIEVEMENT = "Hoàn thành xuất sắc nhiệm vụ Bí thư Đoàn năm 2025; sáng kiến Chợ phiên thanh niên"
BLOCKED = "Còn 1 ý kiến góp ý của nhân dân chưa được xử lý, trả lời; chưa thể ban hành quyết định."


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Seven sign-ins: the default PBKDF2 work factor would add seconds, not coverage."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def council(cast, org):
    """The commune's council of three, set up through the doors: the chairman chairs it, the
    clerk is its secretary, a third officer sits as a member. Nobody has a TOTP device yet."""
    c = council_services.council_create(acting_user=cast.clerk, unit=org.binh_an, name=COUNCIL,
                                        term_start=dt.date(2021, 6, 1))
    for user, role in [(cast.chairman, "chair"), (cast.clerk, "secretary"), (cast.council_member, "member")]:
        council_services.member_add(council=c, user=user, role=role, start=dt.date(2021, 6, 1),
                                    acting_user=cast.clerk)
    return c


def test_it_runs_the_procedure_from_nomination_through_a_council_ballot_to_a_verified_certificate(
    browser_page, login, cast, council, people
):
    page, duyen = browser_page, people.duyen.full_name
    with time_machine.travel(MONDAY, tick=True) as clock:
        # 1. The clerk nominates, completes the dossier and submits with the override the rulebook asks for.
        login(page, "clerk")
        nomination_path = step.nomination_create(page, unit="Xã Bình An", award_code="CSTDCS", year=2025,
                                                 title=TITLE)
        assert "Chủ tịch Ủy ban nhân dân cấp xã" in page.content()
        step.entry_add_person(page, name=duyen, achievement=ACHIEVEMENT)
        # No ratings or initiative on file: the rulebook does not find her eligible, so the page
        # offers (and submission requires) a reasoned override.
        step.entry_give_reason(page, name=duyen, reason=OVERRIDE_REASON)
        page.get_by_role("button", name="Tạo tờ trình (.docx)").click()
        page.get_by_text("Đã tạo Tờ trình số 01").wait_for()
        step.dossier_upload(page, doc_type="bao_cao", name="bao-cao-thanh-tich.pdf")
        step.dossier_upload(page, doc_type="bien_ban", name="bien-ban-binh-xet.pdf")
        step.nomination_submit(page)

        # 2. The clerk (the council's secretary) discloses the list: five working days, 12–16/01.
        disclosure_path = step.disclosure_open(page, nomination_path)
        assert "từ 12/01/2026 đến hết 16/01/2026" in page.content()

        # 3. A citizen comments on the public page; the clerk approves it for display (answered later).
        step.public_comment(page, title=TITLE, must_see=duyen,
                            text="Chị Duyên tổ chức Chợ phiên thanh niên rất hiệu quả, đề nghị làm rõ số liệu.")
        login(page, "clerk")
        step.comment_approve(page, disclosure_path)

        # 4. The council meets: agenda, roll call of the three members, a secret round.
        session_path = step.session_schedule(page, council_name=COUNCIL, day="12/01/2026",
                                             place="Hội trường UBND xã Bình An")
        step.agenda_add(page, f"{TITLE} – Xã Bình An")
        step.session_open_with_round(page, present=[
            "Võ Thanh Tuấn – Chủ tịch Hội đồng", "Lê Thị Hoa – Thư ký Hội đồng", "Nguyễn Thanh Văn – Ủy viên",
        ])
        for user in (cast.chairman, cast.council_member, cast.clerk):  # each enrols TOTP, then votes
            step.ballot_cast(page, login, user, session_path, [duyen])
        assert "Đã bỏ phiếu: 3/3" in page.content() and "Vòng 1:" not in page.content()
        step.round_close(page)
        row = step.nominee_row(page, duyen).inner_text()
        assert "Đạt" in row and "Vòng 1: 3/3 đồng ý (100% tổng số thành viên" in row
        assert Session.objects.get().nominees.get().outcome == Outcome.PASSED

        # 5. A week later the disclosure is over; the chairman approves.
        clock.move_to(NEXT_MONDAY)
        step.nomination_approve(page, login, nomination_path)

        # 6. The clerk may not issue while the citizen's comment is unanswered; answers; issues.
        login(page, "clerk")
        page.goto(nomination_path)
        step.decision_issue_click(page)
        page.get_by_text(BLOCKED).first.wait_for()
        assert not Decision.objects.exists()
        step.comment_resolve(page, disclosure_path, "Đã xác minh số liệu với Đoàn xã; thành tích đúng sự thật.")
        page.get_by_text("Đã hết thời gian công khai và mọi ý kiến đã được xử lý.").wait_for()
        page.goto(nomination_path)
        step.decision_issue_click(page)
        page.get_by_text("Đã ban hành Quyết định số 01/QĐ-UBND").wait_for()

        # 7. The certificate, and its verification page as a stranger sees it.
        text = step.certificate_text(page)
        assert duyen in text and "Quyết định số 01/QĐ-UBND ngày 19/01/2026" in text
        step.verify_anonymously(page, step.verification_url(page), "Khen thưởng còn hiệu lực")

    decision = Decision.objects.get()
    assert decision.issued_on == dt.date(2026, 1, 19) and decision.nomination.status == NominationStatus.DECIDED
    assert decision.grants.get().display_name == duyen
    assert DisclosureComment.objects.get().resolved
    assert list(AuditEntry.objects.filter(action__in=["disclosure.comment_resolved", "decision.issued"])
                .order_by("id").values_list("action", flat=True)) == ["disclosure.comment_resolved", "decision.issued"]
