from django.urls import path

from . import views

app_name = "awards"

urlpatterns = [
    path("", views.nomination_list, name="nomination-list"),
    path("de-nghi/them/", views.nomination_create_view, name="nomination-create"),
    path("cum/<int:pk>/de-nghi-theo-xep-hang/", views.ranking_propose, name="ranking-propose"),
    path("de-nghi/<int:pk>/", views.nomination_detail, name="nomination-detail"),
    path("de-nghi/<int:pk>/them-nguoi/", views.nomination_entry_add_view, name="nomination-entry-add"),
    path("de-nghi/<int:pk>/bo/<int:entry_pk>/", views.nomination_entry_remove_view, name="nomination-entry-remove"),
    path("de-nghi/<int:pk>/trinh/", views.nomination_submit_view, name="nomination-submit"),
    path("de-nghi/<int:pk>/phe-duyet/", views.nomination_approve_view, name="nomination-approve"),
    path("de-nghi/<int:pk>/tra-lai/", views.nomination_return_view, name="nomination-return"),
    path("de-nghi/<int:pk>/ban-hanh/", views.decision_issue_view, name="decision-issue"),
    path("de-nghi/<int:pk>/ngoai-le/<int:entry_pk>/", views.nomination_entry_override_view,
         name="nomination-entry-override"),
    path("de-nghi/<int:pk>/ho-so/", views.dossier_upload_view, name="dossier-upload"),
    path("de-nghi/<int:pk>/ho-so/<int:doc_pk>/", views.dossier_file_view, name="dossier-file"),
    path("de-nghi/<int:pk>/ho-so/<int:doc_pk>/bo/", views.dossier_remove_view, name="dossier-remove"),
    path("de-nghi/<int:pk>/to-trinh/", views.submission_letter_view, name="submission-letter"),
    path("quyet-dinh/", views.decision_list, name="decision-list"),
    path("quyet-dinh/<int:pk>/huy-bo/", views.decision_revoke_view, name="decision-revoke"),
    path("quyet-dinh/<int:pk>/chi-tien-thuong.xlsx", views.decision_payment_sheet, name="decision-payment-sheet"),
    path("quyet-dinh/<int:pk>/", views.decision_detail, name="decision-detail"),
    path("quyet-dinh/<int:pk>/docx/", views.decision_docx, name="decision-docx"),
    path("quyet-dinh/<int:pk>/pdf/", views.decision_pdf, name="decision-pdf"),
    path("quyet-dinh/<int:pk>/giay-chung-nhan.pdf", views.decision_certificates, name="decision-certificates"),
    path("khen-thuong/<int:pk>/giay-chung-nhan.pdf", views.grant_certificate, name="grant-certificate"),
]
