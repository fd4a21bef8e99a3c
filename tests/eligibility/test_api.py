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
    [van] = [i for i in body["items"] if i["name"] == "Nguyễn Thanh Văn"]
    [v] = van["verdicts"]
    # Conduct criteria are listed but do not hold the verdict; CSTĐCS 2025 counts in the same review.
    assert v["code"] == "CSTD_TINH" and v["status"] == "eligible"
    assert any(c["citation"] == "Luật TĐKT 2022, Điều 22" for c in v["criteria"])
    assert all(i["name"] != "Đinh Văn Lực" for i in body["items"])


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
