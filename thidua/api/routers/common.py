"""Shared bits of the routers: page size and the documented error responses."""

from ninja import Schema

from ..schemas import ErrorOut

# LimitOffsetPagination: ?limit=…&offset=…; a caller asking for more gets this many.
MAX_LIMIT = 200


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


READ_ERRORS = {
    "401": {"description": "Chưa đăng nhập hoặc token không hợp lệ."},
    "404": {"description": "Không tìm thấy hoặc bạn không có quyền xem."},
    "422": {"description": "Tham số không hợp lệ."},
}
