from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.audit.models import AuditEntry
from thidua.emulation import selectors, services
from thidua.emulation.models import Result


def test_it_reports_and_rolls_up_over_the_unit_tree(cast, org, movement):
    target = movement.targets.get()
    services.result_report(acting_user=cast.clerk, target=target, unit=org.binh_an, year=2024, value="40")
    services.result_report(acting_user=cast.clerk, target=target, unit=org.youth, year=2024, value="1.250")
    services.result_report(acting_user=cast.outsider, target=target, unit=org.other, year=2024, value="12,5")
    assert selectors.target_total(target, 2024) == Decimal("1302.5")
    assert selectors.target_total(target, 2024, under=org.binh_an) == Decimal("1290")
    parts = dict(selectors.rollup_by_child(target, 2024))
    assert parts[org.district] == Decimal("1302.5")
    entry = AuditEntry.objects.filter(action="result.reported").order_by("id").last()
    assert entry.data["new"]["value"] == "12.5" and entry.unit == org.other


def test_it_refuses_a_value_that_is_not_a_number(cast, org, movement):
    target = movement.targets.get()
    with pytest.raises(ValidationError) as exc:
        services.result_report(acting_user=cast.clerk, target=target, unit=org.binh_an, year=2024, value="mười")
    assert exc.value.messages == ["Giá trị “mười” không phải là số (ví dụ: 1250 hoặc 12,5)."]
    assert not Result.objects.exists() and not AuditEntry.objects.filter(action="result.reported").exists()


def test_it_refuses_a_report_for_another_unit(cast, org, movement):
    with pytest.raises(PermissionDenied):
        services.result_report(acting_user=cast.clerk, target=movement.targets.get(), unit=org.other, year=2024,
                               value="1")
    with pytest.raises(PermissionDenied):
        services.result_report(acting_user=cast.chairman, target=movement.targets.get(), unit=org.binh_an,
                               year=2024, value="1")
    assert not Result.objects.exists()


def test_it_refuses_mixing_year_and_quarter_reports(cast, org, movement):
    target = movement.targets.get()
    services.result_report(acting_user=cast.clerk, target=target, unit=org.binh_an, year=2024, value="1", period="Q1")
    with pytest.raises(ValidationError):
        services.result_report(acting_user=cast.clerk, target=target, unit=org.binh_an, year=2024, value="1")


def test_it_computes_attainment_17_of_21_with_8_exceeded(cast, org):
    m = services.movement_launch(acting_user=cast.clerk, launched_by=org.binh_an, year=2023, title="KT-XH 2023")
    plan = [("10", "12")] * 8 + [("10", "10")] * 8 + [("10", "8")] * 4
    for i, (p, actual) in enumerate(plan):
        t = services.target_add(acting_user=cast.clerk, movement=m, name=f"Chỉ tiêu {i}", planned_value=p)
        services.result_report(acting_user=cast.clerk, target=t, unit=org.binh_an, year=2023, value=actual)
    lower = services.target_add(acting_user=cast.clerk, movement=m, name="Tỷ lệ hộ nghèo", planned_value="2",
                                higher_is_better=False)
    services.result_report(acting_user=cast.clerk, target=lower, unit=org.binh_an, year=2023, value="2")
    att = selectors.attainment([m], 2023)
    assert att.summary == "17/21 chỉ tiêu hoàn thành, 8 vượt mức"
    review = services.review_create(acting_user=cast.clerk, unit=org.binh_an, movement=m, year=2023, kind="final",
                                    held_on=__import__("datetime").date(2024, 1, 12))
    from thidua.emulation.documents import review_docx

    assert review_docx(review)[:2] == b"PK"
