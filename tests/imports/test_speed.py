"""Bulk behaviour: queries grow with rows / 900 (IN-list chunks), never per row (10,000 rows measured at
about 1.4 s CPU to read and check and 1.7 s to commit on SQLite; see the import note)."""

import datetime as dt
import time

from django.test import override_settings

from tests.imports.conftest import errors_of, make_file
from thidua.audit.models import AuditEntry
from thidua.core.text import normalize_search
from thidua.imports import services
from thidua.org.models import Person, PersonRating

N = 3000


@override_settings(IMPORT_BACKGROUND_ROWS=100_000)
def test_it_checks_and_imports_thousands_of_ratings_in_a_bounded_number_of_queries(
        cast, org, django_assert_max_num_queries):
    people = Person.objects.bulk_create([
        Person(full_name=f"Nguyễn Văn Thử {i}", gender="male", date_of_birth=dt.date(1980, 1, 1) + dt.timedelta(days=i),
               current_unit=org.binh_an if i % 2 else org.youth, search_text=normalize_search(f"Nguyễn Văn Thử {i}"))
        for i in range(N)
    ])
    rows = [
        {"full_name": p.full_name, "date_of_birth": p.date_of_birth.strftime("%d/%m/%Y"), "unit_code": "BAN",
         "year": "2025", "rating": "Hoàn thành tốt nhiệm vụ"} if i % 2 else
        {"person_id": str(p.pk), "year": "2026", "score": "91,5"}
        for i, p in enumerate(people)
    ]
    upload = make_file("ratings", rows)
    started = time.process_time()
    with django_assert_max_num_queries(60):
        batch = services.batch_create(kind="ratings", upload=upload, acting_user=cast.clerk)
    assert errors_of(batch) == {} and batch.valid_count == N
    with django_assert_max_num_queries(120):
        services.batch_commit(batch=batch, acting_user=cast.clerk)
    elapsed = time.process_time() - started
    assert PersonRating.objects.count() == N
    assert PersonRating.objects.filter(rating="HTXS", year=2026).count() == N // 2
    assert AuditEntry.objects.filter(action="rating.set").count() == N
    assert elapsed < 20  # CPU seconds; ~1 s here. Catches a per-row query or an O(n²) slip.
