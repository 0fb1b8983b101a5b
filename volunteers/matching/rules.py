"""The hard rules: who *may* be matched to a role, and the refusal (with its reason code
and a plain-language message) for each rule a pair breaks."""

import datetime

from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dates import age_on
from core.models import ConsentRecord

from ..availability import count as slot_count
from ..exceptions import MatchRefused
from ..models import (
    MATCHING_CONSENT,
    BackgroundCheck,
    CompletedTraining,
    Match,
    MentorCredential,
    Program,
    Role,
    VolunteerProfile,
)
from .scoring import Context


class Rule:
    """The hard rules, by the reason code a refusal carries."""

    PROFILE = "profile"
    CONSENT = "consent"
    CLOSED = "closed"
    ALREADY = "already"
    FULL = "full"
    AGE = "age"
    LANGUAGES = "languages"
    AVAILABILITY = "availability"
    MENTOR = "mentor"
    BACKGROUND = "background"
    TRAINING = "training"
    CLASH = "clash"


def valid_trainings(person_filter: Q, today: datetime.date) -> QuerySet:
    """Completed trainings whose personal certificate is valid and not past its expiry."""
    return CompletedTraining.objects.filter(person_filter, certificate__status="valid").filter(
        Q(certificate__expires_on__isnull=True) | Q(certificate__expires_on__gte=today)
    )


def role_state(role: Role, today: datetime.date) -> MatchRefused | None:
    """The rule about the role alone: open to applications, in a published, running program."""
    program = role.program
    if not role.is_open:
        return MatchRefused(Rule.CLOSED, _("Bu rol başvuruya kapalı."))
    if program.status != Program.Status.PUBLISHED:
        return MatchRefused(Rule.CLOSED, _("Program yayında değil."))
    if program.ends_on is not None and program.ends_on < today:
        return MatchRefused(Rule.CLOSED, _("Program sona erdi."))
    return None


def role_full(role: Role, *, ignore_match=None) -> MatchRefused | None:
    held = Match.objects.holding_place().filter(role=role)
    if ignore_match is not None:
        held = held.exclude(pk=ignore_match.pk)
    if held.count() >= role.places:
        return MatchRefused(Rule.FULL, _("Bu rolün kişi sayısı doldu."))
    return None


def _check(person, role: Role, *, ignore_match=None):
    """Yield a refusal for each hard rule the pair breaks, in the order people read them."""
    today = timezone.localdate()
    profile = VolunteerProfile.objects.filter(user_id=person.pk).first()
    if profile is None:
        yield MatchRefused(Rule.PROFILE, _("Gönüllü profili yok."))
        return
    consenting = ConsentRecord.objects.in_force().filter(
        user_id=person.pk, purpose__key=MATCHING_CONSENT
    )
    if not consenting.exists():
        yield MatchRefused(Rule.CONSENT, _("Eşleştirme izni yok."))
    elif not profile.is_active:
        yield MatchRefused(Rule.CONSENT, _("Gönüllü yeni rollere açık değil."))
    program = role.program
    closed = role_state(role, today)
    if closed is not None:
        yield closed
    open_matches = Match.objects.open().filter(role=role, person_id=person.pk)
    if ignore_match is not None:
        open_matches = open_matches.exclude(pk=ignore_match.pk)
    if open_matches.exists():
        yield MatchRefused(
            Rule.ALREADY, _("Bu rol için sürmekte olan bir başvuru ya da davet var.")
        )
    full = role_full(role, ignore_match=ignore_match)
    if full is not None:
        yield full
    if role.minimum_age:
        if profile.birth_date is None:
            yield MatchRefused(
                Rule.AGE,
                _(
                    "Bu rol %(age)s yaş ve üzeri içindir; yaşın doğrulanması için profile "
                    "doğum tarihi eklenmeli."
                )
                % {"age": role.minimum_age},
            )
        elif age_on(profile.birth_date, today) < role.minimum_age:
            yield MatchRefused(
                Rule.AGE, _("Bu rol %(age)s yaş ve üzeri içindir.") % {"age": role.minimum_age}
            )
    missing_languages = role.required_languages_mask & ~profile.languages_mask
    if missing_languages:
        names = Context().language_names(missing_languages)
        yield MatchRefused(
            Rule.LANGUAGES,
            ngettext(
                "Gerekli dil: %(names)s.",
                "Gerekli diller: %(names)s.",
                slot_count(missing_languages),
            )
            % {"names": names},
        )
    if not profile.availability & program.schedule:
        yield MatchRefused(Rule.AVAILABILITY, _("Programın buluştuğu zamanlarda uygun değil."))
    if (
        role.requires_mentor
        and not MentorCredential.objects.in_force(today).filter(person_id=person.pk).exists()
    ):
        yield MatchRefused(Rule.MENTOR, _("Geçerli bir deneyim mentoru yetkinliği gerekiyor."))
    if (
        role.requires_background_check
        and not BackgroundCheck.objects.filter(person_id=person.pk, valid_until__gte=today).exists()
    ):
        yield MatchRefused(Rule.BACKGROUND, _("Geçerli bir adli sicil kontrolü gerekiyor."))
    required = list(role.required_trainings.order_by("sort_order", "name"))
    if required:
        held = set(
            valid_trainings(Q(person_id=person.pk), today).values_list("training_id", flat=True)
        )
        missing = [training for training in required if training.pk not in held]
        if missing:
            yield MatchRefused(
                Rule.TRAINING,
                ngettext(
                    "Gerekli eğitim: %(names)s.", "Gerekli eğitimler: %(names)s.", len(missing)
                )
                % {"names": ", ".join(training.label for training in missing)},
            )
    clashing = (
        Match.objects.holding_place()
        .filter(person_id=person.pk)
        .exclude(role=role)
        .alias(overlap=F("role__program__schedule").bitand(program.schedule))
        .exclude(overlap=0)
        .select_related("role")
    )
    if ignore_match is not None:
        clashing = clashing.exclude(pk=ignore_match.pk)
    clash = clashing.order_by("pk").first()
    if clash is not None:
        yield MatchRefused(
            Rule.CLASH,
            _("Aynı saatlerde başka bir rolü var: %(role)s.") % {"role": clash.role.title},
        )


def refusal(person, role: Role, *, ignore_match=None) -> MatchRefused | None:
    """The first hard rule that refuses ``person`` for ``role``, or None if they may match."""
    return next(_check(person, role, ignore_match=ignore_match), None)


def refusals(person, role: Role, *, ignore_match=None) -> list[MatchRefused]:
    """Every hard rule that refuses the pair (for a page listing what is missing)."""
    return list(_check(person, role, ignore_match=ignore_match))


def acceptance_refusal(match: Match) -> MatchRefused | None:
    """The rules again when a proposed match is accepted: things may have changed since it was
    proposed (consent withdrawn, places taken, another role accepted at the same hours).

    Inside a transaction the role's row is locked first, so two acceptances for its last place
    are counted one after the other and the second is refused as full."""
    roles = Role.objects.select_related("program")
    if connection.in_atomic_block:
        roles = roles.select_for_update(of=("self",))
    return refusal(match.person, roles.get(pk=match.role_id), ignore_match=match)
