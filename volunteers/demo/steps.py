"""Steps the demo stories are told with: each calls the volunteering services as the
person who would take it in the interface, and moves dates back where a state needs time
to have passed."""

import datetime as dt

from django.utils import timezone

from core.dates import add_years

from .. import credentials, declarations, hours, placements
from ..models import HoursLog, Match, MatchingSettings, MentorCredential, Training
from .data import DECLARATIONS, MENTOR_TRAININGS, REFERENCES, REVIEW_PURPOSE

SUPERVISED = HoursLog.Kind.SUPERVISED
CONTINUING = HoursLog.Kind.CONTINUING
VOLUNTEERING = HoursLog.Kind.VOLUNTEERING


def _today() -> dt.date:
    return timezone.localdate()


def _days(offset: int) -> dt.date:
    return _today() + dt.timedelta(days=offset)


def _weekday(weeks_ago: int, weekday: int) -> dt.date:
    """The given weekday ``weeks_ago`` weeks back (never in the future)."""
    today = _today()
    return today - dt.timedelta(days=(today.weekday() - weekday) % 7 + 7 * weeks_ago)


def _named(model, names):
    rows = {row.name: row for row in model.objects.filter(name__in=names)}
    return [rows[name] for name in names if name in rows]


def _backdate_start(match: Match, on: dt.date) -> None:
    """A placement that began on ``on``: the start step ran today, so move its date back."""
    Match.objects.filter(pk=match.pk).update(started_on=on)
    match.started_on = on


def _backdate_close(match: Match, on: dt.date) -> None:
    Match.objects.filter(pk=match.pk).update(closed_on=on)
    match.closed_on = on


def _backdate_grant(credential: MentorCredential, granted_on: dt.date) -> None:
    years = MatchingSettings.load().mentor_term_years
    valid_until = add_years(granted_on, years)
    MentorCredential.objects.filter(pk=credential.pk).update(
        granted_on=granted_on, valid_until=valid_until
    )
    credential.refresh_from_db()


def _log(match, on, amount, description, *, kind=VOLUNTEERING, decide_by=None, reject=""):
    log = hours.hours_log(
        person=match.person, match=match, on=on, hours=amount, kind=kind, description=description
    )
    if decide_by is not None:
        if reject:
            hours.hours_reject(log=log, by=decide_by, note=reject)
        else:
            hours.hours_approve(log=log, by=decide_by)
    return log


def _supervised(match, decide_by, *, first_week: int, weekday: int) -> None:
    """Approved eight-hour field days of supervised volunteering, up to three weeks apart,
    up to the hours the credential needs (60 by default)."""
    sessions = max(1, -(-MatchingSettings.load().mentor_supervised_hours // 8))
    step = max(1, min(3, (first_week - 1) // sessions))
    for number in range(sessions):
        _log(
            match,
            _weekday(first_week - step * number, weekday),
            8,
            "Süpervizyonlu gönüllülük: saha günü ve süpervizyon görüşmesi",
            kind=SUPERVISED,
            decide_by=decide_by,
        )


def _placed(role, person, manager, *, started_weeks_ago: int, message: str = "") -> Match:
    """A volunteer applied, the organisation accepted and the placement began."""
    match = placements.match_apply(role=role, person=person, message=message)
    placements.match_accept(match=match, by=manager)
    placements.match_start(match=match, by=manager)
    _backdate_start(match, _days(-7 * started_weeks_ago))
    return match


def _trainings(person, by, rows) -> None:
    for name, days_ago in rows:
        training = Training.objects.filter(name=name).first()
        if training is not None:
            credentials.training_record(
                person=person, training=training, completed_on=_days(-days_ago), by=by
            )


def _mentor_trainings(person, by, days_ago: int) -> None:
    _trainings(person, by, [(MENTOR_TRAININGS[0], days_ago), (MENTOR_TRAININGS[1], days_ago - 60)])


def _credential(person, *, organisation=None, unit=None, declare=True) -> MentorCredential:
    credential = credentials.credential_start(person=person)
    referee, position, statement = REFERENCES[person.email]
    credentials.credential_update(
        credential=credential,
        by=person,
        data={
            "reference_organisation": organisation,
            "reference_unit": unit,
            "referee_name": referee,
            "referee_position": position,
            "reference_statement": statement,
        },
    )
    if declare:
        years, statement = DECLARATIONS[person.email]
        declarations.declaration_save(
            credential=credential, by=person, years_in_recovery=years, statement=statement
        )
    return credential


def _reviewed(credential, *, coordinator, reviewer, grant: bool, note: str) -> None:
    credentials.credential_submit(credential=credential, by=credential.person)
    credentials.credential_assign(credential=credential, reviewer=reviewer, by=coordinator)
    declarations.declaration_read(credential=credential, by=reviewer, purpose=REVIEW_PURPOSE)
    credentials.credential_review(
        credential=credential,
        by=reviewer,
        recommendation="grant" if grant else "decline",
        note=note,
    )
