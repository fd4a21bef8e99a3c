import datetime as dt

import pytest

from tests.conftest import at


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def pdf_file():
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(name="bao-cao.pdf", content=PDF):
        return SimpleUploadedFile(name, content)

    return make


@pytest.fixture
def cstdcs_draft(cast, org, people):
    """A commune's CSTĐ cơ sở proposal in 2024: routed to the district (Luật Đ80 k2)."""
    from thidua.awards import services

    with at(dt.date(2024, 1, 10)):
        n = services.nomination_create(acting_user=cast.clerk, unit=org.binh_an, award_code="CSTDCS", year=2023,
                                       title="Đề nghị tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2023")
        services.nomination_entry_add(nomination=n, acting_user=cast.clerk, person=people.van,
                                      achievement="Hoàn thành xuất sắc nhiệm vụ năm 2023")
    return n
