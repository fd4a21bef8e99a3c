"""Table of legal cases; ids name the article they exercise."""
import pytest

from thidua.rulebook import RulebookSettings, evaluate, evaluate_all
from thidua.rulebook.errors import RulebookError

from .helpers import DD, Discipline, Grant, Initiative, cs_years, dt, person, summary, unit

E, N, J = "eligible", "not_eligible", "needs_judgement"
# A Bằng khen whose data clause fails: not eligible on that clause (setting form_other_clauses
# off), needs judgement by default (the article's other clauses are judgement-based).
NF = "data-clause-fails"
STRICT = RulebookSettings().with_overrides({"conduct_judgement_blocks": True})
DATA_ONLY = RulebookSettings().with_overrides({"form_other_clauses": False})
ALL_HTXS = {y: "HTXS" for y in range(2015, 2027)}
ALL_HTT = {y: "HTT" for y in range(2015, 2027)}

CASES = [
    # --- LĐTT (Luật Đ24)
    ("Đ24-HTT-is-enough", person({2025: "HTT"}), "LDTT", 2025, E),
    ("Đ24-HT-is-not-enough", person({2025: "HT"}), "LDTT", 2025, N),
    ("Đ24-no-rating", person({}), "LDTT", 2025, N),
    ("Đ24-conduct-judgement-missing-does-not-hold", person({2025: "HTT"}, judged=False), "LDTT", 2025, E),
    ("Đ24-judgement-negative", person({2025: "HTT"}, judged=False, judgements={2025: {"LDTT": False}}), "LDTT", 2025, N),
    # --- CSTĐCS (Luật Đ23)
    ("Đ23-HTXS-without-initiative", person({2025: "HTXS"}), "CSTDCS", 2025, E),
    ("Đ23-initiative-instead-of-HTXS", person({2025: "HTT"}, initiatives=[Initiative("SK", 2025)]), "CSTDCS", 2025, E),
    ("Đ23-research-instead-of-HTXS", person({2025: "HTT"}, initiatives=[Initiative("DT", 2025, kind="research")]), "CSTDCS", 2025, E),
    ("Đ23-HTT-without-initiative", person({2025: "HTT"}), "CSTDCS", 2025, N),
    ("Đ23-initiative-of-another-year", person({2025: "HTT"}, initiatives=[Initiative("SK", 2024)]), "CSTDCS", 2025, N),
    ("CV5007-initiative-already-used", person({2025: "HTT"}, initiatives=[Initiative("SK", 2025, used_for="BK_TINH")]), "CSTDCS", 2025, N),
    ("CV5007-same-use-recounted", person({2025: "HTT"}, initiatives=[Initiative("SK", 2025, used_for="CSTDCS", used_for_year=2025)]), "CSTDCS", 2025, E),
    ("Đ23-needs-LDTT", person({2025: "HT"}, initiatives=[Initiative("SK", 2025)]), "CSTDCS", 2025, N),
    # --- CSTĐ tỉnh (Luật Đ22)
    ("Đ22-three-consecutive-plus-province-initiative", person(ALL_HTXS, cs_years(2023, 2024, 2025), initiatives=[Initiative("SK", 2024, "province")]), "CSTD_TINH", 2025, E),
    ("Đ22-same-cycle-CSTDCS-counts", person(ALL_HTXS, cs_years(2023, 2024), initiatives=[Initiative("SK", 2024, "province")]), "CSTD_TINH", 2025, E),
    ("Đ22-gap-breaks-chain", person(ALL_HTXS, cs_years(2022, 2023, 2025), initiatives=[Initiative("SK", 2025, "province")]), "CSTD_TINH", 2025, N),
    ("Đ22-gap-breaks-chain-even-with-year-Y-eligible", person({2023: "HTXS", 2024: "HT", 2025: "HTXS"}, cs_years(2023), initiatives=[Initiative("SK", 2025, "province")]), "CSTD_TINH", 2025, N),
    ("Đ22-unit-initiative-is-not-enough", person(ALL_HTXS, cs_years(2023, 2024, 2025), initiatives=[Initiative("SK", 2024, "unit")]), "CSTD_TINH", 2025, N),
    ("Đ22-national-initiative-also-counts", person(ALL_HTXS, cs_years(2023, 2024, 2025), initiatives=[Initiative("SK", 2023, "national")]), "CSTD_TINH", 2025, E),
    ("Đ22-initiative-outside-span", person(ALL_HTXS, cs_years(2023, 2024, 2025), initiatives=[Initiative("SK", 2021, "province")]), "CSTD_TINH", 2025, N),
    ("Đ22-chain-restarts-after-grant", person(ALL_HTXS, {**cs_years(2022, 2023, 2024, 2025), 2024: {"CSTDCS", "CSTD_TINH"}}, initiatives=[Initiative("SK", 2025, "province")]), "CSTD_TINH", 2025, N),
    ("Đ22-CV5007-CSTDCS-takes-only-initiative", person({2023: "HTXS", 2024: "HTXS", 2025: "HTT"}, cs_years(2023, 2024), initiatives=[Initiative("SK", 2025, "province")]), "CSTD_TINH", 2025, N),
    # --- CSTĐ toàn quốc (Luật Đ21)
    ("Đ21-two-consecutive-province-plus-national", person(ALL_HTXS, {**cs_years(2020, 2021, 2022, 2023, 2024, 2025), 2022: {"CSTD_TINH"}, 2025: {"CSTD_TINH"}}, initiatives=[Initiative("SKQ", 2024, "national")]), "CSTD_TQ", 2025, E),
    ("Đ21-second-province-in-same-cycle", person(ALL_HTXS, {**cs_years(2020, 2021, 2022, 2023, 2024), 2022: {"CSTD_TINH"}}, initiatives=[Initiative("SKT", 2024, "province"), Initiative("SKQ", 2025, "national")]), "CSTD_TQ", 2025, E),
    ("Đ21-same-initiative-cannot-serve-both", person(ALL_HTXS, {**cs_years(2020, 2021, 2022, 2023, 2024), 2022: {"CSTD_TINH"}}, initiatives=[Initiative("SKQ", 2025, "national")]), "CSTD_TQ", 2025, N),
    ("Đ21-province-initiative-is-not-enough", person(ALL_HTXS, {**cs_years(2020, 2021, 2022, 2023, 2024, 2025), 2022: {"CSTD_TINH"}, 2025: {"CSTD_TINH"}}, initiatives=[Initiative("SK", 2024, "province")]), "CSTD_TQ", 2025, N),
    ("Đ21-not-consecutive", person(ALL_HTXS, {**cs_years(2023, 2024, 2025), 2018: {"CSTD_TINH"}, 2025: {"CSTD_TINH"}}, initiatives=[Initiative("SKQ", 2024, "national")]), "CSTD_TQ", 2025, N),
    ("Đ21-only-one-province", person(ALL_HTXS, {**cs_years(2023, 2024, 2025), 2025: {"CSTD_TINH"}}, initiatives=[Initiative("SKQ", 2024, "national")]), "CSTD_TQ", 2025, N),
    # --- Bằng khen tỉnh, individual (Luật Đ74 k1 d)
    ("Đ74k1d-two-consecutive-CSTDCS", person(ALL_HTT, cs_years(2024, 2025)), "BK_TINH", 2025, E),
    ("Đ74k1d-CSTDCS-not-consecutive", person(ALL_HTT, cs_years(2023, 2025)), "BK_TINH", 2025,NF),
    ("Đ74k1d-HTXS-two-years-two-initiatives", person({2024: "HTXS", 2025: "HTXS"}, {}, initiatives=[Initiative("A", 2024), Initiative("B", 2025)]), "BK_TINH", 2025, E),
    ("Đ74k1d-HTXS-two-years-one-initiative", person({2023: "HT", 2024: "HTXS", 2025: "HTXS"}, {}, initiatives=[Initiative("A", 2024)]), "BK_TINH", 2025,NF),
    ("Đ74k1d-HTXS-one-year-two-initiatives", person({2024: "HTT", 2025: "HTXS"}, {}, initiatives=[Initiative("A", 2025), Initiative("B", 2025)]), "BK_TINH", 2025,NF),
    ("Đ74k1d-restarts-after-previous-BK", person(ALL_HTT, cs_years(2024, 2025), grants=[Grant("BK_TINH", year=2024)]), "BK_TINH", 2025,NF),
    # --- Bằng khen Thủ tướng (Luật Đ73 k1 b)
    ("Đ73b-BK-then-five-years-three-CSTDCS", person(ALL_HTT, cs_years(2021, 2023, 2025), grants=[Grant("BK_TINH", year=2020)]), "BK_TTG", 2025, E),
    ("Đ73b-no-BK", person(ALL_HTT, cs_years(2021, 2023, 2025)), "BK_TTG", 2025,NF),
    ("Đ73b-thematic-BK-not-grounds", person(ALL_HTT, cs_years(2021, 2023, 2025), grants=[Grant("BK_TINH", year=2020, kind="chuyen_de")]), "BK_TTG", 2025,NF),
    ("Đ73b-ad-hoc-BK-not-grounds", person(ALL_HTT, cs_years(2021, 2023, 2025), grants=[Grant("BK_TINH", year=2020, kind="dot_xuat")]), "BK_TTG", 2025,NF),
    ("Đ73b-only-two-CSTDCS", person(ALL_HTT, cs_years(2021, 2023), grants=[Grant("BK_TINH", year=2020)]), "BK_TTG", 2025,NF),
    ("Đ73b-HT-year-breaks-span", person({**ALL_HTT, 2023: "HT"}, cs_years(2021, 2022, 2025), grants=[Grant("BK_TINH", year=2020)]), "BK_TTG", 2025,NF),
    ("Đ73b-span-must-follow-BK", person(ALL_HTT, cs_years(2021, 2023, 2025), grants=[Grant("BK_TINH", year=2023)]), "BK_TTG", 2025,NF),
    ("Đ73b-revoked-BK-not-counted", person(ALL_HTT, cs_years(2021, 2023, 2025), grants=[Grant("BK_TINH", year=2020, revoked=True)]), "BK_TTG", 2025,NF),
    # --- Giấy khen (Luật Đ75)
    ("Đ75-HTT-achievement-to-judge", person({2025: "HTT"}), "GIAY_KHEN", 2025, J),
    ("Đ75-HTT-achievement-judged", person({2025: "HTT"}, judgements={2025: {"GIAY_KHEN.achievement": True}}), "GIAY_KHEN", 2025, E),
    ("Đ75-achievement-judged-negative", person({2025: "HTT"}, judgements={2025: {"GIAY_KHEN": False}}), "GIAY_KHEN", 2025, N),
    ("Đ75-HT", person({2025: "HT"}), "GIAY_KHEN", 2025, N),
    # --- Discipline, inspection, complaints (NĐ 152/2025 Đ4)
    ("NĐ152Đ4-pending-inspection", person({2025: "HTXS"}, pending=frozenset({"inspection"})), "LDTT", 2025, N),
    ("NĐ152Đ4-pending-complaint", person({2025: "HTXS"}, pending=frozenset({"complaint"})), "CSTDCS", 2025, N),
    ("NĐ152Đ4-discipline-in-force", person({2025: "HTT"}, disciplines=[Discipline("khien_trach", dt.date(2025, 6, 1), dt.date(2026, 6, 1))]), "LDTT", 2025, N),
    ("NĐ152Đ4-discipline-open-ended", person({2025: "HTT"}, disciplines=[Discipline("canh_cao", dt.date(2025, 6, 1))]), "LDTT", 2025, N),
    ("NĐ152Đ4-count-from-end-of-discipline", person(ALL_HTXS, cs_years(2023, 2024, 2025), disciplines=[Discipline("khien_trach", dt.date(2023, 3, 1), dt.date(2024, 3, 1))], initiatives=[Initiative("SK", 2025, "province")]), "CSTD_TINH", 2025, N),
    ("NĐ152Đ4-years-after-end-count", person(ALL_HTXS, cs_years(2023, 2024, 2025), disciplines=[Discipline("khien_trach", dt.date(2021, 3, 1), dt.date(2022, 3, 1))], initiatives=[Initiative("SK", 2025, "province")]), "CSTD_TINH", 2025, E),
    ("NĐ335-2026-discipline-forces-KHT", person({2026: "HTXS"}, disciplines=[Discipline("khien_trach", dt.date(2026, 2, 1), dt.date(2026, 8, 1))]), "LDTT", 2026, N),
    ("NĐ152Đ4k5-maternity-counts", person({2025: "HTT"}, leave={2025: {"maternity": 180, "other": 0}}), "LDTT", 2025, E),
    # --- Collectives: TTLĐTT (Luật Đ28)
    ("Đ28-70-percent-LDTT", unit({2025: "HTT"}, members={2025: summary(10, ldtt=7)}), "TTLDTT", 2025, E),
    ("Đ28-69-percent-LDTT", unit({2025: "HTT"}, members={2025: summary(100, ldtt=69)}), "TTLDTT", 2025, N),
    ("Đ28-member-with-canh-cao", unit({2025: "HTT"}, members={2025: summary(10, ldtt=9, disciplined=1)}), "TTLDTT", 2025, N),
    ("Đ28-unit-rated-HT", unit({2025: "HT"}, members={2025: summary(10, ldtt=9)}), "TTLDTT", 2025, N),
    ("Đ28-no-member-data", unit({2025: "HTT"}), "TTLDTT", 2025, N),
    # --- TTLĐXS (Luật Đ27)
    ("Đ27-all-conditions", unit({2025: "HTXS"}, members={2025: summary(10, ldtt=7, cstdcs=1)}), "TTLDXS", 2025, E),
    ("Đ27-one-member-incomplete", unit({2025: "HTXS"}, members={2025: summary(10, completed=9, ldtt=8, cstdcs=1)}), "TTLDXS", 2025, N),
    ("Đ27-no-CSTDCS", unit({2025: "HTXS"}, members={2025: summary(10, ldtt=8, cstdcs=0)}), "TTLDXS", 2025, N),
    ("Đ27-unit-only-HTT", unit({2025: "HTT"}, members={2025: summary(10, ldtt=8, cstdcs=1)}), "TTLDXS", 2025, N),
    # --- Bằng khen tỉnh, collective (Luật Đ74 k2)
    ("Đ74k2-two-HTXS-years", unit({2024: "HTXS", 2025: "HTXS"}), "BK_TINH", 2025, E),
    ("Đ74k2-TTLDXS-then-HTXS", unit({2024: "HTT", 2025: "HTXS"}, titles={2024: {"TTLDXS"}}), "BK_TINH", 2025, E),
    ("Đ74k2-one-year-only", unit({2024: "HTT", 2025: "HTXS"}), "BK_TINH", 2025,NF),
    # --- Cờ thi đua tỉnh (Luật Đ26)
    ("Đ26-cluster-leader", unit({2025: "HTXS"}, clusters={2025: [__import__("thidua.rulebook", fromlist=["ClusterResult"]).ClusterResult("C1", "province", 1)]}), "CO_TINH", 2025, E),
    ("Đ26-cluster-second", unit({2025: "HTXS"}, clusters={2025: [__import__("thidua.rulebook", fromlist=["ClusterResult"]).ClusterResult("C1", "province", 2)]}), "CO_TINH", 2025, N),
    ("Đ26-three-year-movement-leader", unit({2025: "HTXS"}, movements=[__import__("thidua.rulebook", fromlist=["MovementLeadership"]).MovementLeadership("PT", "province", 3, 2025)]), "CO_TINH", 2025, E),
    ("Đ26-two-year-movement-not-enough", unit({2025: "HTXS"}, movements=[__import__("thidua.rulebook", fromlist=["MovementLeadership"]).MovementLeadership("PT", "province", 2, 2025)]), "CO_TINH", 2025, N),
]


@pytest.mark.parametrize("subject,code,year,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_it_decides_legal_cases(subject, code, year, expected):
    dd = DD if year < 2026 else dt.date(2026, 12, 15)
    v = evaluate(subject, code, year, dd)
    if expected == NF:
        assert v.status == J, [c.text_vi for c in v.criteria]
        assert any(c.rule_id.endswith("other") and c.met is None for c in v.criteria)
        v = evaluate(subject, code, year, dd, DATA_ONLY)
        expected = N
    assert v.status == expected, [c.text_vi for c in v.criteria]


def test_it_lists_missing_years_with_citation():
    p = person(ALL_HTXS, cs_years(2025), initiatives=[Initiative("SK", 2024, "province")])
    v = evaluate(p, "CSTD_TINH", 2026, dt.date(2026, 12, 15))
    chain = next(c for c in v.criteria if c.rule_id == "CSTD_TINH.chain")
    assert chain.met is False
    assert chain.text_vi == "Chưa đủ 3 năm liên tục đạt CSTĐ cơ sở (có: 2025, 2026) — Luật TĐKT 2022, Điều 22"
    assert chain.citation == "Luật TĐKT 2022, Điều 22"


def test_it_explains_same_cycle_counting():
    p = person(ALL_HTXS, cs_years(2023, 2024), initiatives=[Initiative("SK", 2024, "province")])
    v = evaluate(p, "CSTD_TINH", 2025, DD)
    assert any("đủ điều kiện trong cùng đợt xét" in c.text_vi for c in v.criteria)
    assert v.initiatives_used == ("SK",)


def test_it_propagates_pending_judgement_through_chains():
    p = person(ALL_HTXS, cs_years(2023, 2024), judged=False, initiatives=[Initiative("SK", 2024, "province")])
    assert evaluate(p, "CSTD_TINH", 2025, DD, STRICT).status == J
    assert evaluate(p, "CSTD_TINH", 2025, DD).status == E


def test_it_propagates_a_substantive_open_question_through_chains():
    # CSTĐCS 2025 rests on an initiative; with registration required and unknown, it waits.
    st = RulebookSettings().with_overrides({"registration_gate": "required"})
    p = person({2023: "HTXS", 2024: "HTXS", 2025: "HTXS"}, cs_years(2023, 2024), initiatives=[Initiative("SK", 2024, "province")])
    assert evaluate(p, "CSTDCS", 2025, DD, st).status == J
    assert evaluate(p, "CSTD_TINH", 2025, DD, st).status == J


def test_it_lists_conduct_criteria_without_holding_the_verdict():
    v = evaluate(person({2025: "HTT"}, judged=False), "LDTT", 2025, DD)
    [c] = [c for c in v.criteria if c.rule_id == "LDTT.judgement"]
    assert v.status == E and c.met is None and c.severity == "judgement"
    assert c.text_vi.startswith("Được xem xét tại cuộc họp bình xét: chấp hành tốt")
    assert evaluate(person({2025: "HTT"}, judged=False), "LDTT", 2025, DD, STRICT).status == J


def test_it_applies_a_negative_judgement_even_by_default():
    p = person({2025: "HTXS"}, judged=False, judgements={2025: {"*": False}})
    assert evaluate(p, "LDTT", 2025, DD).status == N
    assert evaluate(p, "CSTDCS", 2025, DD).status == N


def test_it_does_not_let_a_blanket_judgement_answer_other_clauses():
    p = person(ALL_HTT, cs_years(2025), judgements={2025: {"*": True}})
    assert evaluate(p, "BK_TINH", 2025, DD).status == J
    p = person(ALL_HTT, cs_years(2025), judgements={2025: {"BK_TINH.ind_other": True}})
    assert evaluate(p, "BK_TINH", 2025, DD).status == E
    p = person(ALL_HTT, cs_years(2025), judgements={2025: {"BK_TINH": False}})
    assert evaluate(p, "BK_TINH", 2025, DD).status == N
    st = RulebookSettings().with_overrides({"assume_judgement_met": True})
    assert evaluate(person(ALL_HTT, cs_years(2025), judged=False), "BK_TINH", 2025, DD, st).status == J


def test_it_asks_for_the_scope_of_an_initiative_when_unknown():
    p = person(ALL_HTXS, cs_years(2023, 2024, 2025), initiatives=[Initiative("SK", 2024, "unknown")])
    v = evaluate(p, "CSTD_TINH", 2025, DD)
    assert v.status == J and "chưa xác định phạm vi" in v.criteria[-1].text_vi
    # For CSTĐ cơ sở a recognised initiative is enough whatever its scope (Luật Đ23).
    assert evaluate(person({2025: "HTT"}, initiatives=[Initiative("SK", 2025, "unknown")]), "CSTDCS", 2025, DD).status == E


def test_it_flags_missing_registration_as_warning_by_default():
    p = person({2025: "HTT"}, registrations={2025: set()})
    v = evaluate(p, "LDTT", 2025, DD)
    assert v.status == E
    assert v.warnings and "Chưa đăng ký thi đua" in v.warnings[0]


def test_it_blocks_without_registration_when_required():
    st = RulebookSettings().with_overrides({"registration_gate": "required"})
    p = person({2025: "HTT"}, registrations={2025: {"CSTDCS"}})
    assert evaluate(p, "LDTT", 2025, DD, st).status == E  # CSTĐCS registration implies LĐTT
    p = person({2025: "HTT"}, registrations={2025: set()})
    assert evaluate(p, "LDTT", 2025, DD, st).status == N


def test_it_uses_the_member_percentage_setting():
    u = unit({2025: "HTT"}, members={2025: summary(10, ldtt=6)})
    assert evaluate(u, "TTLDTT", 2025, DD).status == N
    st = RulebookSettings().with_overrides({"ttldtt_member_percent": 50})
    assert evaluate(u, "TTLDTT", 2025, DD, st).status == E


def test_it_counts_member_lists_for_collectives():
    members = [person({2025: "HTXS"}, id=f"m{i}") for i in range(7)] + [person({2025: "HT"}, id=f"n{i}") for i in range(3)]
    u = unit({2025: "HTXS"}, members={2025: members})
    assert evaluate(u, "TTLDXS", 2025, DD).status == E
    assert evaluate(u, "TTLDTT", 2025, DD).status == E


def test_it_counts_members_awaiting_judgement_as_open():
    members = [person({2025: "HTT"}, id=f"m{i}", judged=False) for i in range(10)]
    u = unit({2025: "HTT"}, members={2025: members})
    assert evaluate(u, "TTLDTT", 2025, DD, STRICT).status == J
    assert evaluate(u, "TTLDTT", 2025, DD).status == E


def test_it_assumes_judgement_when_configured():
    st = RulebookSettings().with_overrides({"assume_judgement_met": True})
    assert evaluate(person({2025: "HTT"}, judged=False), "LDTT", 2025, DD, st).status == E


def test_it_rejects_codes_that_do_not_apply():
    with pytest.raises(RulebookError, match="không áp dụng"):
        evaluate(person({2025: "HTT"}), "TTLDTT", 2025, DD)
    with pytest.raises(RulebookError, match="không tồn tại"):
        evaluate(person({2025: "HTT"}), "XYZ", 2025, DD)


def test_it_evaluates_every_applicable_code():
    codes = [v.code for v in evaluate_all(person({2025: "HTT"}), 2025, DD)]
    assert codes == ["LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "GIAY_KHEN", "BK_TINH", "BK_TTG"]
    codes = [v.code for v in evaluate_all(unit({2025: "HTT"}), 2025, DD)]
    assert codes == ["TTLDTT", "TTLDXS", "GIAY_KHEN", "BK_TINH", "CO_TINH", "CO_CP"]


def test_it_leaves_unencoded_orders_to_judgement():
    v = evaluate(person({2025: "HTT"}), "HCLD_3", 2025, DD)
    assert v.status == J


def test_it_cites_the_decree_in_force():
    p = person({2024: "HTT"}, pending=frozenset({"complaint"}))
    old = evaluate(p, "LDTT", 2024, dt.date(2024, 12, 20))
    new = evaluate(p, "LDTT", 2024, dt.date(2025, 7, 1))
    assert old.criteria[0].citation == "NĐ 98/2023/NĐ-CP, Điều 4"
    assert new.criteria[0].citation == "NĐ 152/2025/NĐ-CP, Điều 4"
    assert (old.ruleset_id, new.ruleset_id) == ("2024-01", "2025-07")


def test_it_writes_vietnamese_with_diacritics():
    v = evaluate(person({2025: "HT"}), "LDTT", 2025, DD)
    text = " ".join(c.text_vi for c in v.criteria)
    assert "Hoàn thành nhiệm vụ" in text and "Điều 24" in text


def test_it_gives_the_same_statuses_and_rule_ids_in_compact_mode():
    from thidua.rulebook import evaluate_many

    subjects = [c[1] for c in CASES]
    full = [(v.code, v.status, [(c.rule_id, c.met, c.severity) for c in v.criteria])
            for s in subjects for v in evaluate_all(s, 2025, DD)]
    compact = [(v.code, v.status, [(c.rule_id, c.met, c.severity) for c in v.criteria])
               for _s, vs in evaluate_many(subjects, 2025, DD, compact=True) for v in vs]
    assert full == compact


def test_it_formats_criterion_texts_only_when_read():
    v = evaluate(person({2025: "HT"}), "LDTT", 2025, DD)
    c = next(c for c in v.criteria if c.rule_id == "LDTT.rating")
    assert not isinstance(c._text, str)
    assert c.text_vi == "Năm 2025 xếp loại: Hoàn thành nhiệm vụ, chưa đạt Hoàn thành tốt nhiệm vụ — Luật TĐKT 2022, Điều 24"
    assert c._text == c.text_vi
    import pickle
    assert pickle.loads(pickle.dumps(c)) == c


def test_it_leaves_no_reference_cycles_behind():
    # Lazy texts must not capture the per-subject facts (facts -> memo -> verdict -> text -> facts):
    # bulk runs pause the cyclic collector and rely on reference counting to free everything.
    import gc

    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for c in CASES:
            for v in evaluate_all(c[1], 2025, DD):
                assert v.criteria
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
