from django.urls import path

from . import views

app_name = "eligibility"

urlpatterns = [
    path("don-vi/<int:pk>/", views.candidates, name="candidates"),
]
