from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "thidua.reports"
    label = "reports"
    verbose_name = "Báo cáo"

    def ready(self):
        from . import jobs  # noqa: F401  (registers the files the background worker makes)
