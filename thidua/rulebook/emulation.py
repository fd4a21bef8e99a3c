"""Rules of the emulation movements themselves (not of their awards' eligibility): which flag a
thematic movement's final review considers, by its length and the level that launched it."""

from dataclasses import dataclass

from .rulesets import LAW


@dataclass(frozen=True)
class FlagRule:
    code: str
    min_years: int
    central_only: bool  # launched by a central body (the Prime Minister, a ministry)
    citation: str
    note_vi: str


# Luật TĐKT 2022 Đ25 k1: Cờ thi đua của Chính phủ for a movement of 5 years or more launched by the
# Prime Minister, at its final review; Đ26 k1: Cờ thi đua cấp bộ, ngành, tỉnh for a thematic movement
# of 3 years or more [S]. The most demanding rule that holds wins, so the list runs from it down.
FLAG_RULES = (
    FlagRule("CO_CP", 5, True, f"{LAW}, Điều 25",
             "Phong trào {years} năm: xét Cờ thi đua của Chính phủ khi tổng kết (Luật TĐKT Điều 25)"),
    FlagRule("CO_TINH", 3, False, f"{LAW}, Điều 26",
             "Phong trào {years} năm: xét Cờ thi đua cấp tỉnh khi tổng kết (Luật TĐKT Điều 26)"),
)


def movement_flag(years: int, launched_centrally: bool) -> FlagRule | None:
    """The flag a thematic movement of ``years`` years is reviewed for at its end, or None."""
    for rule in FLAG_RULES:
        if years >= rule.min_years and (launched_centrally or not rule.central_only):
            return rule
    return None
