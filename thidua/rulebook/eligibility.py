"""Eligibility: does a person or unit meet the criteria of a title or form for a year?

Every verdict lists each criterion met, missed or left to human judgement, in Vietnamese,
with its citation. A chain for year Y ends at Y; a lower title of year Y that is not granted
yet counts when the subject is eligible for it in the same review ("đủ điều kiện trong cùng
đợt xét", setting ``count_same_cycle``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from thidua.formatting import format_date

from .codes import (
    CANH_CAO,
    CODES,
    COLLECTIVE,
    COLLECTIVE_CODES,
    DISCIPLINE_LEVELS,
    INDIVIDUAL,
    INDIVIDUAL_CODES,
    INITIATIVE_SCOPES,
    NOT_GROUNDS_KINDS,
    PENDING_KINDS,
    RATING_RANK,
    RATINGS,
    RECIPIENT_KINDS,
    REGISTRATION_IMPLIES,
    SCOPE_UNKNOWN,
    STATUS_ELIGIBLE,
    STATUS_NEEDS_JUDGEMENT,
    STATUS_NOT_ELIGIBLE,
    STATUSES,
    TITLE,
    TITLE_IMPLIES,
    short_vi,
)
from .errors import RulebookError
from .history import MemberSummary
from .rulesets import RuleSet, select_ruleset
from .settings import DEFAULT_SETTINGS, RulebookSettings

REQUIRED = "required"
JUDGEMENT = "judgement"  # conduct assessed at the review meeting (blocks only if judged False)
WARNING = "warning"
# "Đạt một trong các tiêu chuẩn sau" (Bằng khen): the data clause and the "other clauses" of the
# same article; the verdict needs one of them. Criteria of the data clause are ANDed, then ORed
# with the other-clauses criterion (OTHER_CLAUSES).
ALTERNATIVE = "alternative"
OTHER_CLAUSES = frozenset({"BK_TINH.ind_other", "BK_TINH.col_other", "BK_TTG.other"})

_TTLDXS_MEMBER_PERCENT = Decimal(70)  # Luật Đ27 [V]: rule data, not a tenant setting


class Criterion:
    """One criterion of a verdict. ``text_vi`` (the message, ending with " — <citation>") is built
    on first access: bulk runs evaluate millions of criteria and read the texts of few of them.
    Immutable by convention (instances are shared between verdicts)."""

    __slots__ = ("rule_id", "met", "_text", "citation", "severity")

    def __init__(self, rule_id: str, met: bool | None, text_vi, citation: str, severity: str = REQUIRED):
        self.rule_id = rule_id
        self.met = met  # None = a person must assess it, or data is awaited
        self._text = text_vi  # the full text, or a callable giving the text before " — <citation>"
        self.citation = citation
        self.severity = severity  # required | judgement | alternative | warning (warnings never block)

    @property
    def text_vi(self) -> str:
        t = self._text
        if not isinstance(t, str):
            t = self._text = f"{t()} — {self.citation}"
        return t

    def __eq__(self, other):
        if not isinstance(other, Criterion):
            return NotImplemented
        return (self.rule_id, self.met, self.text_vi, self.citation, self.severity) == (
            other.rule_id, other.met, other.text_vi, other.citation, other.severity)

    __hash__ = None

    def __repr__(self):
        return (f"Criterion(rule_id={self.rule_id!r}, met={self.met!r}, text_vi={self.text_vi!r}, "
                f"citation={self.citation!r}, severity={self.severity!r})")

    def __reduce__(self):
        return (Criterion, (self.rule_id, self.met, self.text_vi, self.citation, self.severity))

    def to_dict(self) -> dict:
        return {"rule_id": self.rule_id, "met": self.met, "text": self.text_vi,
                "citation": self.citation, "severity": self.severity}


@dataclass(slots=True)
class Verdict:
    subject_id: str
    code: str
    year: int
    status: str
    criteria: list
    ruleset_id: str
    initiatives_used: tuple = ()

    @property
    def name_vi(self) -> str:
        return CODES[self.code].name_vi

    @property
    def status_vi(self) -> str:
        return STATUSES[self.status]

    @property
    def eligible(self) -> bool:
        return self.status == STATUS_ELIGIBLE

    @property
    def warnings(self) -> list:
        return [c.text_vi for c in self.criteria if c.severity == WARNING and c.met is not True]

    @property
    def missed(self) -> list:
        if self.status != STATUS_NOT_ELIGIBLE:
            return [c for c in self.criteria if c.met is False and c.severity not in (WARNING, ALTERNATIVE)]
        return [c for c in self.criteria if c.met is False and c.severity != WARNING]

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name_vi,
            "year": self.year,
            "status": self.status,
            "status_vi": self.status_vi,
            "ruleset": self.ruleset_id,
            "criteria": [c.to_dict() for c in self.criteria],
            "warnings": self.warnings,
            "initiatives_used": list(self.initiatives_used),
        }


def _status(criteria, conduct_blocks: bool = False) -> str:
    """not_eligible if a required criterion or a judgement fails (or every alternative does);
    needs_judgement if a required criterion (or, with ``conduct_judgement_blocks``, a conduct
    judgement) is open; eligible otherwise. Open conduct judgements do not hold the verdict."""
    pending = False
    alt_data = True  # AND of the data clause's criteria
    alt_other = None  # the "other clauses" criterion (None also when absent)
    has_alt = has_other = False
    for c in criteria:
        sev = c.severity
        if sev == WARNING:
            continue
        if sev == ALTERNATIVE:
            has_alt = True
            if c.rule_id in OTHER_CLAUSES:
                has_other, alt_other = True, c.met
            elif c.met is False:
                alt_data = False
            elif c.met is None and alt_data is True:
                alt_data = None
            continue
        if c.met is False:
            return STATUS_NOT_ELIGIBLE
        if c.met is None and (sev != JUDGEMENT or conduct_blocks):
            pending = True
    if has_alt and alt_data is not True:
        if not has_other:
            alt_other = False
        if alt_other is not True:
            if alt_data is False and alt_other is False:
                return STATUS_NOT_ELIGIBLE
            pending = True
    return STATUS_NEEDS_JUDGEMENT if pending else STATUS_ELIGIBLE


_STATE = {STATUS_ELIGIBLE: True, STATUS_NEEDS_JUDGEMENT: None, STATUS_NOT_ELIGIBLE: False}
_SCOPE = {k: v[0] for k, v in INITIATIVE_SCOPES.items()}
_SCOPE[SCOPE_UNKNOWN] = 1  # recognised, so at least unit level (Luật Đ23); higher scope unproven
_SCOPE_VI = {k: v[1] for k, v in INITIATIVE_SCOPES.items()}
_SCOPE_VI[SCOPE_UNKNOWN] = "chưa xác định"
# Cheapest proof first (CV 5007: keep the wider initiatives for higher titles).
_SCOPE_ORDER = {"unit": 1.0, SCOPE_UNKNOWN: 1.5, "province": 2.0, "national": 3.0}
_DLEVEL = {k: v[0] for k, v in DISCIPLINE_LEVELS.items()}
_DLEVEL_VI = {k: v[1] for k, v in DISCIPLINE_LEVELS.items()}


def _ys(years) -> str:
    years = sorted(years)
    return ", ".join(str(y) for y in years) if years else "chưa có năm nào"


def _plain(text: str) -> str:
    return text.split(" — ", 1)[0]


_JUDGED: dict = {}  # (ruleset id, conduct_judgement_blocks, rule id, value, kind) -> Criterion
_COMPACT: dict = {}  # (rule id, met, severity) -> text-less Criterion (compact mode)
# Compact mode keeps no texts: re-evaluate the subject without ``compact`` to read them.
_NO_TEXT = "(evaluate without compact mode for the text)"


class _Facts:
    """Everything about one subject that does not depend on the code: built once."""

    __slots__ = ("s", "kind", "rs", "st", "dd", "titles", "ratings", "forced_kht", "grounds",
                 "floor", "floor_reason", "active", "memo", "_cits", "members_facts", "regs", "_gen",
                 "_gkey", "_citation", "compact")

    def __init__(self, subject, rs: RuleSet, st: RulebookSettings, dd: dt.date, compact: bool = False):
        self.s = subject
        self.compact = compact
        self.kind = getattr(subject, "kind", INDIVIDUAL)
        self.rs, self.st, self.dd = rs, st, dd
        self.memo = {}
        self.members_facts = {}
        self._gen = {}
        self._cits = rs.rules
        self._citation = _citations(rs)
        titles = {y: set(codes) for y, codes in subject.titles.items()}
        grounds = {}  # code -> sorted achievement years usable as grounds (Đ8, NĐ 152 Đ4 k3)
        self.regs = subject.registrations
        codes_cat = _CATEGORY
        for g in subject.grants:
            if g.revoked:
                continue
            y = g.year if g.year is not None else g.achievement_year
            if y is None:
                continue
            if codes_cat[g.code] == TITLE:
                t = titles.get(y)
                if t is None:
                    titles[y] = {g.code}
                else:
                    t.add(g.code)
            elif g.kind not in NOT_GROUNDS_KINDS:
                grounds.setdefault(g.code, []).append(y)
        implies = TITLE_IMPLIES
        for y, codes in titles.items():
            for c in [c for c in codes if c in implies]:
                codes.update(implies[c])
            for c in codes:
                lst = grounds.get(c)
                if lst is None:
                    grounds[c] = [y]
                else:
                    lst.append(y)
        for c, lst in grounds.items():
            if len(lst) > 1:
                grounds[c] = sorted(set(lst))
        self.titles, self.grounds = titles, grounds
        # Disciplines: in force on the decision date blocks everything; otherwise achievements
        # count from its end (NĐ 152/2025 Đ4).
        floor, reason, active = -1, None, None
        kht_from = st.discipline_forces_kht_from_year
        # Copied only when a discipline may rewrite a rating (never mutated otherwise).
        ratings = dict(subject.ratings) if subject.disciplines else subject.ratings
        forced = set()
        for d in subject.disciplines:
            if d.start > dd:
                continue
            if d.end is None or d.end >= dd:
                active = d
                continue
            ly = d.end.year
            if st.discipline_end_year_counts and not (d.end.month == 12 and d.end.day == 31):
                ly -= 1
            if ly > floor:
                floor, reason = ly, d
        for d in subject.disciplines:
            y = d.start.year
            if y >= kht_from and y in ratings and ratings[y] != "KHT":
                ratings[y] = "KHT"
                forced.add(y)
        self.floor, self.floor_reason, self.active = floor, reason, active
        self.ratings, self.forced_kht = ratings, forced
        # Clean record: the general criteria are identical across subjects (see _general).
        simple = (not subject.pending and not subject.disciplines and self.regs is None
                  and not getattr(subject, "leave", None))
        self._gkey = (rs.id, st.registration_gate, self.kind) if simple else None

    # -- small helpers -------------------------------------------------------------------
    def c(self, rule_id, met, text, severity=REQUIRED) -> Criterion:
        """``text``: the message, or a zero-argument callable giving it (formatted lazily)."""
        if self.compact:  # statuses only: one shared, text-less criterion per outcome
            key = (rule_id, met, severity)
            crit = _COMPACT.get(key)
            if crit is None:
                crit = _COMPACT[key] = Criterion(rule_id, met, _NO_TEXT, self._citation[rule_id], severity)
            return crit
        cit = self._citation[rule_id]
        if text.__class__ is str:
            text = f"{text} — {cit}"
        return Criterion(rule_id, met, text, cit, severity)

    def judgement(self, rule_id, code, y, kind=JUDGEMENT) -> Criterion:
        """A criterion data cannot show. ``kind``: JUDGEMENT = conduct (đoàn kết, gương mẫu…),
        assessed at the review meeting, not holding the verdict unless judged False (or setting
        ``conduct_judgement_blocks``); REQUIRED = a substantive condition (Giấy khen's achievement,
        Cờ Chính phủ's selection) → needs_judgement until judged; ALTERNATIVE = a form's other
        clauses. Input ``judgements``: the rule id, then the code; ``{year: true}`` ("*") answers
        conduct only, and assume_judgement_met never answers other clauses."""
        val = None
        j = self.s.judgements.get(y) if self.s.judgements else None
        if j:
            val = j.get(rule_id)
            if val is None:
                val = j.get(code)
            if val is None and kind == JUDGEMENT:
                val = j.get("*")
        st = self.st
        if val is None and st.assume_judgement_met and kind != ALTERNATIVE:
            val = True
        # The criterion depends on nothing else: share one instance across subjects.
        key = (self.rs.id, st.conduct_judgement_blocks, rule_id, val, kind)
        crit = _JUDGED.get(key)
        if crit is None:
            rule = self._cits[rule_id]
            base = rule.text_vi
            low = f"{base[0].lower()}{base[1:]}"
            if val is None:
                if kind == JUDGEMENT and not st.conduct_judgement_blocks:
                    msg = f"Được xem xét tại cuộc họp bình xét: {low}"
                else:
                    msg = f"Cần bình xét, đánh giá: {low}"
            elif val:
                msg = f"Được bình xét đạt: {low}"
            else:
                msg = f"Không đạt theo bình xét: {low}"
            crit = _JUDGED[key] = Criterion(rule_id, val, f"{msg} — {rule.citation}", rule.citation, kind)
        return crit

    def last_grant_before(self, code, y) -> int | None:
        last = None
        for gy in self.grounds.get(code, ()):
            if gy < y:
                last = gy
        return last

    def lo(self, code, y) -> int:
        """Years ≤ lo cannot be part of a chain for ``code`` in year ``y``."""
        lo = self.floor
        if self.st.chain_restarts_after_grant:
            last = self.last_grant_before(code, y)
            if last is not None and last > lo:
                lo = last
        return lo

    def lo_reason(self, code, y, lo) -> str:
        if lo < 0:
            return ""
        if lo == self.floor and self.floor_reason is not None:
            return f"; thành tích chỉ được tính từ khi chấm dứt kỷ luật (ngày {format_date(self.floor_reason.end)})"
        return f"; chỉ tính các năm sau lần được tặng {short_vi(code)} năm {lo}"

    def state(self, code, y, Y):
        """(True | None | False, same-cycle verdict or None) for holding ``code`` in year ``y``."""
        if y <= self.floor:
            return False, None
        if code in self.titles.get(y, ()):
            return True, None
        if y == Y and self.st.count_same_cycle:
            v = _evaluate(self, code, y)
            return _STATE[v.status], v
        return False, None

    def initiatives(self, y_from, y_to, min_scope, code, Y, exclude=()):
        ok, used = [], []
        lo = self.floor
        for i in self.s.initiatives:
            if not (y_from <= i.year <= y_to) or i.year <= lo or not i.accepted:
                continue
            if _SCOPE[i.scope] < min_scope or i.id in exclude:
                continue
            if i.used_for is not None and not (i.used_for == code and (i.used_for_year in (None, Y))):
                used.append(i)  # CV 5007/BNV-TĐKT: one initiative, one use
                continue
            ok.append(i)
        ok.sort(key=lambda i: (_SCOPE_ORDER[i.scope], i.year))
        return ok, used

    def unknown_scope(self, y_from, y_to, code, Y, exclude=()):
        """Accepted, unused initiatives of the span whose scope is not recorded."""
        return [i for i in self.initiatives(y_from, y_to, 1, code, Y, exclude)[0] if i.scope == SCOPE_UNKNOWN]

    def used_note(self, used) -> str:
        if not used:
            return ""
        parts = ", ".join(f"{i.id} (đã dùng cho {short_vi(i.used_for)}{' năm ' + str(i.used_for_year) if i.used_for_year else ''})" for i in used)
        return f"; sáng kiến {parts} không được tính lại theo {self._cits['GEN.initiative_once'].citation}"


# ------------------------------------------------------------------ general criteria


_GENERAL_CACHE: dict = {}
_CITATIONS: dict = {}  # ruleset id -> {rule id: citation}


def _citations(rs: RuleSet) -> dict:
    d = _CITATIONS.get(rs.id)
    if d is None or len(d) != len(rs.rules):
        d = _CITATIONS[rs.id] = {k: r.citation for k, r in rs.rules.items()}
    return d
_CATEGORY = {c: a.category for c, a in CODES.items()}


def _general(f: _Facts, code: str, y: int) -> list:
    # Fast path for the common clean record: the criteria are identical objects across
    # subjects, so share them (bulk runs evaluate millions of verdicts).
    if f._gkey is not None:
        gkey = (f._gkey, f.compact, code, y)
        cached = _GENERAL_CACHE.get(gkey)
        if cached is None:
            cached = _general_build(f, code, y)
            if len(_GENERAL_CACHE) < 10_000:
                _GENERAL_CACHE[gkey] = cached
        return cached
    key = (code, y)
    cached = f._gen.get(key)
    if cached is not None:
        return cached
    out = _general_build(f, code, y)
    f._gen[key] = out
    return out


def _general_build(f: _Facts, code: str, y: int) -> list:
    out = []
    pend = f.s.pending
    if pend:
        what = "; ".join(PENDING_KINDS[k] for k in sorted(pend))
        out.append(f.c("GEN.pending", False, lambda: f"Không xét khen thưởng: {what}"))
    else:
        out.append(f.c("GEN.pending", True, "Không đang bị xem xét kỷ luật, thanh tra, kiểm tra hoặc khiếu nại, tố cáo"))
    if f.active is not None:
        d = f.active
        until = f"đến {format_date(d.end)}" if d.end else "chưa chấm dứt"
        out.append(f.c("GEN.discipline", False, lambda: f"Đang trong thời gian thi hành kỷ luật {_DLEVEL_VI[d.level].lower()} (từ {format_date(d.start)}, {until})"))
    elif y <= f.floor:
        d = f.floor_reason
        out.append(f.c("GEN.discipline", False, lambda: f"Thành tích chỉ được tính từ khi chấm dứt kỷ luật {_DLEVEL_VI[d.level].lower()} (ngày {format_date(d.end)}); năm {y} không được tính"))
    elif f.s.disciplines:
        out.append(f.c("GEN.discipline", True, lambda: f"Không trong thời gian thi hành kỷ luật; năm {y} sau khi chấm dứt kỷ luật"))
    if y in f.forced_kht:
        out.append(f.c("GEN.discipline_kht", False, lambda: f"Bị kỷ luật trong năm {y} nên xếp loại Không hoàn thành nhiệm vụ"))
    if CODES[code].category == TITLE and f.st.registration_gate != "off":
        sev = WARNING if f.st.registration_gate == "warning" else REQUIRED
        name = short_vi(code)
        if f.regs is None:
            out.append(f.c("GEN.registration", None, lambda: f"Chưa có dữ liệu đăng ký thi đua năm {y}", sev))
        else:
            regs = f.regs.get(y, ())
            ok = code in regs or any(code in REGISTRATION_IMPLIES.get(r, ()) for r in regs)
            if ok:
                out.append(f.c("GEN.registration", True, lambda: f"Đã đăng ký thi đua danh hiệu {name} năm {y}", sev))
            else:
                out.append(f.c("GEN.registration", False, lambda: f"Chưa đăng ký thi đua danh hiệu {name} năm {y}", sev))
    if f.kind == INDIVIDUAL and CODES[code].category == TITLE:
        leave = getattr(f.s, "leave", {}).get(y)
        limit = f.st.max_other_leave_days
        if leave and (limit is not None or leave.get("maternity")):
            other, mat = leave.get("other", 0), leave.get("maternity", 0)
            mat_note = f"; {mat} ngày nghỉ thai sản được tính là thời gian công tác" if mat else ""
            if limit is not None and other > limit:
                out.append(f.c("GEN.leave", False, lambda: f"Nghỉ {other} ngày (không kể thai sản) trong năm {y}, vượt quá {limit} ngày{mat_note}"))
            else:
                out.append(f.c("GEN.leave", True, lambda: f"Thời gian công tác trong năm {y} đủ để xét{mat_note}"))
    return out


# ------------------------------------------------------------------ individual titles


def _rating_at_least(f: _Facts, rule_id: str, y: int, min_rank: int, want_vi: str) -> Criterion:
    r = f.ratings.get(y)
    if r is None:
        return f.c(rule_id, False, lambda: f"Chưa có kết quả xếp loại năm {y}")
    if RATING_RANK[r] >= min_rank:
        return f.c(rule_id, True, lambda: f"Năm {y} xếp loại: {RATINGS[r]}")
    return f.c(rule_id, False, lambda: f"Năm {y} xếp loại: {RATINGS[r]}, chưa đạt {want_vi}")


def _ev_ldtt(f, Y):
    return [_rating_at_least(f, "LDTT.rating", Y, 3, "Hoàn thành tốt nhiệm vụ"),
            f.judgement("LDTT.judgement", "LDTT", Y)], ()


def _ev_cstdcs(f, Y):
    crit = []
    used = ()
    if "LDTT" in f.titles.get(Y, ()) and Y > f.floor:
        crit.append(f.c("CSTDCS.ldtt", True, lambda: f"Đã đạt danh hiệu LĐTT năm {Y}"))
    else:
        v = _evaluate(f, "LDTT", Y)
        if v.status == STATUS_ELIGIBLE:
            crit.append(f.c("CSTDCS.ldtt", True, lambda: f"Đủ điều kiện LĐTT năm {Y} (đủ điều kiện trong cùng đợt xét)"))
        elif v.status == STATUS_NEEDS_JUDGEMENT:
            crit.append(f.c("CSTDCS.ldtt", None, lambda: f"Đạt các tiêu chí dữ liệu của LĐTT năm {Y}; còn chờ bình xét"))
        else:
            crit.append(f.c("CSTDCS.ldtt", False, lambda: f"Không đủ điều kiện LĐTT năm {Y}: {'; '.join(_plain(c.text_vi) for c in v.missed)}"))
    r = f.ratings.get(Y)
    if r == "HTXS":
        crit.append(f.c("CSTDCS.merit", True, lambda: f"Năm {Y} hoàn thành xuất sắc nhiệm vụ"))
    else:
        ok, spent = f.initiatives(Y, Y, 1, "CSTDCS", Y)
        if ok:
            i = ok[0]
            what = "đề tài nghiên cứu được nghiệm thu" if i.kind == "research" else "sáng kiến được công nhận cấp cơ sở"
            crit.append(f.c("CSTDCS.merit", True, lambda: f"Năm {Y} có {what} ({i.id}) — không cần xếp loại hoàn thành xuất sắc"))
            used = (i.id,)
        else:
            rv = RATINGS[r].lower() if r else "chưa có xếp loại"
            crit.append(f.c("CSTDCS.merit", False, lambda _a0=(f.used_note(spent)): f"Năm {Y} không hoàn thành xuất sắc nhiệm vụ ({rv}) và không có sáng kiến được công nhận cấp cơ sở hay đề tài được nghiệm thu{_a0}"))  # noqa: B008
    if f.st.cstdcs_quota_percent is not None:
        crit.append(f.c("CSTDCS.quota", None, lambda _a0=(f.st.cstdcs_quota_percent): f"Số CSTĐ cơ sở của đơn vị không quá {_a0}% số LĐTT; kiểm tra khi tổng hợp danh sách", WARNING))
    return crit, used


def _ev_cstd_tinh(f, Y):
    lo = f.lo("CSTD_TINH", Y)
    have, states, sub = [], [], None
    for y in (Y - 2, Y - 1, Y):
        if y <= lo:
            states.append(False)
            continue
        st, v = f.state("CSTDCS", y, Y)
        if v is not None:
            sub = v
        states.append(st)
        if st is not False:
            have.append(y)
    same = f" (năm {Y}: đủ điều kiện trong cùng đợt xét)" if sub is not None and sub.status == STATUS_ELIGIBLE else ""
    if all(s is True for s in states):
        chain = f.c("CSTD_TINH.chain", True, lambda: f"Đạt CSTĐ cơ sở 3 năm liên tục: {_ys(range(Y - 2, Y + 1))}{same}")
    elif False in states:
        chain = f.c("CSTD_TINH.chain", False, lambda _a0=(f.lo_reason('CSTD_TINH', Y, lo) if lo >= Y - 2 else ''): f"Chưa đủ 3 năm liên tục đạt CSTĐ cơ sở (có: {_ys(have)}){_a0}")  # noqa: B008
    else:
        chain = f.c("CSTD_TINH.chain", None, lambda: f"Đạt CSTĐ cơ sở các năm {_ys(range(Y - 2, Y))}; năm {Y} còn chờ bình xét trong cùng đợt")
    reserved = sub.initiatives_used if sub is not None else ()
    ok, spent = f.initiatives(Y - 2, Y, 2, "CSTD_TINH", Y, reserved)
    if ok:
        i = ok[0]
        ini = f.c("CSTD_TINH.initiative", True, lambda: f"Có sáng kiến, đề tài {i.id} (năm {i.year}) có phạm vi ảnh hưởng {_SCOPE_VI[i.scope]}")
        used = (i.id,) + tuple(reserved)
    else:
        unk = f.unknown_scope(Y - 2, Y, "CSTD_TINH", Y, reserved)
        if unk:
            ids = ", ".join(i.id for i in unk)
            ini = f.c("CSTD_TINH.initiative", None, lambda: f"Có sáng kiến, đề tài ({ids}) chưa xác định phạm vi ảnh hưởng; cần xác định có phạm vi ảnh hưởng cấp bộ, ngành, tỉnh hay không")
        else:
            ini = f.c("CSTD_TINH.initiative", False, lambda _a0=(f.used_note(spent)): f"Chưa có sáng kiến, đề tài có phạm vi ảnh hưởng cấp bộ, ngành, tỉnh trong các năm {Y - 2}–{Y}{_a0}")  # noqa: B008
        used = tuple(reserved)
    return [chain, ini], used


def _ev_cstd_tq(f, Y):
    lo = f.lo("CSTD_TQ", Y)
    cyc = f.st.cstd_tinh_cycle_years
    prev = None
    for gy in f.grounds.get("CSTD_TINH", ()):
        if Y - cyc <= gy < Y and gy > lo:
            prev = gy
    st, sub = (False, None) if Y <= lo else f.state("CSTD_TINH", Y, Y)
    have = [gy for gy in f.grounds.get("CSTD_TINH", ()) if lo < gy < Y]
    if st is not False:
        have.append(Y)
    same = " (đủ điều kiện trong cùng đợt xét)" if sub is not None and sub.status == STATUS_ELIGIBLE else ""
    if prev is not None and st is True:
        chain = f.c("CSTD_TQ.chain", True, lambda: f"Đạt CSTĐ cấp tỉnh 2 lần liên tục: năm {prev} và năm {Y}{same}")
    elif prev is not None and st is None:
        chain = f.c("CSTD_TQ.chain", None, lambda: f"Đạt CSTĐ cấp tỉnh năm {prev}; CSTĐ cấp tỉnh năm {Y} còn chờ bình xét trong cùng đợt")
    else:
        chain = f.c("CSTD_TQ.chain", False, lambda _a0=(f.lo_reason('CSTD_TQ', Y, lo) if lo >= Y - cyc else ''): f"Chưa đủ 2 lần liên tục đạt CSTĐ cấp tỉnh (có: {_ys(have)}){_a0}")  # noqa: B008
    reserved = sub.initiatives_used if sub is not None else ()
    start = (prev if prev is not None else Y) - 2
    ok, spent = f.initiatives(start, Y, 3, "CSTD_TQ", Y, reserved)
    if ok:
        i = ok[0]
        ini = f.c("CSTD_TQ.initiative", True, lambda: f"Có sáng kiến, đề tài {i.id} (năm {i.year}) có phạm vi ảnh hưởng toàn quốc")
        used = (i.id,) + tuple(reserved)
    else:
        unk = f.unknown_scope(start, Y, "CSTD_TQ", Y, reserved)
        if unk:
            ids = ", ".join(i.id for i in unk)
            ini = f.c("CSTD_TQ.initiative", None, lambda: f"Có sáng kiến, đề tài ({ids}) chưa xác định phạm vi ảnh hưởng; cần xác định có khả năng nhân rộng trong toàn quốc hay không")
        else:
            ini = f.c("CSTD_TQ.initiative", False, lambda _a0=(f.used_note(spent)): f"Chưa có sáng kiến, đề tài có phạm vi ảnh hưởng toàn quốc trong các năm {start}–{Y}{_a0}")  # noqa: B008
        used = tuple(reserved)
    return [chain, ini], used


def _ev_bk_tinh_individual(f, Y):
    lo = f.lo("BK_TINH", Y)
    # (a) 2 consecutive CSTĐCS ending at Y
    sa, have = [], []
    for y in (Y - 1, Y):
        s = False if y <= lo else f.state("CSTDCS", y, Y)[0]
        sa.append(s)
        if s is not False:
            have.append(y)
    a = True if all(s is True for s in sa) else (False if False in sa else None)
    # (b) ≥ 2 consecutive HTXS years ending at Y with 2 unit-level initiatives in that span
    run = []
    y = Y
    while y > lo and f.ratings.get(y) == "HTXS":
        run.append(y)
        y -= 1
    b, picks, spent = False, [], []
    if len(run) >= 2:
        ok, spent = f.initiatives(run[-1], Y, 1, "BK_TINH", Y)
        if len(ok) >= 2:
            b, picks = True, ok[:2]
    used = ()
    if a is True:
        crit = f.c("BK_TINH.ind_d", True, lambda: f"Đạt CSTĐ cơ sở 2 năm liên tục: {Y - 1}, {Y}")
    elif b:
        crit = f.c("BK_TINH.ind_d", True, lambda: f"Hoàn thành xuất sắc nhiệm vụ {len(run)} năm liên tục ({_ys(run)}) và có 02 sáng kiến được công nhận cấp cơ sở ({picks[0].id}, {picks[1].id})")
        used = (picks[0].id, picks[1].id)
    elif a is None:
        crit = f.c("BK_TINH.ind_d", None, lambda: f"Đạt CSTĐ cơ sở năm {Y - 1}; CSTĐ cơ sở năm {Y} còn chờ bình xét trong cùng đợt")
    else:
        crit = f.c("BK_TINH.ind_d", False, lambda _a0=(f.used_note(spent)), _a1=(f.lo_reason('BK_TINH', Y, lo) if lo >= Y - 1 else ''): f"Chưa đạt CSTĐ cơ sở 2 năm liên tục (có: {_ys(have)}) và chưa có 2 năm liên tục hoàn thành xuất sắc nhiệm vụ kèm 02 sáng kiến cấp cơ sở (hoàn thành xuất sắc liên tục: {len(run)} năm){_a0}{_a1}")  # noqa: B008
    return _with_other_clauses(f, [crit], "BK_TINH.ind_other", "BK_TINH", Y) + [f.judgement("BK_TINH.ind_judgement", "BK_TINH", Y)], used


def _ev_bk_ttg_individual(f, Y):
    lo = f.lo("BK_TTG", Y)
    bks = [b for b in f.grounds.get("BK_TINH", ()) if b < Y]
    out = []
    if bks:
        out.append(f.c("BK_TTG.holds_bk", True, lambda _a0=(bks[0] if f.st.bk_ttg_span_after_bk_tinh else bks[-1]): f"Đã được tặng Bằng khen cấp bộ, ngành, tỉnh năm {_a0}"))
        if f.st.bk_ttg_span_after_bk_tinh and bks[0] > lo:
            lo = bks[0]
    else:
        excluded = [g for g in f.s.grants if g.code == "BK_TINH" and not g.revoked and g.kind in NOT_GROUNDS_KINDS]
        note = f" (Bằng khen theo chuyên đề, đột xuất không được tính — {f._cits['GEN.grounds_kind'].citation})" if excluded else ""
        out.append(f.c("BK_TTG.holds_bk", False, lambda: f"Chưa được tặng Bằng khen cấp bộ, ngành, tỉnh{note}"))
    run = []
    y = Y
    while y > lo and RATING_RANK.get(f.ratings.get(y), 0) >= 3:
        run.append(y)
        y -= 1
    after = f" (tính từ sau năm {lo})" if lo >= 0 and bks else ""
    if len(run) >= 5:
        out.append(f.c("BK_TTG.span", True, lambda: f"{len(run)} năm liên tục hoàn thành tốt nhiệm vụ trở lên: {run[-1]}–{Y}{after}"))
    else:
        out.append(f.c("BK_TTG.span", False, lambda: f"Mới có {len(run)} năm liên tục hoàn thành tốt nhiệm vụ trở lên tính đến năm {Y}{after} (cần 05 năm)"))
    sure, maybe, years = 0, 0, []
    for y in run:
        s = f.state("CSTDCS", y, Y)[0]
        if s is True:
            sure += 1
            years.append(y)
        elif s is None:
            maybe += 1
    if sure >= 3:
        out.append(f.c("BK_TTG.cstdcs", True, lambda: f"Trong thời gian đó có {sure} lần đạt CSTĐ cơ sở ({_ys(years)})"))
    elif sure + maybe >= 3:
        out.append(f.c("BK_TTG.cstdcs", None, lambda: f"Trong thời gian đó có {sure} lần đạt CSTĐ cơ sở; CSTĐ cơ sở năm {Y} còn chờ bình xét"))
    else:
        out.append(f.c("BK_TTG.cstdcs", False, lambda: f"Trong thời gian đó mới có {sure} lần đạt CSTĐ cơ sở (có: {_ys(years)}; cần 03)"))
    out = _with_other_clauses(f, out, "BK_TTG.other", "BK_TTG", Y)
    out.append(f.judgement("BK_TTG.judgement", "BK_TTG", Y))
    return out, ()


def _with_other_clauses(f, data, other_id, code, Y):
    """Bằng khen: "đạt một trong các tiêu chuẩn sau". When the data clause is fully met it alone
    decides; otherwise (setting ``form_other_clauses``) its criteria become alternatives to the
    judgement-based other clauses, so the verdict is needs_judgement rather than not_eligible."""
    if not f.st.form_other_clauses or all(c.met is True for c in data):
        return data
    if f.compact:
        out = [f.c(c.rule_id, c.met, None, ALTERNATIVE) for c in data]
    else:
        out = [Criterion(c.rule_id, c.met, c._text, c.citation, ALTERNATIVE) for c in data]
    out.append(f.judgement(other_id, code, Y, ALTERNATIVE))
    return out


def _ev_giay_khen(f, Y):
    # Luật Đ75: the achievement (in a movement or ad hoc) is substantive and not in the data.
    return [_rating_at_least(f, "GIAY_KHEN.rating", Y, 3, "Hoàn thành tốt nhiệm vụ"),
            f.judgement("GIAY_KHEN.achievement", "GIAY_KHEN", Y, REQUIRED),
            f.judgement("GIAY_KHEN.judgement", "GIAY_KHEN", Y)], ()


# ------------------------------------------------------------------ collectives


def _member_counts(f: _Facts, Y):
    """(total, completed, ldtt_sure, ldtt_maybe, cstdcs_sure, cstdcs_maybe, disciplined) or None."""
    m = f.s.members.get(Y)
    if m is None:
        return None
    if isinstance(m, MemberSummary):
        return (m.total, m.completed, m.ldtt, m.ldtt_pending, m.cstdcs, m.cstdcs_pending, m.disciplined)
    total = len(m)
    completed = ldtt = ldtt_m = cs = cs_m = disc = 0
    for p in m:
        pf = f.members_facts.get(p.id)
        if pf is None or pf.s is not p:
            pf = _Facts(p, f.rs, f.st, f.dd, f.compact)
            f.members_facts[p.id] = pf
        if RATING_RANK.get(pf.ratings.get(Y), 0) >= 2:
            completed += 1
        s = _member_state(pf, "LDTT", Y)
        ldtt += s is True
        ldtt_m += s is None
        s = _member_state(pf, "CSTDCS", Y)
        cs += s is True
        cs_m += s is None
        if any(_DLEVEL[d.level] >= CANH_CAO and d.start.year == Y for d in p.disciplines):
            disc += 1
    return (total, completed, ldtt, ldtt_m, cs, cs_m, disc)


def _member_state(pf, code, Y):
    if code in pf.titles.get(Y, ()):
        return True
    return _STATE[_evaluate(pf, code, Y).status]


def _num(d: Decimal) -> str:
    return f"{d.normalize():f}".replace(".", ",")


def _share(f, rule_id, counts, idx, pct: Decimal, Y, what):
    total = counts[0]
    sure, maybe = counts[idx], counts[idx + 1]
    if sure is None:
        return f.c(rule_id, False, lambda: f"Thiếu số liệu thành viên đạt {what} năm {Y}")
    if total == 0:
        return f.c(rule_id, False, lambda: f"Không có dữ liệu thành viên năm {Y}")
    need = pct * total
    actual = f"{(Decimal(sure * 100) / total).quantize(Decimal('0.1')).normalize():f}".replace(".", ",")
    if sure * 100 >= need:
        return f.c(rule_id, True, lambda: f"Có {sure}/{total} thành viên đạt {what} ({actual}%), yêu cầu ít nhất {_num(pct)}%")
    if (sure + maybe) * 100 >= need:
        return f.c(rule_id, None, lambda: f"Có {sure}/{total} thành viên chắc chắn đạt {what}, {maybe} người còn chờ bình xét; yêu cầu ít nhất {_num(pct)}%")
    return f.c(rule_id, False, lambda: f"Chỉ có {sure}/{total} thành viên đạt {what} ({actual}%), chưa đạt tỷ lệ {_num(pct)}%")


def _ev_ttldtt(f, Y):
    out = [_rating_at_least(f, "TTLDTT.result", Y, 3, "Hoàn thành tốt nhiệm vụ")]
    counts = _member_counts(f, Y)
    if counts is None:
        out.append(f.c("TTLDTT.members", False, lambda: f"Chưa có dữ liệu thành viên năm {Y}"))
        out.append(f.c("TTLDTT.discipline", None, lambda: f"Chưa có dữ liệu kỷ luật của thành viên năm {Y}; cần xác nhận"))
    else:
        out.append(_share(f, "TTLDTT.members", counts, 2, f.st.ttldtt_member_percent, Y, "LĐTT"))
        disc = counts[6]
        if disc is None:
            out.append(f.c("TTLDTT.discipline", None, lambda: f"Chưa có dữ liệu kỷ luật của thành viên năm {Y}; cần xác nhận"))
        elif disc == 0:
            out.append(f.c("TTLDTT.discipline", True, lambda: f"Không có cá nhân bị kỷ luật từ cảnh cáo trở lên năm {Y}"))
        else:
            out.append(f.c("TTLDTT.discipline", False, lambda: f"Có {disc} cá nhân bị kỷ luật từ cảnh cáo trở lên năm {Y}"))
    out.append(f.judgement("TTLDTT.judgement", "TTLDTT", Y))
    return out, ()


def _ev_ttldxs(f, Y):
    r = f.ratings.get(Y)
    if r == "HTXS":
        out = [f.c("TTLDXS.result", True, lambda: f"Năm {Y} tập thể hoàn thành xuất sắc nhiệm vụ")]
    else:
        out = [f.c("TTLDXS.result", False, lambda: f"Năm {Y} tập thể {'xếp loại ' + RATINGS[r].lower() if r else 'chưa có kết quả xếp loại'}, chưa đạt hoàn thành xuất sắc nhiệm vụ")]
    counts = _member_counts(f, Y)
    if counts is None:
        out.append(f.c("TTLDXS.complete", False, lambda: f"Chưa có dữ liệu thành viên năm {Y}"))
        out.append(f.c("TTLDXS.members", False, lambda: f"Chưa có dữ liệu thành viên năm {Y}"))
        out.append(f.c("TTLDXS.cstdcs", False, lambda: f"Chưa có dữ liệu thành viên năm {Y}"))
    else:
        total, completed = counts[0], counts[1]
        if completed is None:
            out.append(f.c("TTLDXS.complete", False, lambda: f"Thiếu số liệu thành viên hoàn thành nhiệm vụ năm {Y}"))
        elif total > 0 and completed == total:
            out.append(f.c("TTLDXS.complete", True, lambda: f"{completed}/{total} cá nhân hoàn thành nhiệm vụ"))
        else:
            out.append(f.c("TTLDXS.complete", False, lambda: f"Chỉ có {completed}/{total} cá nhân hoàn thành nhiệm vụ (cần 100%)"))
        out.append(_share(f, "TTLDXS.members", counts, 2, _TTLDXS_MEMBER_PERCENT, Y, "LĐTT"))
        sure, maybe = counts[4], counts[5]
        if sure is None:
            out.append(f.c("TTLDXS.cstdcs", False, lambda: f"Thiếu số liệu thành viên đạt CSTĐ cơ sở năm {Y}"))
        elif sure >= 1:
            out.append(f.c("TTLDXS.cstdcs", True, lambda: f"Có {sure} cá nhân đạt CSTĐ cơ sở năm {Y}"))
        elif maybe:
            out.append(f.c("TTLDXS.cstdcs", None, lambda: f"{maybe} cá nhân còn chờ bình xét CSTĐ cơ sở năm {Y}"))
        else:
            out.append(f.c("TTLDXS.cstdcs", False, lambda: f"Không có cá nhân đạt CSTĐ cơ sở năm {Y}"))
    out.append(f.judgement("TTLDXS.judgement", "TTLDXS", Y))
    return out, ()


def _ev_bk_tinh_collective(f, Y):
    lo = f.lo("BK_TINH", Y)
    states, have = [], []
    for y in (Y - 1, Y):
        if y <= lo:
            s = False
        elif f.ratings.get(y) == "HTXS":
            s = True
        else:
            s = f.state("TTLDXS", y, Y)[0]
        states.append(s)
        if s is not False:
            have.append(y)
    if all(s is True for s in states):
        crit = f.c("BK_TINH.col", True, lambda: f"Hoàn thành xuất sắc nhiệm vụ hoặc đạt TTLĐXS 2 năm liên tục: {Y - 1}, {Y}")
    elif False in states:
        crit = f.c("BK_TINH.col", False, lambda _a0=(f.lo_reason('BK_TINH', Y, lo) if lo >= Y - 1 else ''): f"Chưa đủ 2 năm liên tục hoàn thành xuất sắc nhiệm vụ hoặc đạt TTLĐXS (có: {_ys(have)}){_a0}")  # noqa: B008
    else:
        crit = f.c("BK_TINH.col", None, lambda: f"Năm {Y - 1} đạt; TTLĐXS năm {Y} còn chờ bình xét trong cùng đợt")
    return _with_other_clauses(f, [crit], "BK_TINH.col_other", "BK_TINH", Y) + [f.judgement("BK_TINH.col_judgement", "BK_TINH", Y)], ()


def _ev_co_tinh(f, Y):
    lead = None
    rank = None
    for c in f.s.clusters.get(Y, ()):
        if c.scope in ("province", "ministry"):
            if c.rank == 1:
                lead = f"Dẫn đầu cụm, khối thi đua {c.cluster_id} năm {Y}".replace("  ", " ")
                break
            rank = c.rank
    if lead is None:
        for m in f.s.movements:
            if m.leader and m.level in ("province", "ministry") and m.years >= 3 and m.final_review_year == Y:
                lead = f"Dẫn đầu phong trào thi đua theo chuyên đề {m.id} ({m.years} năm) khi tổng kết năm {Y}"
                break
    if lead:
        crit = f.c("CO_TINH.leader", True, lead)
    else:
        extra = f" (xếp hạng {rank})" if rank else ""
        crit = f.c("CO_TINH.leader", False, lambda: f"Không dẫn đầu cụm, khối thi đua của bộ, ngành, tỉnh năm {Y}{extra} và không dẫn đầu phong trào chuyên đề từ 03 năm trở lên tổng kết năm {Y}")
    return [crit, f.judgement("CO_TINH.judgement", "CO_TINH", Y)], ()


def _ev_co_cp(f, Y):
    lead = None
    for c in f.s.clusters.get(Y, ()):
        if c.rank == 1:
            lead = f"Dẫn đầu cụm, khối thi đua {c.cluster_id} năm {Y}".replace("  ", " ")
            break
    if lead is None:
        for m in f.s.movements:
            if m.leader and m.level == "national" and m.years >= 5 and m.final_review_year == Y:
                lead = f"Dẫn đầu phong trào thi đua {m.id} do Thủ tướng phát động ({m.years} năm) khi tổng kết năm {Y}"
                break
    if lead:
        crit = f.c("CO_CP.leader", True, lead)
    else:
        crit = f.c("CO_CP.leader", False, lambda: f"Không dẫn đầu cụm, khối thi đua năm {Y} và không dẫn đầu phong trào của Thủ tướng từ 05 năm trở lên")
    # Luật Đ25: chosen among the leaders — a selection, not a conduct quality.
    return [crit, f.judgement("CO_CP.judgement", "CO_CP", Y, REQUIRED)], ()


def _ev_not_encoded(f, Y, code):
    return [f.c("GEN.not_encoded", None, lambda: f"Tiêu chuẩn {CODES[code].name_vi} chưa được mã hóa trong bộ quy tắc; cần thẩm định hồ sơ")], ()


_INDIVIDUAL_EV = {
    "LDTT": _ev_ldtt, "CSTDCS": _ev_cstdcs, "CSTD_TINH": _ev_cstd_tinh, "CSTD_TQ": _ev_cstd_tq,
    "BK_TINH": _ev_bk_tinh_individual, "BK_TTG": _ev_bk_ttg_individual, "GIAY_KHEN": _ev_giay_khen,
}
_COLLECTIVE_EV = {
    "TTLDTT": _ev_ttldtt, "TTLDXS": _ev_ttldxs, "BK_TINH": _ev_bk_tinh_collective,
    "CO_TINH": _ev_co_tinh, "CO_CP": _ev_co_cp, "GIAY_KHEN": _ev_giay_khen,
}
_GIAY_KHEN_COLLECTIVE_RULE = "GIAY_KHEN.rating"


def _evaluate(f: _Facts, code: str, Y: int) -> Verdict:
    key = (code, Y)
    memo = f.memo
    v = memo.get(key)
    if v is not None:
        return v
    ev = (_INDIVIDUAL_EV if f.kind == INDIVIDUAL else _COLLECTIVE_EV).get(code)
    if ev is None:
        crit, used = _ev_not_encoded(f, Y, code)
    else:
        crit, used = ev(f, Y)
    criteria = _general(f, code, Y) + crit
    v = memo[key] = Verdict(f.s.id, code, Y, _status(criteria, f.st.conduct_judgement_blocks), criteria, f.rs.id, used)
    return v


# ------------------------------------------------------------------ public API


def _check(subject, code):
    a = CODES.get(code)
    if a is None:
        raise RulebookError(f"Mã danh hiệu/hình thức không tồn tại: '{code}'")
    kind = getattr(subject, "kind", INDIVIDUAL)
    if kind not in a.recipient_kinds:
        raise RulebookError(f"{a.name_vi} không áp dụng cho đối tượng {RECIPIENT_KINDS[kind].lower()}")


def facts_for(subject, decision_date: dt.date, settings: RulebookSettings | None = None, ruleset: RuleSet | None = None) -> _Facts:
    st = settings or DEFAULT_SETTINGS
    rs = ruleset or select_ruleset(decision_date)
    return _Facts(subject, rs, st, decision_date)


def evaluate(subject, code: str, year: int, decision_date: dt.date, settings: RulebookSettings | None = None) -> Verdict:
    """Verdict for one subject (PersonHistory or UnitHistory), one code, one year."""
    _check(subject, code)
    return _evaluate(facts_for(subject, decision_date, settings), code, year)


def applicable_codes(subject) -> tuple:
    return INDIVIDUAL_CODES if getattr(subject, "kind", INDIVIDUAL) == INDIVIDUAL else COLLECTIVE_CODES


def evaluate_all(subject, year: int, decision_date: dt.date, settings: RulebookSettings | None = None, codes=None) -> list:
    """Verdicts for every encoded code that applies to the subject (or the given codes)."""
    f = facts_for(subject, decision_date, settings)
    wanted = applicable_codes(subject) if codes is None else codes
    out = []
    for code in wanted:
        _check(subject, code)
        out.append(_evaluate(f, code, year))
    return out


def evaluate_many(subjects, year: int, decision_date: dt.date, settings: RulebookSettings | None = None, codes=None,
                  *, compact: bool = False):
    """Yield (subject, [Verdict]) reusing the rule-set selection; for bulk runs.

    ``compact=True``: same statuses, rule ids and ``met`` values, but the criteria carry no text
    (shared objects, nothing formatted) — for province-wide counts; evaluate a subject again
    without it to show the reasons."""
    st = settings or DEFAULT_SETTINGS
    rs = select_ruleset(decision_date)
    by_kind = {}
    for s in subjects:
        f = _Facts(s, rs, st, decision_date, compact)
        wanted = by_kind.get(f.kind)
        if wanted is None:
            wanted = by_kind[f.kind] = (applicable_codes(s) if codes is None else
                                        [c for c in codes if f.kind in CODES[c].recipient_kinds])
        yield s, [_evaluate(f, c, year) for c in wanted]


__all__ = ["Criterion", "Verdict", "evaluate", "evaluate_all", "evaluate_many", "applicable_codes",
           "REQUIRED", "JUDGEMENT", "WARNING", "ALTERNATIVE", "COLLECTIVE"]
