"""Settings of the council and the public disclosure.

The legal facts (quorum, thresholds, rounds, disclosure days) come from the rulebook and its
province overrides (settings.RULEBOOK_OVERRIDES, JSON); the anti-abuse limits of the public
comment form are operational and may be overridden in Django settings.
"""

import json
from functools import lru_cache

from django.conf import settings

from thidua.rulebook.settings import DEFAULT_SETTINGS, RulebookSettings


@lru_cache(maxsize=8)
def _parsed(raw: str) -> RulebookSettings:
    if not raw.strip():
        return DEFAULT_SETTINGS
    return DEFAULT_SETTINGS.with_overrides(json.loads(raw))


def rulebook_settings() -> RulebookSettings:
    return _parsed(getattr(settings, "RULEBOOK_OVERRIDES", "") or "")


def comment_max_chars() -> int:
    return int(getattr(settings, "DISCLOSURE_COMMENT_MAX_CHARS", 2000))


def comment_rate() -> tuple[int, int]:
    """(comments, seconds) allowed per client IP address."""
    return tuple(getattr(settings, "DISCLOSURE_COMMENT_RATE", (5, 3600)))
