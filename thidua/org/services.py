"""Doors for organisation changes: each atomic and audited."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.services import audit_record
from thidua.core.text import normalize_search

from .models import Employment, Household, Person, Unit, UnitMerger

ERR_MERGE_NEEDS_TWO = "Cần chọn ít nhất hai đơn vị để sáp nhập."
ERR_MERGE_CLOSED = "Đơn vị {name} đã kết thúc hoạt động, không thể sáp nhập."
ERR_MERGE_DATE = "Ngày sáp nhập phải sau ngày thành lập của {name}."
ERR_EMPLOYMENT_DATE = "Ngày kết thúc phải sau ngày bắt đầu."


def _set_path(unit: Unit) -> None:
    prefix = unit.parent.path if unit.parent_id else "/"
    unit.path = f"{prefix}{unit.pk}/"
    unit.search_text = normalize_search(unit.name)
    unit.save(update_fields=["path", "search_text"])


@transaction.atomic
def unit_create(*, acting_user, **fields) -> Unit:
    unit = Unit.objects.create(**fields)
    _set_path(unit)
    audit_record(actor=acting_user, action="unit.created", target=unit, unit=unit,
                 data={"name": unit.name, "level": unit.level, "kind": unit.kind})
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, acting_user, **fields) -> Unit:
    old = {k: str(getattr(unit, k)) for k in fields}
    for key, value in fields.items():
        setattr(unit, key, value)
    unit.save()
    if "parent" in fields or "name" in fields:
        old_path = unit.path
        _set_path(unit)
        for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk).order_by("path"):
            child.refresh_from_db()
            _set_path(child)
    audit_record(actor=acting_user, action="unit.updated", target=unit, unit=unit,
                 data={"old": old, "new": {k: str(v) for k, v in fields.items()}})
    return unit


@transaction.atomic
def units_merge(*, sources: list[Unit], acting_user, effective_date: dt.date, legal_basis: str = "",
                **new_unit_fields) -> Unit:
    """The 2025 reform: several units close the day before, one new unit opens.

    Award history is kept by pointing each old unit at the new one (merged_into);
    history pages read the whole lineage. Open employments move to the new unit.
    """
    if len(sources) < 2:
        raise ValidationError(ERR_MERGE_NEEDS_TWO)
    for src in sources:
        if src.valid_to is not None:
            raise ValidationError(ERR_MERGE_CLOSED.format(name=src.name))
        if src.valid_from and src.valid_from >= effective_date:
            raise ValidationError(ERR_MERGE_DATE.format(name=src.name))
    new_unit = unit_create(acting_user=acting_user, valid_from=effective_date, **new_unit_fields)
    merger = UnitMerger.objects.create(new_unit=new_unit, effective_date=effective_date, legal_basis=legal_basis)
    merger.sources.set(sources)
    closing = effective_date - dt.timedelta(days=1)
    for src in sources:
        src.valid_to = closing
        src.merged_into = new_unit
        src.save(update_fields=["valid_to", "merged_into"])
        # Child units (villages, departments) follow their commune into the new one.
        for child in src.children.filter(valid_to__isnull=True):
            unit_update(unit=child, acting_user=acting_user, parent=new_unit)
        for emp in Employment.objects.filter(unit=src, end_date__isnull=True).select_related("person"):
            employment_move(person=emp.person, unit=new_unit, position=emp.position,
                            start_date=effective_date, acting_user=acting_user)
        audit_record(actor=acting_user, action="unit.merged", target=src, unit=src,
                     data={"merged_into": new_unit.pk, "effective_date": effective_date.isoformat()},
                     reason=legal_basis)
    audit_record(actor=acting_user, action="unit.merged", target=new_unit, unit=new_unit,
                 data={"sources": [s.pk for s in sources], "effective_date": effective_date.isoformat()},
                 reason=legal_basis)
    return new_unit


@transaction.atomic
def person_create(*, acting_user, unit: Unit | None = None, position: str = "",
                  start_date: dt.date | None = None, **fields) -> Person:
    person = Person(**fields)
    person.refresh_search()
    person.save()
    audit_record(actor=acting_user, action="person.created", target=person, unit=unit,
                 data={"full_name": person.full_name})
    if unit is not None:
        employment_move(person=person, unit=unit, position=position,
                        start_date=start_date or dt.date.today(), acting_user=acting_user)
    return person


@transaction.atomic
def person_update(*, person: Person, acting_user, **fields) -> Person:
    old = {k: str(getattr(person, k)) for k in fields}
    for key, value in fields.items():
        setattr(person, key, value)
    person.refresh_search()
    person.save()
    audit_record(actor=acting_user, action="person.updated", target=person, unit=person.current_unit,
                 data={"old": old, "new": {k: str(v) for k, v in fields.items()}})
    return person


@transaction.atomic
def employment_move(*, person: Person, unit: Unit, position: str, start_date: dt.date, acting_user) -> Employment:
    """End the open employment (if any) the day before and start a new one."""
    for emp in person.employments.filter(end_date__isnull=True):
        emp.end_date = max(start_date - dt.timedelta(days=1), emp.start_date)
        emp.save(update_fields=["end_date"])
        audit_record(actor=acting_user, action="employment.ended", target=person, unit=emp.unit,
                     data={"unit": emp.unit_id, "end_date": emp.end_date.isoformat()})
    emp = Employment.objects.create(person=person, unit=unit, position=position, start_date=start_date)
    person.current_unit = unit
    person.current_position = position
    person.save(update_fields=["current_unit", "current_position"])
    audit_record(actor=acting_user, action="employment.started", target=person, unit=unit,
                 data={"unit": unit.pk, "position": position, "start_date": start_date.isoformat()})
    return emp


@transaction.atomic
def household_create(*, acting_user, **fields) -> Household:
    household = Household(**fields)
    household.search_text = normalize_search(household.head_name)
    household.save()
    audit_record(actor=acting_user, action="household.created", target=household, unit=household.unit)
    return household
