"""The Django admin is a window on the data, not a second door (architecture.md, Habit 1).

Every domain model's admin derives from ``ReadOnlyAdmin``: it shows rows and writes none. Where an
administrator must be able to change something (fix a unit's name or parent, move an employment,
assign a role), the admin says so by overriding ``save_model``/``delete_model`` with a call to the
door, which checks the rule and writes the audit entry; ``tests/core/test_admin_doors.py`` walks the
registry and fails on any operation that is allowed without one."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError

ERR_NO_DOOR = "Dữ liệu này chỉ được thay đổi qua chức năng nghiệp vụ của hệ thống, không sửa trực tiếp."


class ReadOnlyAdmin(admin.ModelAdmin):
    actions = None  # no bulk "delete selected": it would go around every door

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    # Belt and braces: even if a permission above were widened by mistake, nothing is written here.
    def save_model(self, request, obj, form, change):
        raise PermissionDenied(ERR_NO_DOOR)

    def delete_model(self, request, obj):
        raise PermissionDenied(ERR_NO_DOOR)

    def delete_queryset(self, request, queryset):
        raise PermissionDenied(ERR_NO_DOOR)

    def save_related(self, request, form, formsets, change):
        """Many-to-many and inlines are saved by the door with the row, never by the admin."""


class DoorAdmin(ReadOnlyAdmin):
    """An admin whose allowed writes call doors. A refused rule comes back on the form as the door's
    Vietnamese message instead of a server error."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:
            for msg in exc.messages:
                self.message_user(request, msg, messages.ERROR)
            return self.response_post_save_change(request, None)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except ValidationError as exc:
            for msg in exc.messages:
                self.message_user(request, msg, messages.ERROR)
            return self.response_post_save_change(request, None)
