from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from thidua.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và toàn bộ tệp đính kèm vào một tệp .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("output", nargs="?", help="Tệp đích (mặc định: backups/thidua-YYYYmmdd-HHMMSS.tar.gz)")

    def handle(self, *args, **options):
        target = Path(options["output"] or f"backups/thidua-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        try:
            manifest = backup(target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Đã sao lưu {len(manifest['tables'])} bảng ({sum(manifest['tables'].values())} dòng) và "
            f"{len(manifest['media'])} tệp đính kèm vào {target}."))
