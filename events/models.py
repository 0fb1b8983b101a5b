"""Events and sign-ups.

An event is organised by an accredited organisation (or, entered by staff, a public
institution). People sign up; capacity is enforced under a row lock on the event, and a full
event with a waitlist puts people on it in the order they came.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accreditation.models.lifecycle import LifecycleModel


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
        "accreditation.WorkingArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("çalışma alanı"),
    )
    target_group = models.ForeignKey(
        "accreditation.TargetGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("hedef grup"),
    )
    province = models.ForeignKey(
        "accreditation.Province",
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("İl"),
    )
    district = models.ForeignKey(
        "accreditation.District",
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
        if self.district_id and self.province_id and self.district.province_id != self.province_id:
            errors["district"] = _("Bu ilçe seçilen ile ait değil.")
        if self.is_online and not self.online_url:
            errors["online_url"] = _("Çevrim içi etkinlik için katılım bağlantısını girin.")
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
    created_at = models.DateTimeField(_("kayıt zamanı"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("etkinlik kaydı")
        verbose_name_plural = _("etkinlik kayıtları")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(status__in=ACTIVE_SIGNUP_STATUSES),
                name="one_active_signup_per_person_per_event",
                violation_error_message=_("Bu etkinliğe zaten kaydınız var."),
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.event} · {self.ticket_code}"
