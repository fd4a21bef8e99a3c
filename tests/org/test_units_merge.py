"""The 2025 reform: communes merge into one from 01/07/2025; history must survive."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.audit.models import AuditEntry
from thidua.awards.selectors import award_history_for_person, award_history_for_unit
from thidua.org.models import Unit
from thidua.org.services import units_merge

REFORM = dt.date(2025, 7, 1)


def merge(org, user=None):
    return units_merge(sources=[org.binh_an, org.other], acting_user=user, effective_date=REFORM,
                       legal_basis="Nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025",
                       name="Xã Bình An Mới", code="BAN-2025", level="commune", kind="ubnd",
                       parent=org.province, place_name="Bình An")


def test_it_closes_the_old_units_the_day_before_and_opens_the_new_one(org, cast):
    new = merge(org, cast.province_officer)
    org.binh_an.refresh_from_db()
    org.other.refresh_from_db()
    assert new.valid_from == REFORM and new.parent == org.province
    assert org.binh_an.valid_to == dt.date(2025, 6, 30) and org.binh_an.merged_into == new
    assert org.other.valid_to == dt.date(2025, 6, 30) and org.other.merged_into == new
    assert AuditEntry.objects.filter(action="unit.merged", target_id=str(new.pk)).get().actor == cast.province_officer


def test_it_moves_sub_units_and_open_employments_to_the_new_unit(org, people):
    new = merge(org)
    org.youth.refresh_from_db()
    people.van.refresh_from_db()
    assert org.youth.parent == new and org.youth.path.startswith(new.path)
    assert people.van.current_unit == new
    old, current = sorted(people.van.employments.all(), key=lambda e: e.start_date)
    assert old.unit == org.binh_an and old.end_date == dt.date(2025, 6, 30)
    assert current.unit == new and current.start_date == REFORM
    # A sub-unit's staff stay in their sub-unit, which moved with its commune.
    people.duyen.refresh_from_db()
    assert people.duyen.current_unit == org.youth


def test_it_keeps_award_history_visible_from_the_new_unit(issued_decision, org, people):
    from thidua.awards.models import Grant

    grant = Grant.objects.get(recipient_kind="collective")
    grant.recipient_unit = org.binh_an  # a collective award to the commune itself
    grant.save(update_fields=["recipient_unit"])
    new = merge(org)
    assert grant in award_history_for_unit(new)
    assert [g.award_code for g in award_history_for_person(people.van)] == ["GIAY_KHEN"]


def test_it_lets_the_province_clerk_merge_through_the_page(client, cast, org):
    client.force_login(cast.province_officer)
    response = client.post(reverse("org:unit-merge"), {
        "sources": [org.binh_an.pk, org.other.pk], "name": "Xã Bình An Mới", "code": "BAN-2025",
        "place_name": "Bình An", "effective_date": "01/07/2025", "legal_basis": "Nghị quyết 2025"})
    new = Unit.objects.get(code="BAN-2025")
    assert response.status_code == 302 and new.parent == org.district


@pytest.mark.parametrize("who", ["clerk", "outsider"])
def test_it_refuses_a_merge_by_a_commune_clerk_of_units_beyond_their_reach(client, cast, org, who):
    client.force_login(getattr(cast, who))
    response = client.post(reverse("org:unit-merge"), {
        "sources": [org.binh_an.pk, org.other.pk], "name": "X", "code": "X-1", "effective_date": "01/07/2025"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Có đơn vị không thuộc phạm vi quản lý của bạn" in body or "phải cùng một đơn vị cấp trên" in body
    assert not Unit.objects.filter(code="X-1").exists()
    org.binh_an.refresh_from_db()
    assert org.binh_an.valid_to is None


def test_it_refuses_a_merge_of_a_single_unit(org):
    with pytest.raises(ValidationError, match="ít nhất hai"):
        units_merge(sources=[org.binh_an], acting_user=None, effective_date=REFORM, name="X", code="X",
                    level="commune", kind="ubnd", parent=org.province)
    assert not Unit.objects.filter(code="X").exists()


def test_it_refuses_to_merge_a_unit_that_already_closed(org):
    merge(org)
    org.binh_an.refresh_from_db()
    with pytest.raises(ValidationError, match="đã kết thúc"):
        units_merge(sources=[org.binh_an, org.district], acting_user=None, effective_date=dt.date(2026, 1, 1),
                    name="Y", code="Y", level="commune", kind="ubnd", parent=org.province)
    assert not Unit.objects.filter(code="Y").exists()
