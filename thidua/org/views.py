from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from thidua.accounts.access import can, has_any
from thidua.accounts.models import Capability
from thidua.core.door_views import form_page
from thidua.core.paging import page_counted_with_rows, page_of
from thidua.core.routes import Routes
from thidua.core.text import normalize_search
from thidua.org.selectors import person_get_for_user, unit_get_for_user, units_visible_to

from . import services
from .forms import MergeForm, PersonEditForm, PersonForm, UnitEditForm, UnitForm
from .selectors import person_list_for

routes = Routes()


@routes("", "unit-list")
@login_required
def unit_list(request):
    q = request.GET.get("q", "")
    units = units_visible_to(request.user).filter(valid_to__isnull=True)
    if request.GET.get("all"):
        units = units_visible_to(request.user)
    needle = normalize_search(q)
    if needle:
        units = units.filter(search_text__contains=needle)
    units = units.order_by("path").select_related("merged_into")
    page = page_of(request, units)
    top = units.first()  # the tree's indentation starts at the user's first unit, on every page alike
    base = top.depth if top else 0
    for u in page:
        u.indent = max(min(u.depth - base, 8), 0)  # CSS classes indent-0 … indent-8 (no inline styles: CSP)
    return render(request, "org/unit_list.html", {
        "units": page, "page": page, "q": q, "can_manage": has_any(request.user, Capability.ORG_MANAGE),
    })


def _create_page(door, form, heading, denied, detail, success):
    """A unit or a person is created under a unit the user manages (org.manage)."""
    return form_page(door, form=form, heading=heading, denied=denied, success=success,
                     units=lambda request: units_visible_to(request.user, Capability.ORG_MANAGE),
                     then=lambda created: reverse(detail, args=[created.pk]))


unit_create_view = routes.add("don-vi/them/", "unit-create", _create_page(
    services.unit_create, UnitForm, "Thêm đơn vị", "Bạn không có quyền thêm đơn vị.", "home:unit-detail",
    success=lambda unit: f"Đã thêm đơn vị {unit.name}."))


@routes("sap-nhap/", "unit-merge")
@login_required
def unit_merge_view(request):
    allowed = units_visible_to(request.user, Capability.ORG_MANAGE).filter(valid_to__isnull=True)
    if not allowed.exists():
        raise PermissionDenied("Bạn không có quyền sáp nhập đơn vị.")
    form = MergeForm(request.POST or None, units=allowed)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sources = list(data["sources"])
        parents = {s.parent_id for s in sources}
        parent = sources[0].parent if len(parents) == 1 else None
        if parent is None or not can(request.user, Capability.ORG_MANAGE, parent):
            form.add_error("sources", "Các đơn vị sáp nhập phải cùng một đơn vị cấp trên thuộc quyền của bạn.")
        else:
            try:
                new_unit = services.units_merge(
                    sources=sources, acting_user=request.user, effective_date=data["effective_date"],
                    legal_basis=data["legal_basis"], name=data["name"], code=data["code"],
                    place_name=data["place_name"], level=sources[0].level, kind=sources[0].kind, parent=parent,
                    doc_symbol=sources[0].doc_symbol, head_title=sources[0].head_title,
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages[0])
            else:
                messages.success(request, f"Đã sáp nhập thành {new_unit.name}.")
                return redirect("home:unit-detail", pk=new_unit.pk)
    return render(request, "org/form.html", {"form": form, "heading": "Sáp nhập đơn vị"})


@routes("ca-nhan/", "person-list")
@login_required
def person_list(request):
    q = request.GET.get("q", "")
    people = person_list_for(request.user, q)
    page = page_counted_with_rows(request, people) if q else page_of(request, people)
    return render(request, "org/person_list.html", {
        "people": page, "page": page, "q": q, "can_manage": has_any(request.user, Capability.ORG_MANAGE),
    })


person_create_view = routes.add("ca-nhan/them/", "person-create", _create_page(
    services.person_create, PersonForm, "Thêm cá nhân", "Bạn không có quyền thêm cá nhân.", "home:person-detail",
    success=lambda person: f"Đã thêm {person.full_name}."))

@routes("ca-nhan/<int:pk>/sua/", "person-edit")
@login_required
def person_edit(request, pk):
    """Correct a person's name, gender, birth date or identification number (person_update audits old → new)."""
    person = person_get_for_user(request.user, pk)  # outside the user's reach: 404
    return _edit_page(request, person, person.current_unit, PersonEditForm, services.person_update, "person",
                      "home:person-detail", denied="Bạn không có quyền sửa thông tin cá nhân này.",
                      heading=f"Sửa thông tin: {person.full_name}")


@routes("don-vi/<int:pk>/sua/", "unit-edit")
@login_required
def unit_edit(request, pk):
    """Correct a unit's name, place name, document symbol or head (unit_update audits old → new)."""
    unit = unit_get_for_user(request.user, pk)
    return _edit_page(request, unit, unit, UnitEditForm, services.unit_update, "unit", "home:unit-detail",
                      denied="Bạn không có quyền sửa thông tin đơn vị này.", heading=f"Sửa thông tin: {unit.name}")


def _edit_page(request, obj, unit, form_class, door, name, detail, *, denied, heading):
    """GET: the form filled from ``obj``; POST: only the changed fields go through ``door`` (which audits them); a
    refused rule is shown on the form. The user must manage the unit (org.manage), else 403."""
    if not can(request.user, Capability.ORG_MANAGE, unit):
        raise PermissionDenied(denied)
    form = form_class(request.POST or None, initial={f: getattr(obj, f) for f in form_class.base_fields})
    if request.method == "POST" and form.is_valid():
        changed = {f: form.cleaned_data[f] for f in form.changed_data}
        try:
            if changed:
                door(acting_user=request.user, **{name: obj}, **changed)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã cập nhật thông tin." if changed else "Không có thay đổi nào.")
            return redirect(detail, pk=obj.pk)
    return render(request, "org/form.html", {"form": form, "heading": heading})
