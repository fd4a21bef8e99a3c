"""The unit, person, nomination and decision lists show one bounded page at a time (issue 11, item 2: a province's unit list was one
129 KB page); the page links keep the search."""

import pytest
from django.urls import reverse

from thidua.core import paging


@pytest.fixture(autouse=True)
def two_a_page(monkeypatch):
    monkeypatch.setattr(paging, "PAGE_ROWS", 2)


def test_the_unit_list_pages_through_the_tree_in_order(client, cast, org):
    client.force_login(cast.province_officer)
    first = client.get(reverse("org:unit-list")).content.decode()
    assert first.count('<span class="indent-') == 2 and "Trang 1/3 (6 dòng)" in first and "trang=2" in first
    last = client.get(reverse("org:unit-list"), {"trang": 99}).content.decode()  # past the end: the last page
    assert "Trang 3/3" in last and "Xã Ba Tiêu" in last and "indent-" in last


def test_the_person_search_pages_keep_the_query(client, cast, org, people):
    client.force_login(cast.province_officer)
    two = client.get(reverse("org:person-list"), {"q": "van"}).content.decode()
    assert "Nguyễn Thanh Văn" in two and "Đinh Văn Lực" in two and "Trang 1/" not in two  # one page: no links
    three = client.get(reverse("org:person-list"), {"q": "n"}).content.decode()
    assert "Trang 1/2 (3 dòng)" in three and "?q=n&amp;trang=2" in three


def test_a_search_counts_its_matches_with_the_page_in_one_query(client, cast, org, people,
                                                                django_assert_max_num_queries):
    from thidua.org.models import Person

    client.force_login(cast.province_officer)
    client.get(reverse("home:home"))  # the session and the reach read once
    matches = Person.objects.filter(search_text__contains="n").count()
    with django_assert_max_num_queries(7) as queries:
        second = client.get(reverse("org:person-list"), {"q": "n", "trang": 2}).content.decode()
    assert f"Trang 2/2 ({matches} dòng)" in second and "‹ Trước" in second
    people_reads = [q["sql"] for q in queries.captured_queries if 'FROM "org_person"' in q["sql"]]
    assert len(people_reads) == 1 and "OVER ()" in people_reads[0]  # the count rode on the page's rows
    past = client.get(reverse("org:person-list"), {"q": "n", "trang": 9}).content.decode()
    assert f"Trang 2/2 ({matches} dòng)" in past  # past the end: the last page, as the other lists
    bad = client.get(reverse("org:person-list"), {"q": "n", "trang": "x"}).content.decode()
    assert f"Trang 1/2 ({matches} dòng)" in bad
    none = client.get(reverse("org:person-list"), {"q": "khong ai ten nay"}).content.decode()
    assert "Không tìm thấy cá nhân nào." in none


def test_the_nomination_and_decision_lists_page_through_and_keep_the_filter(client, cast, org, issued_decision):
    from thidua.awards import services

    for title in ("Đề nghị đợt 2", "Đề nghị đợt 3"):
        services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2024,
                                   title=title)
    client.force_login(cast.clerk)
    drafts = client.get(reverse("awards:nomination-list"), {"status": "draft"}).content.decode()
    assert "Trang 1/1" not in drafts and "Đề nghị đợt 2" in drafts and "Đề nghị đợt 3" in drafts
    everything = client.get(reverse("awards:nomination-list")).content.decode()
    assert "Trang 1/2 (3 dòng)" in everything and "?trang=2" in everything
    filtered = client.get(reverse("awards:nomination-list"), {"status": "decided", "trang": 1}).content.decode()
    assert "Đề nghị tặng Giấy khen năm 2023" in filtered and "Đề nghị đợt 2" not in filtered
    decisions = client.get(reverse("awards:decision-list")).content.decode()
    assert "01/QĐ-UBND" in decisions and "Trang 1/" not in decisions  # one decision: one page, no links
