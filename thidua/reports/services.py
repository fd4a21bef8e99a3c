"""The one door that writes report data: the clerk's draft of the annual summary."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from thidua.accounts.access import can
from thidua.accounts.models import Capability
from thidua.audit.services import audit_record

from .models import ReportDraft

ERR_NO_PERMISSION = "Bạn không có quyền soạn báo cáo của đơn vị này."
ERR_YEAR = "Năm báo cáo không hợp lệ."
ERR_TOO_LONG = "Nội dung quá dài (tối đa {limit} ký tự)."
TEXT_LIMIT = 20_000
FIELDS = ("number_text", "report_date", "limitations", "directions_note")
# The staff who run emulation or prepare nominations are the ones who draft the year-end report.
EDIT_CAPABILITIES = (Capability.EMULATION_MANAGE, Capability.NOMINATION_MANAGE)


def can_edit_draft(user, unit) -> bool:
    return any(can(user, cap, unit) for cap in EDIT_CAPABILITIES)


def _plain(value):
    return value.isoformat() if isinstance(value, dt.date) else value


@transaction.atomic
def report_draft_save(*, unit, year: int, acting_user, number_text: str = "", report_date=None,
                      limitations: str = "", directions_note: str = "") -> ReportDraft:
    if not can_edit_draft(acting_user, unit):
        raise PermissionDenied(ERR_NO_PERMISSION)
    if not isinstance(year, int) or not 1945 <= year <= 2100:
        raise ValidationError(ERR_YEAR)
    new = {"number_text": (number_text or "").strip(), "report_date": report_date,
           "limitations": (limitations or "").strip(), "directions_note": (directions_note or "").strip()}
    for key in ("limitations", "directions_note"):
        if len(new[key]) > TEXT_LIMIT:
            raise ValidationError(ERR_TOO_LONG.format(limit=TEXT_LIMIT))
    draft = ReportDraft.objects.select_for_update().filter(unit=unit, year=year).first()
    created = draft is None
    if created:
        draft = ReportDraft(unit=unit, year=year)
    old = {k: _plain(getattr(draft, k)) for k in FIELDS}
    for key, value in new.items():
        setattr(draft, key, value)
    draft.updated_by = acting_user
    draft.full_clean(exclude=["unit", "updated_by"], validate_unique=False)
    draft.save()
    changed = {k: _plain(v) for k, v in new.items() if old[k] != _plain(v)}
    audit_record(actor=acting_user, action="report_draft.saved", target=draft, unit=unit,
                 data={"old": {k: old[k] for k in changed}, "new": changed, "created": created})
    return draft
