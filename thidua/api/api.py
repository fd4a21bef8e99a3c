"""The REST API: one NinjaAPI, one router per area, the same scoped accessors and doors as the pages."""

from ninja import NinjaAPI

from .auth import API_AUTH
from .docs import LocalSwagger
from .errors import install_error_handlers
from .routers import awards, emulation, notifications, org, procedure, reports, tokens
from .routers import council as council_router
from .routers import eligibility as eligibility_router

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

api = NinjaAPI(
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
