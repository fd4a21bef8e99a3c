"""Seed: past titles of Xã Bình An (LĐTT and CSTĐ cơ sở for 2023–2025) and the units' yearly results,
so that the 2025 candidate list shows chains (CSTĐ cấp tỉnh, Bằng khen) and person pages forecast
the next step. Everything goes through the awards doors, dated with time_machine."""

import datetime as dt

import time_machine
from django.core.files.base import ContentFile

from thidua.awards import selectors as award_selectors
from thidua.awards import services as awards
from thidua.awards.demo import council_meets
from thidua.documents import render_simple_docx
from thidua.org.models import Initiative, UnitRating
from thidua.org.people_demo import BINH_AN

# Luật TĐKT 2022 Điều 5: the council assessed the judgement criteria (gương mẫu, đoàn kết…) before
# proposing; the rulebook cannot see that, so the entry says so.
COUNCIL_NOTE = "Hội đồng Thi đua – Khen thưởng đã bình xét, đánh giá đạt các tiêu chí cần xem xét."

CSTDCS = {
    2023: ["Nguyễn Thanh Văn", "Lê Thị Hoa", "Phạm Thị Lan", "Nguyễn Thị Mỹ Duyên"],
    2024: ["Nguyễn Thanh Văn", "Lê Thị Hoa", "Phạm Thị Lan", "Lê Văn Sơn", "Huỳnh Văn Dũng", "Nguyễn Thị Mỹ Duyên"],
    2025: ["Lê Thị Hoa", "Lê Văn Sơn"],
}
# (create, approve, issue) dates of each year's review.
DATES = {
    2023: (dt.date(2024, 1, 8), dt.date(2024, 1, 15), dt.date(2024, 1, 23)),
    2024: (dt.date(2025, 1, 6), dt.date(2025, 1, 13), dt.date(2025, 1, 17)),
    2025: (dt.date(2026, 1, 5), dt.date(2026, 1, 12), dt.date(2026, 1, 16)),
}
UNIT_RESULTS = {  # code: results 2023, 2024, 2025
    "BAN": "HTT HTXS HTXS", "BAN-VP": "HTT HTXS HTXS", "BAN-TH": "HTXS HTXS HTXS", "BAN-CA": "HTT HTXS HTXS",
    "BAN-QS": "HTT HTT HTT", "BAN-DTN": "HTXS HTT HTT", "BAN-PN": "HTT HTT HTXS", "BAN-ND": "HTT HTT HTT",
    "BAN-CCB": "HTT HTT HTT", "BAN-TYT": "HTT HTT HT", "BAN-T1": "HTT HTT HTT", "BAN-T2": "HTT HTT HTT",
    "BAN-T3": "HT HTT HTT",
}
# A provincial-scope initiative accepted in 2025: with CSTĐ cơ sở 2023–2025 it grounds CSTĐ cấp tỉnh (Luật Đ22).
EXTRA_INITIATIVES = [
    ("Phạm Thị Lan", 2025, "province", "Số hóa sổ hộ tịch gốc, liên thông dữ liệu hộ tịch toàn tỉnh"),
]


def _at(day: dt.date, hour=9):
    ict = dt.timezone(dt.timedelta(hours=7))
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, tzinfo=ict), tick=False)


def _rating(name, year):
    for row in BINH_AN:
        if row[0] == name:
            return row[5].split()[year - 2021]
    return None


def _nominate(ctx, *, code, year, names, title, achievement):
    clerk, chairman = ctx.users["binhan.canbo"], ctx.users["binhan.chutich"]
    created, approved, issued = DATES[year]
    extra = {"override_reason": COUNCIL_NOTE}
    with _at(created):
        nomination = awards.nomination_create(
            acting_user=clerk, unit=ctx.units["BAN"], award_code=code, year=year, title=title,
            reason_text="đã có thành tích xuất sắc trong phong trào thi đua yêu nước")
        for name in names:
            awards.nomination_entry_add(nomination=nomination, acting_user=clerk, person=ctx.people[name],
                                        achievement=achievement.format(year=year), **extra)
        _complete_dossier(nomination, clerk, year)
        awards.nomination_submit(nomination=nomination, acting_user=clerk)
    # The decider follows the authority in force (CSTĐ cơ sở: district chairman until 30/06/2025).
    decider = nomination.decider_unit
    local = decider.pk == ctx.units["BAN"].pk
    approver = chairman if local else ctx.users["tinh.chutich"]
    issuer = clerk if local else ctx.users["tinh.bantdkt"]
    council_meets(nomination, approver, met_on=approved - dt.timedelta(days=1))
    with _at(approved):
        # The demo's signers and issuers "entered" their second factor (as its council members do).
        awards.nomination_approve(otp_verified=True, nomination=nomination, acting_user=approver)
    with _at(issued, hour=15):
        return awards.decision_issue(otp_verified=True, nomination=nomination, acting_user=issuer, issued_on=issued,
                                     signer_name=decider.head_name or "", signer_title=decider.head_title or "")


def _complete_dossier(nomination, clerk, year):
    """Attach the documents the dossier checklist requires: the
    generated Tờ trình, and a minutes file of the council meeting for the other documents."""
    for item in award_selectors.dossier_missing(nomination):
        if item.doc_type == "to_trinh":
            awards.submission_letter_generate(nomination=nomination, acting_user=clerk)
            continue
        content = render_simple_docx(
            [item.label.upper(), f"Xét khen thưởng năm {year} – {nomination.unit.name}"],
            [f"Hội đồng Thi đua – Khen thưởng {nomination.unit.name} họp bình xét {nomination.title.lower()}."])
        awards.dossier_document_add(nomination=nomination, doc_type=item.doc_type, acting_user=clerk,
                                    file=ContentFile(content, name=f"{item.doc_type}-{year}.docx"))


def load(ctx):
    for code, results in UNIT_RESULTS.items():
        for year, rating in zip((2023, 2024, 2025), results.split(), strict=True):
            UnitRating.objects.create(unit=ctx.units[code], year=year, rating=rating)
    for name, year, scope, title in EXTRA_INITIATIVES:
        Initiative.objects.create(person=ctx.people[name], title=title, year=year, scope=scope)
    for year in (2023, 2024):
        names = [row[0] for row in BINH_AN if _rating(row[0], year) in ("HTT", "HTXS")]
        _nominate(ctx, code="LDTT", year=year, names=names,
                  title=f"Đề nghị công nhận danh hiệu Lao động tiên tiến năm {year}",
                  achievement="Hoàn thành tốt nhiệm vụ năm {year}")
    for year, names in CSTDCS.items():
        _nominate(ctx, code="CSTDCS", year=year, names=names,
                  title=f"Đề nghị tặng danh hiệu Chiến sĩ thi đua cơ sở năm {year}",
                  achievement="Hoàn thành xuất sắc nhiệm vụ năm {year}")
