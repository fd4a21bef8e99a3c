import hashlib

from django.conf import settings
from django.db import models


def hash_key(raw_key: str) -> str:
    # A plain SHA-256 is enough here: keys are 256 random bits, so there is
    # nothing to brute-force, and a fast hash keeps the per-request lookup cheap.
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    """A personal API key. Only its SHA-256 is stored: the key is shown once, at creation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name="người dùng")
    name = models.CharField("tên gợi nhớ", max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField("tiền tố", max_length=16, editable=False)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    last_used_at = models.DateTimeField("lần dùng gần nhất", null=True, blank=True)
    revoked_at = models.DateTimeField("ngày thu hồi", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "token API"
        verbose_name_plural = "token API"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
