"""The REST API: one NinjaAPI, one router per area, the same scoped accessors and doors as the pages."""

from ninja import NinjaAPI

from thidua.api.schemas import ErrorOut

from .auth import API_AUTH
from .docs import LocalSwagger
from .errors import ERROR_RESPONSES, install_error_handlers
from .routers import awards, emulation, files, notifications, org, procedure, reports, tokens
from .routers import council as council_router
from .routers import eligibility as eligibility_router
from .routers.common import ValidationErrorOut

DESCRIPTION = """API quản lý thi đua, khen thưởng.

**Xác thực**: phiên đăng nhập của trình duyệt (gửi kèm header `X-CSRFToken` với POST/DELETE) hoặc token:
`Authorization: Bearer <khóa>` (tạo bằng `POST /api/tokens` khi đang đăng nhập trên trình duyệt, hoặc
`python manage.py api_token_create TÊN_ĐĂNG_NHẬP "tên token"`; khóa chỉ hiện một lần).

**Phạm vi**: mỗi lời gọi chỉ thấy và sửa được dữ liệu thuộc phạm vi vai trò của bạn, như trên giao diện:
ngoài phạm vi → 404, trong phạm vi nhưng không đúng vai trò → 403.

**Định dạng**: ngày theo ISO 8601 (`yyyy-mm-dd`, ví dụ `2024-01-19`); tiền là số nguyên (đồng).
Danh sách phân trang bằng `limit` và `offset`, trả về `{"items": [...], "count": N}`.

**Lỗi**: mọi lỗi trả về `{"detail": "<thông báo tiếng Việt>"}`; dữ liệu sai kiểu → 422 kèm `errors`
(một thông báo cho mỗi trường).
"""


class ThiDuaAPI(NinjaAPI):
    """Every operation documents every error the API can answer with, in the one shape it has: the error
    handlers (errors.install_error_handlers) and the middleware answer any operation with them."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (ErrorOut, ValidationErrorOut):
            spec = model.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(spec.pop("$defs", {}))
            components.setdefault(model.__name__, spec)
        for operations in schema["paths"].values():
            for operation in operations.values():
                documented = operation.setdefault("responses", {})
                for status, (description, model) in ERROR_RESPONSES.items():
                    if status not in documented and str(status) not in documented:
                        documented[status] = {"description": description, "content": {"application/json": {
                            "schema": {"$ref": f"#/components/schemas/{model}"}}}}
        return schema


api = ThiDuaAPI(
    title="ThiĐua API",
    version="1.0",
    description=DESCRIPTION,
    auth=API_AUTH,
    urls_namespace="api",
    docs=LocalSwagger(),
)
install_error_handlers(api)
api.add_router("/org", org.router, tags=["Tổ chức"])
api.add_router("/awards", awards.router, tags=["Khen thưởng"])
api.add_router("/procedure", procedure.router, tags=["Thủ tục khen thưởng"])
api.add_router("/emulation", emulation.router, tags=["Thi đua"])
api.add_router("/tokens", tokens.router, tags=["Token API"])
api.add_router("/reports", reports.router, tags=["Báo cáo"])
api.add_router("/eligibility", eligibility_router.router, tags=["Xét điều kiện"])
api.add_router("/council", council_router.router, tags=["Hội đồng"])
api.add_router("/notifications", notifications.router, tags=["Thông báo, thời hạn"])
api.add_router("/files", files.router, tags=["Tệp tạo trong nền"])
