"""How long a login lasts: SESSION_IDLE_MINUTES without a request ends it (Django's cookie age, renewed by the
requests: at most once a SESSION_RENEW_SECONDS, so a page view does not write the session row each time), and
SESSION_MAX_HOURS after the login ends it whatever happens in between."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect

LOGIN_AT = "thidua_login_at"
RENEWED_AT = "thidua_renewed_at"
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
            renew(request.session)
        return self.get_response(request)


def renew(session) -> None:
    """Move the idle expiry on (the session is saved with a new cookie age) when the last renewal is older than
    SESSION_RENEW_SECONDS: the idle limit holds to within that much, at one write a minute instead of one a page."""
    now = int(time.time())
    if now - session.get(RENEWED_AT, 0) >= settings.SESSION_RENEW_SECONDS:
        session[RENEWED_AT] = now
