from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.home, name="home"),
    path("thong-ke/", views.award_table, name="award-table"),
    path("thong-ke/tai-ve.<str:fmt>", views.award_table_download, name="award-table-download"),
    path("so-vang/", views.register, name="register"),
    path("so-vang/tai-ve.<str:fmt>", views.register_download, name="register-download"),
    path("tong-ket/", views.summary_view, name="summary"),
    path("tong-ket/tai-ve.<str:fmt>", views.summary_download, name="summary-download"),
]
