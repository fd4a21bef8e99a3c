"""What the system tells each user (in the app and by e-mail), and the dates of the year's plan.

A notification is written by the door that hands work to someone, in the door's transaction; the
e-mail goes out from the background worker (tasks.py). A deadline is set by a level for its whole
subtree (the province: registration, submission of year-end dossiers…); reminders before it are
tasks scheduled for the days set in settings.DEADLINE_REMINDER_DAYS.
"""

from django.conf import settings
from django.db import models


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField("nội dung", max_length=400)
    url = models.CharField("đường dẫn", max_length=300, blank=True)
    kind = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"

    def __str__(self):
        return self.text


class Preference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_pref")
    email = models.BooleanField("nhận thông báo qua thư điện tử", default=True)

    class Meta:
        verbose_name = "tùy chọn thông báo"


class DeadlineKind(models.TextChoices):
    REGISTRATION = "registration", "Đăng ký thi đua"
    SUBMISSION = "submission", "Nộp hồ sơ đề nghị khen thưởng cuối năm"
    REVIEW = "review", "Bình xét, chấm điểm thi đua"
    REPORT = "report", "Báo cáo tổng kết"
    OTHER = "other", "Khác"


class Deadline(models.Model):
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="deadlines",
                             verbose_name="cấp đặt thời hạn")
    year = models.PositiveSmallIntegerField("năm")
    kind = models.CharField("loại", max_length=20, choices=DeadlineKind.choices)
    title = models.CharField("nội dung", max_length=300)
    due_on = models.DateField("hạn chót")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = "thời hạn trong kế hoạch năm"
        verbose_name_plural = "thời hạn trong kế hoạch năm"

    def __str__(self):
        return f"{self.title} ({self.due_on:%d/%m/%Y})"


class WorkerHeartbeat(models.Model):
    """A background worker says it is alive (manage.py worker, every WORKER_HEARTBEAT_SECONDS); /healthz reads it."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.host}:{self.pid}"


class FileJobStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang tạo"
    DONE = "done", "Đã xong"
    FAILED = "failed", "Không tạo được"


class FileJob(models.Model):
    """A file made by the background worker for one user (a decision's certificates, a report in Word, PDF or
    Excel): queued by the page or the API, built by the builder registered for its kind (notifications.files),
    its progress shown on the page; it survives a closed browser and the user is told when it is ready."""

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="file_jobs")
    kind = models.CharField(max_length=40)
    title = models.CharField("tệp", max_length=300)
    params = models.JSONField(default=dict)
    back_url = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=FileJobStatus.choices, default=FileJobStatus.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="tep/%Y/%m/", blank=True)
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "tệp tạo trong nền"
        verbose_name_plural = "tệp tạo trong nền"

    def __str__(self):
        return self.title

    @property
    def percent(self) -> int:
        return 100 if self.status == FileJobStatus.DONE else (self.done * 100 // self.total if self.total else 0)

    @property
    def pending(self) -> bool:
        return self.status in (FileJobStatus.QUEUED, FileJobStatus.RUNNING)
