import datetime as dt

from thidua.awards import histories
from thidua.org.models import PersonRating
from thidua.org.services import person_create


def test_it_builds_ratings_titles_and_grants_from_valid_grants(history, org):
    b = histories.load_subtree(org.binh_an)
    van = b.people[history.van.pk]
    assert van.id == str(history.van.pk) and van.name == "Nguyễn Thanh Văn"
    assert van.ratings == {2021: "HTT", 2022: "HTXS", 2023: "HTXS", 2024: "HTXS", 2025: "HTXS"}
    assert van.titles == {2023: {"CSTDCS"}, 2024: {"CSTDCS"}}
    assert {(g.code, g.year, g.decision_date) for g in van.grants} == {
        ("CSTDCS", 2023, dt.date(2024, 1, 19)), ("CSTDCS", 2024, dt.date(2025, 1, 17))}


def test_it_leaves_revoked_grants_out(history, org):
    van = histories.person_history(history.van)
    assert all(g.code != "BK_TINH" for g in van.grants)
    assert 2022 not in van.titles


def test_it_keeps_the_award_type_of_a_grant(history):
    duyen = histories.person_history(history.duyen)
    assert [(g.code, g.kind) for g in duyen.grants] == [("GIAY_KHEN", "dot_xuat")]


def test_it_maps_initiatives_with_their_single_use(history):
    b = histories.person_histories([history.van.pk])
    ini = sorted(b.people[history.van.pk].initiatives, key=lambda i: i.year)
    assert [(i.year, i.scope, i.used_for) for i in ini] == [(2024, "unit", "CSTDCS"), (2025, "province", None)]
    assert b.initiative_titles[ini[1].id] == "Số hóa hồ sơ một cửa"


def test_it_maps_discipline_levels_to_rulebook_codes(history):
    duyen = histories.person_history(history.duyen)
    [d] = duyen.disciplines
    assert (d.level, d.start, d.end) == ("ha_bac", dt.date(2025, 3, 1), dt.date(2026, 2, 28))


def test_it_builds_unit_results_titles_and_members(history, org):
    b = histories.load_subtree(org.binh_an)
    youth = b.units[org.youth.pk]
    assert youth.results == {2024: "HTT", 2025: "HTT"} and youth.titles == {2024: {"TTLDTT"}}
    histories.attach_members(b, 2025, {history.van.pk: (True, None), history.duyen.pk: (False, False)})
    commune, y = b.units[org.binh_an.pk].members[2025], b.units[org.youth.pk].members[2025]
    assert (commune.total, commune.ldtt, commune.cstdcs_pending, commune.disciplined) == (2, 1, 1, 1)
    assert (y.total, y.completed, y.ldtt) == (1, 0, 0)
    assert org.other.pk not in b.units  # other communes stay out


def test_it_loads_a_subtree_in_a_constant_number_of_queries(history, org, django_assert_max_num_queries):
    small = histories.load_subtree(org.binh_an).queries
    for i in range(30):
        p = person_create(acting_user=None, full_name=f"Người Thử {i}", gender="male", unit=org.youth,
                          position="Đoàn viên", start_date=dt.date(2020, 1, 1))
        PersonRating.objects.create(person=p, year=2025, rating="HTT")
    with django_assert_max_num_queries(small):
        b = histories.load_subtree(org.binh_an)
    assert len(b.people) == 32 and b.queries == small <= 12
