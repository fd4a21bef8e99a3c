"""A certificate checked without its QR code (issue 12, item 6): the decision number and the golden-book number it
prints lead to the same verification page; either alone, or a wrong pair, finds nothing."""

from django.urls import reverse


def test_the_two_numbers_on_a_certificate_find_it(client, issued_decision):
    grant = issued_decision.grants.order_by("pk").first()
    url = reverse("portal:certificate-lookup")
    found = client.get(url, {"decision_number": f" {issued_decision.number_text} ",
                             "golden_book_number": grant.golden_book_number})
    assert found.status_code == 302 and found["Location"] == reverse("portal:verify", args=[grant.verify_code])
    page = client.get(found["Location"]).content.decode()
    assert grant.display_name in page and "Khen thưởng còn hiệu lực" in page
    wrong = client.get(url, {"decision_number": issued_decision.number_text, "golden_book_number": "99/1999"})
    assert wrong.status_code == 404 and "Không tìm thấy khen thưởng nào" in wrong.content.decode()
    assert grant.display_name not in wrong.content.decode()
    bad = client.get(url, {"decision_number": "mười lăm", "golden_book_number": ""})
    body = bad.content.decode()
    assert bad.status_code == 400 and "ví dụ 15/QĐ-UBND" in body and "Phải nhập số sổ vàng." in body


def test_the_portal_front_page_offers_the_lookup(client, db):
    page = client.get(reverse("portal:home")).content.decode()
    assert 'id="certificate-lookup"' in page and "Số sổ vàng" in page
