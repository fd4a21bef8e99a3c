"""The structure docs/architecture.md describes, held by tools: import-linter's contracts, no hidden
imports, and every setting the code reads declared in settings.py."""

import ast
import re
import subprocess
import sys
from pathlib import Path

from django.conf import global_settings

import thidua.settings as project_settings

ROOT = Path(__file__).resolve().parents[2]
CODE = ROOT / "thidua"


def _sources():
    for path in sorted(CODE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, path.read_text()


def test_it_keeps_the_layer_contracts():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--config", str(ROOT / ".importlinter"), "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_it_hides_no_import_behind_importlib():
    # docs/architecture.md names the plug-in points that may load code by name: there are none today.
    hidden = [f"{p.relative_to(ROOT)}:{n}" for p, text in _sources()
              for n, line in enumerate(text.splitlines(), 1) if re.search(r"import_module|__import__", line)]
    assert hidden == []


def _settings_read(tree):
    """Names read as settings.X / getattr(settings, "X", …) where settings is django.conf.settings."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id in ("settings", "dj_settings") and node.attr.isupper():
            names.add(node.attr)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "getattr" and len(node.args) >= 2 \
                and getattr(node.args[0], "id", None) in ("settings", "dj_settings") \
                and isinstance(node.args[1], ast.Constant):
            names.add(node.args[1].value)
    return names


def test_it_declares_every_setting_it_reads():
    read = {}
    for path, text in _sources():
        if path.name == "settings.py" and path.parent == CODE:
            continue
        tree = ast.parse(text)
        imports_django_settings = any(
            isinstance(n, ast.ImportFrom) and n.module == "django.conf" and any(a.name == "settings" for a in n.names)
            for n in ast.walk(tree))
        if imports_django_settings:
            for name in _settings_read(tree):
                read.setdefault(name, str(path.relative_to(ROOT)))
    undeclared = {name: where for name, where in read.items()
                  if not hasattr(project_settings, name) and not hasattr(global_settings, name)}
    assert undeclared == {}
    # …and none is read with a default that would hide a missing declaration.
    with_default = [str(p.relative_to(ROOT)) for p, text in _sources() if re.search(r"getattr\((dj_)?settings,", text)]
    assert with_default == []
