from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "thidua.accounts"
    label = "accounts"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .sessions import stamp_login

        user_logged_in.connect(stamp_login, dispatch_uid="thidua.accounts.stamp_login")
