from django.contrib import admin

from thidua.core.admin import DoorAdmin, ReadOnlyAdmin

from . import services
from .models import Role, RoleAssignment


@admin.register(Role)
class RoleAdmin(ReadOnlyAdmin):
    """Roles and their capabilities are data seeded by migration (accounts.roles.DEFAULT_ROLES)."""

    list_display = ["name", "code", "capabilities"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(DoorAdmin):
    """Assign or withdraw a role through role_assign / role_revoke, audited; an assignment is never
    edited in place (withdraw it and assign the new one)."""

    list_display = ["user", "role", "unit", "include_descendants"]
    list_filter = ["role"]
    search_fields = ["user__username", "unit__name"]
    fields = ["user", "role", "unit", "include_descendants"]
    raw_id_fields = ["user", "unit"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        made = services.role_assign(user=data["user"], role_code=data["role"].code, unit=data["unit"],
                                    include_descendants=data["include_descendants"], acting_user=request.user)
        obj.pk = made.pk

    def delete_model(self, request, obj):
        services.role_revoke(assignment=obj, acting_user=request.user)
