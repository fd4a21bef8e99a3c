"""Doors for organisation changes: each atomic and audited."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.audit.services import audit_record
from thidua.core.bulk import insert_rows
from thidua.core.text import normalize_search
from thidua.rulebook import citizen_id

from .models import Employment, Household, Person, Unit, UnitMerger

ERR_NATIONAL_ID_TAKEN = ("Số định danh {value} đã được ghi cho một người khác trong hệ thống: không tạo hai hồ sơ cho "
                         "một người (tìm người đó theo số định danh, hoặc kiểm tra lại số).")
ERR_MERGE_NEEDS_TWO = "Cần chọn ít nhất hai đơn vị để sáp nhập."
ERR_MERGE_CLOSED = "Đơn vị {name} đã kết thúc hoạt động, không thể sáp nhập."
ERR_MERGE_DATE = "Ngày sáp nhập phải sau ngày thành lập của {name}."
ERR_EMPLOYMENT_DATE = "Ngày kết thúc phải sau ngày bắt đầu."
ERR_PARENT_CYCLE = "Đơn vị cấp trên không thể là chính đơn vị này hoặc một đơn vị trực thuộc nó."
ERR_UNIT_NAME = "Phải nhập tên đơn vị."


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
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    parent = fields.get("parent")
    if parent is not None and parent.path.startswith(unit.path):
        raise ValidationError(ERR_PARENT_CYCLE)
    if "name" in fields and not (fields["name"] or "").strip():
        raise ValidationError(ERR_UNIT_NAME)
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


def national_id_clean(value: str, *, date_of_birth=None, gender=None, person: Person | None = None) -> str:
    """The number as stored ("" when none): its structure checked against the birth year and gender, and held by
    no other person. Raises ValidationError with the Vietnamese reason."""
    value = citizen_id.normalise(value)
    if not value:
        return ""
    problem = citizen_id.check(value, birth_year=date_of_birth.year if date_of_birth else None, gender=gender)
    if problem:
        raise ValidationError(problem)
    others = Person.objects.filter(national_id=value)
    if person is not None:
        others = others.exclude(pk=person.pk)
    if others.exists():
        raise ValidationError(ERR_NATIONAL_ID_TAKEN.format(value=value))
    return value


@transaction.atomic
def person_create(*, acting_user, unit: Unit | None = None, position: str = "",
                  start_date: dt.date | None = None, **fields) -> Person:
    if fields.get("national_id"):
        fields["national_id"] = national_id_clean(fields["national_id"], date_of_birth=fields.get("date_of_birth"),
                                                  gender=fields.get("gender"))
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
    if {"national_id", "date_of_birth", "gender"} & set(fields):  # the number must still agree with them
        person.national_id = national_id_clean(person.national_id, date_of_birth=person.date_of_birth,
                                               gender=person.gender, person=person)
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


# --- Yearly ratings, discipline and initiatives (bulk doors; used by the Excel import) ---------

ERR_RATING_EXISTS = "{name} đã có xếp loại năm {year}."
ERR_DISCIPLINE_DATES = "Ngày hết kỷ luật phải sau ngày bắt đầu ({name})."
_IN_CHUNK = 900  # keeps IN (...) lists under SQLite's bound-variable limit


def _chunks(seq, size=_IN_CHUNK):
    seq = list(seq)
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


@transaction.atomic
def ratings_set(*, items: list[dict], acting_user, overwrite: bool = False, reason: str = "") -> int:
    """Record yearly ratings: items are {"person": Person, "year", "rating", "score" (Decimal|None)}.

    One rating per person and year (also a database constraint); an existing one is replaced
    only when `overwrite` is set, and the old value goes into the audit entry. One audit entry
    per rating; both written at the speed of the database (COPY on PostgreSQL), the audit entries targeting the person so it shows on their page.
    """
    from thidua.audit.services import audit_record_bulk

    from .models import PersonRating

    existing = {}
    for ids in _chunks({it["person"].pk for it in items}):
        for r in PersonRating.objects.select_for_update().filter(
                person_id__in=ids, year__in={it["year"] for it in items}):
            existing[(r.person_id, r.year)] = r
    new, changed, audits = [], [], []
    for it in items:
        person, year = it["person"], it["year"]
        unit_id = person.current_unit_id
        data = {"year": year, "rating": it["rating"], "score": None if it.get("score") is None else str(it["score"])}
        old = existing.get((person.pk, year))
        if old is None:
            new.append((person.pk, year, it["rating"], it.get("score"), unit_id))
            audits.append((person, unit_id, data))
        elif not overwrite:
            raise ValidationError(ERR_RATING_EXISTS.format(name=person.full_name, year=year))
        else:
            before = {"year": year, "rating": old.rating, "score": None if old.score is None else str(old.score)}
            old.rating, old.score, old.unit_id = it["rating"], it.get("score"), unit_id
            changed.append(old)
            audits.append((person, unit_id, {"old": before, "new": data}))
    insert_rows(PersonRating, ["person_id", "year", "rating", "score", "unit_id"], new)
    PersonRating.objects.bulk_update(changed, ["rating", "score", "unit"], batch_size=500)
    audit_record_bulk(actor=acting_user, action="rating.set", entries=audits, reason=reason)
    return len(items)


@transaction.atomic
def disciplines_record(*, items: list[dict], acting_user, reason: str = "") -> int:
    """Record discipline decisions: {"person" (a Person or PersonRef), "level", "start_date", "end_date",
    "decision_ref"}."""
    from thidua.audit.services import audit_record_bulk

    from .models import Discipline

    for it in items:
        if it.get("end_date") and it["end_date"] < it["start_date"]:
            raise ValidationError(ERR_DISCIPLINE_DATES.format(name=it["person"].full_name))
    insert_rows(Discipline, ["person_id", "level", "start_date", "end_date", "decision_ref"], (
        (it["person"].pk, it["level"], it["start_date"], it.get("end_date"), it.get("decision_ref", ""))
        for it in items))
    audit_record_bulk(actor=acting_user, action="discipline.recorded", reason=reason, entries=[
        (it["person"], it["person"].current_unit_id,
         {"level": it["level"], "start_date": it["start_date"].isoformat(),
          "end_date": it["end_date"].isoformat() if it.get("end_date") else None,
          "decision_ref": it.get("decision_ref", "")})
        for it in items
    ])
    return len(items)


@transaction.atomic
def initiatives_record(*, items: list[dict], acting_user, reason: str = "") -> int:
    """Record recognised initiatives / research: {"person" (a Person or PersonRef), "title", "kind", "year",
    "scope"}."""
    from thidua.audit.services import audit_record_bulk

    from .models import Initiative

    insert_rows(Initiative, ["person_id", "title", "kind", "year", "scope"], (
        (it["person"].pk, it["title"], it.get("kind", "initiative"), it["year"], it["scope"]) for it in items))
    audit_record_bulk(actor=acting_user, action="initiative.recorded", reason=reason, entries=[
        (it["person"], it["person"].current_unit_id,
         {"title": it["title"], "kind": it.get("kind", "initiative"), "year": it["year"], "scope": it["scope"]})
        for it in items
    ])
    return len(items)
