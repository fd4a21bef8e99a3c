import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.conftest import OVERRIDE_REASON, at
from thidua.audit.models import AuditEntry
from thidua.awards import disclosure as disclosures
from thidua.awards import services
from thidua.awards.models import Decision, Grant, NominationStatus


def test_it_numbers_the_first_decision_of_the_year_01_with_the_issuer_symbol(approved_nomination, cast):
    decision = services.decision_issue(otp_verified=True, nomination=approved_nomination, acting_user=cast.clerk,
                                       issued_on=dt.date(2024, 1, 19))
    assert decision.number == 1
    assert decision.number_text == "01/QĐ-UBND"
    assert decision.place == "Bình An"
    approved_nomination.refresh_from_db()
    assert approved_nomination.status == NominationStatus.DECIDED
    entry = AuditEntry.objects.get(action="decision.issued")
    assert entry.actor == cast.clerk and entry.data["number"] == "01/QĐ-UBND"


def test_it_pays_giay_khen_at_0_3_and_0_6_of_the_base_salary_on_the_decision_date(approved_nomination, cast):
    # 19/01/2024: base salary 1,800,000 (from 01/07/2023) → 540,000 and 1,080,000.
    decision = services.decision_issue(otp_verified=True, nomination=approved_nomination, acting_user=cast.clerk,
                                       issued_on=dt.date(2024, 1, 19))
    amounts = {g.recipient_kind: g.amount for g in decision.grants.all()}
    assert amounts == {"individual": 540_000, "collective": 1_080_000}
    assert decision.total_amount == 1_620_000


def test_it_uses_the_base_salary_in_force_in_2026(approved_nomination, cast):
    # From 01/07/2026 the base salary is 2,530,000: 0.3 × = 759,000 → rounded up to 760,000.
    decision = services.decision_issue(otp_verified=True, nomination=approved_nomination, acting_user=cast.clerk,
                                       issued_on=dt.date(2026, 11, 21))
    assert {g.amount for g in decision.grants.filter(recipient_kind="individual")} == {760_000}


def test_it_restarts_numbering_each_year_and_per_issuer(make_user, cast, org, people):
    def issue(on, unit, clerk, chairman, person):
        with at(on):
            return _issue(on, unit, clerk, chairman, person)

    def _issue(on, unit, clerk, chairman, person):
        n = services.nomination_create(acting_user=clerk, unit=unit, award_code="GIAY_KHEN", year=on.year - 1,
                                       title="Đề nghị")
        services.nomination_entry_add(nomination=n, acting_user=clerk, person=person, achievement="Thành tích",
                                  override_reason=OVERRIDE_REASON)
        services.nomination_submit(nomination=n, acting_user=clerk)
        services.nomination_approve(otp_verified=True, nomination=n, acting_user=chairman)
        return services.decision_issue(otp_verified=True, nomination=n, acting_user=clerk, issued_on=on)

    a = issue(dt.date(2024, 12, 30), org.binh_an, cast.clerk, cast.chairman, people.van)
    b = issue(dt.date(2024, 12, 31), org.binh_an, cast.clerk, cast.chairman, people.van)
    c = issue(dt.date(2025, 1, 2), org.binh_an, cast.clerk, cast.chairman, people.van)
    d = issue(dt.date(2025, 1, 2), org.other, cast.outsider, cast.outsider, people.luc)
    assert [a.number, b.number, c.number, d.number] == [1, 2, 1, 1]


def test_it_gives_each_recipient_a_golden_book_number(issued_decision):
    numbers = sorted(issued_decision.grants.values_list("golden_book_number", flat=True))
    year = issued_decision.year
    assert numbers == [f"01/{year}", f"02/{year}"]


def test_it_refuses_to_issue_an_unapproved_nomination(cast, org, people):
    n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                   title="Đề nghị")
    services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="Thành tích",
                                  override_reason=OVERRIDE_REASON)
    with pytest.raises(ValidationError, match="đã được phê duyệt"):
        services.decision_issue(otp_verified=True, nomination=n, acting_user=cast.clerk)
    assert not Decision.objects.exists()


def test_it_refuses_a_second_issue_of_the_same_nomination(issued_decision, cast):
    with pytest.raises(ValidationError):
        services.decision_issue(otp_verified=True, nomination=issued_decision.nomination, acting_user=cast.clerk)
    assert Decision.objects.count() == 1


@pytest.mark.parametrize("who", ["chairman", "council_member", "outsider"])
def test_it_lets_only_a_clerk_of_the_issuer_issue(approved_nomination, cast, who):
    with pytest.raises(PermissionDenied):
        services.decision_issue(otp_verified=True, nomination=approved_nomination, acting_user=getattr(cast, who))
    assert not Grant.objects.exists()


def test_it_records_the_grant_in_the_recipients_award_history(issued_decision, people, org):
    from thidua.awards.selectors import award_history_for_person, award_history_for_unit

    assert [g.award_code for g in award_history_for_person(people.van)] == ["GIAY_KHEN"]
    assert [g.display_name for g in award_history_for_unit(org.youth)] == ["Đoàn Thanh niên xã Bình An"]


def test_it_refuses_with_a_message_when_no_prize_table_covers_the_date(cast, org, people):
    from tests.conftest import OVERRIDE_REASON
    from thidua.awards.models import Counter

    with at(dt.date(2017, 9, 1)):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN",
                                       year=2016, title="Đề nghị")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van,
                                      achievement="Thành tích", override_reason=OVERRIDE_REASON)
        services.nomination_submit(nomination=n, acting_user=cast.clerk)
        services.nomination_approve(otp_verified=True, nomination=n, acting_user=cast.chairman)
        with pytest.raises(ValidationError) as info:
            services.decision_issue(otp_verified=True, nomination=n, acting_user=cast.clerk, issued_on=dt.date(2017, 9, 5))
    assert "phê duyệt" not in " ".join(info.value.messages)
    assert not Decision.objects.exists() and not Counter.objects.filter(last_number__gt=0).exists()


def test_it_refuses_a_decision_dated_inside_the_disclosure_period(approved_nomination, cast):
    """Recorded after the disclosure ended, a decision may still not be dated before its end
    (16–22/01/2024): it would predate the public's last day to comment."""
    from thidua.awards.models import Counter

    with at(dt.date(2024, 1, 16)):
        disclosures.disclosure_open(nomination=approved_nomination, acting_user=cast.clerk)
    with at(dt.date(2024, 1, 25)):
        for day in (dt.date(2024, 1, 19), dt.date(2024, 1, 22)):
            with pytest.raises(ValidationError, match=rf"Ngày ban hành quyết định \({day:%d/%m/%Y}\) phải sau khi "
                                                      r"hết thời gian công khai .*đến hết ngày 22/01/2024"):
                services.decision_issue(otp_verified=True, nomination=approved_nomination, acting_user=cast.clerk, issued_on=day)
        approved_nomination.refresh_from_db()
        assert approved_nomination.status == NominationStatus.APPROVED
        assert not Decision.objects.exists() and not Counter.objects.filter(last_number__gt=0).exists()
        assert not AuditEntry.objects.filter(action="decision.issued").exists()
        decision = services.decision_issue(otp_verified=True, nomination=approved_nomination, acting_user=cast.clerk,
                                           issued_on=dt.date(2024, 1, 23))
    assert decision.number_text == "01/QĐ-UBND"
    assert AuditEntry.objects.get(action="decision.issued").data["issued_on"] == "2024-01-23"
