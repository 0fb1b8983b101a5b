from django.urls import path

from . import views

urlpatterns = [
    path("overview/", views.account_overview, name="account_overview"),
    path("profile/", views.profile_edit, name="account_profile"),
    path("consents/", views.consent_list, name="account_consents"),
    path("consents/<slug:key>/", views.consent_change, name="account_consent_change"),
    path("my-data/", views.personal_data_export, name="account_data_export"),
]
