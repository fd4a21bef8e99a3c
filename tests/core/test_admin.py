import pytest
from django.urls import reverse

from tests.conftest import otp_verified


@pytest.mark.parametrize("who", ["clerk", "chairman", "province_officer", "outsider"])
def test_it_keeps_django_admin_for_administrators_only(client, cast, who):
    client.force_login(getattr(cast, who))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_it_opens_django_admin_for_an_administrator_with_the_second_factor(client, django_user_model, db):
    admin = django_user_model.objects.create_superuser("root", password="x-Mat-khau-9")
    client.force_login(admin)  # the password alone
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "login" in response["Location"]
    otp_verified(client, admin)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:audit_auditentry_changelist")).status_code == 200
