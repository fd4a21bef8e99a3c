"""The messages every app says the same way (architecture.md, Habit 9: error messages as constants).
An app's own rules keep their own constants beside their doors."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

NOT_FOUND = "Không tìm thấy hoặc bạn không có quyền xem."
ERR_NO_PERMISSION = "Bạn không có quyền thực hiện thao tác này."
ERR_RETURN_REASON = "Phải ghi rõ lý do trả lại."
ERR_DECISION_DATE = "Ngày quyết định phải từ 01/01/2024 (bộ quy tắc cũ hơn chưa được mã hóa)."

# Uploads (core.uploads.check_upload)
ERR_UPLOAD_EMPTY = "Chưa chọn tệp hoặc tệp rỗng."
ERR_UPLOAD_TYPE = "Tệp “{name}” không đúng định dạng cho phép ({allowed})."
ERR_UPLOAD_SIZE = "Tệp “{name}” vượt quá dung lượng cho phép ({limit})."
ERR_UPLOAD_CONTENT = "Nội dung tệp “{name}” không phải tệp .{ext} hợp lệ (có thể đã bị đổi đuôi hoặc bị hỏng)."
ERR_UPLOAD_XLS = "Tệp “{name}” là Excel 97–2003 (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx."


def one_or_404(queryset, pk, message: str = NOT_FOUND):
    """The row ``pk`` of a scoped list, or Http404 with ``message`` for "missing" and "not yours" alike
    (architecture.md, Habit 2). A malformed pk is missing too."""
    try:
        obj = queryset.filter(pk=pk).first()
    except (TypeError, ValueError):
        obj = None
    if obj is None:
        raise Http404(message)
    return obj


class SecondFactorRequired(PermissionDenied):
    """The act is allowed to this user, but only with the second factor (thidua.accounts.second_factor):
    a 403 on the API; pages send the user to enter the code (core.door_views)."""
