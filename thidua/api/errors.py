"""Every error leaves the API as a 4xx with a Vietnamese `detail`, never a 500.

Validation errors of the request schemas become 422 with one Vietnamese message per field;
errors raised by the doors keep their own Vietnamese message.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from thidua.rulebook.errors import RulebookError

logger = logging.getLogger("thidua.api")

ERR_NOT_FOUND = "Không tìm thấy hoặc bạn không có quyền xem."
ERR_FORBIDDEN = "Bạn không có quyền thực hiện thao tác này."
ERR_UNAUTHENTICATED = "Chưa đăng nhập hoặc token không hợp lệ."
ERR_INVALID = "Dữ liệu gửi lên không hợp lệ."
ERR_BODY = "Nội dung gửi lên không đọc được: phải là JSON hợp lệ."
ERR_THROTTLED = "Quá nhiều yêu cầu, vui lòng thử lại sau."
ERR_BAD_REQUEST = "Yêu cầu không hợp lệ."
ERR_SERVER = ("Lỗi hệ thống: yêu cầu chưa được thực hiện, không có gì thay đổi. Vui lòng thử lại sau; nếu lỗi lặp lại, "
              "báo quản trị hệ thống kèm thời điểm gọi.")

# Every operation can answer with these (documented on each one by api.ThiDuaAPI): status -> (description,
# schema name).
ERROR_RESPONSES = {
    400: ("Yêu cầu không hợp lệ hoặc bị từ chối theo quy định (thông báo nêu lý do).", "ErrorOut"),
    401: (ERR_UNAUTHENTICATED, "ErrorOut"),
    403: (ERR_FORBIDDEN, "ErrorOut"),
    404: (ERR_NOT_FOUND, "ErrorOut"),
    422: ("Tham số hoặc dữ liệu sai kiểu: một thông báo cho mỗi trường.", "ValidationErrorOut"),
    429: (ERR_THROTTLED, "ErrorOut"),
    500: ("Lỗi hệ thống (không có gì thay đổi).", "ErrorOut"),
}

DATE_HINT = "phải theo dạng yyyy-mm-dd (ISO 8601), ví dụ 2024-01-19"

# pydantic error type -> Vietnamese message (str.format with the error's ctx).
FIELD_MESSAGES = {
    "missing": "Thiếu trường bắt buộc.",
    "int_parsing": "Phải là số nguyên.",
    "int_type": "Phải là số nguyên.",
    "int_from_float": "Phải là số nguyên.",
    "float_parsing": "Phải là số.",
    "bool_parsing": "Phải là true hoặc false.",
    "bool_type": "Phải là true hoặc false.",
    "string_type": "Phải là chuỗi ký tự.",
    "string_too_short": "Không được để trống.",
    "string_too_long": "Quá dài: tối đa {max_length} ký tự.",
    "greater_than_equal": "Phải lớn hơn hoặc bằng {ge}.",
    "greater_than": "Phải lớn hơn {gt}.",
    "less_than_equal": "Phải nhỏ hơn hoặc bằng {le}.",
    "less_than": "Phải nhỏ hơn {lt}.",
    "date_parsing": "Ngày không hợp lệ: " + DATE_HINT + ".",
    "date_from_datetime_parsing": "Ngày không hợp lệ: " + DATE_HINT + ".",
    "date_from_datetime_inexact": "Ngày không hợp lệ: " + DATE_HINT + " (không kèm giờ).",
    "date_type": "Ngày không hợp lệ: " + DATE_HINT + ".",
    "literal_error": "Giá trị không hợp lệ; chọn một trong: {expected}.",
    "enum": "Giá trị không hợp lệ; chọn một trong: {expected}.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "dict_type": "Phải là một đối tượng JSON.",
    "model_type": "Phải là một đối tượng JSON.",
    "list_type": "Phải là một danh sách.",
    "json_invalid": "JSON không hợp lệ.",
}
FIELD_DEFAULT = "Giá trị không hợp lệ."


def _vietnamese(text: str) -> bool:
    # Our own messages always carry Vietnamese letters; Django's and ninja's
    # internal ones ("No Unit matches the given query.") are ASCII English.
    return any(ord(ch) > 127 for ch in text or "")


def field_errors(errors: list[dict]) -> list[dict]:
    out = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ())]
        # loc is (source, [param name,] field…); users care about the field.
        path = loc[1:]
        if len(path) > 1 and path[0] == "payload":
            path = path[1:]
        ctx = err.get("ctx") or {}
        if err.get("type") == "value_error" and _vietnamese(str(ctx.get("error", ""))):
            message = str(ctx["error"])  # raised by our own schema validators
        else:
            try:
                message = FIELD_MESSAGES.get(err.get("type", ""), FIELD_DEFAULT).format(**ctx)
            except (KeyError, IndexError, ValueError):
                message = FIELD_DEFAULT
        out.append({"field": ".".join(path) or (loc[0] if loc else ""), "message": message, "type": err.get("type")})
    return out


def install_error_handlers(api):
    def respond(request, status, detail, **extra):
        return api.create_response(request, {"detail": detail, **extra}, status=status)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        message = str(exc)
        return respond(request, 404, message if _vietnamese(message) else ERR_NOT_FOUND)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        message = str(exc)
        return respond(request, 403, message if _vietnamese(message) else ERR_FORBIDDEN)

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        return respond(request, 400, " ".join(exc.messages) or ERR_INVALID)

    @api.exception_handler(RulebookError)
    def rulebook(request, exc):
        # e.g. a decision dated before the encoded prize tables: the door's transaction rolled back.
        return respond(request, 400, str(exc) or ERR_INVALID)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        message = exc.message
        return respond(request, 401, message if _vietnamese(message) else ERR_UNAUTHENTICATED)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        message = exc.message
        if not _vietnamese(message):
            if message.startswith("Cannot parse request body"):
                # Listed in `errors` too: /api/eligibility/evaluate documents its 400 with that list.
                return respond(request, 400, ERR_BODY, errors=[ERR_BODY])
            elif exc.status_code == 429:
                message = ERR_THROTTLED
            elif exc.status_code == 403:
                message = ERR_FORBIDDEN
            elif exc.status_code == 404:
                message = ERR_NOT_FOUND
            else:
                message = ERR_BAD_REQUEST
        return respond(request, exc.status_code, message)

    @api.exception_handler(NinjaValidationError)
    def bad_input(request, exc):
        return respond(request, 422, ERR_INVALID, errors=field_errors(exc.errors))

    @api.exception_handler(Exception)
    def server_error(request, exc):
        # A bug is still a bug (logged with its traceback, and the door's transaction rolled back), but the
        # client gets the API's JSON shape, not Django's HTML page.
        logger.exception("API error on %s %s", request.method, request.path)
        return respond(request, 500, ERR_SERVER)
