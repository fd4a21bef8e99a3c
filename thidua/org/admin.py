from django.contrib import admin

from thidua.core.admin import DoorAdmin, ReadOnlyAdmin

from . import services
from .models import Employment, Household, Person, Unit, UnitMerger


class CorrectionAdmin(DoorAdmin):
    """A change form whose changed fields go to one door, ``correct(obj, acting_user, **changed)``."""

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        changed = {name: form.cleaned_data[name] for name in form.changed_data}
        if changed:
            self.correct(self.model.objects.get(pk=obj.pk), request.user, **changed)


@admin.register(Unit)
class UnitAdmin(CorrectionAdmin):
    """Fix a unit's name or parent: unit_update keeps the materialised path of the whole subtree
    (which every scope reads) and audits. Units are created and merged on the org pages."""

    list_display = ["name", "code", "level", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "kind"]
    search_fields = ["name", "code", "search_text"]
    fields = ["name", "parent", "code", "level", "kind", "path", "valid_from", "valid_to", "merged_into"]
    readonly_fields = ["code", "level", "kind", "path", "valid_from", "valid_to", "merged_into"]
    raw_id_fields = ["parent"]

    def correct(self, unit, acting_user, **changed):
        services.unit_update(unit=unit, acting_user=acting_user, **changed)


@admin.register(Person)
class PersonAdmin(CorrectionAdmin):
    """Correct a person's name or birth data through person_update (which keeps search_text)."""

    list_display = ["full_name", "gender", "date_of_birth", "current_unit", "current_position"]
    search_fields = ["full_name", "search_text"]
    fields = ["full_name", "gender", "date_of_birth", "current_unit", "current_position", "user"]
    readonly_fields = ["current_unit", "current_position", "user"]

    def correct(self, person, acting_user, **changed):
        services.person_update(person=person, acting_user=acting_user, **changed)


@admin.register(Employment)
class EmploymentAdmin(DoorAdmin):
    """Adding an employment moves the person: employment_move ends the open one the day before and
    sets Person.current_unit, which scoping relies on. Past employments are history: never edited."""

    list_display = ["person", "unit", "position", "start_date", "end_date"]
    search_fields = ["person__full_name", "unit__name"]
    fields = ["person", "unit", "position", "start_date"]
    raw_id_fields = ["person", "unit"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        moved = services.employment_move(person=data["person"], unit=data["unit"], position=data["position"],
                                         start_date=data["start_date"], acting_user=request.user)
        obj.pk = moved.pk  # the admin's "added" message and redirect name the row the door wrote


@admin.register(Household)
class HouseholdAdmin(ReadOnlyAdmin):
    list_display = ["head_name", "unit", "address"]
    search_fields = ["head_name", "search_text"]


@admin.register(UnitMerger)
class UnitMergerAdmin(ReadOnlyAdmin):
    list_display = ["new_unit", "effective_date", "legal_basis"]
