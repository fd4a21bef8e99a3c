"""JSON contract for external checks of the rulebook (documented in docs/eligibility.md).

``run(payload) -> dict`` raises ``InputError`` (with ``.messages`` in Vietnamese) on invalid
input; ``main(argv)`` prints the result as JSON and exits 0, or prints the errors and exits 2.
The Django command ``manage.py eligibility --input FILE.json`` is a thin wrapper over ``run``.
"""
from __future__ import annotations

import datetime as dt
import json
import sys

from .codes import CODES, INDIVIDUAL, RECIPIENT_KINDS, STATUS_ELIGIBLE
from .eligibility import _evaluate, applicable_codes, facts_for
from .errors import InputError, RulebookError
from .forecast import forecast
from .history import _P, person_from_dict, unit_from_dict
from .money import PrizeItem, payable, prize
from .rulesets import select_ruleset
from .settings import DEFAULT_SETTINGS
from .words import amount_in_words, format_vnd

FORMAT_VERSION = 1
_TOP_KEYS = {"format_version", "decision_date", "year", "settings", "codes", "people", "units", "forecast",
             "prizes", "payable", "amount_in_words", "with_prize"}
_PERSON_KEYS = {"id", "name", "gender", "ratings", "titles", "grants", "initiatives", "disciplines", "pending",
                "registrations", "leave", "judgements"}
_UNIT_KEYS = {"id", "name", "level", "results", "ratings", "titles", "grants", "members", "clusters", "movements",
              "disciplines", "pending", "registrations", "judgements", "women_share"}


def default_year(decision_date: dt.date) -> int:
    """Year-end reviews decided from October belong to that year; earlier ones to the year before."""
    return decision_date.year if decision_date.month >= 10 else decision_date.year - 1


def _unknown(d, allowed, path, notes):
    if isinstance(d, dict):
        for k in d:
            if k not in allowed and not str(k).startswith("_") and k not in ("comment", "note", "expected"):
                notes.append(f"{path}: bỏ qua trường không xác định '{k}'")


def run(payload: dict) -> dict:
    if not isinstance(payload, dict):
        raise InputError("Dữ liệu vào phải là một đối tượng JSON")
    p = _P()
    notes: list[str] = []
    _unknown(payload, _TOP_KEYS, "(gốc)", notes)
    fv = payload.get("format_version", FORMAT_VERSION)
    if fv != FORMAT_VERSION:
        p.err("format_version", f"phiên bản định dạng không được hỗ trợ {fv!r} (hỗ trợ: {FORMAT_VERSION})")
    decision_date = None
    if payload.get("decision_date") is None:
        if payload.get("people") or payload.get("units"):
            p.err("decision_date", "bắt buộc khi có danh sách người hoặc đơn vị")
    else:
        decision_date = p.date("decision_date", payload.get("decision_date"))
    ruleset = None
    if decision_date is not None:
        try:
            ruleset = select_ruleset(decision_date)
        except RulebookError as e:
            # Eligibility needs a rule set; prizes alone may be dated earlier (NĐ 91/2017 table).
            if payload.get("people") or payload.get("units"):
                p.err("decision_date", str(e))
    year = payload.get("year")
    if year is not None:
        year = p.year("year", year)
    elif decision_date is not None:
        year = default_year(decision_date)
    settings = DEFAULT_SETTINGS
    if payload.get("settings") is not None:
        if not isinstance(payload["settings"], dict):
            p.err("settings", "phải là một đối tượng")
        else:
            try:
                settings = DEFAULT_SETTINGS.with_overrides(payload["settings"])
            except RulebookError as e:
                p.err("settings", str(e))
    codes = payload.get("codes")
    if codes is not None:
        if not isinstance(codes, list):
            p.err("codes", "phải là một danh sách mã")
            codes = None
        else:
            codes = [c for i, c in enumerate(codes) if p.code(f"codes[{i}]", c)]
    people = []
    for i, d in enumerate(p.listof("people", payload.get("people"))):
        _unknown(d, _PERSON_KEYS, f"people[{i}]", notes)
        people.append(person_from_dict(d, f"people[{i}]", p))
    units = []
    for i, d in enumerate(p.listof("units", payload.get("units"))):
        _unknown(d, _UNIT_KEYS, f"units[{i}]", notes)
        units.append(unit_from_dict(d, f"units[{i}]", p))
    seen = set()
    for kind, lst in (("people", people), ("units", units)):
        for i, s in enumerate(lst):
            if s.id and (kind, s.id) in seen:
                p.err(f"{kind}[{i}].id", f"mã định danh bị trùng '{s.id}'")
            seen.add((kind, s.id))
    fc = payload.get("forecast")
    fc_from = fc_horizon = None
    if fc:
        fc_conf = fc if isinstance(fc, dict) else {}
        fc_from = fc_conf.get("from_year", (year + 1) if year else None)
        fc_horizon = fc_conf.get("horizon", 5)
        if isinstance(fc_horizon, bool) or not isinstance(fc_horizon, int) or not 1 <= fc_horizon <= 30:
            p.err("forecast.horizon", "phải là số nguyên từ 1 đến 30")
        if fc_from is None:
            p.err("forecast.from_year", "bắt buộc khi không có năm xét")
        else:
            fc_from = p.year("forecast.from_year", fc_from)
    prize_reqs = []
    for i, r in enumerate(p.listof("prizes", payload.get("prizes"))):
        prize_reqs.append(_prize_item(p, f"prizes[{i}]", r, decision_date))
    pay_reqs = []
    for i, r in enumerate(p.listof("payable", payload.get("payable"))):
        pay_reqs.append(_prize_item(p, f"payable[{i}]", r, decision_date))
    words_reqs = []
    for i, n in enumerate(p.listof("amount_in_words", payload.get("amount_in_words"))):
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            p.err(f"amount_in_words[{i}]", f"số tiền phải là số nguyên không âm, nhận được {n!r}")
        else:
            words_reqs.append(n)
    with_prize = payload.get("with_prize", True)
    if p.errors:
        raise InputError(p.errors)

    out: dict = {"format_version": FORMAT_VERSION}
    if decision_date is not None:
        out["decision_date"] = decision_date.isoformat()
        out["year"] = year
        out["ruleset"] = ruleset.to_dict() if ruleset is not None else None
    results = []
    errors_late = []
    for kind_key, lst in (("people", people), ("units", units)):
        for i, s in enumerate(lst):
            f = facts_for(s, decision_date, settings, ruleset)
            wanted = applicable_codes(s) if codes is None else [c for c in codes if s.kind in CODES[c].recipient_kinds]
            verdicts = []
            for c in wanted:
                v = _evaluate(f, c, year)
                d = v.to_dict()
                d["prize"] = None
                if with_prize and v.status == STATUS_ELIGIBLE:
                    try:
                        d["prize"] = prize(c, s.kind, decision_date, settings).to_dict()
                    except RulebookError:
                        d["prize"] = None
                verdicts.append(d)
            entry = {"id": s.id, "name": s.name, "kind": s.kind, "kind_vi": RECIPIENT_KINDS[s.kind], "verdicts": verdicts}
            if fc_from is not None:
                try:
                    entry["forecast"] = [x.to_dict() for x in forecast(s, fc_from, decision_date, fc_horizon, settings)]
                except RulebookError as e:
                    errors_late.append(f"{kind_key}[{i}].forecast: {e}")
            results.append(entry)
    if people or units:
        out["results"] = results
    if prize_reqs:
        rows = []
        for i, it in enumerate(prize_reqs):
            try:
                rows.append(prize(it.code, it.recipient_kind, it.decision_date, settings).to_dict())
            except RulebookError as e:
                errors_late.append(f"prizes[{i}]: {e}")
        out["prizes"] = rows
    if pay_reqs:
        try:
            out["payable"] = [x.to_dict() for x in payable(pay_reqs, settings)]
        except RulebookError as e:
            errors_late.append(f"payable: {e}")
    if words_reqs:
        out["amount_in_words"] = [{"amount": n, "words": amount_in_words(n), "formatted": format_vnd(n)} for n in words_reqs]
    if errors_late:
        raise InputError(errors_late)
    out["notes"] = notes
    return out


def _prize_item(p, path, r, default_date):
    if not isinstance(r, dict):
        p.err(path, "phải là một đối tượng")
        return None
    code = p.code(f"{path}.code", r.get("code"))
    kind = p.choice(f"{path}.recipient_kind", r.get("recipient_kind"), RECIPIENT_KINDS, "loại đối tượng", INDIVIDUAL)
    if r.get("decision_date") is None and default_date is None:
        p.err(f"{path}.decision_date", "bắt buộc")
        d = None
    else:
        d = p.date(f"{path}.decision_date", r.get("decision_date")) if r.get("decision_date") is not None else default_date
    year = p.year(f"{path}.year", r["year"]) if r.get("year") is not None else None
    if code and d:
        return PrizeItem(code, kind, d, year)
    return None


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) != 1:
        print("Cách dùng: python -m thidua.rulebook FILE.json   (dùng '-' để đọc từ stdin)", file=sys.stderr)
        return 2
    try:
        if argv[0] == "-":
            payload = json.load(sys.stdin)
        else:
            with open(argv[0], encoding="utf-8") as fh:
                payload = json.load(fh)
    except FileNotFoundError:
        return _fail([f"Không tìm thấy tệp '{argv[0]}'"])
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        return _fail([f"Tệp không phải JSON hợp lệ: {e}"])
    try:
        result = run(payload)
    except InputError as e:
        return _fail(e.messages)
    except RulebookError as e:
        return _fail([str(e)])
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _fail(messages) -> int:
    json.dump({"errors": messages}, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    for m in messages:
        print(f"Lỗi: {m}", file=sys.stderr)
    return 2
