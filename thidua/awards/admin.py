"""Issued decisions and grants are legal records: the admin shows them and changes nothing
(NĐ 30/2020: an issued document is amended or cancelled only by a new document)."""

from django.contrib import admin

from thidua.core.admin import DoorAdmin, ReadOnlyAdmin

from . import services
from .models import Decision, DossierRequirement, Grant


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["number_text", "issuer", "issued_on", "kind", "summary"]
    list_filter = ["kind", "year"]


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin):
    list_display = ["display_name", "award_code", "year", "status", "golden_book_number"]
    list_filter = ["status", "award_code"]


@admin.register(DossierRequirement)
class DossierRequirementAdmin(DoorAdmin):
    """Provinces configure their checklist here (domain §7: lower-title dossiers are set locally),
    through dossier_requirement_set / _delete, audited."""

    list_display = ["award_code", "award_type", "doc_type", "required", "province"]
    list_filter = ["province", "doc_type"]
    fields = list(services.DOSSIER_FIELDS)
    raw_id_fields = ["province"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in (form.changed_data if change else services.DOSSIER_FIELDS)}
        saved = services.dossier_requirement_set(
            acting_user=request.user, requirement=DossierRequirement.objects.get(pk=obj.pk) if change else None,
            **data)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.dossier_requirement_delete(acting_user=request.user, requirement=obj)
