import datetime as dt

import pytest

from thidua.rulebook import (
    RulebookSettings,
    add_working_days,
    ballot_outcome,
    competent_decider,
    holidays_for_year,
    may_grant,
    select_ruleset,
)
from thidua.rulebook.errors import RulebookError
from thidua.rulebook.workdays import disclosure_deadline

D = dt.date


@pytest.mark.parametrize("on,expected", [
    (D(2024, 1, 1), "2024-01"), (D(2025, 6, 30), "2024-01"), (D(2025, 7, 1), "2025-07"),
    (D(2026, 9, 30), "2025-07"), (D(2026, 10, 1), "2026-10"), (D(2030, 1, 1), "2026-10"),
], ids=["law-start", "last-day-NĐ98", "NĐ152-start", "before-Luật-06-2026", "Luật-06-2026", "far-future"])
def test_it_selects_the_rule_set_by_decision_date(on, expected):
    assert select_ruleset(on).id == expected


def test_it_refuses_dates_before_the_2022_law():
    with pytest.raises(RulebookError, match="01/01/2024"):
        select_ruleset(D(2023, 12, 31))


def test_it_keeps_old_rules_for_dossiers_received_before_luat_06_2026():
    assert select_ruleset(D(2026, 11, 1), received_date=D(2026, 9, 1)).id == "2025-07"


@pytest.mark.parametrize("decider,code,on,ok", [
    ("commune_chairman", "CSTDCS", D(2025, 6, 30), False),
    ("commune_chairman", "CSTDCS", D(2025, 7, 1), True),
    ("commune_chairman", "LDTT", D(2024, 5, 1), True),
    ("commune_chairman", "TTLDTT", D(2025, 7, 1), True),
    ("district_chairman", "CSTDCS", D(2025, 6, 30), True),
    ("district_chairman", "CSTDCS", D(2025, 7, 1), False),
    ("department_head", "TTLDTT", D(2025, 7, 1), True),
    ("department_head", "BK_TINH", D(2025, 7, 1), False),
    ("province_chairman", "CSTD_TINH", D(2025, 7, 1), True),
    ("prime_minister", "BK_TTG", D(2025, 7, 1), True),
    ("president", "HCLD_2", D(2025, 7, 1), True),
], ids=["NĐ129-commune-before", "NĐ129Đ59-commune-after", "Đ80k3-commune-LDTT", "NĐ129Đ59-TTLDTT",
        "Đ80k2-district", "district-abolished", "Đ80k1-department", "department-no-BK", "province-CSTD",
        "PM-BK_TTG", "president-orders"])
def test_it_knows_who_may_grant(decider, code, on, ok):
    assert may_grant(decider, code, on) is ok


def test_it_routes_nominations_to_the_competent_decider():
    d = competent_decider("CSTDCS", "commune", D(2025, 3, 1))
    assert d == "district_chairman" and "Điều 80" in d.citation
    assert competent_decider("CSTDCS", "commune", D(2025, 7, 1)) == "commune_chairman"
    h = competent_decider("HCLD_3", "province", D(2025, 7, 1))
    assert h == "president" and h.proposed_by == "prime_minister"
    with pytest.raises(RulebookError, match="cấp huyện"):
        competent_decider("LDTT", "district", D(2025, 7, 1))


@pytest.mark.parametrize("code,total,agree,disagree,wa,wd,present,passed", [
    ("CSTD_TINH", 10, 9, 0, 0, 0, 9, True),
    ("CSTD_TINH", 10, 8, 1, 0, 0, 9, False),
    ("CSTD_TINH", 10, 8, 0, 1, 0, 8, True),
    ("CSTDCS", 10, 8, 0, 0, 0, 8, True),
    ("CSTDCS", 10, 7, 0, 0, 0, 7, False),
    ("CO_TINH", 10, 8, 1, 0, 0, 9, True),
    ("BK_TINH", 10, 6, 2, 0, 0, 8, True),
    ("BK_TINH", 10, 5, 3, 0, 0, 8, False),
], ids=["90pct-total", "89pct-fails", "written-opinion-counts", "80pct-CSTDCS", "quorum-70pct-fails",
        "80pct-flag", "majority-default", "half-is-not-majority"])
def test_it_counts_ballots_on_total_membership(code, total, agree, disagree, wa, wd, present, passed):
    assert ballot_outcome(code, total, agree, disagree, wa, wd, present)[0] is passed


def test_it_hands_over_to_the_head_after_two_rounds():
    ok, reasons = ballot_outcome("CSTDCS", 10, 5, 3, 0, 0, 8, round_no=2)
    assert not ok and "người đứng đầu" in reasons[-1]


def test_it_overrides_thresholds_per_tenant():
    st = RulebookSettings().with_overrides({"vote_thresholds": {"CSTDCS": "0.7"}})
    assert ballot_outcome("CSTDCS", 10, 7, 1, 0, 0, 8, st)[0]


@pytest.mark.parametrize("year,day", [(2024, D(2024, 2, 10)), (2025, D(2025, 1, 29)), (2026, D(2026, 2, 17)),
                                      (2026, D(2026, 4, 26)), (2030, D(2030, 2, 3)), (2025, D(2025, 9, 1))])
def test_it_knows_public_holidays(year, day):
    assert day in holidays_for_year(year)


def test_it_gives_a_compensatory_day_for_weekend_holidays():
    assert D(2026, 4, 27) in holidays_for_year(2026)  # Giỗ Tổ on Sunday 26/4/2026


def test_it_adds_working_days_over_weekends_and_holidays():
    # 28/4, 29/4, then 30/4, 1/5 and 2/5 are off (2/5/2025 was announced in lieu of Saturday 26/4).
    assert add_working_days(D(2025, 4, 25), 3) == D(2025, 5, 5)
    assert add_working_days(D(2025, 1, 24), 1) == D(2025, 2, 3)  # Tết 2025
    assert add_working_days(D(2025, 3, 3), 5, holidays=frozenset()) == D(2025, 3, 10)


@pytest.mark.parametrize("year, tet, first_after", [
    # Mùng 1 Tết of the published lunar calendar: 23/01/2031 (Thursday), 08/02/2035 (Thursday). The days
    # off run from the 29th of the old year to the 5th of the new; the first working day comes after.
    (2031, D(2031, 1, 23), D(2031, 1, 28)),
    (2035, D(2035, 2, 8), D(2035, 2, 13)),
])
def test_it_skips_tet_in_any_year(year, tet, first_after):
    days = holidays_for_year(year)
    assert tet in days and tet - dt.timedelta(days=1) in days and tet + dt.timedelta(days=2) in days
    working_day_before = tet - dt.timedelta(days=3)
    assert add_working_days(working_day_before, 1) == first_after
    assert add_working_days(first_after, -1) == working_day_before


def test_it_keeps_hung_kings_day_and_the_national_day_in_later_years():
    assert D(2031, 4, 1) in holidays_for_year(2031)  # 10/3 âm lịch
    assert {D(2035, 9, 2), D(2035, 9, 3)} <= holidays_for_year(2035)


def test_it_computes_disclosure_deadlines():
    assert disclosure_deadline(D(2025, 3, 17), "HCLD_3") == D(2025, 3, 3)
    assert disclosure_deadline(D(2025, 3, 17), "CSTDCS") == D(2025, 3, 10)
