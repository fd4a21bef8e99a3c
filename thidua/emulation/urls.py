from django.urls import path

from . import views

app_name = "emulation"

urlpatterns = [
    path("", views.home, name="home"),
    path("phong-trao/them/", views.movement_create, name="movement-create"),
    path("phong-trao/<int:pk>/", views.movement_detail, name="movement-detail"),
    path("phong-trao/<int:pk>/huong-ung/", views.movement_adopt, name="movement-adopt"),
    path("phong-trao/<int:pk>/chi-tieu/", views.target_add, name="target-add"),
    path("phong-trao/<int:pk>/ket-qua/", views.result_report, name="result-report"),
    path("phong-trao/<int:pk>/so-ket-tong-ket/", views.review_create, name="review-create"),
    path("phong-trao/<int:pk>/han-dang-ky/", views.window_set, name="window-set"),
    path("phong-trao/<int:pk>/dang-ky/", views.registration_bulk, name="registration-bulk"),
    path("phong-trao/<int:pk>/dang-ky/mau.xlsx", views.registration_template, name="registration-template"),
    path("phong-trao/<int:pk>/dang-ky/tai-len/", views.registration_upload, name="registration-upload"),
    path("bao-cao/<int:pk>/docx/", views.review_docx, name="review-docx"),
    path("dang-ky/", views.registration_list, name="registration-list"),
    path("dang-ky/<int:pk>/duyet/", views.registration_approve, name="registration-approve"),
    path("dang-ky/<int:pk>/tra-lai/", views.registration_return, name="registration-return"),
    path("cum/them/", views.cluster_create, name="cluster-create"),
    path("cum/<int:pk>/", views.cluster_detail, name="cluster-detail"),
    path("cum/<int:pk>/quy-che/", views.cluster_regulation, name="cluster-regulation"),
    path("cum/<int:pk>/giao-uoc/", views.pledge_edit, name="pledge-edit"),
    path("cum/<int:pk>/giao-uoc/ky/", views.pledge_sign, name="pledge-sign"),
    path("cum/<int:pk>/tieu-chi/", views.criterion_add, name="criterion-add"),
    path("cum/<int:pk>/cham-diem/<int:unit_pk>/", views.scorecard_unit, name="scorecard-unit"),
    path("bang-diem/<int:pk>/", views.scorecard_detail, name="scorecard-detail"),
    path("bang-diem/<int:pk>/dieu-chinh/<int:criterion_pk>/", views.scorecard_adjust, name="scorecard-adjust"),
    path("bang-diem/<int:pk>/tham-dinh/", views.scorecard_review, name="scorecard-review"),
]
