"""Scoped reads: lists show only what the user's roles cover; gets 404 otherwise."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from thidua.accounts.access import reach
from thidua.accounts.models import Capability
from thidua.core.conf import rulebook_settings
from thidua.core.errors import one_or_404
from thidua.org.selectors import in_reach
from thidua.rulebook import procedure
from thidua.rulebook.legal import DEFAULT_DOSSIER, pattern_rank

from .catalog import is_title
from .models import Decision, DocType, DossierRequirement, Grant, GrantStatus, Nomination

# The scoped lists below filter on forward foreign keys only (and an IN subquery), which cannot repeat a row:
# no .distinct(), which on a province's 24,000 decisions was a hash aggregate over every column spilling to disk
# plus a COUNT over the same DISTINCT, to show five rows on the home page (issue 11, item 2).


def nomination_list_for(user):
    # The proposing unit's staff and the deciding level both see a nomination.
    return Nomination.objects.filter(in_reach(user, "unit") | in_reach(user, "decider_unit")).select_related(
        "unit", "decider_unit")


def nomination_get_for_user(user, pk) -> Nomination:
    return one_or_404(nomination_list_for(user), pk)


def decision_list_for(user):
    return Decision.objects.filter(
        in_reach(user, "issuer") | Q(nomination__in=nomination_list_for(user).values("pk"))
    ).select_related("issuer")


def decision_get_for_user(user, pk) -> Decision:
    return one_or_404(decision_list_for(user), pk)


def grant_list_for(user):
    own = Q(person__user=user) if user.is_authenticated else Q(pk__in=[])
    return Grant.objects.filter(
        in_reach(user, "decision__issuer")
        | in_reach(user, "person__current_unit")
        | in_reach(user, "recipient_unit")
        | own
    ).select_related("decision", "decision__issuer")


def grant_get_for_user(user, pk) -> Grant:
    return one_or_404(grant_list_for(user), pk)


def award_history_for_person(person):
    # Revoked awards (Luật TĐKT 2022 Điều 93) are no longer part of anyone's history.
    return Grant.objects.filter(person=person, status=GrantStatus.VALID).select_related("decision", "decision__issuer").order_by("-year", "-id")


def award_history_for_unit(unit):
    """Collective awards of this unit and of every unit merged into it."""
    return Grant.objects.filter(recipient_unit_id__in=unit.lineage_ids(), status=GrantStatus.VALID).select_related(
        "decision", "decision__issuer", "recipient_unit"
    ).order_by("-year", "-id")


def can_manage(user, nomination) -> bool:
    return reach(user, Capability.NOMINATION_MANAGE).covers(nomination.unit)


def province_of(unit):
    """The province a unit belongs to (its checklist overrides), or None for central units."""
    for u in [unit, *reversed(unit.ancestors())]:
        if u.level == "province" and u.kind == "ubnd":
            return u
    return None


@dataclass(frozen=True)
class ChecklistItem:
    doc_type: str
    label: str
    required: bool
    note: str
    documents: tuple = ()

    @property
    def present(self) -> bool:
        return bool(self.documents)


def dossier_checklist(nomination) -> list[ChecklistItem]:
    """The code defaults (legal.DEFAULT_DOSSIER), overridden by national rows and then by the
    province's rows; within each, the most specific award pattern and award kind win."""
    code, title = nomination.award_code, is_title(nomination.award_code)
    province = province_of(nomination.unit)
    best: dict[str, tuple] = {}

    def consider(rank: tuple, doc_type: str, required: bool, note: str):
        if doc_type not in best or rank >= best[doc_type][0]:
            best[doc_type] = (rank, required, note)

    for pattern, doc_type, required, note in DEFAULT_DOSSIER:
        r = pattern_rank(pattern, code, title)
        if r is not None:
            consider((0, r, 0), doc_type, required, note)
    rows = DossierRequirement.objects.filter(Q(province__isnull=True) | Q(province=province))
    for row in rows:
        r = pattern_rank(row.award_code, code, title)
        if r is None or (row.award_type and row.award_type != nomination.award_type):
            continue
        consider((2 if row.province_id else 1, r, 1 if row.award_type else 0), row.doc_type, row.required, row.note)
    docs: dict[str, list] = {}
    for d in nomination.documents.all():
        docs.setdefault(d.doc_type, []).append(d)
    labels = dict(DocType.choices)
    items = [ChecklistItem(t, labels[t], best[t][1], best[t][2], tuple(docs.get(t, ()))) for t in DocType.values
             if t in best]
    extra = [d for t, ds in docs.items() if t not in best for d in ds]
    if extra:
        items.append(ChecklistItem(DocType.KHAC, labels[DocType.KHAC], False, "", tuple(extra)))
    return items


def dossier_missing(nomination) -> list[ChecklistItem]:
    return [i for i in dossier_checklist(nomination) if i.required and not i.present]


# ---------------------------------------------------------------------------- the procedure, step by step


@dataclass
class StepRow:
    step: object  # rulebook.procedure.Step
    state: str  # done | running | next | todo | optional
    detail: str = ""

    @property
    def state_label(self) -> str:
        return STEP_STATES[self.state]


STEP_STATES = {"done": "Đã xong", "running": "Đang thực hiện", "next": "Bước tiếp theo", "todo": "Chưa đến",
               "optional": "Không bắt buộc"}


def procedure_rows(nomination, today=None) -> list[StepRow]:
    """The nomination's path as the law sets it (rulebook.procedure), with what is done, what runs, and the
    next required step; the doors refuse whatever skips one."""
    today = today or timezone.localdate()
    status = nomination.status
    entries = list(nomination.entries.all())
    disclosures = list(nomination.disclosures.all())
    done = {
        procedure.REVIEW: nomination.documents.filter(doc_type=DocType.BIEN_BAN).exists(),
        procedure.DOSSIER: not dossier_missing(nomination),
        procedure.SUBMIT: status not in ("draft", "returned"),
        procedure.DISCLOSURE: any(d.end < today for d in disclosures),
        procedure.COUNCIL: bool(entries) and all(e.council_result == "passed" for e in entries),
        procedure.APPROVAL: status in ("approved", "decided"),
        procedure.DECISION: status == "decided",
    }
    running = {procedure.DISCLOSURE: any(d.start <= today <= d.end for d in disclosures)}
    rows, next_given = [], False
    for step in procedure.procedure_for(nomination.award_code, today, rulebook_settings()):
        if done[step.code]:
            state = "done"
        elif running.get(step.code):
            state = "running"
        elif not step.required:
            state = "optional"
        elif not next_given:
            state, next_given = "next", True
        else:
            state = "todo"
        detail = ""
        if step.code == procedure.COUNCIL and entries:
            proposed = sum(e.council_result == "passed" for e in entries)
            detail = f"Hội đồng đã đề nghị {proposed}/{len(entries)}"
        elif step.code == procedure.DISCLOSURE and disclosures:
            d = disclosures[0]
            detail = f"Công khai {d.start:%d/%m/%Y} – {d.end:%d/%m/%Y}"
        rows.append(StepRow(step, state, detail))
    return rows
