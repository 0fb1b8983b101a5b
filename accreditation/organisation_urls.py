from django.urls import path

from .views import applications
from .views import organisations as views

urlpatterns = [
    path("", views.directory, name="organisation_directory"),
    path("register/", views.register, name="organisation_register"),
    path("mine/", views.mine, name="organisation_mine"),
    path("invitations/<str:token>/", views.invitation, name="organisation_invitation"),
    path("<slug:slug>/", views.profile, name="organisation_profile"),
    path("<slug:slug>/edit/", views.edit, name="organisation_edit"),
    path("<slug:slug>/apply/", applications.application_start, name="application_start"),
    path("<slug:slug>/members/", views.members, name="organisation_members"),
    path(
        "<slug:slug>/members/<int:membership_id>/",
        views.member_action,
        name="organisation_member_action",
    ),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="organisation_invitation_revoke",
    ),
]
