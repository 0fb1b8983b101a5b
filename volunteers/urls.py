"""Volunteering pages under /volunteers/ (/en/volunteers/)."""

from django.urls import path

from .views import manage, me, public, staff

urlpatterns = [
    # Programs, for everyone
    path("", public.program_list, name="program_list"),
    path("programs/<slug:slug>/", public.program_detail, name="program_detail"),
    path("roles/<int:pk>/apply/", public.role_apply, name="role_apply"),
    # The volunteer's own pages
    path("me/", me.dashboard, name="volunteer_dashboard"),
    path("me/profile/", me.profile_edit, name="volunteer_profile"),
    path("me/recommended/", me.recommended_roles, name="recommended_roles"),
    path("me/matches/<int:pk>/", me.match_detail, name="my_match"),
    path("me/hours/", me.hours, name="my_hours"),
    path("me/certificate/", me.certificate_issue, name="volunteering_certificate"),
    path("me/mentor/", me.mentor_credential, name="mentor_credential"),
    path("me/mentor/declaration/", me.mentor_declaration, name="mentor_declaration"),
    # Organisations running programs
    path("manage/", manage.program_list, name="manage_programs"),
    path("manage/new/", manage.program_create, name="program_create"),
    path("manage/hours/", manage.hours_queue, name="hours_queue"),
    path("manage/hours/<int:pk>/", manage.hours_decide, name="hours_decide"),
    path("manage/roles/<int:pk>/", manage.role_detail, name="manage_role"),
    path("manage/roles/<int:pk>/edit/", manage.role_edit, name="role_edit"),
    path("manage/roles/<int:pk>/invite/", manage.role_invite, name="role_invite"),
    path("manage/matches/<int:pk>/", manage.match_detail, name="manage_match"),
    path("manage/<slug:slug>/", manage.program_detail, name="manage_program"),
    path("manage/<slug:slug>/edit/", manage.program_edit, name="program_edit"),
    path("manage/<slug:slug>/roles/new/", manage.role_create, name="role_create"),
    # Staff: credentials, volunteers' checks and trainings, batch assignment, totals
    path("staff/credentials/", staff.credential_queue, name="staff_credentials"),
    path("staff/credentials/<int:pk>/", staff.credential_detail, name="staff_credential"),
    path(
        "staff/credentials/<int:pk>/declaration/",
        staff.credential_declaration,
        name="staff_declaration",
    ),
    path("staff/volunteers/", staff.volunteer_search, name="staff_volunteers"),
    path("staff/volunteers/<int:pk>/", staff.volunteer_detail, name="staff_volunteer"),
    path("staff/batch/", staff.batch_new, name="batch_new"),
    path("staff/batch/<int:pk>/", staff.batch_detail, name="batch_detail"),
    path("staff/hours/", staff.hours_totals, name="staff_hours_totals"),
]
