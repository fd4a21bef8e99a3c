"""The client's address, for rate limits and login lockouts.

REMOTE_ADDR by default: a forwarded header is the client's to forge. Behind N reverse proxies that each
append to X-Forwarded-For (TRUSTED_PROXY_COUNT=N), the address the first proxy saw is the N-th entry
from the right; without that setting, every visitor behind a proxy would share the proxy's address
(one visitor's failed logins would lock out everyone).
"""

from django.conf import settings


def client_ip(request) -> str:
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR", "")
