"""How numbers and dates look to a Vietnamese user."""

import datetime as dt


def format_vnd(amount) -> str:
    if amount is None:
        return ""
    return f"{int(amount):,}".replace(",", ".") + " đ"


def format_date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")
