"""Fifty decisions issued at once by one issuer get fifty distinct, consecutive numbers (NĐ 30/2020 Đ15).

Needs PostgreSQL (row locks): skipped with a reason on SQLite unless THIDUA_REQUIRE_POSTGRES=1, then it fails.
"""

import datetime as dt
import threading

import pytest
from django.db import connections

from tests.conftest import OVERRIDE_REASON, at
from thidua.awards import services
from thidua.awards.models import Decision

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
N = 50


def test_it_gives_fifty_concurrent_issuances_fifty_consecutive_numbers(require_postgres, cast, org, people):
    nominations = []
    with at(dt.date(2024, 1, 16)):
        for i in range(N):
            n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN",
                                           year=2023, title=f"Đề nghị {i + 1}")
            services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van,
                                          achievement="X", override_reason=OVERRIDE_REASON)
            services.nomination_submit(nomination=n, acting_user=cast.clerk)
            services.nomination_approve(otp_verified=True, nomination=n, acting_user=cast.chairman)
            nominations.append(n)
    barrier = threading.Barrier(N)
    errors = []

    def issue(nomination):
        try:
            barrier.wait(timeout=60)
            services.decision_issue(otp_verified=True, nomination=nomination, acting_user=cast.clerk, issued_on=dt.date(2024, 1, 19))
        except Exception as exc:  # collected and asserted below
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(n,)) for n in nominations]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    numbers = sorted(Decision.objects.filter(issuer=org.binh_an, year=2024).values_list("number", flat=True))
    assert numbers == list(range(1, N + 1))
    golden = sorted(int(g.split("/")[0]) for d in Decision.objects.all() for g in
                    d.grants.values_list("golden_book_number", flat=True))
    assert golden == list(range(1, N + 1))
