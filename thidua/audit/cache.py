"""Figures cached per scope until the data changes (issue 11, item 2: the dashboards' counts).

Every change of the data goes through a door, and every door writes an audit entry in its own transaction; so
the newest audit entry's id is a version of the whole database that every web process and node reads alike,
that moves only when a change commits, and that costs one index lookup. A cached figure is keyed by it: the
first reader after a change computes it again; nothing has to be invalidated by hand. Data loaded around the
doors (the benchmark's COPY) is seen after the cache's timeout or a restart.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Max, Q

from .models import AuditEntry

_MISSING = object()


# Ids are drawn when a transaction inserts, not when it commits: one that began earlier may commit a lower id
# after a later one. Counting the entries just below the head sees it arrive (unless more than this many
# were drawn meanwhile; then the timeout).
LATE_WINDOW = 1000


def audit_version() -> int:
    """The newest audit entry's id: the version of the data that stored results were computed from."""
    return AuditEntry.objects.aggregate(head=Max("id"))["head"] or 0


def changes_after(version: int, *, units: Q, ignore: tuple[str, ...] = ()):
    """Audited changes after ``version`` (an ``audit_version()``) filed under a unit that ``units`` matches (a Q
    over the entry's ``unit__…``) or under no unit, except the actions that start with one of ``ignore``."""
    q = AuditEntry.objects.filter(id__gt=version)
    for prefix in ignore:
        q = q.exclude(action__startswith=prefix)
    return q.filter(Q(unit__isnull=True) | units)


def audit_head() -> str:
    """The newest id and how many entries lie within LATE_WINDOW below it, in one query (an index lookup and a
    short index range)."""
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT h, (SELECT COUNT(*) FROM {table} WHERE id > h - %s) "  # noqa: S608 (our table)
                       f"FROM (SELECT COALESCE(MAX(id), 0) AS h FROM {table}) AS head", [LATE_WINDOW])
        head, recent = cursor.fetchone()
    return f"{head}.{recent if head else 0}"


def cached(name: str, scope: str, compute):
    """``compute()``'s value for this scope at the current data version (computed once per process and version)."""
    key = f"thidua:{name}:{scope}:{audit_head()}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, settings.SCOPE_CACHE_SECONDS)
    return value
