"""Volunteers, experience mentors, social cohesion programs, matches and hours.

The portal matches people to *programs*, never to named clients: nothing here holds case data
about people in treatment. Every life cycle (mentor credentials, programs, matches, hours)
moves through ``accreditation.lifecycle.transition``.

Skills, languages, interests and availability are also kept as bit masks on the profile and
the role (kept in step by signals), so ranking 100,000 people is bitwise arithmetic in SQL.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.models.lifecycle import LifecycleModel
from core.models.places import place_error
from core.models.taxonomy import Term

from .availability import FULL_WEEK

MASK_BITS = 63  # a signed 64-bit integer holds 63 usable bits


class BitTerm(Term):
    """A term with its own bit in the masks (0–62), given when the term is created."""

    bit = models.PositiveSmallIntegerField(
        _("bit"), unique=True, editable=False, validators=[MaxValueValidator(MASK_BITS - 1)]
    )

    class Meta(Term.Meta):
        abstract = True

    def save(self, *args, **kwargs):
        if self.bit is None:
            used = set(type(self).objects.values_list("bit", flat=True))
            free = [candidate for candidate in range(MASK_BITS) if candidate not in used]
            if not free:
                from django.core.exceptions import ValidationError

                raise ValidationError(
                    _("En fazla %(count)s terim tanımlanabilir; kullanılmayan birini düzenleyin.")
                    % {"count": MASK_BITS}
                )
            self.bit = free[0]
        super().save(*args, **kwargs)


class Skill(BitTerm):
    class Meta(BitTerm.Meta):
        verbose_name = _("beceri")
        verbose_name_plural = _("beceriler")


class Language(BitTerm):
    class Meta(BitTerm.Meta):
        verbose_name = _("dil")
        verbose_name_plural = _("diller")


class Training(Term):
    """A training a credential or a role may require (e.g. peer-support basics)."""

    hours = models.PositiveSmallIntegerField(_("eğitim saati"), default=0)
    valid_years = models.PositiveSmallIntegerField(
        _("geçerlilik (yıl)"),
        null=True,
        blank=True,
        help_text=_("Boşsa belge süresiz geçerlidir."),
    )
    counts_for_mentor = models.BooleanField(
        _("deneyim mentorluğu eğitimi"),
        default=False,
        help_text=_("Saatleri deneyim mentoru yetkinliği için gereken eğitim saatine sayılır."),
    )

    class Meta(Term.Meta):
        verbose_name = _("eğitim")
        verbose_name_plural = _("eğitimler")


def term_bits(model) -> dict[int, int]:
    """The bit of each row of a small core taxonomy (working areas, target groups): its rank
    by primary key. Terms are retired rather than deleted (the admin offers no deletion), so a
    new term takes the next bit and the others keep theirs; should one be deleted anyway, the
    receiver in ``volunteers.signals`` computes every mask again."""
    keys = list(model.objects.order_by("pk").values_list("pk", flat=True))
    if len(keys) > MASK_BITS:
        raise ValueError(f"{model.__name__} has more than {MASK_BITS} rows for the masks.")
    return {pk: rank for rank, pk in enumerate(keys)}


def term_mask(model, ids) -> int:
    ids = [pk for pk in ids if pk is not None]
    if not ids:
        return 0
    bits = term_bits(model)
    mask = 0
    for pk in ids:
        mask |= 1 << bits[pk]
    return mask


class VolunteerProfileQuerySet(models.QuerySet):
    def matchable(self) -> "VolunteerProfileQuerySet":
        """Profiles that may be recommended: active, with matching consent in force."""
        from core.models import ConsentRecord

        consenting = ConsentRecord.objects.in_force().filter(purpose__key=MATCHING_CONSENT)
        return self.filter(is_active=True, user__in=consenting.values("user"))


MATCHING_CONSENT = "volunteer_matching"
CONTACT_CONSENT = "ngo_contact"
PUBLIC_NAME_CONSENT = "public_name"


class VolunteerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="volunteer_profile",
        verbose_name=_("kişi"),
    )
    display_name = models.CharField(
        _("görünen ad"),
        max_length=80,
        help_text=_("Kuruluşlar sizi bu adla görür (ör. “Ayşe K.”)."),
    )
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    province = models.ForeignKey(
        "core.Province", on_delete=models.PROTECT, related_name="+", verbose_name=_("İl")
    )
    district = models.ForeignKey(
        "core.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("İlçe"),
    )
    birth_date = models.DateField(
        _("doğum tarihi"),
        null=True,
        blank=True,
        help_text=_(
            "Yalnızca rollerin yaş sınırına uyup uymadığınızı görmek için; kimseye gösterilmez."
        ),
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="volunteers", verbose_name=_("konuştuğu diller")
    )
    skills = models.ManyToManyField(
        Skill, blank=True, related_name="volunteers", verbose_name=_("beceriler")
    )
    working_areas = models.ManyToManyField(
        "core.WorkingArea",
        blank=True,
        related_name="volunteers",
        verbose_name=_("İlgilendiği çalışma alanları"),
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup",
        blank=True,
        related_name="volunteers",
        verbose_name=_("İlgilendiği hedef gruplar"),
    )
    availability = models.PositiveIntegerField(
        _("haftalık uygunluk"), default=0, validators=[MaxValueValidator(FULL_WEEK)]
    )
    hours_per_month = models.PositiveSmallIntegerField(
        _("ayda ayırabileceği saat"), default=8, validators=[MaxValueValidator(300)]
    )
    experience = models.TextField(_("deneyim"), blank=True)
    show_mentor_publicly = models.BooleanField(
        _("deneyim mentoru olduğumu herkese açık sayfalarda göster"),
        default=False,
        help_text=_("İşaretlemezseniz bu bilgi yalnızca sizin ve rolünüzü yöneten kuruluşundur."),
    )
    is_active = models.BooleanField(
        _("yeni rollere açığım"),
        default=True,
        help_text=_("Kapatırsanız size rol önerilmez ve davet gönderilmez."),
    )
    # Kept in step with the many-to-many fields by volunteers.signals.
    skills_mask = models.BigIntegerField(default=0, editable=False)
    languages_mask = models.BigIntegerField(default=0, editable=False)
    areas_mask = models.BigIntegerField(default=0, editable=False)
    groups_mask = models.BigIntegerField(default=0, editable=False)
    has_participated = models.BooleanField(
        _("daha önce katıldı"),
        default=False,
        editable=False,
        help_text=_("Bir etkinliğe katıldı ya da bir rolü tamamladı."),
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)
    updated_at = models.DateTimeField(_("güncellenme"), auto_now=True)

    objects = VolunteerProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name", "pk"]
        verbose_name = _("gönüllü profili")
        verbose_name_plural = _("gönüllü profilleri")
        indexes = [models.Index(fields=["province", "district"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(availability__lte=FULL_WEEK), name="profile_availability_in_week"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {}
        if (place := place_error(self)) is not None:
            errors["district"] = place
        if not self.availability:
            errors["availability"] = _("En az bir gün ve saat dilimi seçin.")
        if errors:
            raise ValidationError(errors)

    def refresh_masks(self) -> None:
        from .masks import profile_masks, store

        store(self, profile_masks(self))


class BackgroundCheck(models.Model):
    """That a coordinator saw a valid criminal-record check, needed for roles with children.
    Only the dates are kept, never the document or what it says."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="background_checks",
        verbose_name=_("kişi"),
    )
    checked_on = models.DateField(_("kontrol tarihi"))
    valid_until = models.DateField(_("geçerlilik sonu"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("kaydeden"),
    )
    recorded_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)

    class Meta:
        ordering = ["-valid_until", "-pk"]
        verbose_name = _("adli sicil kontrolü")
        verbose_name_plural = _("adli sicil kontrolleri")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gt=F("checked_on")),
                name="background_check_valid_after_checked",
                violation_error_message=_("Geçerlilik sonu, kontrol tarihinden sonra olmalı."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.valid_until:%d.%m.%Y}"


class CompletedTraining(models.Model):
    """A training a person completed, with the personal certificate issued for it."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="completed_trainings",
        verbose_name=_("kişi"),
    )
    training = models.ForeignKey(
        Training, on_delete=models.PROTECT, related_name="completions", verbose_name=_("eğitim")
    )
    certificate = models.OneToOneField(
        "accreditation.Certificate",
        on_delete=models.PROTECT,
        related_name="completed_training",
        verbose_name=_("belge"),
    )

    class Meta:
        ordering = ["-certificate__issued_on", "-pk"]
        verbose_name = _("tamamlanan eğitim")
        verbose_name_plural = _("tamamlanan eğitimler")

    def __str__(self) -> str:
        return f"{self.person} · {self.training}"


@register_setting(icon="cogs")
class MatchingSettings(BaseGenericSetting):
    """What staff tune: the weights of the score's parts and the mentor credential's terms."""

    weight_skills = models.PositiveSmallIntegerField(_("beceri ağırlığı"), default=30)
    weight_interests = models.PositiveSmallIntegerField(_("İlgi alanı ağırlığı"), default=15)
    weight_distance = models.PositiveSmallIntegerField(_("uzaklık ağırlığı"), default=25)
    weight_availability = models.PositiveSmallIntegerField(_("uygunluk ağırlığı"), default=15)
    weight_languages = models.PositiveSmallIntegerField(_("dil ağırlığı"), default=10)
    weight_experience = models.PositiveSmallIntegerField(_("geçmiş katılım ağırlığı"), default=5)
    mentor_training_hours = models.PositiveSmallIntegerField(
        _("deneyim mentoru için eğitim saati"), default=40
    )
    mentor_supervised_hours = models.PositiveSmallIntegerField(
        _("deneyim mentoru için süpervizyonlu gönüllülük saati"), default=60
    )
    mentor_term_years = models.PositiveSmallIntegerField(
        _("yetkinliğin geçerlilik süresi (yıl)"), default=2, validators=[MinValueValidator(1)]
    )
    mentor_continuing_hours = models.PositiveSmallIntegerField(
        _("yenileme için sürekli eğitim saati"),
        default=16,
        help_text=_("Süre içinde bu kadar sürekli eğitim saati onaylanan yetkinlik uzatılır."),
    )

    class Meta:
        verbose_name = _("eşleştirme ayarları")
        verbose_name_plural = _("eşleştirme ayarları")

    def weights(self) -> dict[str, int]:
        return {
            "skills": self.weight_skills,
            "interests": self.weight_interests,
            "distance": self.weight_distance,
            "availability": self.weight_availability,
            "languages": self.weight_languages,
            "experience": self.weight_experience,
        }


# --- Experience mentor credential -------------------------------------------------------------


class MentorCredentialQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date | None = None) -> "MentorCredentialQuerySet":
        on = on or timezone.localdate()
        return self.filter(status=MentorCredential.Status.GRANTED, valid_until__gte=on)


class MentorCredential(LifecycleModel):
    """A volunteer's credential as a deneyim mentoru (experience mentor)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Taslak")
        SUBMITTED = "submitted", _("Başvuruldu")
        IN_REVIEW = "in_review", _("İncelemede")
        GRANTED = "granted", _("Verildi")
        DECLINED = "declined", _("Olumsuz sonuçlandı")
        WITHDRAWN = "withdrawn", _("Geri çekildi")
        EXPIRED = "expired", _("Süresi doldu")
        REVOKED = "revoked", _("Geri alındı")

    class Recommendation(models.TextChoices):
        GRANT = "grant", _("Verilmesi uygun")
        DECLINE = "decline", _("Verilmesi uygun değil")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentor_credentials",
        verbose_name=_("kişi"),
    )
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    province = models.ForeignKey(
        "core.Province",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("İl"),
        help_text=_("Başvuruyu bu ilin değerlendiricileri inceler."),
    )
    reference_organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("referans veren kuruluş"),
    )
    reference_unit = models.ForeignKey(
        "core.SupportUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("referans veren Sosyal Uyum Birimi"),
    )
    referee_name = models.CharField(_("referans veren kişi"), max_length=150, blank=True)
    referee_position = models.CharField(_("görevi"), max_length=150, blank=True)
    reference_statement = models.TextField(_("referans yazısı"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("değerlendirici"),
    )
    recommendation = models.CharField(
        _("değerlendirici görüşü"), max_length=10, choices=Recommendation.choices, blank=True
    )
    review_note = models.TextField(_("değerlendirme notu"), blank=True)
    submitted_at = models.DateTimeField(_("başvuru zamanı"), null=True, blank=True)
    granted_on = models.DateField(_("veriliş tarihi"), null=True, blank=True)
    valid_until = models.DateField(_("geçerlilik sonu"), null=True, blank=True)
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    objects = MentorCredentialQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("deneyim mentoru yetkinliği")
        verbose_name_plural = _("deneyim mentoru yetkinlikleri")
        constraints = [
            # One credential in progress or in force per person; a new one after the old ends.
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=["draft", "submitted", "in_review", "granted"]),
                name="mentor_one_open_credential",
                violation_error_message=_("Sürmekte olan bir başvurunuz ya da yetkinliğiniz var."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_status_display()}"

    @property
    def is_in_force(self) -> bool:
        return (
            self.status == self.Status.GRANTED
            and self.valid_until is not None
            and self.valid_until >= timezone.localdate()
        )


class RecoveryDeclaration(models.Model):
    """The applicant's declaration about their recovery: special-category data. Stored only
    encrypted; read through ``volunteers.declarations.declaration_read``, which logs who read it,
    when and why. Never listed, searched, exported or mailed."""

    credential = models.OneToOneField(
        MentorCredential, on_delete=models.CASCADE, related_name="declaration"
    )
    ciphertext = models.TextField(editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("İyileşme beyanı")
        verbose_name_plural = _("İyileşme beyanları")

    def __str__(self) -> str:
        return str(_("İyileşme beyanı (şifreli)"))


class DeclarationAccess(models.Model):
    """One reading of a recovery declaration: who, when and for what purpose."""

    declaration = models.ForeignKey(
        RecoveryDeclaration, on_delete=models.CASCADE, related_name="accesses"
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("okuyan"),
    )
    purpose = models.CharField(_("amaç"), max_length=300)
    at = models.DateTimeField(_("zaman"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("beyan okuma kaydı")
        verbose_name_plural = _("beyan okuma kayıtları")

    def __str__(self) -> str:
        return f"{self.reader} · {self.at:%d.%m.%Y %H:%M}"


# --- Programs and roles -----------------------------------------------------------------------


class ProgramQuerySet(models.QuerySet):
    def published(self) -> "ProgramQuerySet":
        return self.filter(status=Program.Status.PUBLISHED)


class Program(LifecycleModel):
    """A social cohesion program (sosyal uyum programı) and the roles it needs."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Taslak")
        PUBLISHED = "published", _("Yayında")
        CLOSED = "closed", _("Tamamlandı")
        CANCELLED = "cancelled", _("İptal edildi")

    title = models.CharField(_("ad"), max_length=200)
    slug = models.SlugField(_("kısa ad"), max_length=220, unique=True)
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programs",
        verbose_name=_("yürüten kuruluş"),
    )
    support_unit = models.ForeignKey(
        "core.SupportUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programs",
        verbose_name=_("yürüten Sosyal Uyum Birimi"),
        help_text=_("Birimlerin programlarını yetkili personel girer."),
    )
    aims = models.TextField(_("amaçlar"))
    description = models.TextField(_("açıklama"), blank=True)
    working_area = models.ForeignKey(
        "core.WorkingArea",
        on_delete=models.PROTECT,
        related_name="programs",
        verbose_name=_("çalışma alanı"),
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup",
        blank=True,
        related_name="programs",
        verbose_name=_("hedef gruplar"),
    )
    province = models.ForeignKey(
        "core.Province",
        on_delete=models.PROTECT,
        related_name="programs",
        verbose_name=_("İl"),
    )
    district = models.ForeignKey(
        "core.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programs",
        verbose_name=_("İlçe"),
    )
    is_online = models.BooleanField(_("çevrim içi"), default=False)
    schedule = models.PositiveIntegerField(
        _("buluşma zamanları"),
        default=0,
        validators=[MaxValueValidator(FULL_WEEK)],
        help_text=_("Programın her hafta buluştuğu gün ve saat dilimleri."),
    )
    schedule_note = models.CharField(
        _("zaman açıklaması"),
        max_length=200,
        blank=True,
        help_text=_("Ör. “Her salı 18.00–20.00, iki haftada bir cumartesi sabahı”."),
    )
    starts_on = models.DateField(_("başlangıç"))
    ends_on = models.DateField(_("bitiş"), null=True, blank=True)
    areas_mask = models.BigIntegerField(default=0, editable=False)
    groups_mask = models.BigIntegerField(default=0, editable=False)
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

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("sosyal uyum programı")
        verbose_name_plural = _("sosyal uyum programları")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(support_unit__isnull=False),
                name="program_has_a_runner",
                violation_error_message=_("Programı yürüten kuruluşu ya da birimi seçin."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="program_ends_after_it_starts",
                violation_error_message=_("Bitiş, başlangıçtan önce olamaz."),
            ),
            models.CheckConstraint(
                condition=Q(schedule__lte=FULL_WEEK), name="program_schedule_in_week"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        from core.models import WorkingArea

        self.areas_mask = term_mask(WorkingArea, [self.working_area_id])
        super().save(*args, **kwargs)

    def refresh_masks(self) -> None:
        from .masks import program_masks, store

        store(self, program_masks(self))

    @property
    def runner_name(self) -> str:
        if self.organisation_id:
            return self.organisation.display_name
        return self.support_unit.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors = {}
        if (place := place_error(self)) is not None:
            errors["district"] = place
        if self.schedule == 0:
            errors["schedule"] = _("Programın buluştuğu en az bir gün ve saat dilimini seçin.")
        if errors:
            raise ValidationError(errors)


class Role(models.Model):
    """A role a program needs volunteers for."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="roles", verbose_name=_("program")
    )
    title = models.CharField(_("rol adı"), max_length=150)
    description = models.TextField(_("açıklama"))
    required_skills = models.ManyToManyField(
        Skill, blank=True, related_name="roles", verbose_name=_("İstenen beceriler")
    )
    required_languages = models.ManyToManyField(
        Language,
        blank=True,
        related_name="roles_requiring",
        verbose_name=_("gerekli diller"),
        help_text=_("Adayın bu dillerin hepsini konuşması gerekir."),
    )
    helpful_languages = models.ManyToManyField(
        Language,
        blank=True,
        related_name="roles_preferring",
        verbose_name=_("yararlı diller"),
        help_text=_("Zorunlu değil; konuşan adaylar öne çıkar."),
    )
    requires_mentor = models.BooleanField(_("deneyim mentoru yetkinliği gerekir"), default=False)
    requires_background_check = models.BooleanField(
        _("adli sicil kontrolü gerekir"),
        default=False,
        help_text=_("Çocuklarla çalışılan rollerde işaretleyin."),
    )
    required_trainings = models.ManyToManyField(
        Training, blank=True, related_name="roles", verbose_name=_("gerekli eğitimler")
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("en düşük yaş"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    places = models.PositiveSmallIntegerField(
        _("kişi sayısı"),
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    weekly_hours = models.DecimalField(
        _("haftalık saat"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(60)],
    )
    commitment_months = models.PositiveSmallIntegerField(
        _("taahhüt süresi (ay)"), default=3, validators=[MinValueValidator(1)]
    )
    is_open = models.BooleanField(_("başvuruya açık"), default=True)
    skills_mask = models.BigIntegerField(default=0, editable=False)
    required_languages_mask = models.BigIntegerField(default=0, editable=False)
    helpful_languages_mask = models.BigIntegerField(default=0, editable=False)
    required_trainings_count = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    class Meta:
        ordering = ["program", "pk"]
        verbose_name = _("gönüllü rolü")
        verbose_name_plural = _("gönüllü rolleri")
        constraints = [
            models.CheckConstraint(
                condition=Q(places__gte=1),
                name="role_has_places",
                violation_error_message=_("Rol en az bir kişilik olmalı."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.program}"

    def refresh_masks(self) -> None:
        from .masks import role_masks, store

        store(self, role_masks(self))


# --- Matches ----------------------------------------------------------------------------------


class MatchQuerySet(models.QuerySet):
    def holding_place(self) -> "MatchQuerySet":
        return self.filter(status__in=Match.HOLDING_PLACE)

    def open(self) -> "MatchQuerySet":
        return self.filter(status__in=Match.OPEN)


class Match(LifecycleModel):
    """A volunteer placed in a role: proposed → accepted → active → closed (MENTOR's stages of
    matching, initiation, support and closure)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Önerildi")
        ACCEPTED = "accepted", _("Kabul edildi")
        DECLINED = "declined", _("Olumsuz yanıtlandı")
        WITHDRAWN = "withdrawn", _("Geri çekildi")
        ACTIVE = "active", _("Sürüyor")
        CLOSED = "closed", _("Kapandı")

    class Origin(models.TextChoices):
        APPLICATION = "application", _("Gönüllü başvurdu")
        INVITATION = "invitation", _("Kuruluş davet etti")

    class Closure(models.TextChoices):
        COMPLETED = "completed", _("Taahhüt süresi tamamlandı")
        VOLUNTEER_LEFT = "volunteer_left", _("Gönüllü ayrıldı")
        PROGRAM_ENDED = "program_ended", _("Program sona erdi")
        NOT_A_FIT = "not_a_fit", _("Uyum sağlanamadı")
        OTHER = "other", _("Diğer")

    HOLDING_PLACE = ("accepted", "active")
    OPEN = ("proposed", "accepted", "active")

    role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="matches", verbose_name=_("rol")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="matches",
        verbose_name=_("gönüllü"),
    )
    origin = models.CharField(_("nasıl başladı"), max_length=12, choices=Origin.choices)
    status = models.CharField(
        _("durum"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    message = models.TextField(_("mesaj"), blank=True)
    score = models.FloatField(_("uyum puanı"), null=True, blank=True)
    closure_reason = models.CharField(
        _("kapanış nedeni"), max_length=20, choices=Closure.choices, blank=True
    )
    started_on = models.DateField(_("başlangıç"), null=True, blank=True)
    closed_on = models.DateField(_("kapanış"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("öneren"),
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("eşleşme")
        verbose_name_plural = _("eşleşmeler")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "person"],
                condition=Q(status__in=["proposed", "accepted", "active"]),
                name="match_one_open_per_role_and_person",
                violation_error_message=_("Bu rol için sürmekte olan bir başvuru ya da davet var."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.role.title}"


class CheckIn(models.Model):
    """A short, regular note on how a placement is going (MENTOR's monitoring and support).
    About the volunteer's experience only: never names or details of the people they meet."""

    class Mood(models.TextChoices):
        GOING_WELL = "going_well", _("İyi gidiyor")
        CONCERNS = "concerns", _("Bazı kaygılarım var")
        NEEDS_SUPPORT = "needs_support", _("Desteğe ihtiyacım var")

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="check_ins", verbose_name=_("eşleşme")
    )
    on = models.DateField(_("tarih"))
    mood = models.CharField(_("nasıl gidiyor"), max_length=15, choices=Mood.choices)
    note = models.TextField(
        _("not"),
        blank=True,
        help_text=_(
            "Görüştüğünüz kişilerin adlarını ya da kimliklerini ortaya koyacak bilgi yazmayın."
        ),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("yazan"),
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("görüşme notu")
        verbose_name_plural = _("görüşme notları")

    def __str__(self) -> str:
        return f"{self.match} · {self.on:%d.%m.%Y}"


# --- Hours ------------------------------------------------------------------------------------


class HoursLog(LifecycleModel):
    """Hours a volunteer gave, against a placement or an event, approved by its organiser."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Onay bekliyor")
        APPROVED = "approved", _("Onaylandı")
        REJECTED = "rejected", _("Reddedildi")

    class Kind(models.TextChoices):
        VOLUNTEERING = "volunteering", _("Gönüllü çalışma")
        SUPERVISED = "supervised", _("Süpervizyonlu gönüllülük")
        CONTINUING = "continuing", _("Sürekli eğitim")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="hours_logs",
        verbose_name=_("gönüllü"),
    )
    match = models.ForeignKey(
        Match,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hours_logs",
        verbose_name=_("rol"),
    )
    signup = models.ForeignKey(
        "events.SignUp",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hours_logs",
        verbose_name=_("etkinlik"),
    )
    # Whose approval it needs and where it counts, fixed when the hours are logged.
    organisation = models.ForeignKey(
        "accreditation.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kuruluş"),
    )
    province = models.ForeignKey(
        "core.Province", on_delete=models.PROTECT, related_name="+", verbose_name=_("İl")
    )
    on = models.DateField(_("tarih"))
    hours = models.DecimalField(
        _("saat"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(24)],
    )
    kind = models.CharField(
        _("tür"), max_length=12, choices=Kind.choices, default=Kind.VOLUNTEERING
    )
    description = models.CharField(_("ne yaptınız"), max_length=300, blank=True)
    status = models.CharField(
        _("durum"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    automatic = models.BooleanField(
        _("katılımdan otomatik"),
        default=False,
        editable=False,
        help_text=_("Etkinlik yoklamasında katıldı işaretlenince yazıldı."),
    )
    created_at = models.DateTimeField(_("oluşturulma"), auto_now_add=True)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("gönüllülük saati")
        verbose_name_plural = _("gönüllülük saatleri")
        indexes = [models.Index(fields=["person", "on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24),
                name="hours_between_0_and_24",
                violation_error_message=_("Saat 0'dan büyük ve en çok 24 olmalı."),
            ),
            models.CheckConstraint(
                condition=Q(match__isnull=False, signup__isnull=True)
                | Q(match__isnull=True, signup__isnull=False),
                name="hours_for_a_role_or_an_event",
                violation_error_message=_("Saati bir role ya da bir etkinliğe yazın."),
            ),
            models.UniqueConstraint(
                fields=["signup"],
                condition=Q(automatic=True),
                name="hours_credited_once_per_attendance",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.on:%d.%m.%Y} · {self.hours}"

    @property
    def place_title(self) -> str:
        if self.match_id:
            return self.match.role.title
        return self.signup.event.title


# --- Batch assignment -------------------------------------------------------------------------


class BatchAssignment(models.Model):
    """A coordinator's computed assignment, kept between the preview and the confirmation."""

    province = models.ForeignKey(
        "core.Province", on_delete=models.PROTECT, related_name="+", verbose_name=_("İl")
    )
    program = models.ForeignKey(
        Program,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("program"),
    )
    pairs = models.JSONField(_("atamalar"), default=list)  # [[role_id, user_id, score], ...]
    total_score = models.FloatField(_("toplam puan"))
    greedy_score = models.FloatField(_("açgözlü yöntemin puanı"))
    greedy_count = models.PositiveIntegerField(_("açgözlü yöntemin yerleştirdiği"), default=0)
    places = models.PositiveIntegerField(_("açık yer"))
    candidates = models.PositiveIntegerField(_("aday"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("hesaplayan"),
    )
    created_at = models.DateTimeField(_("hesaplanma"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("onaylanma"), null=True, blank=True)
    invitations = models.PositiveIntegerField(_("gönderilen davet"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("toplu atama")
        verbose_name_plural = _("toplu atamalar")

    def __str__(self) -> str:
        return f"{self.province} · {self.created_at:%d.%m.%Y %H:%M}"
