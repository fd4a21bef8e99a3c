import json
from pathlib import Path

from django.test import Client

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
BASE = "/api/eligibility"


def as_user(user):
    c = Client()
    c.force_login(user)
    return c


def test_it_lists_candidates_of_a_unit_with_verdicts(cast, org, history):
    r = as_user(cast.clerk).get(f"{BASE}/candidates", {"unit": org.binh_an.pk, "year": 2025,
                                                       "decision_date": "2026-01-15", "code": "CSTD_TINH"})
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["ruleset"] == "2025-07" and body["year"] == 2025
    assert body["state"] == "fresh" and body["count"] == len(body["items"]) > 0
    [van] = [i for i in body["items"] if i["name"] == "Nguyễn Thanh Văn"]
    [v] = van["verdicts"]
    assert v == {"code": "CSTD_TINH", "status": "eligible", "status_vi": "Đủ điều kiện", "granted": False}
    assert all(i["name"] != "Đinh Văn Lực" for i in body["items"])
    counts = {(c["code"], c["status"]): c["n"] for c in body["counts"]}
    assert {code for code, _ in counts} == {"CSTD_TINH"} and counts[("CSTD_TINH", "eligible")] >= 1
    # The reasons, each criterion with its citation, on demand: conduct criteria are listed but do not hold
    # the verdict; CSTĐCS 2025 counts in the same review.
    full = as_user(cast.clerk).get(van["reasons_url"] + "&code=CSTD_TINH").json()
    [v] = full["verdicts"]
    assert v["status"] == "eligible" and full["decision_date"] == "2026-01-15"
    assert any(c["citation"] == "Luật TĐKT 2022, Điều 22" for c in v["criteria"])


def test_it_pages_the_candidates_and_gives_a_collectives_reasons(cast, org, history):
    c = as_user(cast.clerk)
    params = {"unit": org.binh_an.pk, "year": 2025, "decision_date": "2026-01-15"}
    whole = c.get(f"{BASE}/candidates", params).json()
    first = c.get(f"{BASE}/candidates", {**params, "limit": 2}).json()
    second = c.get(f"{BASE}/candidates", {**params, "limit": 2, "offset": 2}).json()
    assert first["count"] == second["count"] == whole["count"] > 3
    assert [i["id"] for i in first["items"] + second["items"]] == [i["id"] for i in whole["items"][:4]]
    assert c.get(f"{BASE}/candidates", {**params, "limit": 5000}).status_code == 422
    [commune] = [i for i in whole["items"] if i["kind"] == "collective" and i["id"] == org.binh_an.pk]
    body = c.get(commune["reasons_url"]).json()
    assert body["name"] == org.binh_an.name and {v["code"] for v in body["verdicts"]} >= {"TTLDTT", "GIAY_KHEN"}
    assert as_user(cast.outsider).get(commune["reasons_url"]).status_code == 404


def test_it_filters_candidates_by_status_and_name(cast, org, history):
    r = as_user(cast.clerk).get(f"{BASE}/candidates", {"unit": org.binh_an.pk, "year": 2025, "q": "duyen",
                                                       "status": "not_eligible"})
    names = {i["name"] for i in r.json()["items"]}
    assert names == {"Nguyễn Thị Mỹ Duyên"}


def test_it_hides_candidates_and_people_from_an_outsider(cast, org, history):
    c = as_user(cast.outsider)
    assert c.get(f"{BASE}/candidates", {"unit": org.binh_an.pk, "year": 2025}).status_code == 404
    r = c.get(f"{BASE}/people/{history.van.pk}", {"year": 2025})
    assert r.status_code == 404 and r.json()["detail"]


def test_it_refuses_bad_parameters_in_vietnamese(cast, org):
    r = as_user(cast.clerk).get(f"{BASE}/candidates", {"unit": org.binh_an.pk, "code": "XYZ"})
    assert r.status_code == 400 and "Mã danh hiệu" in r.json()["detail"]
    r = as_user(cast.clerk).get(f"{BASE}/candidates", {"unit": org.binh_an.pk, "decision_date": "2023-05-01"})
    assert r.status_code == 400 and "01/01/2024" in r.json()["detail"]


def test_it_gives_a_persons_verdicts_and_forecast(cast, history):
    r = as_user(cast.clerk).get(f"{BASE}/people/{history.van.pk}", {"year": 2025, "decision_date": "2026-01-15"})
    assert r.status_code == 200
    body = r.json()
    assert {v["code"] for v in body["verdicts"]} == {"LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "GIAY_KHEN", "BK_TINH",
                                                   "BK_TTG"}
    assert any(f["code"] == "BK_TINH" for f in body["forecast"])


def test_it_evaluates_supplied_histories_like_the_command(cast):
    payload = json.loads((EXAMPLES / "person_chain.json").read_text(encoding="utf-8"))
    expected = json.loads((EXAMPLES / "person_chain.expected.json").read_text(encoding="utf-8"))
    r = as_user(cast.clerk).post(f"{BASE}/evaluate", json.dumps(payload), content_type="application/json")
    assert r.status_code == 200 and r.json() == expected


def test_it_lists_every_input_error_of_an_evaluation(cast):
    payload = json.loads((EXAMPLES / "invalid.json").read_text(encoding="utf-8"))
    expected = json.loads((EXAMPLES / "invalid.expected.json").read_text(encoding="utf-8"))
    r = as_user(cast.clerk).post(f"{BASE}/evaluate", json.dumps(payload), content_type="application/json")
    assert r.status_code == 400 and r.json()["errors"] == expected["errors"]


def test_it_requires_a_login_to_evaluate(db):
    r = Client().post(f"{BASE}/evaluate", "{}", content_type="application/json")
    assert r.status_code == 401
