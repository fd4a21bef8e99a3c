from django.urls import path

from . import views

app_name = "org"

urlpatterns = [
    path("", views.unit_list, name="unit-list"),
    path("don-vi/them/", views.unit_create_view, name="unit-create"),
    path("sap-nhap/", views.unit_merge_view, name="unit-merge"),
    path("ca-nhan/", views.person_list, name="person-list"),
    path("ca-nhan/them/", views.person_create_view, name="person-create"),
]
