from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "thidua.notifications"
    label = "notifications"
    verbose_name = "Thông báo, lịch công việc"
