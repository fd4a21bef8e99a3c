"""Demo logins, one per kind of user in the guide; all share DEMO_PASSWORD."""

from django.contrib.auth import get_user_model

from .services import role_assign

DEMO_PASSWORD = "ThiDua@2026"

# username, full name (first, last as Vietnamese order "Họ tên"), unit code, roles, description
DEMO_USERS = [
    ("admin", "Quản trị hệ thống", None, [], "Quản trị viên (toàn quyền, trang /quan-tri/)"),
    ("binhan.canbo", "Lê Thị Hoa", "BAN", ["clerk"], "Cán bộ thi đua – khen thưởng xã Bình An"),
    ("binhan.chutich", "Võ Thanh Tuấn", "BAN", ["head"], "Chủ tịch UBND xã Bình An"),
    ("binhan.hoidong", "Nguyễn Thanh Văn", "BAN", ["council_member"], "Phó Chủ tịch, thành viên Hội đồng TĐKT xã"),
    ("tinh.bantdkt", "Phạm Thị Thu Hà", "QNG", ["province_officer"], "Trưởng Ban Thi đua – Khen thưởng tỉnh Quảng Ngãi"),
    ("tinh.chutich", "Trần Hoàng Tuấn", "QNG", ["head"], "Chủ tịch UBND tỉnh Quảng Ngãi"),
    ("batieu.canbo", "Đinh Văn Lực", "BTO-02", ["clerk"], "Cán bộ thi đua xã Ba Tiêu (đơn vị khác)"),
    ("batieu.chutich", "Phạm Văn Nhơn", "BTO-02", ["head"], "Chủ tịch UBND xã Ba Tiêu"),
    ("donglien.canbo", "Nguyễn Văn Quân", "TPTN-01", ["clerk"], "Cán bộ thi đua xã Đồng Liên (cụm trưởng)"),
    ("donglien.chutich", "Tạ Văn Phin", "TPTN-01", ["head"], "Chủ tịch UBND xã Đồng Liên"),
    ("tancuong.canbo", "Hoàng Thị Mai", "TPTN-02", ["clerk"], "Cán bộ thi đua xã Tân Cương (thành viên cụm)"),
    ("thainguyen.bantdkt", "Dương Văn Lượng", "TNG", ["province_officer"], "Ban Thi đua – Khen thưởng tỉnh Thái Nguyên"),
]


def _split(full_name):
    parts = full_name.split()
    return " ".join(parts[:-1]), parts[-1]


def load(ctx):
    User = get_user_model()
    for username, full_name, unit_code, roles, _ in DEMO_USERS:
        last, first = _split(full_name)
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
        if created:
            user.set_password(DEMO_PASSWORD)
            if username == "admin":
                user.is_staff = user.is_superuser = True
            user.save()
        for role in roles:
            role_assign(user=user, role_code=role, unit=ctx.units[unit_code])
        ctx.users[username] = user
