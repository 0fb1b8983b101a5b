"""The shared platform of accredited organisations (ortak platform).

Activities (faaliyet) done and planned, joint projects (ortak proje) with their partners,
performance indicators with province targets, quarterly reports, province coordination meetings
with action items, and the public figures shown on province pages.

Only aggregate counts about the people an activity reached are kept: never a name.
Every status moves through ``accreditation.lifecycle.transition`` (see ``workflow.py``).
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.files import evidence_upload_to, private_storage
from core.models.lifecycle import LifecycleModel

QUARTERS = [
    (1, _("1. çeyrek (Ocak–Mart)")),
    (2, _("2. çeyrek (Nisan–Haziran)")),
    (3, _("3. çeyrek (Temmuz–Eylül)")),
    (4, _("4. çeyrek (Ekim–Aralık)")),
]


def quarter_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of a calendar quarter."""
    first = datetime.date(year, 3 * quarter - 2, 1)
    if quarter == 4:
        return first, datetime.date(year, 12, 31)
    return first, datetime.date(year, 3 * quarter + 1, 1) - datetime.timedelta(days=1)


# --- Activities -------------------------------------------------------------------------------


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


# --- Joint projects ---------------------------------------------------------------------------


class Project(LifecycleModel):
    """A joint project (ortak proje) led by one organisation with partners."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Önerildi")
        ACTIVE = "active", pgettext_lazy("project status", "Yürürlükte")
        COMPLETED = "completed", _("Tamamlandı")
        CANCELLED = "cancelled", _("İptal edildi")

    title = models.CharField(_("ad"), max_length=200)
    slug = models.SlugField(_("kısa ad"), max_length=220, unique=True)
    lead = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="led_projects",
        verbose_name=_("yürütücü kuruluş"),
    )
    aims = models.TextField(_("amaçlar"))
    description = models.TextField(_("açıklama"), blank=True)
    working_areas = models.ManyToManyField(
        "core.WorkingArea", related_name="projects", verbose_name=_("çalışma alanları")
    )
    provinces = models.ManyToManyField(
        "core.Province", related_name="projects", verbose_name=_("İller")
    )
    starts_on = models.DateField(_("başlangıç tarihi"))
    ends_on = models.DateField(_("bitiş tarihi"))
    partner_roles_needed = models.TextField(
        _("aranan ortak rolleri"),
        blank=True,
        help_text=_("Örneğin: okul programı yürütecek bir kuruluş, gönüllü eğitmenler."),
    )
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("öneren"),
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ortak proje")
        verbose_name_plural = _("ortak projeler")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
                violation_error_message=_("Bitiş tarihi başlangıçtan önce olamaz."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProjectPartner(LifecycleModel):
    """An organisation's place in a joint project: asked for by it or offered by the lead."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Katılma isteği")
        INVITED = "invited", _("Davet edildi")
        ACCEPTED = "accepted", _("Ortak")
        DECLINED = "declined", _("Kabul edilmedi")
        LEFT = "left", _("Ayrıldı")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="partners", verbose_name=_("proje")
    )
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="project_partnerships",
        verbose_name=_("kuruluş"),
    )
    role = models.CharField(
        _("projedeki rolü"),
        max_length=200,
        blank=True,
        help_text=_("Örneğin: okul oturumlarını yürütür."),
    )
    message = models.TextField(_("mesaj"), blank=True)
    status = models.CharField(_("durum"), max_length=12, choices=Status.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("başlatan"),
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["project", "created_at"]
        verbose_name = _("proje ortaklığı")
        verbose_name_plural = _("proje ortaklıkları")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="project_partner_unique",
                violation_error_message=_("Bu kuruluş projede zaten kayıtlı."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.project}"


class ProjectUpdate(models.Model):
    """A short news item partners post on the project page."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="updates", verbose_name=_("proje")
    )
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kuruluş"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("yazan"),
    )
    text = models.TextField(_("metin"))
    created_at = models.DateTimeField(_("zaman"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("proje güncellemesi")
        verbose_name_plural = _("proje güncellemeleri")

    def __str__(self) -> str:
        return f"{self.project} · {self.created_at:%Y-%m-%d}"


class ProjectFile(models.Model):
    """A file partners share on the project page, stored privately."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="files", verbose_name=_("proje")
    )
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("kuruluş"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("yükleyen"),
    )
    title = models.CharField(_("başlık"), max_length=200)
    file = models.FileField(_("dosya"), storage=private_storage, upload_to=evidence_upload_to)
    original_name = models.CharField(_("özgün dosya adı"), max_length=255)
    size = models.PositiveIntegerField(_("boyut (bayt)"), default=0)
    content_type = models.CharField(_("İçerik türü"), max_length=100)
    uploaded_at = models.DateTimeField(_("yükleme zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("proje dosyası")
        verbose_name_plural = _("proje dosyaları")

    def __str__(self) -> str:
        return self.title


# --- Indicators, targets and reports ----------------------------------------------------------


class Indicator(models.Model):
    """A performance indicator (performans göstergesi) of a working area."""

    class Method(models.TextChoices):
        ACTIVITIES = "activities", _("Tamamlanan faaliyet sayısı")
        PEOPLE_REACHED = "people_reached", _("Ulaşılan kişi")
        UNIQUE_PEOPLE_REACHED = (
            "unique_people_reached",
            _("Kişileri tekil sayan faaliyetlerde ulaşılan kişi"),
        )
        SERVICES = "services", _("Sunulan hizmet")
        PARTICIPANTS = "participants", _("Gerçekleşen katılımcı")
        VOLUNTEERS = "volunteers", _("Gönüllü sayısı")
        VOLUNTEER_HOURS = "volunteer_hours", _("Gönüllü saati")
        ORGANISATIONS = "organisations", _("Faaliyet gösteren kuruluş sayısı")
        MANUAL = "manual", _("Elle girilir")

    name = models.CharField(_("ad (Türkçe)"), max_length=200)
    name_en = models.CharField(_("ad (İngilizce)"), max_length=200)
    working_area = models.ForeignKey(
        "core.WorkingArea",
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("çalışma alanı"),
    )
    unit = models.CharField(_("birim"), max_length=40, help_text=_("Örneğin: kişi, faaliyet."))
    unit_en = models.CharField(_("birim (İngilizce)"), max_length=40)
    method = models.CharField(
        _("hesaplama"),
        max_length=24,
        choices=Method.choices,
        help_text=_(
            "Faaliyetlerden hesaplanan göstergeler, çalışma alanındaki tamamlanmış faaliyetlerin "
            "bitiş tarihine göre çeyreklere sayılır; elle girilenleri il koordinatörü girer."
        ),
    )
    activity_type = models.ForeignKey(
        "core.ActivityType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("yalnızca bu faaliyet türü"),
    )
    description = models.TextField(_("açıklama"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sıra"), default=0)
    is_active = models.BooleanField(_("kullanımda"), default=True)

    class Meta:
        ordering = ["working_area__sort_order", "sort_order", "name"]
        verbose_name = _("performans göstergesi")
        verbose_name_plural = _("performans göstergeleri")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from django.utils.translation import get_language

        if (get_language() or "tr").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    @property
    def unit_label(self) -> str:
        from django.utils.translation import get_language

        if (get_language() or "tr").startswith("en") and self.unit_en:
            return self.unit_en
        return self.unit


class Target(models.Model):
    """The value an indicator should reach in a province in one quarter."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("gösterge")
    )
    province = models.ForeignKey(
        "core.Province",
        on_delete=models.CASCADE,
        related_name="indicator_targets",
        verbose_name=_("İl"),
    )
    year = models.PositiveSmallIntegerField(
        _("yıl"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(_("çeyrek"), choices=QUARTERS)
    value = models.DecimalField(
        _("hedef"), max_digits=14, decimal_places=1, validators=[MinValueValidator(0)]
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("belirleyen"),
    )
    updated_at = models.DateTimeField(_("güncelleme zamanı"), auto_now=True)

    class Meta:
        ordering = ["indicator", "province", "year", "quarter"]
        verbose_name = _("hedef")
        verbose_name_plural = _("hedefler")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "province", "year", "quarter"],
                name="target_unique_per_quarter",
                violation_error_message=_("Bu gösterge için bu çeyrekte zaten bir hedef var."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.province} · {self.year}/{self.quarter}"


class IndicatorValue(models.Model):
    """A hand-entered actual value of a manual indicator in a province and quarter."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("gösterge")
    )
    province = models.ForeignKey(
        "core.Province",
        on_delete=models.CASCADE,
        related_name="indicator_values",
        verbose_name=_("İl"),
    )
    year = models.PositiveSmallIntegerField(_("yıl"))
    quarter = models.PositiveSmallIntegerField(_("çeyrek"), choices=QUARTERS)
    value = models.DecimalField(
        _("değer"), max_digits=14, decimal_places=1, validators=[MinValueValidator(0)]
    )
    source = models.CharField(_("kaynak"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("giren"),
    )
    updated_at = models.DateTimeField(_("güncelleme zamanı"), auto_now=True)

    class Meta:
        ordering = ["indicator", "province", "year", "quarter"]
        verbose_name = _("gösterge değeri")
        verbose_name_plural = _("gösterge değerleri")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "province", "year", "quarter"],
                name="indicator_value_unique_per_quarter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.province} · {self.year}/{self.quarter}"


class QuarterlyReport(LifecycleModel):
    """An organisation's report for one calendar quarter: pre-filled from its activities,
    edited, then submitted and locked."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Taslak")
        SUBMITTED = "submitted", _("Gönderildi")

    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        related_name="quarterly_reports",
        verbose_name=_("kuruluş"),
    )
    year = models.PositiveSmallIntegerField(_("yıl"))
    quarter = models.PositiveSmallIntegerField(_("çeyrek"), choices=QUARTERS)
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    highlights = models.TextField(_("öne çıkanlar"), blank=True)
    challenges = models.TextField(_("karşılaşılan güçlükler"), blank=True)
    next_steps = models.TextField(_("gelecek çeyrek planları"), blank=True)
    submitted_at = models.DateTimeField(_("gönderilme zamanı"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gönderen"),
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "-quarter", "organisation"]
        verbose_name = _("çeyrek raporu")
        verbose_name_plural = _("çeyrek raporları")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "quarter"],
                name="report_unique_per_quarter",
                violation_error_message=_("Bu çeyrek için bir rapor zaten var."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.year}/{self.quarter}"

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.SUBMITTED


class ReportLine(models.Model):
    """One working area's figures in a quarterly report (pre-filled, editable until sent)."""

    report = models.ForeignKey(
        QuarterlyReport, on_delete=models.CASCADE, related_name="lines", verbose_name=_("rapor")
    )
    working_area = models.ForeignKey(
        "core.WorkingArea",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("çalışma alanı"),
    )
    activities = models.PositiveIntegerField(_("tamamlanan faaliyet"), default=0)
    people_reached = models.PositiveIntegerField(_("ulaşılan kişi"), default=0)
    services_delivered = models.PositiveIntegerField(_("sunulan hizmet"), default=0)
    participants = models.PositiveIntegerField(_("katılımcı"), default=0)
    volunteers = models.PositiveIntegerField(_("gönüllü sayısı"), default=0)
    volunteer_hours = models.DecimalField(
        _("gönüllü saati"), max_digits=9, decimal_places=1, default=0
    )

    class Meta:
        ordering = ["report", "working_area__sort_order"]
        verbose_name = _("rapor satırı")
        verbose_name_plural = _("rapor satırları")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "working_area"], name="report_line_unique_area"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.working_area}"


# --- Coordination meetings --------------------------------------------------------------------


class Meeting(models.Model):
    """A province coordination meeting (il koordinasyon toplantısı)."""

    province = models.ForeignKey(
        "core.Province",
        on_delete=models.PROTECT,
        related_name="coordination_meetings",
        verbose_name=_("İl"),
    )
    title = models.CharField(_("başlık"), max_length=200)
    held_on = models.DateField(_("tarih"))
    place = models.CharField(_("yer"), max_length=200, blank=True)
    organisations = models.ManyToManyField(
        "accreditation.Organisation",
        blank=True,
        related_name="coordination_meetings",
        verbose_name=_("katılan kuruluşlar"),
    )
    institutions = models.TextField(
        _("katılan kamu kurumları"),
        blank=True,
        help_text=_("Her satıra bir kurum."),
    )
    agenda = models.TextField(_("gündem"))
    minutes = models.TextField(_("tutanak"), blank=True)
    decisions = models.TextField(_("kararlar"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("kaydeden"),
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("koordinasyon toplantısı")
        verbose_name_plural = _("koordinasyon toplantıları")

    def __str__(self) -> str:
        return self.title


class ActionItemQuerySet(models.QuerySet):
    def open(self) -> "ActionItemQuerySet":
        return self.filter(status__in=[ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS])

    def overdue(self, on: datetime.date | None = None) -> "ActionItemQuerySet":
        return self.open().filter(due_on__lt=on or timezone.localdate())


class ActionItem(LifecycleModel):
    """A task a coordination meeting decided, with who is responsible and by when."""

    class Status(models.TextChoices):
        OPEN = "open", _("Açık")
        IN_PROGRESS = "in_progress", _("Sürüyor")
        DONE = "done", _("Tamamlandı")
        CANCELLED = "cancelled", _("İptal edildi")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="action_items", verbose_name=_("toplantı")
    )
    title = models.CharField(_("İş"), max_length=300)
    responsible_institution = models.CharField(_("sorumlu kurum"), max_length=200)
    partner_organisations = models.ManyToManyField(
        "accreditation.Organisation",
        blank=True,
        related_name="action_items",
        verbose_name=_("İş birliği yapan kuruluşlar"),
    )
    partner_institutions = models.CharField(
        _("İş birliği yapan kurumlar"), max_length=500, blank=True
    )
    due_on = models.DateField(_("son tarih"))
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("İzlendiği gösterge"),
    )
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    note = models.TextField(_("not"), blank=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("eylem maddesi")
        verbose_name_plural = _("eylem maddeleri")

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.IN_PROGRESS) and (
            self.due_on < timezone.localdate()
        )


# --- Public province figures ------------------------------------------------------------------


class ServiceFigure(models.Model):
    """A public service figure of a province from an official booklet (il sosyal hizmet
    bülteni). ``value`` None means the source gives no figure, which is not zero."""

    province = models.ForeignKey(
        "core.Province",
        on_delete=models.CASCADE,
        related_name="service_figures",
        verbose_name=_("İl"),
    )
    key = models.SlugField(_("anahtar"), max_length=80)
    program_area = models.CharField(_("hizmet alanı"), max_length=40)
    label = models.CharField(_("ad (Türkçe)"), max_length=200)
    label_en = models.CharField(_("ad (İngilizce)"), max_length=200)
    unit = models.CharField(_("birim"), max_length=40)
    kind = models.CharField(_("tür"), max_length=20, help_text=_("stock, cumulative, annual…"))
    since_year = models.PositiveSmallIntegerField(_("başlangıç yılı"), null=True, blank=True)
    value = models.DecimalField(_("değer"), max_digits=20, decimal_places=2, null=True, blank=True)
    as_of = models.DateField(_("veri tarihi"))
    source = models.CharField(_("kaynak"), max_length=300)
    sort_order = models.PositiveSmallIntegerField(_("sıra"), default=0)

    class Meta:
        ordering = ["province", "sort_order"]
        verbose_name = _("İl hizmet verisi")
        verbose_name_plural = _("İl hizmet verileri")
        constraints = [
            models.UniqueConstraint(fields=["province", "key"], name="service_figure_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.province} · {self.label}"


class ProvincePopulation(models.Model):
    """A province's population from an official source, for figures per 100,000 people."""

    province = models.OneToOneField(
        "core.Province",
        on_delete=models.CASCADE,
        related_name="population",
        verbose_name=_("İl"),
    )
    population = models.PositiveIntegerField(_("nüfus"), validators=[MinValueValidator(1)])
    year = models.PositiveSmallIntegerField(_("yıl"))
    source = models.CharField(_("kaynak"), max_length=300)

    class Meta:
        verbose_name = _("İl nüfusu")
        verbose_name_plural = _("İl nüfusları")

    def __str__(self) -> str:
        return f"{self.province}: {self.population} ({self.year})"
