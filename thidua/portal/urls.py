from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("xac-minh/<str:code>/", views.verify, name="verify"),
    path("danh-sach/", views.disclosure_list, name="disclosure-list"),
    path("danh-sach/<int:pk>/", views.disclosure_detail, name="disclosure-detail"),
]
