"""Pieces the organisations' volunteering pages share: status timelines, the name a
volunteer appears by, the contact details an organisation may see, and the text of a
refusal."""

from django.db.models import F, QuerySet
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from core.models import ConsentRecord

from ... import matching
from ...exceptions import MatchRefused
from ...models import CONTACT_CONSENT, Match

M = Match.Status
# Statuses in which the organisation may see how to reach the volunteer (with their consent):
# the person applied, or accepted the place.
CONTACT_STATUSES = (M.ACCEPTED, M.ACTIVE, M.CLOSED)


def volunteer_name(name: str | None) -> str:
    """The display name the volunteer chose, or a neutral stand-in when there is none."""
    return name or _("Adsız gönüllü")


def refusal_text(error: DomainError) -> str:
    """A hard rule's message, without another organisation's role title: the clash rule names
    the volunteer's other role, which is none of this organisation's business."""
    if isinstance(error, MatchRefused) and error.reason == matching.Rule.CLASH:
        return _("Bu gönüllünün aynı saatlerde başka bir rolü var.")
    return str(error)


def status_history(record, *, person_id=None, person_name: str = "") -> list[dict]:
    """The record's status changes for a timeline; the volunteer appears by display name."""
    labels = dict(type(record).Status.choices)
    rows = []
    for change in record.history():
        if change.by_id is None:
            by = _("Portal")
        elif person_id is not None and change.by_id == person_id:
            by = person_name
        else:
            by = change.by.full_name or change.by.email
        rows.append(
            {
                "at": change.at,
                "by": by,
                "from": labels.get(change.from_status, change.from_status),
                "to": labels.get(change.to_status, change.to_status),
                "note": change.note,
            }
        )
    return rows


def _contact_consenting(user_ids) -> set[int]:
    """Of ``user_ids``, those whose consent to be contacted by organisations is in force."""
    user_ids = [pk for pk in user_ids if pk]
    if not user_ids:
        return set()
    return set(
        ConsentRecord.objects.in_force()
        .filter(purpose__key=CONTACT_CONSENT, user_id__in=user_ids)
        .values_list("user_id", flat=True)
    )


def _contact_allowed(match: Match) -> bool:
    """The person applied (and has not withdrawn) or accepted the place."""
    if match.status in CONTACT_STATUSES:
        return True
    return match.origin == Match.Origin.APPLICATION and match.status == M.PROPOSED


def with_people(matches: QuerySet) -> QuerySet:
    return matches.select_related("person").annotate(
        display_name=F("person__volunteer_profile__display_name"),
        phone=F("person__volunteer_profile__phone"),
    )


def mark_contacts(matches: list[Match]) -> None:
    """Set ``contact`` on each match: the e-mail and phone the organisation may see, or None."""
    consenting = _contact_consenting([match.person_id for match in matches])
    for match in matches:
        match.person_name = volunteer_name(match.display_name)
        if match.person_id in consenting and _contact_allowed(match):
            match.contact = {"email": match.person.email, "phone": match.phone}
        else:
            match.contact = None
