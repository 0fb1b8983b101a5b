from django.urls import path

from .views import applications as views
from .views import certificates

urlpatterns = [
    path("work/", views.work, name="accreditation_work"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path(
        "applications/<int:pk>/criteria/<int:criterion_id>/",
        views.criterion_edit,
        name="application_criterion",
    ),
    path("applications/<int:pk>/move/", views.application_move, name="application_move"),
    path("applications/<int:pk>/assign/", views.reviewer_assign, name="application_assign"),
    path("applications/<int:pk>/review/", views.review, name="application_review"),
    path("applications/<int:pk>/site-visit/", views.site_visit, name="application_site_visit"),
    path("applications/<int:pk>/decide/", views.application_decide, name="application_decide"),
    path(
        "assignments/<int:assignment_id>/",
        views.assignment_answer,
        name="assignment_answer",
    ),
    path("evidence/<int:evidence_id>/", views.evidence_download, name="evidence_download"),
    path("verify/", certificates.verify_lookup, name="certificate_lookup"),
    path("verify/<str:token>/", certificates.verify, name="certificate_verify"),
    path("verify/<str:token>/pdf/", certificates.certificate_pdf, name="certificate_pdf"),
    path("verify/<str:token>/move/", certificates.certificate_move, name="certificate_move"),
]
