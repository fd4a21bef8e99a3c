"""The Django admin is no second door: every write it allows calls the domain door (audited), and
every other write is refused. Copy of the shape in accounts/access + org/services tests."""

import datetime as dt

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from tests.conftest import otp_verified
from thidua.accounts.access import can
from thidua.accounts.models import Capability, Role, RoleAssignment
from thidua.audit.models import AuditEntry
from thidua.awards.models import DossierRequirement
from thidua.core.admin import ReadOnlyAdmin
from thidua.org.models import Employment, Person, Unit
from thidua.org.selectors import person_list_for
from thidua.org.services import unit_create

# What a write in the admin calls, per operation: add and change save, delete deletes.
WRITE_METHOD = {"add": "save_model", "change": "save_model", "delete": "delete_model"}


@pytest.fixture
def root(django_user_model, db):
    return django_user_model.objects.create_superuser("root", password="x-Mat-khau-9")


@pytest.fixture
def admin_client(client, root):
    return otp_verified(client, root)


def _permitted(model_admin, request):
    return {
        "add": model_admin.has_add_permission(request),
        "change": model_admin.has_change_permission(request),
        "delete": model_admin.has_delete_permission(request),
    }


def test_it_lets_no_domain_model_be_written_without_a_door(root):
    request = RequestFactory().get("/")
    request.user = root
    ours = {m: ma for m, ma in admin.site._registry.items() if m.__module__.startswith("thidua.")}
    assert {Unit, Person, Employment, RoleAssignment, DossierRequirement} <= set(ours)
    for model, model_admin in ours.items():
        assert isinstance(model_admin, ReadOnlyAdmin), model
        assert not model_admin.get_actions(request), model  # no bulk delete around the doors
        for op, allowed in _permitted(model_admin, request).items():
            if allowed:
                method = WRITE_METHOD[op]
                assert getattr(type(model_admin), method) is not getattr(ReadOnlyAdmin, method), (model, op)


def test_it_refuses_a_write_the_admin_has_no_door_for(admin_client, cast, org):
    from thidua.accounts.models import Role

    role = Role.objects.get(code="clerk")
    response = admin_client.post(reverse("admin:accounts_role_change", args=[role.pk]),
                                 {"name": "Đổi tên", "code": "clerk", "capabilities": "[]"})
    assert response.status_code == 403
    role.refresh_from_db()
    assert role.name != "Đổi tên"


def test_it_moves_a_unit_to_another_parent_through_the_door(admin_client, cast, org):
    village = unit_create(acting_user=None, code="BAN-T1", name="Thôn 1", level="village", kind="village",
                          parent=org.youth)
    response = admin_client.post(reverse("admin:org_unit_change", args=[org.youth.pk]),
                                 {"name": "Đoàn TN xã Ba Tiêu", "parent": org.other.pk})
    assert response.status_code == 302
    org.youth.refresh_from_db()
    village.refresh_from_db()
    assert org.youth.name == "Đoàn TN xã Ba Tiêu" and org.youth.path.startswith(org.other.path)
    assert village.path.startswith(org.youth.path)  # the subtree follows
    entry = AuditEntry.objects.get(action="unit.updated", target_id=str(org.youth.pk))
    assert entry.actor.username == "root" and entry.data["new"]["name"] == "Đoàn TN xã Ba Tiêu"
    # Scoping follows the new path: Ba Tiêu's clerk now reaches it, Bình An's no longer does.
    assert can(cast.outsider, Capability.VIEW, village) and not can(cast.clerk, Capability.VIEW, village)


def test_it_refuses_a_parent_inside_the_unit_and_changes_nothing(admin_client, org):
    before = Unit.objects.get(pk=org.binh_an.pk).path
    response = admin_client.post(reverse("admin:org_unit_change", args=[org.binh_an.pk]),
                                 {"name": org.binh_an.name, "parent": org.youth.pk}, follow=True)
    assert "không thể là chính đơn vị này hoặc một đơn vị trực thuộc" in response.content.decode()
    assert Unit.objects.get(pk=org.binh_an.pk).path == before
    assert not AuditEntry.objects.filter(action="unit.updated").exists()


def test_it_moves_an_employment_and_keeps_scoping_right(admin_client, cast, org, people):
    response = admin_client.post(reverse("admin:org_employment_add"), {
        "person": people.van.pk, "unit": org.other.pk, "position": "Công chức", "start_date": "01/03/2025"})
    assert response.status_code == 302
    van = Person.objects.get(pk=people.van.pk)
    assert van.current_unit == org.other
    old = van.employments.get(unit=org.binh_an)
    assert old.end_date == dt.date(2025, 2, 28)
    assert AuditEntry.objects.filter(action="employment.started", target_id=str(van.pk), actor__username="root")
    assert person_list_for(cast.outsider).filter(pk=van.pk).exists()
    assert not person_list_for(cast.clerk).filter(pk=van.pk).exists()


def test_it_edits_a_person_through_the_door(admin_client, people):
    admin_client.post(reverse("admin:org_person_change", args=[people.luc.pk]),
                      {"full_name": "Đinh Văn Lục", "gender": "male", "date_of_birth": "01/05/1985"})
    luc = Person.objects.get(pk=people.luc.pk)
    assert luc.full_name == "Đinh Văn Lục" and "dinh van luc" in luc.search_text
    assert AuditEntry.objects.filter(action="person.updated", target_id=str(luc.pk)).exists()


def test_it_assigns_and_withdraws_a_role_through_the_doors(admin_client, org, make_user):
    user = make_user("newclerk")
    assert not can(user, Capability.VIEW, org.binh_an)
    role = Role.objects.get(code="clerk")
    response = admin_client.post(reverse("admin:accounts_roleassignment_add"), {
        "user": user.pk, "role": role.pk, "unit": org.binh_an.pk, "include_descendants": "on"})
    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(user=user)
    assert AuditEntry.objects.filter(action="role.assigned", actor__username="root", unit=org.binh_an).exists()
    user = type(user).objects.get(pk=user.pk)
    assert can(user, Capability.NOMINATION_MANAGE, org.youth)
    response = admin_client.post(reverse("admin:accounts_roleassignment_delete", args=[assignment.pk]),
                                 {"post": "yes"})
    assert response.status_code == 302 and not RoleAssignment.objects.filter(user=user).exists()
    assert AuditEntry.objects.filter(action="role.revoked", actor__username="root").exists()
    user = type(user).objects.get(pk=user.pk)
    assert not can(user, Capability.VIEW, org.binh_an)


def test_it_configures_the_dossier_checklist_through_the_door(admin_client, org):
    response = admin_client.post(reverse("admin:awards_dossierrequirement_add"), {
        "province": org.province.pk, "award_code": "GIAY_KHEN", "award_type": "", "doc_type": "to_trinh",
        "required": "on", "note": "Quyết định của UBND tỉnh"})
    assert response.status_code == 302
    requirement = DossierRequirement.objects.get(province=org.province)
    assert requirement.required and AuditEntry.objects.filter(action="dossier_requirement.set").exists()
