from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:kind>/mau.xlsx", views.template_download, name="template"),
    path("<slug:kind>/tai-len/", views.upload, name="upload"),
    path("lo/<int:pk>/", views.batch_detail, name="batch"),
    path("lo/<int:pk>/tien-do/", views.batch_progress, name="batch-progress"),
    path("lo/<int:pk>/ghi/", views.batch_commit_view, name="batch-commit"),
]
