"""The awards that a cluster's reviewed ranking proposes (Luật TĐKT 2022 Đ26: Cờ thi đua cấp tỉnh for
the leading unit of a cluster the province runs). The ranking is emulation's; the nominations it creates
are ours, so the door lives here and emulation knows nothing of awards."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from thidua.audit.services import audit_record
from thidua.emulation import selectors as emulation_selectors
from thidua.emulation import services as emulation_services
from thidua.emulation.models import Cluster, RankingProposal, ScorecardStatus
from thidua.org.models import Level, Person, PersonRating, Rating, Unit, UnitRating
from thidua.rulebook import codes

from . import eligibility, services
from .models import Nomination, NominationStatus

ERR_RANK_INCOMPLETE = "Chưa thẩm định xong bảng điểm của tất cả đơn vị thành viên."
ERR_RANK_PROPOSED = "Đã đề nghị khen thưởng theo kết quả xếp hạng của cụm này."
ERR_PICK_NONE = "Chưa đánh dấu cá nhân, tập thể nào để đưa vào đề nghị."
ERR_PICK_NOT_ELIGIBLE = ("{names}: chưa đủ điều kiện {award}. Chỉ người, tập thể đủ điều kiện hoặc cần xem xét được lập "
                         "đề nghị từ danh sách; trường hợp khác thêm trên trang đề nghị với lý do (ngoại lệ).")
ERR_PICK_TARGET = "Đề nghị được chọn không còn sửa được, hoặc không cùng đơn vị, danh hiệu và năm."
ERR_PICK_UNKNOWN = "Có cá nhân, tập thể được đánh dấu không thuộc danh sách xét của đơn vị này."


def _province_of(unit):
    for u in [*reversed(unit.ancestors()), unit]:
        if u.level == Level.PROVINCE:
            return u
    return unit


@transaction.atomic
def ranking_propose(*, acting_user, cluster: Cluster) -> list[RankingProposal]:
    """The top unit is proposed for Cờ thi đua cấp tỉnh (Luật TĐKT Đ26: the leading unit of a cluster run
    by the province) and the next EMULATION_BK_COUNT units for Bằng khen cấp tỉnh, as draft nominations
    made through the awards doors."""
    cluster = Cluster.objects.select_for_update().get(pk=cluster.pk)
    if not emulation_selectors.is_organiser(acting_user, cluster):
        raise PermissionDenied(emulation_services.ERR_ONLY_ORGANISER)
    if cluster.proposals.exists():
        raise ValidationError(ERR_RANK_PROPOSED)
    rows = emulation_selectors.ranking_for(cluster)
    if any(r.scorecard is None or r.scorecard.status != ScorecardStatus.REVIEWED for r in rows):
        raise ValidationError(ERR_RANK_INCOMPLETE)
    province = _province_of(cluster.organiser)
    bk_count = settings.EMULATION_BK_COUNT
    picks = [(rows[0], "CO_TINH")] + [(r, "BK_TINH") for r in rows[1:1 + bk_count]]
    made = []
    for row, code in picks:
        achievement = (f"Xếp thứ {row.rank}/{len(rows)} {cluster.get_kind_display().lower()} {cluster.name} "
                       f"năm {cluster.year} ({emulation_services.decimal_text(row.total)} điểm)")
        nomination = services.nomination_create(
            acting_user=acting_user, unit=row.unit, decider_unit=province, award_code=code, year=cluster.year,
            title=f"Đề nghị tặng {codes.name_vi(code)} cho {row.unit.name} năm {cluster.year}",
            reason_text=f"đã có thành tích xuất sắc trong phong trào thi đua của {cluster.name}",
        )
        services.nomination_entry_add(nomination=nomination, acting_user=acting_user, recipient_unit=row.unit,
                                    achievement=achievement)
        made.append(RankingProposal.objects.create(cluster=cluster, unit=row.unit, rank=row.rank, award_code=code,
                                                   nomination=nomination))
    audit_record(actor=acting_user, action="ranking.proposed", target=cluster, unit=cluster.organiser,
                 data={p.unit.name: p.award_code for p in made})
    return made


def achievement_from_data(subject, year: int) -> str:
    """The line a clerk would write from the records: the year's rating (and the initiatives recognised)."""
    if isinstance(subject, Person):
        rating = PersonRating.objects.filter(person=subject, year=year).values_list("rating", flat=True).first()
        initiatives = list(subject.initiatives.filter(year=year).values_list("title", flat=True))
    else:
        rating = UnitRating.objects.filter(unit=subject, year=year).values_list("rating", flat=True).first()
        initiatives = []
    parts = [f"{Rating(rating).label} năm {year}" if rating else f"Thành tích năm {year}"]
    if initiatives:
        parts.append("sáng kiến " + "; ".join(f"“{t}”" for t in initiatives) + " được công nhận")
    return "; ".join(parts)


@transaction.atomic
def candidates_propose(*, acting_user, unit: Unit, award_code: str, year: int, person_ids=(), unit_ids=(),
                       nomination: Nomination | None = None) -> Nomination:
    """From the candidate list to a nomination in one step: a new draft (or the given draft of the same unit,
    award and year) with the ticked people and units, each achievement pre-filled from the data. Those the
    rulebook finds not eligible are refused here (they need the proposer's reason on the nomination page);
    "cần xem xét" goes in as it is, for the review to answer. All or nothing."""
    # Only rows of this unit's candidate list can be picked (checked below), so the ids need no other scope.
    people = list(Person.objects.filter(pk__in=person_ids).select_related("current_unit"))
    units = list(Unit.objects.filter(pk__in=unit_ids))
    if len(people) != len(set(person_ids)) or len(units) != len(set(unit_ids)):
        raise ValidationError(ERR_PICK_UNKNOWN)
    if not people and not units:
        raise ValidationError(ERR_PICK_NONE)
    if nomination is not None:
        nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if (not nomination.editable or nomination.unit_id != unit.pk or nomination.award_code != award_code
                or nomination.year != year):
            raise ValidationError(ERR_PICK_TARGET)
    result = eligibility.candidates(unit, year, None, [award_code])
    status = {(row.kind, row.pk): next((v.status for v in row.verdicts if v.code == award_code), None)
              for row in result.rows}
    picked = [("individual", p) for p in people] + [("collective", u) for u in units]
    if any((kind, s.pk) not in status or status[(kind, s.pk)] is None for kind, s in picked):
        raise ValidationError(ERR_PICK_UNKNOWN)
    refused = [s.full_name if kind == "individual" else s.name for kind, s in picked
               if status[(kind, s.pk)] == codes.STATUS_NOT_ELIGIBLE]
    if refused:
        raise ValidationError(ERR_PICK_NOT_ELIGIBLE.format(names=", ".join(refused), award=codes.name_vi(award_code)))
    if nomination is None:
        nomination = services.nomination_create(
            acting_user=acting_user, unit=unit, award_code=award_code, year=year,
            title=f"Đề nghị tặng {codes.name_vi(award_code)} năm {year}",
            reason_text="đã có thành tích xuất sắc trong thực hiện nhiệm vụ",
        )
    for kind, subject in picked:
        recipient = {"person": subject} if kind == "individual" else {"recipient_unit": subject}
        services.nomination_entry_add(nomination=nomination, acting_user=acting_user,
                                      achievement=achievement_from_data(subject, year), **recipient)
    return nomination


def draft_nominations_for(unit: Unit, award_code: str, year: int):
    """The drafts a ticked list can be added to."""
    return Nomination.objects.filter(unit=unit, award_code=award_code, year=year,
                                     status__in=[NominationStatus.DRAFT, NominationStatus.RETURNED]).order_by("-pk")


def already_proposed(nomination: Nomination | None) -> set[tuple[str, int]]:
    if nomination is None:
        return set()
    return {("individual", pk) for pk in nomination.entries.filter(person__isnull=False).values_list("person_id", flat=True)} | {
        ("collective", pk) for pk in nomination.entries.filter(recipient_unit__isnull=False)
        .values_list("recipient_unit_id", flat=True)}
