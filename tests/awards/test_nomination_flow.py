import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.conftest import OVERRIDE_REASON
from thidua.audit.models import AuditEntry
from thidua.awards import services
from thidua.awards.models import NominationStatus


@pytest.fixture
def draft(cast, org, people):
    n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                   title="Đề nghị tặng Giấy khen năm 2023")
    services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="Xuất sắc",
                                  override_reason=OVERRIDE_REASON)
    return n


def test_it_walks_draft_submitted_approved_with_audit(draft, cast):
    services.nomination_submit(nomination=draft, acting_user=cast.clerk)
    services.nomination_approve(otp_verified=True, nomination=draft, acting_user=cast.chairman)
    draft.refresh_from_db()
    assert draft.status == NominationStatus.APPROVED and draft.approved_by == cast.chairman
    actions = list(AuditEntry.objects.filter(target_type="awards.nomination", target_id=str(draft.pk)).order_by("id").values_list("action", flat=True))
    assert actions == ["nomination.created", "nomination.entry_added", "nomination.submitted", "nomination.approved"]


def test_it_returns_with_a_reason_and_allows_fixing_and_resubmitting(draft, cast, org):
    services.nomination_submit(nomination=draft, acting_user=cast.clerk)
    with pytest.raises(ValidationError, match="lý do"):
        services.nomination_return(nomination=draft, acting_user=cast.chairman, reason="  ")
    services.nomination_return(nomination=draft, acting_user=cast.chairman, reason="Bổ sung thành tích tập thể")
    draft.refresh_from_db()
    assert draft.status == NominationStatus.RETURNED and draft.return_reason == "Bổ sung thành tích tập thể"
    services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, recipient_unit=org.youth,
                                  achievement="Tích cực",
                                  override_reason=OVERRIDE_REASON)
    services.nomination_submit(nomination=draft, acting_user=cast.clerk)
    draft.refresh_from_db()
    assert draft.status == NominationStatus.SUBMITTED and draft.entries.count() == 2


def test_it_refuses_to_submit_an_empty_nomination(cast, org):
    n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                   title="Trống")
    with pytest.raises(ValidationError, match="chưa có"):
        services.nomination_submit(nomination=n, acting_user=cast.clerk)


def test_it_refuses_edits_after_submission(draft, cast, org):
    services.nomination_submit(nomination=draft, acting_user=cast.clerk)
    with pytest.raises(ValidationError):
        services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, recipient_unit=org.youth,
                                      achievement="Muộn",
                                  override_reason=OVERRIDE_REASON)
    assert draft.entries.count() == 1


def test_it_refuses_the_same_person_twice(draft, cast, people):
    with pytest.raises(ValidationError, match="đã có trong đề nghị"):
        services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, person=people.van, achievement="Lần 2",
                                  override_reason=OVERRIDE_REASON)


def test_it_refuses_a_recipient_from_another_commune(draft, cast, people):
    with pytest.raises(ValidationError, match="phạm vi"):
        services.nomination_entry_add(nomination=draft, acting_user=cast.clerk, person=people.luc, achievement="X",
                                  override_reason=OVERRIDE_REASON)


@pytest.mark.parametrize("who", ["clerk", "council_member", "outsider"])
def test_it_lets_only_the_chairman_approve(draft, cast, who):
    services.nomination_submit(nomination=draft, acting_user=cast.clerk)
    with pytest.raises(PermissionDenied):
        services.nomination_approve(otp_verified=True, nomination=draft, acting_user=getattr(cast, who))
    draft.refresh_from_db()
    assert draft.status == NominationStatus.SUBMITTED


@pytest.mark.parametrize("who", ["chairman", "council_member", "outsider"])
def test_it_lets_only_a_clerk_create_and_submit(draft, cast, org, who):
    with pytest.raises(PermissionDenied):
        services.nomination_create(acting_user=getattr(cast, who), unit=org.binh_an, award_code="GIAY_KHEN",
                                   year=2023, title="X")
    with pytest.raises(PermissionDenied):
        services.nomination_submit(nomination=draft, acting_user=getattr(cast, who))


def test_it_refuses_an_individual_title_for_a_collective(cast, org):
    n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="LDTT", year=2025,
                                   title="Đề nghị LĐTT")
    with pytest.raises(ValidationError, match="không dành cho tập thể"):
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, recipient_unit=org.youth,
                                      achievement="Hoàn thành tốt nhiệm vụ")
    assert n.entries.count() == 0
