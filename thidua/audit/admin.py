from django.contrib import admin

from thidua.core.admin import ReadOnlyAdmin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Read-only: the audit trail is written by the doors and never edited."""

    list_display = ["created_at", "actor", "action", "target_type", "target_repr", "unit"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_repr", "actor__username"]
