"""Request and response shapes. Dates are ISO 8601 (yyyy-mm-dd); money is an integer number of đồng."""

import datetime as dt

from django.urls import reverse
from ninja import Field, Schema
from pydantic import model_validator

from thidua.awards.catalog import award_name
from thidua.rulebook import money as rb_money

ISO_DATE = "Ngày theo ISO 8601: yyyy-mm-dd, ví dụ 2024-01-19."


# ---------------------------------------------------------------- organisation

class UnitOut(Schema):
    id: int
    code: str
    name: str
    level: str
    level_label: str = Field(..., alias="get_level_display")
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    parent_id: int | None
    valid_from: dt.date | None = Field(None, description=ISO_DATE)
    valid_to: dt.date | None = Field(None, description="Ngày kết thúc (giải thể, sáp nhập); null nếu còn hoạt động.")
    merged_into_id: int | None
    is_active: bool


class UnitDetail(UnitOut):
    place_name: str
    doc_symbol: str
    head_title: str
    head_name: str
    children: list[UnitOut] = Field(..., description="Đơn vị trực thuộc mà bạn được xem.")
    merged_from: list[UnitOut] = Field(..., description="Các đơn vị đã sáp nhập vào đơn vị này.")


class EmploymentOut(Schema):
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    position: str
    start_date: dt.date
    end_date: dt.date | None


class RatingOut(Schema):
    year: int
    rating: str
    rating_label: str = Field(..., alias="get_rating_display")


class PersonOut(Schema):
    id: int
    full_name: str
    gender: str
    gender_label: str = Field(..., alias="get_gender_display")
    date_of_birth: dt.date | None
    current_unit_id: int | None
    current_unit_name: str | None
    current_position: str

    @staticmethod
    def resolve_current_unit_name(obj):
        return obj.current_unit.name if obj.current_unit_id else None


class PersonDetail(PersonOut):
    national_id: str
    employments: list[EmploymentOut]
    ratings: list[RatingOut]

    @staticmethod
    def resolve_employments(obj):
        return list(obj.employments.select_related("unit"))


# ---------------------------------------------------------------- awards

class GrantOut(Schema):
    id: int
    decision_id: int
    decision_number: str = Field(..., alias="decision.number_text", description="Ví dụ 01/QĐ-UBND.")
    decision_issued_on: dt.date = Field(..., alias="decision.issued_on")
    issuer_id: int = Field(..., alias="decision.issuer_id")
    issuer_name: str = Field(..., alias="decision.issuer.name")
    recipient_kind: str
    person_id: int | None
    recipient_unit_id: int | None
    household_id: int | None
    display_name: str
    position_text: str
    achievement: str
    award_code: str
    award_name: str
    award_type: str
    year: int
    amount: int = Field(..., description="Tiền thưởng (đồng).")
    amount_words: str
    golden_book_number: str
    status: str
    certificate_url: str

    @staticmethod
    def resolve_amount_words(obj):
        return rb_money.amount_in_words(obj.amount)

    @staticmethod
    def resolve_certificate_url(obj):
        return reverse("api:grant-certificate", kwargs={"grant_id": obj.pk})


class EntryOut(Schema):
    id: int
    recipient_kind: str
    person_id: int | None
    recipient_unit_id: int | None
    household_id: int | None
    display_name: str
    position_text: str
    achievement: str
    override_reason: str = Field(..., description="Lý do đề nghị khi chưa đủ điều kiện (ngoại lệ).")
    verdict_status: str = Field(..., description="Kết quả xét điều kiện lúc trình (rỗng nếu chưa trình).")
    judgement_note: str = Field(..., description="Kết quả xem xét các tiêu chí “cần xem xét” (bình xét, cấp xét).")
    return_reason: str = Field(..., description="Cấp trên trả lại trường hợp này để sửa (rỗng: không).")
    source_entry_id: int | None = Field(..., description="Dòng của đơn vị trực thuộc được tổng hợp vào đây.")
    council_result: str = Field(..., description="Kết quả Hội đồng TĐKT: passed | failed | rỗng.")


class NominationOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    decider_unit_id: int
    award_code: str
    award_name: str
    award_type: str
    year: int
    title: str
    reason_text: str
    status: str
    status_label: str = Field(..., alias="get_status_display")
    return_reason: str
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    consolidated_into_id: int | None = Field(..., description="Đã tổng hợp vào đề nghị này của cấp trên.")

    @staticmethod
    def resolve_award_name(obj):
        return award_name(obj.award_code)


class NominationDetail(NominationOut):
    entries: list[EntryOut]
    decision_id: int | None

    @staticmethod
    def resolve_entries(obj):
        return list(obj.entries.all())

    @staticmethod
    def resolve_decision_id(obj):
        decision = getattr(obj, "decision", None)
        return decision.pk if decision else None


class DownloadsOut(Schema):
    docx: str = Field(..., description="Quyết định (.docx, thể thức NĐ 30/2020).")
    pdf: str = Field(..., description="Quyết định (PDF).")
    certificates: str = Field(..., description="Giấy chứng nhận của mọi người, tập thể được khen (PDF).")


class DecisionOut(Schema):
    id: int
    number: int
    year: int
    number_text: str = Field(..., description="Ví dụ 01/QĐ-UBND.")
    symbol: str
    issued_on: dt.date
    issuer_id: int
    issuer_name: str = Field(..., alias="issuer.name")
    place: str
    summary: str
    award_code: str
    award_name: str
    signer_name: str
    signer_title: str
    total_amount: int = Field(..., description="Tổng tiền thưởng (đồng).")
    total_amount_words: str
    nomination_id: int | None
    downloads: DownloadsOut

    @staticmethod
    def resolve_award_name(obj):
        return award_name(obj.award_code)

    @staticmethod
    def resolve_total_amount_words(obj):
        return rb_money.amount_in_words(obj.total_amount)

    @staticmethod
    def resolve_downloads(obj):
        return {
            "docx": reverse("api:decision-docx", kwargs={"decision_id": obj.pk}),
            "pdf": reverse("api:decision-pdf", kwargs={"decision_id": obj.pk}),
            "certificates": reverse("api:decision-certificates", kwargs={"decision_id": obj.pk}),
        }


class DecisionDetail(DecisionOut):
    legal_bases: list[str]
    grants: list[GrantOut]

    @staticmethod
    def resolve_grants(obj):
        return list(obj.grants.select_related("decision", "decision__issuer"))


# ---------------------------------------------------------------- inputs

class PersonIn(Schema):
    full_name: str
    gender: str = Field(..., description="`male` hoặc `female`")
    date_of_birth: dt.date | None = None
    national_id: str = Field("", description="Số định danh cá nhân (CCCD), 12 chữ số; kiểm tra theo năm sinh, giới tính")
    unit_id: int
    position: str = ""
    start_date: dt.date


class PersonPatchIn(Schema):
    full_name: str | None = None
    gender: str | None = None
    date_of_birth: dt.date | None = None
    national_id: str | None = None


class NominationIn(Schema):
    unit_id: int = Field(..., description="Đơn vị đề nghị (phải thuộc phạm vi bạn được lập đề nghị).")
    award_code: str = Field(..., max_length=30, description="Mã danh hiệu / hình thức, ví dụ GIAY_KHEN, LDTT, CSTDCS.")
    year: int = Field(..., description="Năm thành tích.")
    title: str = Field(..., min_length=1, max_length=300, description="Trích yếu.")
    reason_text: str = Field("", max_length=300, description="Thành tích chung in trên quyết định.")
    award_type: str = Field("cong_trang", description="Loại hình khen thưởng (Luật TĐKT 2022, Điều 8).")


class EntryIn(Schema):
    person_id: int | None = Field(None, description="Cá nhân được đề nghị (hoặc recipient_unit_id).")
    recipient_unit_id: int | None = Field(None, description="Tập thể được đề nghị (hoặc person_id).")
    achievement: str = Field(..., min_length=1, max_length=5000, description="Thành tích.")
    override_reason: str = Field("", max_length=5000,
                                 description="Lý do đề nghị nếu chưa đủ điều kiện hoặc cần xem xét (có thể ghi sau).")


class OverrideIn(Schema):
    reason: str = Field(..., min_length=1, max_length=5000,
                        description="Lý do đề nghị dù chưa đủ điều kiện (người đề nghị chịu trách nhiệm).")


class EntryFixIn(Schema):
    achievement: str = Field(..., min_length=1, max_length=5000)


class ConsolidateIn(Schema):
    source_ids: list[int] = Field(..., description="Các đề nghị đã trình của đơn vị trực thuộc.")


class JudgementIn(Schema):
    note: str = Field(..., min_length=1, max_length=2000,
                      description="Kết quả xem xét các tiêu chí “cần xem xét” (bình xét tại đơn vị, hoặc cấp xét).")


class ReturnIn(Schema):
    reason: str = Field(..., min_length=1, max_length=2000, description="Lý do trả lại.")


OTP_CODE_HELP = ("Mã 6 chữ số của ứng dụng xác thực (hoặc một mã dự phòng); bắt buộc khi dùng token API (phiên "
                 "trình duyệt đã xác thực OTP thì không cần). Mỗi mã chỉ dùng một lần.")


class SecondFactorIn(Schema):
    """For the acts that need the second factor: signing (approval) and issuing."""

    otp_code: str | None = Field(None, max_length=12, description=OTP_CODE_HELP)


class IssueIn(SecondFactorIn):
    # Every field is optional, so without this any JSON (a list, a number) would pass as "{}".
    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, value):
        data = getattr(value, "_obj", value)  # ninja wraps input in a DjangoGetter
        if not isinstance(data, dict):
            raise ValueError("Phải là một đối tượng JSON, ví dụ {\"issued_on\": \"2024-01-19\"}.")
        return value

    issued_on: dt.date | None = Field(None, description=ISO_DATE + " Bỏ trống: hôm nay.")


class ErrorOut(Schema):
    detail: str
