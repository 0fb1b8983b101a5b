"""The shared platform under /platform/ (/en/platform/)."""

from django.urls import path

from .views import activities, dashboard, meetings, projects, reports

urlpatterns = [
    path("", activities.platform_home, name="platform_home"),
    # Activities
    path("activities/", activities.activity_list, name="activity_list"),
    path("activities/export.csv", activities.activity_export, name="activity_export"),
    path("activities/new/", activities.activity_create, name="activity_create"),
    path("activities/overlaps/", activities.activity_overlaps, name="activity_overlaps"),
    path("activities/<int:pk>/", activities.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", activities.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/status/", activities.activity_transition, name="activity_transition"),
    path("activities/<int:pk>/contact/", activities.activity_contact, name="activity_contact"),
    # Joint projects
    path("projects/", projects.project_list, name="project_list"),
    path("projects/new/", projects.project_create, name="project_create"),
    path("projects/partners/<int:pk>/", projects.partner_respond, name="project_partner_respond"),
    path("projects/files/<int:pk>/", projects.file_download, name="project_file_download"),
    path("projects/<slug:slug>/", projects.project_detail, name="project_detail"),
    path("projects/<slug:slug>/edit/", projects.project_edit, name="project_edit"),
    path("projects/<slug:slug>/join/", projects.project_join, name="project_join"),
    path("projects/<slug:slug>/invite/", projects.project_invite, name="project_invite"),
    path("projects/<slug:slug>/status/", projects.project_transition, name="project_transition"),
    path("projects/<slug:slug>/updates/", projects.update_create, name="project_update_create"),
    path("projects/<slug:slug>/files/", projects.file_upload, name="project_file_upload"),
    # Quarterly reports of an organisation
    path("reports/", reports.report_list, name="report_list"),
    path("reports/new/", reports.report_start, name="report_start"),
    path("reports/<int:pk>/", reports.report_edit, name="report_edit"),
    path("reports/<int:pk>/status/", reports.report_transition, name="report_transition"),
    # Coordinators: dashboards, targets, indicator values, missing reports
    path("provinces/<int:plate>/", dashboard.dashboard, name="coordination_dashboard"),
    path("provinces/<int:plate>/dashboard.csv", dashboard.dashboard_csv, name="dashboard_csv"),
    path(
        "provinces/<int:plate>/report.pdf",
        dashboard.province_report_pdf,
        name="province_report_pdf",
    ),
    path("provinces/<int:plate>/targets/", reports.targets, name="province_targets"),
    path("provinces/<int:plate>/values/", reports.indicator_values, name="indicator_values"),
    path("provinces/<int:plate>/reports/", reports.province_reports, name="province_reports"),
    # Coordination meetings and their action items
    path("provinces/<int:plate>/meetings/", meetings.meeting_list, name="meeting_list"),
    path("provinces/<int:plate>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/actions/new/", meetings.action_create, name="action_create"),
    path("actions/<int:pk>/", meetings.action_edit, name="action_edit"),
    path("actions/<int:pk>/status/", meetings.action_transition, name="action_transition"),
]
