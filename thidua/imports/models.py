from django.conf import settings
from django.db import models


class ImportKind(models.TextChoices):
    PEOPLE = "people", "Cá nhân"
    RATINGS = "ratings", "Xếp loại hằng năm"
    DISCIPLINE = "discipline", "Kỷ luật"
    INITIATIVES = "initiatives", "Sáng kiến, đề tài"


class BatchStatus(models.TextChoices):
    VALIDATING = "validating", "Đang kiểm tra"
    READY = "ready", "Chờ xác nhận"
    COMMITTING = "committing", "Đang ghi"
    COMMITTED = "committed", "Đã nhập"


class ImportBatch(models.Model):
    """One uploaded Excel file, parsed into rows and checked, waiting to be committed.

    Everything the preview and the commit need lives here (not in the session or a worker's
    memory), so both survive a page reload and a server restart.
    """

    kind = models.CharField("loại dữ liệu", max_length=20, choices=ImportKind.choices)
    file_name = models.CharField("tên tệp", max_length=255)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The top of the uploader's org.manage reach when uploading; the audit summary is filed there.
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    overwrite = models.BooleanField("ghi đè dữ liệu đã có", default=False)
    status = models.CharField(max_length=20, choices=BatchStatus.choices, default=BatchStatus.VALIDATING)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    # [[excel_row_number, [cell text in the kind's column order]], ...]
    raw_rows = models.JSONField(default=list, blank=True)
    # {"7": ["Dòng 7: ..."]}
    errors = models.JSONField(default=dict, blank=True)
    # [{"row": 8, ...cleaned values..., "note": "..."}]
    valid_rows = models.JSONField(default=list, blank=True)
    # In-file duplicate keys seen so far: {key: excel_row_number}
    seen = models.JSONField(default=dict, blank=True)
    imported = models.PositiveIntegerField(default=0)
    # A large file is written by the background worker: the clerk's choice, and why it was not written.
    commit_only_valid = models.BooleanField(default=False)
    commit_message = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    committed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "lô nhập liệu"
        verbose_name_plural = "lô nhập liệu"

    def __str__(self):
        return f"Nhập {self.get_kind_display().lower()} từ {self.file_name}"

    @property
    def error_count(self) -> int:
        return len(self.errors)

    @property
    def valid_count(self) -> int:
        return len(self.valid_rows)

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.total) if self.total else 100
