"""Growing delays after repeated lock-outs (ASVS 2.2.1): the first lock-out of a username from an address lasts
AXES_COOLOFF_MINUTES; each further one within a day doubles it, up to AXES_COOLOFF_MAX_HOURS. Counted from
django-axes' failure log for that pair only, so another user behind the same address, or the same user from
another address, is never slowed (settings.AXES_LOCKOUT_PARAMETERS)."""

import datetime as dt

from axes.models import AccessFailureLog
from django.conf import settings
from django.utils import timezone

WINDOW = dt.timedelta(hours=24)


def cool_off(request=None) -> dt.timedelta:
    base = dt.timedelta(minutes=settings.AXES_COOLOFF_MINUTES)
    username = request.POST.get("username") if request is not None and hasattr(request, "POST") else None
    address = getattr(request, "axes_ip_address", None)
    if not username or not address:
        return base
    failures = AccessFailureLog.objects.filter(username=username, ip_address=address,
                                               attempt_time__gte=timezone.now() - WINDOW).count()
    lockouts = failures // max(settings.AXES_FAILURE_LIMIT, 1)
    return min(base * 2 ** max(lockouts - 1, 0), dt.timedelta(hours=settings.AXES_COOLOFF_MAX_HOURS))
