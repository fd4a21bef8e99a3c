from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.accounts.access import can, has_any
from thidua.accounts.models import Capability
from thidua.audit.services import audit_rows
from thidua.core.door_views import back_to, fetch_one
from thidua.core.feedback import messages_from_error, messages_from_form, run_door
from thidua.core.paging import page_of
from thidua.core.routes import Routes
from thidua.core.uploads import check_upload
from thidua.documents.mime import DOCX, XLSX
from thidua.org.selectors import person_list_for
from thidua.rulebook import codes

from . import documents, selectors, services
from .forms import (
    AdjustForm,
    AdoptForm,
    ClusterForm,
    CriterionForm,
    MovementForm,
    PledgeForm,
    ReasonForm,
    ResultForm,
    ReviewForm,
    TargetForm,
    UploadForm,
    WindowForm,
)
from .models import Period, RegistrationStatus, ReviewKind, ScorecardStatus

routes = Routes()


def _lines(text):
    return [t.strip() for t in (text or "").splitlines() if t.strip()]


def _download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# ---- movements ----------------------------------------------------------------------------------

@routes("", "home")
@login_required
def home(request):
    year = request.GET.get("nam", "")
    movements = selectors.movement_list_for(request.user)
    if year.isdigit():
        movements = movements.filter(year=int(year))
    return render(request, "emulation/home.html", {
        "movements": movements[:300], "year": year,
        "clusters": selectors.cluster_list_for(request.user)[:100],
        "pending": selectors.registration_list_for(request.user).filter(status=RegistrationStatus.SUBMITTED).count(),
        "can_manage": has_any(request.user, Capability.EMULATION_MANAGE),
    })


@routes("phong-trao/them/", "movement-create")
@login_required
def movement_create(request):
    units = selectors.manageable_units(request.user)
    if not units.exists():
        raise Http404(services.ERR_NO_PERMISSION)
    form = MovementForm(request.POST or None, request.FILES or None,
                        initial={"year": timezone.localdate().year, "kind": "regular"})
    form.set_units(units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        movement = run_door(request, services.movement_launch, "Đã phát động phong trào. Hãy thêm các chỉ tiêu.",
                        launched_by=data["launched_by"], title=data["title"], kind=data["kind"], year=data["year"],
                        start_date=data["start_date"], end_date=data["end_date"], theme=data["theme"],
                        ordinal_style=data["ordinal_style"], contents=_lines(data["contents"]),
                        document=data["document"], document_ref=data["document_ref"])
        if movement:
            return redirect("emulation:movement-detail", pk=movement.pk)
    return render(request, "org/form.html", {"form": form, "heading": "Phát động phong trào thi đua",
                                                   "submit": "Phát động"})


@routes("phong-trao/<int:pk>/", "movement-detail")
@login_required
def movement_detail(request, pk):
    movement = selectors.movement_get_for_user(request.user, pk)
    year = int(request.GET["nam"]) if request.GET.get("nam", "").isdigit() else movement.year
    can_manage = can(request.user, Capability.EMULATION_MANAGE, movement.launched_by)
    reporters = selectors.manageable_units(request.user).filter(path__startswith=movement.launched_by.path)
    adopters = selectors.manageable_units(request.user).exclude(pk=movement.launched_by_id).exclude(
        pk__in=movement.adoptions.values("launched_by"))
    if movement.launched_by.level != "central":
        adopters = adopters.filter(path__startswith=movement.launched_by.path)
    result_form = ResultForm(targets=movement.targets.all(), initial={"year": year, "period": Period.YEAR})
    result_form.set_units(reporters)
    adopt_form = AdoptForm()
    adopt_form.set_units(adopters)
    register_units = selectors.manageable_units(request.user)
    if movement.launched_by.level != "central":
        register_units = register_units.filter(path__startswith=movement.launched_by.path)
    return render(request, "emulation/movement_detail.html", {
        "movement": movement, "year": year, "can_manage": can_manage,
        "contents": movement.contents.all(),
        **_results_context(movement, year),
        "adoptions": movement.adoptions.select_related("launched_by"),
        "reviews": movement.reviews.all(),
        "windows": movement.registration_windows.all(),
        "result_form": result_form if reporters.exists() and movement.targets.exists() else None,
        "adopt_form": adopt_form if adopters.exists() else None,
        "can_register": register_units.exists(),
        "target_form": TargetForm(), "review_form": ReviewForm(initial={"year": year, "kind": ReviewKind.FINAL,
                                                                         "held_on": timezone.localdate()}),
        "window_form": WindowForm(initial={"year": year}),
        "audit_entries": audit_rows(movement),
    })


def _results_context(movement, year):
    att = selectors.attainment([movement], year)
    breakdown = [(row, selectors.rollup_by_child(row.target, year)) for row in att.rows]
    return {"attainment": att, "breakdown": breakdown}


@routes("phong-trao/<int:pk>/huong-ung/", "movement-adopt")
@login_required
@require_POST
def movement_adopt(request, pk):
    movement = selectors.movement_get_for_user(request.user, pk)
    form = AdoptForm(request.POST)
    form.set_units(selectors.manageable_units(request.user))
    if not form.is_valid():
        messages_from_form(request, form)
        return redirect("emulation:movement-detail", pk=pk)
    adopted = run_door(request, services.movement_adopt, "Đã hưởng ứng phong trào. Hãy đặt chỉ tiêu của đơn vị.",
                   movement=movement, unit=form.cleaned_data["unit"], theme=form.cleaned_data["theme"],
                   contents=_lines(form.cleaned_data["contents"]))
    return redirect("emulation:movement-detail", pk=adopted.pk if adopted else pk)


@routes("phong-trao/<int:pk>/ket-qua/", "result-report")
@login_required
@require_POST
def result_report(request, pk):
    """Reports one value; with htmx only the results fragment is swapped."""
    movement = selectors.movement_get_for_user(request.user, pk)
    form = ResultForm(request.POST, targets=movement.targets.all())
    form.set_units(selectors.manageable_units(request.user))
    year = movement.year
    if form.is_valid():
        year = form.cleaned_data["year"]
        run_door(request, services.result_report, "Đã ghi nhận kết quả.", **form.cleaned_data)
    else:
        messages_from_form(request, form)
    if request.htmx:
        return render(request, "emulation/_results.html", {"movement": movement, "year": year, "fragment": True,
                                                           **_results_context(movement, year)})
    return redirect(f"{request.path.rsplit('ket-qua/', 1)[0]}?nam={year}")


@routes("bao-cao/<int:pk>/docx/", "review-docx")
@login_required
def review_docx(request, pk):
    review = selectors.review_get_for_user(request.user, pk)
    return _download(documents.review_docx(review), f"bao-cao-{review.kind}-{review.year}-{review.pk}.docx", DOCX)


# ---- registration -------------------------------------------------------------------------------

@routes("dang-ky/", "registration-list")
@login_required
def registration_list(request):
    regs = selectors.registration_list_for(request.user)
    status = request.GET.get("status", "")
    if status:
        regs = regs.filter(status=status)
    # A province's registrations run to thousands: a page at a time, each row's deciding level read with it.
    page = page_of(request, regs.select_related("unit__parent"))
    page.object_list = list(page.object_list)
    for r in page.object_list:
        r.can_decide = r.status == RegistrationStatus.SUBMITTED and r.unit.parent_id is not None and can(
            request.user, Capability.EMULATION_MANAGE, r.unit.parent)
    return render(request, "emulation/registration_list.html", {
        "registrations": page, "page": page, "status": status, "statuses": RegistrationStatus.choices,
    })


def _bulk_context(request, movement):
    units = selectors.manageable_units(request.user)
    if movement.launched_by.level != "central":
        units = units.filter(path__startswith=movement.launched_by.path)
    if not units.exists():
        raise Http404(services.ERR_NO_PERMISSION)
    unit_id = request.POST.get("unit") or request.GET.get("don_vi")
    unit = units.filter(pk=unit_id).first() if str(unit_id or "").isdigit() else None
    unit = unit or units.order_by("path").first()
    year_text = request.POST.get("year") or request.GET.get("nam") or ""
    year = int(year_text) if year_text.isdigit() else timezone.localdate().year
    return units, unit, year


def _titles(kind):
    return [(c, a.name_vi) for c, a in codes.TITLES.items() if kind in a.recipient_kinds]


@routes("phong-trao/<int:pk>/dang-ky/", "registration-bulk")
@login_required
def registration_bulk(request, pk):
    movement = selectors.movement_get_for_user(request.user, pk)
    units, unit, year = _bulk_context(request, movement)
    people = person_list_for(request.user).filter(current_unit__path__startswith=unit.path).order_by("full_name")
    if request.method == "POST":
        rows = [(None, request.POST.get("collective", ""))]
        by_id = {str(p.pk): p for p in people}
        for key, code in request.POST.items():
            if key.startswith("person_") and code and key[7:] in by_id:
                rows.append((by_id[key[7:]], code))
        made = run_door(request, services.registration_submit, "Đã gửi đăng ký thi đua lên cấp trên.",
                    movement=movement, year=year, unit=unit, rows=rows)
        if made:
            return redirect("emulation:registration-list")
    return render(request, "emulation/registration_bulk.html", {
        "movement": movement, "units": units, "unit": unit, "year": year, "people": people,
        "person_titles": _titles(codes.INDIVIDUAL), "unit_titles": _titles(codes.COLLECTIVE),
        "upload_form": UploadForm(),
    })


@routes("phong-trao/<int:pk>/dang-ky/mau.xlsx", "registration-template")
@login_required
def registration_template(request, pk):
    movement = selectors.movement_get_for_user(request.user, pk)
    _, unit, year = _bulk_context(request, movement)
    return _download(documents.registration_template_xlsx(unit, year), f"dang-ky-thi-dua-{year}.xlsx", XLSX)


@routes("phong-trao/<int:pk>/dang-ky/tai-len/", "registration-upload")
@login_required
@require_POST
def registration_upload(request, pk):
    movement = selectors.movement_get_for_user(request.user, pk)
    _, unit, year = _bulk_context(request, movement)
    back = redirect(f"{request.path.rsplit('tai-len/', 1)[0]}?don_vi={unit.pk}&nam={year}")
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages_from_form(request, form)
        return back
    try:
        check_upload(form.cleaned_data["file"])
        parsed = documents.parse_registration_xlsx(form.cleaned_data["file"], unit=unit)
    except ValidationError as exc:
        messages_from_error(request, exc)
        return back
    errors = []
    for index, person, code in parsed:
        for msg in services.registration_row_errors(movement=movement, year=year, unit=unit, person=person,
                                                    award_code=code):
            errors.append(documents.ERR_ROW_OTHER.format(row=index, message=msg))
    if errors:
        messages_from_error(request, ValidationError(errors))
        return back
    made = run_door(request, services.registration_submit, f"Đã nhập {len(parsed)} dòng đăng ký từ tệp Excel.",
                movement=movement, year=year, unit=unit, rows=[(p, c) for _, p, c in parsed])
    return redirect("emulation:registration-list") if made else back


# ---- clusters -----------------------------------------------------------------------------------

@routes("cum/them/", "cluster-create")
@login_required
def cluster_create(request):
    units = selectors.manageable_units(request.user)
    if not units.exists():
        raise Http404(services.ERR_NO_PERMISSION)
    form = ClusterForm(request.POST or None, request.FILES or None, initial={"year": timezone.localdate().year})
    form.set_units(units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ordered = sorted(data["members"], key=lambda u: u.code)
        leader, deputy = data["leader"], data["deputy"]
        if leader is None:
            leader, suggested_deputy = selectors.rotation_suggest(organiser=data["organiser"], name=data["name"],
                                                                  members=ordered, year=data["year"])
            deputy = deputy or suggested_deputy
        cluster = run_door(request, services.cluster_create, "Đã lập cụm thi đua.", organiser=data["organiser"],
                       name=data["name"], kind=data["kind"], year=data["year"], members=ordered, leader=leader,
                       deputy=deputy, regulation=data["regulation"])
        if cluster:
            return redirect("emulation:cluster-detail", pk=cluster.pk)
    return render(request, "org/form.html", {"form": form, "heading": "Lập cụm, khối thi đua", "submit": "Lưu"})


@routes("cum/<int:pk>/", "cluster-detail")
@login_required
def cluster_detail(request, pk):
    cluster = selectors.cluster_get_for_user(request.user, pk)
    pledge = getattr(cluster, "pledge", None)
    signed = {s.unit_id: s for s in pledge.signatures.all()} if pledge else {}
    members = list(cluster.members.select_related("unit"))
    for m in members:
        m.signature = signed.get(m.unit_id)
    my_sign = [u for u in services.signable_units(request.user, cluster) if u not in signed]
    leader_clerk = selectors.is_leader_clerk(request.user, cluster)
    pledge_initial = {}
    if pledge:
        pledge_initial = {"title": pledge.title,
                          "common_targets": "\n".join(t.text for t in pledge.targets.filter(unit__isnull=True)),
                          "unit_targets": "\n".join(f"{t.unit.code} | {t.text}"
                                                    for t in pledge.targets.filter(unit__isnull=False))}
    my_units = [m.unit for m in members if can(request.user, Capability.EMULATION_MANAGE, m.unit)]
    proposals = list(cluster.proposals.select_related("unit", "nomination"))
    return render(request, "emulation/cluster_detail.html", {
        "cluster": cluster, "members": members, "pledge": pledge,
        "common_targets": pledge.targets.filter(unit__isnull=True) if pledge else [],
        "unit_targets": pledge.targets.filter(unit__isnull=False).select_related("unit") if pledge else [],
        "can_sign": bool(my_sign) and pledge is not None, "is_leader_clerk": leader_clerk,
        "is_organiser": selectors.is_organiser(request.user, cluster),
        "pledge_form": PledgeForm(initial=pledge_initial) if leader_clerk and not signed else None,
        "criterion_form": CriterionForm(criteria=cluster.criteria.all()) if leader_clerk else None,
        "criteria": cluster.criteria.all(), "my_units": my_units,
        "scorecards": cluster.scorecards.select_related("unit"),
        "ranking": selectors.ranking_for(cluster), "proposals": proposals,
        "upload_form": UploadForm(),
        "audit_entries": audit_rows(cluster),
    })


@routes("cum/<int:pk>/giao-uoc/ky/", "pledge-sign")
@login_required
@require_POST
def pledge_sign(request, pk):
    cluster = selectors.cluster_get_for_user(request.user, pk)
    pledge = getattr(cluster, "pledge", None)
    if pledge is None:
        messages.error(request, services.ERR_NO_PLEDGE)
    else:
        run_door(request, services.pledge_sign, "Đã ký giao ước thi đua.", pledge=pledge)
    return redirect("emulation:cluster-detail", pk=pk)


@routes("cum/<int:pk>/cham-diem/<int:unit_pk>/", "scorecard-unit")
@login_required
def scorecard_unit(request, pk, unit_pk):
    """Open (or start) a member unit's scorecard."""
    cluster = selectors.cluster_get_for_user(request.user, pk)
    member = cluster.members.filter(unit_id=unit_pk).select_related("unit").first()
    if member is None:
        raise Http404(selectors.NOT_FOUND)
    card = cluster.scorecards.filter(unit=member.unit).first()
    if card is None:
        if request.method != "POST":
            return render(request, "emulation/scorecard_detail.html", _scorecard_context(request, cluster,
                                                                                         member.unit, None))
        return _self_score(request, cluster, member.unit)
    return redirect("emulation:scorecard-detail", pk=card.pk)


def _scorecard_context(request, cluster, unit, card):
    lines = {line.criterion_id: line for line in card.lines.all()} if card else {}
    rows = []
    for c in cluster.criteria.prefetch_related("children"):
        rows.append({"criterion": c, "leaf": not c.children.all(), "line": lines.get(c.pk)})
    can_self = can(request.user, Capability.EMULATION_MANAGE, unit) and (card is None or card.status == "draft")
    can_review = card is not None and card.status != "draft" and selectors.can_review(request.user, card)
    totals = selectors.scorecard_totals(card, final=card.status == ScorecardStatus.REVIEWED) if card else None
    return {"cluster": cluster, "unit": unit, "card": card, "rows": rows, "can_self": can_self,
            "can_review": can_review, "adjust_form": AdjustForm(), "totals": totals,
            "audit_entries": audit_rows(card) if card else []}


def _self_score(request, cluster, unit):
    points, evidence = {}, {}
    for c in selectors.leaf_criteria(cluster):
        if f"c{c.pk}" in request.POST:
            points[c] = request.POST[f"c{c.pk}"]
        if f"e{c.pk}" in request.FILES:
            evidence[c] = request.FILES[f"e{c.pk}"]
    card = run_door(request, services.scorecard_self_score, "Đã lưu điểm tự chấm.", cluster=cluster, unit=unit,
                points=points, evidence=evidence)
    if card and request.POST.get("submit") == "1":
        run_door(request, services.scorecard_submit, "Đã gửi bảng điểm để thẩm định.", scorecard=card)
    if card:
        return redirect("emulation:scorecard-detail", pk=card.pk)
    return redirect("emulation:scorecard-unit", pk=cluster.pk, unit_pk=unit.pk)


@routes("bang-diem/<int:pk>/", "scorecard-detail")
@login_required
def scorecard_detail(request, pk):
    card = selectors.scorecard_get_for_user(request.user, pk)
    if request.method == "POST":
        return _self_score(request, card.cluster, card.unit)
    return render(request, "emulation/scorecard_detail.html",
                  _scorecard_context(request, card.cluster, card.unit, card))


# ---- changes (one door each) --------------------------------------------------------------------


_movement = fetch_one("movement", selectors.movement_get_for_user)
_to_movement = back_to("emulation:movement-detail", "movement")
_registration = fetch_one("registration", selectors.registration_get_for_user)


def _to_registrations(registration):
    return reverse("emulation:registration-list")


_cluster = fetch_one("cluster", selectors.cluster_get_for_user)
_to_cluster = back_to("emulation:cluster-detail", "cluster")
_scorecard = fetch_one("scorecard", selectors.scorecard_get_for_user)


def _scorecard_criterion(request, pk, criterion_pk):
    card = selectors.scorecard_get_for_user(request.user, pk)
    return {"scorecard": card, "criterion": get_object_or_404(card.cluster.criteria, pk=criterion_pk)}


def _to_scorecard(scorecard, criterion=None):
    return reverse("emulation:scorecard-detail", args=[scorecard.pk])


def _review_args(request, data, movement):
    # A whole-unit report covers every movement of the launching unit in the year.
    return {"unit": movement.launched_by, "movement": None if data["whole_unit"] else movement,
            "kind": data["kind"], "year": data["year"], "held_on": data["held_on"], "number_text": data["number_text"]}


def _pledge_args(request, data, cluster):
    members = {m.unit.code: m.unit for m in cluster.members.select_related("unit")}
    unit_targets = {}
    for line in _lines(data["unit_targets"]):
        code, _, text = line.partition("|")
        unit = members.get(code.strip())
        if unit is None:
            raise ValidationError(services.ERR_PLEDGE_TARGET_UNIT + f" ({code.strip()})")
        unit_targets.setdefault(unit, []).append(text)
    return {"title": data["title"], "common_targets": _lines(data["common_targets"]), "unit_targets": unit_targets}


target_add = routes.door("phong-trao/<int:pk>/chi-tieu/", "target-add", services.target_add, fetch=_movement,
                         back=_to_movement, form=TargetForm, success="Đã thêm chỉ tiêu.")
review_create = routes.door("phong-trao/<int:pk>/so-ket-tong-ket/", "review-create", services.review_create,
                            fetch=_movement, back=_to_movement, form=ReviewForm, args=_review_args,
                            success="Đã tạo báo cáo sơ kết / tổng kết.")
window_set = routes.door("phong-trao/<int:pk>/han-dang-ky/", "window-set", services.registration_window_set,
                         fetch=_movement, back=_to_movement, form=WindowForm, success="Đã đặt hạn đăng ký.")
registration_approve = routes.door("dang-ky/<int:pk>/duyet/", "registration-approve", services.registration_approve,
                                   fetch=_registration, back=_to_registrations, success="Đã duyệt đăng ký.")
registration_return = routes.door("dang-ky/<int:pk>/tra-lai/", "registration-return", services.registration_return,
                                  fetch=_registration, back=_to_registrations, form=ReasonForm,
                                  success="Đã trả lại đăng ký.")
cluster_regulation = routes.door("cum/<int:pk>/quy-che/", "cluster-regulation", services.cluster_regulation_set,
                                 fetch=_cluster, back=_to_cluster, form=UploadForm,
                                 args=lambda request, data, **_: {"regulation": data["file"]},
                                 success="Đã cập nhật quy chế hoạt động.")
pledge_edit = routes.door("cum/<int:pk>/giao-uoc/", "pledge-edit", services.pledge_save, fetch=_cluster,
                          back=_to_cluster, form=PledgeForm, args=_pledge_args, success="Đã lưu giao ước thi đua.")
criterion_add = routes.door("cum/<int:pk>/tieu-chi/", "criterion-add", services.criterion_add, fetch=_cluster,
                            back=_to_cluster, form=CriterionForm,
                            form_kwargs=lambda request, cluster: {"criteria": cluster.criteria.all()},
                            success="Đã thêm tiêu chí.")
scorecard_adjust = routes.door(
    "bang-diem/<int:pk>/dieu-chinh/<int:criterion_pk>/", "scorecard-adjust", services.scorecard_adjust,
    fetch=_scorecard_criterion, back=_to_scorecard, form=AdjustForm, success="Đã điều chỉnh điểm.")
scorecard_review = routes.door(
    "bang-diem/<int:pk>/tham-dinh/", "scorecard-review", services.scorecard_review_complete, fetch=_scorecard,
    back=_to_scorecard, success="Đã hoàn thành thẩm định bảng điểm.")
