"""The default roles. They are rows (editable by administrators), seeded by a migration."""

DEFAULT_ROLES = {
    "clerk": ("Cán bộ phụ trách thi đua, khen thưởng",
              ["view", "org.manage", "nomination.manage", "decision.issue", "emulation.manage", "council.manage"]),
    "head": ("Thủ trưởng đơn vị / người ký", ["view", "nomination.approve"]),
    "council_member": ("Thành viên Hội đồng Thi đua – Khen thưởng", ["view", "council.vote"]),
    "province_officer": ("Cán bộ Ban Thi đua – Khen thưởng tỉnh",
                         ["view", "org.manage", "nomination.manage", "decision.issue", "emulation.manage",
                          "council.manage"]),
    "admin": ("Quản trị hệ thống", ["view", "org.manage", "nomination.manage", "nomination.approve",
                                     "decision.issue", "emulation.manage", "council.manage", "council.vote",
                                     "role.manage"]),
}
