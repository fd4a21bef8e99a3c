"""Nominations are routed to the competent level by the rulebook's authority matrix (domain §5)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import at
from thidua.audit.models import AuditEntry
from thidua.awards import services
from thidua.org.models import Kind, Level
from thidua.org.services import unit_create


def _create(cast, unit, code, on=dt.date(2024, 3, 1), user=None):
    with at(on):
        return services.nomination_create(acting_user=user or cast.clerk, unit=unit, award_code=code, year=2023,
                                          title="Đề nghị")


def test_it_keeps_giay_khen_at_the_commune(cast, org):
    n = _create(cast, org.binh_an, "GIAY_KHEN")
    assert n.decider_unit == org.binh_an and n.decider_code == "commune_chairman"
    assert "Điều 80 khoản 3" in n.decider_citation


def test_it_sends_cstdcs_of_2024_to_the_district_and_of_late_2025_to_the_commune(cast, org):
    assert _create(cast, org.binh_an, "CSTDCS").decider_unit == org.district
    # NĐ 129/2025 Điều 59: from 01/07/2025 the commune chairman holds the former district power.
    assert _create(cast, org.binh_an, "CSTDCS", on=dt.date(2025, 8, 1)).decider_unit == org.binh_an


def test_it_skips_the_district_for_a_provincial_title(cast, org):
    n = _create(cast, org.binh_an, "CSTD_TINH")
    assert n.decider_unit == org.province and n.decider_code == "province_chairman"
    audit = AuditEntry.objects.get(action="nomination.created")
    assert audit.data["decider_unit"] == "Tỉnh Quảng Ngãi" and audit.data["decider"] == "province_chairman"


def test_it_sends_a_department_proposal_for_bang_khen_to_the_province(cast, org, make_user):
    dept = unit_create(acting_user=None, code="QNG-SNV", name="Sở Nội vụ tỉnh Quảng Ngãi", level=Level.PROVINCE,
                       kind=Kind.DEPARTMENT, parent=org.province)
    clerk = make_user("sonv", dept, ["clerk"])
    assert _create(cast, dept, "BK_TINH", user=clerk).decider_unit == org.province
    assert _create(cast, dept, "GIAY_KHEN", user=clerk).decider_unit == dept  # the department head (Đ80 k1)


def test_it_sends_orders_to_the_president_through_the_prime_minister(cast, org):
    ctn = unit_create(acting_user=None, code="CTN", name="Chủ tịch nước", level=Level.CENTRAL, kind=Kind.GOVERNMENT)
    n = _create(cast, org.binh_an, "HCLD_2")
    assert n.decider_unit == ctn and n.decider_code == "president" and n.proposed_via == "prime_minister"


def test_it_refuses_an_order_when_the_presidents_unit_is_missing(cast, org):
    with pytest.raises(ValidationError, match="Chủ tịch nước"):
        _create(cast, org.binh_an, "HCLD_2")


def test_it_refuses_a_decider_the_law_does_not_name(cast, org):
    with pytest.raises(ValidationError, match="không phải cấp có thẩm quyền"):
        services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="BK_TINH", year=2023,
                                   title="Đề nghị", decider_unit=org.binh_an)
    assert not AuditEntry.objects.filter(action="nomination.created").exists()


def test_it_lets_the_province_see_and_approve_a_routed_nomination(cast, org, people, client):
    from tests.conftest import OVERRIDE_REASON, council_met
    from thidua.accounts.services import role_assign

    n = _create(cast, org.binh_an, "CSTD_TINH")
    with at(dt.date(2024, 3, 1)):
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X",
                                      override_reason=OVERRIDE_REASON)
    client.force_login(cast.province_officer)
    page = client.get(f"/khen-thuong/de-nghi/{n.pk}/")
    assert page.status_code == 200 and "Chủ tịch Ủy ban nhân dân cấp tỉnh" in page.content.decode()
    role_assign(user=cast.province_officer, role_code="head", unit=org.province)
    # The commune chairman cannot approve what the province decides.
    n.status = "submitted"
    n.save()
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.nomination_approve(otp_verified=True, nomination=n, acting_user=cast.chairman)
    council_met(n, cast.province_officer)
    services.nomination_approve(otp_verified=True, nomination=n, acting_user=cast.province_officer)
    n.refresh_from_db()
    assert n.status == "approved"


def test_it_refuses_issuing_after_the_power_lapsed(cast, org, people):
    from tests.conftest import OVERRIDE_REASON

    # A district decision prepared in June 2025 cannot be issued once districts are gone (NĐ 129/2025).
    n = _create(cast, org.binh_an, "CSTDCS", on=dt.date(2025, 6, 2))
    from thidua.accounts.services import role_assign

    role_assign(user=cast.province_officer, role_code="head", unit=org.province)
    with at(dt.date(2025, 6, 2)):
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="X",
                                      override_reason=OVERRIDE_REASON)
        n.status = "approved"
        n.save()
    with pytest.raises(ValidationError, match="không có thẩm quyền"):
        services.decision_issue(otp_verified=True, nomination=n, acting_user=cast.province_officer, issued_on=dt.date(2025, 7, 2))
