from django.urls import path

from . import views

app_name = "council"

urlpatterns = [
    path("", views.council_list, name="council-list"),
    path("them/", views.council_create_view, name="council-create"),
    path("<int:pk>/", views.council_detail, name="council-detail"),
    path("<int:pk>/thanh-vien/them/", views.member_add_view, name="member-add"),
    path("<int:pk>/thanh-vien/<int:member_pk>/thoi/", views.member_end_view, name="member-end"),
    path("<int:pk>/phien-hop/them/", views.session_create_view, name="session-create"),
    path("phien-hop/<int:pk>/", views.session_detail, name="session-detail"),
    path("phien-hop/<int:pk>/chuong-trinh/them/", views.agenda_add_view, name="agenda-add"),
    path("phien-hop/<int:pk>/chuong-trinh/<int:item_pk>/bo/", views.agenda_remove_view, name="agenda-remove"),
    path("phien-hop/<int:pk>/khai-mac/", views.session_open_view, name="session-open"),
    path("phien-hop/<int:pk>/diem-danh/", views.attendance_view, name="attendance"),
    path("phien-hop/<int:pk>/vong/mo/", views.round_open_view, name="round-open"),
    path("phien-hop/<int:pk>/vong/kiem-phieu/", views.round_close_view, name="round-close"),
    path("phien-hop/<int:pk>/bo-phieu/", views.ballot_cast_view, name="ballot-cast"),
    path("phien-hop/<int:pk>/y-kien-van-ban/", views.written_opinion_view, name="written-opinion"),
    path("phien-hop/<int:pk>/quyet-dinh/<int:nominee_pk>/", views.head_decide_view, name="head-decide"),
    path("phien-hop/<int:pk>/be-mac/", views.session_close_view, name="session-close"),
    path("phien-hop/<int:pk>/bien-ban-hop.docx", views.minutes_docx, name="minutes-docx"),
    path(
        "phien-hop/<int:pk>/vong/<int:number>/bien-ban-kiem-phieu.docx",
        views.count_minutes_docx,
        name="count-minutes-docx",
    ),
    path("xac-thuc/dang-ky/", views.otp_setup, name="otp-setup"),
    path("xac-thuc/", views.otp_verify, name="otp-verify"),
    path("cong-khai/", views.disclosure_list, name="disclosure-list"),
    path("cong-khai/de-nghi/<int:nomination_pk>/", views.disclosure_open_view, name="disclosure-open"),
    path("cong-khai/<int:pk>/", views.disclosure_detail, name="disclosure-detail"),
    path("y-kien/<int:pk>/duyet/", views.comment_moderate_view, name="comment-moderate"),
    path("y-kien/<int:pk>/tra-loi/", views.comment_resolve_view, name="comment-resolve"),
]
