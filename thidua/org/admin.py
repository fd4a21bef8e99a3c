from django.contrib import admin

from .models import Employment, Household, Person, Unit, UnitMerger


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "kind"]
    search_fields = ["name", "code", "search_text"]
    readonly_fields = ["path", "merged_into", "search_text"]

    def has_add_permission(self, request):
        return False  # units are created through the org pages (audited doors)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "gender", "date_of_birth", "current_unit", "current_position"]
    search_fields = ["full_name", "search_text"]
    readonly_fields = ["current_unit", "current_position", "search_text"]
    raw_id_fields = ["household", "user"]


admin.site.register(Employment)
admin.site.register(Household)
admin.site.register(UnitMerger)
