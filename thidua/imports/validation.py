"""Row checks for the Excel imports: each row becomes either cleaned data or a list of
Vietnamese errors ("Dòng 7: ..."), with every database lookup done in bulk per chunk
(one query for the units, one for the people, one for existing records)."""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.db.models import Q

from thidua.accounts.access import reach, scope_q
from thidua.accounts.models import Capability
from thidua.core.text import normalize_search
from thidua.formatting import format_date
from thidua.org.models import (
    Discipline,
    DisciplineLevel,
    Gender,
    Initiative,
    InitiativeScope,
    Person,
    PersonRating,
    PersonRef,
    Rating,
    Unit,
)
from thidua.rulebook import citizen_id
from thidua.rulebook.scoring import SCORE_SCALES, rating_from_score

from .kinds import HOOKS, INITIATIVE_KINDS, KindSpec
from .models import ImportKind

IN_CHUNK = 900
MIN_YEAR = 1975

# Messages (without the "Dòng n: " prefix, added by RowCheck.error).
E_REQUIRED = "Thiếu {label}"
E_DATE = "{label} '{value}' không hợp lệ (dd/mm/yyyy)"
E_DATE_FUTURE = "{label} '{value}' ở tương lai"
E_TOO_LONG = "{label} dài quá {n} ký tự"
E_GENDER = "Giới tính '{value}' không hợp lệ (Nam hoặc Nữ)"
E_YEAR = "{label} '{value}' không hợp lệ (năm từ {lo} đến {hi})"
E_RATING = "Xếp loại '{value}' không hợp lệ (Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành " \
           "nhiệm vụ, Không hoàn thành nhiệm vụ hoặc HTXS, HTT, HT, KHT)"
E_SCORE = "Điểm '{value}' không hợp lệ (số từ 0 đến 100)"
E_RATING_OR_SCORE = "Thiếu Xếp loại hoặc Điểm"
E_NO_SCALE = "Thiếu Xếp loại (chỉ từ năm {year} mới suy ra xếp loại từ điểm theo {citation})"
E_LEVEL = "Hình thức kỷ luật '{value}' không hợp lệ (Khiển trách, Cảnh cáo, Hạ bậc lương, Cách chức, Buộc thôi việc)"
E_END_BEFORE = "Đến ngày '{end}' phải sau Từ ngày '{start}'"
E_START_BEFORE_BIRTH = "Ngày bắt đầu '{start}' phải sau Ngày sinh '{dob}'"
E_INITIATIVE_KIND = "Loại '{value}' không hợp lệ (Sáng kiến hoặc Đề tài nghiên cứu khoa học)"
E_SCOPE = "Phạm vi '{value}' không hợp lệ (Cấp cơ sở, Cấp tỉnh/bộ hoặc Toàn quốc)"
E_UNIT_MISSING = "Thiếu Mã đơn vị hoặc Tên đơn vị"
E_UNIT_CODE = "Không tìm thấy đơn vị có mã '{value}' trong phạm vi của bạn"
E_UNIT_NAME = "Không tìm thấy đơn vị '{value}' trong phạm vi của bạn"
E_UNIT_AMBIGUOUS = "Có nhiều đơn vị tên '{value}' trong phạm vi của bạn; hãy ghi Mã đơn vị"
E_UNIT_MISMATCH = "Mã đơn vị '{code}' là '{name}', không khớp Tên đơn vị '{value}'"
E_UNIT_CLOSED = "Đơn vị '{name}' đã kết thúc hoạt động"
E_PERSON_KEY = "Cần Mã cá nhân, hoặc Họ và tên + Ngày sinh + đơn vị để xác định cá nhân"
E_PERSON_ID = "Không tìm thấy cá nhân có mã '{value}' trong phạm vi của bạn"
E_PERSON_MISMATCH = "Mã cá nhân '{value}' là '{name}', không khớp họ tên '{given}'"
E_PERSON_NOT_FOUND = "Không tìm thấy cá nhân '{name}' sinh ngày {dob} ở đơn vị '{unit}' trong phạm vi của bạn"
E_PERSON_AMBIGUOUS = "Có nhiều cá nhân '{name}' sinh ngày {dob} ở đơn vị '{unit}'; hãy ghi Mã cá nhân"
E_NATIONAL_ID_NOT_FOUND = "Không tìm thấy cá nhân có số định danh {value} trong phạm vi của bạn"
E_NATIONAL_ID_OTHER = "Số định danh {value} khác số đã ghi cho '{name}' ({known}): kiểm tra lại số hoặc người"
E_NATIONAL_ID_TAKEN = "Số định danh {value} đã có trong hệ thống (của một người khác): không tạo trùng"
E_PERSON_EXISTS = "Cá nhân '{name}' sinh ngày {dob} đã có ở đơn vị '{unit}'"
E_DUPLICATE = "Trùng với dòng {other} trong tệp ({what})"
E_RATING_EXISTS = "'{name}' đã có xếp loại năm {year} ({rating}); đánh dấu “Ghi đè xếp loại đã có” khi tải lên " \
                  "nếu muốn cập nhật"
E_DISCIPLINE_EXISTS = "'{name}' đã có quyết định kỷ luật {level} từ ngày {start}"
E_INITIATIVE_EXISTS = "'{name}' đã có sáng kiến, đề tài '{title}' năm {year}"

DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _aliases(pairs) -> dict[str, str]:
    return {normalize_search(label): code for code, label in pairs}


GENDERS = _aliases(list(Gender.choices) + [("male", "male"), ("female", "female"), ("female", "nu")])
RATINGS = _aliases(
    list(Rating.choices)
    + [(code, code) for code, _ in Rating.choices]
    + [(code, label.removesuffix(" nhiệm vụ")) for code, label in Rating.choices]
    + [("HTXS", "Xuất sắc"), ("HTT", "Tốt")]
)
LEVELS = _aliases(list(DisciplineLevel.choices)
                  + [(code, code.replace("_", " ")) for code, _ in DisciplineLevel.choices])
INITIATIVE_KIND_ALIASES = _aliases(list(INITIATIVE_KINDS) + [("initiative", "sáng kiến kinh nghiệm"),
                                                            ("research", "đề tài"), ("research", "đề tài khoa học")])
SCOPES = _aliases(list(InitiativeScope.choices) + [
    ("unit", "cơ sở"), ("unit", "cấp đơn vị"), ("province", "tỉnh"), ("province", "bộ"), ("province", "cấp tỉnh"),
    ("province", "cấp bộ"), ("province", "tỉnh/bộ"), ("national", "cấp toàn quốc"), ("national", "quốc gia"),
])
RATING_NAMES = dict(Rating.choices)
LEVEL_NAMES = dict(DisciplineLevel.choices)


def _chunks(seq, size=IN_CHUNK):
    seq = list(seq)
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


class RowCheck:
    """One row being checked: its values by column key, its errors and its cleaned data."""

    def __init__(self, number: int, values: dict[str, str]):
        self.number = number
        self.values = values
        self.errors: list[str] = []
        self.data: dict = {}
        self.note = ""
        self.key: str | None = None
        self.key_what = ""  # what two rows with this key share, when not the kind's usual key
        self.unit: Unit | None = None
        self.person: PersonRef | None = None

    def error(self, message: str, **kw) -> None:
        self.errors.append(f"Dòng {self.number}: {message.format(**kw)}")

    def get(self, key: str) -> str:
        return self.values.get(key, "").strip()

    def text(self, key: str, label: str, max_len: int, required: bool = False) -> str:
        value = " ".join(self.get(key).split())
        if required and not value:
            self.error(E_REQUIRED, label=label)
        elif len(value) > max_len:
            self.error(E_TOO_LONG, label=label, n=max_len)
        return value

    def date(self, key: str, label: str, required: bool = False) -> dt.date | None:
        value = self.get(key)
        if not value:
            if required:
                self.error(E_REQUIRED, label=label)
            return None
        m = DATE_RE.match(value)
        try:
            if not m:
                raise ValueError
            day = dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            self.error(E_DATE, label=label, value=value)
            return None
        if day.year < 1900:
            self.error(E_DATE, label=label, value=value)
            return None
        return day

    def national_id(self, *, birth: dt.date | None = None, gender: str | None = None) -> str:
        """The row's "Số định danh (CCCD)", normalised; a wrong one is an error naming the wrong part."""
        value = citizen_id.normalise(self.get("national_id"))
        if value:
            problem = citizen_id.check(value, birth_year=birth.year if birth else None, gender=gender)
            if problem:
                self.errors.append(f"Dòng {self.number}: {problem}")
                return ""
        return value

    def year(self, key: str, label: str) -> int | None:
        value = self.get(key)
        hi = dt.date.today().year + 1
        if not value:
            self.error(E_REQUIRED, label=label)
            return None
        try:
            year = int(Decimal(value))
            if Decimal(value) != year or not MIN_YEAR <= year <= hi:
                raise ValueError
        except (InvalidOperation, ValueError):
            self.error(E_YEAR, label=label, value=value, lo=MIN_YEAR, hi=hi)
            return None
        return year

    def choice(self, key: str, aliases: dict[str, str], message: str, required: bool = True,
               label: str = "") -> str | None:
        value = self.get(key)
        if not value:
            if required:
                self.error(E_REQUIRED, label=label)
            return None
        code = aliases.get(normalize_search(value))
        if code is None:
            self.error(message, value=value)
        return code


class Checker:
    """Checks chunks of rows of one kind for one user; `seen` carries in-file duplicate keys
    from chunk to chunk (it is stored on the batch between polls)."""

    def __init__(self, spec: KindSpec, user, *, overwrite: bool = False, seen: dict | None = None, target=None):
        self.spec = spec
        self.user = user
        self.overwrite = overwrite
        self.seen = seen if seen is not None else {}
        self.reach = reach(user, Capability.ORG_MANAGE)
        self.target = target  # the record the rows fill (KindHooks.target), for kinds that fill one

    # -- the public entry point ------------------------------------------------------------

    def check(self, rows: list[tuple[int, dict[str, str]]]) -> list[RowCheck]:
        checks = [RowCheck(n, values) for n, values in rows]
        hooks = HOOKS.get(self.spec.code)
        if hooks is not None:
            for c in checks:
                hooks.parse(self, c)
            hooks.finish(self, checks)
        else:
            parse = getattr(self, f"_parse_{self.spec.code}")
            for c in checks:
                parse(c)
            self._resolve_units(checks)
            if self.spec.person_keyed:
                self._resolve_people(checks)
            getattr(self, f"_finish_{self.spec.code}")(checks)
        for c in checks:
            if c.key and not c.errors:
                if c.key in self.seen:
                    c.error(E_DUPLICATE, other=self.seen[c.key], what=c.key_what or self._dup_what())
                else:
                    self.seen[c.key] = c.number
        return checks

    def _dup_what(self) -> str:
        if self.spec.code in HOOKS:
            return HOOKS[self.spec.code].duplicate
        return {
            ImportKind.PEOPLE: "cùng họ tên, ngày sinh và đơn vị",
            ImportKind.RATINGS: "cùng cá nhân và năm",
            ImportKind.DISCIPLINE: "cùng cá nhân, hình thức và ngày bắt đầu",
            ImportKind.INITIATIVES: "cùng cá nhân, tên và năm",
        }[self.spec.code]

    # -- shared lookups (one query each per chunk) -----------------------------------------

    def _resolve_units(self, checks: list[RowCheck]) -> None:
        wanted = [c for c in checks if not self.spec.person_keyed or not c.get("person_id")]
        codes = {c.get("unit_code").casefold() for c in wanted if c.get("unit_code")}
        names = {normalize_search(c.get("unit_name")) for c in wanted if c.get("unit_name") and not c.get("unit_code")}
        by_code: dict[str, Unit] = {}
        by_name: dict[str, list[Unit]] = {}
        if codes or names:
            q = Q(pk__in=[])
            for part in _chunks(codes):
                q |= Q(code__in=part) | Q(code__in=[p.upper() for p in part])
            for part in _chunks(names):
                q |= Q(search_text__in=part, valid_to__isnull=True)
            for unit in Unit.objects.filter(self.reach.q()).filter(q):
                by_code.setdefault(unit.code.casefold(), unit)
                if unit.valid_to is None:
                    by_name.setdefault(unit.search_text, []).append(unit)
        for c in wanted:
            code, name = c.get("unit_code"), c.get("unit_name")
            if code:
                unit = by_code.get(code.casefold())
                if unit is None:
                    c.error(E_UNIT_CODE, value=code)
                elif name and normalize_search(name) != unit.search_text:
                    c.error(E_UNIT_MISMATCH, code=code, name=unit.name, value=name)
                else:
                    c.unit = unit
            elif name:
                found = by_name.get(normalize_search(name), [])
                if not found:
                    c.error(E_UNIT_NAME, value=name)
                elif len(found) > 1:
                    c.error(E_UNIT_AMBIGUOUS, value=name)
                else:
                    c.unit = found[0]
            elif not self.spec.person_keyed:
                c.error(E_UNIT_MISSING)

    def _resolve_people(self, checks: list[RowCheck]) -> None:
        ids, names, national_ids = set(), set(), set()
        for c in checks:
            raw_id = c.get("person_id")
            by_name = c.get("full_name") and c.get("date_of_birth") and (c.get("unit_code") or c.get("unit_name"))
            if raw_id:
                try:
                    c.data["person_id"] = int(Decimal(raw_id))
                    ids.add(c.data["person_id"])
                except (InvalidOperation, ValueError):
                    c.error(E_PERSON_ID, value=raw_id)
                continue
            if c.data.get("national_id"):
                national_ids.add(c.data["national_id"])
            elif not by_name and not c.get("national_id"):
                c.error(E_PERSON_KEY)
            if by_name and c.unit is not None and c.data.get("dob"):
                names.add(normalize_search(c.get("full_name")))
            # else: the unit or the date of birth is wrong, and that error is already reported
        found: dict[int, PersonRef] = {}
        by_national_id: dict[str, PersonRef] = {}
        by_key: dict[tuple, list[PersonRef]] = {}
        # Only the fields the checks and the doors read, as tuples: 100,000 rows resolve in about a second.
        scope = Person.objects.filter(scope_q(self.user, "current_unit", Capability.ORG_MANAGE)).values_list(
            "pk", "full_name", "current_unit_id", "search_text", "date_of_birth", "national_id")
        for part in _chunks(ids):
            found.update({p.pk: p for p in map(PersonRef._make, scope.filter(pk__in=part))})
        for part in _chunks(national_ids):
            by_national_id.update({p.national_id: p for p in map(PersonRef._make, scope.filter(national_id__in=part))})
        for part in _chunks(names):
            for p in map(PersonRef._make, scope.filter(search_text__in=part)):
                by_key.setdefault((p.search_text, p.date_of_birth, p.current_unit_id), []).append(p)
        for c in checks:
            pid = c.data.get("person_id")
            nid = c.data.get("national_id")
            if pid is None and nid and nid in by_national_id:
                c.person = by_national_id[nid]  # the natural key: the same person whatever the name's spelling
            elif pid is None and nid and not (c.unit is not None and c.data.get("dob")):
                c.error(E_NATIONAL_ID_NOT_FOUND, value=nid)
            if c.person is not None:
                pass
            elif pid is not None:
                person = found.get(pid)
                given = c.get("full_name")
                if person is None:
                    c.error(E_PERSON_ID, value=c.get("person_id"))
                elif given and normalize_search(given) != person.search_text:
                    c.error(E_PERSON_MISMATCH, value=c.get("person_id"), name=person.full_name, given=given)
                else:
                    c.person = person
            elif c.unit is not None and c.data.get("dob"):
                key = (normalize_search(c.get("full_name")), c.data["dob"], c.unit.pk)
                people = by_key.get(key, [])
                args = {"name": c.get("full_name"), "dob": format_date(c.data["dob"]), "unit": c.unit.name}
                if not people:
                    c.error(E_PERSON_NOT_FOUND, **args)
                elif len(people) > 1:
                    c.error(E_PERSON_AMBIGUOUS, **args)
                elif nid and people[0].national_id and people[0].national_id != nid:
                    c.error(E_NATIONAL_ID_OTHER, value=nid, name=people[0].full_name, known=people[0].national_id)
                else:
                    c.person = people[0]
            if c.person is not None:
                c.data["person_id"] = c.person.pk
                c.data["person_name"] = c.person.full_name
                c.data["person_unit_id"] = c.person.current_unit_id

    def _parse_person_key(self, c: RowCheck) -> None:
        if not c.get("person_id"):
            c.text("full_name", "Họ và tên", 120)
            c.data["dob"] = c.date("date_of_birth", "Ngày sinh")
            c.data["national_id"] = c.national_id(birth=c.data["dob"])

    # -- people ----------------------------------------------------------------------------

    def _parse_people(self, c: RowCheck) -> None:
        c.data["full_name"] = c.text("full_name", "Họ và tên", 120, required=True)
        c.data["gender"] = c.choice("gender", GENDERS, E_GENDER, label="Giới tính")
        dob = c.date("date_of_birth", "Ngày sinh")
        if dob and dob > dt.date.today():
            c.error(E_DATE_FUTURE, label="Ngày sinh", value=c.get("date_of_birth"))
        c.data["national_id"] = c.national_id(birth=dob, gender=c.data["gender"])
        c.data["position"] = c.text("position", "Chức vụ", 120)
        start = c.date("start_date", "Ngày bắt đầu", required=True)
        if dob and start and start <= dob:
            c.error(E_START_BEFORE_BIRTH, start=format_date(start), dob=format_date(dob))
        c.data["dob"], c.data["start"] = dob, start

    def _finish_people(self, checks: list[RowCheck]) -> None:
        ready = [c for c in checks if c.unit is not None and c.data.get("full_name")]
        existing = set()
        for part in _chunks({normalize_search(c.data["full_name"]) for c in ready}):
            existing.update(Person.objects.filter(
                search_text__in=part, current_unit_id__in={c.unit.pk for c in ready},
            ).values_list("search_text", "date_of_birth", "current_unit_id"))
        taken = set()  # anywhere in the system: one person, one record (the name of the holder is not shown)
        for part in _chunks({c.data["national_id"] for c in checks if c.data.get("national_id")}):
            taken.update(Person.objects.filter(national_id__in=part).values_list("national_id", flat=True))
        for c in checks:
            if c.data.get("national_id") in taken:
                c.error(E_NATIONAL_ID_TAKEN, value=c.data["national_id"])
            if c.unit is not None and c.unit.valid_to is not None:
                c.error(E_UNIT_CLOSED, name=c.unit.name)
            if c.unit is None or not c.data.get("full_name"):
                continue
            norm = normalize_search(c.data["full_name"])
            if (norm, c.data["dob"], c.unit.pk) in existing:
                c.error(E_PERSON_EXISTS, name=c.data["full_name"], dob=format_date(c.data["dob"]) or "(trống)",
                        unit=c.unit.name)
            c.key = c.data["national_id"] or f"{norm}|{c.data['dob']}|{c.unit.pk}"
            c.key_what = "cùng số định danh" if c.data["national_id"] else ""
            c.data["unit_id"] = c.unit.pk
            c.note = f"Thêm vào {c.unit.name}"

    # -- ratings ---------------------------------------------------------------------------

    def _parse_ratings(self, c: RowCheck) -> None:
        self._parse_person_key(c)
        year = c.year("year", "Năm")
        rating = c.choice("rating", RATINGS, E_RATING, required=False)
        score = None
        raw_score = c.get("score").replace(",", ".")
        if raw_score:
            try:
                score = Decimal(raw_score).quantize(Decimal("0.01"))
                if not Decimal(0) <= score <= Decimal(100):
                    raise InvalidOperation
            except InvalidOperation:
                c.error(E_SCORE, value=c.get("score"))
                score = None
        if not c.get("rating") and year is not None:
            if score is None and not raw_score:
                c.error(E_RATING_OR_SCORE)
            elif score is not None:
                derived = rating_from_score(score, year)
                if derived is None:
                    first = min(SCORE_SCALES, key=lambda s: s.from_year)
                    c.error(E_NO_SCALE, year=first.from_year, citation=first.citation)
                else:
                    rating = derived[0]
                    c.note = f"Xếp loại theo điểm {score.normalize():f}: {rating} ({derived[1]})"
        c.data.update(year=year, rating=rating, score=None if score is None else str(score))

    def _finish_ratings(self, checks: list[RowCheck]) -> None:
        ready = [c for c in checks if c.person is not None and c.data.get("year")]
        existing = {}
        for part in _chunks({c.person.pk for c in ready}):
            existing.update({
                (pid, year): rating for pid, year, rating in PersonRating.objects.filter(
                    person_id__in=part, year__in={c.data["year"] for c in ready}
                ).values_list("person_id", "year", "rating")
            })
        for c in ready:
            c.key = f"{c.person.pk}|{c.data['year']}"
            old = existing.get((c.person.pk, c.data["year"]))
            if old and not self.overwrite:
                c.error(E_RATING_EXISTS, name=c.person.full_name, year=c.data["year"], rating=RATING_NAMES[old])
            elif old:
                c.note = (c.note + "; " if c.note else "") + f"Ghi đè {old} → {c.data['rating']}"

    # -- discipline ------------------------------------------------------------------------

    def _parse_discipline(self, c: RowCheck) -> None:
        self._parse_person_key(c)
        level = c.choice("level", LEVELS, E_LEVEL, label="Hình thức kỷ luật")
        start = c.date("start_date", "Từ ngày", required=True)
        end = c.date("end_date", "Đến ngày")
        if start and end and end < start:
            c.error(E_END_BEFORE, end=format_date(end), start=format_date(start))
        ref = c.text("decision_ref", "Số quyết định", 120)
        c.data.update(level=level, start=start, end=end, decision_ref=ref)

    def _finish_discipline(self, checks: list[RowCheck]) -> None:
        ready = [c for c in checks if c.person is not None and c.data.get("level") and c.data.get("start")]
        existing = set()
        for part in _chunks({c.person.pk for c in ready}):
            existing.update(Discipline.objects.filter(person_id__in=part).values_list("person_id", "level",
                                                                                       "start_date"))
        for c in ready:
            key = (c.person.pk, c.data["level"], c.data["start"])
            c.key = "|".join(map(str, key))
            if key in existing:
                c.error(E_DISCIPLINE_EXISTS, name=c.person.full_name, level=LEVEL_NAMES[c.data["level"]].lower(),
                        start=format_date(c.data["start"]))

    # -- initiatives -----------------------------------------------------------------------

    def _parse_initiatives(self, c: RowCheck) -> None:
        self._parse_person_key(c)
        title = c.text("title", "Tên sáng kiến, đề tài", 300, required=True)
        kind = c.choice("initiative_kind", INITIATIVE_KIND_ALIASES, E_INITIATIVE_KIND, required=False)
        year = c.year("year", "Năm công nhận")
        scope = c.choice("scope", SCOPES, E_SCOPE, label="Phạm vi")
        c.data.update(title=title, kind=kind or "initiative", year=year, scope=scope)

    def _finish_initiatives(self, checks: list[RowCheck]) -> None:
        ready = [c for c in checks if c.person is not None and c.data.get("title") and c.data.get("year")]
        existing = set()
        for part in _chunks({c.person.pk for c in ready}):
            existing.update((pid, normalize_search(title), year) for pid, title, year in Initiative.objects.filter(
                person_id__in=part).values_list("person_id", "title", "year"))
        for c in ready:
            key = (c.person.pk, normalize_search(c.data["title"]), c.data["year"])
            c.key = "|".join(map(str, key))
            if key in existing:
                c.error(E_INITIATIVE_EXISTS, name=c.person.full_name, title=c.data["title"], year=c.data["year"])


def to_json(c: RowCheck) -> dict:
    """Cleaned data of a valid row, JSON-safe (dates ISO, decimals as text)."""
    out = {"row": c.number, "note": c.note}
    for k, v in c.data.items():
        out[k] = v.isoformat() if isinstance(v, dt.date) else v
    return out
