"""Workshop (çalıştay) pages: an institution's registration, the organiser's working groups
and the registrations as CSV."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from core.exceptions import DomainError
from core.permissions import require
from core.spreadsheets import csv_response, spreadsheet_time

from .. import signups, workshops
from ..forms.workshop import GroupAssignmentForm, WorkshopRegistrationForm
from ..models import Event, SignUp

# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
# Refusals that close the form; others (a clash, a full event without a waitlist) may change
# with what the person enters, so the form stays and the message explains.
CLOSED_REASONS = {
    signups.Reason.STARTED,
    signups.Reason.NOT_OPEN,
    signups.Reason.CLOSED,
    signups.Reason.AUDIENCE,
    signups.Reason.SESSION,
}


def _workshop(slug: str, **filters) -> Event:
    return get_object_or_404(
        Event.objects.filter(kind=Event.Kind.WORKSHOP, **filters).select_related(
            "organiser", "province", "district"
        ),
        slug=slug,
    )


@login_required
@require_http_methods(["GET", "POST"])
def register(request, slug: str):
    """An institution registers for a published workshop; a registered person sees their
    registration (and may cancel it) instead of the form."""
    event = _workshop(slug, status=Event.Status.PUBLISHED)
    groups = list(event.working_groups.all())
    counts = workshops.event_group_counts(event) if groups else []
    context = {"event": event, "groups": groups, "counts": counts}

    current = workshops.active_registration(event, request.user)
    if current is not None:
        if request.method == "POST":
            messages.info(request, _("Bu etkinliğe zaten kaydınız var."))
        return render(
            request,
            "events/workshop/register.html",
            {
                **context,
                "signup": current,
                "registration": getattr(current, "workshop", None),
                "may_cancel": current.status
                in (SignUp.Status.REQUESTED, SignUp.Status.CONFIRMED, SignUp.Status.WAITLISTED)
                and timezone.now() < event.starts_at,
            },
        )

    refused = signups.refusal(event, request.user)
    closed = refused is not None and refused.reason in CLOSED_REASONS
    form = WorkshopRegistrationForm(
        request.POST if request.method == "POST" else None,
        event=event,
        counts=counts,
        initial={"contact_email": request.user.email},
    )
    if request.method == "POST" and not closed and form.is_valid():
        try:
            signup = workshops.workshop_register(
                event=event, person=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _status_message(signup))
            return redirect("workshop_register", slug=event.slug)
    return render(
        request,
        "events/workshop/register.html",
        {
            **context,
            "form": form,
            "refused": refused,
            "closed": closed,
            "free_places": signups.free_places(event),
        },
    )


def _status_message(signup: SignUp) -> str:
    if signup.status == SignUp.Status.CONFIRMED:
        return _("Kaydınız alındı ve onaylandı.")
    if signup.status == SignUp.Status.WAITLISTED:
        return _(
            "Kontenjan dolu olduğu için kaydınız bekleme listesine alındı. Yer açılınca "
            "e-postayla haber vereceğiz."
        )
    return _("Kaydınız alındı; düzenleyicinin onayını bekliyor.")


@login_required
@require_http_methods(["GET", "POST"])
def groups(request, slug: str):
    """The organiser's view of the working groups: counts against capacity, and every
    registration with a group to assign."""
    event = _workshop(slug)
    require(request.user, "event.manage", event)
    if request.method == "POST" and request.POST.get("action") == "auto":
        return _auto_assign(request, event)

    working_groups = list(event.working_groups.all())
    registrations = list(workshops.registrations_of(event))
    assignable = [r for r in registrations if r.signup.status in workshops.COUNTED_STATUSES]
    form = GroupAssignmentForm(
        request.POST if request.method == "POST" else None,
        registrations=assignable,
        groups=working_groups,
    )
    if request.method == "POST":
        unknown = form.unknown_keys()
        if unknown:
            messages.warning(
                request,
                ngettext(
                    "Atanabilecek kayıtlar arasında olmayan %(count)s seçim yok sayıldı "
                    "(başka bir etkinliğin ya da iptal edilmiş bir kaydın olabilir).",
                    "Atanabilecek kayıtlar arasında olmayan %(count)s seçim yok sayıldı "
                    "(başka bir etkinliğin ya da iptal edilmiş kayıtların olabilir).",
                    len(unknown),
                )
                % {"count": len(unknown)},
            )
        if form.is_valid():
            try:
                changed = workshops.workshop_groups_assign(
                    event=event, assignments=form.assignments(), by=request.user
                )
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    ngettext(
                        "Atamalar kaydedildi; %(count)s kaydın grubu değişti.",
                        "Atamalar kaydedildi; %(count)s kaydın grubu değişti.",
                        len(changed),
                    )
                    % {"count": len(changed)},
                )
                return redirect("workshop_groups", slug=event.slug)

    counts = workshops.group_counts(working_groups, registrations)
    unassigned = sum(r.representatives for r in assignable if r.assigned_group_id is None)
    return render(
        request,
        "events/workshop/groups.html",
        {
            "event": event,
            "counts": counts,
            "unassigned_people": unassigned,
            "rows": [
                {
                    "registration": registration,
                    "field": form[form.field_name(registration)]
                    if registration.signup.status in workshops.COUNTED_STATUSES
                    else None,
                }
                for registration in registrations
            ],
            "form": form,
            "has_groups": bool(working_groups),
        },
    )


def _auto_assign(request, event: Event):
    try:
        result = workshops.workshop_groups_auto_assign(event=event, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("workshop_groups", slug=event.slug)
    messages.success(
        request,
        _(
            "Tercihlere göre atama yapıldı. Tercih ettiği gruba yerleşen kayıt: %(preferred)s; "
            "yeri olan başka bir gruba yerleşen kayıt: %(elsewhere)s."
        )
        % {"preferred": len(result.preferred), "elsewhere": len(result.elsewhere)},
    )
    if result.unplaced:
        messages.warning(
            request,
            _("Şu kayıtlar için yeterli yer bulunamadı, atanmadı: %(names)s.")
            % {"names": ", ".join(r.institution_name for r in result.unplaced)},
        )
    return redirect("workshop_groups", slug=event.slug)


@login_required
@require_http_methods(["GET"])
def registrations_csv(request, slug: str):
    """Every registration of the workshop for a spreadsheet: UTF-8 with a BOM (so Excel reads
    Turkish letters), times in Türkiye time, formula-like cells defused."""
    event = _workshop(slug)
    require(request.user, "event.manage", event)
    registrations = workshops.registrations_of(event).prefetch_related("working_areas")
    rows = [
        [
            _("Kurum adı"),
            _("Kurum türü"),
            _("Yetkili kişi"),
            _("Temsilci sayısı"),
            _("E-posta"),
            _("Telefon"),
            _("Bağımlılık alanında çalışıyor"),
            _("Çalışma alanları"),
            _("Tercih edilen grup"),
            _("Atanan grup"),
            _("Kayıt durumu"),
            _("Kayıt zamanı"),
        ]
    ]
    for registration in registrations:
        signup = registration.signup
        rows.append(
            [
                registration.institution_name,
                registration.get_institution_type_display(),
                registration.authorised_person,
                registration.representatives,
                registration.contact_email,
                registration.contact_phone,
                _("Evet") if registration.works_on_addiction else _("Hayır"),
                "; ".join(area.label for area in registration.working_areas.all()),
                registration.preferred_group.name if registration.preferred_group else "",
                registration.assigned_group.name if registration.assigned_group else "",
                signup.get_status_display(),
                spreadsheet_time(signup.created_at),
            ]
        )
    return csv_response(rows, filename=f"{event.slug}-calistay-kayitlari.csv")
