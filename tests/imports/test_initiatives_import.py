from tests.imports.conftest import batch_of, commit, errors_of
from thidua.audit.models import AuditEntry
from thidua.org.models import Initiative


def test_it_records_initiatives_with_tolerant_kinds_and_scopes(upload, clerk_client, people, cast):
    van, duyen = people.van, people.duyen
    Initiative.objects.create(person=duyen, title="Sổ tay đoàn viên điện tử", year=2024, scope="unit")
    batch = batch_of(upload("initiatives", [
        {"person_id": str(van.pk), "title": "Số hóa hồ sơ một cửa cấp xã", "year": "2025", "scope": "Cấp cơ sở"},
        {"person_id": str(van.pk), "title": "Bản đồ số nông thôn mới", "initiative_kind": "Đề tài", "year": "2024",
         "scope": "tỉnh"},
        {"person_id": str(duyen.pk), "title": "Sổ tay đoàn viên điện tử", "year": "2024", "scope": "Cấp cơ sở"},
        {"person_id": str(duyen.pk), "title": "", "year": "2024", "scope": "Toàn quốc"},
        {"person_id": str(duyen.pk), "title": "Câu lạc bộ kỹ năng", "year": "2024", "scope": "Thế giới",
         "initiative_kind": "Bài báo"},
        {"person_id": str(van.pk), "title": "so hoa ho so mot cua cap xa", "year": "2025", "scope": "Cấp cơ sở"},
    ]))
    assert errors_of(batch) == {
        "4": ["Dòng 4: 'Nguyễn Thị Mỹ Duyên' đã có sáng kiến, đề tài 'Sổ tay đoàn viên điện tử' năm 2024"],
        "5": ["Dòng 5: Thiếu Tên sáng kiến, đề tài"],
        "6": ["Dòng 6: Loại 'Bài báo' không hợp lệ (Sáng kiến hoặc Đề tài nghiên cứu khoa học)",
              "Dòng 6: Phạm vi 'Thế giới' không hợp lệ (Cấp cơ sở, Cấp tỉnh/bộ hoặc Toàn quốc)"],
        "7": ["Dòng 7: Trùng với dòng 2 trong tệp (cùng cá nhân, tên và năm)"],
    }
    commit(clerk_client, batch)
    assert Initiative.objects.count() == 1
    commit(clerk_client, batch, only_valid=True)
    got = set(Initiative.objects.filter(person=van).values_list("title", "kind", "year", "scope"))
    assert got == {("Số hóa hồ sơ một cửa cấp xã", "initiative", 2025, "unit"),
                   ("Bản đồ số nông thôn mới", "research", 2024, "province")}
    assert AuditEntry.objects.filter(action="initiative.recorded", target_id=str(van.pk), actor=cast.clerk).count() == 2
