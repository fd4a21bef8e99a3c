"""Errors speak Vietnamese too: what an outsider sees is a Vietnamese 404, never Django's English page."""

from django.test import override_settings
from django.urls import reverse


def test_it_shows_a_vietnamese_404_to_the_outsider(client, cast, issued_decision):
    client.force_login(cast.outsider)
    response = client.get(reverse("awards:decision-detail", args=[issued_decision.pk]))
    body = response.content.decode()
    assert response.status_code == 404 and "Không tìm thấy trang" in body and "Not Found" not in body


def test_it_shows_a_vietnamese_403_for_a_wrong_role(client, cast):
    client.force_login(cast.chairman)
    response = client.get(reverse("org:person-create"))
    assert response.status_code == 403 and "Không có quyền truy cập" in response.content.decode()


def test_it_shows_a_vietnamese_page_when_the_form_token_expired(cast):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(cast.clerk)
    response = csrf_client.post(reverse("org:person-create"), {"full_name": "X"})
    assert response.status_code == 403 and "Phiên làm việc đã hết hạn" in response.content.decode()


@override_settings(DEBUG=False)
def test_it_shows_a_vietnamese_500_page(client, cast, monkeypatch):
    from thidua.home import views

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "decision_list_for", boom)
    client.raise_request_exception = False
    client.force_login(cast.clerk)
    response = client.get(reverse("home:home"))
    assert response.status_code == 500 and "Lỗi hệ thống" in response.content.decode()
