"""The one check every upload passes before anything is stored or read: a file was chosen and is not
empty, its extension is allowed (settings.UPLOAD_ALLOWED_EXTENSIONS, narrowed by the caller), its size
is within settings.UPLOAD_MAX_BYTES, and its first bytes are those of the type its name claims."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from .errors import ERR_UPLOAD_CONTENT, ERR_UPLOAD_EMPTY, ERR_UPLOAD_SIZE, ERR_UPLOAD_TYPE, ERR_UPLOAD_XLS

ZIP = b"PK\x03\x04"  # .docx and .xlsx are zip archives
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word/Excel 97–2003
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP,), "xlsx": (ZIP,),
    "doc": (OLE,), "xls": (OLE,),
    "jpg": (b"\xff\xd8\xff",), "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}


def size_text(n: int) -> str:
    """2097152 → "2 MB", 2500000 → "2,4 MB", 3000 → "3 KB"."""
    mb = n / (1024 * 1024)
    if mb >= 1:
        return (f"{mb:.1f}".rstrip("0").rstrip(".") + " MB").replace(".", ",")
    return f"{max(n // 1024, 1)} KB"


def check_upload(f, *, only: tuple[str, ...] | None = None) -> str:
    """Raise ValidationError (Vietnamese, naming the file) or return the lower-case extension.
    ``only`` narrows the allowed extensions for this upload (an import takes only "xlsx")."""
    if not f or not getattr(f, "size", 0):
        raise ValidationError(ERR_UPLOAD_EMPTY)
    name = Path(f.name or "").name
    ext = Path(name).suffix.lower().lstrip(".")
    allowed = [e.lower() for e in settings.UPLOAD_ALLOWED_EXTENSIONS]
    if only is not None:
        if ext == "xls" and "xlsx" in only:
            raise ValidationError(ERR_UPLOAD_XLS.format(name=name))
        allowed = [e for e in allowed if e in only]
    if ext not in allowed:
        raise ValidationError(ERR_UPLOAD_TYPE.format(name=name, allowed=", ".join(allowed)))
    if f.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(ERR_UPLOAD_SIZE.format(name=name, limit=size_text(settings.UPLOAD_MAX_BYTES)))
    f.seek(0)
    head = f.read(16)
    f.seek(0)
    if not any(head.startswith(sig) for sig in SIGNATURES.get(ext, (b"",))):
        raise ValidationError(ERR_UPLOAD_CONTENT.format(name=name, ext=ext))
    return ext
