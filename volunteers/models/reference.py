"""Reference terms a profile and a role are described by (skills, languages, trainings),
the bits they take in the matching masks, and the matching settings staff tune."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.models.taxonomy import Term

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
