from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from thidua.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from thidua.formatting import full_name


class Command(BaseCommand):
    help = "In danh sách tài khoản dùng thử."

    def handle(self, *args, **options):
        self.stdout.write("\nThiĐua đang chạy tại http://127.0.0.1:8000")
        self.stdout.write(f"Tài khoản dùng thử (mật khẩu chung: {DEMO_PASSWORD}):")
        main = [username for username, *_ in DEMO_USERS]
        for username, _full, _unit, _roles, description in DEMO_USERS:
            self.stdout.write(f"  {username:<22} {description}")
        # Other demo modules add users of their own story (council members, cluster heads…).
        others = (get_user_model().objects.exclude(username__in=main).order_by("username")
                  .prefetch_related("role_assignments__role", "role_assignments__unit"))
        if others:
            self.stdout.write("Các tài khoản dùng thử khác:")
            for user in others:
                roles = ", ".join(f"{ra.role.name} – {ra.unit.name}" for ra in user.role_assignments.all())
                self.stdout.write(f"  {user.username:<22} {full_name(user)}: {roles}")
        self.stdout.write("Bỏ phiếu, phê duyệt (ký) đề nghị và ban hành quyết định cần xác thực hai lớp: lần đầu, hệ "
                          "thống mời đăng ký ứng dụng tạo mã OTP (quét mã QR), sau đó nhập mã 6 chữ số một lần cho "
                          "mỗi phiên đăng nhập.")
        self.stdout.write("Trang quản trị /quan-tri/ cũng vậy: đăng nhập bằng admin, đăng ký ứng dụng OTP "
                          "tại /hoi-dong/xac-thuc/dang-ky/, rồi vào /quan-tri/.")
        self.stdout.write("")
