"""Fixtures for the document renderers: plain data, no database."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The project's pytest config is expected to put the repository root on sys.path
# (``pythonpath = ["."]``); this keeps the suite runnable on its own before that exists.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from thidua.documents.samples import sample_certificate, sample_decision  # noqa: E402


@pytest.fixture
def decision():
    return sample_decision()


@pytest.fixture
def certificate():
    return sample_certificate()
