from django.core.management.base import BaseCommand

from thidua.accounts.demo import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "In danh sách tài khoản dùng thử."

    def handle(self, *args, **options):
        self.stdout.write("\nThiĐua đang chạy tại http://127.0.0.1:8000")
        self.stdout.write(f"Tài khoản dùng thử (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, _full, _unit, _roles, description in DEMO_USERS:
            self.stdout.write(f"  {username:<22} {description}")
        self.stdout.write("")
