"""Organisation write pages: a role without org.manage gets 403; another commune's units are refused."""

import pytest
from django.urls import reverse

from thidua.org.models import Person, Unit


@pytest.mark.parametrize("who", ["chairman", "council_member"])
@pytest.mark.parametrize("name", ["org:person-create", "org:unit-create", "org:unit-merge"])
def test_it_forbids_org_writes_to_roles_without_org_manage(client, cast, org, who, name):
    client.force_login(getattr(cast, who))
    assert client.get(reverse(name)).status_code == 403
    response = client.post(reverse(name), {"full_name": "X", "gender": "male", "unit": org.binh_an.pk,
                                           "start_date": "01/01/2020", "name": "X", "code": "X-9",
                                           "level": "grassroots", "kind": "other", "parent": org.binh_an.pk})
    assert response.status_code == 403
    assert not Person.objects.filter(full_name="X").exists() and not Unit.objects.filter(code="X-9").exists()


def test_it_refuses_a_new_unit_under_another_commune(client, cast, org):
    client.force_login(cast.clerk)
    response = client.post(reverse("org:unit-create"), {
        "name": "Chi hội mới", "code": "BTI-CH", "level": "grassroots", "kind": "mass_org", "parent": org.other.pk})
    assert response.status_code == 200
    assert not Unit.objects.filter(code="BTI-CH").exists()


def test_it_creates_a_sub_unit_with_its_path_and_audit(client, cast, org):
    from thidua.audit.models import AuditEntry

    client.force_login(cast.clerk)
    response = client.post(reverse("org:unit-create"), {
        "name": "Chi hội Phụ nữ thôn An Châu", "code": "BAN-PN-1", "level": "grassroots", "kind": "mass_org",
        "parent": org.binh_an.pk})
    unit = Unit.objects.get(code="BAN-PN-1")
    assert response.status_code == 302 and unit.path == f"{org.binh_an.path}{unit.pk}/"
    assert AuditEntry.objects.filter(action="unit.created", target_id=str(unit.pk), actor=cast.clerk).exists()
