"""Award names and choices for pages, read from the rulebook's stable codes."""

from thidua.rulebook import codes


def award_name(code: str) -> str:
    return codes.name_vi(code)


def is_title(code: str) -> bool:
    return code in codes.TITLES


def award_choices():
    return [
        ("Danh hiệu thi đua", [(c, a.name_vi) for c, a in codes.TITLES.items()]),
        ("Hình thức khen thưởng", [(c, a.name_vi) for c, a in codes.FORMS.items()]),
    ]


def is_order(code: str) -> bool:
    return code in codes.ORDERS


def decision_wording(code: str) -> dict:
    """The wording of a decision per award: Giấy khen / Bằng khen "Tặng", titles "Tặng danh hiệu"."""
    name = award_name(code)
    if is_title(code):
        return {"summary": f"Về việc tặng danh hiệu “{name}”", "verb": "Tặng danh hiệu",
                "annex": f"DANH SÁCH ĐƯỢC TẶNG DANH HIỆU {name.upper()}"}
    return {"summary": f"Về việc tặng {name}", "verb": "Tặng",
            "annex": f"DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {name.upper()}"}


def recovery_item(code: str) -> str:
    """What is taken back with the money when an award is cancelled (Luật TĐKT 2022 Điều 93)."""
    name = award_name(code)
    if is_order(code):
        return f"Huân chương, Giấy chứng nhận {name}"
    if code.startswith("CO_"):
        return f"{name} (cờ và giấy chứng nhận)"
    if is_title(code):
        return f"Giấy chứng nhận danh hiệu {name}"
    return name
