"""The volunteer's profile, the consents matching relies on, and what coordinators
record about a person: background checks and completed trainings."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models.places import place_error

from ..availability import FULL_WEEK
from .reference import Language, Skill, Training

# Consent purposes (core.ConsentPurpose keys) the volunteering pages rely on.
MATCHING_CONSENT = "volunteer_matching"
CONTACT_CONSENT = "ngo_contact"
PUBLIC_NAME_CONSENT = "public_name"


class VolunteerProfileQuerySet(models.QuerySet):
    def matchable(self) -> "VolunteerProfileQuerySet":
        """Profiles that may be recommended: active, with matching consent in force."""
        from core.models import ConsentRecord

        consenting = ConsentRecord.objects.in_force().filter(purpose__key=MATCHING_CONSENT)
        return self.filter(is_active=True, user__in=consenting.values("user"))


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
        from ..masks import profile_masks, store

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
