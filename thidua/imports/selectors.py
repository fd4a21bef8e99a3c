from django.http import Http404

from .models import ImportBatch, ImportRow

NOT_FOUND = "Không tìm thấy lô nhập liệu hoặc bạn không có quyền xem."


def import_batch_list_for(user):
    """An upload is private to the person who made it (it may hold rows outside others' reach)."""
    if not user.is_authenticated:
        return ImportBatch.objects.none()
    return ImportBatch.objects.filter(created_by=user)


def import_batch_get_for_user(user, pk) -> ImportBatch:
    batch = ImportBatch.objects.filter(created_by=user, pk=pk).first() if user.is_authenticated else None
    if batch is None:
        raise Http404(NOT_FOUND)
    return batch


def import_rows_of(batch: ImportBatch, *, only_errors: bool = False):
    """A batch's staged rows in file order (the batch was fetched through ``import_batch_get_for_user``)."""
    rows = ImportRow.objects.filter(batch=batch)
    if only_errors:
        rows = rows.filter(ok=False)
    return rows.order_by("number")
