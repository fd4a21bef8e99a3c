"""The annual summary reads like the seed articles, from the data."""

import datetime as dt

from thidua.reports import summary


def _text(s) -> str:
    return "\n".join(b["text"] for b in summary.plain_blocks(s.blocks) if b["kind"] != "table")


def test_it_tells_the_seed_000_awards_with_two_digit_counts(cast, org, seed_000):
    s = summary.build_summary(cast.clerk, org.binh_an, 2023)
    assert "Chủ tịch UBND xã đã tặng Giấy khen cho 06 tập thể và 10 cá nhân có nhiều thành tích" in _text(s)


def test_it_titles_the_report_for_year_n_and_the_direction_for_n_plus_1(cast, org, seed_000):
    s = summary.build_summary(cast.clerk, org.binh_an, 2023)
    assert s.title_lines[1] == ("Tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024")
    headings = [b["text"] for b in summary.plain_blocks(s.blocks) if b["kind"] == "heading"]
    assert headings[0] == "I. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2023"
    assert "II. TỒN TẠI, HẠN CHẾ" in headings and "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024" in headings
    assert s.header.number_text == f"Số:{summary.BLANK_NUMBER}/BC-UBND"


def test_it_names_higher_issuers_titles_households_and_women(cast, org, report_data):
    text = _text(summary.build_summary(cast.clerk, org.binh_an, 2023))
    assert "Chủ tịch UBND xã đã tặng danh hiệu “Lao động tiên tiến” cho 01 cá nhân" in text
    assert "Chủ tịch UBND xã đã tặng Giấy khen cho 01 tập thể, 02 cá nhân và 01 hộ gia đình" in text
    assert "Chủ tịch UBND tỉnh Quảng Ngãi đã tặng Bằng khen cấp bộ, ngành, tỉnh cho 01 tập thể" in text
    assert "tổng số tiền thưởng 8.910.000 đồng" in text
    assert "Trong số 03 cá nhân được khen thưởng có 02 nữ, chiếm 66,7%." in text
    assert "đã tiếp nhận, xử lý 02 đề nghị khen thưởng; 03 quyết định khen thưởng" in text


def test_it_counts_targets_and_lists_next_year_contents(cast, org, report_data):
    from thidua.emulation import services as em

    movement = em.movement_launch(acting_user=cast.clerk, launched_by=org.binh_an, year=2023,
                                  title="Bình An chung sức xây dựng nông thôn mới")
    for name, plan, actual in [("Ngày công nhân dân đóng góp", "500", "650"), ("Nhà tình thương", "3", "3"),
                               ("Km đường bê tông", "5", "4")]:
        target = em.target_add(acting_user=cast.clerk, movement=movement, name=name, measure="", planned_value=plan)
        em.result_report(acting_user=cast.clerk, target=target, unit=org.youth, year=2023, value=actual)
    em.movement_launch(acting_user=cast.clerk, launched_by=org.binh_an, year=2024, ordinal_style="mot_la",
                       title="Phong trào thi đua yêu nước xã Bình An năm 2024",
                       contents=["tổ chức thực hiện có hiệu quả các phong trào thi đua yêu nước năm 2024.",
                                 "quyết tâm thực hiện thắng lợi toàn diện các chỉ tiêu năm 2024."])
    em.movement_launch(acting_user=cast.clerk, launched_by=org.binh_an, year=2024,
                       title="Bình An vì người nghèo, không để ai bị bỏ lại phía sau")
    text = _text(summary.build_summary(cast.clerk, org.binh_an, 2023))
    assert "đã hoàn thành 2/3 chỉ tiêu, trong đó có 1 chỉ tiêu hoàn thành vượt mức" in text
    assert "“Bình An chung sức xây dựng nông thôn mới”" in text
    assert "Ngày công nhân dân đóng góp: 650 (kế hoạch 500, vượt kế hoạch)" in text
    assert "Còn 01 chỉ tiêu chưa đạt kế hoạch: Km đường bê tông." in text
    assert "Một là, tổ chức thực hiện có hiệu quả các phong trào thi đua yêu nước năm 2024." in text
    assert "Hai là, quyết tâm thực hiện" in text
    assert "các phong trào thi đua trọng tâm: “Bình An vì người nghèo, không để ai bị bỏ lại phía sau”." in text


def test_it_uses_the_clerks_draft_for_limitations_number_and_date(cast, org, seed_000):
    from thidua.reports.services import report_draft_save

    report_draft_save(unit=org.binh_an, year=2023, acting_user=cast.clerk, number_text="15",
                      report_date=dt.date(2024, 1, 15), limitations="Một số phong trào chưa thực sự sâu rộng.",
                      directions_note="Tập trung khen thưởng người lao động trực tiếp.")
    s = summary.build_summary(cast.clerk, org.binh_an, 2023)
    text = _text(s)
    assert "Một số phong trào chưa thực sự sâu rộng." in text and summary.LIMITATIONS_PLACEHOLDER not in text
    assert "Tập trung khen thưởng người lao động trực tiếp." in text
    assert s.header.number_text == "Số: 15/BC-UBND" and s.header.date == dt.date(2024, 1, 15)


def test_it_says_so_when_nothing_was_recorded(cast, org):
    text = _text(summary.build_summary(cast.clerk, org.binh_an, 2019))
    assert "Chưa có khen thưởng nào cho thành tích năm 2019" in text
    assert summary.LIMITATIONS_PLACEHOLDER in text
