"""One archive with everything a restore needs: the database dump and the uploaded files (dossiers, minutes,
scans), with a manifest that lists each file's checksum and each table's row count.

PostgreSQL is dumped with pg_dump (custom format) and restored with pg_restore; SQLite through its own online
backup API. The files are read and written through Django's default storage, so the same commands serve a
media folder and an S3-compatible bucket (django-storages). A restore goes only into an empty database and an
empty storage, then checks the files against their checksums and the tables against their row counts;
anything off is an error, named.
"""

import datetime as dt
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection

FORMAT = 1
DB_POSTGRES, DB_SQLITE = "db.dump", "db.sqlite3"


class BackupError(Exception):
    """Vietnamese message for the operator."""


def _sha256(name: str) -> str:
    h = hashlib.sha256()
    with default_storage.open(name, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _stored(prefix: str = ""):
    """Every file name in the default storage, depth first (a folder or a bucket alike)."""
    try:
        folders, names = default_storage.listdir(prefix)
    except FileNotFoundError:
        return
    for name in sorted(names):
        yield f"{prefix}{name}"
    for folder in sorted(folders):
        yield from _stored(f"{prefix}{folder}/")


def _pg_env(conf: dict) -> dict:
    env = {**os.environ, "PGDATABASE": conf["NAME"]}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if conf.get(key):
            env[var] = str(conf[key])
    return env


def table_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def media_files() -> dict[str, dict]:
    return {name: {"sha256": _sha256(name), "size": default_storage.size(name)} for name in _stored()}


def backup(target: Path) -> dict:
    """Write the archive to ``target`` (a .tar.gz); return its manifest."""
    conf = connection.settings_dict
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if connection.vendor == "postgresql":
            dump = tmp / DB_POSTGRES
            run = subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(dump)],
                                 env=_pg_env(conf), capture_output=True, text=True)
            if run.returncode:
                raise BackupError(f"pg_dump không chạy được: {run.stderr.strip()}")
        elif connection.vendor == "sqlite":
            dump = tmp / DB_SQLITE
            connection.ensure_connection()
            with sqlite3.connect(dump) as out:
                connection.connection.backup(out)
        else:
            raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")
        manifest = {"format": FORMAT, "created_at": dt.datetime.now(dt.UTC).isoformat(),
                    "engine": connection.vendor, "database": dump.name, "tables": table_counts(),
                    "media": media_files()}
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(target, "w:gz") as tar:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=dump.name)
            for name, meta in manifest["media"].items():
                info = tarfile.TarInfo(f"media/{name}")
                info.size = meta["size"]
                with default_storage.open(name, "rb") as f:
                    tar.addfile(info, f)
    return manifest


def _safe_members(tar: tarfile.TarFile):
    for m in tar.getmembers():
        if m.name.startswith("/") or ".." in Path(m.name).parts or not (m.isfile() or m.isdir()):
            raise BackupError(f"Tệp sao lưu có mục không hợp lệ: {m.name}")
        yield m


def restore(source: Path) -> dict:
    """Restore ``source`` into the current (empty) database and (empty) media folder; return the manifest."""
    if not source.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {source}.")
    with connection.cursor() as cursor:
        if connection.introspection.table_names(cursor):
            raise BackupError("Cơ sở dữ liệu đích không trống: chỉ phục hồi vào một cơ sở dữ liệu mới, chưa có bảng.")
    if next(_stored(), None) is not None:
        raise BackupError("Nơi lưu tệp đính kèm không trống: chỉ phục hồi vào thư mục (hoặc bucket) trống.")
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(source, "r:gz") as tar:
        tmp = Path(tmp)
        tar.extractall(tmp, members=list(_safe_members(tar)))  # noqa: S202 — members checked above
        manifest = json.loads((tmp / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError("Tệp sao lưu có định dạng khác, không phục hồi được.")
        if manifest["engine"] != connection.vendor:
            raise BackupError(f"Bản sao lưu của {manifest['engine']} không phục hồi vào {connection.vendor}.")
        dump = tmp / manifest["database"]
        if connection.vendor == "postgresql":
            run = subprocess.run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                                  "--dbname", connection.settings_dict["NAME"], str(dump)],
                                 env=_pg_env(connection.settings_dict), capture_output=True, text=True)
            if run.returncode:
                raise BackupError(f"pg_restore không chạy được: {run.stderr.strip()}")
        else:
            connection.ensure_connection()
            with sqlite3.connect(dump) as src:
                src.backup(connection.connection)
        for name in manifest["media"]:
            with (tmp / "media" / name).open("rb") as f:
                saved = default_storage.save(name, File(f))
            if saved != name:
                raise BackupError(f"Không ghi được tệp {name} đúng tên (nơi lưu đặt thành {saved}).")
    problems = [f"tệp {n}" for n, meta in manifest["media"].items() if _sha256(n) != meta["sha256"]]
    counts = table_counts()
    problems += [f"bảng {t} ({counts.get(t)} ≠ {n} dòng)" for t, n in manifest["tables"].items() if counts.get(t) != n]
    if problems:
        raise BackupError("Phục hồi không khớp bản sao lưu: " + "; ".join(problems))
    return manifest
