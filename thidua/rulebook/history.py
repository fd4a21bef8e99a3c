"""Input histories: plain dataclasses, built by the caller (ORM adapter, CLI, benchmark)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .codes import (
    AWARD_KINDS,
    CODES,
    DISCIPLINE_LEVELS,
    INITIATIVE_KINDS,
    INITIATIVE_SCOPES,
    PENDING_KINDS,
    RATINGS,
    SCOPE_UNKNOWN,
)
from .dates import parse_date
from .errors import InputError, RulebookError


@dataclass(frozen=True, slots=True)
class Grant:
    code: str
    decision_date: dt.date | None = None
    kind: str = "cong_trang"  # Luật Đ8 kind
    year: int | None = None  # achievement year (or last year of the period)
    revoked: bool = False

    @property
    def achievement_year(self) -> int | None:
        if self.year is not None:
            return self.year
        return self.decision_date.year if self.decision_date else None


@dataclass(frozen=True, slots=True)
class Initiative:
    id: str
    year: int
    scope: str = "unit"  # unit | province | national | unknown (codes.SCOPE_UNKNOWN)
    kind: str = "initiative"  # initiative | research
    used_for: str | None = None  # code it was already used for (CV 5007/BNV-TĐKT)
    used_for_year: int | None = None
    accepted: bool = True  # research: nghiệm thu; initiative: công nhận


@dataclass(frozen=True, slots=True)
class Discipline:
    level: str
    start: dt.date
    end: dt.date | None = None  # None = still in effect


@dataclass(frozen=True, slots=True)
class MemberSummary:
    total: int
    completed: int | None = None  # members rated HT or better
    ldtt: int | None = None
    cstdcs: int | None = None
    disciplined: int | None = None  # disciplined at cảnh cáo or above in the year
    women_share: float | None = None
    # Members whose LĐTT / CSTĐCS of the same review still awaits judgement (not counted in
    # ldtt / cstdcs): they can tip the share, making the criterion "needs judgement".
    ldtt_pending: int = 0
    cstdcs_pending: int = 0


@dataclass(frozen=True, slots=True)
class ClusterResult:
    cluster_id: str
    scope: str = "province"  # province | ministry | national
    rank: int | None = None  # 1 = leader (cụm trưởng / dẫn đầu)


@dataclass(frozen=True, slots=True)
class MovementLeadership:
    id: str
    level: str  # province | ministry | national
    years: int  # length of the thematic movement
    final_review_year: int
    leader: bool = True


@dataclass
class PersonHistory:
    id: str
    name: str = ""
    gender: str | None = None
    ratings: dict = field(default_factory=dict)  # {year: "HTXS"|"HTT"|"HT"|"KHT"}
    titles: dict = field(default_factory=dict)  # {year: set of codes}
    grants: list = field(default_factory=list)  # [Grant]
    initiatives: list = field(default_factory=list)  # [Initiative]
    disciplines: list = field(default_factory=list)  # [Discipline]
    pending: frozenset = frozenset()  # subset of PENDING_KINDS
    registrations: dict | None = None  # {year: set of codes}; None = unknown
    leave: dict = field(default_factory=dict)  # {year: {"maternity": days, "other": days}}
    judgements: dict = field(default_factory=dict)  # {year: {code or rule_id: bool}}

    kind = "individual"


@dataclass
class UnitHistory:
    id: str
    name: str = ""
    level: str | None = None
    results: dict = field(default_factory=dict)  # {year: rating code}
    titles: dict = field(default_factory=dict)
    grants: list = field(default_factory=list)
    members: dict = field(default_factory=dict)  # {year: [PersonHistory] | MemberSummary}
    clusters: dict = field(default_factory=dict)  # {year: [ClusterResult]}
    movements: list = field(default_factory=list)  # [MovementLeadership]
    disciplines: list = field(default_factory=list)
    pending: frozenset = frozenset()
    registrations: dict | None = None
    judgements: dict = field(default_factory=dict)
    women_share: float | None = None

    kind = "collective"

    @property
    def ratings(self):  # a unit's yearly result plays the role of a rating
        return self.results


# ---------------------------------------------------------------- parsing from JSON


class _P:
    """Collects every error with its path, so that one run reports them all."""

    def __init__(self):
        self.errors: list[str] = []

    def err(self, path, msg):
        self.errors.append(f"{path}: {msg}")

    def year(self, path, key):
        try:
            y = int(key)
        except (TypeError, ValueError):
            self.err(path, f"năm không hợp lệ {key!r}")
            return None
        if not 1945 <= y <= 2200:
            self.err(path, f"năm không hợp lệ {key!r}")
            return None
        return y

    def date(self, path, value, required=True):
        if value is None:
            if required:
                self.err(path, "thiếu ngày")
            return None
        try:
            return parse_date(value, path)
        except RulebookError as e:
            self.errors.append(str(e))
            return None

    def code(self, path, value):
        if value not in CODES:
            self.err(path, f"mã danh hiệu/hình thức không tồn tại {value!r}")
            return None
        return value

    def choice(self, path, value, table, what, default=None):
        if value is None:
            return default
        if value not in table:
            self.err(path, f"{what} không hợp lệ {value!r} (hợp lệ: {', '.join(table)})")
            return default
        return value

    def mapping(self, path, value):
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.err(path, "phải là một đối tượng {năm: ...}")
            return {}
        return value

    def listof(self, path, value):
        if value is None:
            return []
        if not isinstance(value, list):
            self.err(path, "phải là một danh sách")
            return []
        return value

    def codeset_by_year(self, path, value):
        out = {}
        for k, v in self.mapping(path, value).items():
            y = self.year(f"{path}.{k}", k)
            if y is None:
                continue
            if isinstance(v, str):
                v = [v]
            codes = set()
            for i, c in enumerate(self.listof(f"{path}.{k}", v)):
                if self.code(f"{path}.{k}[{i}]", c):
                    codes.add(c)
            out[y] = codes
        return out

    def ratings(self, path, value):
        out = {}
        for k, v in self.mapping(path, value).items():
            y = self.year(f"{path}.{k}", k)
            if y is None or v is None:
                continue
            if v not in RATINGS:
                self.err(f"{path}.{k}", f"xếp loại không hợp lệ {v!r} (hợp lệ: {', '.join(RATINGS)})")
                continue
            out[y] = v
        return out

    def grants(self, path, value):
        out = []
        for i, g in enumerate(self.listof(path, value)):
            p = f"{path}[{i}]"
            if not isinstance(g, dict):
                self.err(p, "phải là một đối tượng")
                continue
            code = self.code(f"{p}.code", g.get("code"))
            d = self.date(f"{p}.decision_date", g.get("decision_date"), required=False)
            kind = self.choice(f"{p}.kind", g.get("kind"), AWARD_KINDS, "loại khen thưởng", "cong_trang")
            year = None
            if g.get("year") is not None:
                year = self.year(f"{p}.year", g.get("year"))
            if d is None and year is None:
                self.err(p, "cần 'year' hoặc 'decision_date'")
            if code:
                out.append(Grant(code, d, kind, year, bool(g.get("revoked", False))))
        return out

    def initiatives(self, path, value):
        out = []
        for i, s in enumerate(self.listof(path, value)):
            p = f"{path}[{i}]"
            if not isinstance(s, dict):
                self.err(p, "phải là một đối tượng")
                continue
            y = self.year(f"{p}.year", s.get("year"))
            # Omitted/null/"unknown" scope: recognised, scope not established (SCOPE_UNKNOWN).
            raw_scope = s.get("scope")
            if raw_scope in (None, SCOPE_UNKNOWN):
                scope = SCOPE_UNKNOWN
            else:
                scope = self.choice(f"{p}.scope", raw_scope, INITIATIVE_SCOPES, "phạm vi", SCOPE_UNKNOWN)
            kind = self.choice(f"{p}.kind", s.get("kind"), INITIATIVE_KINDS, "loại", "initiative")
            used = s.get("used_for")
            if used is not None:
                used = self.code(f"{p}.used_for", used)
            used_year = None
            if s.get("used_for_year") is not None:
                used_year = self.year(f"{p}.used_for_year", s.get("used_for_year"))
            if y is not None:
                out.append(Initiative(str(s.get("id", f"SK{i + 1}")), y, scope, kind, used, used_year,
                                      bool(s.get("accepted", True))))
        return out

    def disciplines(self, path, value):
        out = []
        for i, d in enumerate(self.listof(path, value)):
            p = f"{path}[{i}]"
            if not isinstance(d, dict):
                self.err(p, "phải là một đối tượng")
                continue
            level = self.choice(f"{p}.level", d.get("level"), DISCIPLINE_LEVELS, "hình thức kỷ luật")
            if level is None and d.get("level") is None:
                self.err(f"{p}.level", "thiếu hình thức kỷ luật")
            start = self.date(f"{p}.start", d.get("start"))
            end = self.date(f"{p}.end", d.get("end"), required=False)
            if start and end and end < start:
                self.err(p, "ngày kết thúc trước ngày bắt đầu")
            if level and start:
                out.append(Discipline(level, start, end))
        return out

    def pending(self, path, value):
        if value is None:
            return frozenset()
        if isinstance(value, dict):
            keys = [k for k, v in value.items() if v]
        elif isinstance(value, list):
            keys = value
        else:
            self.err(path, "phải là danh sách hoặc đối tượng {loại: true}")
            return frozenset()
        for k in keys:
            self.choice(path, k, PENDING_KINDS, "loại vụ việc đang xử lý")
        return frozenset(k for k in keys if k in PENDING_KINDS)

    def registrations(self, path, value):
        if value is None:
            return None
        return self.codeset_by_year(path, value)

    def judgements(self, path, value):
        out = {}
        for k, v in self.mapping(path, value).items():
            y = self.year(f"{path}.{k}", k)
            if y is None:
                continue
            if isinstance(v, bool):
                out[y] = {"*": v}
                continue
            inner = {}
            for kk, vv in self.mapping(f"{path}.{k}", v).items():
                if not isinstance(vv, bool):
                    self.err(f"{path}.{k}.{kk}", "phải là true hoặc false")
                    continue
                inner[str(kk)] = vv
            out[y] = inner
        return out

    def leave(self, path, value):
        out = {}
        for k, v in self.mapping(path, value).items():
            y = self.year(f"{path}.{k}", k)
            if y is None:
                continue
            v = self.mapping(f"{path}.{k}", v)
            row = {}
            for kk in ("maternity", "other"):
                x = v.get(kk, 0)
                if isinstance(x, bool) or not isinstance(x, int) or x < 0:
                    self.err(f"{path}.{k}.{kk}", "số ngày phải là số nguyên không âm")
                    x = 0
                row[kk] = x
            out[y] = row
        return out

    def ident(self, path, d):
        if d.get("id") is None or d.get("id") == "":
            self.err(f"{path}.id", "thiếu mã định danh")
            return ""
        return str(d["id"])


def person_from_dict(d: dict, path: str = "people[0]", p: _P | None = None) -> PersonHistory:
    own = p is None
    p = p or _P()
    if not isinstance(d, dict):
        p.err(path, "phải là một đối tượng")
        person = PersonHistory(id="")
    else:
        person = PersonHistory(
            id=p.ident(path, d),
            name=str(d.get("name") or ""),
            gender=d.get("gender"),
            ratings=p.ratings(f"{path}.ratings", d.get("ratings")),
            titles=p.codeset_by_year(f"{path}.titles", d.get("titles")),
            grants=p.grants(f"{path}.grants", d.get("grants")),
            initiatives=p.initiatives(f"{path}.initiatives", d.get("initiatives")),
            disciplines=p.disciplines(f"{path}.disciplines", d.get("disciplines")),
            pending=p.pending(f"{path}.pending", d.get("pending")),
            registrations=p.registrations(f"{path}.registrations", d.get("registrations")),
            leave=p.leave(f"{path}.leave", d.get("leave")),
            judgements=p.judgements(f"{path}.judgements", d.get("judgements")),
        )
    if own and p.errors:
        raise InputError(p.errors)
    return person


def _int_field(p, path, v, key, required=False):
    x = v.get(key)
    if x is None:
        if required:
            p.err(f"{path}.{key}", "bắt buộc")
        return None
    if isinstance(x, bool) or not isinstance(x, int) or x < 0:
        p.err(f"{path}.{key}", "phải là số nguyên không âm")
        return None
    return x


def unit_from_dict(d: dict, path: str = "units[0]", p: _P | None = None) -> UnitHistory:
    own = p is None
    p = p or _P()
    if not isinstance(d, dict):
        p.err(path, "phải là một đối tượng")
        if own:
            raise InputError(p.errors)
        return UnitHistory(id="")
    members = {}
    for k, v in p.mapping(f"{path}.members", d.get("members")).items():
        mp = f"{path}.members.{k}"
        y = p.year(mp, k)
        if y is None:
            continue
        if isinstance(v, list):
            members[y] = [person_from_dict(m, f"{mp}[{i}]", p) for i, m in enumerate(v)]
        elif isinstance(v, dict):
            total = _int_field(p, mp, v, "total", required=True)
            s = MemberSummary(
                total=total or 0,
                completed=_int_field(p, mp, v, "completed"),
                ldtt=_int_field(p, mp, v, "ldtt"),
                cstdcs=_int_field(p, mp, v, "cstdcs"),
                disciplined=_int_field(p, mp, v, "disciplined"),
                women_share=v.get("women_share"),
                ldtt_pending=_int_field(p, mp, v, "ldtt_pending") or 0,
                cstdcs_pending=_int_field(p, mp, v, "cstdcs_pending") or 0,
            )
            for key in ("completed", "ldtt", "cstdcs", "disciplined", "ldtt_pending", "cstdcs_pending"):
                x = getattr(s, key)
                if x is not None and total is not None and x > total:
                    p.err(f"{mp}.{key}", f"lớn hơn tổng số thành viên ({total})")
            members[y] = s
        else:
            p.err(mp, "phải là danh sách thành viên hoặc bảng số liệu tổng hợp")
    clusters = {}
    for k, v in p.mapping(f"{path}.clusters", d.get("clusters")).items():
        cp = f"{path}.clusters.{k}"
        y = p.year(cp, k)
        if y is None:
            continue
        rows = v if isinstance(v, list) else [v]
        out = []
        for i, c in enumerate(rows):
            if not isinstance(c, dict):
                p.err(f"{cp}[{i}]", "phải là một đối tượng")
                continue
            scope = p.choice(f"{cp}[{i}].scope", c.get("scope"), ("province", "ministry", "national"), "phạm vi cụm, khối", "province")
            rank = c.get("rank")
            if rank is not None and (isinstance(rank, bool) or not isinstance(rank, int) or rank < 1):
                p.err(f"{cp}[{i}].rank", "thứ hạng phải là số nguyên dương")
                rank = None
            out.append(ClusterResult(str(c.get("cluster_id", "")), scope, rank))
        clusters[y] = out
    movements = []
    for i, m in enumerate(p.listof(f"{path}.movements", d.get("movements"))):
        mp = f"{path}.movements[{i}]"
        if not isinstance(m, dict):
            p.err(mp, "phải là một đối tượng")
            continue
        level = p.choice(f"{mp}.level", m.get("level"), ("province", "ministry", "national"), "cấp phát động", "province")
        years = _int_field(p, mp, m, "years", required=True)
        fy = p.year(f"{mp}.final_review_year", m.get("final_review_year"))
        if years is not None and fy is not None:
            movements.append(MovementLeadership(str(m.get("id", f"PT{i + 1}")), level, years, fy, bool(m.get("leader", True))))
    unit = UnitHistory(
        id=p.ident(path, d),
        name=str(d.get("name") or ""),
        level=d.get("level"),
        results=p.ratings(f"{path}.results", d.get("results", d.get("ratings"))),
        titles=p.codeset_by_year(f"{path}.titles", d.get("titles")),
        grants=p.grants(f"{path}.grants", d.get("grants")),
        members=members,
        clusters=clusters,
        movements=movements,
        disciplines=p.disciplines(f"{path}.disciplines", d.get("disciplines")),
        pending=p.pending(f"{path}.pending", d.get("pending")),
        registrations=p.registrations(f"{path}.registrations", d.get("registrations")),
        judgements=p.judgements(f"{path}.judgements", d.get("judgements")),
        women_share=d.get("women_share"),
    )
    if own and p.errors:
        raise InputError(p.errors)
    return unit
