import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.audit.models import AuditEntry
from thidua.emulation import services
from thidua.emulation.models import Movement, MovementContent
from thidua.emulation.ordinals import ordinal_label


def test_it_launches_a_movement_with_numbered_contents_and_audit(cast, org):
    m = services.movement_launch(acting_user=cast.clerk, launched_by=org.binh_an, year=2024, title="Bình An 2024",
                                 contents=["a", "", "b"], theme="Đoàn kết")
    assert [c.label for c in m.contents.all()] == ["Một là", "Hai là"]
    assert AuditEntry.objects.filter(action="movement.launched", target_id=str(m.pk)).exists()


def test_it_renders_thu_nhat_style():
    assert [ordinal_label(i, "thu_nhat") for i in (1, 2, 4, 6)] == ["Thứ nhất", "Thứ hai", "Thứ tư", "Thứ sáu"]
    assert ordinal_label(5) == "Năm là"


def test_it_refuses_a_launch_by_the_wrong_role_or_unit(cast, org):
    with pytest.raises(PermissionDenied):
        services.movement_launch(acting_user=cast.chairman, launched_by=org.binh_an, year=2024, title="X")
    with pytest.raises(PermissionDenied):
        services.movement_launch(acting_user=cast.outsider, launched_by=org.binh_an, year=2024, title="X")
    assert not Movement.objects.exists()


def test_it_flags_long_thematic_movements_for_the_flag(cast, org):
    m = services.movement_launch(acting_user=cast.province_officer, launched_by=org.province, year=2021,
                                 kind="thematic", title="CCHC 2021-2025", start_date=dt.date(2021, 1, 1),
                                 end_date=dt.date(2025, 12, 31))
    assert m.duration_years == 5 and "Cờ thi đua cấp tỉnh" in m.flag_note


def test_it_refuses_a_thematic_movement_without_dates(cast, org):
    with pytest.raises(ValidationError):
        services.movement_launch(acting_user=cast.clerk, launched_by=org.binh_an, year=2024, title="X",
                                 kind="thematic")


def test_it_cascades_an_adoption_with_own_targets(cast, org, movement):
    adopted = services.movement_adopt(acting_user=cast.clerk, movement=movement, unit=org.binh_an)
    assert adopted.parent == movement and adopted.launched_by == org.binh_an
    services.target_add(acting_user=cast.clerk, movement=adopted, name="Đường bê tông", measure="km",
                        planned_value="2,5")
    assert str(adopted.targets.get().planned_value) == "2.50"
    assert AuditEntry.objects.filter(action="movement.adopted", target_id=str(adopted.pk)).exists()
    with pytest.raises(ValidationError):
        services.movement_adopt(acting_user=cast.clerk, movement=movement, unit=org.binh_an)


def test_it_refuses_adoption_by_another_unit_or_upwards(cast, org, movement):
    with pytest.raises(PermissionDenied):
        services.movement_adopt(acting_user=cast.outsider, movement=movement, unit=org.binh_an)
    with pytest.raises(ValidationError):
        services.movement_adopt(acting_user=cast.province_officer, movement=movement, unit=org.province)
    assert movement.adoptions.count() == 0


def test_it_refuses_a_bad_upload(cast, org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("virus.exe", b"MZ")
    with pytest.raises(ValidationError) as exc:
        services.movement_launch(acting_user=cast.clerk, launched_by=org.binh_an, year=2024, title="X", document=bad)
    assert "định dạng" in exc.value.messages[0]
    assert not Movement.objects.exists() and not MovementContent.objects.exists()
