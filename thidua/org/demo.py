"""Demo organisation: the units of the five seed articles (see ../shared/seeds/)."""

import datetime as dt

from thidua.org import services
from thidua.org.models import Kind, Level, Unit

D = dt.date


def _unit(ctx, code, name, level, kind, parent=None, **extra):
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        unit = services.unit_create(acting_user=None, code=code, name=name, level=level, kind=kind,
                                    parent=parent, **extra)
    ctx.units[code] = unit
    return unit


def load(ctx):
    u = _unit
    # Central issuers (decisions of the Prime Minister and the President appear in award histories).
    u(ctx, "CP", "Chính phủ", Level.CENTRAL, Kind.GOVERNMENT, place_name="Hà Nội", doc_symbol="TTg",
      head_title="Thủ tướng")
    u(ctx, "CTN", "Chủ tịch nước", Level.CENTRAL, Kind.GOVERNMENT, place_name="Hà Nội", doc_symbol="CTN",
      head_title="Chủ tịch nước")

    # Seed 000 and 002: Quảng Ngãi — Bình Sơn (Bình An) and Ba Tơ.
    qn = u(ctx, "QNG", "Tỉnh Quảng Ngãi", Level.PROVINCE, Kind.PEOPLES_COMMITTEE, place_name="Quảng Ngãi",
           valid_from=D(1989, 7, 1))
    u(ctx, "QNG-BTDKT", "Ban Thi đua – Khen thưởng tỉnh Quảng Ngãi", Level.PROVINCE, Kind.DEPARTMENT, qn,
      head_title="Trưởng Ban", head_name="Phạm Thị Thu Hà", doc_symbol="BTĐKT")
    bs = u(ctx, "BSN", "Huyện Bình Sơn", Level.DISTRICT, Kind.PEOPLES_COMMITTEE, qn, place_name="Bình Sơn")
    ba = u(ctx, "BAN", "Xã Bình An", Level.COMMUNE, Kind.PEOPLES_COMMITTEE, bs, place_name="Bình An",
           head_name="Võ Thanh Tuấn", valid_from=D(1976, 1, 1))
    for code, name, kind in [
        ("BAN-DTN", "Đoàn Thanh niên xã Bình An", Kind.MASS_ORG),
        ("BAN-PN", "Hội Liên hiệp Phụ nữ xã Bình An", Kind.MASS_ORG),
        ("BAN-ND", "Hội Nông dân xã Bình An", Kind.MASS_ORG),
        ("BAN-CCB", "Hội Cựu chiến binh xã Bình An", Kind.MASS_ORG),
        ("BAN-CA", "Công an xã Bình An", Kind.ARMED),
        ("BAN-QS", "Ban Chỉ huy Quân sự xã Bình An", Kind.ARMED),
        ("BAN-TH", "Trường Tiểu học Bình An", Kind.SCHOOL),
        ("BAN-TYT", "Trạm Y tế xã Bình An", Kind.HEALTH),
        ("BAN-VP", "Văn phòng HĐND và UBND xã Bình An", Kind.DEPARTMENT),
        ("BAN-T1", "Thôn An Châu", Kind.VILLAGE),
        ("BAN-T2", "Thôn An Điềm", Kind.VILLAGE),
        ("BAN-T3", "Thôn Phước Hòa", Kind.VILLAGE),
    ]:
        u(ctx, code, name, Level.GRASSROOTS, kind, ba)

    bt = u(ctx, "BTO", "Huyện Ba Tơ", Level.DISTRICT, Kind.PEOPLES_COMMITTEE, qn, place_name="Ba Tơ",
           head_name="Phạm Xuân Vinh")
    u(ctx, "BTO-NV", "Phòng Nội vụ huyện Ba Tơ", Level.GRASSROOTS, Kind.DEPARTMENT, bt)
    u(ctx, "BTO-HD", "Huyện đoàn Ba Tơ", Level.GRASSROOTS, Kind.MASS_ORG, bt)
    u(ctx, "BTO-LDLD", "Liên đoàn Lao động huyện Ba Tơ", Level.GRASSROOTS, Kind.MASS_ORG, bt)
    for i, name in enumerate(["Thị trấn Ba Tơ", "Xã Ba Tiêu", "Xã Ba Xa", "Xã Ba Ngạc", "Xã Ba Vì", "Xã Ba Thành",
                              "Xã Ba Động", "Xã Ba Dinh", "Xã Ba Điền", "Xã Ba Cung", "Xã Ba Trang", "Xã Ba Lế",
                              "Xã Ba Nam", "Xã Ba Khâm", "Xã Ba Liên", "Xã Ba Giang", "Xã Ba Tô", "Xã Ba Bích",
                              "Xã Ba Vinh"], start=1):
        u(ctx, f"BTO-{i:02d}", name, Level.COMMUNE, Kind.PEOPLES_COMMITTEE, bt,
          place_name=name.replace("Xã ", "").replace("Thị trấn ", ""))

    # Seed 001: Quảng Trị — Huyện Cồn Cỏ (an island district without communes).
    qt = u(ctx, "QTR", "Tỉnh Quảng Trị", Level.PROVINCE, Kind.PEOPLES_COMMITTEE, place_name="Quảng Trị")
    cc = u(ctx, "CCO", "Huyện Cồn Cỏ", Level.DISTRICT, Kind.PEOPLES_COMMITTEE, qt, place_name="Cồn Cỏ",
           head_name="Võ Viết Cường", valid_from=D(2004, 4, 16))
    for code, name, kind in [
        ("CCO-VP", "Văn phòng HĐND và UBND huyện Cồn Cỏ", Kind.DEPARTMENT),
        ("CCO-QS", "Ban Chỉ huy Quân sự huyện Cồn Cỏ", Kind.ARMED),
        ("CCO-CA", "Công an huyện Cồn Cỏ", Kind.ARMED),
        ("CCO-TTVH", "Trung tâm Văn hóa – Thể thao huyện Cồn Cỏ", Kind.DEPARTMENT),
    ]:
        u(ctx, code, name, Level.GRASSROOTS, kind, cc)

    # Seed 004: Hà Tĩnh — Thị xã Hồng Lĩnh with its wards and communes.
    ht = u(ctx, "HTH", "Tỉnh Hà Tĩnh", Level.PROVINCE, Kind.PEOPLES_COMMITTEE, place_name="Hà Tĩnh")
    hl = u(ctx, "HLH", "Thị xã Hồng Lĩnh", Level.DISTRICT, Kind.PEOPLES_COMMITTEE, ht, place_name="Hồng Lĩnh",
           head_name="Nguyễn Huy Hùng")
    u(ctx, "HLH-PN", "Hội Liên hiệp Phụ nữ thị xã Hồng Lĩnh", Level.GRASSROOTS, Kind.MASS_ORG, hl)
    u(ctx, "HLH-MT", "Ủy ban MTTQ Việt Nam thị xã Hồng Lĩnh", Level.GRASSROOTS, Kind.MASS_ORG, hl)
    for i, name in enumerate(["Phường Bắc Hồng", "Phường Nam Hồng", "Phường Đức Thuận", "Phường Trung Lương",
                              "Phường Đậu Liêu", "Xã Thuận Lộc"], start=1):
        u(ctx, f"HLH-{i:02d}", name, Level.COMMUNE, Kind.PEOPLES_COMMITTEE, hl,
          place_name=name.replace("Phường ", "").replace("Xã ", ""))

    # Seed 003: Thái Nguyên city's cluster of 11 communes, Đồng Liên leading.
    tn = u(ctx, "TNG", "Tỉnh Thái Nguyên", Level.PROVINCE, Kind.PEOPLES_COMMITTEE, place_name="Thái Nguyên")
    tp = u(ctx, "TPTN", "Thành phố Thái Nguyên", Level.DISTRICT, Kind.PEOPLES_COMMITTEE, tn,
           place_name="Thái Nguyên")
    for i, (name, head) in enumerate([
        ("Xã Đồng Liên", "Tạ Văn Phin"), ("Xã Tân Cương", ""), ("Xã Phúc Trìu", ""), ("Xã Phúc Xuân", ""),
        ("Xã Phúc Hà", ""), ("Xã Sơn Cẩm", ""), ("Xã Huống Thượng", ""), ("Xã Linh Sơn", ""),
        ("Xã Thịnh Đức", ""), ("Xã Quyết Thắng", ""), ("Xã Cao Ngạn", ""),
    ], start=1):
        u(ctx, f"TPTN-{i:02d}", name, Level.COMMUNE, Kind.PEOPLES_COMMITTEE, tp,
          place_name=name.replace("Xã ", ""), head_name=head)
