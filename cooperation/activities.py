"""Activities (faaliyet) on the shared platform: recording them, the overlap warning, contact
between organisations, and the reads the lists, the CSV and the public pages use.

Only aggregate counts about the people an activity reached are kept, never a name. A breakdown
(by sex, by age band) is optional, but once any part of it is given it must add up to the
people reached, so totals in reports and dashboards mean the same thing everywhere.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.models import Membership, Organisation
from core.audit import audit
from core.exceptions import DomainError
from core.lifecycle import record_start
from core.mail import absolute_url, send_templated_mail
from core.models import TargetGroup
from core.models.places import place_error
from core.permissions import require
from core.ratelimit import RateLimit

from .models import Activity

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.activity.create": gettext_lazy("Faaliyet kaydedildi"),
    "portal.activity.update": gettext_lazy("Faaliyet güncellendi"),
    "portal.activity.contact": gettext_lazy("Faaliyet için kuruluşa ileti gönderildi"),
}

A = Activity.Status

# The activity's own fields the form edits; status moves go through the life cycle.
ACTIVITY_FIELDS = (
    "title",
    "description",
    "activity_type",
    "working_area",
    "province",
    "district",
    "venue",
    "starts_on",
    "ends_on",
    "visibility",
    "partner_institutions",
    "campaign",
    "event",
    "program",
    "planned_participants",
    "actual_participants",
    "people_reached",
    "people_reached_unique",
    "services_delivered",
    "reached_women",
    "reached_men",
    "reached_age_0_14",
    "reached_age_15_24",
    "reached_age_25_64",
    "reached_age_65_plus",
    "volunteers_involved",
    "volunteer_hours",
)
COUNT_FIELDS = (
    "planned_participants",
    "actual_participants",
    "people_reached",
    "services_delivered",
    *Activity.SEX_FIELDS,
    *Activity.AGE_FIELDS,
    "volunteers_involved",
    "volunteer_hours",
)
# A new activity may be recorded as planned, under way or already done.
CREATE_STATUSES = (A.PLANNED, A.ONGOING, A.COMPLETED)
# Messages one person may send to other organisations about activities in an hour.
CONTACT_LIMIT = 5
CONTACT_RATE = RateLimit("activity-contact", limit=CONTACT_LIMIT, window=3600)


# --- Validation -------------------------------------------------------------------------------


def _breakdown_error(activity: Activity, fields, what: str) -> str | None:
    values = [getattr(activity, name) for name in fields]
    if all(value is None for value in values):
        return None
    total = activity.people_reached
    given = sum(value or 0 for value in values)
    if total is None:
        return _(
            "%(what)s dağılımını girdiniz (toplam %(sum)s); önce ulaşılan kişi sayısını girin."
        ) % {"what": what, "sum": given}
    if given != total:
        return _(
            "%(what)s dağılımının toplamı %(sum)s, ulaşılan kişi sayısı ise %(total)s; "
            "ikisi eşit olmalı."
        ) % {"what": what, "sum": given, "total": total}
    return None


def dates_error(activity: Activity, status: str) -> str | None:
    """Why ``status`` does not fit the activity's dates: results are counted in the quarter an
    activity ends, so nothing is completed before it ends or under way before it starts."""
    today = timezone.localdate()
    if status == Activity.Status.COMPLETED and activity.ends_on and activity.ends_on > today:
        return _(
            "Bitiş tarihi gelmemiş bir faaliyet tamamlandı olarak kaydedilemez; bitiş tarihini "
            "düzeltin ya da durumunu “Planlandı” veya “Sürüyor” seçin."
        )
    if status == Activity.Status.ONGOING and activity.starts_on and activity.starts_on > today:
        return _("Başlangıç tarihi gelmemiş bir faaliyet “Sürüyor” olarak kaydedilemez.")
    return None


def check_dates_fit(activity: Activity, status: str) -> None:
    """Guard of the moves to ongoing and completed."""
    if (message := dates_error(activity, status)) is not None:
        raise DomainError(message)


def _validate(activity: Activity, *, target_groups, partner_organisations) -> None:
    """Every rule of a valid activity, each message on its field; raises ValidationError."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    for name in COUNT_FIELDS:
        value = getattr(activity, name)
        if value is not None and value < 0:
            add(name, _("Bu sayı sıfırdan küçük olamaz."))
    if not errors:
        for field, names, what in (
            ("reached_women", Activity.SEX_FIELDS, _("Cinsiyet")),
            ("reached_age_0_14", Activity.AGE_FIELDS, _("Yaş grubu")),
        ):
            if message := _breakdown_error(activity, names, what):
                add(field, message)
    if activity.starts_on and activity.ends_on and activity.ends_on < activity.starts_on:
        add("ends_on", _("Bitiş tarihi başlangıç tarihinden önce olamaz."))
    if (message := dates_error(activity, activity.status)) is not None:
        add("status", message)
    if (place := place_error(activity)) is not None:
        add("district", place.messages[0])
    if not list(target_groups):
        add("target_groups", _("En az bir hedef grup seçin."))
    partner_ids = {getattr(p, "pk", p) for p in partner_organisations}
    if activity.organisation_id in partner_ids:
        add("partner_organisations", _("Kuruluşunuzu kendi faaliyetine ortak olarak seçemezsiniz."))
    elif partner_ids:
        accredited = set(
            Organisation.objects.accredited()
            .filter(pk__in=partner_ids)
            .values_list("pk", flat=True)
        )
        if partner_ids - accredited:
            add(
                "partner_organisations", _("Ortak kuruluşları akredite kuruluşlar arasından seçin.")
            )
    if activity.event_id and activity.event.organiser_id != activity.organisation_id:
        add("event", _("Yalnızca kuruluşunuzun düzenlediği bir etkinliği bağlayabilirsiniz."))
    if activity.program_id and activity.program.organisation_id != activity.organisation_id:
        add("program", _("Yalnızca kuruluşunuzun yürüttüğü bir programı bağlayabilirsiniz."))
    try:
        activity.full_clean(exclude=["organisation", "created_by", *errors])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                add(field, message)
    if errors:
        raise ValidationError(errors)


def _apply(activity: Activity, data: dict) -> None:
    for field in ACTIVITY_FIELDS:
        if field in data:
            setattr(activity, field, data[field])
    for field in ("title", "venue", "partner_institutions"):
        setattr(activity, field, " ".join((getattr(activity, field) or "").split()))
    activity.description = (activity.description or "").strip()


def _save_relations(activity: Activity, data: dict, *, creating: bool) -> None:
    for field in ("target_groups", "addiction_types", "partner_organisations"):
        if field in data or creating:
            getattr(activity, field).set(data.get(field) or [])


# --- Services ---------------------------------------------------------------------------------


@transaction.atomic
def activity_create(*, organisation: Organisation, data: dict, by) -> Activity:
    """Record an activity of ``organisation`` (planned, ongoing or already completed).

    ``data`` holds the fields of ``ACTIVITY_FIELDS`` plus ``status`` and the lists
    ``target_groups``, ``addiction_types`` and ``partner_organisations``. Raises
    ValidationError keyed by field; nothing is saved then."""
    require(by, "activity.create", organisation)
    activity = Activity(organisation=organisation, created_by=by)
    _apply(activity, data)
    status = data.get("status") or A.PLANNED
    if status not in CREATE_STATUSES:
        raise ValidationError(
            {"status": _("Yeni faaliyet planlandı, sürüyor ya da tamamlandı olabilir.")}
        )
    activity.status = status
    _validate(
        activity,
        target_groups=data.get("target_groups") or [],
        partner_organisations=data.get("partner_organisations") or [],
    )
    activity.save()
    _save_relations(activity, data, creating=True)
    record_start(activity, by=by)
    audit(activity, "portal.activity.create", user=by, data={"organisation": organisation.pk})
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, data: dict, by) -> Activity:
    """Change an activity's details and results (not its status: that is ``transition``).
    A cancelled activity stays as it was."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    require(by, "activity.edit", activity)
    if activity.status == A.CANCELLED:
        raise DomainError(_("İptal edilmiş bir faaliyet düzenlenemez."))
    _apply(activity, data)
    target_groups = (
        data["target_groups"] if "target_groups" in data else list(activity.target_groups.all())
    )
    partners = (
        data["partner_organisations"]
        if "partner_organisations" in data
        else list(activity.partner_organisations.all())
    )
    _validate(activity, target_groups=target_groups, partner_organisations=partners)
    activity.save()
    _save_relations(activity, data, creating=False)
    audit(activity, "portal.activity.update", user=by)
    return activity


# --- Overlaps ---------------------------------------------------------------------------------


def find_overlaps(
    *,
    organisation: Organisation | None,
    province,
    district,
    working_area,
    target_groups: Iterable,
    starts_on: datetime.date,
    ends_on: datetime.date,
    exclude_pk: int | None = None,
    exclude_organisations: Iterable = (),
) -> QuerySet:
    """Other organisations' planned or ongoing activities that may repeat this one: same
    province and district (an activity for the whole province meets every district), same
    working area, dates that meet, and at least one target group in common. Only activities
    of organisations accredited today count: the others are not on the platform."""
    group_ids = [getattr(group, "pk", group) for group in target_groups]
    if not (province and working_area and group_ids and starts_on and ends_on):
        return Activity.objects.none()
    if ends_on < starts_on:
        return Activity.objects.none()
    queryset = Activity.objects.live().filter(
        organisation__in=Organisation.objects.accredited(),
        province=province,
        working_area=working_area,
        starts_on__lte=ends_on,
        ends_on__gte=starts_on,
        pk__in=Activity.target_groups.through.objects.filter(targetgroup_id__in=group_ids).values(
            "activity_id"
        ),
    )
    if district:
        queryset = queryset.filter(Q(district=district) | Q(district__isnull=True))
    if organisation is not None:
        queryset = queryset.exclude(organisation=organisation)
    if exclude_organisations:
        # Before someone in several organisations chose one: none of theirs is "another".
        queryset = queryset.exclude(organisation__in=list(exclude_organisations))
    if exclude_pk:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset.select_related("organisation", "province", "district").order_by(
        "starts_on", "pk"
    )


def overlaps_of(activity: Activity) -> QuerySet:
    """Overlaps of a saved activity (none once it is completed or cancelled)."""
    if activity.status not in (A.PLANNED, A.ONGOING):
        return Activity.objects.none()
    return find_overlaps(
        organisation=activity.organisation,
        province=activity.province_id,
        district=activity.district_id,
        working_area=activity.working_area_id,
        target_groups=activity.target_groups.values_list("pk", flat=True),
        starts_on=activity.starts_on,
        ends_on=activity.ends_on,
        exclude_pk=activity.pk,
    )


def overlap_alerts(activities: Iterable[Activity]) -> list[tuple[Activity, list[Activity]]]:
    """For each of the given (own, live) activities, the other organisations' activities
    that overlap it; only those with at least one."""
    alerts = []
    for activity in activities:
        found = list(overlaps_of(activity))
        if found:
            alerts.append((activity, found))
    return alerts


# --- Contact ----------------------------------------------------------------------------------


@transaction.atomic
def activity_contact(
    *, activity: Activity, sender_organisation: Organisation, message: str, by
) -> int:
    """E-mail the owners and managers of ``activity``'s organisation a short message from a
    member of ``sender_organisation`` (replies go to the sender). Returns how many people it
    went to. At most ``CONTACT_LIMIT`` messages an hour per person."""
    require(by, "activity.create", sender_organisation)
    require(by, "activity.view", activity)
    if sender_organisation.pk == activity.organisation_id:
        raise DomainError(_("Kendi kuruluşunuza bu yoldan ileti gönderemezsiniz."))
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("İletinizi yazın.")})
    if len(message) > 2000:
        raise ValidationError({"message": _("İleti en fazla 2000 karakter olabilir.")})
    # Counted in this transaction: a message refused for another reason below is not counted.
    if not CONTACT_RATE.hit(str(by.pk)):
        raise DomainError(
            _("Bir saatte en fazla %(limit)s ileti gönderebilirsiniz; biraz sonra yeniden deneyin.")
            % {"limit": CONTACT_LIMIT}
        )
    recipients = list(
        Membership.objects.managing()
        .filter(organisation_id=activity.organisation_id, user__is_active=True)
        .select_related("user")
    )
    if not recipients:
        raise DomainError(_("Bu kuruluşa şu anda platform üzerinden ulaşılamıyor."))
    audit(
        activity,
        "portal.activity.contact",
        user=by,
        data={"from_organisation": sender_organisation.pk, "recipients": len(recipients)},
    )
    people = [membership.user for membership in recipients]
    sender = {"name": by.full_name or by.email, "email": by.email}
    transaction.on_commit(
        lambda: _mail_contact(activity, sender_organisation, sender, message, people)
    )
    return len(people)


def _mail_contact(activity, sender_organisation, sender: dict, message: str, people) -> None:
    for person in people:
        language = person.preferred_language or "tr"
        with translation.override(language):
            url = absolute_url(reverse("activity_detail", args=[activity.pk]))
        send_templated_mail(
            "cooperation/activities/mail/contact",
            {
                "activity": activity,
                "organisation": sender_organisation,
                "sender": sender,
                "message": message,
                "activity_url": url,
            },
            to=person.email,
            language=language,
            headers={"Reply-To": sender["email"]},
        )


# --- Reads ------------------------------------------------------------------------------------


def with_details(queryset: QuerySet) -> QuerySet:
    """What a list row or a CSV line shows, in a fixed number of queries however many rows."""
    return queryset.select_related(
        "organisation",
        "activity_type",
        "working_area",
        "province",
        "district",
        "project",
    ).prefetch_related(
        Prefetch("target_groups", queryset=TargetGroup.objects.order_by("sort_order", "name")),
        "addiction_types",
        Prefetch(
            "partner_organisations", queryset=Organisation.objects.order_by("legal_name", "pk")
        ),
    )


def public_activities(*, province=None, organisation=None) -> QuerySet:
    """Activities anyone may see: public ones of organisations accredited today, not
    cancelled; newest first. A platform-only activity never comes out of here."""
    queryset = Activity.objects.public()
    if province is not None:
        queryset = queryset.filter(province=province)
    if organisation is not None:
        queryset = queryset.filter(organisation=organisation)
    return queryset.select_related(
        "organisation", "activity_type", "working_area", "province", "district"
    ).order_by("-starts_on", "-pk")


PROFILE_SECTION_SIZE = 10


def profile_section(request, organisation: Organisation) -> str:
    """The organisation profile's "Faaliyetler" section: its public activities, or nothing."""
    activities = list(public_activities(organisation=organisation)[: PROFILE_SECTION_SIZE + 1])
    if not activities:
        return ""
    return render_to_string(
        "cooperation/activities/_profile_section.html",
        {
            "activities": activities[:PROFILE_SECTION_SIZE],
            "more": len(activities) > PROFILE_SECTION_SIZE,
            "organisation": organisation,
        },
        request=request,
    )


def export_rows(activities: Iterable[Activity]) -> list[list]:
    """The CSV: a header and one line per activity with its aggregate results (never a
    person's data), labels in the active language."""
    header = [
        _("No"),
        _("Başlık"),
        _("Kuruluş"),
        _("Faaliyet türü"),
        _("Çalışma alanı"),
        _("Hedef gruplar"),
        _("Bağımlılık türleri"),
        _("İl"),
        _("İlçe"),
        _("Yer"),
        _("Başlangıç tarihi"),
        _("Bitiş tarihi"),
        _("Durum"),
        _("Görünürlük"),
        _("Ortak kuruluşlar"),
        _("Ortak kamu kurumları"),
        _("Bağlı ortak proje"),
        _("Planlanan katılımcı"),
        _("Gerçekleşen katılımcı"),
        _("Ulaşılan kişi"),
        _("Tekil kişi sayısı"),
        _("Sunulan hizmet"),
        _("Kadın"),
        _("Erkek"),
        _("0–14 yaş"),
        _("15–24 yaş"),
        _("25–64 yaş"),
        _("65 yaş ve üstü"),
        _("Gönüllü sayısı"),
        _("Gönüllü saati"),
    ]
    rows: list[list] = [header]

    def number(value):
        return "" if value is None else str(value).replace(".", ",")

    for activity in activities:
        rows.append(
            [
                activity.pk,
                activity.title,
                activity.organisation.legal_name,
                activity.activity_type.label,
                activity.working_area.label,
                "; ".join(group.label for group in activity.target_groups.all()),
                "; ".join(kind.label for kind in activity.addiction_types.all()),
                activity.province.name,
                activity.district.name if activity.district_id else "",
                activity.venue,
                activity.starts_on.strftime("%d.%m.%Y"),
                activity.ends_on.strftime("%d.%m.%Y"),
                activity.get_status_display(),
                activity.get_visibility_display(),
                "; ".join(org.legal_name for org in activity.partner_organisations.all()),
                activity.partner_institutions,
                activity.project.title if activity.project_id else "",
                number(activity.planned_participants),
                number(activity.actual_participants),
                number(activity.people_reached),
                (_("Evet") if activity.people_reached_unique else _("Hayır"))
                if activity.people_reached is not None
                else "",
                number(activity.services_delivered),
                number(activity.reached_women),
                number(activity.reached_men),
                number(activity.reached_age_0_14),
                number(activity.reached_age_15_24),
                number(activity.reached_age_25_64),
                number(activity.reached_age_65_plus),
                number(activity.volunteers_involved),
                number(activity.volunteer_hours),
            ]
        )
    return rows
