"""Volunteering hours: logged by the volunteer against a placement or an event, approved by
the organisation; event attendance credits its hours automatically. Totals and the
volunteering certificate read approved hours only."""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation.certificates import certificate_issue_volunteering
from accreditation.models import Certificate
from core.lifecycle import record_start, transition
from events.models import SignUp

from .exceptions import VolunteerError
from .models import HoursLog, Match, VolunteerProfile

H = HoursLog.Status
DAY_LIMIT = Decimal(24)
LATE_LIMIT_DAYS = 3 * 365 + 1  # older hours can no longer be checked by the organisation
ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=10, decimal_places=1))


def _total(queryset) -> Decimal:
    return queryset.aggregate(total=Coalesce(Sum("hours"), ZERO))["total"]


@transaction.atomic
def hours_log(
    *,
    person,
    match: Match | None = None,
    signup=None,
    on: datetime.date,
    hours,
    kind: str = HoursLog.Kind.VOLUNTEERING,
    description: str = "",
) -> HoursLog:
    """Log hours for approval. Refused with field errors: a date in the future, hours not
    between 0.5 and 24, more than 24 hours on one day, a placement or event not the person's."""
    errors: dict[str, str] = {}
    try:
        hours = Decimal(str(hours).replace(",", ".")) if hours not in (None, "") else None
    except InvalidOperation:
        hours, errors["hours"] = None, _("Saati sayı olarak girin (ör. 2 ya da 1,5).")
    if hours is not None and not hours.is_finite():
        hours, errors["hours"] = None, _("Saati sayı olarak girin (ör. 2 ya da 1,5).")
    if (match is None) == (signup is None):
        errors["place"] = _("Saati bir role ya da bir etkinliğe yazın.")
    if match is not None:
        if match.person_id != person.pk:
            raise VolunteerError(_("Bu yerleştirme size ait değil."))
        if match.status not in (Match.Status.ACCEPTED, Match.Status.ACTIVE, Match.Status.CLOSED):
            errors["place"] = _("Saat yalnızca kabul edilmiş yerleştirmelere yazılabilir.")
        elif match.started_on and on is not None and on < match.started_on:
            errors["on"] = _("Tarih, yerleştirmenin başladığı günden önce olamaz.")
    if signup is not None:
        if signup.person_id != person.pk:
            raise VolunteerError(_("Bu etkinlik kaydı size ait değil."))
        if signup.status != "attended":
            errors["place"] = _("Saat yalnızca katıldığınız etkinliklere yazılabilir.")
        elif signup.hours_logs.filter(automatic=True).exists():
            errors["place"] = _("Bu etkinliğin saatleri katılımınızdan zaten yazıldı.")
    if on is None:
        errors["on"] = _("Tarihi girin.")
    elif on > timezone.localdate():
        errors["on"] = _("İleri bir tarihe saat yazılamaz.")
    elif on < timezone.localdate() - datetime.timedelta(days=LATE_LIMIT_DAYS):
        errors["on"] = _("Üç yıldan eski saatler yazılamaz; kuruluşunuzla görüşün.")
    if "hours" in errors:
        pass
    elif hours is None or hours <= 0:
        errors["hours"] = _("Saati girin (ör. 2 ya da 1,5).")
    elif hours > DAY_LIMIT:
        errors["hours"] = _("Bir günde en çok 24 saat yazılabilir.")
    elif hours * 2 != (hours * 2).to_integral_value():
        errors["hours"] = _("Saati yarım saatlik adımlarla yazın (ör. 1,5).")
    if "on" not in errors and "hours" not in errors and on is not None:
        already = _total(HoursLog.objects.filter(person=person, on=on).exclude(status=H.REJECTED))
        if already + hours > DAY_LIMIT:
            errors["hours"] = _(
                "Bu güne zaten %(already)s saat yazdınız; bir günün toplamı 24 saati geçemez."
            ) % {"already": already}
    if kind not in HoursLog.Kind.values:
        errors["kind"] = _("Saatin türünü seçin.")
    if errors:
        raise ValidationError(errors)
    if match is not None:
        program = match.role.program
        organisation, province = program.organisation, program.province
    else:
        organisation, province = signup.event.organiser, signup.event.province
    log = HoursLog.objects.create(
        person=person,
        match=match,
        signup=signup,
        organisation=organisation,
        province=province,
        on=on,
        hours=hours,
        kind=kind,
        description=(description or "").strip(),
    )
    record_start(log, by=person)
    return log


def hours_approve(*, log: HoursLog, by) -> None:
    transition(log, H.APPROVED, by=by)


def hours_reject(*, log: HoursLog, by, note: str) -> None:
    transition(log, H.REJECTED, by=by, note=note)


def attendance_changed(sender, record, change, **kwargs) -> None:
    """``status_changed`` of an event sign-up (after it commits): attending, or a correction of
    attendance, moves the automatic hours with it, in a transaction of its own."""
    if SignUp.Status.ATTENDED not in (change.from_status, change.to_status):
        return
    with transaction.atomic():
        credit_attendance(type(record).objects.select_related("event").get(pk=record.pk))


def credit_attendance(signup) -> None:
    """Keep the automatic hours of an event attendance in step with the sign-up: attended with
    hours → approved hours (written once); corrected to no-show → those hours rejected."""
    log = HoursLog.objects.filter(signup=signup, automatic=True).first()
    credited = signup.status == "attended" and signup.hours
    if credited:
        hours = min(Decimal(signup.hours).quantize(Decimal("0.1"), ROUND_HALF_UP), DAY_LIMIT)
        if hours <= 0:
            return
        if log is None:
            event = signup.event
            log = HoursLog.objects.create(
                person_id=signup.person_id,
                signup=signup,
                organisation=event.organiser,
                province=event.province,
                on=timezone.localdate(signup.starts_at),
                hours=hours,
                kind=HoursLog.Kind.VOLUNTEERING,
                description=event.title[:300],
                status=H.APPROVED,
                automatic=True,
            )
            record_start(log, note="Etkinlik yoklaması")
            VolunteerProfile.objects.filter(user_id=signup.person_id).update(has_participated=True)
        elif log.status == H.REJECTED and log.history().last().by_id is None:
            # Only the portal's own rejection (attendance corrected) is undone here; hours an
            # organiser rejected stay rejected.
            transition(log, H.APPROVED, note="Yoklama düzeltildi.")
    elif log is not None and log.status == H.APPROVED:
        transition(log, H.REJECTED, note="Yoklama düzeltildi: katılmadı.")


# --- Totals ------------------------------------------------------------------------------------


def approved() -> QuerySet:
    return HoursLog.objects.filter(status=H.APPROVED)


def hours_totals(person) -> dict:
    logs = HoursLog.objects.filter(person=person)
    totals = logs.aggregate(
        approved=Coalesce(Sum("hours", filter=Q(status=H.APPROVED)), ZERO),
        waiting=Coalesce(Sum("hours", filter=Q(status=H.SUBMITTED)), ZERO),
        supervised=Coalesce(
            Sum("hours", filter=Q(status=H.APPROVED, kind=HoursLog.Kind.SUPERVISED)), ZERO
        ),
        continuing=Coalesce(
            Sum("hours", filter=Q(status=H.APPROVED, kind=HoursLog.Kind.CONTINUING)), ZERO
        ),
    )
    return totals


def totals_by(field: str, queryset=None) -> list[dict]:
    """Approved hours grouped by ``field`` (e.g. "match__role", "organisation", "province",
    "person"), largest first: one query."""
    queryset = approved() if queryset is None else queryset.filter(status=H.APPROVED)
    return list(queryset.values(field).annotate(total=Sum("hours")).order_by("-total", field))


@transaction.atomic
def volunteering_certificate_issue(*, person) -> Certificate:
    """A verifiable certificate of the person's approved hours so far, listed by place."""
    logs = approved().filter(person=person)
    total = _total(logs)
    if total <= 0:
        raise VolunteerError(_("Belge için onaylanmış gönüllülük saatiniz yok."))
    lines = []
    for row in (
        logs.values("match__role__title", "signup__event__title", "organisation__legal_name")
        .annotate(total=Sum("hours"))
        .order_by("-total")
    ):
        place = row["match__role__title"] or row["signup__event__title"]
        where = row["organisation__legal_name"]
        hours_text = f"{row['total'].normalize():f}"
        lines.append(f"{place} · {where}: {hours_text} s" if where else f"{place}: {hours_text} s")
    return certificate_issue_volunteering(
        holder=person,
        title=_("Sosyal uyum ve bağımlılıkla mücadelede gönüllülük"),
        hours=int(total.to_integral_value(ROUND_HALF_UP)) or 1,
        issued_on=timezone.localdate(),
        scope_lines=lines,
        by=None,
    )


def volunteering_certificates(person):
    return Certificate.objects.filter(holder=person, tier=Certificate.Tier.VOLUNTEERING)
