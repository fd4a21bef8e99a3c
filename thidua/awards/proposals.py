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
from thidua.org.models import Level
from thidua.rulebook import codes

from . import services

ERR_RANK_INCOMPLETE = "Chưa thẩm định xong bảng điểm của tất cả đơn vị thành viên."
ERR_RANK_PROPOSED = "Đã đề nghị khen thưởng theo kết quả xếp hạng của cụm này."


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
