"""Seed 000: Xã Bình An's chairman gives Giấy khen to 6 collectives and 10 individuals for 2023,
decided on 19/01/2024 at the year-end conference — done through the same doors a clerk uses."""

import datetime as dt

import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.accounts.services import role_assign
from thidua.documents import render_simple_docx
from thidua.org.models import Kind, Level
from thidua.org.services import person_create, unit_create
from thidua.rulebook import codes as rb_codes
from thidua.rulebook import procedure

from . import disclosure, proposals, selectors, services

COLLECTIVES_2023 = [
    ("BAN-DTN", "Hoàn thành xuất sắc nhiệm vụ năm 2023, tích cực tham gia xây dựng nông thôn mới"),
    ("BAN-PN", "Hoàn thành xuất sắc nhiệm vụ năm 2023, phong trào phụ nữ giúp nhau phát triển kinh tế"),
    ("BAN-CA", "Giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn năm 2023"),
    ("BAN-QS", "Hoàn thành 100% chỉ tiêu giao quân năm 2023"),
    ("BAN-TH", "Hoàn thành xuất sắc nhiệm vụ năm học 2022 – 2023"),
    ("BAN-T1", "Thôn tiêu biểu trong phong trào “Bình An chung sức xây dựng nông thôn mới”"),
]
INDIVIDUALS_2023 = [
    ("Nguyễn Thanh Văn", "Hoàn thành xuất sắc nhiệm vụ năm 2023"),
    ("Lê Thị Hoa", "Hoàn thành xuất sắc nhiệm vụ năm 2023"),
    ("Phạm Thị Lan", "Có sáng kiến cải cách hành chính được áp dụng năm 2023"),
    ("Huỳnh Văn Dũng", "Hoàn thành xuất sắc nhiệm vụ bảo đảm an ninh trật tự năm 2023"),
    ("Đỗ Văn Hùng", "Hoàn thành xuất sắc công tác tuyển quân năm 2023"),
    ("Nguyễn Thị Mỹ Duyên", "Tích cực trong phong trào thanh niên tình nguyện năm 2023"),
    ("Lê Văn Sơn", "Hoàn thành xuất sắc nhiệm vụ năm học 2022 – 2023"),
    ("Võ Thị Thu Trang", "Tích cực vận động hội viên tham gia các phong trào thi đua năm 2023"),
    ("Đặng Thị Hồng", "Hoàn thành tốt công tác chăm sóc sức khỏe nhân dân năm 2023"),
    ("Nguyễn Văn An", "Tích cực vận động nhân dân hiến đất làm đường giao thông nông thôn năm 2023"),
]


def _at(day: dt.date, hour=9):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.timezone(dt.timedelta(hours=7))),
                               tick=False)


def load(ctx):
    clerk = ctx.users["binhan.canbo"]
    commune = ctx.units["BAN"]
    with _at(dt.date(2024, 1, 10)):
        nomination = services.nomination_create(
            acting_user=clerk, unit=commune, award_code="GIAY_KHEN", year=2023,
            title="Đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích năm 2023",
            reason_text="đã có thành tích xuất sắc trong phong trào thi đua yêu nước",
        )
        for code, achievement in COLLECTIVES_2023:
            _add(nomination, clerk, recipient_unit=ctx.units[code], achievement=achievement)
        for name, achievement in INDIVIDUALS_2023:
            _add(nomination, clerk, person=ctx.people[name], achievement=achievement)
        services.nomination_submit(nomination=nomination, acting_user=clerk)
    # The commune council reviews the submitted list in a secret ballot on 15/01/2024 (council.demo),
    # then decide_2023 approves and issues it (the order is home.management.commands.seed_demo's).
    ctx.extra["nomination_2023"] = nomination


def decide_2023(ctx):
    clerk, chairman = ctx.users["binhan.canbo"], ctx.users["binhan.chutich"]
    nomination = ctx.extra["nomination_2023"]
    with _at(dt.date(2024, 1, 16)):
        # The demo's signers and issuers "entered" their second factor (as its council members do).
        services.nomination_approve(otp_verified=True, nomination=nomination, acting_user=chairman)
    with _at(dt.date(2024, 1, 19), hour=15):
        ctx.extra["decision_2023"] = services.decision_issue(
            otp_verified=True, nomination=nomination, acting_user=clerk, issued_on=dt.date(2024, 1, 19))

    _seed_002(ctx)
    _seed_004(ctx)


# ---------------------------------------------------------------------------- shared steps

COUNCIL_NOTE = "Hội đồng Thi đua – Khen thưởng đã bình xét, thống nhất đề nghị"


def _add(nomination, clerk, **recipient):
    """Add an entry; where the rulebook has no data to find it eligible, the council's review is the reason."""
    entry = services.nomination_entry_add(nomination=nomination, acting_user=clerk, **recipient)
    verdict = services.entry_verdict(entry, timezone.localdate())
    if verdict is not None and verdict.status in services.OVERRIDE_STATUSES:
        services.nomination_entry_override(entry=entry, acting_user=clerk, reason=COUNCIL_NOTE)
    elif verdict is not None and verdict.status == rb_codes.STATUS_NEEDS_JUDGEMENT:
        services.entry_judgement_record(entry=entry, acting_user=clerk, note=COUNCIL_NOTE)
    return entry


def _complete_dossier(nomination, clerk):
    for item in selectors.dossier_missing(nomination):
        if item.doc_type == "to_trinh":
            services.submission_letter_generate(nomination=nomination, acting_user=clerk)
            continue
        content = render_simple_docx([item.label.upper(), nomination.title],
                                     [f"{nomination.unit.name}: {item.label.lower()} kèm theo {nomination.title.lower()}."])
        services.dossier_document_add(nomination=nomination, doc_type=item.doc_type, acting_user=clerk,
                                      file=SimpleUploadedFile(f"{item.doc_type}.docx", content))


def council_meets(nomination, recorder, *, met_on):
    """Where the law requires the council, the demo's councils met on paper the day before approval: the
    deciding level records the result with the minutes, through the awards door."""
    if not services.council_missing(nomination):
        return
    content = render_simple_docx(["BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", nomination.title],
                                 [f"Hội đồng Thi đua – Khen thưởng xét {nomination.title.lower()}: thống nhất đề nghị."])
    with _at(met_on, hour=16):
        services.nomination_council_minutes_record(nomination=nomination, acting_user=recorder, met_on=met_on,
                                                   minutes=SimpleUploadedFile("bien-ban-hop-hoi-dong.docx", content))


def _user(ctx, username, full_name, unit, role):
    if username not in ctx.users:
        *last, first = full_name.split()
        user = get_user_model().objects.create_user(username=username, password=_demo_password(),
                                                    first_name=first, last_name=" ".join(last))
        ctx.users[username] = user
    role_assign(user=ctx.users[username], role_code=role, unit=unit)
    return ctx.users[username]


def _demo_password():
    from thidua.accounts.demo import DEMO_PASSWORD

    return DEMO_PASSWORD


def _cycle(ctx, *, clerk, approver, issuer, unit, code, year, title, reason, recipients, created, approved,
           issued, signer_name="", signer_title="", award_type="cong_trang"):
    with _at(created):
        nomination = services.nomination_create(acting_user=clerk, unit=unit, award_code=code, year=year,
                                                title=title, reason_text=reason, award_type=award_type)
        for recipient, achievement in recipients:
            key = "person" if hasattr(recipient, "full_name") else "recipient_unit"
            _add(nomination, clerk, achievement=achievement, **{key: recipient})
        _complete_dossier(nomination, clerk)
        services.nomination_submit(nomination=nomination, acting_user=clerk)
        if procedure.step(code, approved, procedure.DISCLOSURE).required:
            disclosure.disclosure_open(nomination=nomination, acting_user=issuer)
    council_meets(nomination, approver, met_on=approved - dt.timedelta(days=1))
    with _at(approved):
        # The demo's signers and issuers "entered" their second factor (as its council members do).
        services.nomination_approve(otp_verified=True, nomination=nomination, acting_user=approver)
    with _at(issued, hour=15):
        return services.decision_issue(otp_verified=True, nomination=nomination, acting_user=issuer, issued_on=issued,
                                       signer_name=signer_name, signer_title=signer_title)


# ---------------------------------------------------------------------------- seed 002: Ba Tơ, 07/03/2024

BTO_OFFICES = [
    ("BTO-VP", "Văn phòng HĐND và UBND huyện Ba Tơ", Kind.DEPARTMENT),
    ("BTO-GD", "Phòng Giáo dục và Đào tạo huyện Ba Tơ", Kind.DEPARTMENT),
    ("BTO-TCKH", "Phòng Tài chính – Kế hoạch huyện Ba Tơ", Kind.DEPARTMENT),
    ("BTO-VHTT", "Phòng Văn hóa và Thông tin huyện Ba Tơ", Kind.DEPARTMENT),
    ("BTO-LDXH", "Phòng Lao động – Thương binh và Xã hội huyện Ba Tơ", Kind.DEPARTMENT),
    ("BTO-NN", "Phòng Nông nghiệp và Phát triển nông thôn huyện Ba Tơ", Kind.DEPARTMENT),
    ("BTO-CA", "Công an huyện Ba Tơ", Kind.ARMED),
    ("BTO-QS", "Ban Chỉ huy Quân sự huyện Ba Tơ", Kind.ARMED),
    ("BTO-YT", "Trung tâm Y tế huyện Ba Tơ", Kind.HEALTH),
]
SURNAMES = ["Đinh", "Phạm", "Huỳnh", "Nguyễn", "Trần", "Lê", "Võ", "Đỗ", "Bùi"]
MALE = ["Văn Bình", "Văn Cường", "Văn Dũng", "Minh Đức", "Văn Hải", "Thanh Hùng", "Văn Khánh", "Văn Long",
        "Quốc Nam", "Văn Phú", "Văn Quang", "Văn Sang", "Công Tâm", "Văn Thắng", "Văn Tín", "Văn Trung"]
FEMALE = ["Thị Ánh", "Thị Bé", "Thị Diệu", "Thị Hà", "Thị Hằng", "Thị Kim", "Thị Lan", "Thị Mai", "Thị Nga",
          "Thị Nhung", "Thị Oanh", "Thị Phương", "Thị Sen", "Thị Thảo", "Thị Thu", "Thị Vân"]
POSITIONS = ["Công chức Văn hóa – Xã hội", "Công chức Địa chính – Xây dựng", "Chủ tịch Hội Phụ nữ",
             "Bí thư Đoàn Thanh niên", "Giáo viên", "Y sĩ", "Chuyên viên", "Công chức Tư pháp – Hộ tịch"]


def _ba_to_people(ctx, units, count):
    people = []
    for i in range(count):
        female = i % 2 == 1
        given = (FEMALE if female else MALE)[(i // 2) % 16]
        name = f"{SURNAMES[i % len(SURNAMES)]} {given}"
        if name in ctx.people:
            name = f"{SURNAMES[(i + 3) % len(SURNAMES)]} {given}"
        unit = units[i % len(units)]
        person = person_create(acting_user=None, full_name=name, gender="female" if female else "male",
                               date_of_birth=dt.date(1975 + i % 20, 1 + i % 12, 1 + i % 27), unit=unit,
                               position=POSITIONS[i % len(POSITIONS)], start_date=dt.date(2015, 1, 1))
        ctx.people[name] = person
        people.append(person)
    return people


def _seed_002(ctx):
    """Ba Tơ's 2023 review (07/03/2024): the district chairman gives "Chiến sĩ thi đua cơ sở" to 3 people
    and Giấy khen to 31 collectives and 59 individuals (before 01/07/2025 both are the district's power)."""
    u = ctx.units
    district = u["BTO"]
    with _at(dt.date(2024, 2, 1)):
        for code, name, kind in BTO_OFFICES:
            if code not in u:
                u[code] = unit_create(acting_user=None, code=code, name=name, level=Level.GRASSROOTS, kind=kind,
                                      parent=district)
        clerk = _user(ctx, "bato.canbo", "Đinh Thị Thanh Hương", district, "clerk")
        chairman = _user(ctx, "bato.chutich", "Phạm Xuân Vinh", district, "head")
        communes = [u[f"BTO-{i:02d}"] for i in range(1, 20)]
        offices = [u["BTO-NV"], u["BTO-HD"], u["BTO-LDLD"]] + [u[c] for c, _, _ in BTO_OFFICES]
        people = _ba_to_people(ctx, communes + offices, 62)
    common = dict(clerk=clerk, approver=chairman, issuer=clerk, unit=district, year=2023,
                  created=dt.date(2024, 2, 20), approved=dt.date(2024, 3, 5), issued=dt.date(2024, 3, 7))
    ctx.extra["bto_cstdcs"] = _cycle(
        ctx, code="CSTDCS", title="Đề nghị tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2023",
        reason="đã có thành tích xuất sắc trong phong trào thi đua yêu nước",
        recipients=[(p, "Hoàn thành xuất sắc nhiệm vụ năm 2023, có sáng kiến được công nhận") for p in people[:3]],
        **common)
    collectives = (communes + offices)[:31]
    ctx.extra["bto_giay_khen"] = _cycle(
        ctx, code="GIAY_KHEN", title="Đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích năm 2023",
        reason="đã có thành tích xuất sắc trong phong trào thi đua năm 2023",
        recipients=[(c, "Hoàn thành xuất sắc nhiệm vụ năm 2023") for c in collectives]
        + [(p, "Có thành tích xuất sắc trong phong trào thi đua năm 2023") for p in people[3:62]],
        **common)


# ---------------------------------------------------------------------------- seed 004: Hồng Lĩnh, 12/01/2024

HLH_CSTD = [("Nguyễn Thị Thanh Hà", "female", "Giáo viên Trường THCS Bắc Hồng", "HLH-01"),
            ("Trần Văn Lâm", "male", "Hiệu trưởng Trường Tiểu học Nam Hồng", "HLH-02"),
            ("Lê Thị Minh Nguyệt", "female", "Giáo viên Trường Mầm non Đức Thuận", "HLH-03")]


def _seed_004(ctx):
    """Huân chương Lao động hạng Nhì of the President to the town's Women's Union (proposed through the
    Prime Minister) and "Chiến sĩ thi đua cấp tỉnh" by Hà Tĩnh's chairman to 3 people, presented 12/01/2024."""
    u = ctx.units
    town, province = u["HLH"], u["HTH"]
    with _at(dt.date(2023, 11, 1)):
        clerk = _user(ctx, "honglinh.canbo", "Phan Thị Thu Hằng", town, "clerk")
        ht_officer = _user(ctx, "hatinh.bantdkt", "Nguyễn Văn Hiếu", province, "province_officer")
        ht_chairman = _user(ctx, "hatinh.chutich", "Trần Minh Đức", province, "head")
        ctn_office = _user(ctx, "ctn.vanphong", "Lê Minh Tuấn", u["CTN"], "clerk")
        ctn_head = _user(ctx, "ctn.chutich", "Nguyễn Quốc Bảo", u["CTN"], "head")
        people = []
        for name, gender, position, code in HLH_CSTD:
            p = person_create(acting_user=None, full_name=name, gender=gender, date_of_birth=dt.date(1980, 3, 8),
                              unit=u[code], position=position, start_date=dt.date(2010, 8, 15))
            ctx.people[name] = p
            people.append(p)
    ctx.extra["hlh_order"] = _cycle(
        ctx, clerk=clerk, approver=ctn_head, issuer=ctn_office, unit=town, code="HCLD_2", year=2023,
        title="Đề nghị tặng Huân chương Lao động hạng Nhì cho Hội LHPN thị xã Hồng Lĩnh",
        reason="đã có thành tích xuất sắc trong công tác từ năm 2018 đến năm 2022, góp phần vào sự nghiệp "
               "xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc",
        recipients=[(u["HLH-PN"], "Thành tích xuất sắc trong công tác Hội và phong trào phụ nữ từ năm 2018 đến 2022")],
        created=dt.date(2023, 11, 6), approved=dt.date(2024, 1, 3), issued=dt.date(2024, 1, 4),
        signer_title="Chủ tịch nước")
    ctx.extra["hlh_cstd_tinh"] = _cycle(
        ctx, clerk=clerk, approver=ht_chairman, issuer=ht_officer, unit=town, code="CSTD_TINH", year=2023,
        title="Đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh cho 03 cá nhân",
        reason="đã có thành tích xuất sắc trong phong trào thi đua yêu nước từ năm học 2020 - 2021 đến năm học "
               "2022 - 2023",
        recipients=[(p, "Ba năm liên tục đạt Chiến sĩ thi đua cơ sở, có sáng kiến có phạm vi ảnh hưởng cấp tỉnh")
                    for p in people],
        created=dt.date(2023, 12, 1), approved=dt.date(2024, 1, 5), issued=dt.date(2024, 1, 8))


def propose_from_rankings(ctx):
    """Seed 003: the Thái Nguyên cluster's reviewed ranking proposes its leaders for awards (10/12/2024)."""
    with _at(dt.date(2024, 12, 10)):
        proposals.ranking_propose(acting_user=ctx.users["thainguyen.bantdkt"], cluster=ctx.extra["cluster_tptn_2024"])
