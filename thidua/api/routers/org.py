"""Units and people: the same scoped accessors as the Tổ chức pages."""

from django.db.models import Q
from ninja import Router
from ninja.pagination import paginate

from thidua.awards.selectors import award_history_for_person, award_history_for_unit
from thidua.core.text import normalize_search
from thidua.org.selectors import person_get_for_user, person_list_for, unit_get_for_user, units_visible_to

from ..schemas import GrantOut, PersonDetail, PersonOut, UnitDetail, UnitOut
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
