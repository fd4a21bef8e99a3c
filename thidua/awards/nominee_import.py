"""A nominee list sent up as Excel, imported into one draft nomination (issue 12, item 2).

The layout lower units commonly send (domain.md §9b) is recognised by its headers: STT · Tên gọi (Ông/Bà/Chức danh)
· Tên tập thể/cá nhân/hộ gia đình · Chức vụ · Đơn vị công tác · Phân loại khen thưởng · Danh hiệu thi đua/Hình thức
khen thưởng · Phân loại đối tượng · Lĩnh vực hoạt động, with an optional "Thành tích" (else the nomination's common
achievement). Everyone is looked for inside the proposing unit's subtree: a person by name and "Đơn vị công tác" (or
"Mã cá nhân", "Số định danh", a birth date to tell namesakes apart); a collective by its name under the parent named
in "Đơn vị công tác". Namesakes are row errors listing the candidates. The rows are written through
``services.nomination_entry_add``, one entry each, all or nothing.
"""

from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from thidua.accounts.access import can
from thidua.accounts.models import Capability
from thidua.core.text import normalize_search
from thidua.formatting import format_date
from thidua.imports.kinds import C_DOB, C_NATIONAL_ID, C_PERSON_ID, C_STT, Column, KindHooks, KindSpec, register
from thidua.imports.models import ImportKind
from thidua.org.models import Person, Unit
from thidua.rulebook import codes as rb_codes

from . import services
from .history_import import AWARDS
from .models import Nomination
from .selectors import nomination_get_for_user

E_NAME = "Thiếu Tên tập thể/cá nhân/hộ gia đình"
E_KIND = ("Phân loại khen thưởng '{value}' không hợp lệ (Khen thưởng cá nhân, Khen thưởng tập thể hoặc Khen thưởng "
          "hộ gia đình)")
E_KIND_MISSING = "Thiếu Phân loại khen thưởng (cá nhân, tập thể hay hộ gia đình)"
E_HOUSEHOLD = "Hộ gia đình: chưa nhập được từ tệp; hãy thêm hộ này trên trang đề nghị"
E_KIND_AWARD = "{award} không dành cho {kind}"
E_AWARD = "Danh hiệu, hình thức '{value}' không có trong danh mục"
E_OTHER_AWARD = "Dòng đề nghị {value}, nhưng đề nghị này là {award}: mỗi đề nghị một danh hiệu, hình thức"
E_ACHIEVEMENT = "Thiếu thành tích: ghi cột “Thành tích”, hoặc ghi thành tích chung của đề nghị trước khi nhập"
E_PERSON_NONE = "Không tìm thấy cá nhân '{name}'{where} trong {unit}"
E_PERSON_MANY = "Có {n} người tên '{name}'{where}: {who}; hãy ghi Mã cá nhân hoặc Ngày sinh"
E_UNIT_NONE = "Không tìm thấy tập thể '{name}'{where} trong {unit}"
E_UNIT_MANY = "Có {n} tập thể tên '{name}': {who}; hãy ghi đơn vị cấp trên ở cột Đơn vị công tác"
E_PERSON_OTHER = "Mã cá nhân hoặc số định danh ghi ở dòng này là của '{found}', không phải '{name}'"
E_ALREADY = "'{name}' đã có trong đề nghị này"
E_NOT_DRAFT = "Đề nghị “{title}” đã trình hoặc đã được duyệt: không thêm được danh sách."

KINDS = {normalize_search(k): v for k, v in {
    "Khen thưởng cá nhân": rb_codes.INDIVIDUAL, "Cá nhân": rb_codes.INDIVIDUAL,
    "Khen thưởng tập thể": rb_codes.COLLECTIVE, "Tập thể": rb_codes.COLLECTIVE,
    "Khen thưởng hộ gia đình": rb_codes.HOUSEHOLD, "Hộ gia đình": rb_codes.HOUSEHOLD,
}.items()}
PERSON_SALUTATIONS = {"ong", "ba", "anh", "chi", "dong chi", "em"}

SPEC = KindSpec(
    code=ImportKind.NOMINEES, slug="danh-sach-de-nghi", label="Danh sách đề nghị khen thưởng",
    columns=(
        C_STT,
        Column("salutation", "Tên gọi (Ông/Bà/Chức danh)", "Ông, Bà hoặc chức danh (cá nhân).", width=14,
               aliases=("Tên gọi", "Danh xưng")),
        Column("name", "Tên tập thể/cá nhân/hộ gia đình", "Họ và tên cá nhân, tên tập thể hoặc chủ hộ.", width=32,
               aliases=("Tên tập thể, cá nhân, hộ gia đình", "Tên tập thể/cá nhân", "Họ và tên", "Họ tên")),
        Column("position", "Chức vụ", "Chức vụ của cá nhân (không bắt buộc).", width=22),
        Column("unit_name", "Đơn vị công tác", "Đơn vị công tác của cá nhân; với tập thể: đơn vị cấp trên của nó.",
               width=30, aliases=("Đơn vị", "Thuộc đơn vị", "Đơn vị cấp trên")),
        Column("recipient_kind", "Phân loại khen thưởng", "Khen thưởng cá nhân, Khen thưởng tập thể hoặc Khen thưởng hộ "
               "gia đình.", ("Khen thưởng cá nhân", "Khen thưởng tập thể", "Khen thưởng hộ gia đình"), width=22),
        Column("award", "Danh hiệu thi đua/Hình thức khen thưởng", "Phải là danh hiệu, hình thức của đề nghị (bỏ trống: "
               "như đề nghị).", width=30, aliases=("Danh hiệu thi đua", "Hình thức khen thưởng")),
        Column("object_class", "Phân loại đối tượng", "Không bắt buộc (lưu kèm ghi chú).", width=18),
        Column("field", "Lĩnh vực hoạt động", "Không bắt buộc (lưu kèm ghi chú).", width=18),
        Column("achievement", "Thành tích", "Tóm tắt thành tích; bỏ trống: dùng thành tích chung của đề nghị.",
               width=40, aliases=("Tóm tắt thành tích", "Nội dung thành tích")),
        C_PERSON_ID, C_NATIONAL_ID, C_DOB,
    ),
    example={"salutation": "Ông", "name": "Nguyễn Văn An", "position": "Công chức", "unit_name": "Xã Bình An",
             "recipient_kind": "Khen thưởng cá nhân", "achievement": "Hoàn thành xuất sắc nhiệm vụ năm 2025"},
    instructions=(
        "Mỗi dòng là một cá nhân hoặc tập thể được đề nghị; cả danh sách vào một đề nghị (mở từ trang đề nghị, "
        "nút “Nhập danh sách từ Excel”).",
        "Cá nhân được tìm theo họ tên và Đơn vị công tác trong đơn vị đề nghị; nếu trùng tên, ghi Mã cá nhân hoặc "
        "Ngày sinh. Tập thể được tìm theo tên, dưới đơn vị cấp trên ghi ở cột Đơn vị công tác.",
        "Tệp theo mẫu của các đơn vị (STT, Tên gọi, Tên tập thể/cá nhân/hộ gia đình, Chức vụ, Đơn vị công tác, "
        "Phân loại khen thưởng, Danh hiệu thi đua/Hình thức khen thưởng, Phân loại đối tượng, Lĩnh vực hoạt động) "
        "được nhận trực tiếp.",
    ),
    required=("name",), person_keyed=False, reference_people=True, needs_target=True, name_key="name",
)


def target(user, pk) -> Nomination:
    """The nomination the list goes into: seen by the user (else 404), theirs to edit (else 403), still a draft."""
    try:
        nomination = nomination_get_for_user(user, int(pk))
    except (TypeError, ValueError):
        raise Http404("Không tìm thấy đề nghị.") from None
    if not can(user, Capability.NOMINATION_MANAGE, nomination.unit):
        raise PermissionDenied("Bạn không có quyền lập đề nghị của đơn vị này.")
    if not nomination.editable:
        raise ValidationError(E_NOT_DRAFT.format(title=nomination.title))
    return nomination


def _parse(checker, c) -> None:
    nomination = checker.target
    name = c.text("name", "Tên tập thể/cá nhân/hộ gia đình", 200)
    if not name:
        c.error(E_NAME)
    raw_kind = c.get("recipient_kind")
    kind = KINDS.get(normalize_search(raw_kind)) if raw_kind else None
    if raw_kind and kind is None:
        c.error(E_KIND, value=raw_kind)
    elif kind is None:
        salutation = normalize_search(c.get("salutation"))
        kind = rb_codes.INDIVIDUAL if salutation in PERSON_SALUTATIONS or c.get("position") else None
        if kind is None:
            c.error(E_KIND_MISSING)
    award = rb_codes.CODES.get(nomination.award_code)
    if kind == rb_codes.HOUSEHOLD:
        c.error(E_HOUSEHOLD)
    elif kind and award is not None and kind not in award.recipient_kinds:
        c.error(E_KIND_AWARD, award=award.name_vi, kind=rb_codes.RECIPIENT_KINDS[kind].lower())
    raw_award = c.get("award")
    if raw_award:
        code = AWARDS.get(normalize_search(raw_award))
        if code is None:
            c.error(E_AWARD, value=raw_award)
        elif code != nomination.award_code:
            c.error(E_OTHER_AWARD, value=rb_codes.name_vi(code), award=rb_codes.name_vi(nomination.award_code))
    achievement = c.text("achievement", "Thành tích", 2000) or nomination.reason_text
    if not achievement:
        c.error(E_ACHIEVEMENT)
    c.data.update(name=name, kind=kind, achievement=achievement)
    if kind == rb_codes.INDIVIDUAL:
        c.data["dob"] = c.date("date_of_birth", "Ngày sinh")
        c.data["national_id"] = c.national_id(birth=c.data["dob"])
    extra = [v for v in (c.get("object_class"), c.get("field")) if v]
    c.note = " · ".join(extra)


def _finish(checker, checks) -> None:
    nomination = checker.target
    root = nomination.unit
    names = {normalize_search(c.data["name"]) for c in checks if c.data.get("name")}
    parents = {normalize_search(c.get("unit_name")) for c in checks if c.get("unit_name")}
    units = list(Unit.objects.filter(path__startswith=root.path, valid_to__isnull=True,
                                     search_text__in=names | parents).select_related("parent"))
    units_by_name = defaultdict(list)
    for u in units:
        units_by_name[u.search_text].append(u)
    people = defaultdict(list)
    for p in Person.objects.filter(current_unit__path__startswith=root.path, search_text__in=names).select_related(
            "current_unit"):
        people[p.search_text].append(p)
    by_pk = {p.pk: p for p in Person.objects.filter(
        current_unit__path__startswith=root.path,
        pk__in={int(c.get("person_id")) for c in checks if c.get("person_id").isdigit()}).select_related("current_unit")}
    by_nid = {p.national_id: p for p in Person.objects.filter(
        current_unit__path__startswith=root.path,
        national_id__in={c.data["national_id"] for c in checks if c.data.get("national_id")}).select_related(
        "current_unit")} if any(c.data.get("national_id") for c in checks) else {}
    entered = set(nomination.entries.values_list("person_id", "recipient_unit_id"))
    for c in checks:
        if c.errors:
            continue
        where_name = c.get("unit_name")
        where = f" ở {where_name}" if where_name else ""
        if c.data["kind"] == rb_codes.INDIVIDUAL:
            person = by_pk.get(int(c.get("person_id"))) if c.get("person_id").isdigit() else None
            person = person or by_nid.get(c.data.get("national_id") or "-")
            if person is not None and normalize_search(c.data["name"]) != person.search_text:
                c.error(E_PERSON_OTHER, name=c.data["name"], found=person.full_name)
                continue
            if person is None:
                found = people.get(normalize_search(c.data["name"]), [])
                if where_name:
                    found = [p for p in found if p.current_unit.search_text == normalize_search(where_name)]
                if c.data.get("dob"):
                    found = [p for p in found if p.date_of_birth == c.data["dob"]]
                if not found:
                    c.error(E_PERSON_NONE, name=c.data["name"], where=where, unit=root.name)
                    continue
                if len(found) > 1:
                    c.error(E_PERSON_MANY, n=len(found), name=c.data["name"], where=where, who="; ".join(
                        f"{p.full_name} (sinh {format_date(p.date_of_birth) or '—'}, {p.current_unit.name}, mã {p.pk})"
                        for p in found[:5]))
                    continue
                person = found[0]
            c.data["person_id"], c.key, label = person.pk, f"p{person.pk}", person.full_name
            if (person.pk, None) in entered:
                c.error(E_ALREADY, name=person.full_name)
        else:
            found = units_by_name.get(normalize_search(c.data["name"]), [])
            if where_name:
                found = [u for u in found if u.parent is not None
                         and u.parent.search_text == normalize_search(where_name)]
            if not found:
                c.error(E_UNIT_NONE, name=c.data["name"], where=f" thuộc {where_name}" if where_name else "",
                        unit=root.name)
                continue
            if len(found) > 1:
                c.error(E_UNIT_MANY, n=len(found), name=c.data["name"], who="; ".join(
                    f"{u.name} thuộc {u.parent.name if u.parent else '—'} (mã {u.code})" for u in found[:5]))
                continue
            unit = found[0]
            c.data["unit_id"], c.key, label = unit.pk, f"u{unit.pk}", unit.name
            if (None, unit.pk) in entered:
                c.error(E_ALREADY, name=unit.name)
        c.note = " · ".join(x for x in (f"Thêm {label}", c.note) if x)


def _write(rows, user, batch, reason) -> None:
    nomination = Nomination.objects.get(pk=batch.target_id)
    people = Person.objects.select_related("current_unit").in_bulk(
        {r["person_id"] for r in rows if r.get("person_id")})
    units = Unit.objects.in_bulk({r["unit_id"] for r in rows if r.get("unit_id")})
    for r in rows:
        services.nomination_entry_add(nomination=nomination, acting_user=user, achievement=r["achievement"],
                                      person=people.get(r.get("person_id")), recipient_unit=units.get(r.get("unit_id")))


def install() -> None:
    """Registered once, by AwardsConfig.ready()."""
    register(SPEC, KindHooks(parse=_parse, finish=_finish, write=_write, target=target,
                             target_url=lambda pk: reverse("awards:nomination-detail", args=[pk]),
                             duplicate="cùng cá nhân hoặc tập thể"))
