"""Emulation API: movements, targets, results, reviews, registrations, clusters, pledges, scorecards, ranking.
Same scoped accessors and doors as the pages."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from ninja import Router, Schema

from thidua.accounts.models import Capability
from thidua.awards import proposals
from thidua.core.errors import one_or_404
from thidua.emulation import documents, selectors, services
from thidua.org.selectors import person_get_for_user, unit_get_for_user

router = Router()


class MovementIn(Schema):
    launched_by: int
    title: str
    year: int
    kind: str = "regular"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    theme: str = ""
    ordinal_style: str = "mot_la"
    contents: list[str] = []
    document_ref: str = ""


class AdoptIn(Schema):
    unit: int
    theme: str = ""
    contents: list[str] = []


class TargetIn(Schema):
    name: str
    measure: str = ""
    planned_value: str | None = None
    higher_is_better: bool = True


class ResultIn(Schema):
    target: int
    unit: int
    year: int
    period: str = "Y"
    value: str
    note: str = ""


class ReviewIn(Schema):
    kind: str
    year: int
    held_on: dt.date
    whole_unit: bool = False
    number_text: str = ""


class WindowIn(Schema):
    year: int
    deadline: dt.date


class RegRowIn(Schema):
    person: int | None = None
    award_code: str


class RegistrationIn(Schema):
    movement: int
    year: int
    unit: int
    rows: list[RegRowIn]


class ReasonIn(Schema):
    reason: str = ""


class ClusterIn(Schema):
    organiser: int
    name: str
    year: int
    kind: str = "cum"
    members: list[int]
    leader: int | None = None
    deputy: int | None = None


class PledgeIn(Schema):
    title: str
    common_targets: list[str] = []
    unit_targets: dict[int, list[str]] = {}


class CriterionIn(Schema):
    code: str
    name: str
    max_points: str
    kind: str = "normal"
    parent: int | None = None
    evidence_required: bool = False
    tie_key: str = ""


class SelfScoreIn(Schema):
    unit: int
    points: dict[int, str]


class AdjustIn(Schema):
    criterion: int
    points: str
    reason: str = ""


def _movement_out(m):
    return {
        "id": m.pk, "title": m.title, "kind": m.kind, "year": m.year, "theme": m.theme,
        "launched_by": {"id": m.launched_by_id, "name": m.launched_by.name}, "parent": m.parent_id,
        "start_date": m.start_date, "end_date": m.end_date, "flag_note": m.flag_note,
        "contents": [{"number": c.number, "label": c.label, "text": c.text} for c in m.contents.all()],
        "targets": [{"id": t.pk, "name": t.name, "measure": t.measure,
                     "planned_value": str(t.planned_value) if t.planned_value is not None else None,
                     "higher_is_better": t.higher_is_better} for t in m.targets.all()],
    }


def _manage_unit(user, pk):
    return unit_get_for_user(user, pk, Capability.EMULATION_MANAGE)


def _reg_out(r):
    return {"id": r.pk, "movement": r.movement_id, "year": r.year, "unit": r.unit_id, "person": r.person_id,
            "award_code": r.award_code, "award_name": r.award_name, "status": r.status,
            "return_reason": r.return_reason}


def _cluster_out(c):
    pledge = getattr(c, "pledge", None)
    return {
        "id": c.pk, "name": c.name, "kind": c.kind, "year": c.year, "organiser": c.organiser_id,
        "leader": {"id": c.leader_id, "name": c.leader.name},
        "deputy": {"id": c.deputy_id, "name": c.deputy.name} if c.deputy_id else None,
        "members": [{"id": m.unit_id, "name": m.unit.name, "order": m.order} for m in c.members.select_related("unit")],
        "pledge": None if pledge is None else {
            "id": pledge.pk, "title": pledge.title, "signed_on": pledge.signed_on,
            "targets": [{"unit": t.unit_id, "text": t.text} for t in pledge.targets.all()],
            "signatures": [{"unit": s.unit_id, "signer": s.signer_name, "signed_at": s.signed_at}
                           for s in pledge.signatures.all()],
        },
    }


def _card_out(s):
    return {"id": s.pk, "cluster": s.cluster_id, "unit": s.unit_id, "status": s.status,
            "self_total": str(s.self_total), "final_total": None if s.final_total is None else str(s.final_total),
            "lines": [{"criterion": line.criterion_id, "self_points": str(line.self_points),
                       "final_points": None if line.final_points is None else str(line.final_points),
                       "adjust_reason": line.adjust_reason} for line in s.lines.all()]}


# ---- movements ----

@router.get("/movements")
def movement_list(request, year: int | None = None):
    qs = selectors.movement_list_for(request.user)
    if year:
        qs = qs.filter(year=year)
    return [{"id": m.pk, "title": m.title, "year": m.year, "kind": m.kind, "launched_by": m.launched_by.name,
             "parent": m.parent_id} for m in qs[:500]]


@router.get("/movements/{pk}")
def movement_get(request, pk: int, year: int | None = None):
    m = selectors.movement_get_for_user(request.user, pk)
    out = _movement_out(m)
    att = selectors.attainment([m], year or m.year)
    out["results"] = {"year": year or m.year, "summary": att.summary,
                      "rows": [{"target": r.target.pk, "actual": None if r.actual is None else str(r.actual),
                                "met": r.met, "exceeded": r.exceeded} for r in att.rows]}
    return out


@router.post("/movements", response={201: dict})
def movement_create(request, payload: MovementIn):
    unit = _manage_unit(request.user, payload.launched_by)
    data = payload.dict()
    data.pop("launched_by")
    m = services.movement_launch(acting_user=request.user, launched_by=unit, **data)
    return 201, _movement_out(m)


@router.post("/movements/{pk}/adopt", response={201: dict})
def movement_adopt(request, pk: int, payload: AdoptIn):
    m = selectors.movement_get_for_user(request.user, pk)
    unit = _manage_unit(request.user, payload.unit)
    adopted = services.movement_adopt(acting_user=request.user, movement=m, unit=unit, theme=payload.theme,
                                      contents=payload.contents)
    return 201, _movement_out(adopted)


@router.post("/movements/{pk}/targets", response={201: dict})
def target_create(request, pk: int, payload: TargetIn):
    m = selectors.movement_get_for_user(request.user, pk)
    t = services.target_add(acting_user=request.user, movement=m, **payload.dict())
    return 201, {"id": t.pk, "name": t.name}


@router.post("/movements/{pk}/results", response={201: dict})
def result_create(request, pk: int, payload: ResultIn):
    m = selectors.movement_get_for_user(request.user, pk)
    target = m.targets.filter(pk=payload.target).first()
    if target is None:
        raise Http404
    unit = _manage_unit(request.user, payload.unit)
    r = services.result_report(acting_user=request.user, target=target, unit=unit, year=payload.year,
                               period=payload.period, value=payload.value, note=payload.note)
    return 201, {"id": r.pk, "value": str(r.value),
                 "total": str(selectors.target_total(target, payload.year) or 0)}


@router.post("/movements/{pk}/reviews", response={201: dict})
def review_create(request, pk: int, payload: ReviewIn):
    m = selectors.movement_get_for_user(request.user, pk)
    r = services.review_create(acting_user=request.user, unit=m.launched_by, kind=payload.kind, year=payload.year,
                               held_on=payload.held_on, movement=None if payload.whole_unit else m,
                               number_text=payload.number_text)
    att = selectors.attainment(selectors.review_movements(r), r.year)
    return 201, {"id": r.pk, "summary": att.summary}


@router.get("/reviews/{pk}/docx")
def review_docx(request, pk: int):
    r = selectors.review_get_for_user(request.user, pk)
    response = HttpResponse(documents.review_docx(r), content_type="application/vnd.openxmlformats-officedocument."
                                                                     "wordprocessingml.document")
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{r.pk}.docx"'
    return response


@router.post("/movements/{pk}/registration-window", response={200: dict})
def window_set(request, pk: int, payload: WindowIn):
    m = selectors.movement_get_for_user(request.user, pk)
    w = services.registration_window_set(acting_user=request.user, movement=m, year=payload.year,
                                         deadline=payload.deadline)
    return {"year": w.year, "deadline": w.deadline}


# ---- registrations ----

@router.get("/registrations")
def registration_list(request, year: int | None = None, status: str | None = None):
    qs = selectors.registration_list_for(request.user)
    if year:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    return [_reg_out(r) for r in qs[:1000]]


@router.post("/registrations", response={201: list})
def registration_create(request, payload: RegistrationIn):
    m = selectors.movement_get_for_user(request.user, payload.movement)
    unit = _manage_unit(request.user, payload.unit)
    rows = [(person_get_for_user(request.user, r.person) if r.person else None, r.award_code) for r in payload.rows]
    made = services.registration_submit(acting_user=request.user, movement=m, year=payload.year, unit=unit,
                                        rows=rows)
    return 201, [_reg_out(r) for r in made]


@router.post("/registrations/{pk}/approve")
def registration_approve(request, pk: int):
    r = selectors.registration_get_for_user(request.user, pk)
    return _reg_out(services.registration_approve(acting_user=request.user, registration=r))


@router.post("/registrations/{pk}/return")
def registration_return(request, pk: int, payload: ReasonIn):
    r = selectors.registration_get_for_user(request.user, pk)
    return _reg_out(services.registration_return(acting_user=request.user, registration=r, reason=payload.reason))


# ---- clusters, pledges, scorecards ----

@router.get("/clusters")
def cluster_list(request, year: int | None = None):
    qs = selectors.cluster_list_for(request.user)
    if year:
        qs = qs.filter(year=year)
    return [{"id": c.pk, "name": c.name, "year": c.year, "leader": c.leader.name} for c in qs[:500]]


@router.get("/clusters/{pk}")
def cluster_get(request, pk: int):
    return _cluster_out(selectors.cluster_get_for_user(request.user, pk))


@router.post("/clusters", response={201: dict})
def cluster_create(request, payload: ClusterIn):
    organiser = _manage_unit(request.user, payload.organiser)
    members = [unit_get_for_user(request.user, pk) for pk in payload.members]
    by_id = {u.pk: u for u in members}
    leader, deputy = by_id.get(payload.leader), by_id.get(payload.deputy)
    if leader is None:
        leader, suggested = selectors.rotation_suggest(organiser=organiser, name=payload.name, members=members,
                                                       year=payload.year)
        deputy = deputy or suggested
    c = services.cluster_create(acting_user=request.user, organiser=organiser, name=payload.name, year=payload.year,
                                kind=payload.kind, members=members, leader=leader, deputy=deputy)
    return 201, _cluster_out(c)


@router.put("/clusters/{pk}/pledge")
def pledge_put(request, pk: int, payload: PledgeIn):
    c = selectors.cluster_get_for_user(request.user, pk)
    members = {m.unit_id: m.unit for m in c.members.select_related("unit")}
    if any(uid not in members for uid in payload.unit_targets):
        raise ValidationError(services.ERR_PLEDGE_TARGET_UNIT)
    services.pledge_save(acting_user=request.user, cluster=c, title=payload.title,
                         common_targets=payload.common_targets,
                         unit_targets={members[k]: v for k, v in payload.unit_targets.items()})
    c.refresh_from_db()
    return _cluster_out(selectors.cluster_get_for_user(request.user, pk))


@router.post("/clusters/{pk}/pledge/sign", response={201: dict})
def pledge_sign(request, pk: int):
    c = selectors.cluster_get_for_user(request.user, pk)
    pledge = getattr(c, "pledge", None)
    if pledge is None:
        raise ValidationError(services.ERR_NO_PLEDGE)
    s = services.pledge_sign(acting_user=request.user, pledge=pledge)
    return 201, {"unit": s.unit_id, "signer": s.signer_name, "signed_at": s.signed_at}


@router.post("/clusters/{pk}/criteria", response={201: dict})
def criterion_create(request, pk: int, payload: CriterionIn):
    c = selectors.cluster_get_for_user(request.user, pk)
    data = payload.dict()
    parent_id = data.pop("parent")
    parent = c.criteria.filter(pk=parent_id).first() if parent_id else None
    crit = services.criterion_add(acting_user=request.user, cluster=c, parent=parent, **data)
    return 201, {"id": crit.pk, "code": crit.code, "max_points": str(crit.max_points)}


@router.post("/clusters/{pk}/scorecards", response={201: dict})
def scorecard_self_score(request, pk: int, payload: SelfScoreIn):
    c = selectors.cluster_get_for_user(request.user, pk)
    unit = _manage_unit(request.user, payload.unit)
    criteria = {x.pk: x for x in c.criteria.all()}
    if any(k not in criteria for k in payload.points):
        raise Http404
    card = services.scorecard_self_score(acting_user=request.user, cluster=c, unit=unit,
                                         points={criteria[k]: v for k, v in payload.points.items()})
    return 201, _card_out(card)


@router.get("/scorecards/{pk}")
def scorecard_get(request, pk: int):
    return _card_out(selectors.scorecard_get_for_user(request.user, pk))


@router.post("/scorecards/{pk}/submit")
def scorecard_submit(request, pk: int):
    return _on_card(request, pk, services.scorecard_submit)


@router.post("/scorecards/{pk}/adjust")
def scorecard_adjust(request, pk: int, payload: AdjustIn):
    card = selectors.scorecard_get_for_user(request.user, pk)
    criterion = one_or_404(card.cluster.criteria, payload.criterion)
    services.scorecard_adjust(acting_user=request.user, scorecard=card, criterion=criterion, points=payload.points,
                              reason=payload.reason)
    return _card_out(selectors.scorecard_get_for_user(request.user, pk))


@router.post("/scorecards/{pk}/review")
def scorecard_review(request, pk: int):
    return _on_card(request, pk, services.scorecard_review_complete)


def _on_card(request, pk: int, door):
    """fetch (scoped, 404) → the door as the API user → the scorecard as the API shows it."""
    return _card_out(door(acting_user=request.user, scorecard=selectors.scorecard_get_for_user(request.user, pk)))


@router.get("/clusters/{pk}/ranking")
def ranking_get(request, pk: int):
    c = selectors.cluster_get_for_user(request.user, pk)
    return {
        "ranking": [{"rank": r.rank, "unit": r.unit.pk, "name": r.unit.name, "total": str(r.total),
                     "is_leader": r.is_leader} for r in selectors.ranking_for(c)],
        "proposals": [{"unit": p.unit_id, "rank": p.rank, "award_code": p.award_code, "nomination": p.nomination_id}
                      for p in c.proposals.all()],
    }


@router.post("/clusters/{pk}/ranking/propose", response={201: list})
def ranking_propose(request, pk: int):
    c = selectors.cluster_get_for_user(request.user, pk)
    made = proposals.ranking_propose(acting_user=request.user, cluster=c)
    return 201, [{"unit": p.unit_id, "rank": p.rank, "award_code": p.award_code, "nomination": p.nomination_id}
                 for p in made]
