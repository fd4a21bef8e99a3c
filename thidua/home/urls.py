from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("", views.home, name="home"),
    path("cua-toi/", views.me, name="me"),
    # The org section's paths: a unit's and a person's file compose org, awards and audit.
    path("to-chuc/don-vi/<int:pk>/", views.unit_detail, name="unit-detail"),
    path("to-chuc/ca-nhan/<int:pk>/", views.person_detail, name="person-detail"),
]
