"""Shared bits of the routers: page size and the documented error responses."""

from django.core.exceptions import PermissionDenied
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from thidua.council.otp import ERR_NO_DEVICE, ERR_TOKEN, code_valid, confirmed_device, is_verified

from ..schemas import ErrorOut

# Pagination: ?limit=…&offset=…; a caller asking for more gets this many.
MAX_LIMIT = 200
# An offset past any real list (a province has ~150,000 people): beyond it, 422 rather than a
# database integer overflow (a 500).
MAX_OFFSET = 10_000_000


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


class FieldErrorOut(Schema):
    field: str
    message: str
    type: str | None = None


class ValidationErrorOut(Schema):
    detail: str
    errors: list[FieldErrorOut]


def responses(schema, status: int = 200, *, write: bool = False) -> dict:
    """The success schema plus the errors every endpoint can answer with (all with a Vietnamese `detail`)."""
    result = {status: schema, 401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
    if write:
        result.update({400: ErrorOut, 403: ErrorOut})
    return result


# Integer keys, like ninja's own: string keys would not merge with them and the schema would
# carry duplicate "200" keys, which Swagger UI's YAML parser rejects (blank docs page).
READ_ERRORS = {
    401: {"description": "Chưa đăng nhập hoặc token không hợp lệ."},
    404: {"description": "Không tìm thấy hoặc bạn không có quyền xem."},
    422: {"description": "Tham số không hợp lệ."},
}


def file_response(content_type: str, description: str) -> dict:
    """openapi_extra for a download endpoint."""
    return {"responses": {200: {"description": description, "content": {content_type: {}}}, **READ_ERRORS}}


def second_factor_given(request, otp_code: str | None) -> bool:
    """A browser session verified by the second factor keeps it; otherwise the code rides in the call (a
    wrong one is a 403 at once; none leaves the door to refuse the acts that need it)."""
    if is_verified(request):
        return True
    if otp_code is None:
        return False
    if not code_valid(request.auth, otp_code):
        raise PermissionDenied(ERR_TOKEN if confirmed_device(request.auth) else ERR_NO_DEVICE)
    return True
