"""How money, dates and names look to a Vietnamese reader: the one home of these formats, for pages,
documents, audit summaries and the rulebook's reasons alike. Pure Python (the lowest layer).

Money groups thousands with dots (1.410.000); dates are dd/mm/yyyy (NĐ 30/2020 for references to
a document), with the time as HH:MM where there is one; a person's name is family name first."""

import datetime as dt


def format_money(amount) -> str:
    """1410000 → "1.410.000"; None → "". Whole đồng only (amounts are integers in the law)."""
    if amount is None:
        return ""
    if isinstance(amount, bool):
        raise TypeError("Số tiền phải là số nguyên")
    n = int(amount)
    sign = "-" if n < 0 else ""
    return f"{sign}{abs(n):,}".replace(",", ".")


def format_vnd(amount, unit: str = "đ") -> str:
    """1410000 → "1.410.000 đ" (pages); unit="đồng" in documents ("1.410.000 đồng")."""
    text = format_money(amount)
    return f"{text} {unit}" if text else ""


def format_date(value) -> str:
    """A date as dd/mm/yyyy, a datetime as dd/mm/yyyy HH:MM (in the time zone it carries); None → ""."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value.day:02d}/{value.month:02d}/{value.year} {value.hour:02d}:{value.minute:02d}"
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def full_name(user) -> str:
    """Vietnamese order: family and middle names (last_name) before the given name (first_name)."""
    if user is None:
        return ""
    name = f"{user.last_name} {user.first_name}".strip()
    return name or user.username
