"""The rulebook's settings as this deployment configures them: the defaults of the dated rule sets,
with the province's or ministry's overrides of their [S]/[M] values (settings.RULEBOOK_OVERRIDES, JSON).
settings.py parses the same value once at start-up, so a malformed one stops the process there."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from thidua.rulebook.errors import RulebookError
from thidua.rulebook.settings import RulebookSettings, settings_from_json

ERR_OVERRIDES = "RULEBOOK_OVERRIDES is invalid (Thiết lập RULEBOOK_OVERRIDES không hợp lệ): {error}"

_parsed: dict[str, RulebookSettings] = {}


def parse_overrides(raw: str) -> RulebookSettings:
    """The defaults with ``raw`` (a JSON object) applied; ImproperlyConfigured naming the bad key."""
    try:
        return settings_from_json(raw)
    except RulebookError as exc:
        raise ImproperlyConfigured(ERR_OVERRIDES.format(error=exc)) from exc


def rulebook_settings(**extra) -> RulebookSettings:
    raw = settings.RULEBOOK_OVERRIDES
    base = _parsed.get(raw)
    if base is None:
        base = _parsed[raw] = parse_overrides(raw)
    return base.with_overrides(extra) if extra else base
