"""Units and people: the same scoped accessors as the Tổ chức pages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from ninja import Router, Status
from ninja.pagination import paginate

from thidua.accounts.access import can
from thidua.accounts.models import Capability
from thidua.awards.selectors import award_history_for_person, award_history_for_unit
from thidua.core.text import normalize_search
from thidua.org import services
from thidua.org.models import Gender
from thidua.org.selectors import person_get_for_user, person_list_for, unit_get_for_user, units_visible_to

from ..schemas import GrantOut, PersonDetail, PersonIn, PersonOut, PersonPatchIn, UnitDetail, UnitOut
from .common import MAX_LIMIT, READ_ERRORS, Pagination, responses

router = Router()


class UnitDetailOut(UnitDetail):
    @staticmethod
    def resolve_children(obj, context):
        # A role on the unit alone (include_descendants off) does not show its sub-units.
        return list(units_visible_to(context["request"].auth).filter(parent=obj).order_by("name"))

    @staticmethod
    def resolve_merged_from(obj):
        return list(obj.merged_from.order_by("name"))


@router.get("/units", response=list[UnitOut], url_name="unit-list", summary="Danh sách đơn vị",
            description="Đơn vị bạn được xem. `q`: tìm không dấu (\"binh an\" tìm thấy \"Bình An\"). "
                        "Mặc định chỉ đơn vị còn hoạt động; `include_closed=true` để xem cả đơn vị đã giải thể, "
                        "sáp nhập.")
@paginate(Pagination, max_limit=MAX_LIMIT)
def unit_list(request, q: str = "", include_closed: bool = False, parent_id: int | None = None):
    units = units_visible_to(request.auth)
    if not include_closed:
        units = units.filter(valid_to__isnull=True)
    if parent_id is not None:
        units = units.filter(parent_id=parent_id)
    needle = normalize_search(q)
    if needle:
        units = units.filter(search_text__contains=needle)
    return units.order_by("path")


@router.get("/units/{unit_id}", response=responses(UnitDetailOut), url_name="unit-detail",
            summary="Chi tiết đơn vị", description="Kèm đơn vị trực thuộc và các đơn vị đã sáp nhập vào.")
def unit_detail(request, unit_id: int):
    return unit_get_for_user(request.auth, unit_id)


@router.get("/units/{unit_id}/grants", response=list[GrantOut], url_name="unit-grants",
            summary="Lịch sử khen thưởng của tập thể",
            description="Gồm cả khen thưởng của các đơn vị đã sáp nhập vào đơn vị này.",
            openapi_extra={"responses": READ_ERRORS})
@paginate(Pagination, max_limit=MAX_LIMIT)
def unit_grants(request, unit_id: int):
    unit = unit_get_for_user(request.auth, unit_id)
    return award_history_for_unit(unit)


@router.get("/people", response=list[PersonOut], url_name="person-list", summary="Danh sách cá nhân",
            description="`q`: tìm không dấu (\"nguyen van\" tìm thấy \"Nguyễn Văn\"); `unit_id`: người đang công tác "
                        "ở đơn vị đó và các đơn vị trực thuộc.")
@paginate(Pagination, max_limit=MAX_LIMIT)
def person_list(request, q: str = "", unit_id: int | None = None):
    people = person_list_for(request.auth, q)
    if unit_id is not None:
        unit = unit_get_for_user(request.auth, unit_id)
        people = people.filter(Q(current_unit__path__startswith=unit.path))
    return people


@router.get("/people/{person_id}", response=responses(PersonDetail), url_name="person-detail",
            summary="Chi tiết cá nhân", description="Kèm quá trình công tác và kết quả xếp loại hằng năm.")
def person_detail(request, person_id: int):
    return person_get_for_user(request.auth, person_id)


@router.get("/people/{person_id}/grants", response=list[GrantOut], url_name="person-grants",
            summary="Lịch sử khen thưởng của cá nhân", openapi_extra={"responses": READ_ERRORS})
@paginate(Pagination, max_limit=MAX_LIMIT)
def person_grants(request, person_id: int):
    person = person_get_for_user(request.auth, person_id)
    return award_history_for_person(person)


ERR_GENDER = "Giới tính '{value}' không hợp lệ (male hoặc female)."
ERR_NAME = "Phải nhập họ và tên."
ERR_MANAGE = "Bạn không có quyền quản lý cá nhân của đơn vị này."
ERR_TOO_LONG = "{label} dài quá {n} ký tự."
MAX_TEXT = 120  # org.Person.full_name, Employment.position


def _managed(user, unit) -> None:
    if not can(user, Capability.ORG_MANAGE, unit):
        raise PermissionDenied(ERR_MANAGE)


def _checked(fields: dict) -> dict:
    if "gender" in fields and fields["gender"] not in Gender.values:
        raise ValidationError(ERR_GENDER.format(value=str(fields["gender"])[:20]))
    if "full_name" in fields:
        fields["full_name"] = " ".join((fields["full_name"] or "").split())
        if not fields["full_name"]:
            raise ValidationError(ERR_NAME)
    for name, label in (("full_name", "Họ và tên"), ("position", "Chức vụ")):
        if len(fields.get(name) or "") > MAX_TEXT:
            raise ValidationError(ERR_TOO_LONG.format(label=label, n=MAX_TEXT))
    return fields


@router.post("/people", response=responses(PersonDetail, 201, write=True), url_name="person-create",
             summary="Thêm cá nhân",
             description="Cần quyền quản lý tổ chức ở đơn vị `unit_id`; số định danh (nếu có) được kiểm tra và "
                         "không được trùng với người khác.")
def person_create(request, payload: PersonIn):
    user = request.auth
    unit = unit_get_for_user(user, payload.unit_id)  # outside the reach: 404
    _managed(user, unit)
    data = _checked(payload.dict())
    data.pop("unit_id")
    return Status(201, services.person_create(acting_user=user, unit=unit, **data))


@router.patch("/people/{person_id}", response=responses(PersonDetail, write=True), url_name="person-update",
              summary="Sửa thông tin cá nhân",
              description="Họ tên, giới tính, ngày sinh, số định danh; chỉ các trường gửi lên được sửa (ghi nhật ký "
                          "cũ → mới). Nơi công tác đổi bằng điều chuyển, không ở đây.")
def person_update(request, person_id: int, payload: PersonPatchIn):
    user = request.auth
    person = person_get_for_user(user, person_id)
    _managed(user, person.current_unit)
    fields = _checked(payload.dict(exclude_unset=True))
    if "national_id" in fields:
        fields["national_id"] = fields["national_id"] or ""
    return services.person_update(person=person, acting_user=user, **fields) if fields else person
