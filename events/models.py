"""Events and sign-ups.

An event is organised by an accredited organisation (or, entered by staff, a public
institution). People sign up; capacity is enforced under a row lock on the event, and a full
event with a waitlist puts people on it in the order they came.
"""

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models.lifecycle import LifecycleModel
from core.models.places import place_error


class EventQuerySet(models.QuerySet):
    def published(self) -> "EventQuerySet":
        return self.filter(status=Event.Status.PUBLISHED)

    def upcoming(self, now=None) -> "EventQuerySet":
        return self.filter(ends_at__gte=now or timezone.now())

    def upcoming_public(self) -> "EventQuerySet":
        """What a visitor may see coming: published, not over, soonest first."""
        return self.published().upcoming().order_by("starts_at", "pk")


class Event(LifecycleModel):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("Farkındalık semineri")
        WORKSHOP = "workshop", _("Çalıştay")
        TRAINING = "training", _("Eğitim")
        SPORTS = "sports", _("Spor etkinliği")
        CULTURAL = "cultural", _("Kültür ve sanat etkinliği")
        VOLUNTEER_SHIFT = "volunteer_shift", _("Gönüllü vardiyası")
        COORDINATION = "coordination", _("Koordinasyon toplantısı")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Herkese açık")
        VOLUNTEERS = "volunteers", _("Yalnızca gönüllüler")
        INVITED = "invited", _("Davetli kurumlar")

    class Approval(models.TextChoices):
        INSTANT = "instant", _("Kayıt hemen onaylanır")
        ORGANISER = "organiser", _("Düzenleyici onaylar")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Taslak")
        PUBLISHED = "published", _("Yayında")
        CANCELLED = "cancelled", _("İptal edildi")

    title = models.CharField(_("ad"), max_length=200)
    slug = models.SlugField(_("kısa ad"), max_length=220, unique=True)
    kind = models.CharField(_("tür"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("durum"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    organiser = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("düzenleyen kuruluş"),
    )
    organiser_institution = models.CharField(
        _("düzenleyen kamu kurumu"),
        max_length=200,
        blank=True,
        help_text=_("Kamu kurumlarının etkinliklerini yetkili personel girer."),
    )
    campaign = models.ForeignKey(
        "home.CampaignPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("kampanya"),
    )
    working_area = models.ForeignKey(
        "core.WorkingArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("çalışma alanı"),
    )
    target_group = models.ForeignKey(
        "core.TargetGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("hedef grup"),
    )
    province = models.ForeignKey(
        "core.Province",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("İl"),
    )
    district = models.ForeignKey(
        "core.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("İlçe"),
    )
    venue = models.CharField(_("yer"), max_length=250, blank=True)
    is_online = models.BooleanField(_("çevrim içi"), default=False)
    online_url = models.URLField(
        _("katılım bağlantısı"),
        blank=True,
        help_text=_("Yalnızca kaydı onaylanan katılımcılara gösterilir."),
    )
    starts_at = models.DateTimeField(_("başlangıç"))
    ends_at = models.DateTimeField(_("bitiş"))
    registration_opens_at = models.DateTimeField(_("kayıt açılışı"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("kayıt kapanışı"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("kontenjan"))
    waitlist_enabled = models.BooleanField(_("bekleme listesi"), default=True)
    audience = models.CharField(
        _("katılımcılar"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
    )
    minimum_age = models.PositiveSmallIntegerField(_("en düşük yaş"), null=True, blank=True)
    approval = models.CharField(
        _("kayıt onayı"), max_length=20, choices=Approval.choices, default=Approval.INSTANT
    )
    accessibility = models.TextField(_("erişilebilirlik bilgisi"), blank=True)
    description = models.TextField(_("açıklama"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("görsel"),
    )
    image_alt = models.CharField(
        _("görselin metin karşılığı"),
        max_length=250,
        blank=True,
        help_text=_("Görseli göremeyenler için kısa açıklama. Görsel seçildiyse zorunludur."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("oluşturan"),
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)
    updated_at = models.DateTimeField(_("güncellenme"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("etkinlik")
        verbose_name_plural = _("etkinlikler")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="event_ends_after_it_starts",
                violation_error_message=_("Bitiş, başlangıçtan sonra olmalı."),
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__isnull=True)
                | Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="event_registration_window_in_order",
                violation_error_message=_("Kayıt kapanışı, kayıt açılışından sonra olmalı."),
            ),
            models.CheckConstraint(
                condition=Q(organiser__isnull=False) | ~Q(organiser_institution=""),
                name="event_has_an_organiser",
                violation_error_message=_("Düzenleyen kuruluşu ya da kamu kurumunu girin."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {}
        if (
            self.organiser_id
            and self.status == self.Status.PUBLISHED
            and not self.organiser.is_accredited
        ):
            # The one accreditation check: only accredited organisations publish events.
            errors["organiser"] = _("Yalnızca akredite kuruluşlar etkinlik yayımlayabilir.")
        if (place := place_error(self)) is not None:
            errors["district"] = place
        if self.is_online and not self.online_url:
            errors["online_url"] = _("Çevrim içi etkinlik için katılım bağlantısını girin.")
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Görselin metin karşılığını yazın.")
        if errors:
            raise ValidationError(errors)

    @property
    def place_label(self) -> str:
        if self.is_online:
            return str(_("Çevrim içi"))
        parts = [self.venue, self.district.name if self.district_id else "", self.province.name]
        return ", ".join(part for part in parts if part)

    @property
    def organiser_name(self) -> str:
        return self.organiser.display_name if self.organiser_id else self.organiser_institution

    @property
    def is_workshop(self) -> bool:
        return self.kind == self.Kind.WORKSHOP


class EventSession(models.Model):
    """A shift or session of an event with its own time and places. An event with sessions
    takes sign-ups per session; its own capacity is then not used."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("etkinlik")
    )
    title = models.CharField(_("ad"), max_length=120)
    starts_at = models.DateTimeField(_("başlangıç"))
    ends_at = models.DateTimeField(_("bitiş"))
    capacity = models.PositiveIntegerField(_("kontenjan"))

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("oturum ya da vardiya")
        verbose_name_plural = _("oturumlar ve vardiyalar")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="event_session_ends_after_it_starts",
                violation_error_message=_("Bitiş, başlangıçtan sonra olmalı."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} · {self.title}"

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600


class WorkingGroup(models.Model):
    """A working group of a workshop (çalıştay), with the number of people it can hold."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="working_groups", verbose_name=_("etkinlik")
    )
    name = models.CharField(_("ad"), max_length=150)
    description = models.TextField(_("açıklama"), blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("kişi sayısı üst sınırı"), help_text=_("2018 çalıştayında gruplar 12–18 kişiydi.")
    )
    sort_order = models.PositiveSmallIntegerField(_("sıra"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("çalışma grubu")
        verbose_name_plural = _("çalışma grupları")
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="working_group_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


def new_ticket_code() -> str:
    """Ten characters people can read out and type: no 0/O or 1/I/L."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


ACTIVE_SIGNUP_STATUSES = ("requested", "confirmed", "waitlisted", "attended", "no_show")


class SignUp(LifecycleModel):
    """One person's place (or place in the queue) at one event."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Onay bekliyor")
        CONFIRMED = "confirmed", _("Onaylandı")
        WAITLISTED = "waitlisted", _("Bekleme listesinde")
        REJECTED = "rejected", _("Kabul edilmedi")
        CANCELLED = "cancelled", _("İptal edildi")
        ATTENDED = "attended", _("Katıldı")
        NO_SHOW = "no_show", _("Gelmedi")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="signups", verbose_name=_("etkinlik")
    )
    session = models.ForeignKey(
        EventSession,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signups",
        verbose_name=_("oturum ya da vardiya"),
    )
    places = models.PositiveSmallIntegerField(
        _("kişi sayısı"),
        default=1,
        help_text=_("Kaydın kapsadığı kişi sayısı (çalıştayda kurum temsilcileri)."),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_signups",
        verbose_name=_("kişi"),
    )
    status = models.CharField(_("durum"), max_length=20, choices=Status.choices)
    ticket_code = models.CharField(
        _("bilet kodu"), max_length=12, unique=True, default=new_ticket_code, editable=False
    )
    hours = models.DecimalField(
        _("gönüllü saati"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    certificate = models.OneToOneField(
        "accreditation.Certificate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="event_signup",
        verbose_name=_("katılım belgesi"),
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("etkinlik kaydı")
        verbose_name_plural = _("etkinlik kayıtları")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(status__in=ACTIVE_SIGNUP_STATUSES, session__isnull=True),
                name="one_active_signup_per_person_per_event",
                violation_error_message=_("Bu etkinliğe zaten kaydınız var."),
            ),
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=Q(status__in=ACTIVE_SIGNUP_STATUSES, session__isnull=False),
                name="one_active_signup_per_person_per_session",
                violation_error_message=_("Bu vardiyaya zaten kaydınız var."),
            ),
            models.CheckConstraint(
                condition=Q(places__gte=1), name="signup_covers_at_least_one_person"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.event} · {self.ticket_code}"

    @property
    def starts_at(self):
        return self.session.starts_at if self.session_id else self.event.starts_at

    @property
    def ends_at(self):
        return self.session.ends_at if self.session_id else self.event.ends_at


class WorkshopRegistration(models.Model):
    """What an institution tells the organiser when it registers for a workshop (the 2018
    isteSENyeter workshop's online form), and the working group it is assigned to."""

    class InstitutionType(models.TextChoices):
        PUBLIC = "public", _("Kamu kurumu")
        NGO = "ngo", _("Sivil toplum kuruluşu")
        EXPERIENCE = "experience", _("Deneyim katılımcısı")

    signup = models.OneToOneField(
        SignUp, on_delete=models.CASCADE, related_name="workshop", verbose_name=_("kayıt")
    )
    institution_name = models.CharField(_("kurum adı"), max_length=200)
    institution_type = models.CharField(
        _("kurum türü"), max_length=20, choices=InstitutionType.choices
    )
    authorised_person = models.CharField(_("yetkili kişi"), max_length=150)
    representatives = models.PositiveSmallIntegerField(_("temsilci sayısı"), default=1)
    contact_email = models.EmailField(_("İletişim e-postası"))
    contact_phone = models.CharField(_("İletişim telefonu"), max_length=30, blank=True)
    works_on_addiction = models.BooleanField(_("bağımlılık alanında çalışıyor"), default=False)
    working_areas = models.ManyToManyField(
        "core.WorkingArea",
        blank=True,
        related_name="+",
        verbose_name=_("çalışma alanları"),
    )
    preferred_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="preferred_by",
        verbose_name=_("tercih edilen çalışma grubu"),
    )
    assigned_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned",
        verbose_name=_("atanan çalışma grubu"),
    )

    class Meta:
        verbose_name = _("çalıştay kaydı")
        verbose_name_plural = _("çalıştay kayıtları")
        constraints = [
            models.CheckConstraint(
                condition=Q(representatives__gte=1, representatives__lte=10),
                name="workshop_representatives_1_to_10",
            ),
        ]

    def __str__(self) -> str:
        return self.institution_name


class EventReminder(models.Model):
    """A reminder mailed (or queued) for one sign-up. The unique triple makes the reminder
    command idempotent: the day-before reminder is keyed by the start it announces, a change
    notice by the new time and place, so no one gets the same reminder twice."""

    class Kind(models.TextChoices):
        DAY_BEFORE = "day_before", _("Bir gün önce")
        CHANGED = "changed", _("Zaman ya da yer değişti")

    # Everyone still holding or waiting for a place hears about a change.
    TOLD_OF_CHANGES = (
        SignUp.Status.REQUESTED,
        SignUp.Status.CONFIRMED,
        SignUp.Status.WAITLISTED,
    )

    signup = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["signup", "kind", "key"], name="event_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.signup_id} · {self.kind} · {self.key}"

    @staticmethod
    def start_key(starts_at) -> str:
        """The key of a day-before reminder: the start it announces, in UTC."""
        return starts_at.astimezone(dt.UTC).isoformat()


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's private calendar address; replacing the token revokes the old address."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.person_id}"


class EventMessage(models.Model):
    """A message an organiser sent to an event's attendees; kept as the record of what was
    sent and to how many people (not to whom)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="messages")
    subject = models.CharField(_("konu"), max_length=150)
    body = models.TextField(_("İleti"))
    include_waitlist = models.BooleanField(_("bekleme listesindekilere de gönder"), default=False)
    recipients = models.PositiveIntegerField(default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("katılımcılara ileti")
        verbose_name_plural = _("katılımcılara iletiler")

    def __str__(self) -> str:
        return self.subject
