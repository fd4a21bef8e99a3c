"""Media on S3-compatible object storage (issue 10, item 3): with django-storages' S3 backend as the default
storage (what MEDIA_S3_BUCKET selects), an uploaded dossier file and a file made by the worker land in the
bucket, come back through the scoped pages byte for byte, and the backup archives the bucket's objects with
their checksums. The bucket is moto's in-process S3; nothing leaves the machine."""

import datetime as dt
import hashlib
import json
import tarfile

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto import mock_aws

from tests.conftest import OVERRIDE_REASON, at, run_worker
from thidua.awards import services
from thidua.core.backup import backup
from thidua.notifications.models import FileJob

pytestmark = pytest.mark.django_db(transaction=True)  # the backup reads a committed database
BUCKET = "thidua-media"
PDF = b"%PDF-1.4\n% bao cao thanh tich\n%%EOF\n"


@pytest.fixture
def bucket(settings, monkeypatch):
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(var, "test")
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            "bucket_name": BUCKET, "region_name": "us-east-1", "default_acl": "private", "file_overwrite": False}}}
        yield s3


def keys(s3):
    return sorted(o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_uploads_and_worker_files_live_in_the_bucket_and_come_back_through_the_pages(bucket, client, cast, org,
                                                                                      people, issued_decision,
                                                                                      tmp_path):
    with at(dt.date(2024, 2, 1)):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="GIAY_KHEN", year=2023,
                                       title="Đề nghị bổ sung")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.duyen, achievement="Tốt",
                                      override_reason=OVERRIDE_REASON)
        doc = services.dossier_document_add(nomination=n, doc_type="bao_cao", acting_user=cast.clerk,
                                            file=SimpleUploadedFile("Báo cáo thành tích.pdf", PDF))
    client.force_login(cast.clerk)
    assert doc.file.name in keys(bucket)
    response = client.get(reverse("awards:dossier-file", args=[n.pk, doc.pk]))
    assert response.status_code == 200 and response.content == PDF

    client.post(reverse("awards:decision-certificates-job", args=[issued_decision.pk]))
    run_worker()
    job = FileJob.objects.get()
    assert job.file.name in keys(bucket)
    made = b"".join(client.get(reverse("notifications:file-job-download", args=[job.pk])).streaming_content)
    assert made.startswith(b"%PDF") and made == bucket.get_object(Bucket=BUCKET, Key=job.file.name)["Body"].read()

    manifest = backup(tmp_path / "sao-luu.tar.gz")
    assert sorted(manifest["media"]) == keys(bucket)
    with tarfile.open(tmp_path / "sao-luu.tar.gz") as tar:
        assert json.load(tar.extractfile("manifest.json"))["media"] == manifest["media"]
        for name, meta in manifest["media"].items():
            assert hashlib.sha256(tar.extractfile(f"media/{name}").read()).hexdigest() == meta["sha256"]
