"""Doors for API tokens: created and revoked only here, each audited."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.audit.services import audit_record

from .models import ApiToken, hash_key

KEY_PREFIX = "td_"
PREFIX_LENGTH = 10  # "td_" + 7 characters: enough to tell keys apart in a list, useless to an attacker

ERR_NAME = "Phải đặt tên gợi nhớ cho token (tối đa 100 ký tự)."
ERR_USER_INACTIVE = "Tài khoản đã bị khóa, không thể tạo token."
ERR_ALREADY_REVOKED = "Token này đã bị thu hồi."
ERR_NOT_YOURS = "Bạn chỉ được quản lý token của chính mình."


def _require_owner_or_admin(acting_user, user):
    # acting_user None is the operator at the command line (manage.py api_token_create).
    if acting_user is None:
        return
    if acting_user.is_superuser or acting_user.pk == user.pk:
        return
    raise PermissionDenied(ERR_NOT_YOURS)


@transaction.atomic
def api_token_create(*, user, name: str, acting_user) -> tuple[ApiToken, str]:
    _require_owner_or_admin(acting_user, user)
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise ValidationError(ERR_NAME)
    if not user.is_active:
        raise ValidationError(ERR_USER_INACTIVE)
    raw_key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_hash=hash_key(raw_key), prefix=raw_key[:PREFIX_LENGTH])
    audit_record(actor=acting_user, action="api_token.created", target=token,
                 data={"user": user.get_username(), "name": name, "prefix": token.prefix})
    return token, raw_key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, acting_user) -> ApiToken:
    token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    _require_owner_or_admin(acting_user, token.user)
    if token.revoked_at is not None:
        raise ValidationError(ERR_ALREADY_REVOKED)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(actor=acting_user, action="api_token.revoked", target=token,
                 data={"user": token.user.get_username(), "name": token.name, "prefix": token.prefix})
    return token
