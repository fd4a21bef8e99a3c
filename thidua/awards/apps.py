from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    label = "awards"
    verbose_name = "Khen thưởng"

    def ready(self):
        from thidua.audit.signals import recorded

        from . import jobs, verdicts  # noqa: F401  (jobs registers the files the background worker makes)

        # Stored verdicts are computed again on the worker after the changes that feed them.
        recorded.connect(verdicts.on_recorded, dispatch_uid="awards.verdicts")
        # The award history's Excel import is checked and written here, uploaded through the imports pages.
        from . import history_import, nominee_import

        history_import.install()
        nominee_import.install()
