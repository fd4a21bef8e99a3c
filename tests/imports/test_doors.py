import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from thidua.audit.models import AuditEntry
from thidua.org.models import PersonRating
from thidua.org.services import disciplines_record, initiatives_record, ratings_set


def test_it_refuses_an_existing_rating_without_overwrite_and_writes_nothing(people, cast):
    ratings_set(items=[{"person": people.van, "year": 2024, "rating": "HTT"}], acting_user=cast.clerk)
    with pytest.raises(ValidationError) as exc:
        ratings_set(items=[{"person": people.duyen, "year": 2024, "rating": "HT"},
                           {"person": people.van, "year": 2024, "rating": "HTXS"}], acting_user=cast.clerk)
    assert exc.value.messages == ["Nguyễn Thanh Văn đã có xếp loại năm 2024."]
    assert list(PersonRating.objects.values_list("person_id", "rating")) == [(people.van.pk, "HTT")]
    assert AuditEntry.objects.filter(action="rating.set").count() == 1


def test_it_sets_ratings_in_bulk_with_one_audit_entry_each(people, cast, org):
    ratings_set(items=[{"person": people.van, "year": 2025, "rating": "HTXS", "score": Decimal("95")},
                       {"person": people.duyen, "year": 2025, "rating": "HTT"}], acting_user=cast.clerk, reason="r")
    assert PersonRating.objects.get(person=people.duyen).unit == org.youth
    entries = AuditEntry.objects.filter(action="rating.set").order_by("id")
    assert [(e.target_id, e.unit_id, e.data, e.reason) for e in entries] == [
        (str(people.van.pk), org.binh_an.pk, {"year": 2025, "rating": "HTXS", "score": "95"}, "r"),
        (str(people.duyen.pk), org.youth.pk, {"year": 2025, "rating": "HTT", "score": None}, "r"),
    ]


def test_it_refuses_a_discipline_ending_before_it_starts(people, cast):
    with pytest.raises(ValidationError) as exc:
        disciplines_record(items=[{"person": people.van, "level": "khien_trach", "start_date": dt.date(2025, 5, 1),
                                   "end_date": dt.date(2025, 4, 1)}], acting_user=cast.clerk)
    assert exc.value.messages == ["Ngày hết kỷ luật phải sau ngày bắt đầu (Nguyễn Thanh Văn)."]
    assert not people.van.disciplines.exists()


def test_it_records_initiatives_with_audit(people, cast):
    initiatives_record(items=[{"person": people.van, "title": "Số hóa", "year": 2025, "scope": "unit"}],
                       acting_user=cast.clerk)
    assert people.van.initiatives.get().kind == "initiative"
    assert AuditEntry.objects.get(action="initiative.recorded").data == {
        "title": "Số hóa", "kind": "initiative", "year": 2025, "scope": "unit"}
