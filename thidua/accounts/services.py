from django.db import transaction

from thidua.audit.services import audit_record

from .models import Role, RoleAssignment
from .roles import DEFAULT_ROLES


@transaction.atomic
def role_assign(*, user, role_code: str, unit, acting_user=None, include_descendants: bool = True) -> RoleAssignment:
    role = Role.objects.filter(code=role_code).first()
    if role is None and role_code in DEFAULT_ROLES:
        # The defaults are seeded by a migration; a flushed test database may have lost them.
        name, caps = DEFAULT_ROLES[role_code]
        role = Role.objects.create(code=role_code, name=name, capabilities=caps)
    elif role is None:
        raise Role.DoesNotExist(role_code)
    assignment, _ = RoleAssignment.objects.get_or_create(
        user=user, role=role, unit=unit, defaults={"include_descendants": include_descendants}
    )
    user.__dict__.pop("_thidua_reach", None)
    audit_record(actor=acting_user, action="role.assigned", target=user, unit=unit,
                 data={"role": role_code, "unit": unit.pk})
    return assignment


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment, acting_user=None) -> None:
    assignment = RoleAssignment.objects.select_related("role", "unit", "user").get(pk=assignment.pk)
    user, unit, role_code = assignment.user, assignment.unit, assignment.role.code
    assignment.delete()
    user.__dict__.pop("_thidua_reach", None)
    audit_record(actor=acting_user, action="role.revoked", target=user, unit=unit,
                 data={"role": role_code, "unit": unit.pk})
