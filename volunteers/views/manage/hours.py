"""Hours volunteers logged with the organisation: the approval queue, and approved hours
per role."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accreditation.models import Membership
from core.exceptions import DomainError
from core.models import StaffRole
from core.permissions import has_role, province_ids_for, require, staff_mfa_satisfied

from ... import hours as hours_services
from ...forms.manage import RejectHoursForm
from ...models import HoursLog, Role
from .common import volunteer_name

H = HoursLog.Status
HOURS_PAGE_SIZE = 50


def _hours_scope(user) -> Q:
    """The logs whose approval is the person's job, under the rule "hours.decide": their
    organisations'; for coordinators, the logs of their provinces with no organisation (a
    unit's program or an institution's event); for administrators, all of those."""
    scope = Q(
        organisation__in=Membership.objects.managing().filter(user=user).values("organisation")
    )
    staff = has_role(user, StaffRole.ADMIN) or has_role(user, StaffRole.COORDINATOR)
    if staff and staff_mfa_satisfied(user):
        provinces = (
            None
            if has_role(user, StaffRole.ADMIN)
            else province_ids_for(user, StaffRole.COORDINATOR)
        )
        if provinces is None:
            scope |= Q(organisation__isnull=True)
        elif provinces:
            scope |= Q(organisation__isnull=True, province_id__in=provinces)
    return scope


def _hours_page(request, *, errors: dict | None = None, status: int = 200):
    user = request.user
    scope = _hours_scope(user)
    queue = (
        HoursLog.objects.filter(scope, status=H.SUBMITTED)
        .exclude(person=user)  # nobody approves their own hours
        .select_related(
            "person", "match__role__program", "signup__event", "organisation", "province"
        )
        .annotate(display_name=F("person__volunteer_profile__display_name"))
        .order_by("on", "pk")
    )
    page = Paginator(queue, HOURS_PAGE_SIZE).get_page(
        request.POST.get("page") or request.GET.get("page")
    )
    errors = errors or {}
    for log in page.object_list:
        log.person_name = volunteer_name(log.display_name)
        log.reject_form = errors.get(log.pk) or RejectHoursForm(auto_id=f"reject_{log.pk}_%s")
    totals = hours_services.totals_by(
        "match__role", HoursLog.objects.filter(scope, match__isnull=False)
    )
    roles = Role.objects.select_related("program").in_bulk([row["match__role"] for row in totals])
    role_totals = [
        {"role": roles[row["match__role"]], "total": row["total"]}
        for row in totals
        if row["match__role"] in roles
    ]
    return render(
        request,
        "volunteers/manage/hours_queue.html",
        {"page_obj": page, "role_totals": role_totals},
        status=status,
    )


@login_required
@require_safe
def hours_queue(request):
    """Hours waiting for the person's approval, and approved hours per role."""
    return _hours_page(request)


@login_required
@require_POST
def hours_decide(request, pk: int):
    log = get_object_or_404(
        HoursLog.objects.select_related("person").annotate(
            display_name=F("person__volunteer_profile__display_name")
        ),
        pk=pk,
    )
    require(request.user, "hours.decide", log)
    name = volunteer_name(log.display_name)
    action = request.POST.get("action", "")
    form = None
    try:
        if action == "approve":
            hours_services.hours_approve(log=log, by=request.user)
        elif action == "reject":
            form = RejectHoursForm(request.POST, auto_id=f"reject_{log.pk}_%s")
            if not form.is_valid():
                messages.error(
                    request,
                    _("%(name)s adlı gönüllünün saati reddedilmedi: nedenini yazın.")
                    % {"name": name},
                )
                return _hours_page(request, errors={log.pk: form})
            hours_services.hours_reject(log=log, by=request.user, note=form.cleaned_data["note"])
        else:
            messages.error(request, _("Bilinmeyen işlem; sayfayı yenileyip yeniden deneyin."))
            return redirect("hours_queue")
    except DomainError as error:
        messages.error(request, str(error))
        return _hours_page(request, errors={log.pk: form} if form is not None else None)
    hours_text = formats.number_format(Decimal(f"{log.hours.normalize():f}"))
    if action == "approve":
        messages.success(
            request,
            _("%(name)s adlı gönüllünün %(hours)s saati onaylandı.")
            % {"name": name, "hours": hours_text},
        )
    else:
        messages.success(
            request,
            _("%(name)s adlı gönüllünün %(hours)s saati reddedildi; gönüllüye bildiriliyor.")
            % {"name": name, "hours": hours_text},
        )
    return redirect("hours_queue")
