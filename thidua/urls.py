from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from thidua.api.api import api
from thidua.home.api import router as todo_router
from thidua.home.health import healthz

# The to-do list composes every area, so it lives above the API (thidua.home) and is mounted here.
api.add_router("/todo", todo_router, tags=["Việc cần làm"])

# The admin needs the second factor too (a password alone is not enough): its login asks for the TOTP code,
# and a session verified elsewhere (the council's verify page) is let in.
admin.site.__class__ = OTPAdminSite
admin.site.site_header = "ThiĐua – Quản trị hệ thống"
admin.site.site_title = "ThiĐua"
admin.site.index_title = "Quản trị"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("thidua.home.urls")),
    path("tai-khoan/", include("thidua.accounts.urls")),
    path("to-chuc/", include("thidua.org.urls")),
    path("nhap-lieu/", include("thidua.imports.urls")),
    path("thi-dua/", include("thidua.emulation.urls")),
    path("khen-thuong/", include("thidua.awards.urls")),
    path("hoi-dong/", include("thidua.council.urls")),
    path("xet-duyet/", include("thidua.eligibility.urls")),
    path("bao-cao/", include("thidua.reports.urls")),
    path("thong-bao/", include("thidua.notifications.urls")),
    path("cong-khai/", include("thidua.portal.urls")),
    path("api/", api.urls),
    path("quan-tri/", admin.site.urls),
]
