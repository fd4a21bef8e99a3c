from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    name = "thidua.eligibility"
    label = "eligibility"
    verbose_name = "Xét điều kiện khen thưởng"

    def ready(self):
        from . import jobs  # noqa: F401  (registers the Excel list the background worker makes)
