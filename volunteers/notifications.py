"""E-mails about volunteering. None of them carries a recovery declaration or anything about
a person's recovery: a credential's mail says only its status."""

from django.urls import reverse
from django.utils import translation

from accreditation.models import Membership
from core.mail import absolute_url, send_templated_mail

from .models import Match, MentorCredential

M = Match.Status
C = MentorCredential.Status


def _to_person(person, template: str, context: dict) -> None:
    send_templated_mail(
        f"volunteers/mail/{template}",
        {"person": person, **context},
        to=person.email,
        language=person.preferred_language or "tr",
    )


def _to_managers(program, template: str, context: dict) -> None:
    if program.organisation_id is None:
        return
    managers = Membership.objects.managing().filter(organisation=program.organisation_id)
    for membership in managers.select_related("user"):
        _to_person(membership.user, template, {"program": program, **context})


def _url(name: str, *args, language: str = "tr") -> str:
    with translation.override(language):
        return absolute_url(reverse(name, args=args))


def application_received(match: Match) -> None:
    _to_managers(
        match.role.program,
        "application_received",
        {"match": match, "role": match.role, "url": _url("manage_match", match.pk)},
    )


def invitation_sent(match: Match) -> None:
    person = match.person
    _to_person(
        person,
        "invitation",
        {
            "match": match,
            "role": match.role,
            "program": match.role.program,
            "url": _url("my_match", match.pk, language=person.preferred_language or "tr"),
        },
    )


def match_changed(match: Match, change) -> None:
    """Tell the side that proposed how the other answered, and the volunteer when the
    organisation ends a placement."""
    role, program, person = match.role, match.role.program, match.person
    language = person.preferred_language or "tr"
    answered = change.from_status == M.PROPOSED and change.to_status in (M.ACCEPTED, M.DECLINED)
    if answered and match.origin == Match.Origin.APPLICATION:
        _to_person(
            person,
            "application_answered",
            {
                "match": match,
                "role": role,
                "program": program,
                "note": change.note,
                "url": _url("my_match", match.pk, language=language),
            },
        )
    elif answered and match.origin == Match.Origin.INVITATION:
        _to_managers(
            program,
            "invitation_answered",
            {
                "match": match,
                "role": role,
                "note": change.note,
                "url": _url("manage_match", match.pk),
            },
        )
    elif change.to_status == M.CLOSED and change.by_id != person.pk:
        _to_person(
            person,
            "placement_closed",
            {"match": match, "role": role, "program": program, "note": change.note},
        )


def hours_decided(log, change) -> None:
    if change.to_status == "rejected" and change.by_id is not None:
        _to_person(
            log.person,
            "hours_rejected",
            {
                "log": log,
                "note": change.note,
                "url": _url("my_hours", language=log.person.preferred_language or "tr"),
            },
        )


def credential_changed(credential: MentorCredential, change) -> None:
    if change.to_status in (C.GRANTED, C.DECLINED, C.REVOKED, C.EXPIRED):
        person = credential.person
        _to_person(
            person,
            "credential_decided",
            {
                "credential": credential,
                "note": change.note if change.to_status != C.EXPIRED else "",
                "url": _url("mentor_credential", language=person.preferred_language or "tr"),
            },
        )


def credential_expiring(credential, *, days_left: int, hours_done: float, hours_required: int):
    person = credential.person
    _to_person(
        person,
        "credential_expiring",
        {
            "credential": credential,
            "days_left": days_left,
            "hours_done": hours_done,
            "hours_required": hours_required,
            "hours_missing": max(hours_required - hours_done, 0),
            "url": _url("my_hours", language=person.preferred_language or "tr"),
        },
    )
