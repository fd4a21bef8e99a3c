"""The one way to write an audit entry; doors call it inside their transaction."""

import datetime as dt
import re
from functools import cache

from django.apps import apps
from django.utils import timezone

from thidua.core.bulk import insert_rows
from thidua.formatting import format_date, format_vnd
from thidua.rulebook import codes

from .models import AuditEntry
from .signals import recorded

ACTION_LABELS = {
    "unit.created": "Tạo đơn vị",
    "unit.updated": "Sửa đơn vị",
    "unit.merged": "Sáp nhập đơn vị",
    "unit.closed": "Giải thể / kết thúc đơn vị",
    "person.created": "Thêm cá nhân",
    "household.created": "Thêm hộ gia đình",
    "person.updated": "Sửa thông tin cá nhân",
    "employment.started": "Bắt đầu công tác",
    "employment.ended": "Kết thúc công tác",
    "role.assigned": "Phân quyền",
    "role.revoked": "Thu hồi quyền",
    "dossier_requirement.set": "Thiết lập yêu cầu hồ sơ",
    "dossier_requirement.deleted": "Bỏ yêu cầu hồ sơ",
    "nomination.created": "Tạo đề nghị khen thưởng",
    "nomination.updated": "Sửa đề nghị khen thưởng",
    "nomination.entry_added": "Thêm người/tập thể vào đề nghị",
    "nomination.entry_removed": "Bỏ người/tập thể khỏi đề nghị",
    "nomination.submitted": "Trình đề nghị",
    "nomination.approved": "Phê duyệt đề nghị",
    "nomination.council_result": "Ghi nhận kết quả Hội đồng TĐKT",
    "nomination.returned": "Trả lại đề nghị",
    "decision.issued": "Ban hành quyết định",
    "decision.recorded_from_paper": "Ghi nhận khen thưởng từ quyết định giấy",
    "nomination.entry_override": "Ghi lý do đề nghị ngoài kết quả xét điều kiện",
    "nomination.entry_returned": "Trả lại một trường hợp để đơn vị sửa",
    "nomination.entry_updated": "Sửa thành tích của một trường hợp",
    "nomination.consolidated": "Danh sách được tổng hợp vào đề nghị của cấp trên",
    "nomination.consolidated_into": "Tổng hợp danh sách của đơn vị trực thuộc",
    "nomination.entry_judged": "Ghi nhận kết quả xem xét tiêu chí cần xem xét",
    "nomination.decided": "Đề nghị đã có quyết định",
    "dossier.document_added": "Nộp tài liệu vào hồ sơ đề nghị",
    "dossier.document_removed": "Bỏ tài liệu khỏi hồ sơ đề nghị",
    "dossier.letter_generated": "Tạo tờ trình đề nghị khen thưởng",
    "decision.revocation_issued": "Ban hành quyết định hủy bỏ khen thưởng",
    "decision.revoked": "Quyết định khen thưởng bị hủy bỏ",
    "grant.created": "Ghi nhận khen thưởng",
    "grant.revoked": "Hủy bỏ khen thưởng",
    "council.created": "Thành lập Hội đồng Thi đua – Khen thưởng",
    "council.member_added": "Bổ sung thành viên Hội đồng",
    "council.member_ended": "Thôi làm thành viên Hội đồng",
    "council.session_created": "Lên lịch phiên họp Hội đồng",
    "council.agenda_added": "Đưa đề nghị vào chương trình họp",
    "council.agenda_removed": "Bỏ đề nghị khỏi chương trình họp",
    "council.session_opened": "Khai mạc phiên họp, điểm danh",
    "council.attendance_set": "Cập nhật thành viên dự họp",
    "council.round_opened": "Mở vòng bỏ phiếu kín",
    "council.vote_cast": "Bỏ phiếu kín",
    "council.written_opinion_added": "Ghi nhận ý kiến bằng văn bản của thành viên vắng mặt",
    "council.round_closed": "Kiểm phiếu, kết thúc vòng bỏ phiếu",
    "council.head_decided": "Chủ tịch Hội đồng quyết định",
    "council.session_closed": "Bế mạc phiên họp",
    "otp.enrolled": "Đăng ký xác thực hai lớp (OTP)",
    "notifications.preference_set": "Đổi tùy chọn nhận thông báo qua thư điện tử",
    "deadline.created": "Đặt thời hạn trong kế hoạch năm",
    "deadline.deleted": "Bỏ thời hạn trong kế hoạch năm",
    "otp.backup_codes_issued": "Cấp bộ mã dự phòng xác thực hai lớp",
    "file.requested": "Yêu cầu tạo tệp trong nền",
    "otp.backup_code_used": "Dùng một mã dự phòng xác thực hai lớp",
    "disclosure.opened": "Công khai danh sách đề nghị",
    "disclosure.recorded_on_paper": "Ghi nhận danh sách đã niêm yết công khai trên giấy",
    "disclosure.comment_received": "Nhận ý kiến góp ý của nhân dân",
    "disclosure.comment_moderated": "Duyệt ý kiến góp ý",
    "disclosure.comment_resolved": "Xử lý, trả lời ý kiến góp ý",
    "api_token.created": "Tạo token API",
    "api_token.revoked": "Thu hồi token API",
    "report_draft.saved": "Lưu dự thảo báo cáo tổng kết",
    "rating.set": "Ghi xếp loại hằng năm",
    "discipline.recorded": "Ghi kỷ luật",
    "initiative.recorded": "Ghi sáng kiến, đề tài",
    "import.committed": "Nhập dữ liệu từ Excel",
    "movement.launched": "Phát động phong trào thi đua",
    "movement.adopted": "Hưởng ứng phong trào thi đua",
    "target.added": "Thêm chỉ tiêu",
    "result.reported": "Báo cáo kết quả thực hiện chỉ tiêu",
    "review.created": "Sơ kết, tổng kết phong trào",
    "registration.deadline_set": "Đặt hạn đăng ký thi đua",
    "registration.submitted": "Đăng ký thi đua",
    "registration.approved": "Duyệt đăng ký thi đua",
    "registration.returned": "Trả lại đăng ký thi đua",
    "cluster.created": "Thành lập cụm, khối thi đua",
    "cluster.regulation_set": "Ban hành quy chế hoạt động của cụm, khối",
    "pledge.saved": "Soạn giao ước thi đua",
    "pledge.signed": "Ký giao ước thi đua",
    "criterion.added": "Thêm tiêu chí chấm điểm",
    "scorecard.self_scored": "Tự chấm điểm",
    "scorecard.submitted": "Gửi bảng tự chấm điểm",
    "scorecard.adjusted": "Điều chỉnh điểm",
    "scorecard.reviewed": "Thẩm định bảng điểm",
    "ranking.proposed": "Đề nghị khen thưởng theo kết quả xếp hạng của cụm, khối",
}

# Names of the keys doors record in `data`, for the one-line summary on an object's page.
FIELD_LABELS = {
    "basis": "căn cứ", "council_result": "kết quả Hội đồng", "judgement_note": "kết quả xem xét",
    "return_reason": "lý do trả lại", "achievement": "thành tích", "into": "tổng hợp vào", "lists": "các danh sách",
    "email": "nhận thư điện tử", "due_on": "hạn chót", "proof": "minh chứng", "count": "số lượng", "left": "còn lại",
    "agree": "tán thành", "approve": "đồng ý", "award_code": "danh hiệu, hình thức", "award_type": "loại hình",
    "by": "theo quyết định", "chars": "số ký tự", "choice": "lựa chọn", "citation": "căn cứ", "code": "mã",
    "comment": "ý kiến", "contents": "số nội dung", "created": "tạo mới", "date": "ngày", "deadline": "hạn đăng ký",
    "decider": "thẩm quyền", "decider_unit": "cấp quyết định", "decision": "quyết định", "deputy": "cụm phó",
    "device": "thiết bị", "doc_type": "loại tài liệu", "documents": "tài liệu", "effective_date": "ngày hiệu lực",
    "end": "đến ngày", "end_date": "ngày kết thúc", "file": "tệp", "file_name": "tệp", "final_total": "tổng điểm",
    "full_name": "họ và tên", "grants": "khen thưởng", "ground": "căn cứ", "held_on": "ngày tổ chức",
    "higher_is_better": "càng cao càng tốt", "imported": "đã nhập", "issued_on": "ngày ban hành", "kind": "loại",
    "leader": "cụm trưởng", "level": "cấp", "limitations": "hạn chế", "max": "điểm tối đa", "measure": "đơn vị tính",
    "member": "thành viên", "members": "thành viên", "members_present": "thành viên có mặt",
    "merged_into": "sáp nhập vào", "name": "tên", "nomination": "đề nghị", "nominee": "người, tập thể được đề nghị",
    "nominees": "người, tập thể được đề nghị", "number": "số", "number_text": "số, ký hiệu", "outcome": "kết quả",
    "override_reason": "lý do đề nghị", "overrides": "lý do đề nghị", "overwrite": "ghi đè", "parent": "gốc",
    "period": "kỳ", "person": "cá nhân", "place": "địa điểm", "planned": "kế hoạch", "points": "điểm",
    "position": "chức vụ", "prefix": "tiền tố", "present": "có mặt", "quorum_met": "đủ số thành viên dự họp",
    "recipient": "người, tập thể", "recover": "thu hồi", "regulation": "quy chế", "report_date": "ngày báo cáo",
    "results": "kết quả", "revokes": "hủy bỏ quyết định", "role": "vai trò", "round": "vòng",
    "self_total": "tự chấm", "signer": "người ký", "size": "dung lượng (byte)", "skipped": "bỏ qua",
    "sources": "các đơn vị sáp nhập", "start": "từ ngày", "start_date": "ngày bắt đầu", "status": "trạng thái",
    "target": "chỉ tiêu", "targets": "số chỉ tiêu", "term_end": "nhiệm kỳ đến", "term_start": "nhiệm kỳ từ",
    "theme": "chủ đề", "title": "tiêu đề", "total": "tổng số", "total_amount": "tổng tiền thưởng",
    "total_members": "tổng số thành viên", "unit": "đơn vị", "user": "người dùng", "value": "giá trị",
    "verdict": "kết quả xét điều kiện", "verdicts": "kết quả xét điều kiện", "working_days": "số ngày làm việc",
    "year": "năm", "issuer": "cơ quan ban hành",
}
MONEY_KEYS = {"total_amount", "amount"}
UNIT_ID_KEYS = {"unit", "merged_into", "sources"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def audit_record(*, actor, action: str, target, unit=None, data=None, reason: str = "") -> AuditEntry:
    entry = AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        unit=unit,
        data=data or {},
        reason=reason,
    )
    recorded.send(sender=AuditEntry, action=action, unit_ids={entry.unit_id})
    return entry


def audit_record_bulk(*, actor, action: str, entries, reason: str = "") -> int:
    """Many entries of one action at the speed of the database (COPY on PostgreSQL; bulk imports); entries are
    (target, unit_id, data) tuples, a target being a model instance or a light reference with ``audit_label`` (such
    as org.models.PersonRef). Same rows as audit_record, one per change."""
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    now = timezone.now()
    unit_ids = set()

    def rows():
        for target, unit_id, data in entries:
            unit_ids.add(unit_id)
            label = getattr(target, "audit_label", None) or target._meta.label_lower
            yield (actor_id, action, label, str(target.pk), str(target)[:300], unit_id,
                   data or {}, reason, now)

    count = insert_rows(AuditEntry, AUDIT_FIELDS, rows())
    if count:
        recorded.send(sender=AuditEntry, action=action, unit_ids=unit_ids)
    return count


AUDIT_FIELDS = ["actor_id", "action", "target_type", "target_id", "target_repr", "unit_id", "data", "reason",
                "created_at"]


def audit_for(target):
    return AuditEntry.objects.filter(
        target_type=target._meta.label_lower, target_id=str(target.pk)
    ).select_related("actor")


def action_label(code: str) -> str:
    return ACTION_LABELS.get(code, code)


@cache
def _choice_labels(model_label: str = "") -> dict:
    """{field name: {code: Vietnamese label}} from the models' choices: one model, or all of them."""
    models = [apps.get_model(model_label)] if model_label else apps.get_models()
    labels: dict = {}
    for model in models:
        for f in model._meta.concrete_fields:
            for value, label in f.flatchoices or ():
                labels.setdefault(f.name, {}).setdefault(str(value), str(label))
    return labels


def _code_label(key: str, value: str, target_type: str) -> str:
    if key == "award_code":
        return codes.name_vi(value)
    if key in ("verdict", "verdicts"):
        return codes.STATUSES.get(value, value)
    if key == "decider":
        return codes.DECIDERS.get(value, value)
    try:
        own = _choice_labels(target_type).get(key, {})
    except (LookupError, ValueError):
        own = {}
    every = _choice_labels()
    # "kind" may be recorded for a field named "recipient_kind" and the like.
    similar = [labels for name, labels in every.items() if name.endswith(f"_{key}")]
    for labels in [own, every.get(key, {}), *similar]:
        if value in labels:
            return labels[value]
    return value


def _value(key, value, target_type="") -> str:
    """A recorded value as the user reads it: dates dd/mm/yyyy, money in đồng, codes by name."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int) and key in MONEY_KEYS:
        return format_vnd(value)
    if isinstance(value, int) and key in UNIT_ID_KEYS:
        unit = apps.get_model("org", "Unit").objects.filter(pk=value).first()
        return unit.name if unit else str(value)
    if isinstance(value, list):
        return ", ".join(_value(key, v, target_type) for v in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{k} ({_pairs(v, target_type)})" if isinstance(v, dict) else f"{k}: {_value(key, v, target_type)}"
            for k, v in sorted(value.items())
        )
    if isinstance(value, str):
        if ISO_DATE.match(value):
            try:
                return format_date(dt.date.fromisoformat(value[:10]))
            except ValueError:
                return value
        return _code_label(key, value, target_type)
    return str(value)


def _pairs(data: dict, target_type: str) -> str:
    # Sorted: PostgreSQL's jsonb does not keep key order, and the page must read the same on both.
    return ", ".join(f"{FIELD_LABELS.get(k, k)}: {_value(k, v, target_type)}" for k, v in sorted(data.items()))


def _summary(data: dict, target_type: str = "") -> str:
    if not data:
        return ""
    if "old" in data and "new" in data:
        changes = [f"{FIELD_LABELS.get(k, k)}: {_value(k, data['old'].get(k), target_type)} → "
                   f"{_value(k, v, target_type)}" for k, v in sorted(data["new"].items())]
        rest = {k: v for k, v in data.items() if k not in ("old", "new")}
        return "; ".join(changes + ([_pairs(rest, target_type)] if rest else []))
    return _pairs(data, target_type)


def audit_rows(target) -> list[AuditEntry]:
    """Entries for an object's page, with a Vietnamese label and a one-line summary."""
    rows = list(audit_for(target)[:200])
    for row in rows:
        row.label = action_label(row.action)
        row.summary = _summary(row.data, row.target_type)
    return rows
