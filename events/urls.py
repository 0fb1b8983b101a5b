"""Event pages under /events/ (/en/events/). Fixed words come before the event's slug, so
no event may take the slugs "calendar", "mine", "tickets", "signups" or "organise"."""

from django.urls import path

from .views import calendar, organiser, public, workshop

urlpatterns = [
    # Finding events and signing up
    path("", public.event_list, name="event_list"),
    path("calendar/", public.event_calendar, name="event_calendar"),
    path("mine/", public.my_events, name="my_events"),
    path("tickets/<str:code>/", public.ticket, name="event_ticket"),
    path("signups/<int:pk>/cancel/", public.signup_cancel, name="signup_cancel"),
    # Calendar files, the private feed and participation certificates
    path("calendar/feed/", calendar.feed_manage, name="calendar_feed_manage"),
    path("calendar/feed/<str:token>.ics", calendar.feed, name="calendar_feed"),
    path("signups/<int:pk>/certificate/", calendar.certificate, name="signup_certificate"),
    # Organisers
    path("organise/", organiser.event_organise_list, name="event_organise_list"),
    path("organise/new/", organiser.event_create, name="event_create"),
    # One event
    path("<slug:slug>/", public.event_detail, name="event_detail"),
    path("<slug:slug>/sign-up/", public.event_signup, name="event_signup"),
    path("<slug:slug>/event.ics", calendar.event_ics, name="event_ics"),
    path("<slug:slug>/register/", workshop.register, name="workshop_register"),
    path("<slug:slug>/edit/", organiser.event_edit, name="event_edit"),
    path("<slug:slug>/manage/", organiser.event_manage, name="event_manage"),
    path(
        "<slug:slug>/manage/signups/<int:pk>/",
        organiser.signup_action,
        name="event_signup_action",
    ),
    path("<slug:slug>/manage/message/", organiser.event_message, name="event_message"),
    path("<slug:slug>/manage/attendees.csv", organiser.attendees_csv, name="event_attendees_csv"),
    path("<slug:slug>/check-in/", organiser.check_in, name="event_check_in"),
    path("<slug:slug>/manage/groups/", workshop.groups, name="workshop_groups"),
    path(
        "<slug:slug>/manage/registrations.csv",
        workshop.registrations_csv,
        name="workshop_registrations_csv",
    ),
]
