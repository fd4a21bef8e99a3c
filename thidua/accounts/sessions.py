"""How long a login lasts: SESSION_IDLE_MINUTES without a request ends it (Django's cookie age, renewed on
every request), and SESSION_MAX_HOURS after the login ends it whatever happens in between."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect

LOGIN_AT = "thidua_login_at"
MSG_EXPIRED = "Phiên đăng nhập đã hết hạn ({hours} giờ): vui lòng đăng nhập lại."


def stamp_login(sender, request, user, **kwargs):
    """user_logged_in: remember when (connected in AccountsConfig.ready)."""
    request.session[LOGIN_AT] = int(time.time())


class AbsoluteSessionLimit:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(LOGIN_AT)  # stamped by the login itself (stamp_login)
            if started is not None and time.time() - started > settings.SESSION_MAX_HOURS * 3600:
                logout(request)
                if request.path.startswith("/api/"):
                    return self.get_response(request)  # now anonymous: the API answers 401
                messages.warning(request, MSG_EXPIRED.format(hours=settings.SESSION_MAX_HOURS))
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)
