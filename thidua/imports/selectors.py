from django.http import Http404

from .models import ImportBatch

NOT_FOUND = "Không tìm thấy lô nhập liệu hoặc bạn không có quyền xem."


def import_batch_list_for(user):
    """An upload is private to the person who made it (it may hold rows outside others' reach)."""
    if not user.is_authenticated:
        return ImportBatch.objects.none()
    return ImportBatch.objects.filter(created_by=user).defer("raw_rows", "valid_rows", "errors", "seen")


def import_batch_get_for_user(user, pk) -> ImportBatch:
    batch = ImportBatch.objects.filter(created_by=user, pk=pk).first() if user.is_authenticated else None
    if batch is None:
        raise Http404(NOT_FOUND)
    return batch
