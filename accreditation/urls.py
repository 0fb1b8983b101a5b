from django.urls import path

from .views import accounts

urlpatterns = [
    path("overview/", accounts.account_overview, name="account_overview"),
    path("profile/", accounts.profile_edit, name="account_profile"),
    path("consents/", accounts.consent_list, name="account_consents"),
    path("consents/<slug:key>/", accounts.consent_change, name="account_consent_change"),
    path("my-data/", accounts.personal_data_export, name="account_data_export"),
]
