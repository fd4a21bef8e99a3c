"""The wording of an award decision, shared by the .docx and the PDF renderer."""

from __future__ import annotations

from dataclasses import dataclass

from thidua.formatting import format_date, format_money

from .text import decision_number, two_digits
from .types import DecisionDoc, RecipientLine


@dataclass(frozen=True)
class Article:
    label: str  # "Điều 1."
    text: str


def _counts_phrase(doc: DecisionDoc) -> str:
    n_col = sum(1 for r in doc.recipients if r.kind == "collective")
    n_ind = sum(1 for r in doc.recipients if r.kind == "individual")
    parts = []
    if n_col:
        parts.append(f"{two_digits(n_col)} tập thể")
    if n_ind:
        parts.append(f"{two_digits(n_ind)} cá nhân")
    return " và ".join(parts) or "các tập thể, cá nhân"


def articles(doc: DecisionDoc) -> list[Article]:
    """Điều 1 (grant), Điều 2 (money; only when there is money), then execution."""
    award = doc.award_name
    reason = doc.reason.strip().rstrip(".")
    out = [
        Article(
            "Điều 1.",
            f"{doc.award_verb} {award} cho {_counts_phrase(doc)} (có danh sách kèm theo) {reason}.",
        )
    ]
    if doc.total_amount > 0:
        out.append(
            Article(
                f"Điều {len(out) + 1}.",
                f"Tổng số tiền thưởng là {format_money(doc.total_amount)} đồng "
                f"(Bằng chữ: {doc.total_words.strip().rstrip('.')}), trích từ {doc.fund_name}; "
                f"mức thưởng của từng tập thể, cá nhân theo danh sách kèm theo.",
            )
        )
    n = len(out) + 1
    out.append(
        Article(
            f"Điều {n}.",
            f"Quyết định này có hiệu lực kể từ ngày ký. {doc.executors} chịu trách nhiệm thi hành Quyết định này.",
        )
    )
    return out


def annex_title(doc: DecisionDoc) -> str:
    if doc.annex_title:
        return doc.annex_title
    who = {
        frozenset({"collective", "individual"}): "TẬP THỂ, CÁ NHÂN",
        frozenset({"collective"}): "TẬP THỂ",
        frozenset({"individual"}): "CÁ NHÂN",
    }.get(frozenset(r.kind for r in doc.recipients), "TẬP THỂ, CÁ NHÂN")
    verb = doc.award_verb.upper()
    verb = {"TẶNG": "ĐƯỢC TẶNG", "TẶNG DANH HIỆU": "ĐƯỢC TẶNG DANH HIỆU"}.get(verb, f"ĐƯỢC {verb}")
    return f"DANH SÁCH {who} {verb} {doc.award_name.upper()}"


def annex_caption(doc: DecisionDoc) -> str:
    by = f" của {doc.authority_text}" if doc.authority_text else ""
    return f"(Kèm theo Quyết định số {decision_number(doc.number, doc.symbol)} ngày {format_date(doc.date)}{by})"


ANNEX_COLUMNS = ("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Thành tích", "Số tiền thưởng (đồng)")
ANNEX_WIDTHS_MM = (11, 42, 42, 44, 26)  # sums to the 165 mm text width


def annex_sections(doc: DecisionDoc) -> list[tuple[str, list[RecipientLine]]]:
    """[("I. TẬP THỂ", [...]), ("II. CÁ NHÂN", [...])], omitting empty sections. Collectives under more than one
    parent unit are listed under their parents, in the order they first appear: ("I. TẬP THỂ", []),
    ("1. Thôn 1", [...]), ("2. Thôn 2", [...]) — a list of hundreds of collectives reads by unit."""
    sections = []
    for kind, label in (("collective", "TẬP THỂ"), ("individual", "CÁ NHÂN")):
        lines = [r for r in doc.recipients if r.kind == kind]
        if lines:
            sections.append((label, lines))
    roman = ("I", "II")
    out = []
    for i, (label, lines) in enumerate(sections):
        groups: dict[str, list[RecipientLine]] = {}
        for r in lines:
            groups.setdefault(r.group, []).append(r)
        if label == "TẬP THỂ" and len(groups) > 1:
            out.append((f"{roman[i]}. {label}", []))
            out += [(f"{n}. {group or 'Đơn vị khác'}", members) for n, (group, members) in enumerate(groups.items(), 1)]
        else:
            out.append((f"{roman[i]}. {label}", lines))
    return out


def position_unit(r: RecipientLine) -> str:
    return ", ".join(x.strip() for x in (r.position, r.unit) if x and x.strip())


def annex_row(i: int, r: RecipientLine) -> tuple[str, str, str, str, str]:
    return (str(i), r.name, position_unit(r), r.achievement, format_money(r.amount) if r.amount else "")
