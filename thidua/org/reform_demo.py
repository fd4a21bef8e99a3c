"""The 2025 reform in the demo: three communes of Ba Tơ merge into one commune directly under
the province from 01/07/2025 (districts cease to exist); their history stays visible."""

import datetime as dt

from thidua.org import services

REFORM_DATE = dt.date(2025, 7, 1)


def load(ctx):
    sources = [ctx.units["BTO-08"], ctx.units["BTO-16"], ctx.units["BTO-17"]]  # Ba Dinh, Ba Giang, Ba Tô
    officer = ctx.users.get("tinh.bantdkt")
    ctx.units["QNG-BADINH"] = services.units_merge(
        sources=sources, acting_user=officer, effective_date=REFORM_DATE,
        legal_basis="Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã "
                    "của tỉnh Quảng Ngãi năm 2025",
        name="Xã Ba Dinh", code="QNG-BADINH", level="commune", kind="ubnd", parent=ctx.units["QNG"],
        place_name="Ba Dinh",
    )
