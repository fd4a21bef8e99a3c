"""The award history an office brings (issue 12, item 1): past decisions and their grants imported from Excel,
their numbers taken as given and never drawn again, counted by the rulebook at once; the same file twice writes
nothing the second time and says so."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.imports.conftest import batch_of, commit, errors_of, flash
from thidua.audit.models import AuditEntry
from thidua.awards.models import Decision, DecisionSource, Grant
from thidua.awards.paper import PaperDecision, PaperGrant, paper_decisions_record
from thidua.awards.services import counter_next


def _rows(people, org):
    dob = "01/05/1985"
    return [
        # Two grants of one paper decision of the commune: a person by name, birth date and unit; a collective.
        {"decision_number": "15/QĐ-UBND", "decision_date": "20/01/2023", "issuer": "Xã Bình An", "award": "Giấy khen",
         "full_name": "Nguyễn Thanh Văn", "date_of_birth": dob, "unit_name": "Xã Bình An", "year": "2022",
         "amount": "500.000"},
        {"decision_number": "15/QĐ-UBND", "decision_date": "20/01/2023", "issuer": "xa binh an", "award": "Giấy khen",
         "recipient_kind": "Tập thể", "unit_code": "BAN-DTN", "year": "2022", "amount": "1.000.000"},
        # The province's Bằng khen (an issuer above the clerk's reach), the person by "Mã cá nhân".
        {"decision_number": "1234/QĐ-UBND", "decision_date": "05/03/2024", "issuer": "QNG",
         "award": "Bằng khen UBND tỉnh", "person_id": str(people.duyen.pk), "year": "2023", "golden_book": "88/2024"},
    ]


def test_history_rows_become_paper_decisions_after_the_preview(upload, clerk_client, people, org, cast):
    bad = [
        {"decision_number": "16/QĐ-UBND", "decision_date": "20/01/2023", "issuer": "Xã Bình An",
         "award": "Huy chương vàng", "person_id": str(people.van.pk), "year": "2022"},
        {"decision_number": "17", "decision_date": "20/01/2023", "issuer": "Xã Bình An", "award": "Lao động tiên tiến",
         "recipient_kind": "Tập thể", "unit_code": "BAN-DTN", "year": "2022"},
        {"decision_number": "QĐ-UBND", "decision_date": "20/01/2023", "issuer": "UBND xã Không Có",
         "award": "Giấy khen", "person_id": str(people.van.pk), "year": "2024"},
        {"decision_number": "18", "decision_date": "20/01/2023", "issuer": "BAN", "award": "Giấy khen",
         "full_name": "Đinh Văn Lực", "date_of_birth": "01/05/1985", "unit_code": "BTI", "year": "2022"},
        {"decision_number": "15/QĐ-UBND", "decision_date": "21/01/2023", "issuer": "BAN", "award": "Giấy khen",
         "person_id": str(people.duyen.pk), "year": "2022"},
    ]
    batch = batch_of(upload("history", _rows(people, org) + bad))
    assert errors_of(batch) == {
        "5": ["Dòng 5: Danh hiệu, hình thức 'Huy chương vàng' không có trong danh mục (ví dụ: Giấy khen, Lao động "
              "tiên tiến, Bằng khen của Thủ tướng Chính phủ)"],
        "6": ["Dòng 6: Lao động tiên tiến không dành cho tập thể"],
        "7": ["Dòng 7: Số quyết định 'QĐ-UBND' không hợp lệ (ví dụ 15/QĐ-UBND)",
              "Dòng 7: Năm thành tích 2024 sau năm của quyết định (20/01/2023)",
              "Dòng 7: Không tìm thấy cơ quan ban hành 'UBND xã Không Có' (ghi mã đơn vị hoặc tên như trên trang "
              "“Đơn vị”)"],
        "8": ["Dòng 8: Không tìm thấy đơn vị có mã 'BTI' trong phạm vi của bạn"],
        "9": ["Dòng 9: Cùng số quyết định 15/QĐ-UBND với dòng 2 nhưng khác ngày (20/01/2023)"],
    }
    response = commit(clerk_client, batch)  # all or nothing by default
    assert Decision.objects.count() == 0 and "lỗi" in " ".join(flash(response))
    commit(clerk_client, batch, only_valid=True)

    fifteen = Decision.objects.get(issuer=org.binh_an, number=15)
    assert (fifteen.source, fifteen.symbol, fifteen.issued_on, fifteen.year) == (
        DecisionSource.PAPER, "QĐ-UBND", dt.date(2023, 1, 20), 2023)
    assert fifteen.total_amount == 1_500_000 and fifteen.award_code == "GIAY_KHEN"
    assert set(fifteen.grants.values_list("display_name", "recipient_kind", "award_code", "year", "amount")) == {
        ("Nguyễn Thanh Văn", "individual", "GIAY_KHEN", 2022, 500_000),
        ("Đoàn Thanh niên xã Bình An", "collective", "GIAY_KHEN", 2022, 1_000_000)}
    province = Decision.objects.get(issuer=org.province)
    assert province.number_text == "1234/QĐ-UBND" and province.source == DecisionSource.PAPER
    assert province.grants.get().golden_book_number == "88/2024"
    assert province.grants.get().person == people.duyen
    recorded = AuditEntry.objects.filter(action="decision.recorded_from_paper", actor=cast.clerk)
    assert recorded.count() == 3 and set(recorded.values_list("unit_id", flat=True)) == {org.binh_an.pk, org.youth.pk}


def test_the_same_file_again_writes_nothing_and_says_so(upload, clerk_client, people, org):
    rows = _rows(people, org)
    commit(clerk_client, batch_of(upload("history", rows)))
    assert Grant.objects.count() == 3
    again = batch_of(upload("history", rows))
    errors = errors_of(again)
    assert list(errors) == ["2", "3", "4"]
    assert errors["2"] == ["Dòng 2: Đã có trong hệ thống: Giấy khen của Nguyễn Thanh Văn theo quyết định 15/QĐ-UBND "
                           "ngày 20/01/2023 (không ghi lại)"]
    response = commit(clerk_client, again, only_valid=True)
    assert Grant.objects.count() == 3 and Decision.objects.count() == 2
    assert "Không có dòng hợp lệ" in " ".join(flash(response))


def test_a_person_missing_from_a_recorded_decision_is_not_added_to_it(upload, clerk_client, people, org):
    rows = _rows(people, org)
    commit(clerk_client, batch_of(upload("history", rows[:1])))
    later = batch_of(upload("history", rows[1:2]))
    assert errors_of(later)["2"][0].startswith(
        "Dòng 2: Quyết định 15/QĐ-UBND năm 2023 của Xã Bình An đã được ghi nhận ngày")


def test_the_numbering_counter_skips_the_numbers_paper_decisions_hold(people, org, cast):
    paper_decisions_record(acting_user=cast.clerk, decisions=[
        PaperDecision(issuer=org.binh_an, number=n, symbol="QĐ-UBND", issued_on=dt.date(2026, 2, 1), grants=[
            PaperGrant(recipient_kind="individual", award_code="GIAY_KHEN", year=2025, display_name="Nguyễn Thanh Văn",
                       person=people.van)])
        for n in (1, 2, 4)])
    drawn = [counter_next(issuer=org.binh_an, year=2026, series="decision") for _ in range(3)]
    assert drawn == [3, 5, 6]


def test_the_door_refuses_a_number_already_issued_and_writes_nothing(issued_decision, people, org, cast):
    before = (Decision.objects.count(), Grant.objects.count(), AuditEntry.objects.count())
    clash = PaperDecision(issuer=issued_decision.issuer, number=issued_decision.number, symbol="QĐ-UBND",
                          issued_on=issued_decision.issued_on, grants=[
                              PaperGrant(recipient_kind="individual", award_code="GIAY_KHEN", year=2023,
                                         display_name="Nguyễn Thanh Văn", person=people.van)])
    with pytest.raises(ValidationError, match="đã có trong hệ thống"):
        paper_decisions_record(acting_user=cast.clerk, decisions=[clash])
    outside = PaperDecision(issuer=org.other, number=7, symbol="QĐ-UBND", issued_on=dt.date(2024, 1, 5), grants=[
        PaperGrant(recipient_kind="individual", award_code="GIAY_KHEN", year=2023, display_name="Đinh Văn Lực",
                   person=people.luc)])
    with pytest.raises(PermissionDenied):
        paper_decisions_record(acting_user=cast.clerk, decisions=[outside])
    assert (Decision.objects.count(), Grant.objects.count(), AuditEntry.objects.count()) == before


def test_imported_history_counts_for_eligibility_at_once(upload, clerk_client, people, org):
    from thidua.awards.histories import person_history

    rows = [{"decision_number": f"{n}/QĐ-UBND", "decision_date": f"15/01/{year + 1}", "issuer": "BAN",
             "award": "Chiến sĩ thi đua cơ sở", "person_id": str(people.van.pk), "year": str(year)}
            for n, year in ((3, 2022), (4, 2023), (5, 2024))]
    commit(clerk_client, batch_of(upload("history", rows)))
    history = person_history(people.van)
    assert {(g.code, g.year) for g in history.grants} >= {("CSTDCS", 2022), ("CSTDCS", 2023), ("CSTDCS", 2024)}


def test_a_paper_decision_shows_as_such_and_is_not_printed_again(upload, clerk_client, people, org):
    from django.urls import reverse

    commit(clerk_client, batch_of(upload("history", _rows(people, org)[:1])))
    decision = Decision.objects.get()
    page = clerk_client.get(reverse("awards:decision-detail", args=[decision.pk])).content.decode()
    assert 'id="paper-decision"' in page and "Nguyễn Thanh Văn" in page
    assert reverse("awards:decision-docx", args=[decision.pk]) not in page
    for name in ("awards:decision-docx", "awards:decision-pdf"):
        response = clerk_client.get(reverse(name, args=[decision.pk]), follow=True)
        assert response.redirect_chain[-1][0] == reverse("awards:decision-detail", args=[decision.pk])
        assert "ghi nhận từ bản giấy" in " ".join(flash(response))


def test_a_title_already_held_for_that_year_is_not_recorded_twice(upload, clerk_client, people, org,
                                                                  issued_decision):
    assert issued_decision.grants.filter(person=people.van, award_code="GIAY_KHEN").exists()
    rows = [{"decision_number": "31/QĐ-UBND", "decision_date": "10/01/2024", "issuer": "BAN",
             "award": "Lao động tiên tiến", "person_id": str(people.van.pk), "year": "2023"}]
    commit(clerk_client, batch_of(upload("history", rows)))
    again = batch_of(upload("history", [{**rows[0], "decision_number": "32/QĐ-UBND"}]))
    assert errors_of(again) == {"2": [
        "Dòng 2: Nguyễn Thanh Văn đã có danh hiệu Lao động tiên tiến năm 2023 theo quyết định 31/QĐ-UBND ngày "
        "10/01/2024 (một danh hiệu khen thành tích của một năm; không ghi hai lần)"]}
    form = batch_of(upload("history", [{**rows[0], "decision_number": "33/QĐ-UBND", "award": "Giấy khen"}]))
    assert errors_of(form) == {}  # a form may come more than once a year
