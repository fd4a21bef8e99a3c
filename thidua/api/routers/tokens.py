"""Your own API tokens: list, create (from a logged-in browser session only), revoke."""

import datetime as dt

from django.http import Http404
from ninja import Field, Router, Schema, Status

from .. import services
from ..auth import SessionAuth
from .common import responses

router = Router()

ERR_TOKEN_NOT_FOUND = "Không tìm thấy token số {pk} của bạn."


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(..., description="Mấy ký tự đầu của khóa, để nhận ra token.")
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class TokenCreated(TokenOut):
    key: str = Field(..., description="Khóa, chỉ hiện một lần: gửi kèm header Authorization: Bearer <khóa>.")


class TokenIn(Schema):
    name: str = Field(..., min_length=1, max_length=100, description="Tên gợi nhớ, ví dụ 'Phần mềm tỉnh'.")


@router.get("", response=list[TokenOut], url_name="token-list", summary="Token API của bạn")
def token_list(request):
    return list(request.auth.api_tokens.all())


# A leaked key must not be able to mint keys that outlive its revocation: creating
# a token needs the browser session (with CSRF), never a token.
@router.post("", response=responses(TokenCreated, 201, write=True), auth=[SessionAuth()], url_name="token-create",
             summary="Tạo token API (chỉ từ phiên đăng nhập)")
def token_create(request, payload: TokenIn):
    token, raw_key = services.api_token_create(user=request.auth, name=payload.name, acting_user=request.auth)
    token.key = raw_key
    return Status(201, token)


@router.delete("/{token_id}", response=responses(TokenOut, write=True), url_name="token-revoke",
               summary="Thu hồi token API")
def token_revoke(request, token_id: int):
    token = request.auth.api_tokens.filter(pk=token_id).first()
    if token is None:
        raise Http404(ERR_TOKEN_NOT_FOUND.format(pk=token_id))
    return services.api_token_revoke(token=token, acting_user=request.auth)
