"""The one way to write an audit entry; doors call it inside their transaction."""

from .models import AuditEntry

ACTION_LABELS = {
    "unit.created": "Tạo đơn vị",
    "unit.updated": "Sửa đơn vị",
    "unit.merged": "Sáp nhập đơn vị",
    "unit.closed": "Giải thể / kết thúc đơn vị",
    "person.created": "Thêm cá nhân",
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
    "grant.created": "Ghi nhận khen thưởng",
    "grant.revoked": "Hủy bỏ khen thưởng",
    "api_token.created": "Tạo token API",
    "api_token.revoked": "Thu hồi token API",
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
