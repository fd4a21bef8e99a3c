"""``recorded``: sent after audit entries are written (one or many), with ``action`` and the distinct
``unit_ids`` they name (None for entries without a unit). Higher layers listen (stored verdicts computed again)."""

from django.dispatch import Signal

recorded = Signal()
