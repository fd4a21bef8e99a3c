"""Council ballots (Hội đồng TĐKT), domain §7: quorum, threshold on TOTAL membership, rounds."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from .codes import short_vi
from .errors import RulebookError
from .settings import DEFAULT_SETTINGS, RulebookSettings


def _pct(fr) -> str:
    v = (Decimal(fr.numerator) / Decimal(fr.denominator) * 100).quantize(Decimal("0.1"))
    return f"{v.normalize():f}".replace(".", ",") + "%"


def ballot_outcome(code: str, total_members: int, agree: int, disagree: int, written_agree: int = 0,
                   written_disagree: int = 0, present: int | None = None,
                   settings: RulebookSettings | None = None, round_no: int = 1):
    """(passed, reasons). Agreement = votes in the room + written opinions of absentees,
    counted against the TOTAL membership; quorum ≥ 80 % of members for award deliberations."""
    st = settings or DEFAULT_SETTINGS
    for name, v in (("total_members", total_members), ("agree", agree), ("disagree", disagree),
                    ("written_agree", written_agree), ("written_disagree", written_disagree)):
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise RulebookError(f"Số phiếu '{name}' phải là số nguyên không âm")
    if present is None:
        present = agree + disagree
    if total_members <= 0:
        raise RulebookError("Hội đồng phải có ít nhất một thành viên")
    if agree + disagree > present:
        raise RulebookError("Số phiếu tại phiên họp lớn hơn số thành viên có mặt")
    if present + written_agree + written_disagree > total_members:
        raise RulebookError("Số thành viên có mặt và ý kiến bằng văn bản vượt tổng số thành viên")
    reasons = []
    passed = True
    quorum = st.quorum_award
    if Fraction(present, total_members) >= quorum:
        reasons.append(f"Đủ số lượng thành viên dự họp: {present}/{total_members} (yêu cầu ít nhất {_pct(quorum)})")
    else:
        passed = False
        reasons.append(f"Không đủ số lượng thành viên dự họp: {present}/{total_members} (yêu cầu ít nhất {_pct(quorum)})")
    yes = agree + written_agree
    thr = st.vote_threshold(code)
    if thr is None:
        ok = yes * 2 > total_members
        need = "quá 50%"
    else:
        ok = Fraction(yes, total_members) >= Fraction(thr)
        need = f"ít nhất {_pct(Fraction(thr))}"
    share = _pct(Fraction(yes, total_members))
    if ok:
        reasons.append(f"{short_vi(code)}: {yes}/{total_members} thành viên đồng ý ({share}), yêu cầu {need} tổng số thành viên")
    else:
        passed = False
        reasons.append(f"{short_vi(code)}: chỉ {yes}/{total_members} thành viên đồng ý ({share}), chưa đạt {need} tổng số thành viên")
    if not passed and round_no >= st.max_voting_rounds:
        reasons.append(f"Đã bỏ phiếu {round_no} vòng (tối đa {st.max_voting_rounds}); người đứng đầu xem xét, quyết định")
    elif not passed:
        reasons.append(f"Có thể bỏ phiếu vòng {round_no + 1} (tối đa {st.max_voting_rounds} vòng)")
    return passed, reasons
