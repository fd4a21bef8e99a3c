"""Demo emulation data told by the seeds, all through the doors:
000 Bình An's 2024 launch (five contents, four key movements) and registrations;
001 Cồn Cỏ's 2024 launch (six contents, its theme); 002 the Prime Minister's, Quảng Ngãi's and Ba Tơ's
movements with Ba Tơ's 2023 results over its communes; 003 the cluster of 11 communes of Thái Nguyên city
(Đồng Liên leading) with a signed 2024 pledge and a complete, ranked scoring year; 004 Hồng Lĩnh's
21 targets of 2023 (17 met, 8 exceeded) and its 2024 theme."""

import datetime as dt
from decimal import Decimal

import time_machine
from django.contrib.auth import get_user_model

from thidua.accounts.demo import DEMO_PASSWORD
from thidua.accounts.services import role_assign

from . import services

D = dt.date


def _at(day: dt.date, hour=9):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour,
                                           tzinfo=dt.timezone(dt.timedelta(hours=7))), tick=False)


PM_MOVEMENTS = [
    ("Cả nước chung sức xây dựng nông thôn mới", D(2021, 1, 1), D(2025, 12, 31)),
    ("Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau", D(2021, 1, 1), D(2025, 12, 31)),
    ("Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở", D(2019, 1, 1), D(2025, 12, 31)),
    ("Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch COVID-19",
     D(2020, 4, 1), D(2023, 12, 31)),
]

BAN_CONTENTS = [
    "tổ chức thực hiện có hiệu quả các phong trào thi đua yêu nước năm 2024, đặc biệt là đẩy mạnh thực hiện các "
    "phong trào thi đua do Thủ tướng Chính phủ, UBND tỉnh, huyện phát động.",
    "quyết tâm thực hiện thắng lợi toàn diện các chỉ tiêu nhiệm vụ phát triển kinh tế - xã hội năm 2024; phấn đấu "
    "hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội năm 2024 đã đề ra.",
    "tiếp tục thực hiện có hiệu quả các phong trào thi đua trọng tâm; nâng cao chất lượng công tác khen thưởng, "
    "bảo đảm khen thưởng chính xác, kịp thời, công khai, minh bạch.",
    "đẩy mạnh thực hiện cải cách hành chính, xây dựng chính quyền điện tử, chính quyền số; nâng cao kỷ cương, kỷ "
    "luật, đạo đức thi hành công vụ tại cơ quan.",
    "thi đua xây dựng thế trận quốc phòng toàn dân gắn với thế trận an ninh nhân dân vững mạnh; hoàn thành chỉ "
    "tiêu giao quân năm 2024.",
]
BAN_KEY_MOVEMENTS = [
    "Bình An chung sức xây dựng nông thôn mới",
    "Bình An vì người nghèo, không để ai bị bỏ lại phía sau",
    "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí",
    "Đẩy mạnh cải cách hành chính xã Bình An giai đoạn 2022-2025",
]

CCO_THEME = "Giữ vững kỷ cương - Tăng cường trách nhiệm - Đổi mới sáng tạo - Chất lượng, hiệu quả"
CCO_CONTENTS = [
    "Tổ chức thực hiện có hiệu quả các phong trào thi đua yêu nước năm 2024 gắn với thực hiện Nghị quyết Đại hội "
    "Đảng các cấp, Nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020 - 2025.",
    f"Các phòng, ban, cơ quan, đơn vị bám sát chủ đề công tác năm 2024 của huyện “{CCO_THEME}” để xây dựng kế "
    "hoạch, nội dung, hình thức, phương pháp triển khai thực hiện.",
    "Quyết tâm thực hiện thắng lợi toàn diện các chỉ tiêu nhiệm vụ phát triển kinh tế - xã hội, đảm bảo QPAN năm "
    "2024; phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu đã đề ra.",
    "Nâng cao chất lượng công tác khen thưởng, bảo đảm khen thưởng chính xác, kịp thời, công khai, minh bạch.",
    "Đẩy mạnh thực hiện cải cách hành chính, xây dựng chính quyền điện tử, chính quyền số; nâng cao kỷ cương, kỷ "
    "luật, đạo đức thi hành công vụ.",
    "Thi đua xây dựng thế trận quốc phòng toàn dân gắn với thế trận an ninh nhân dân vững mạnh; tổ chức thành "
    "công diễn tập khu vực phòng thủ cấp huyện năm 2024.",
]

HLH_THEME = "Đoàn kết, đổi mới, thi đua hoàn thành vượt mức các chỉ tiêu, nhiệm vụ"
# Seed 004: 21 targets set by the town council for 2023: 8 exceeded, 9 met, 4 not met.
# (name, measure, planned, actual, higher_is_better)
HLH_TARGETS_2023 = [
    ("Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "1650", "1721.4", True),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "192.5", "301.011", True),
    ("Dự án đầu tư thu hút mới", "dự án", "1", "2", True),
    ("Tốc độ tăng giá trị sản xuất", "%", "9", "9.6", True),
    ("Tỷ lệ đô thị hóa", "%", "62", "63", True),
    ("Số doanh nghiệp thành lập mới", "doanh nghiệp", "60", "72", True),
    ("Tỷ lệ hồ sơ thủ tục hành chính trực tuyến", "%", "80", "86", True),
    ("Tỷ lệ thu gom, xử lý rác thải đô thị", "%", "95", "97", True),
    ("Tỷ lệ hộ nghèo", "%", "1.5", "1.5", False),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "95", "95", True),
    ("Tỷ lệ trường đạt chuẩn quốc gia", "%", "100", "100", True),
    ("Tỷ lệ khu dân cư văn hóa", "%", "90", "90", True),
    ("Tỷ lệ gia đình văn hóa", "%", "92", "92", True),
    ("Tỷ lệ trạm y tế đạt chuẩn", "%", "100", "100", True),
    ("Tỷ lệ dân số dùng nước sạch", "%", "98", "98", True),
    ("Hoàn thành chỉ tiêu giao quân", "%", "100", "100", True),
    ("Tỷ lệ lao động qua đào tạo", "%", "75", "75", True),
    ("Giá trị sản xuất nông nghiệp trên 1 ha", "triệu đồng", "120", "112", True),
    ("Tỷ lệ tham gia bảo hiểm xã hội", "%", "30", "26", True),
    ("Số khu dân cư kiểu mẫu đạt chuẩn", "khu", "6", "4", True),
    ("Tỷ lệ tai nạn giao thông giảm", "%", "5", "3", True),
]

# Seed 002: Ba Tơ's 2023 results, spread over its 19 communes (BTO-01..BTO-19) so the totals come out of data.
BTO_WORKDAYS = [380, 431, 355, 340, 330, 325, 320, 315, 310, 305, 300, 295, 290, 280, 275, 270, 265, 240, 424]
BTO_MONEY = [85, 80, 78, 76, 75, 74, 74, 73, 73, 72, 72, 72, 71, 71, 70, 70, 70, 69, 70]  # million đồng, 1.395 bn
BTO_LAND = [220, 352, 130, 125, 120, 118, 115, 112, 110, 108, 105, 102, 100, 98, 95, 92, 90, 50, 39]  # 2,281 m²
BTO_HOUSES = [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 2]  # 23 houses, 50 million đồng each
BTO_GIFTS = [380, 380, 360, 360, 355, 355, 355, 355, 355, 355, 355, 355, 355, 355, 350, 350, 350, 350, 350]

TPTN_HEADS = ["Tạ Văn Phin", "Nguyễn Văn Thắng", "Lê Thị Hương", "Trần Văn Bình", "Hoàng Văn Sơn",
              "Phạm Thị Lan", "Đỗ Văn Hải", "Ngô Thị Thu", "Vũ Văn Long", "Dương Thị Nga", "Lương Văn Đức"]
TPTN_SLUGS = ["donglien", "tancuong", "phuctriu", "phucxuan", "phucha", "soncam", "huongthuong", "linhson",
              "thinhduc", "quyetthang", "caongan"]
# Self scores per member (TPTN-01..11): 1.1, 1.2, 2.1, 2.2, 3.1 (discipline), bonus 4, penalty 5.
TPTN_SCORES = [
    (10, 10, 19, 19, 20, 5, 0),   # Đồng Liên: 83
    (9, 9, 18, 18, 20, 3, 0),     # Tân Cương: 77 (ties with Phúc Trìu, wins on discipline)
    (10, 9, 18, 19, 18, 3, 0),    # Phúc Trìu: 77
    (9, 9, 17, 18, 19, 2, 0),
    (9, 8, 17, 17, 19, 2, 0),
    (8, 8, 17, 17, 18, 2, 1),
    (8, 8, 16, 17, 18, 2, 0),
    (8, 8, 16, 16, 18, 1, 0),
    (8, 7, 16, 16, 17, 1, 1),
    (7, 7, 15, 16, 17, 1, 0),
    (7, 7, 15, 15, 16, 1, 2),
]


def load(ctx):
    admin, qng = ctx.users["admin"], ctx.users["tinh.bantdkt"]
    _seed_002(ctx, admin, qng)
    _seed_004(ctx, admin)
    _seed_000(ctx, qng)
    _seed_001(ctx, admin)
    _seed_003(ctx)


def _seed_002(ctx, admin, officer):
    u = ctx.units
    with _at(D(2023, 1, 10)):
        pm = [services.movement_launch(acting_user=admin, launched_by=u["CP"], title=t, kind="thematic",
                                       year=s.year, start_date=s, end_date=e, document_ref="Quyết định của Thủ tướng")
              for t, s, e in PM_MOVEMENTS]
        services.movement_launch(acting_user=officer, launched_by=u["QNG"], title="Dân vận khéo", year=2023)
        services.movement_launch(acting_user=officer, launched_by=u["QNG"], kind="thematic", year=2021,
                                 title="Đẩy mạnh cải cách hành chính tỉnh Quảng Ngãi giai đoạn 2021 - 2025",
                                 start_date=D(2021, 1, 1), end_date=D(2025, 12, 31))
        for title in ["Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí",
                      "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                      "Thi đua thực hiện hoàn thành tốt các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội, "
                      "quốc phòng, an ninh năm 2023"]:
            services.movement_launch(acting_user=officer, launched_by=u["BTO"], title=title, year=2023)
        ntm = services.movement_adopt(acting_user=officer, movement=pm[0], unit=u["BTO"])
        poor = services.movement_adopt(acting_user=officer, movement=pm[1], unit=u["BTO"])
        for m in pm[2:]:
            services.movement_adopt(acting_user=officer, movement=m, unit=u["BTO"])
        workdays = services.target_add(acting_user=officer, movement=ntm, name="Ngày công nhân dân đóng góp",
                                       measure="ngày công", planned_value="6000")
        money = services.target_add(acting_user=officer, movement=ntm, name="Kinh phí nhân dân, doanh nghiệp đóng góp",
                                    measure="đồng", planned_value="1300000000")
        land = services.target_add(acting_user=officer, movement=ntm, name="Diện tích đất nhân dân hiến",
                                   measure="m²", planned_value="2000")
        houses = services.target_add(acting_user=officer, movement=poor, name="Nhà ở xây dựng cho hộ nghèo, "
                                     "hộ có hoàn cảnh khó khăn", measure="ngôi nhà", planned_value="20")
        house_money = services.target_add(acting_user=officer, movement=poor, name="Kinh phí xây dựng nhà ở",
                                          measure="đồng")
        gifts = services.target_add(acting_user=officer, movement=poor, name="Suất quà tặng hộ nghèo",
                                    measure="suất", planned_value="6500")
        gift_money = services.target_add(acting_user=officer, movement=poor, name="Giá trị quà tặng", measure="đồng")
    with _at(D(2024, 1, 20)):
        for i in range(19):
            commune = u[f"BTO-{i + 1:02d}"]
            note = "13 hộ dân tự nguyện hiến đất, cây trồng, vật kiến trúc và ngày công làm đường bê tông" \
                if commune.code == "BTO-02" else ""
            for target, value in [(workdays, BTO_WORKDAYS[i]), (money, BTO_MONEY[i] * 1_000_000),
                                  (land, BTO_LAND[i]), (houses, BTO_HOUSES[i]),
                                  (house_money, BTO_HOUSES[i] * 50_000_000), (gifts, BTO_GIFTS[i]),
                                  (gift_money, Decimal(BTO_GIFTS[i]) * Decimal("582352.94"))]:
                services.result_report(acting_user=officer, target=target, unit=commune, year=2023,
                                       value=Decimal(value).quantize(Decimal("1")),
                                       note=note if target in (workdays, land) else "")
    with _at(D(2024, 3, 7)):
        ctx.extra["bto_review"] = services.review_create(acting_user=officer, unit=u["BTO"], year=2023,
                                                         kind="final", held_on=D(2024, 3, 7))


def _seed_004(ctx, admin):
    u = ctx.units
    with _at(D(2023, 1, 5)):
        m = services.movement_launch(
            acting_user=admin, launched_by=u["HLH"], year=2023,
            title="Thi đua thực hiện thắng lợi các chỉ tiêu phát triển kinh tế - xã hội, quốc phòng - an ninh "
                  "năm 2023", document_ref="Nghị quyết của HĐND thị xã về nhiệm vụ năm 2023")
        targets = [services.target_add(acting_user=admin, movement=m, name=n, measure=ms, planned_value=p,
                                       higher_is_better=h) for n, ms, p, _, h in HLH_TARGETS_2023]
    with _at(D(2024, 1, 8)):
        for target, (_, _, _, actual, _) in zip(targets, HLH_TARGETS_2023, strict=True):
            services.result_report(acting_user=admin, target=target, unit=u["HLH"], year=2023, value=actual)
    with _at(D(2024, 1, 12)):
        ctx.extra["hlh_review"] = services.review_create(acting_user=admin, unit=u["HLH"], movement=m, year=2023,
                                                         kind="final", held_on=D(2024, 1, 12))
        services.movement_launch(
            acting_user=admin, launched_by=u["HLH"], year=2024, theme=HLH_THEME,
            title="Phong trào thi đua năm 2024 của thị xã Hồng Lĩnh",
            contents=["Phấn đấu hoàn thành thắng lợi 17 chỉ tiêu phát triển kinh tế - xã hội theo Nghị quyết số "
                      "66/NQ-HĐND ngày 20/12/2023 của HĐND thị xã.",
                      "Thi đua đẩy mạnh công tác cải cách hành chính, nâng cao hiệu lực, hiệu quả chỉ đạo, điều hành.",
                      "Phát huy sáng kiến, sáng tạo; đẩy mạnh “Học tập và làm theo tư tưởng, đạo đức, phong cách "
                      "Hồ Chí Minh”."])


def _seed_000(ctx, officer):
    u, clerk = ctx.units, ctx.users["binhan.canbo"]
    with _at(D(2024, 1, 19), hour=15):
        launch = services.movement_launch(
            acting_user=clerk, launched_by=u["BAN"], year=2024, ordinal_style="mot_la", contents=BAN_CONTENTS,
            title="Phong trào thi đua yêu nước xã Bình An năm 2024")
        for title in BAN_KEY_MOVEMENTS:
            services.movement_launch(acting_user=clerk, launched_by=u["BAN"], year=2024, title=title)
        services.registration_window_set(acting_user=clerk, movement=launch, year=2024, deadline=D(2024, 3, 31))
    with _at(D(2024, 2, 20)):
        rows = [(None, "TTLDXS")]
        for name, code in [("Nguyễn Thanh Văn", "CSTDCS"), ("Lê Thị Hoa", "LDTT"), ("Nguyễn Thị Mỹ Duyên", "LDTT")]:
            if name in ctx.people:
                rows.append((ctx.people[name], code))
        regs = services.registration_submit(acting_user=clerk, movement=launch, year=2024, unit=u["BAN"], rows=rows)
    with _at(D(2024, 3, 5)):
        for reg in regs:
            services.registration_approve(acting_user=officer, registration=reg)


def _seed_001(ctx, admin):
    with _at(D(2024, 1, 25)):
        services.movement_launch(acting_user=admin, launched_by=ctx.units["CCO"], year=2024, theme=CCO_THEME,
                                 ordinal_style="thu_nhat", contents=CCO_CONTENTS,
                                 title="Phong trào thi đua yêu nước huyện Cồn Cỏ năm 2024")


def _head_users(ctx):
    User = get_user_model()
    heads = {}
    for i, (slug, name) in enumerate(zip(TPTN_SLUGS, TPTN_HEADS, strict=True), start=1):
        username = f"{slug}.chutich"
        user = ctx.users.get(username) or User.objects.filter(username=username).first()
        if user is None:
            parts = name.split()
            user = User.objects.create_user(username=username, password=DEMO_PASSWORD, first_name=parts[-1],
                                            last_name=" ".join(parts[:-1]))
            role_assign(user=user, role_code="head", unit=ctx.units[f"TPTN-{i:02d}"])
        ctx.users[username] = user
        heads[i] = user
    return heads


def _seed_003(ctx):
    u = ctx.units
    officer, leader_clerk = ctx.users["thainguyen.bantdkt"], ctx.users["donglien.canbo"]
    heads = _head_users(ctx)
    members = [u[f"TPTN-{i:02d}"] for i in range(1, 12)]
    name = "Cụm thi đua các xã thuộc thành phố Thái Nguyên"
    with _at(D(2023, 2, 1)):
        services.cluster_create(acting_user=officer, organiser=u["TPTN"], name=name, year=2023, members=members,
                                leader=members[10], deputy=members[0])
    with _at(D(2024, 2, 20)):
        cluster = services.cluster_create(acting_user=officer, organiser=u["TPTN"], name=name, year=2024,
                                          members=members, leader=members[0], deputy=members[2],
                                          women_led=[members[2]])
        ctx.extra["cluster_2024"] = cluster
        pledge = services.pledge_save(
            acting_user=leader_clerk, cluster=cluster, title="Giao ước thi đua năm 2024",
            common_targets=[
                "Thực hiện có hiệu quả các phong trào thi đua do Trung ương, tỉnh và UBND thành phố phát động",
                "Không có cán bộ, công chức, viên chức vi phạm kỷ luật, mắc tệ nạn xã hội, vi phạm an toàn giao thông",
                "Chấp hành nghiêm Chỉ thị 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ",
                "Phấn đấu 100% cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên",
            ],
            unit_targets={members[0]: ["Hoàn thành xây dựng xã nông thôn mới kiểu mẫu"],
                          members[1]: ["Phát triển vùng chè đặc sản Tân Cương"]})
        c1 = services.criterion_add(acting_user=leader_clerk, cluster=cluster, code="1",
                                    name="Công tác chỉ đạo, tổ chức phong trào thi đua", max_points="20")
        c2 = services.criterion_add(acting_user=leader_clerk, cluster=cluster, code="2",
                                    name="Thực hiện các chỉ tiêu kinh tế - xã hội", max_points="40")
        leaves = [
            services.criterion_add(acting_user=leader_clerk, cluster=cluster, parent=c1, code="1.1",
                                   name="Ban hành kế hoạch, phát động thi đua", max_points="10"),
            services.criterion_add(acting_user=leader_clerk, cluster=cluster, parent=c1, code="1.2",
                                   name="Sơ kết, tổng kết, nhân rộng điển hình", max_points="10"),
            services.criterion_add(acting_user=leader_clerk, cluster=cluster, parent=c2, code="2.1",
                                   name="Chỉ tiêu kinh tế, thu ngân sách", max_points="20"),
            services.criterion_add(acting_user=leader_clerk, cluster=cluster, parent=c2, code="2.2",
                                   name="Chỉ tiêu văn hóa - xã hội, nông thôn mới", max_points="20"),
            services.criterion_add(acting_user=leader_clerk, cluster=cluster, code="3",
                                   name="Kỷ luật, kỷ cương hành chính", max_points="20", tie_key="discipline"),
            services.criterion_add(acting_user=leader_clerk, cluster=cluster, code="4", kind="bonus",
                                   name="Điểm thưởng: mô hình mới, cách làm hay", max_points="5"),
            services.criterion_add(acting_user=leader_clerk, cluster=cluster, code="5", kind="penalty",
                                   name="Điểm trừ: chậm báo cáo, vi phạm", max_points="5"),
        ]
    with _at(D(2024, 3, 20), hour=14):
        for i in range(1, 12):
            services.pledge_sign(acting_user=heads[i], pledge=pledge)
    with _at(D(2024, 11, 25)):
        for member, scores in zip(members, TPTN_SCORES, strict=True):
            clerk = leader_clerk if member == members[0] else officer
            if member == members[1]:
                clerk = ctx.users["tancuong.canbo"]
            card = services.scorecard_self_score(acting_user=clerk, cluster=cluster, unit=member,
                                                 points=dict(zip(leaves, [str(s) for s in scores], strict=True)))
            services.scorecard_submit(acting_user=clerk, scorecard=card)
    with _at(D(2024, 12, 5)):
        for card in cluster.scorecards.select_related("unit").order_by("unit__code"):
            if card.unit == members[4]:
                services.scorecard_adjust(acting_user=leader_clerk, scorecard=card, criterion=leaves[5], points="1",
                                          reason="Mô hình mới chưa có minh chứng kết quả áp dụng")
            reviewer = officer if card.unit == members[0] else leader_clerk
            services.scorecard_review_complete(acting_user=reviewer, scorecard=card)
    # The reviewed ranking's proposals are the awards side of the story (awards.demo.propose_from_rankings).
    ctx.extra["cluster_tptn_2024"] = cluster
