"""The "Căn cứ" lines of a decision depend on the texts in force on its date."""

import datetime as dt

REFORM_DATE = dt.date(2025, 7, 1)  # NĐ 152/2025 and the two-level local government


def decision_legal_bases(*, issuer, on: dt.date) -> list[str]:
    if on >= REFORM_DATE:
        lines = [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;",
            "Căn cứ Nghị định số 129/2025/NĐ-CP của Chính phủ quy định việc thực hiện thẩm quyền quản lý nhà nước của chính quyền địa phương hai cấp;",
        ]
    else:
        lines = [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
        ]
    lines.append(f"Theo đề nghị của công chức phụ trách công tác thi đua, khen thưởng {issuer.name}.")
    return lines
