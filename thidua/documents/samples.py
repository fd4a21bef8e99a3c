"""Realistic sample inputs: used by the tests, the demo data and for eyeballing layouts.

.venv/bin/python -m thidua.documents.samples /tmp   # writes sample .docx/.pdf/.xlsx
"""

from __future__ import annotations

import datetime as dt

from .types import CertificateDoc, DecisionDoc, RecipientLine

SAMPLE_DATE = dt.date(2024, 1, 19)


def sample_decision() -> DecisionDoc:
    recipients = [
        RecipientLine(
            "collective",
            "Trường Tiểu học Bình An",
            "",
            "xã Bình An",
            "Hoàn thành xuất sắc nhiệm vụ năm học 2022 - 2023",
            1_080_000,
            "Một triệu không trăm tám mươi nghìn đồng",
        ),
        RecipientLine(
            "collective",
            "Thôn Đồng Liên",
            "",
            "xã Bình An",
            "Dẫn đầu phong trào xây dựng nông thôn mới năm 2023",
            1_080_000,
            "Một triệu không trăm tám mươi nghìn đồng",
        ),
        RecipientLine(
            "individual",
            "Võ Thanh Tuấn",
            "Công chức Văn hóa - Xã hội",
            "Ủy ban nhân dân xã Bình An",
            "Hoàn thành xuất sắc nhiệm vụ năm 2023",
            540_000,
            "Năm trăm bốn mươi nghìn đồng",
        ),
        RecipientLine(
            "individual",
            "Nguyễn Thị Hồng Lĩnh",
            "Trưởng thôn",
            "Thôn Đồng Liên",
            "Có nhiều đóng góp trong phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”",
            540_000,
            "Năm trăm bốn mươi nghìn đồng",
        ),
        RecipientLine(
            "individual",
            "Phạm Ngọc Ẩn",
            "Giáo viên",
            "Trường Tiểu học Bình An",
            "Giáo viên dạy giỏi cấp huyện năm học 2022 - 2023",
            540_000,
            "Năm trăm bốn mươi nghìn đồng",
        ),
    ]
    return DecisionDoc(
        governing_body="UBND HUYỆN BÌNH SƠN",
        issuer_name="ỦY BAN NHÂN DÂN\nXÃ BÌNH AN",
        issuer_short="UBND",
        number=1,
        symbol="QĐ-UBND",
        place="Bình An",
        date=SAMPLE_DATE,
        summary="Về việc tặng Giấy khen",
        signer_authority="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH AN",
        legal_bases=[
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, "
            "bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
            "phương ngày 22 tháng 11 năm 2019;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định "
            "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
        ],
        proposal="Xét đề nghị của Công chức Văn hóa - Xã hội (Thường trực Hội đồng Thi đua - Khen thưởng xã).",
        award_name="Giấy khen",
        reason="đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2023",
        recipients=recipients,
        total_amount=sum(r.amount for r in recipients),
        total_words="Ba triệu tám trăm bảy mươi nghìn đồng",
        signer_title="CHỦ TỊCH",
        signer_name="Trần Văn Đức",
        recipients_of_copy=["Như Điều 3;", "UBND huyện Bình Sơn (b/c);", "Lưu: VT, VHXH."],
        fund_name="Quỹ Thi đua, Khen thưởng của xã năm 2024",
        executors="Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, Công chức Văn hóa - Xã "
        "hội, các tập thể và cá nhân có tên tại Điều 1",
        authority_text="Chủ tịch Ủy ban nhân dân xã Bình An",
    )


def sample_certificate(name: str = "Võ Thanh Tuấn", golden: str = "01/2024") -> CertificateDoc:
    return CertificateDoc(
        award_name="GIẤY KHEN",
        award_verb="TẶNG",
        signer_authority_caps="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH AN",
        recipient_name=name,
        recipient_line="Công chức Văn hóa - Xã hội, Ủy ban nhân dân xã Bình An",
        achievement="Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2023",
        place="Bình An",
        date=SAMPLE_DATE,
        signer_title="CHỦ TỊCH",
        signer_name="Trần Văn Đức",
        decision_number_text="01/QĐ-UBND",
        decision_date=SAMPLE_DATE,
        golden_book_number=golden,
        verify_url="https://thidua.example.vn/xac-minh/GK-2024-0001",
    )


def _main(out_dir: str) -> None:  # pragma: no cover - a developer convenience
    from pathlib import Path

    from . import render_certificates_pdf, render_decision_docx, render_decision_pdf

    out = Path(out_dir)
    (out / "quyet-dinh.docx").write_bytes(render_decision_docx(sample_decision()))
    (out / "quyet-dinh.pdf").write_bytes(render_decision_pdf(sample_decision()))
    (out / "giay-khen.pdf").write_bytes(
        render_certificates_pdf([sample_certificate(), sample_certificate("Nguyễn Thị Hồng Lĩnh", "02/2024")])
    )
    print(f"written to {out}")


if __name__ == "__main__":  # pragma: no cover
    import sys

    _main(sys.argv[1] if len(sys.argv) > 1 else ".")
