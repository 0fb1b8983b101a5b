"""Activities (faaliyet) organisations did or plan in the field.

Only aggregate counts about the people an activity reached are kept: never a name.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models.lifecycle import LifecycleModel

from .quarters import quarter_of


class ActivityQuerySet(models.QuerySet):
    def public(self) -> "ActivityQuerySet":
        """Activities the organisation chose to show the public, of organisations accredited
        today (a lapsed accreditation takes its listings down)."""
        from accreditation.models import ACCREDITED_STATUSES

        return self.filter(
            visibility=Activity.Visibility.PUBLIC,
            organisation__accreditation_status__in=ACCREDITED_STATUSES,
            organisation__accredited_until__gte=timezone.localdate(),
        ).exclude(status=Activity.Status.CANCELLED)

    def live(self) -> "ActivityQuerySet":
        """Planned or ongoing: what the overlap warning compares against."""
        return self.filter(status__in=[Activity.Status.PLANNED, Activity.Status.ONGOING])


class Activity(LifecycleModel):
    """An organisation's work in the field, done or planned."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlandı")
        ONGOING = "ongoing", _("Sürüyor")
        COMPLETED = "completed", _("Tamamlandı")
        CANCELLED = "cancelled", _("İptal edildi")

    class Visibility(models.TextChoices):
        PLATFORM = "platform", _("Yalnızca platform")
        PUBLIC = "public", _("Herkese açık")

    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("kuruluş"),
    )
    title = models.CharField(_("başlık"), max_length=200)
    description = models.TextField(_("açıklama"), blank=True)
    activity_type = models.ForeignKey(
        "core.ActivityType",
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("faaliyet türü"),
    )
    working_area = models.ForeignKey(
        "core.WorkingArea",
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("çalışma alanı"),
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup", related_name="activities", verbose_name=_("hedef gruplar")
    )
    addiction_types = models.ManyToManyField(
        "core.AddictionType",
        blank=True,
        related_name="activities",
        verbose_name=_("bağımlılık türleri"),
    )
    province = models.ForeignKey(
        "core.Province",
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("İl"),
    )
    district = models.ForeignKey(
        "core.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("İlçe"),
        help_text=_("Boş bırakılırsa faaliyet ilin geneline yöneliktir."),
    )
    venue = models.CharField(_("yer"), max_length=200, blank=True)
    starts_on = models.DateField(_("başlangıç tarihi"))
    ends_on = models.DateField(_("bitiş tarihi"))
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    visibility = models.CharField(
        _("görünürlük"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PLATFORM,
        help_text=_(
            "Herkese açık faaliyetler kuruluşun profilinde ve il sayfasında görünür; "
            "ötekileri yalnızca platformdaki kuruluşlar ve yetkili personel görür."
        ),
    )
    partner_organisations = models.ManyToManyField(
        "accreditation.Organisation",
        blank=True,
        related_name="partner_activities",
        verbose_name=_("ortak kuruluşlar"),
    )
    partner_institutions = models.CharField(
        _("ortak kamu kurumları"),
        max_length=500,
        blank=True,
        help_text=_("Örneğin: İl Sağlık Müdürlüğü, İl Milli Eğitim Müdürlüğü (virgülle ayırın)."),
    )
    campaign = models.ForeignKey(
        "home.CampaignPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("bağlı kampanya"),
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("bağlı etkinlik"),
    )
    program = models.ForeignKey(
        "volunteers.Program",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("bağlı sosyal uyum programı"),
    )
    project = models.ForeignKey(
        "cooperation.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("bağlı ortak proje"),
    )
    # Results: aggregate counts only. People reached and services delivered are kept apart
    # (one person may receive several services), and whether the reach counts each person once.
    planned_participants = models.PositiveIntegerField(
        _("planlanan katılımcı"), null=True, blank=True
    )
    actual_participants = models.PositiveIntegerField(
        _("gerçekleşen katılımcı"), null=True, blank=True
    )
    people_reached = models.PositiveIntegerField(_("ulaşılan kişi"), null=True, blank=True)
    people_reached_unique = models.BooleanField(
        _("tekil kişi sayısı"),
        default=True,
        help_text=_(
            "Her kişi bir kez sayıldıysa işaretleyin; aynı kişi birden çok kez "
            "sayıldıysa işareti kaldırın."
        ),
    )
    services_delivered = models.PositiveIntegerField(_("sunulan hizmet"), null=True, blank=True)
    # Breakdown of people reached; when given, each breakdown adds up to people reached.
    reached_women = models.PositiveIntegerField(_("kadın"), null=True, blank=True)
    reached_men = models.PositiveIntegerField(_("erkek"), null=True, blank=True)
    reached_age_0_14 = models.PositiveIntegerField(_("0–14 yaş"), null=True, blank=True)
    reached_age_15_24 = models.PositiveIntegerField(_("15–24 yaş"), null=True, blank=True)
    reached_age_25_64 = models.PositiveIntegerField(_("25–64 yaş"), null=True, blank=True)
    reached_age_65_plus = models.PositiveIntegerField(_("65 yaş ve üstü"), null=True, blank=True)
    volunteers_involved = models.PositiveIntegerField(_("gönüllü sayısı"), null=True, blank=True)
    volunteer_hours = models.DecimalField(
        _("gönüllü saati"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("kaydeden"),
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)
    updated_at = models.DateTimeField(_("güncelleme zamanı"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    SEX_FIELDS = ("reached_women", "reached_men")
    AGE_FIELDS = (
        "reached_age_0_14",
        "reached_age_15_24",
        "reached_age_25_64",
        "reached_age_65_plus",
    )

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("faaliyet")
        verbose_name_plural = _("faaliyetler")
        indexes = [
            models.Index(fields=["province", "working_area", "status", "starts_on"]),
            models.Index(fields=["organisation", "starts_on"]),
            models.Index(fields=["visibility", "province"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
                violation_error_message=_("Bitiş tarihi başlangıçtan önce olamaz."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def quarter(self) -> tuple[int, int]:
        """The (year, quarter) the activity's results count in: the quarter it ends."""
        return self.ends_on.year, quarter_of(self.ends_on)
