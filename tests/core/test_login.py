"""Login and logout, with throttling (django-axes) after repeated failures."""

from django.test import override_settings
from django.urls import reverse

from tests.conftest import PASSWORD


def test_it_logs_in_and_out_with_the_vietnamese_form(client, cast):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Tên đăng nhập" in page and "Mật khẩu" in page
    response = client.post(reverse("accounts:login"), {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home:home")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("home:home")).status_code == 302


def test_it_says_in_vietnamese_that_the_password_is_wrong(client, cast):
    response = client.post(reverse("accounts:login"), {"username": "clerk", "password": "sai-mat-khau"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_it_locks_out_after_repeated_failures_even_with_the_right_password(client, cast):
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "clerk", "password": "sai-mat-khau"})
    response = client.post(reverse("accounts:login"), {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert client.get(reverse("home:home")).status_code == 302


def test_anonymous_visitors_of_the_front_page_see_the_public_portal(client, cast):
    response = client.get(reverse("home:home"))
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    portal = client.get(response["Location"]).content.decode()
    assert reverse("accounts:login") in portal  # the staff's way in stays one click away
