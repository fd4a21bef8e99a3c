import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
CASES = sorted(p for p in EXAMPLES.glob("*.json") if not p.name.endswith(".expected.json"))


def run(*args):
    out, err = StringIO(), StringIO()
    code = 0
    try:
        call_command("eligibility", *args, stdout=out, stderr=err)
    except SystemExit as e:
        code = e.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_it_answers_the_documented_examples(path):
    code, out, _ = run("--input", str(path))
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    assert json.loads(out) == expected
    assert code == (2 if "errors" in expected else 0)


def test_it_exits_2_with_vietnamese_errors_on_a_missing_file(tmp_path):
    code, out, err = run("--input", str(tmp_path / "khong-co.json"))
    assert code == 2 and "Không tìm thấy tệp" in json.loads(out)["errors"][0] and "Lỗi:" in err


def test_it_exits_2_on_invalid_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{khong phai json", encoding="utf-8")
    code, out, _ = run("--input", str(bad))
    assert code == 2 and "JSON hợp lệ" in json.loads(out)["errors"][0]


def test_it_prints_a_units_candidates_from_the_database(history, org):
    code, out, _ = run("--unit", "BAN", "--year", "2025", "--decision-date", "15/01/2026", "--code", "CSTD_TINH")
    body = json.loads(out)
    assert code == 0 and body["ruleset"] == "2025-07" and body["unit"]["code"] == "BAN"
    [van] = [r for r in body["results"] if r["name"] == "Nguyễn Thanh Văn"]
    assert [v["status"] for v in van["verdicts"]] == ["eligible"]


def test_it_refuses_an_unknown_unit_and_a_missing_year(db):
    code, out, _ = run("--unit", "KHONG")
    errors = json.loads(out)["errors"]
    assert code == 2 and any("KHONG" in e for e in errors) and any("--year" in e for e in errors)
