NAVIGATION = [
    ("org", "Tổ chức", "org:unit-list"),
    ("emulation", "Thi đua", "emulation:home"),
    ("awards", "Khen thưởng", "awards:nomination-list"),
    ("reports", "Báo cáo", "reports:home"),
]


def navigation(request):
    section = ""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        section = match.namespace or ""
    return {"nav_items": NAVIGATION, "nav_section": section}
