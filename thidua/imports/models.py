from django.conf import settings
from django.db import models


class ImportKind(models.TextChoices):
    PEOPLE = "people", "Cá nhân"
    RATINGS = "ratings", "Xếp loại hằng năm"
    DISCIPLINE = "discipline", "Kỷ luật"
    INITIATIVES = "initiatives", "Sáng kiến, đề tài"
    # Checked and written by the awards app (awards.history_import, awards.nominee_import), which registers them.
    HISTORY = "history", "Lịch sử khen thưởng"
    NOMINEES = "nominees", "Danh sách đề nghị khen thưởng"


class BatchStatus(models.TextChoices):
    VALIDATING = "validating", "Đang kiểm tra"
    READY = "ready", "Chờ xác nhận"
    COMMITTING = "committing", "Đang ghi"
    COMMITTED = "committed", "Đã nhập"
    FAILED = "failed", "Không đọc được"


class ImportBatch(models.Model):
    """One uploaded Excel file: its rows are staged in ``ImportRow`` (checked, with their errors), the batch
    keeps only counters, so the preview, the progress polls and the commit read what they need and a large
    file costs no more memory than a small one. Everything lives in the database (not in the session or a
    worker's memory), so both survive a page reload and a server restart.
    """

    kind = models.CharField("loại dữ liệu", max_length=20, choices=ImportKind.choices)
    file_name = models.CharField("tên tệp", max_length=255)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The top of the uploader's org.manage reach when uploading; the audit summary is filed there.
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    overwrite = models.BooleanField("ghi đè dữ liệu đã có", default=False)
    # The record the rows fill, for a kind that fills one (the nomination a nominee list goes into).
    target_id = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=BatchStatus.choices, default=BatchStatus.VALIDATING)
    # Rows of the file: while checking in the background, the size its sheet declares; then the rows found.
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    valid_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    # A large file waits here for the background worker, which reads it as a stream.
    source = models.FileField(upload_to="imports/%Y/%m/", blank=True)
    # The newest audit entry before the rows were checked: the commit checks them again only when an audited
    # change inside the uploader's reach came after it.
    data_version = models.BigIntegerField(default=0)
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
    def percent(self) -> int:
        return int(100 * self.processed / self.total) if self.total else 100


class ImportRow(models.Model):
    """One data row of an uploaded file, as read (cell texts in the kind's column order) and as checked:
    the cleaned values of a valid row (``data``, JSON-safe) or its Vietnamese errors."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField("dòng")  # the Excel row number, as the clerk sees it
    values = models.JSONField(default=list)
    ok = models.BooleanField(default=False)
    data = models.JSONField(null=True, blank=True)
    errors = models.JSONField(default=list, blank=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["batch", "number"]
        constraints = [models.UniqueConstraint(fields=["batch", "number"], name="import_row_once")]
        indexes = [models.Index(fields=["batch", "ok", "number"], name="import_row_status")]

    @property
    def cells(self) -> list:
        """The values shown in the preview (every column after STT)."""
        return self.values[1:]
