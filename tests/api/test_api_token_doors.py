"""api_token_create / api_token_revoke and the manage.py command."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from thidua.api.models import ApiToken, hash_key
from thidua.api.services import api_token_create, api_token_revoke
from thidua.audit.models import AuditEntry


def test_it_creates_a_token_storing_only_the_hash(cast):
    token, key = api_token_create(user=cast.clerk, name="Phần mềm tỉnh", acting_user=cast.clerk)
    token.refresh_from_db()
    assert token.key_hash == hash_key(key) and len(token.key_hash) == 64
    assert key.startswith(token.prefix) and len(token.prefix) < len(key) // 3
    assert token.user == cast.clerk and token.revoked_at is None
    entry = AuditEntry.objects.get(action="api_token.created")
    assert entry.actor == cast.clerk and entry.target_id == str(token.pk)
    assert entry.data == {"user": "clerk", "name": "Phần mềm tỉnh", "prefix": token.prefix}
    assert key not in str(entry.data) and key not in entry.target_repr


def test_it_gives_every_token_its_own_key(cast):
    keys = {api_token_create(user=cast.clerk, name=f"Token {i}", acting_user=cast.clerk)[1] for i in range(3)}
    assert len(keys) == 3


def test_it_lets_an_administrator_create_a_token_for_someone_else(cast, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", password="Mat-khau-thu-1")
    token, _ = api_token_create(user=cast.clerk, name="Đồng bộ", acting_user=admin)
    assert token.user == cast.clerk


def test_it_refuses_a_token_for_someone_else(cast):
    with pytest.raises(PermissionDenied):
        api_token_create(user=cast.chairman, name="Đồng bộ", acting_user=cast.outsider)
    assert not ApiToken.objects.exists() and not AuditEntry.objects.filter(action__startswith="api_token").exists()


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_it_requires_a_sensible_name(cast, name):
    with pytest.raises(ValidationError) as exc:
        api_token_create(user=cast.clerk, name=name, acting_user=cast.clerk)
    assert "tên" in exc.value.messages[0]
    assert not ApiToken.objects.exists()


def test_it_refuses_a_token_for_a_deactivated_user(cast):
    cast.clerk.is_active = False
    cast.clerk.save()
    with pytest.raises(ValidationError):
        api_token_create(user=cast.clerk, name="Đồng bộ", acting_user=None)
    assert not ApiToken.objects.exists()


def test_it_revokes_a_token_once(cast):
    token, _ = api_token_create(user=cast.clerk, name="Đồng bộ", acting_user=cast.clerk)
    api_token_revoke(token=token, acting_user=cast.clerk)
    token.refresh_from_db()
    assert token.revoked_at is not None
    entry = AuditEntry.objects.get(action="api_token.revoked")
    assert entry.actor == cast.clerk and entry.target_id == str(token.pk)
    with pytest.raises(ValidationError):
        api_token_revoke(token=token, acting_user=cast.clerk)
    assert AuditEntry.objects.filter(action="api_token.revoked").count() == 1


def test_it_refuses_to_revoke_someone_elses_token(cast):
    token, _ = api_token_create(user=cast.clerk, name="Đồng bộ", acting_user=cast.clerk)
    with pytest.raises(PermissionDenied):
        api_token_revoke(token=token, acting_user=cast.outsider)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_command_prints_the_key_once(cast):
    out, err = io.StringIO(), io.StringIO()
    call_command("api_token_create", "clerk", "Phần mềm tỉnh", stdout=out, stderr=err)
    key = out.getvalue().strip()
    token = ApiToken.objects.get()
    assert token.key_hash == hash_key(key) and token.name == "Phần mềm tỉnh"
    assert "chỉ hiện một lần" in err.getvalue()
    assert AuditEntry.objects.get(action="api_token.created").actor is None


def test_the_command_explains_an_unknown_user(db):
    with pytest.raises(CommandError, match="Không có người dùng 'khong-co'"):
        call_command("api_token_create", "khong-co", "Đồng bộ", stdout=io.StringIO(), stderr=io.StringIO())
