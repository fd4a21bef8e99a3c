"""Plain input records for the renderers.

Callers (awards, reports) build these from their models; this package never imports
Django. Money amounts and amounts-in-words are computed by the caller (``rulebook``):
the renderers only lay them out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

RecipientKind = Literal["collective", "individual"]


@dataclass(frozen=True)
class DocHeader:
    """The NĐ 30/2020 header block shared by every administrative document.

    ``number_text`` is the full "Số: 01/QĐ-UBND" line (see ``decision_number_text``);
    leave it empty for documents that carry no number.
    """

    governing_body: str  # cơ quan chủ quản, e.g. "UBND HUYỆN BÌNH SƠN" ("" if none)
    issuer_name: str  # e.g. "ỦY BAN NHÂN DÂN XÃ BÌNH AN"
    number_text: str  # e.g. "Số: 01/QĐ-UBND"
    place: str  # e.g. "Bình An"
    date: dt.date


@dataclass(frozen=True)
class SignatureBlock:
    """Signer block (right) per NĐ 30/2020 Phụ lục I, mục 7.

    ``prefix`` is the delegation line ("KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "TL. ...")
    or "" when the head signs in their own name.
    """

    title: str  # "CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
    name: str  # "Nguyễn Văn An"
    prefix: str = ""


@dataclass(frozen=True)
class RecipientLine:
    kind: RecipientKind
    name: str
    position: str = ""
    unit: str = ""
    achievement: str = ""
    amount: int = 0  # đồng
    amount_words: str = ""
    group: str = ""  # a collective's parent unit: the annex lists a long list of collectives under their parents


@dataclass(frozen=True)
class DecisionDoc:
    governing_body: str  # "UBND HUYỆN BÌNH SƠN"
    issuer_name: str  # "ỦY BAN NHÂN DÂN XÃ BÌNH AN"
    issuer_short: str  # "UBND"
    number: int
    symbol: str  # "QĐ-UBND"
    place: str  # "Bình An"
    date: dt.date
    summary: str  # "Về việc tặng Giấy khen"
    signer_authority: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH AN"
    legal_bases: Sequence[str]  # "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
    award_name: str  # "Giấy khen"
    reason: str  # "đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2023"
    recipients: Sequence[RecipientLine]
    total_amount: int
    total_words: str  # "Một triệu bốn trăm mười nghìn đồng"
    signer_title: str  # "CHỦ TỊCH"
    signer_name: str
    signer_prefix: str = ""  # "KT. CHỦ TỊCH"
    recipients_of_copy: Sequence[str] = ()  # Nơi nhận: "Như Điều 3;", "Lưu: VT, VHXH."
    # Optional refinements; sensible defaults keep simple callers simple.
    award_verb: str = "Tặng"  # "Tặng" / "Tặng danh hiệu" / "Công nhận danh hiệu"
    proposal: str = ""  # "Xét đề nghị của Công chức Văn hóa - Xã hội xã."
    fund_name: str = "Quỹ Thi đua, Khen thưởng"  # Điều 2 source of the money
    executors: str = (
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân, các cơ quan, đơn vị có liên quan "
        "và các tập thể, cá nhân có tên tại Điều 1"
    )
    authority_text: str = ""  # "Chủ tịch Ủy ban nhân dân xã Bình An" (annex caption)
    annex_title: str = ""  # default: "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"

    @property
    def header(self) -> DocHeader:
        from .text import decision_number_text

        return DocHeader(
            governing_body=self.governing_body,
            issuer_name=self.issuer_name,
            number_text=decision_number_text(self.number, self.symbol),
            place=self.place,
            date=self.date,
        )

    @property
    def signature(self) -> SignatureBlock:
        return SignatureBlock(title=self.signer_title, name=self.signer_name, prefix=self.signer_prefix)


@dataclass(frozen=True)
class CertificateDoc:
    award_name: str  # "GIẤY KHEN" / "BẰNG KHEN" / "LAO ĐỘNG TIÊN TIẾN"
    award_verb: str  # "TẶNG" / "TẶNG DANH HIỆU"
    signer_authority_caps: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH AN"
    recipient_name: str
    recipient_line: str  # "Công chức Văn hóa - Xã hội, Ủy ban nhân dân xã Bình An"
    achievement: str  # "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2023"
    place: str
    date: dt.date
    signer_title: str  # "CHỦ TỊCH"; "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" for two lines
    signer_name: str
    decision_number_text: str  # "01/QĐ-UBND" (a leading "Số:" is tolerated)
    decision_date: dt.date
    golden_book_number: str  # "01/2024"
    verify_url: str | None = None
    emblem_png: bytes | None = None  # a real state emblem, if the deployment has one


@dataclass(frozen=True)
class Para:
    """A paragraph for ``render_simple_docx`` when plain justified text is not enough."""

    text: str
    bold: bool = False
    italic: bool = False
    align: Literal["left", "center", "right", "justify"] = "justify"
    first_line_indent: bool = True


@dataclass(frozen=True)
class TableSpec:
    columns: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths_mm: Sequence[float] | None = None  # None: share the width evenly
    money_columns: Sequence[int] = field(default=())  # indexes formatted as 1.410.000
