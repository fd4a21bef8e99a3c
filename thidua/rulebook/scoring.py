"""From 2026 a yearly rating may be derived from a 100-point score.

Data, not code: each scale has the first rating year it applies to, its citation and its
bands (lower bound inclusive, highest first). NĐ 233/2026/NĐ-CP sets the bands for public
employees (viên chức) [V]; NĐ 335/2025/NĐ-CP for civil servants is assumed to use the same
bands [S] (domain.md §8). Add a later scale as a new entry; the newest scale whose first year
is ≤ the rating year wins.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ScoreScale:
    from_year: int
    citation: str
    bands: tuple[tuple[Decimal, str], ...]


SCORE_SCALES: tuple[ScoreScale, ...] = (
    ScoreScale(
        from_year=2026,
        citation="NĐ 233/2026/NĐ-CP",
        bands=((Decimal(90), "HTXS"), (Decimal(70), "HTT"), (Decimal(50), "HT"), (Decimal(0), "KHT")),
    ),
)


def scale_for(year: int) -> ScoreScale | None:
    found = [s for s in SCORE_SCALES if s.from_year <= year]
    return max(found, key=lambda s: s.from_year) if found else None


def rating_from_score(score: Decimal, year: int) -> tuple[str, str] | None:
    """(rating code, citation), or None when no scale applies to that year."""
    scale = scale_for(year)
    if scale is None:
        return None
    for lower, code in scale.bands:
        if score >= lower:
            return code, scale.citation
    return scale.bands[-1][1], scale.citation
