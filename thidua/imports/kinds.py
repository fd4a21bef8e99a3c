"""What each importable kind looks like: its columns (as in the Excel template), its example
row and its instructions. The checks live in validation.py, the writing in services.py."""

from collections.abc import Callable
from dataclasses import dataclass

from thidua.core.text import normalize_search
from thidua.org.models import DisciplineLevel, Gender, InitiativeScope, Rating

from .models import ImportKind

STT = "stt"
EXAMPLE_MARK = "Ví dụ"  # the STT cell of the template's example row; such rows are skipped
DATE_HELP = "dd/mm/yyyy"

INITIATIVE_KINDS = (("initiative", "Sáng kiến"), ("research", "Đề tài nghiên cứu khoa học"))


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    help: str = ""
    choices: tuple[str, ...] = ()
    width: int = 18
    text: bool = False  # stored as text in the template so Excel does not re-read dates by locale
    aliases: tuple[str, ...] = ()  # other headers clerks' own files use for this column ("Số QĐ")


@dataclass(frozen=True)
class KindSpec:
    code: str
    slug: str
    label: str
    columns: tuple[Column, ...]
    example: dict
    instructions: tuple[str, ...]
    # Columns a file must have (other template columns may be left out): keys, and groups of
    # keys of which at least one is needed. Person-keyed kinds also need a way to find the person.
    required: tuple[str, ...] = ()
    one_of: tuple[tuple[str, ...], ...] = ()
    person_keyed: bool = True
    reference_people: bool = True
    # Columns whose example is the code of a unit in the user's reach (the issuer of a past decision).
    example_unit_keys: tuple[str, ...] = ()
    # The column holding a person's name (the template's example takes the sample person's).
    name_key: str = "full_name"
    # The rows fill one record chosen before the upload (a nomination's list): uploaded from that record's page.
    needs_target: bool = False

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    @property
    def labels(self) -> list[str]:
        return [c.label for c in self.columns]


C_STT = Column(STT, "STT", "Số thứ tự (không bắt buộc). Dòng có STT “Ví dụ” được bỏ qua.", width=8)
C_NAME = Column("full_name", "Họ và tên", "Họ và tên đầy đủ, có dấu.", width=26)
C_DOB = Column("date_of_birth", "Ngày sinh", "Dạng dd/mm/yyyy, ví dụ 15/03/1990.", width=13, text=True)
C_UNIT_CODE = Column("unit_code", "Mã đơn vị", "Mã đơn vị (xem trang “Đơn vị”).", width=14)
C_UNIT_NAME = Column("unit_name", "Tên đơn vị", "Tên đơn vị; chỉ cần khi không ghi Mã đơn vị.", width=28)
C_PERSON_ID = Column("person_id", "Mã cá nhân",
                     "Mã cá nhân trong hệ thống (xem trang “Cá nhân”). Nếu bỏ trống thì phải có Họ và tên, "
                     "Ngày sinh và Mã đơn vị hoặc Tên đơn vị.", width=12)
C_NATIONAL_ID = Column("national_id", "Số định danh (CCCD)",
                       "12 chữ số trên thẻ căn cước (không bắt buộc). Khi có, cá nhân được tìm theo số này.",
                       width=16, text=True, aliases=("CCCD", "Số CCCD", "Số căn cước", "Số định danh cá nhân"))
PERSON_KEY = (C_PERSON_ID, C_NATIONAL_ID, C_NAME, C_DOB, C_UNIT_CODE, C_UNIT_NAME)

PERSON_KEY_HELP = (
    "Xác định cá nhân bằng cột “Mã cá nhân”, hoặc “Số định danh (CCCD)”, hoặc bằng Họ và tên + Ngày sinh + đơn vị "
    "công tác hiện tại "
    "(Mã đơn vị hoặc Tên đơn vị). Trang “Cá nhân” trong tệp mẫu liệt kê những người thuộc phạm vi của bạn.",
)
COMMON_HELP = (
    "Chỉ nhận tệp .xlsx. Giữ nguyên dòng tiêu đề (dòng 1); có thể xóa dòng ví dụ hoặc để nguyên "
    "(dòng có STT “Ví dụ” được bỏ qua).",
    "Ngày ghi dạng dd/mm/yyyy (các cột ngày đã được định dạng văn bản để Excel không đổi ngày theo máy).",
    "Sau khi tải lên, hệ thống kiểm tra từng dòng và hiện bản xem trước; chưa có gì được ghi cho đến khi "
    "bạn xác nhận. Nếu có dòng lỗi, mặc định không ghi dòng nào; bạn có thể chọn “Chỉ nhập các dòng hợp lệ”.",
    "Đơn vị và cá nhân phải thuộc phạm vi quản lý của bạn.",
)

RATING_LABELS = tuple(label for _, label in Rating.choices)

SPECS: dict[str, KindSpec] = {
    ImportKind.PEOPLE: KindSpec(
        code=ImportKind.PEOPLE, slug="ca-nhan", label="Cá nhân",
        columns=(
            C_STT, C_NAME,
            Column("gender", "Giới tính", "Nam hoặc Nữ.", tuple(label for _, label in Gender.choices), width=10),
            C_DOB, C_NATIONAL_ID, C_UNIT_CODE, C_UNIT_NAME,
            Column("position", "Chức vụ", "Chức vụ, chức danh (không bắt buộc).", width=26),
            Column("start_date", "Ngày bắt đầu", "Ngày bắt đầu công tác tại đơn vị, dạng dd/mm/yyyy.", width=14,
                   text=True),
        ),
        example={"full_name": "Nguyễn Văn An", "gender": "Nam", "date_of_birth": "15/03/1990",
                 "position": "Công chức Văn phòng - Thống kê", "start_date": "01/07/2025"},
        instructions=(
            "Mỗi dòng là một cá nhân mới, công tác tại đơn vị ghi ở cột Mã đơn vị (hoặc Tên đơn vị).",
            "Bắt buộc: Họ và tên, Giới tính, đơn vị, Ngày bắt đầu. Ngày sinh không bắt buộc nhưng nên có "
            "(dùng để phân biệt người trùng tên).",
            "Người đã có trong hệ thống (cùng họ tên, ngày sinh và đơn vị) sẽ bị báo lỗi, không tạo trùng.",
        ),
        required=("full_name", "gender", "start_date"), one_of=(("unit_code", "unit_name"),),
        person_keyed=False, reference_people=False,
    ),
    ImportKind.RATINGS: KindSpec(
        code=ImportKind.RATINGS, slug="xep-loai", label="Xếp loại hằng năm",
        columns=(
            C_STT, *PERSON_KEY,
            Column("year", "Năm", "Năm đánh giá, ví dụ 2025.", width=8),
            Column("rating", "Xếp loại", "Hoàn thành xuất sắc nhiệm vụ / Hoàn thành tốt nhiệm vụ / Hoàn thành "
                   "nhiệm vụ / Không hoàn thành nhiệm vụ (hoặc viết tắt HTXS, HTT, HT, KHT).", RATING_LABELS,
                   width=30),
            Column("score", "Điểm", "Điểm 0–100 (không bắt buộc). Từ năm 2026, nếu bỏ trống Xếp loại thì "
                   "xếp loại được suy ra từ điểm theo NĐ 233/2026/NĐ-CP: từ 90 HTXS, 70 đến dưới 90 HTT, "
                   "50 đến dưới 70 HT, dưới 50 KHT.", width=8),
        ),
        example={"year": "2025", "rating": "Hoàn thành tốt nhiệm vụ", "score": ""},
        instructions=(
            "Mỗi dòng là xếp loại của một cá nhân trong một năm.",
            "Nếu cá nhân đã có xếp loại của năm đó, dòng bị báo lỗi, trừ khi bạn đánh dấu “Ghi đè xếp loại đã có” "
            "khi tải lên.",
            *PERSON_KEY_HELP,
        ),        required=("year",), one_of=(("rating", "score"),),
    ),
    ImportKind.DISCIPLINE: KindSpec(
        code=ImportKind.DISCIPLINE, slug="ky-luat", label="Kỷ luật",
        columns=(
            C_STT, *PERSON_KEY,
            Column("level", "Hình thức kỷ luật", "Khiển trách, Cảnh cáo, Hạ bậc lương, Cách chức, Buộc thôi việc.",
                   tuple(label for _, label in DisciplineLevel.choices), width=18),
            Column("start_date", "Từ ngày", "Ngày quyết định kỷ luật có hiệu lực, dd/mm/yyyy.", width=12, text=True),
            Column("end_date", "Đến ngày", "Ngày hết thời hạn kỷ luật, dd/mm/yyyy (không bắt buộc).", width=12,
                   text=True),
            Column("decision_ref", "Số quyết định", "Số, ký hiệu quyết định kỷ luật, ví dụ 12/QĐ-UBND.", width=18),
        ),
        example={"level": "Khiển trách", "start_date": "15/04/2025", "end_date": "14/04/2026",
                 "decision_ref": "12/QĐ-UBND"},
        instructions=(
            "Mỗi dòng là một quyết định kỷ luật của một cá nhân. Kỷ luật từ khiển trách trở lên trong năm ảnh "
            "hưởng đến xếp loại và việc xét danh hiệu (NĐ 152/2025/NĐ-CP, Điều 4).",
            *PERSON_KEY_HELP,
        ),        required=("level", "start_date"),
    ),
    ImportKind.INITIATIVES: KindSpec(
        code=ImportKind.INITIATIVES, slug="sang-kien", label="Sáng kiến, đề tài",
        columns=(
            C_STT, *PERSON_KEY,
            Column("title", "Tên sáng kiến, đề tài", "Tên sáng kiến hoặc đề tài nghiên cứu khoa học.", width=40),
            Column("initiative_kind", "Loại", "Sáng kiến hoặc Đề tài nghiên cứu khoa học (mặc định Sáng kiến).",
                   tuple(label for _, label in INITIATIVE_KINDS), width=20),
            Column("year", "Năm công nhận", "Năm được công nhận, ví dụ 2025.", width=10),
            Column("scope", "Phạm vi", "Cấp cơ sở, Cấp tỉnh/bộ hoặc Toàn quốc.",
                   tuple(label for _, label in InitiativeScope.choices), width=14),
        ),
        example={"title": "Số hóa hồ sơ một cửa cấp xã", "initiative_kind": "Sáng kiến", "year": "2025",
                 "scope": "Cấp cơ sở"},
        instructions=(
            "Mỗi dòng là một sáng kiến hoặc đề tài đã được công nhận của một cá nhân.",
            "Mỗi sáng kiến chỉ dùng làm căn cứ cho một lần khen (CV 5007/BNV-TĐKT): hệ thống ghi nhận việc sử dụng "
            "khi xét khen thưởng.",
            *PERSON_KEY_HELP,
        ),        required=("title", "year", "scope"),
    ),
}

BY_SLUG = {spec.slug: spec for spec in SPECS.values()}


@dataclass(frozen=True)
class KindHooks:
    """A kind whose records belong to a higher layer (the award history: decisions and grants, in the awards app)
    brings its own checks and writer; the upload, staging, preview and commit stay the same.

    ``parse(checker, row)`` reads one row's cells; ``finish(checker, rows)`` resolves a chunk's references in bulk
    (the checker's ``_resolve_units``/``_resolve_people`` are there to use) and sets each row's duplicate key;
    ``write(rows, user, batch, reason)`` writes the cleaned rows through the owning app's door, given all of them at
    once (rows of one decision may lie far apart in the file); ``duplicate`` names what two rows with one key share.
    """

    parse: Callable
    finish: Callable
    write: Callable
    duplicate: str
    # For a kind that fills one record: ``target(user, pk)`` returns it when the user may fill it now (else raises
    # Http404, PermissionDenied or ValidationError with the Vietnamese reason); the checks read it as
    # ``checker.target`` and the writer as ``batch.target_id``.
    target: Callable | None = None
    target_url: Callable | None = None  # ``target_url(pk)``: the record's page, to go back to after the import


HOOKS: dict[str, KindHooks] = {}


def register(spec: KindSpec, hooks: KindHooks) -> None:
    """Called by the owning app when it is ready (e.g. awards.apps)."""
    SPECS[spec.code] = spec
    BY_SLUG[spec.slug] = spec
    HOOKS[spec.code] = hooks


def header_map(header_cells: list, spec: KindSpec) -> dict[str, int]:
    """Column key → index from the file's header row: the kind's labels and their aliases, compared without
    diacritics or case (two kinds may name different columns alike: "Số quyết định")."""
    wanted = {normalize_search(label): c.key for c in spec.columns for label in (c.label, *c.aliases)}
    found: dict[str, int] = {}
    for i, cell in enumerate(header_cells):
        key = wanted.get(normalize_search(str(cell or "")))
        if key and key not in found:
            found[key] = i
    return found


def missing_columns(spec: KindSpec, found: dict[str, int]) -> list[str]:
    """The missing columns as quoted Vietnamese labels, alternatives joined by "hoặc"."""
    label = {c.key: f"'{c.label}'" for c in spec.columns}
    missing = [label[k] for k in spec.required if k not in found]
    for group in spec.one_of:
        if not any(k in found for k in group):
            missing.append(" hoặc ".join(label[k] for k in group))
    if spec.person_keyed and "person_id" not in found and "national_id" not in found:
        by_name = all(k in found for k in ("full_name", "date_of_birth")) and (
            "unit_code" in found or "unit_name" in found)
        if not by_name:
            missing.append(f"{label['person_id']} (hoặc {label['national_id']}, hoặc {label['full_name']}, "
                           f"{label['date_of_birth']} và "
                           f"{label['unit_code']} hoặc {label['unit_name']})")
    return missing
