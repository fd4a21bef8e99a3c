from dataclasses import dataclass, field

from django.core.management.base import BaseCommand
from django.db import transaction

from thidua.accounts import demo as accounts_demo
from thidua.awards import demo as awards_demo
from thidua.council import demo as council_demo
from thidua.eligibility import demo as eligibility_demo
from thidua.emulation import demo as emulation_demo
from thidua.notifications import demo as notifications_demo
from thidua.org import demo as org_demo
from thidua.org import people_demo, reform_demo
from thidua.org.models import Unit
from thidua.reports import demo as reports_demo

# Each app tells its part of the seeds' story; the order follows the data flow and the story's dates.
# The steps are named here, imported like any other code (no module names looked up at run time).
DEMO_STEPS = [
    org_demo.load,
    accounts_demo.load,
    people_demo.load,
    awards_demo.load,  # the 2023 Giấy khen list, submitted
    council_demo.load,  # the commune council's secret ballot on it
    awards_demo.decide_2023,  # approved and issued
    eligibility_demo.load,
    emulation_demo.load,
    awards_demo.propose_from_rankings,  # the cluster's reviewed ranking proposes its leaders
    reports_demo.load,
    reform_demo.load,  # mergers keep everything recorded before them
    notifications_demo.load,  # the current year's plan, on today's date
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
            for step in DEMO_STEPS:
                step(ctx)
        self.stdout.write(self.style.SUCCESS(f"Đã nạp dữ liệu mẫu: {Unit.objects.count()} đơn vị."))
