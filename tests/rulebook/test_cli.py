import json
import pathlib
import subprocess
import sys

import pytest

from thidua.rulebook.cli import main, run
from thidua.rulebook.errors import InputError

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "docs" / "examples"
NAMES = ["person_chain", "unit_titles", "semantics", "money"]


@pytest.mark.parametrize("name", NAMES)
def test_it_reproduces_the_documented_examples(name):
    payload = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    expected = json.loads((EXAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert json.loads(json.dumps(run(payload), ensure_ascii=False)) == expected


def test_it_reports_every_input_error_in_vietnamese(capsys):
    assert main([str(EXAMPLES / "invalid.json")]) == 2
    out = json.loads(capsys.readouterr().out)
    assert len(out["errors"]) == 3 and "xếp loại không hợp lệ" in out["errors"][2]


def test_it_exits_2_from_the_module_entry_point(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "thidua.rulebook", str(bad)], capture_output=True, text=True,
                       cwd=EXAMPLES.parents[1])
    assert r.returncode == 2 and "JSON" in r.stdout


def test_it_tolerates_omitted_optional_fields_and_notes_unknown_ones():
    out = run({"decision_date": "2025-12-15", "people": [{"id": "x", "ratings": {"2025": "HTT"}, "foo": 1}]})
    assert out["year"] == 2025
    assert out["results"][0]["verdicts"][0]["status"] == "eligible"  # LĐTT: HTT, conduct listed, not holding
    assert any("foo" in n for n in out["notes"])


def test_it_defaults_the_year_for_january_decisions():
    assert run({"decision_date": "2025-01-19", "people": [{"id": "x"}]})["year"] == 2024


def test_it_rejects_settings_that_do_not_exist():
    with pytest.raises(InputError, match="Thiết lập không tồn tại"):
        run({"decision_date": "2025-12-15", "settings": {"nope": 1}, "people": []})


def test_it_attaches_prizes_to_eligible_verdicts():
    out = run({"decision_date": "2026-12-15", "codes": ["LDTT"],
               "people": [{"id": "x", "ratings": {"2026": "HTT"}, "judgements": {"2026": True}}]})
    v = out["results"][0]["verdicts"][0]
    assert v["status"] == "eligible" and v["prize"]["amount"] == 760000
    assert v["prize"]["words"] == "Bảy trăm sáu mươi nghìn đồng"
