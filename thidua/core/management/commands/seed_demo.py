from dataclasses import dataclass, field
from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from thidua.org.models import Unit

# Each app tells its part of the seeds' story; order follows the data flow.
DEMO_MODULES = [
    "thidua.org.demo",
    "thidua.accounts.demo",
    "thidua.org.people_demo",
    "thidua.awards.demo",
    "thidua.eligibility.demo",
    "thidua.emulation.demo",
    "thidua.reports.demo",
    "thidua.org.reform_demo",  # last: mergers keep everything recorded before them
]


@dataclass
class DemoContext:
    units: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu theo năm bài viết nguồn (bỏ qua nếu đã nạp)."

    def handle(self, *args, **options):
        if Unit.objects.filter(code="BAN").exists():
            self.stdout.write("Dữ liệu mẫu đã có, bỏ qua.")
            return
        ctx = DemoContext()
        with transaction.atomic():
            for name in DEMO_MODULES:
                import_module(name).load(ctx)
        self.stdout.write(self.style.SUCCESS(f"Đã nạp dữ liệu mẫu: {Unit.objects.count()} đơn vị."))
