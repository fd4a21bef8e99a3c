"""Settings are read from the environment once, at start-up; a bad value stops the process there with
one message naming it (architecture.md, Habit 8)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _start(**env):
    """Start Django as `manage.py check` would, with ``env`` added; (exit code, stderr)."""
    full = {**os.environ, "DJANGO_SETTINGS_MODULE": "thidua.settings", "DEBUG": "1", **env}
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=full,
                            capture_output=True, text=True, timeout=120)
    return result.returncode, result.stderr


@pytest.mark.parametrize("raw, named", [
    ('{"disclosure_days_othr": 5}', "disclosure_days_othr"),
    ('{"disclosure_days_other": "năm"}', "disclosure_days_other"),
    ('{"disclosure_days_other": 5', "JSON"),
    ('[1, 2]', "JSON"),
])
def test_it_refuses_to_start_with_malformed_rulebook_overrides(raw, named):
    code, err = _start(RULEBOOK_OVERRIDES=raw)
    assert code != 0
    last = err.strip().splitlines()[-1]
    assert "ImproperlyConfigured" in last and "RULEBOOK_OVERRIDES" in last and named in last


def test_it_starts_with_valid_overrides_and_applies_them(settings):
    code, err = _start(RULEBOOK_OVERRIDES='{"disclosure_days_other": 7}')
    assert code == 0, err
    from thidua.core.conf import rulebook_settings

    settings.RULEBOOK_OVERRIDES = '{"disclosure_days_other": 7}'
    assert rulebook_settings().disclosure_days_other == 7


@pytest.mark.parametrize("name, raw", [("EMULATION_TIE_BREAK", "discipline,age"), ("EMULATION_BK_COUNT", "hai"),
                                       ("AWARDS_CENTRAL_UNITS", "CP")])
def test_it_refuses_to_start_with_a_bad_local_setting(name, raw):
    code, err = _start(**{name: raw})
    assert code != 0 and name in err.strip().splitlines()[-1]
