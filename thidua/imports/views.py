from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from thidua.accounts.access import has_any
from thidua.accounts.models import Capability
from thidua.core.routes import Routes
from thidua.documents.mime import XLSX

from . import services, tasks
from .forms import CommitForm, UploadForm
from .kinds import BY_SLUG, HOOKS, SPECS
from .models import BatchStatus, ImportKind
from .selectors import import_batch_get_for_user, import_batch_list_for, import_rows_of
from .workbook import build_template

routes = Routes()
MSG_COMMIT_QUEUED = "Máy chủ đang ghi các dòng vào hệ thống; có thể đóng trang, kết quả sẽ hiện tại đây."

ERR_NO_RIGHT = "Bạn không có quyền nhập dữ liệu tổ chức, cán bộ."
PAGE_ROWS = 200


def _require_manage(user) -> None:
    if not has_any(user, Capability.ORG_MANAGE):
        raise PermissionDenied(ERR_NO_RIGHT)


def _spec(slug):
    spec = BY_SLUG.get(slug)
    if spec is None:
        raise Http404("Không có loại dữ liệu này.")
    return spec


def _batch(request, pk):
    _require_manage(request.user)
    return import_batch_get_for_user(request.user, pk)


@routes("", "index")
@login_required
def index(request):
    _require_manage(request.user)
    return render(request, "imports/index.html", {
        "specs": list(SPECS.values()),
        "batches": import_batch_list_for(request.user)[:20],
    })


@routes("<slug:kind>/mau.xlsx", "template")
@login_required
def template_download(request, kind):
    _require_manage(request.user)
    spec = _spec(kind)
    response = HttpResponse(build_template(spec, request.user), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-{spec.slug}.xlsx"'
    return response


@routes("<slug:kind>/tai-len/", "upload")
@login_required
def upload(request, kind):
    _require_manage(request.user)
    spec = _spec(kind)
    allow_overwrite = spec.code == ImportKind.RATINGS
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = UploadForm(*data, allow_overwrite=allow_overwrite)
    target_id, target, refused = _target(request, spec)
    if refused:
        form.add_error(None, refused)
    elif request.method == "POST" and form.is_valid():
        try:
            batch = services.batch_create(kind=spec.code, upload=form.cleaned_data["file"], acting_user=request.user,
                                          overwrite=form.cleaned_data.get("overwrite", False), target_id=target_id)
        except ValidationError as exc:
            form.add_error("file", exc.messages[0])
        else:
            if batch.status == BatchStatus.VALIDATING:  # large: the worker checks it to the end
                tasks.validate_batch.enqueue(batch.pk, request.user.pk)
            return redirect("imports:batch", pk=batch.pk)
    return render(request, "imports/upload.html", {"spec": spec, "form": form, "target": target, "refused": refused},
                  status=400 if form.errors else 200)


def _target(request, spec):
    """(pk, record, refusal) of the record a kind fills (?vao=pk): a record out of reach is a 404, one the user may
    not fill a 403 (raised by the kind's hooks); one that cannot take rows now (a submitted nomination) a reason."""
    if not spec.needs_target:
        return None, None, ""
    pk = request.GET.get("vao")
    try:
        return pk, HOOKS[spec.code].target(request.user, pk), ""
    except ValidationError as exc:
        return pk, None, exc.messages[0]


@routes("lo/<int:pk>/", "batch")
@login_required
def batch_detail(request, pk):
    batch = _batch(request, pk)
    spec = SPECS[batch.kind]
    hooks = HOOKS.get(batch.kind)
    back = hooks.target_url(batch.target_id) if hooks and hooks.target_url and batch.target_id else ""
    context = {"batch": batch, "spec": spec, "form": CommitForm(), "target_url": back}
    if batch.status not in (BatchStatus.VALIDATING, BatchStatus.FAILED):
        only_errors = request.GET.get("loc") == "loi"
        rows = import_rows_of(batch, only_errors=only_errors)
        page = Paginator(rows, PAGE_ROWS).get_page(request.GET.get("trang"))
        context.update(page=page, only_errors=only_errors, headers=spec.labels[1:],
                       first_errors=[m for r in import_rows_of(batch, only_errors=True)[:100] for m in r.errors])
    return render(request, "imports/batch.html", context)


@routes("lo/<int:pk>/tien-do/", "batch-progress")
@login_required
def batch_progress(request, pk):
    """The progress fragment, polled every second: the worker's counters."""
    batch = _batch(request, pk)
    if batch.status not in (BatchStatus.VALIDATING, BatchStatus.COMMITTING) and request.htmx:
        return HttpResponseClientRefresh()
    return render(request, "imports/_progress.html", {"batch": batch})


@routes("lo/<int:pk>/ghi/", "batch-commit")
@login_required
@require_POST
def batch_commit_view(request, pk):
    batch = _batch(request, pk)
    form = CommitForm(request.POST)
    form.is_valid()
    only_valid = form.cleaned_data.get("only_valid", False)
    try:
        if batch.total > settings.IMPORT_BACKGROUND_ROWS:  # large: the worker writes it, the page follows
            services.batch_commit_queue(batch=batch, acting_user=request.user, only_valid=only_valid)
            tasks.commit_batch.enqueue(batch.pk, request.user.pk)
            messages.info(request, MSG_COMMIT_QUEUED)
            return redirect("imports:batch", pk=batch.pk)
        result = services.batch_commit(batch=batch, acting_user=request.user, only_valid=only_valid)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("imports:batch", pk=batch.pk)
    if result["changed"]:
        messages.warning(request, services.MSG_CHANGED)
        return redirect("imports:batch", pk=batch.pk)
    text = f"Đã nhập {result['imported']} dòng {SPECS[batch.kind].label.lower()} từ tệp {batch.file_name}"
    if result["skipped"]:
        text += f" (bỏ qua {result['skipped']} dòng lỗi)"
    messages.success(request, text + ".")
    return redirect("imports:batch", pk=batch.pk)
