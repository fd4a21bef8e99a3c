from thidua.accounts.access import has_any
from thidua.notifications.selectors import unread_count

NAVIGATION = [
    ("org", "Tổ chức", "org:unit-list"),
    ("emulation", "Thi đua", "emulation:home"),
    ("awards", "Khen thưởng", "awards:nomination-list"),
    ("reports", "Báo cáo", "reports:home"),
]

# Sub-pages of each step of the cycle, shown under the main navigation.
# (label, url name, capability needed or None).
SUBNAVIGATION = {
    "org": [("Đơn vị", "org:unit-list", None), ("Cá nhân", "org:person-list", None),
            ("Nhập từ Excel", "imports:index", "org.manage")],
    "awards": [("Đề nghị", "awards:nomination-list", None), ("Quyết định", "awards:decision-list", None),
               ("Xét điều kiện", "eligibility:my-candidates", None),
               ("Hội đồng TĐKT", "council:council-list", None), ("Công khai", "council:disclosure-list", None)],
}
SECTION_OF_NAMESPACE = {"council": "awards", "eligibility": "awards", "imports": "org", "notifications": ""}
# The composed files live in this app but belong to the org section of the menu.
SECTION_OF_VIEW = {"home:unit-detail": "org", "home:person-detail": "org"}


def navigation(request):
    section = ""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        section = SECTION_OF_VIEW.get(match.view_name) or SECTION_OF_NAMESPACE.get(match.namespace, match.namespace or "")

    subnav = [(label, name) for label, name, cap in SUBNAVIGATION.get(section, [])
              if cap is None or has_any(request.user, cap)]
    return {"nav_items": NAVIGATION, "nav_section": section, "subnav_items": subnav,
            "unread_notifications": unread_count(request.user) if getattr(request, "user", None) else 0}
