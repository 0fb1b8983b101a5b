"""Calendar files, the private calendar feed and participation certificates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from core.mail import absolute_url

from .. import calendar as services
from ..exceptions import EventError
from ..models import CalendarFeed, Event, SignUp
from ..participation import participation_certificate_issue

ICS_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(content: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=ICS_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def event_ics(request, slug: str):
    """The public ``.ics`` of a published (or cancelled) event; drafts do not exist here."""
    event = get_object_or_404(
        Event.objects.filter(
            status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED]
        ).select_related("organiser", "province", "district"),
        slug=slug,
    )
    return _calendar_response(
        services.event_calendar(event), filename=f"{event.slug}.ics", attachment=True
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def feed_manage(request):
    """The person's private calendar address: make it, renew it (the old one stops
    working) or delete it."""
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "create":
            services.calendar_feed_create(person=request.user)
            messages.success(request, _("Özel takvim adresiniz oluşturuldu."))
        elif action == "renew":
            services.calendar_feed_renew(person=request.user)
            messages.success(
                request,
                _(
                    "Yeni bir takvim adresi oluşturuldu. Eski adres artık çalışmıyor; takvim "
                    "uygulamanıza yeni adresi ekleyin."
                ),
            )
        elif action == "delete":
            services.calendar_feed_delete(person=request.user)
            messages.success(
                request,
                _("Özel takvim adresiniz silindi; bu adresle artık etkinlikleriniz görünmez."),
            )
        else:
            messages.error(request, _("Bu işlem tanınmadı. Lütfen sayfadaki düğmeleri kullanın."))
        return redirect("calendar_feed_manage")
    feed = CalendarFeed.objects.filter(person=request.user).first()
    context = {"feed": feed, "past_days": services.FEED_PAST_DAYS}
    if feed is not None:
        address = absolute_url(services.feed_path(feed))
        context.update({"address": address, "webcal_address": services.webcal_url(address)})
    return render(request, "events/calendar/feed_manage.html", context)


@require_safe
def feed(request, token: str):
    """The private feed: no sign-in, the address is the secret. Never cached by proxies."""
    calendar_feed = services.feed_for_token(token)
    if calendar_feed is None:
        raise Http404
    response = _calendar_response(
        services.feed_calendar(calendar_feed.person), filename="events.ics", attachment=False
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_safe
def certificate(request, pk: int):
    """The person's participation certificate of an event they attended, as the PDF of the
    verifiable certificate (issued the first time it is asked for)."""
    signup = get_object_or_404(SignUp.objects.select_related("event"), pk=pk, person=request.user)
    try:
        issued = participation_certificate_issue(signup=signup, by=request.user)
    except EventError as error:
        messages.error(request, str(error))
        return redirect("my_events")
    return redirect("certificate_pdf", token=issued.verification_token)
