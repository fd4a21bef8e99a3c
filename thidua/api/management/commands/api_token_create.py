from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from thidua.api.services import api_token_create


class Command(BaseCommand):
    help = "Tạo token API cho một người dùng và in khóa ra một lần duy nhất."

    def add_arguments(self, parser):
        parser.add_argument("username", help="tên đăng nhập")
        parser.add_argument("name", help="tên gợi nhớ của token, ví dụ: 'Đồng bộ phần mềm tỉnh'")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng '{username}'.")
        try:
            token, raw_key = api_token_create(user=user, name=name, acting_user=None)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stderr.write(f"Đã tạo token '{token.name}' cho {username}. Khóa chỉ hiện một lần, hãy lưu lại ngay:")
        self.stdout.write(raw_key)
