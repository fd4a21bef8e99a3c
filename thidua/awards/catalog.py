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
