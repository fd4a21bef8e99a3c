"""Backup and restore (issue 10, item 4): `manage.py backup` writes one archive with the database and every
uploaded file; `manage.py restore` brings it into an empty database and media folder; every table and every
file comes back the same. Runs on SQLite and, in CI, on PostgreSQL (the same test, the database CI uses)."""

import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from tests.conftest import OVERRIDE_REASON, at
from thidua.awards import services

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n% ho so de nghi\n%%EOF\n"


def _plain(v):
    """One form for a value read through Django's cursor (bools, datetimes, parsed JSON) or a bare driver's."""
    if v is None:
        return None
    if isinstance(v, bool):
        return str(int(v))
    if isinstance(v, (bytes, memoryview)):
        return bytes(v).hex()
    if isinstance(v, str) and v[:1] in "[{":
        try:
            v = json.loads(v)
        except ValueError:
            return v
    if isinstance(v, (list, dict)):
        return json.dumps(v, sort_keys=True, ensure_ascii=False)
    return str(v)


def rows_of(cursor, table):
    cursor.execute(f'SELECT * FROM "{table}"')
    return sorted(repr(tuple(_plain(v) for v in r)) for r in cursor.fetchall())


def files_of(root: Path):
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def data_with_files(settings, tmp_path, cast, org, people):
    settings.MEDIA_ROOT = tmp_path / "media"
    with at(dt.date(2024, 1, 16)):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                       title="Đề nghị tặng Giấy khen năm 2023")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van, achievement="Tốt",
                                      override_reason=OVERRIDE_REASON)
        services.dossier_document_add(nomination=n, doc_type="bao_cao", acting_user=cast.clerk,
                                      file=SimpleUploadedFile("Báo cáo thành tích.pdf", PDF))
        services.submission_letter_generate(nomination=n, acting_user=cast.clerk)
    return n


def restore_into(env_db_url: str, media: Path, archive: Path):
    env = {**os.environ, "DATABASE_URL": env_db_url, "MEDIA_ROOT": str(media), "DEBUG": "1"}
    return subprocess.run([sys.executable, "manage.py", "restore", str(archive)], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def test_a_backup_restores_every_table_and_file_into_an_empty_database(data_with_files, tmp_path):
    archive = tmp_path / "thidua.tar.gz"
    call_command("backup", str(archive))
    media = tmp_path / "restored-media"
    with connection.cursor() as cursor:
        tables = [t for t in connection.introspection.table_names(cursor)]
        expected = {t: rows_of(cursor, t) for t in tables}
    if connection.vendor == "postgresql":
        import psycopg

        name = f"thidua_restore_{uuid.uuid4().hex[:8]}"
        conf = connection.settings_dict
        base = f"postgresql://{conf.get('USER') or 'postgres'}@{conf.get('HOST') or '127.0.0.1'}:{conf.get('PORT') or 5432}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            run = restore_into(f"{base}/{name}", media, archive)
            assert run.returncode == 0, run.stderr
            with psycopg.connect(f"{base}/{name}") as restored, restored.cursor() as cursor:
                got = {t: rows_of(cursor, t) for t in tables}
        finally:
            with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        target = tmp_path / "restored.sqlite3"
        run = restore_into(f"sqlite:///{target}", media, archive)
        assert run.returncode == 0, run.stderr
        with sqlite3.connect(target) as restored:
            got = {t: rows_of(restored.cursor(), t) for t in tables}
    assert "Đã phục hồi" in run.stdout
    assert got == expected and expected["awards_dossierdocument"]  # every row of every table, files' rows too
    assert files_of(media) == files_of(Path(settings.MEDIA_ROOT)) and len(files_of(media)) == 2


def test_restore_refuses_a_database_or_folder_that_is_not_empty(data_with_files, tmp_path):
    archive = tmp_path / "thidua.tar.gz"
    call_command("backup", str(archive))
    # Into the database we came from: it has tables.
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="không trống"):
        call_command("restore", str(archive))
