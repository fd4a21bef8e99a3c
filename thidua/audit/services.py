"""The one way to write an audit entry; doors call it inside their transaction."""

from .models import AuditEntry

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
    "nomination.created": "Tạo đề nghị khen thưởng",
    "nomination.updated": "Sửa đề nghị khen thưởng",
    "nomination.entry_added": "Thêm người/tập thể vào đề nghị",
    "nomination.entry_removed": "Bỏ người/tập thể khỏi đề nghị",
    "nomination.submitted": "Trình đề nghị",
    "nomination.approved": "Phê duyệt đề nghị",
    "nomination.returned": "Trả lại đề nghị",
    "decision.issued": "Ban hành quyết định",
    "nomination.entry_override": "Ghi lý do đề nghị ngoài kết quả xét điều kiện",
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
    "disclosure.opened": "Công khai danh sách đề nghị",
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
}


def audit_record(*, actor, action: str, target, unit=None, data=None, reason: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        unit=unit,
        data=data or {},
        reason=reason,
    )


def audit_record_bulk(*, actor, action: str, entries, reason: str = "") -> int:
    """Many entries of one action in a few INSERTs (bulk imports); entries are
    (target, unit_id, data) tuples. Same rows as audit_record, one per change."""
    actor = actor if getattr(actor, "is_authenticated", False) else None
    rows = [
        AuditEntry(actor=actor, action=action, target_type=target._meta.label_lower, target_id=str(target.pk),
                   target_repr=str(target)[:300], unit_id=unit_id, data=data or {}, reason=reason)
        for target, unit_id, data in entries
    ]
    AuditEntry.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def audit_for(target):
    return AuditEntry.objects.filter(
        target_type=target._meta.label_lower, target_id=str(target.pk)
    ).select_related("actor")


def action_label(code: str) -> str:
    return ACTION_LABELS.get(code, code)


def _summary(data: dict) -> str:
    if not data:
        return ""
    if "old" in data and "new" in data:
        parts = [f"{k}: {data['old'].get(k, '')} → {v}" for k, v in data["new"].items()]
        return "; ".join(parts)
    return "; ".join(f"{k}: {v}" for k, v in data.items())


def audit_rows(target) -> list[AuditEntry]:
    """Entries for an object's page, with a Vietnamese label and a one-line summary."""
    rows = list(audit_for(target)[:200])
    for row in rows:
        row.label = action_label(row.action)
        row.summary = _summary(row.data)
    return rows
