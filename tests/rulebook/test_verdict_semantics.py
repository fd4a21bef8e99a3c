"""Verdict semantics through the JSON contract (what `python -m thidua.rulebook FILE.json` answers),
with NO review-meeting judgements given — as an outside checker would write the cases.

Conduct qualities (đoàn kết, tự lực, gương mẫu, tích cực tham gia phong trào) are listed but do not
hold a verdict; "needs_judgement" is reserved for substantive questions data cannot settle.
Each case id names its article."""
import pytest

from thidua.rulebook.cli import run

E, N, J = "eligible", "not_eligible", "needs_judgement"
DD = "2025-12-15"
HTT5 = {str(y): "HTT" for y in range(2019, 2026)}


def P(**kw):
    return {"id": "p", **kw}


def U(**kw):
    return {"id": "u", **kw}


def member(i, rating):
    return {"id": f"m{i}", "ratings": {"2025": rating}}


CASES = [
    # --- Lao động tiên tiến (Luật Đ24)
    ("Đ24-HTT-eligible", P(ratings={"2025": "HTT"}), "LDTT", E),
    ("Đ24-HTXS-eligible", P(ratings={"2025": "HTXS"}), "LDTT", E),
    ("Đ24-HT-not-eligible", P(ratings={"2025": "HT"}), "LDTT", N),
    ("Đ24-KHT-not-eligible", P(ratings={"2025": "KHT"}), "LDTT", N),
    ("Đ24-NĐ152Đ4-discipline-in-force", P(ratings={"2025": "HTT"}, disciplines=[{"level": "khien_trach", "start": "2025-09-01", "end": "2026-09-01"}]), "LDTT", N),
    ("Đ24-NĐ152Đ4-discipline-ended-before-the-year", P(ratings={"2025": "HTT"}, disciplines=[{"level": "khien_trach", "start": "2023-03-01", "end": "2024-03-01"}]), "LDTT", E),
    ("Đ24-NĐ152Đ4-pending-complaint", P(ratings={"2025": "HTT"}, pending=["complaint"]), "LDTT", N),
    ("Đ24-negative-review", P(ratings={"2025": "HTT"}, judgements={"2025": {"LDTT": False}}), "LDTT", N),
    # --- Chiến sĩ thi đua cơ sở (Luật Đ23)
    ("Đ23-HTXS", P(ratings={"2025": "HTXS"}), "CSTDCS", E),
    ("Đ23-HTT-unit-initiative", P(ratings={"2025": "HTT"}, initiatives=[{"id": "SK1", "year": 2025, "scope": "unit"}]), "CSTDCS", E),
    ("Đ23-HTT-initiative-scope-omitted", P(ratings={"2025": "HTT"}, initiatives=[{"id": "SK1", "year": 2025}]), "CSTDCS", E),
    ("Đ23-HTT-accepted-research", P(ratings={"2025": "HTT"}, initiatives=[{"id": "DT1", "year": 2025, "kind": "research"}]), "CSTDCS", E),
    ("Đ23-HTT-research-not-accepted", P(ratings={"2025": "HTT"}, initiatives=[{"id": "DT1", "year": 2025, "kind": "research", "accepted": False}]), "CSTDCS", N),
    ("Đ23-HTT-nothing-else", P(ratings={"2025": "HTT"}), "CSTDCS", N),
    ("Đ23-HT-with-initiative-lacks-LDTT", P(ratings={"2025": "HT"}, initiatives=[{"id": "SK1", "year": 2025}]), "CSTDCS", N),
    # --- CSTĐ cấp tỉnh (Luật Đ22)
    ("Đ22-three-granted-plus-province-initiative", P(ratings={"2023": "HTXS", "2024": "HTXS", "2025": "HTXS"}, titles={"2023": ["CSTDCS"], "2024": ["CSTDCS"], "2025": ["CSTDCS"]}, initiatives=[{"id": "SK", "year": 2024, "scope": "province"}]), "CSTD_TINH", E),
    ("Đ22-this-years-CSTDCS-same-cycle", P(ratings={"2023": "HTXS", "2024": "HTXS", "2025": "HTXS"}, titles={"2023": ["CSTDCS"], "2024": ["CSTDCS"]}, initiatives=[{"id": "SK", "year": 2024, "scope": "province"}]), "CSTD_TINH", E),
    ("Đ22-gap-breaks-chain", P(ratings={"2022": "HTXS", "2023": "HTXS", "2024": "HT", "2025": "HTXS"}, titles={"2022": ["CSTDCS"], "2023": ["CSTDCS"]}, initiatives=[{"id": "SK", "year": 2025, "scope": "province"}]), "CSTD_TINH", N),
    ("Đ22-no-province-initiative", P(ratings={"2025": "HTXS"}, titles={"2023": ["CSTDCS"], "2024": ["CSTDCS"], "2025": ["CSTDCS"]}, initiatives=[{"id": "SK", "year": 2024, "scope": "unit"}]), "CSTD_TINH", N),
    ("Đ22-initiative-scope-unknown", P(ratings={"2025": "HTXS"}, titles={"2023": ["CSTDCS"], "2024": ["CSTDCS"], "2025": ["CSTDCS"]}, initiatives=[{"id": "SK", "year": 2024}]), "CSTD_TINH", J),
    # --- CSTĐ toàn quốc (Luật Đ21)
    ("Đ21-two-province-plus-national", P(ratings={"2025": "HTXS"}, titles={"2022": ["CSTD_TINH"], "2023": ["CSTDCS"], "2024": ["CSTDCS"], "2025": ["CSTD_TINH"]}, initiatives=[{"id": "SKQ", "year": 2024, "scope": "national"}]), "CSTD_TQ", E),
    ("Đ21-only-one-province", P(ratings={"2025": "HTXS"}, titles={"2023": ["CSTDCS"], "2024": ["CSTDCS"], "2025": ["CSTD_TINH"]}, initiatives=[{"id": "SKQ", "year": 2024, "scope": "national"}]), "CSTD_TQ", N),
    # --- Bằng khen tỉnh, cá nhân (Luật Đ74 k1)
    ("Đ74k1d-two-CSTDCS-granted", P(ratings={"2024": "HTT", "2025": "HTT"}, titles={"2024": ["CSTDCS"], "2025": ["CSTDCS"]}), "BK_TINH", E),
    ("Đ74k1d-second-CSTDCS-same-cycle", P(ratings={"2024": "HTXS", "2025": "HTXS"}, titles={"2024": ["CSTDCS"]}), "BK_TINH", E),
    ("Đ74k1d-two-HTXS-two-unit-initiatives", P(ratings={"2024": "HTXS", "2025": "HTXS"}, initiatives=[{"id": "A", "year": 2024, "scope": "unit"}, {"id": "B", "year": 2025, "scope": "unit"}]), "BK_TINH", E),
    ("Đ74k1-clause-d-fails-other-clauses-remain", P(ratings={"2024": "HTT", "2025": "HTT"}), "BK_TINH", J),
    ("Đ74k1-discipline-blocks-every-clause", P(ratings={"2024": "HTT", "2025": "HTT"}, pending=["inspection"]), "BK_TINH", N),
    # --- Bằng khen Thủ tướng (Luật Đ73 k1 b)
    ("Đ73k1b-BK-then-5-years-3-CSTDCS", P(ratings=HTT5, titles={"2021": ["CSTDCS"], "2023": ["CSTDCS"], "2025": ["CSTDCS"]}, grants=[{"code": "BK_TINH", "year": 2020}]), "BK_TTG", E),
    ("Đ73k1b-third-CSTDCS-same-cycle", P(ratings={**HTT5, "2025": "HTXS"}, titles={"2021": ["CSTDCS"], "2023": ["CSTDCS"]}, grants=[{"code": "BK_TINH", "year": 2020}]), "BK_TTG", E),
    ("Đ73k1-clause-b-fails-other-clauses-remain", P(ratings=HTT5, titles={"2021": ["CSTDCS"]}, grants=[{"code": "BK_TINH", "year": 2020}]), "BK_TTG", J),
    # --- Giấy khen (Luật Đ75): the achievement is judged
    ("Đ75-HTT-achievement-to-judge", P(ratings={"2025": "HTT"}), "GIAY_KHEN", J),
    ("Đ75-HT-not-eligible", P(ratings={"2025": "HT"}), "GIAY_KHEN", N),
    ("Đ75-achievement-recorded", P(ratings={"2025": "HTT"}, judgements={"2025": {"GIAY_KHEN": True}}), "GIAY_KHEN", E),
    # --- Not encoded (Luật Đ33 orders)
    ("Đ33-order-not-encoded", P(ratings={"2025": "HTXS"}), "HCLD_3", J),
    # --- Tập thể lao động tiên tiến (Luật Đ28)
    ("Đ28-70-percent", U(results={"2025": "HTT"}, members={"2025": {"total": 10, "completed": 10, "ldtt": 7, "disciplined": 0}}), "TTLDTT", E),
    ("Đ28-60-percent", U(results={"2025": "HTT"}, members={"2025": {"total": 10, "completed": 10, "ldtt": 6, "disciplined": 0}}), "TTLDTT", N),
    ("Đ28-member-canh-cao", U(results={"2025": "HTT"}, members={"2025": {"total": 10, "completed": 10, "ldtt": 9, "disciplined": 1}}), "TTLDTT", N),
    ("Đ28-member-list-same-cycle", U(results={"2025": "HTT"}, members={"2025": [member(i, "HTT") for i in range(7)] + [member(i + 7, "HT") for i in range(3)]}), "TTLDTT", E),
    ("Đ28-members-pending-could-tip", U(results={"2025": "HTT"}, members={"2025": {"total": 10, "completed": 10, "ldtt": 6, "ldtt_pending": 2, "disciplined": 0}}), "TTLDTT", J),
    # --- Tập thể lao động xuất sắc (Luật Đ27)
    ("Đ27-all-conditions", U(results={"2025": "HTXS"}, members={"2025": {"total": 10, "completed": 10, "ldtt": 7, "cstdcs": 1, "disciplined": 0}}), "TTLDXS", E),
    ("Đ27-member-list-one-HTXS", U(results={"2025": "HTXS"}, members={"2025": [member(0, "HTXS")] + [member(i, "HTT") for i in range(1, 10)]}), "TTLDXS", E),
    ("Đ27-no-CSTDCS", U(results={"2025": "HTXS"}, members={"2025": {"total": 10, "completed": 10, "ldtt": 8, "cstdcs": 0, "disciplined": 0}}), "TTLDXS", N),
    # --- Bằng khen tỉnh, tập thể (Luật Đ74 k2)
    ("Đ74k2-two-HTXS-years", U(results={"2024": "HTXS", "2025": "HTXS"}), "BK_TINH", E),
    ("Đ74k2-one-year-other-clauses-remain", U(results={"2024": "HTT", "2025": "HTXS"}), "BK_TINH", J),
    # --- Cờ thi đua (Luật Đ26, Đ25)
    ("Đ26-cluster-leader", U(results={"2025": "HTXS"}, clusters={"2025": {"cluster_id": "Cụm 3", "scope": "province", "rank": 1}}), "CO_TINH", E),
    ("Đ26-cluster-second", U(results={"2025": "HTXS"}, clusters={"2025": {"cluster_id": "Cụm 3", "scope": "province", "rank": 2}}), "CO_TINH", N),
    ("Đ25-leader-still-to-be-selected", U(results={"2025": "HTXS"}, clusters={"2025": {"cluster_id": "Khối 1", "scope": "province", "rank": 1}}), "CO_CP", J),
]


def verdict(subject, code, settings=None):
    key = "units" if subject["id"] == "u" else "people"
    payload = {"decision_date": DD, "year": 2025, "codes": [code], key: [subject]}
    if settings:
        payload["settings"] = settings
    [result] = run(payload)["results"]
    [v] = result["verdicts"]
    return v


@pytest.mark.parametrize("subject,code,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_it_answers_legal_cases_without_review_judgements(subject, code, expected):
    v = verdict(subject, code)
    assert v["status"] == expected, [c["text"] for c in v["criteria"]]


def test_it_keeps_conduct_criteria_in_the_list():
    v = verdict(P(ratings={"2025": "HTT"}), "LDTT")
    [c] = [c for c in v["criteria"] if c["rule_id"] == "LDTT.judgement"]
    assert (c["met"], c["severity"]) == (None, "judgement")
    assert c["text"].startswith("Được xem xét tại cuộc họp bình xét: ") and c["text"].endswith("Luật TĐKT 2022, Điều 24")
    assert v["prize"]["amount"] == 710_000  # 0,3 × 2.340.000 = 702.000 → 710.000


def test_it_restores_the_strict_behaviour_with_a_setting():
    strict = {"conduct_judgement_blocks": True}
    assert verdict(P(ratings={"2025": "HTT"}), "LDTT", strict)["status"] == J
    # A same-cycle lower title still waiting for the review holds the chain.
    p = P(ratings={"2025": "HTXS"}, titles={"2023": ["CSTDCS"], "2024": ["CSTDCS"]},
          initiatives=[{"id": "SK", "year": 2024, "scope": "province"}])
    v = verdict(p, "CSTD_TINH", strict)
    assert v["status"] == J and "còn chờ bình xét trong cùng đợt" in v["criteria"][-2]["text"]
    assert verdict(p, "CSTD_TINH")["status"] == E


def test_it_can_decide_forms_on_the_data_clause_alone():
    assert verdict(P(ratings={"2024": "HTT", "2025": "HTT"}), "BK_TINH", {"form_other_clauses": False})["status"] == N
