"""core.bulk.insert_rows: COPY on PostgreSQL, bulk_create elsewhere; the same rows either way, defaults filled as
Model() fills them, inside the caller's transaction."""

import datetime as dt

import pytest
from django.db import transaction

from thidua.audit.models import AuditEntry
from thidua.core.bulk import insert_rows
from thidua.org.models import Initiative, PersonRating

pytestmark = pytest.mark.django_db


def test_it_writes_the_rows_with_the_models_defaults_and_timestamps(people, org):
    count = insert_rows(Initiative, ["person_id", "title", "year", "scope"],
                        [(people.van.pk, "Sáng kiến số hóa hồ sơ", 2025, "unit")])
    assert count == 1
    row = Initiative.objects.get()
    assert (row.title, row.kind, row.used_for) == ("Sáng kiến số hóa hồ sơ", Initiative().kind, "")
    insert_rows(AuditEntry, ["action", "target_type", "target_id", "data", "unit_id"],
                [("test.bulk", "org.person", str(people.van.pk), {"năm": 2025, "ghi chú": "có dấu"}, org.binh_an.pk),
                 ("test.bulk", "org.person", str(people.van.pk), {}, None)])
    entries = list(AuditEntry.objects.filter(action="test.bulk").order_by("id"))
    assert [e.data for e in entries] == [{"năm": 2025, "ghi chú": "có dấu"}, {}]
    assert all(abs(e.created_at - entries[0].created_at) < dt.timedelta(seconds=5) for e in entries)


def test_it_writes_inside_the_callers_transaction(people):
    with pytest.raises(RuntimeError), transaction.atomic():
        insert_rows(PersonRating, ["person_id", "year", "rating"], [(people.van.pk, 2024, "HTT")])
        assert PersonRating.objects.count() == 1
        raise RuntimeError
    assert PersonRating.objects.count() == 0
