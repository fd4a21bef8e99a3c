"""Two ways in: the browser's session (CSRF-checked for unsafe methods) or `Authorization: Bearer <key>`."""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer
from ninja.security.apikey import APIKeyCookie
from ninja.utils import check_csrf

from .models import ApiToken, hash_key

ERR_BAD_TOKEN = "Token không hợp lệ hoặc đã bị thu hồi."
ERR_CSRF = "Thiếu hoặc sai mã CSRF: gửi kèm header X-CSRFToken khi dùng phiên đăng nhập."

# Writing last_used_at on every call would turn each read into a write; a minute's precision is enough.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        # A caller who sends a key means to use it: a wrong or revoked key is a 401
        # even when a session cookie rides along, never a silent fall-back.
        if not token or not token.strip():
            raise AuthenticationError(401, ERR_BAD_TOKEN)
        api_token = (ApiToken.objects.select_related("user")
                     .filter(key_hash=hash_key(token.strip()), revoked_at__isnull=True).first())
        if api_token is None or not api_token.user.is_active:
            raise AuthenticationError(401, ERR_BAD_TOKEN)
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        # The accessors and doors take a user; the documents code reads request.user.
        request.user = api_token.user
        return api_token.user


class SessionAuth(APIKeyCookie):
    """Django's session, with the CSRF check only once we know there is a logged-in user.

    ninja's own SessionAuth checks CSRF before looking at the session, so an anonymous
    POST would get 403 (CSRF) instead of 401; here an anonymous caller always gets 401.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request):
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if self.csrf and check_csrf(request):
            raise HttpError(403, ERR_CSRF)
        return user


# Token first: a script sending a key never needs a CSRF token, even with a stale session cookie;
# without an Authorization header TokenAuth steps aside and the session is tried.
API_AUTH = [TokenAuth(), SessionAuth()]
