"""The platform's front page and its activity pages: the list with filters and CSV, recording
and editing an activity with the overlap warning, its page, its status moves, and contacting
another organisation about one of theirs.

Everyone on the platform (members of organisations accredited today, and staff) sees every
organisation's activities: that is how work is not repeated. Only members of the activity's
organisation change it. Anyone else signed in gets a page saying who may enter.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from core.exceptions import DomainError
from core.forms import add_service_errors
from core.lifecycle import lifecycle_of, transition
from core.models import Province, StaffRole
from core.permissions import can, has_role, province_ids_for, require
from core.querystrings import query_without
from core.spreadsheets import csv_response

from .. import activities as services
from ..filters import ActivityFilter
from ..forms.activities import ActivityForm, ContactForm, OverlapQueryForm, TransitionForm
from ..models import Activity
from ..permissions import is_platform_staff, platform_organisations
from .common import status_history

A = Activity.Status
LIST_PAGE_SIZE = 25
# The button text of each status move, by its target.
MOVE_LABELS = {
    A.ONGOING: gettext_lazy("Başladı olarak işaretle"),
    A.COMPLETED: gettext_lazy("Tamamlandı olarak işaretle"),
    A.CANCELLED: gettext_lazy("İptal et"),
}


def platform_required(view):
    """Anonymous people sign in first; signed-in people who may not enter the platform see a
    page saying who may (status 403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can(request.user, "platform.enter"):
            return render(request, "cooperation/activities/platform_refused.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _creating_organisations(user) -> list:
    return [
        organisation
        for organisation in platform_organisations(user).order_by("legal_name")
        if can(user, "activity.create", organisation)
    ]


# --- The front page ---------------------------------------------------------------------------


@require_safe
@platform_required
def platform_home(request):
    """My organisations' planned and ongoing activities with their overlap alerts, and the
    ways to projects, reports and (for coordinators) the province dashboards."""
    organisations = list(platform_organisations(request.user).order_by("legal_name"))
    live = list(
        services.with_details(
            Activity.objects.live().filter(organisation__in=[o.pk for o in organisations])
        ).order_by("starts_on", "pk")[:50]
    )
    alerts = services.overlap_alerts(live)
    provinces = []
    if is_platform_staff(request.user) and (
        has_role(request.user, StaffRole.COORDINATOR) or has_role(request.user, StaffRole.ADMIN)
    ):
        if has_role(request.user, StaffRole.ADMIN):
            ids = None
        else:
            ids = province_ids_for(request.user, StaffRole.COORDINATOR)
        provinces = list(
            Province.objects.alphabetical()
            if ids is None
            else Province.objects.filter(pk__in=ids).alphabetical()
        )
    return render(
        request,
        "cooperation/platform_home.html",
        {
            "organisations": organisations,
            "live": live,
            "alerts": alerts,
            "alert_count": sum(len(found) for _activity, found in alerts),
            "provinces": provinces,
            "nationwide": len(provinces) > 12,
            "can_create": bool(_creating_organisations(request.user)),
        },
    )


# --- List and CSV -----------------------------------------------------------------------------


def _filtered(request):
    queryset = services.with_details(Activity.objects.all()).order_by("-starts_on", "-pk")
    filterset = ActivityFilter(request.GET or None, queryset=queryset, user=request.user)
    return filterset, filterset.qs


@require_safe
@platform_required
def activity_list(request):
    filterset, results = _filtered(request)
    page = Paginator(results, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cooperation/activities/activity_list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "query": query_without(request, "page"),
            "can_create": bool(_creating_organisations(request.user)),
        },
    )


@require_safe
@platform_required
def activity_export(request):
    _filterset, results = _filtered(request)
    rows = services.export_rows(results)
    return csv_response(rows, filename=f"faaliyetler-{timezone.localdate():%Y-%m-%d}.csv")


# --- Recording and editing --------------------------------------------------------------------


def _form_page(request, *, form, activity, overlaps, checked, status=200):
    return render(
        request,
        "cooperation/activities/activity_form.html",
        {
            "form": form,
            "activity": activity,
            "overlaps": overlaps,
            "checked": checked,
            "own_pk": activity.pk if activity else None,
            "overlap_fields": ActivityForm.OVERLAP_FIELDS,
        },
        status=status,
    )


def _overlaps_from_form(form, *, organisation, exclude_pk=None):
    query = form.overlap_query()
    if query is None:
        return None
    return list(
        services.find_overlaps(
            organisation=organisation,
            exclude_pk=exclude_pk,
            exclude_organisations=form.organisations if organisation is None else (),
            **query,
        )[:20]
    )


def _handle_form(request, *, activity: Activity | None, organisations: list):
    editing = activity is not None
    if request.method != "POST":
        if editing:
            initial = ActivityForm.initial_for(activity)
        else:
            own = organisations[0] if len(organisations) == 1 else None
            initial = {
                "province": own.province_id if own else None,
                "district": own.district_id if own else None,
                "starts_on": None,
                "status": A.PLANNED,
                "visibility": Activity.Visibility.PLATFORM,
                "people_reached_unique": True,
            }
        form = ActivityForm(initial=initial, organisations=organisations, activity=activity)
        overlaps = list(services.overlaps_of(activity)) if editing else None
        return _form_page(request, form=form, activity=activity, overlaps=overlaps, checked=editing)
    form = ActivityForm(request.POST, organisations=organisations, activity=activity)
    valid = form.is_valid()
    organisation = activity.organisation if editing else form.cleaned_data.get("organisation")
    overlaps = _overlaps_from_form(
        form, organisation=organisation, exclude_pk=activity.pk if editing else None
    )
    if "check" in request.POST:
        # "Çakışmaları denetle": show the warning, keep everything, judge nothing yet.
        form.errors.clear()
        return _form_page(request, form=form, activity=activity, overlaps=overlaps, checked=True)
    if valid:
        try:
            if editing:
                saved = services.activity_update(
                    activity=activity, data=form.service_data(), by=request.user
                )
            else:
                saved = services.activity_create(
                    organisation=organisation, data=form.service_data(), by=request.user
                )
        except ValidationError as error:
            add_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            if editing:
                messages.success(request, _("Değişiklikler kaydedildi."))
            else:
                messages.success(request, _("“%(title)s” kaydedildi.") % {"title": saved.title})
            found = services.overlaps_of(saved).count()
            if found:
                messages.warning(
                    request,
                    _(
                        "Bu faaliyetle çakışabilecek %(count)s faaliyet var; aşağıda "
                        "görebilir, kuruluşlarla iletişime geçebilirsiniz."
                    )
                    % {"count": found},
                )
            return redirect("activity_detail", pk=saved.pk)
    return _form_page(
        request, form=form, activity=activity, overlaps=overlaps, checked=True, status=200
    )


@platform_required
def activity_create(request):
    organisations = _creating_organisations(request.user)
    if not organisations:
        raise PermissionDenied("activity.create")
    return _handle_form(request, activity=None, organisations=organisations)


def _activity_for(request, pk: int) -> Activity:
    activity = get_object_or_404(
        Activity.objects.select_related(
            "organisation",
            "activity_type",
            "working_area",
            "province",
            "district",
            "campaign",
            "event",
            "program",
            "project",
        ),
        pk=pk,
    )
    require(request.user, "activity.view", activity)
    return activity


@platform_required
def activity_edit(request, pk: int):
    activity = _activity_for(request, pk)
    require(request.user, "activity.edit", activity)
    if activity.status == A.CANCELLED:
        messages.error(request, _("İptal edilmiş bir faaliyet düzenlenemez."))
        return redirect("activity_detail", pk=activity.pk)
    return _handle_form(request, activity=activity, organisations=[activity.organisation])


# --- The overlap fragment ---------------------------------------------------------------------


@require_safe
@platform_required
def activity_overlaps(request):
    """The overlap panel as an HTML fragment for ``overlaps.js`` (same inputs as the form)."""
    form = OverlapQueryForm(request.GET)
    overlaps = None
    own_pk = None
    if form.is_valid():
        data = form.cleaned_data
        mine = list(platform_organisations(request.user))
        organisation = None
        if data.get("organisation"):
            organisation = next((o for o in mine if o.pk == data["organisation"]), None)
        elif len(mine) == 1:
            organisation = mine[0]
        exclude_pk = data.get("pk")
        if exclude_pk:
            own = Activity.objects.filter(pk=exclude_pk).select_related("organisation").first()
            if own is not None and can(request.user, "activity.edit", own):
                organisation, own_pk = own.organisation, own.pk
        overlaps = list(
            services.find_overlaps(
                organisation=organisation,
                province=data["province"],
                district=data.get("district"),
                working_area=data["working_area"],
                target_groups=list(data["target_groups"]),
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                exclude_pk=exclude_pk,
                exclude_organisations=mine if organisation is None else (),
            )[:20]
        )
    response = render(
        request,
        "cooperation/activities/_overlaps.html",
        {"overlaps": overlaps, "checked": True, "own_pk": own_pk},
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- One activity -----------------------------------------------------------------------------


def _detail_page(request, activity: Activity, *, move_form=None, status=200):
    moves = lifecycle_of(Activity).available(activity, request.user)
    is_own = can(request.user, "activity.edit", activity)
    return render(
        request,
        "cooperation/activities/activity_detail.html",
        {
            "activity": activity,
            "target_groups": list(activity.target_groups.all()),
            "addiction_types": list(activity.addiction_types.all()),
            "partners": list(activity.partner_organisations.order_by("legal_name")),
            "moves": [
                {
                    "target": move.target,
                    "label": MOVE_LABELS.get(move.target, move.target),
                    "note_required": move.note_required,
                }
                for move in moves
            ],
            "move_form": move_form,
            "history": status_history(
                activity, shown_as="" if is_own else activity.organisation.legal_name
            ),
            "can_edit": activity.status != A.CANCELLED
            and can(request.user, "activity.edit", activity),
            "is_own": is_own,
            "overlaps": list(services.overlaps_of(activity)[:20]),
            "own_pk": activity.pk,
            "can_contact": any(
                org.pk != activity.organisation_id for org in _creating_organisations(request.user)
            ),
        },
        status=status,
    )


@require_safe
@platform_required
def activity_detail(request, pk: int):
    return _detail_page(request, _activity_for(request, pk))


@require_POST
@platform_required
def activity_transition(request, pk: int):
    activity = _activity_for(request, pk)
    require(request.user, "activity.edit", activity)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin."))
        return redirect("activity_detail", pk=activity.pk)
    target, note = form.cleaned_data["target"], form.cleaned_data["note"]
    try:
        transition(activity, target, by=request.user, note=note)
    except DomainError as error:
        form.add_error("note", str(error))
        activity.refresh_from_db()
        messages.error(request, str(error))
        return _detail_page(request, activity, move_form=form, status=400)
    messages.success(
        request,
        _("Faaliyetin durumu “%(status)s” olarak değişti.") % {"status": A(target).label},
    )
    return redirect("activity_detail", pk=activity.pk)


# --- Contact ----------------------------------------------------------------------------------


@platform_required
def activity_contact(request, pk: int):
    """A short message to the owners and managers of the activity's organisation."""
    activity = _activity_for(request, pk)
    organisations = [
        org for org in _creating_organisations(request.user) if org.pk != activity.organisation_id
    ]
    if not organisations:
        raise PermissionDenied("activity.contact")
    if request.method == "POST":
        form = ContactForm(request.POST, organisations=organisations)
        if form.is_valid():
            try:
                services.activity_contact(
                    activity=activity,
                    sender_organisation=form.cleaned_data["organisation"],
                    message=form.cleaned_data["message"],
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "İletiniz %(organisation)s yöneticilerine gönderildi; yanıtlar e-posta "
                        "adresinize gelecek."
                    )
                    % {"organisation": activity.organisation.display_name},
                )
                back = request.POST.get("next", "")
                if back.startswith("/") and not back.startswith("//"):
                    return redirect(back)
                return redirect("activity_detail", pk=activity.pk)
    else:
        form = ContactForm(organisations=organisations)
    back = request.GET.get("next") or request.POST.get("next") or ""
    if not (back.startswith("/") and not back.startswith("//")):
        back = reverse("activity_detail", args=[activity.pk])
    return render(
        request,
        "cooperation/activities/activity_contact.html",
        {"activity": activity, "form": form, "next": back},
    )
