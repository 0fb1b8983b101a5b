"""Volunteer profiles."""

from django.db import transaction
from django.utils.translation import gettext_lazy

from core.audit import audit
from core.services import consent_in_force

from .models import MATCHING_CONSENT, VolunteerProfile

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.volunteer.profile_save": gettext_lazy("Gönüllü profili kaydedildi"),
    "portal.volunteer.background_check": gettext_lazy("Adli sicil kontrolü kaydedildi"),
    "portal.volunteer.training": gettext_lazy("Tamamlanan eğitim kaydedildi"),
}


PROFILE_FIELDS = (
    "display_name",
    "phone",
    "province",
    "district",
    "birth_date",
    "availability",
    "hours_per_month",
    "experience",
    "show_mentor_publicly",
    "is_active",
)


@transaction.atomic
def profile_save(
    *, user, data: dict, skills=(), languages=(), working_areas=(), target_groups=()
) -> VolunteerProfile:
    """Create or update the person's profile; the many-to-many fields set the masks through
    the signals in ``volunteers.signals``."""
    profile = VolunteerProfile.objects.filter(user=user).first()
    if profile is None:
        profile = VolunteerProfile(user=user, has_participated=_has_participated(user))
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(profile, field, data[field])
    profile.full_clean()
    profile.save()
    profile.skills.set(skills)
    profile.languages.set(languages)
    profile.working_areas.set(working_areas)
    profile.target_groups.set(target_groups)
    profile.refresh_masks()
    # Which fields changed is enough for the trail; the values are personal data.
    audit(profile, "portal.volunteer.profile_save", user=user, data={"fields": sorted(data)})
    return profile


def _has_participated(user) -> bool:
    """Attended an event or completed a placement (kept up to date afterwards by the hours
    and match services)."""
    from events.models import SignUp

    from .models import Match

    return (
        SignUp.objects.filter(person=user, status=SignUp.Status.ATTENDED).exists()
        or Match.objects.filter(person=user, closure_reason=Match.Closure.COMPLETED).exists()
    )


def profile_of(user) -> VolunteerProfile | None:
    if not user.is_authenticated:
        return None
    return VolunteerProfile.objects.filter(user=user).select_related("province", "district").first()


def has_matching_consent(user) -> bool:
    return consent_in_force(user=user, purpose_key=MATCHING_CONSENT)


def is_volunteer(person) -> bool:
    """For events open to volunteers only (registered with ``events.services``)."""
    return VolunteerProfile.objects.filter(user=person).exists()
