"""Issued decisions and grants are legal records: the admin shows them and changes nothing
(NĐ 30/2020: an issued document is amended or cancelled only by a new document)."""

from django.contrib import admin

from .models import Decision, DossierRequirement, Grant


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["number_text", "issuer", "issued_on", "kind", "summary"]
    list_filter = ["kind", "year"]


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin):
    list_display = ["display_name", "award_code", "year", "status", "golden_book_number"]
    list_filter = ["status", "award_code"]


@admin.register(DossierRequirement)
class DossierRequirementAdmin(admin.ModelAdmin):
    """Provinces configure their checklist here (domain §7: lower-title dossiers are set locally)."""

    list_display = ["award_code", "award_type", "doc_type", "required", "province"]
    list_filter = ["province", "doc_type"]
