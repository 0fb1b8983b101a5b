"""At the door: finding an attendee by ticket code or name, and taking attendance from an
hour before the start, with a volunteer shift's length credited as volunteer hours."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from core.lifecycle import transition
from core.permissions import require
from core.text import tr_lower, tr_title, tr_upper

from .exceptions import EventError
from .models import ACTIVE_SIGNUP_STATUSES, Event, SignUp

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.event.attendance": _("Yoklama alındı"),
}

S = SignUp.Status

# Attendance is taken at the door: from an hour before the start.
CHECK_IN_OPENS_BEFORE = dt.timedelta(hours=1)
MAX_HOURS = Decimal("999.99")  # SignUp.hours holds five digits


def attendance_opens_at(signup: SignUp) -> dt.datetime:
    return signup.starts_at - CHECK_IN_OPENS_BEFORE


def normalise_ticket_code(text: str) -> str:
    """What people type or scan, as stored: upper case, without spaces and dashes."""
    return "".join(text.split()).replace("-", "").replace("–", "").upper()


@dataclass
class CheckInResult:
    query: str = ""
    signup: SignUp | None = None  # the ticket code matched
    matches: list = field(default_factory=list)  # the name matched
    code_not_found: bool = False


def _looks_like_code(query: str, code: str) -> bool:
    """Typed as a code rather than a name: letters and digits only, and a digit in it or
    written as one word."""
    if not (6 <= len(code) <= 12 and code.isascii() and code.isalnum()):
        return False
    return any(char.isdigit() for char in code) or len(query.split()) == 1


def check_in_search(event: Event, query: str, *, limit: int = 30) -> CheckInResult:
    """Find an attendee of ``event`` by ticket code, else by name or e-mail. A code of another
    event is simply not found here, so the page never tells that it exists elsewhere."""
    query = " ".join(query.split())[:100]
    result = CheckInResult(query=query)
    if not query:
        return result
    signups = SignUp.objects.filter(event=event, status__in=ACTIVE_SIGNUP_STATUSES).select_related(
        "person", "session", "workshop"
    )
    code = normalise_ticket_code(query)
    result.signup = signups.filter(ticket_code=code).first() if code else None
    if result.signup is not None:
        return result
    # Databases fold case differently for Turkish letters; asking for the usual spellings
    # finds "İrem" from "irem" and "IŞIK" from "ışık".
    names = Q()
    for variant in {query, tr_lower(query), tr_upper(query), tr_title(query)}:
        names |= Q(person__full_name__icontains=variant)
    names |= Q(person__email__iexact=query)
    result.matches = list(signups.filter(names).order_by("person__full_name", "pk")[:limit])
    result.code_not_found = not result.matches and _looks_like_code(query, code)
    return result


def volunteer_hours(signup: SignUp) -> Decimal:
    """The length of the sign-up's shift (or of the event), in hours with two decimals."""
    seconds = Decimal((signup.ends_at - signup.starts_at).total_seconds())
    hours = (seconds / Decimal(3600)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return min(hours, MAX_HOURS)


@transaction.atomic
def attendance_mark(
    *, signup: SignUp, attended: bool, by, now: dt.datetime | None = None
) -> SignUp:
    """Mark a confirmed person as attended or not (and correct a mistake either way), from an
    hour before their event or shift starts. Attending a volunteer shift credits its length
    as volunteer hours; a no-show has none. Marking the same thing twice changes nothing."""
    signup = SignUp.objects.select_related("event", "session", "person").get(pk=signup.pk)
    require(by, "event.manage", signup.event)
    if signup.event.status == Event.Status.CANCELLED:
        raise EventError(_("İptal edilmiş bir etkinlikte yoklama alınmaz."))
    opens_at = attendance_opens_at(signup)
    if (now or timezone.now()) < opens_at:
        raise EventError(
            _("Yoklama, başlangıçtan bir saat önce açılır: %(time)s.")
            % {"time": formats.date_format(timezone.localtime(opens_at), "DATETIME_FORMAT")}
        )
    target = S.ATTENDED if attended else S.NO_SHOW
    hours = (
        volunteer_hours(signup)
        if attended and signup.event.kind == Event.Kind.VOLUNTEER_SHIFT
        else None
    )
    # The hours first, so that whoever reacts to the attendance move reads them with it.
    if signup.hours != hours:
        signup.hours = hours
        signup.save(update_fields=["hours"])
    if signup.status != target:
        transition(signup, target, by=by)
    return signup
