"""The numbers of the dashboard and the forms, against the hand-counted data set (see conftest)."""

from thidua.reports import selectors

from .conftest import EXPECTED_TOTAL_AMOUNT


def test_it_counts_grants_by_recipient_kind_and_sums_the_money(cast, org, report_data):
    stats = selectors.grant_stats(cast.clerk, org.binh_an, 2023)
    t = stats.totals
    assert (t.individual, t.collective, t.household, t.total) == (3, 2, 1, 6)
    assert t.amount == EXPECTED_TOTAL_AMOUNT


def test_it_computes_the_share_of_women_among_individual_recipients(cast, org, report_data):
    stats = selectors.grant_stats(cast.clerk, org.binh_an, 2023)
    assert (stats.women, stats.men) == (2, 1)
    assert stats.women_share == 66.7


def test_it_excludes_revoked_grants(cast, org, report_data):
    names = [g.display_name for g in selectors.register_rows(cast.clerk, org.binh_an, 2023)]
    assert "Trần Thị Bé" not in names
    assert len(names) == 6


def test_it_counts_only_the_chosen_year(cast, org, report_data):
    stats = selectors.grant_stats(cast.clerk, org.binh_an, 2022)
    assert stats.totals.total == 1 and stats.totals.amount == 447_000


def test_it_groups_by_award_in_rulebook_order_with_titles_and_forms(cast, org, report_data):
    rows = selectors.grant_stats(cast.clerk, org.binh_an, 2023).by_award
    assert [r.code for r in rows] == ["LDTT", "GIAY_KHEN", "BK_TINH"]
    assert [r.category_label for r in rows] == ["Danh hiệu thi đua", "Hình thức khen thưởng", "Hình thức khen thưởng"]
    gk = rows[1].counts
    assert (gk.individual, gk.collective, gk.household, gk.amount) == (2, 1, 1, 2_970_000)


def test_it_groups_by_sub_unit(cast, org, report_data):
    rows = {r.label: r.counts.total for r in selectors.grant_stats(cast.clerk, org.binh_an, 2023).by_subunit}
    assert rows == {"Xã Bình An (trực tiếp)": 2, "Đoàn Thanh niên xã Bình An": 4}


def test_it_groups_by_issuer_with_the_unit_itself_first(cast, org, report_data):
    rows = selectors.grant_stats(cast.clerk, org.binh_an, 2023).by_issuer
    assert [(r.issuer.name, r.code, r.counts.total) for r in rows] == [
        ("Xã Bình An", "LDTT", 1), ("Xã Bình An", "GIAY_KHEN", 4), ("Tỉnh Quảng Ngãi", "BK_TINH", 1)]


def test_it_lists_the_decisions_and_nominations_of_the_year(cast, org, report_data):
    decisions = selectors.report_decisions(cast.clerk, org.binh_an, 2023)
    assert [(d.number_text, d.grants, d.linkable) for d in decisions] == [
        ("10/QĐ-UBND", 1, True), ("01/QĐ-UBND", 4, True), ("05/QĐ-UBND", 1, False)]
    counts = {s: n for s, _, n in selectors.nomination_counts(cast.clerk, org.binh_an, 2023)}
    assert counts["submitted"] == 2 and sum(counts.values()) == 2


def test_it_orders_the_register_by_issuer_then_golden_book_number(cast, org, report_data):
    rows = [(g.decision.issuer.code, g.golden_book_number) for g in
            selectors.register_rows(cast.clerk, org.binh_an, 2023)]
    assert rows == [("QNG", "01/2024"), ("BAN", "07/2023"), ("BAN", "01/2024"), ("BAN", "02/2024"),
                    ("BAN", "03/2024"), ("BAN", "04/2024")]


def test_it_rolls_the_province_up_over_its_communes(cast, org, report_data):
    stats = selectors.grant_stats(cast.province_officer, org.province, 2023)
    assert stats.totals.total == 7  # Bình An's six and Ba Tiêu's one
    assert {r.label for r in stats.by_subunit} == {"Huyện Bình Sơn"}
