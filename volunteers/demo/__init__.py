"""Demo volunteers, experience mentors, social cohesion programs, placements and hours.

Built through the volunteering services as the people who would take each step in the
interface: volunteers fill in their profiles and apply, organisations' owners and the Iğdır
coordinator publish programs and answer, coordinators record trainings and background checks,
reviewers and the board decide mentor credentials. Where a state needs time to have passed (a
placement that began months ago, a credential granted two years ago) the dates are moved back
after the step, as the accreditation demo does for its expired certificate, and the daily job
then runs as it would have.

Seed 000 asks for experience mentors in the Social Cohesion Units, volunteer home-visit teams,
volunteer teachers for students at risk and role models meeting people in recovery: the demo
has one program of each kind in İstanbul, İzmir and Iğdır. It holds no case data: volunteers
are matched to programs, never to named people.

Logins (password ``DEMO_PASSWORD``): ``gonullu.zeynep@demo.example`` is a placed volunteer
teacher with hours and a volunteering certificate; ``mentor@demo.example`` is the granted
experience mentor; ``volunteer@demo.example`` has consents but no profile yet, for the journey
of completing one.

The demo's tables are in ``data``, the steps its stories are told with in ``steps`` and the
stories themselves in ``stories``; ``build()`` runs them once.
"""

from accreditation.models import Organisation
from core.models import User

from ..models import Match, MentorCredential, Program, VolunteerProfile
from .data import AKRAN, EGE, UMUT
from .stories import Demo

REQUIRED_PEOPLE = (
    "ngo@demo.example",
    "stk.ege@demo.example",
    "coordinator@demo.example",
    "koordinator.izmir@demo.example",
    "koordinator.igdir@demo.example",
    "reviewer@demo.example",
    "degerlendirici.izmir1@demo.example",
    "degerlendirici.izmir2@demo.example",
    "degerlendirici.igdir1@demo.example",
    "board@demo.example",
    "kurul2@demo.example",
    "admin@demo.example",
    "mentor@demo.example",
)


def build() -> dict[str, int]:
    """Create the volunteering demo unless it is there."""
    if Program.objects.filter(title=AKRAN, organisation__legal_name=UMUT).exists():
        return counts()
    organisations = Organisation.objects.filter(legal_name__in=[UMUT, EGE])
    if organisations.count() < 2 or User.objects.filter(email__in=REQUIRED_PEOPLE).count() < len(
        REQUIRED_PEOPLE
    ):
        return counts()  # the accreditation demo is not in this database
    demo = Demo()
    demo.profiles()
    demo.programs_and_roles()
    demo.izmir()
    demo.igdir()
    demo.istanbul()
    demo.drafts()
    return counts()


def counts() -> dict[str, int]:
    return {
        "volunteers": VolunteerProfile.objects.count(),
        "programs": Program.objects.count(),
        "placements": Match.objects.count(),
        "mentor credentials": MentorCredential.objects.count(),
    }
