"""Applications, invitations and placements (matches), and their check-ins."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.lifecycle import record_start, transition
from core.permissions import require

from .exceptions import VolunteerError
from .models import CheckIn, Match, Role

M = Match.Status


def _create(*, role: Role, person, origin: str, by, message: str, score=None) -> Match:
    from .matching.rules import refusal

    refused = refusal(person, role)
    if refused is not None:
        raise refused
    try:
        with transaction.atomic():
            match = Match.objects.create(
                role=role,
                person=person,
                origin=origin,
                message=(message or "").strip(),
                score=score,
                proposed_by=by,
            )
    except IntegrityError:
        raise VolunteerError(_("Bu rol için sürmekte olan bir başvuru ya da davet var.")) from None
    record_start(match, by=by)
    return match


@transaction.atomic
def match_apply(*, role: Role, person, message: str = "") -> Match:
    """A volunteer applies to a role; the organisation answers."""
    match = _create(
        role=role, person=person, origin=Match.Origin.APPLICATION, by=person, message=message
    )
    from .notifications import application_received

    transaction.on_commit(lambda: application_received(match))
    return match


@transaction.atomic
def match_invite(*, role: Role, person, by, message: str = "", score=None) -> Match:
    """The organisation (or a coordinator's batch) invites a volunteer; mailed to them."""
    require(by, "program.manage", role.program)
    match = _create(
        role=role,
        person=person,
        origin=Match.Origin.INVITATION,
        by=by,
        message=message,
        score=score,
    )
    from .notifications import invitation_sent

    transaction.on_commit(lambda: invitation_sent(match))
    return match


def match_accept(*, match: Match, by) -> None:
    transition(match, M.ACCEPTED, by=by)


def match_decline(*, match: Match, by, note: str) -> None:
    transition(match, M.DECLINED, by=by, note=note)


def match_withdraw(*, match: Match, by) -> None:
    transition(match, M.WITHDRAWN, by=by)


@transaction.atomic
def match_start(*, match: Match, by, on: datetime.date | None = None) -> None:
    """Mark the placement as begun, today or on the day it began (not in the future)."""
    if on is not None:
        if on > timezone.localdate():
            raise ValidationError({"on": _("Başlangıç tarihi ileride olamaz.")})
        Match.objects.filter(pk=match.pk).update(started_on=on)
    transition(match, M.ACTIVE, by=by)


@transaction.atomic
def match_close(*, match: Match, by, reason: str, note: str) -> None:
    if reason not in Match.Closure.values:
        raise ValidationError({"reason": _("Kapanış nedenini seçin.")})
    Match.objects.filter(pk=match.pk).update(closure_reason=reason)
    transition(match, M.CLOSED, by=by, note=note)


@transaction.atomic
def check_in_add(*, match: Match, by, on: datetime.date, mood: str, note: str = "") -> CheckIn:
    """The volunteer or the organisation notes how the placement is going."""
    require(by, "match.close", match)
    if match.status not in (M.ACCEPTED, M.ACTIVE):
        raise VolunteerError(_("Yalnızca süren yerleştirmeler için görüşme notu yazılabilir."))
    errors = {}
    if on > timezone.localdate():
        errors["on"] = _("Görüşme tarihi ileride olamaz.")
    if mood not in CheckIn.Mood.values:
        errors["mood"] = _("Nasıl gittiğini seçin.")
    if errors:
        raise ValidationError(errors)
    return CheckIn.objects.create(match=match, by=by, on=on, mood=mood, note=(note or "").strip())


def matches_for_person(person):
    return (
        Match.objects.filter(person=person)
        .select_related(
            "role__program__organisation",
            "role__program__support_unit",
            "role__program__province",
        )
        .order_by("-created_at", "-pk")
    )
