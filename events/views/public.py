"""Finding events, signing up, a person's own events and tickets."""

import datetime as dt
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from qrcode.constants import ERROR_CORRECT_M

from core.exceptions import DomainError
from core.mail import absolute_url
from core.permissions import can
from core.querystrings import query_without

from .. import selectors, signups
from ..exceptions import SignUpRefused
from ..filters import EventCalendarFilter, EventFilter
from ..forms.public import SignUpForm
from ..models import Event, SignUp

S = SignUp.Status
PAGE_SIZE = 12
SEES_ONLINE_LINK = (S.CONFIRMED, S.ATTENDED)
TICKET_CODE = re.compile(r"^[A-Z0-9]{1,12}$")


# --- Finding events ------------------------------------------------------------------------


def event_list(request):
    """Published events, by default those not over yet, soonest first; filters in the URL."""
    filterset = EventFilter(request.GET, queryset=selectors.public_events())
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "query": query_without(request, "page"),
        },
    )


def _month(value: str | None) -> tuple[int, int]:
    """?month=YYYY-MM; anything else is this month."""
    today = timezone.localdate()
    match = re.fullmatch(r"(\d{4})-(\d{2})", (value or "").strip())
    if match:
        year, month = int(match[1]), int(match[2])
        if 1900 <= year <= 2999 and 1 <= month <= 12:
            return year, month
    return today.year, today.month


def event_calendar(request):
    """A month of events as a grid (a list of days on a narrow screen)."""
    year, month = _month(request.GET.get("month"))
    start, end = selectors.month_bounds(year, month)
    queryset = selectors.public_events().filter(starts_at__lt=end, ends_at__gt=start)
    filterset = EventCalendarFilter(request.GET, queryset=queryset)
    events = list(filterset.qs)
    first = dt.date(year, month, 1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=31)).replace(day=1)
    filters = query_without(request, "month", "page")
    return render(
        request,
        "events/event_calendar.html",
        {
            "filter": filterset,
            "month_label": date_format(first, "YEAR_MONTH_FORMAT"),
            "month_value": first.strftime("%Y-%m"),
            "previous_month": previous.strftime("%Y-%m"),
            "previous_label": date_format(previous, "YEAR_MONTH_FORMAT"),
            "next_month": following.strftime("%Y-%m"),
            "next_label": date_format(following, "YEAR_MONTH_FORMAT"),
            "weekdays": [WEEKDAYS[day] for day in range(7)],
            "weeks": selectors.month_grid(year, month, events),
            "event_count": len(events),
            "filters": filters,
        },
    )


# --- One event -----------------------------------------------------------------------------


def _visible_event(request, slug: str, *, for_page: bool = True) -> Event:
    """A published or cancelled event; a draft only for those who manage it. ``for_page``
    brings what the page shows (free places); a sign-up only needs the event itself."""
    if for_page:
        event = selectors.event_for_page(slug)
    else:
        event = Event.objects.select_related("organiser").filter(slug=slug).first()
    if event is None:
        raise Http404
    if event.status == Event.Status.DRAFT and not can(request.user, "event.manage", event):
        raise Http404
    return event


def _signup_area(request, event: Event, sessions: list) -> dict:
    """What the sign-up box says: the person's own sign-ups, and either the form or exactly
    why they cannot sign up (signups.refusal and signups.full_refusal decide)."""
    user = request.user
    area = {
        "mine": [],
        "blockers": [],
        "choosable": [],
        "show_form": False,
        "waitlist_button": False,
        "login_url": None,
    }
    if event.status != Event.Status.PUBLISHED:
        return area
    if not user.is_authenticated:
        detail_url = reverse("event_detail", args=[event.slug])
        area["login_url"] = reverse("account_login") + "?" + urlencode({"next": detail_url})
        return area
    area["mine"] = selectors.person_event_signups(user, event)
    now = timezone.now()
    for signup in area["mine"]:
        # signups.signup_cancel allows cancelling until the event starts.
        signup.can_cancel = signup.status in selectors.ACTIVE_FOR_PERSON and now < event.starts_at

    def blocking(refused):
        # Without a birth date the age check asks for one: the form does, so it is no blocker.
        if refused is not None and refused.reason == signups.Reason.TOO_YOUNG:
            return None
        return refused

    if sessions:
        for session in sessions:
            session.refusal_message = ""
            if session.starts_at <= now:
                continue
            refused = blocking(signups.refusal(event, user, session=session))
            refused = refused or signups.full_refusal(event, session)
            if refused is None:
                area["choosable"].append(session)
            else:
                session.refusal_message = str(refused)
        if not area["choosable"]:
            messages_seen = []
            for session in sessions:
                if session.refusal_message and session.refusal_message not in messages_seen:
                    messages_seen.append(session.refusal_message)
            area["blockers"] = messages_seen or [_("Bu etkinliğe artık kayıt alınmıyor.")]
        area["waitlist_button"] = bool(area["choosable"]) and all(
            session.free <= 0 for session in area["choosable"]
        )
    else:
        refused = blocking(signups.refusal(event, user))
        refused = refused or signups.full_refusal(event)
        if refused is not None:
            area["blockers"] = [str(refused)]
        area["waitlist_button"] = event.free_places_left <= 0 and event.waitlist_enabled
    area["show_form"] = not area["blockers"]
    return area


def _render_detail(request, event: Event, *, form=None):
    sessions = selectors.event_sessions(event)
    area = _signup_area(request, event, sessions)
    if form is None and area["show_form"] and not event.is_workshop:
        form = SignUpForm(event=event, sessions=area["choosable"])
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "sessions": sessions,
            "area": area,
            "form": form,
            "may_manage": can(request.user, "event.manage", event),
            "sees_online_link": any(s.status in SEES_ONLINE_LINK for s in area["mine"]),
            "campaign_url": event.campaign.url if event.campaign_id else None,
        },
    )


def event_detail(request, slug: str):
    return _render_detail(request, _visible_event(request, slug))


def _signed_up_message(signup: SignUp) -> str:
    if signup.status == S.CONFIRMED:
        return _("Kaydınız onaylandı. Bilet kodunuz: %(code)s.") % {"code": signup.ticket_code}
    if signup.status == S.WAITLISTED:
        position = (
            selectors.with_queue_position(SignUp.objects.filter(pk=signup.pk))
            .values_list("queue_position", flat=True)
            .first()
        )
        return _(
            "Etkinlik dolu; bekleme listesine alındınız. Sıranız: %(position)s. Yer açılınca "
            "size e-posta ile haber vereceğiz."
        ) % {"position": position}
    return _("Kaydınız düzenleyicinin onayına gönderildi. Karar verilince bu sayfada görürsünüz.")


@login_required
def event_signup(request, slug: str):
    """Sign up (POST only; a GET goes back to the event's page)."""
    if request.method != "POST":
        return redirect("event_detail", slug=slug)
    event = _visible_event(request, slug, for_page=False)
    if event.is_workshop:
        return redirect("workshop_register", slug=slug)
    # Every session that has not started is accepted here, so the service, not the form,
    # says why one cannot be chosen (already signed up, a clash, full).
    sessions = selectors.event_sessions(event)
    form = SignUpForm(request.POST, event=event, sessions=sessions)
    if form.is_valid():
        try:
            signup = signups.signup_create(
                event=event,
                person=request.user,
                session=form.cleaned_data.get("session"),
                birth_date=form.cleaned_data.get("birth_date"),
            )
        except SignUpRefused as refused:
            if refused.reason == signups.Reason.ALREADY:
                # A double submission: the first one went through; show it, kindly.
                messages.info(request, str(refused))
                return redirect("event_detail", slug=slug)
            field = None
            if refused.reason == signups.Reason.TOO_YOUNG and "birth_date" in form.fields:
                field = "birth_date"
            elif "session" in form.fields and refused.reason in (
                signups.Reason.SESSION,
                signups.Reason.CLASH,
                signups.Reason.FULL,
                signups.Reason.STARTED,
            ):
                field = "session"
            form.add_error(field, str(refused))
        else:
            messages.success(request, _signed_up_message(signup))
            return redirect("event_detail", slug=slug)
    return _render_detail(request, _visible_event(request, slug), form=form)


# --- A person's events ----------------------------------------------------------------------


@login_required
def my_events(request):
    return render(request, "events/my_events.html", selectors.my_events(request.user))


def _qr_svg(data: str, title: str) -> str:
    """The QR code as inline SVG with a text alternative."""
    image = qrcode.make(
        data,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=ERROR_CORRECT_M,
        border=4,
    )
    svg = image.get_image()
    for name in ("width", "height"):
        svg.attrib.pop(name, None)
    svg.set("class", "event-ticket__qr")
    svg.set("role", "img")
    svg.set("aria-labelledby", "ticket-qr-title")
    label = ET.Element("title", {"id": "ticket-qr-title"})
    label.text = title
    svg.insert(0, label)
    return mark_safe(ET.tostring(svg, encoding="unicode"))  # noqa: S308 - built here, escaped


@login_required
def ticket(request, code: str):
    """The person's ticket with its code and a QR code the organiser scans at the door. Only
    the person and those who manage the event see it; for anyone else it does not exist."""
    code = code.strip().upper()
    if not TICKET_CODE.match(code):
        raise Http404
    signup = (
        SignUp.objects.select_related(
            "event", "event__province", "event__district", "event__organiser", "session"
        )
        .filter(ticket_code=code)
        .first()
    )
    if signup is None or not (
        signup.person_id == request.user.pk or can(request.user, "event.manage", signup.event)
    ):
        raise Http404
    check_in_url = absolute_url(
        reverse("event_check_in", args=[signup.event.slug]) + "?" + urlencode({"q": code})
    )
    return render(
        request,
        "events/ticket.html",
        {
            "signup": signup,
            "event": signup.event,
            "qr_svg": _qr_svg(check_in_url, _("Bilet kodu %(code)s için QR kod") % {"code": code}),
            "sees_online_link": signup.status in SEES_ONLINE_LINK,
            "admits": signup.status in (S.CONFIRMED, S.ATTENDED),
        },
    )


@login_required
@require_POST
def signup_cancel(request, pk: int):
    """Cancel a sign-up (until the event starts); a freed place goes to the waitlist."""
    signup = get_object_or_404(SignUp.objects.select_related("event", "session"), pk=pk)
    if not can(request.user, "signup.cancel", signup):
        raise Http404
    try:
        signups.signup_cancel(signup=signup, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("“%(title)s” kaydınız iptal edildi.") % {"title": signup.event.title}
        )
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect("my_events")
