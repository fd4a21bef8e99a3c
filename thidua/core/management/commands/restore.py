from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Phục hồi một bản sao lưu (manage.py backup) vào cơ sở dữ liệu trống và thư mục tệp đính kèm trống."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp .tar.gz do manage.py backup tạo")

    def handle(self, *args, **options):
        try:
            manifest = restore(Path(options["archive"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Đã phục hồi {len(manifest['tables'])} bảng và {len(manifest['media'])} tệp; số dòng và mã kiểm tra "
            f"khớp bản sao lưu ({manifest['created_at']})."))
