"""The award history an office brings, imported from Excel (issue 12, item 1): one row per grant of a past decision.

Registered with the imports app (its upload, staging, preview and all-or-nothing commit), checked here and written
through ``paper.paper_decisions_record``. Rows of the same issuer, year and number form one decision. People are
found by "Mã cá nhân" or by name, date of birth and unit; collectives by unit code or name (in the uploader's
reach); issuers by code or name among the units the uploader reaches, those above them and the central ones.
A decision already recorded, or a number the issuer already holds that year, is a row error: importing the same file
twice writes nothing the second time and says why, row by row.
"""

import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.db.models import Q

from thidua.core.text import normalize_search
from thidua.formatting import format_date
from thidua.imports.kinds import (
    C_DOB,
    C_NAME,
    C_NATIONAL_ID,
    C_PERSON_ID,
    C_STT,
    Column,
    KindHooks,
    KindSpec,
    register,
)
from thidua.imports.models import ImportKind
from thidua.org.models import Level, PersonRef, Unit
from thidua.rulebook import codes as rb_codes

from .models import Decision, DecisionSource, Grant, GrantStatus
from .paper import PaperDecision, PaperGrant, paper_decisions_record

E_NUMBER = "Số quyết định '{value}' không hợp lệ (ví dụ 15/QĐ-UBND)"
E_AWARD = "Danh hiệu, hình thức '{value}' không có trong danh mục (ví dụ: Giấy khen, Lao động tiên tiến, Bằng khen " \
          "của Thủ tướng Chính phủ)"
E_KIND = "Loại đối tượng '{value}' không hợp lệ (Cá nhân hoặc Tập thể)"
E_AWARD_KIND = "{award} không dành cho {kind}"
E_AMOUNT = "Số tiền '{value}' không hợp lệ (số đồng, ví dụ 1.500.000)"
E_YEAR_AFTER = "Năm thành tích {year} sau năm của quyết định ({day})"
E_FUTURE = "Ngày quyết định {day} ở tương lai"
E_ISSUER = "Không tìm thấy cơ quan ban hành '{value}' (ghi mã đơn vị hoặc tên như trên trang “Đơn vị”)"
E_ISSUER_AMBIGUOUS = "Có nhiều đơn vị tên '{value}'; hãy ghi mã đơn vị của cơ quan ban hành"
E_COLLECTIVE_UNIT = "Thiếu Mã đơn vị hoặc Tên đơn vị của tập thể được khen"
E_RECORDED = "Đã có trong hệ thống: {award} của {name} theo quyết định {number} ngày {day} (không ghi lại)"
E_DECISION_RECORDED = ("Quyết định {number} năm {year} của {issuer} đã được ghi nhận ngày {day}; không thêm người vào "
                       "quyết định đã ghi")
E_NUMBER_TAKEN = "Số {number} năm {year} của {issuer} đã được cấp cho quyết định ban hành trên hệ thống ({day})"
E_TITLE_HELD = ("{name} đã có danh hiệu {award} năm {year} theo quyết định {number} ngày {day} (một danh hiệu "
                "khen thành tích của một năm; không ghi hai lần)")
E_OTHER_DATE = "Cùng số quyết định {number} với dòng {row} nhưng khác ngày ({day})"

NUMBER_RE = re.compile(r"^\s*(?:số\s*)?(\d{1,6})\s*(?:/\s*(\S.*))?$", re.IGNORECASE)
KINDS = {normalize_search(label): code for code, label in rb_codes.RECIPIENT_KINDS.items() if code != rb_codes.HOUSEHOLD}
KINDS.update({"ca nhan": rb_codes.INDIVIDUAL, "tap the": rb_codes.COLLECTIVE, "khen thuong ca nhan": rb_codes.INDIVIDUAL,
              "khen thuong tap the": rb_codes.COLLECTIVE})


def _award_aliases() -> dict[str, str]:
    out = {}
    for code, a in rb_codes.CODES.items():
        for label in (code, a.name_vi, a.short_vi):
            out[normalize_search(label)] = code
    out.update({normalize_search(k): v for k, v in {
        "Bằng khen của Chủ tịch UBND tỉnh": "BK_TINH", "Bằng khen UBND tỉnh": "BK_TINH", "Bằng khen tỉnh": "BK_TINH",
        "Bằng khen Thủ tướng Chính phủ": "BK_TTG", "Chiến sĩ thi đua cấp tỉnh": "CSTD_TINH",
        "Tập thể lao động xuất sắc": "TTLDXS", "Tập thể lao động tiên tiến": "TTLDTT",
    }.items()})
    return out


AWARDS = _award_aliases()

SPEC = KindSpec(
    code=ImportKind.HISTORY, slug="lich-su-khen-thuong", label="Lịch sử khen thưởng",
    columns=(
        C_STT,
        Column("decision_number", "Số quyết định", "Số, ký hiệu như trên quyết định, ví dụ 15/QĐ-UBND.", width=16,
               aliases=("Số QĐ", "Số, ký hiệu quyết định", "Số ký hiệu")),
        Column("decision_date", "Ngày quyết định", "Ngày ký quyết định, dd/mm/yyyy.", width=14, text=True,
               aliases=("Ngày QĐ", "Ngày ký", "Ngày ban hành")),
        Column("issuer", "Cơ quan ban hành", "Mã đơn vị hoặc tên của cơ quan ban hành (UBND xã, UBND tỉnh, Chính "
               "phủ…), như trên trang “Đơn vị”.", width=26, aliases=("Cấp khen", "Cơ quan quyết định")),
        Column("award", "Danh hiệu, hình thức", "Tên danh hiệu thi đua hoặc hình thức khen thưởng, ví dụ Giấy khen, "
               "Lao động tiên tiến, Bằng khen cấp bộ, ngành, tỉnh.", width=30,
               aliases=("Hình thức khen thưởng", "Danh hiệu thi đua/Hình thức khen thưởng", "Danh hiệu thi đua",
                        "Hình thức", "Danh hiệu")),
        Column("recipient_kind", "Cá nhân/Tập thể", "Cá nhân hoặc Tập thể (mặc định Cá nhân).",
               ("Cá nhân", "Tập thể"), width=14, aliases=("Phân loại khen thưởng", "Đối tượng")),
        C_PERSON_ID, C_NATIONAL_ID, C_NAME, C_DOB,
        Column("unit_code", "Mã đơn vị", "Mã đơn vị công tác của cá nhân, hoặc của tập thể được khen.", width=14),
        Column("unit_name", "Tên đơn vị", "Tên đơn vị công tác của cá nhân, hoặc tên tập thể được khen; chỉ cần khi "
               "không ghi Mã đơn vị.", width=28, aliases=("Đơn vị công tác", "Tên tập thể")),
        Column("position", "Chức vụ", "Chức vụ khi được khen (không bắt buộc).", width=22),
        Column("year", "Năm thành tích", "Năm của thành tích được khen, ví dụ 2022.", width=10,
               aliases=("Năm", "Năm khen")),
        Column("amount", "Số tiền", "Tiền thưởng (đồng), nếu có ghi.", width=14, aliases=("Tiền thưởng",)),
        Column("golden_book", "Số sổ vàng", "Số vào sổ vàng, nếu có.", width=12),
    ),
    example={"decision_number": "15/QĐ-UBND", "decision_date": "20/01/2023", "issuer": "Xã Bình An",
             "award": "Giấy khen", "recipient_kind": "Cá nhân", "full_name": "Nguyễn Văn An",
             "date_of_birth": "15/03/1990", "position": "Công chức", "year": "2022", "amount": "500.000"},
    instructions=(
        "Mỗi dòng là một người hoặc một tập thể được khen theo một quyết định đã ban hành trên giấy. Các dòng cùng "
        "cơ quan ban hành, cùng số và cùng năm là một quyết định.",
        "Số quyết định được giữ nguyên như trên giấy; hệ thống không cấp số mới và sẽ bỏ qua các số này khi ban "
        "hành quyết định mới.",
        "Cá nhân: ghi Mã cá nhân, hoặc Số định danh (CCCD), hoặc Họ và tên + Ngày sinh + đơn vị công tác hiện tại. "
        "Tập thể: ghi Mã đơn vị "
        "hoặc Tên đơn vị của tập thể.",
        "Sau khi nhập, khen thưởng được tính ngay vào điều kiện xét danh hiệu, hình thức của những năm sau. Nhập lại "
        "cùng một tệp không ghi thêm gì: các dòng đã có được báo lại.",
    ),
    required=("decision_number", "decision_date", "issuer", "award", "year"),
    person_keyed=False, reference_people=True, example_unit_keys=("issuer",),
)


def _parse(checker, c) -> None:
    raw = c.get("decision_number")
    m = NUMBER_RE.match(raw)
    if not raw:
        c.error("Thiếu {label}", label="Số quyết định")
    elif not m or int(m[1]) < 1:
        c.error(E_NUMBER, value=raw)
    else:
        c.data["number"], c.data["symbol"] = int(m[1]), " ".join((m[2] or "").split())
    day = c.date("decision_date", "Ngày quyết định", required=True)
    if day and day > dt.date.today():
        c.error(E_FUTURE, day=format_date(day))
    c.data["issued_on"] = day
    c.data["issuer_text"] = c.text("issuer", "Cơ quan ban hành", 200, required=True)
    award = c.choice("award", AWARDS, E_AWARD, label="Danh hiệu, hình thức")
    kind = c.choice("recipient_kind", KINDS, E_KIND, required=False) or rb_codes.INDIVIDUAL
    if award and kind not in rb_codes.CODES[award].recipient_kinds:
        c.error(E_AWARD_KIND, award=rb_codes.name_vi(award), kind=rb_codes.RECIPIENT_KINDS[kind].lower())
    year = c.year("year", "Năm thành tích")
    if year and day and year > day.year:
        c.error(E_YEAR_AFTER, year=year, day=format_date(day))
    amount = 0
    raw_amount = c.get("amount").replace(".", "").replace(",", "").replace(" ", "").removesuffix("đ")
    if raw_amount:
        try:
            amount = int(Decimal(raw_amount))
            if amount < 0:
                raise InvalidOperation
        except InvalidOperation:
            c.error(E_AMOUNT, value=c.get("amount"))
    c.data.update(award_code=award, kind=kind, year=year, amount=amount,
                  position=c.text("position", "Chức vụ", 120), golden=c.text("golden_book", "Số sổ vàng", 30))
    if kind == rb_codes.INDIVIDUAL:
        checker._parse_person_key(c)


def _finish(checker, checks) -> None:
    people = [c for c in checks if c.data.get("kind") == rb_codes.INDIVIDUAL]
    collectives = [c for c in checks if c.data.get("kind") == rb_codes.COLLECTIVE]
    for c in collectives:
        if not (c.get("unit_code") or c.get("unit_name")):
            c.error(E_COLLECTIVE_UNIT)
    checker._resolve_units([c for c in checks if c.get("unit_code") or c.get("unit_name")])
    checker._resolve_people(people)
    _resolve_issuers(checker, checks)
    ready = [c for c in checks if not c.errors]
    _against_recorded(ready)
    for c in ready:
        if c.errors:
            continue
        d = c.data
        recipient = f"p{c.person.pk}" if d["kind"] == rb_codes.INDIVIDUAL else f"u{c.unit.pk}"
        decision_key = f"decision|{d['issuer_id']}|{d['issued_on'].year}|{d['number']}"
        first = checker.seen.setdefault(decision_key, [c.number, d["issued_on"].isoformat()])
        if first[1] != d["issued_on"].isoformat():
            c.error(E_OTHER_DATE, number=c.get("decision_number"), row=first[0],
                    day=format_date(dt.date.fromisoformat(first[1])))
            continue
        c.key = f"{decision_key}|{recipient}|{d['award_code']}|{d['year']}"
        if d["kind"] == rb_codes.COLLECTIVE:
            d["unit_id"], d["display_name"] = c.unit.pk, c.unit.name
        else:
            d["display_name"] = c.person.full_name
        c.note = (f"QĐ {d['number']:02d}/{d['symbol'] or d['issuer_symbol']} ngày {format_date(d['issued_on'])} của "
                  f"{d['issuer_name']}: {rb_codes.name_vi(d['award_code'])} năm {d['year']} – {d['display_name']}")


def _resolve_issuers(checker, checks) -> None:
    """By code among all units, by name among those in reach, above them, or central."""
    wanted = {normalize_search(c.data["issuer_text"]) for c in checks if c.data.get("issuer_text")}
    codes = {c.data["issuer_text"].casefold() for c in checks if c.data.get("issuer_text")}
    if not wanted:
        return
    above = {int(p) for path in checker.reach.prefixes for p in path.strip("/").split("/") if p}
    above |= {int(p) for path in Unit.objects.filter(pk__in=checker.reach.exact_ids).values_list("path", flat=True)
              for p in path.strip("/").split("/") if p}
    named = Q(search_text__in=wanted) & (checker.reach.q() | Q(pk__in=above) | Q(level=Level.CENTRAL))
    by_code, by_name = {}, defaultdict(list)
    for unit in Unit.objects.filter(named | Q(code__in=codes) | Q(code__in={x.upper() for x in codes})):
        by_code[unit.code.casefold()] = unit
        if unit.search_text in wanted:
            by_name[unit.search_text].append(unit)
    for c in checks:
        text = c.data.get("issuer_text")
        if not text:
            continue
        unit = by_code.get(text.casefold())
        found = [unit] if unit else by_name.get(normalize_search(text), [])
        if len(found) > 1:
            c.error(E_ISSUER_AMBIGUOUS, value=text)
        elif not found:
            c.error(E_ISSUER, value=text)
        else:
            c.data.update(issuer_id=found[0].pk, issuer_name=found[0].name,
                          issuer_symbol=f"QĐ-{found[0].doc_symbol or 'UBND'}")


def _against_recorded(ready) -> None:
    """Rows whose decision the issuer already holds: the same grant recorded before (the file imported again), a
    decision recorded from paper without it, or a number taken by a decision issued here."""
    keys = {(c.data["issuer_id"], c.data["issued_on"].year, c.data["number"]) for c in ready}
    if not keys:
        return
    existing = {(d.issuer_id, d.year, d.number): d for d in Decision.objects.filter(
        issuer_id__in={k[0] for k in keys}, year__in={k[1] for k in keys}, number__in={k[2] for k in keys},
    ).select_related("issuer")}
    granted = set(Grant.objects.filter(decision__in=list(existing.values())).values_list(
        "decision_id", "person_id", "recipient_unit_id", "award_code", "year"))
    for c in ready:
        d = c.data
        decision = existing.get((d["issuer_id"], d["issued_on"].year, d["number"]))
        if decision is None:
            continue
        person = c.person.pk if c.person is not None and d["kind"] == rb_codes.INDIVIDUAL else None
        unit = c.unit.pk if d["kind"] == rb_codes.COLLECTIVE else None
        name = c.person.full_name if person else c.unit.name
        day = format_date(decision.issued_on)
        if (decision.pk, person, unit, d["award_code"], d["year"]) in granted:
            c.error(E_RECORDED, award=rb_codes.name_vi(d["award_code"]), name=name, number=decision.number_text,
                    day=day)
        elif decision.source == DecisionSource.PAPER:
            c.error(E_DECISION_RECORDED, number=decision.number_text, year=decision.year, issuer=decision.issuer.name,
                    day=format_date(decision.created_at.date()))
        else:
            c.error(E_NUMBER_TAKEN, number=decision.number_text, year=decision.year, issuer=decision.issuer.name,
                    day=day)
    _titles_held([c for c in ready if not c.errors])


def _titles_held(rows) -> None:
    """A title rewards one year's results: a row giving a person or collective a title they already hold for that
    year, under another decision, is the same award recorded twice (forms, unlike titles, may be given several
    times a year, for thematic or ad hoc achievements, so they are not checked this way)."""
    titles = [c for c in rows if c.data["award_code"] in rb_codes.TITLES]
    if not titles:
        return
    held = {}
    q = Q(person_id__in={c.person.pk for c in titles if c.data["kind"] == rb_codes.INDIVIDUAL}) | Q(
        recipient_unit_id__in={c.unit.pk for c in titles if c.data["kind"] == rb_codes.COLLECTIVE})
    for g in Grant.objects.filter(q, award_code__in={c.data["award_code"] for c in titles},
                                  year__in={c.data["year"] for c in titles}, status=GrantStatus.VALID,
                                  ).select_related("decision"):
        held[(g.person_id, g.recipient_unit_id, g.award_code, g.year)] = g
    for c in titles:
        d = c.data
        person = c.person.pk if d["kind"] == rb_codes.INDIVIDUAL else None
        unit = c.unit.pk if d["kind"] == rb_codes.COLLECTIVE else None
        g = held.get((person, unit, d["award_code"], d["year"]))
        if g is not None:
            c.error(E_TITLE_HELD, name=g.display_name, award=rb_codes.name_vi(g.award_code), year=g.year,
                    number=g.decision.number_text, day=format_date(g.decision.issued_on))


def _write(rows, user, batch, reason) -> None:
    units = Unit.objects.in_bulk({r["issuer_id"] for r in rows} | {r["unit_id"] for r in rows if r.get("unit_id")})
    decisions: dict = {}
    for r in rows:
        issued_on = dt.date.fromisoformat(r["issued_on"])
        key = (r["issuer_id"], issued_on.year, r["number"])
        issuer = units[r["issuer_id"]]
        d = decisions.get(key)
        if d is None:
            d = decisions[key] = PaperDecision(issuer=issuer, number=r["number"], issued_on=issued_on,
                                               symbol=r["symbol"] or f"QĐ-{issuer.doc_symbol or 'UBND'}")
        person = (PersonRef(r["person_id"], r["person_name"], r["person_unit_id"])
                  if r["kind"] == rb_codes.INDIVIDUAL else None)
        d.grants.append(PaperGrant(
            recipient_kind=r["kind"], award_code=r["award_code"], year=r["year"], display_name=r["display_name"],
            person=person, recipient_unit=units.get(r.get("unit_id")) if person is None else None,
            position_text=r["position"], amount=r["amount"], golden_book_number=r["golden"]))
    paper_decisions_record(acting_user=user, decisions=list(decisions.values()), reason=reason)


def install() -> None:
    """Registered once, by AwardsConfig.ready()."""
    register(SPEC, KindHooks(parse=_parse, finish=_finish, write=_write,
                             duplicate="cùng quyết định, người hoặc tập thể, danh hiệu và năm"))
