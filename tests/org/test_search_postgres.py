"""Name search on PostgreSQL uses the trigram index (issue 11, item 2): `search_text LIKE '%…%'` is served by a
GIN index with pg_trgm's operator class instead of a sequential scan over every person."""

from django.db import connection

from thidua.core.text import normalize_search
from thidua.org.models import Person
from thidua.org.selectors import person_list_for


def test_the_person_search_can_use_the_trigram_index(require_postgres, cast, people):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["%_search_trgm"])
        assert {r[0] for r in cursor.fetchall()} == {"org_person_search_trgm", "org_unit_search_trgm",
                                                      "org_household_search_trgm"}
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: make the planner show its choice
        plan = Person.objects.filter(search_text__contains=normalize_search("Nguyễn Thanh")).explain()
    assert "org_person_search_trgm" in plan
    assert [p.full_name for p in person_list_for(cast.province_officer, "nguyen thanh")] == ["Nguyễn Thanh Văn"]
