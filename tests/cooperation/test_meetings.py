"""Coordination meetings and action items: the services' rules, every (from, to) pair of the
action item life cycle allowed and refused, who may make each move, and the selector the
coordinator dashboard shows."""

import datetime as dt
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accreditation.factories import OrganisationFactory
from cooperation import meetings
from cooperation.factories import ActionItemFactory, IndicatorFactory, MeetingFactory
from cooperation.models import ActionItem, Meeting
from cooperation.workflow import ACTION_ITEM_LIFECYCLE
from core.factories import UserFactory, staff_user
from core.lifecycle import IllegalTransition, TransitionNotPermitted, transition
from core.models import Province, StaffRole, StatusChange

pytestmark = pytest.mark.django_db

I = ActionItem.Status  # noqa: E741
TODAY = timezone.localdate()
NOTE = "Okulların takvimi değişti."


@pytest.fixture
def istanbul():
    return Province.objects.get(code=34)


def meeting_data(**overrides) -> dict:
    data = {
        "title": "2026 4. çeyrek il koordinasyon toplantısı",
        "held_on": TODAY - dt.timedelta(days=3),
        "place": "İl Sağlık Müdürlüğü toplantı salonu",
        "institutions": "İl Sağlık Müdürlüğü\n\n  İl Milli Eğitim Müdürlüğü  ",
        "organisations": [],
        "agenda": "1. Açılış\n2. Okul programları",
        "minutes": "",
        "decisions": "",
    }
    data.update(overrides)
    return data


def action_data(**overrides) -> dict:
    data = {
        "title": "Okul programı takvimini paylaşmak",
        "responsible_institution": "İl Milli Eğitim Müdürlüğü",
        "partner_institutions": "",
        "partner_organisations": [],
        "due_on": TODAY + dt.timedelta(days=30),
        "indicator": None,
        "note": "",
    }
    data.update(overrides)
    return data


# --- Meetings ---------------------------------------------------------------------------------


def test_a_coordinator_records_a_meeting_with_institutions_and_accredited_organisations(
    istanbul, coordinator
):
    organisation = OrganisationFactory(accredited=True)
    meeting = meetings.meeting_create(
        province=istanbul, data=meeting_data(organisations=[organisation]), by=coordinator
    )
    meeting.refresh_from_db()
    assert meeting.province == istanbul
    assert meeting.created_by == coordinator
    assert meeting.institutions == "İl Sağlık Müdürlüğü\nİl Milli Eğitim Müdürlüğü"
    assert list(meeting.organisations.all()) == [organisation]
    assert ModelLogEntry.objects.filter(
        object_id=str(meeting.pk), action="portal.meeting.create"
    ).exists()


def test_a_meeting_refuses_organisations_not_accredited_and_keeps_nothing(istanbul, coordinator):
    lapsed = OrganisationFactory(expired=True, legal_name="Süresi Dolmuş Derneği")
    with pytest.raises(ValidationError) as error:
        meetings.meeting_create(
            province=istanbul, data=meeting_data(organisations=[lapsed]), by=coordinator
        )
    assert "Süresi Dolmuş Derneği" in error.value.message_dict["organisations"][0]
    assert not Meeting.objects.exists()


def test_a_meeting_needs_a_date_an_agenda_and_someone_who_took_part(istanbul, coordinator):
    with pytest.raises(ValidationError) as error:
        meetings.meeting_create(
            province=istanbul,
            data=meeting_data(held_on=None, agenda="  ", institutions=""),
            by=coordinator,
        )
    messages = error.value.message_dict
    assert messages["held_on"] == ["Toplantı tarihini girin."]
    assert messages["agenda"] == ["Gündemi yazın."]
    assert "en az bir kurum" in messages["institutions"][0]


def test_an_organisation_that_lapsed_since_stays_on_the_meeting_it_attended(coordinator):
    organisation = OrganisationFactory(expired=True)
    meeting = MeetingFactory(institutions="İl Sağlık Müdürlüğü", organisations=[organisation])
    meetings.meeting_update(
        meeting=meeting,
        data=meeting_data(organisations=[organisation], minutes="Okul takvimi görüşüldü."),
        by=coordinator,
    )
    meeting.refresh_from_db()
    assert meeting.minutes == "Okul takvimi görüşüldü."
    assert list(meeting.organisations.all()) == [organisation]


@pytest.mark.parametrize("who", ["other_coordinator", "member", "reviewer"])
def test_only_the_province_coordinators_record_meetings(istanbul, who):
    user = {
        "other_coordinator": lambda: staff_user(StaffRole.COORDINATOR, 35),
        "member": lambda: (
            OrganisationFactory(accredited=True, owner=UserFactory()).memberships.get().user
        ),
        "reviewer": lambda: staff_user(StaffRole.REVIEWER, 34),
    }[who]()
    with pytest.raises(PermissionDenied):
        meetings.meeting_create(province=istanbul, data=meeting_data(), by=user)
    meeting = MeetingFactory(institutions="İl Sağlık Müdürlüğü")
    with pytest.raises(PermissionDenied):
        meetings.meeting_update(meeting=meeting, data={"minutes": "x"}, by=user)
    with pytest.raises(PermissionDenied):
        meetings.action_create(meeting=meeting, data=action_data(), by=user)


def test_a_coordinator_without_a_second_factor_is_refused(istanbul):
    user = staff_user(StaffRole.COORDINATOR, 34, with_mfa=False)
    with pytest.raises(PermissionDenied):
        meetings.meeting_create(province=istanbul, data=meeting_data(), by=user)


# --- Action items -----------------------------------------------------------------------------


def test_an_action_item_is_added_open_with_its_first_history_row(coordinator):
    meeting = MeetingFactory(held_on=TODAY - dt.timedelta(days=3))
    partner = OrganisationFactory(accredited=True)
    indicator = IndicatorFactory()
    item = meetings.action_create(
        meeting=meeting,
        data=action_data(
            partner_organisations=[partner],
            indicator=indicator,
            partner_institutions="Emniyet Narkotik Şube",
        ),
        by=coordinator,
    )
    assert item.status == I.OPEN
    assert list(item.partner_organisations.all()) == [partner]
    assert item.indicator == indicator
    change = StatusChange.objects.for_object(item).get()
    assert (change.from_status, change.to_status, change.by) == ("", I.OPEN, coordinator)


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"due_on": None}, "due_on", "Son tarihi girin."),
        (
            {"due_on": TODAY - dt.timedelta(days=10)},
            "due_on",
            "Son tarih toplantı tarihinden önce olamaz.",
        ),
        ({"title": " "}, "title", "Yapılacak işi yazın."),
        ({"responsible_institution": ""}, "responsible_institution", "Sorumlu kurumu yazın."),
    ],
)
def test_bad_action_items_are_refused_with_a_message_on_the_field(
    coordinator, overrides, field, message
):
    meeting = MeetingFactory(held_on=TODAY - dt.timedelta(days=3))
    with pytest.raises(ValidationError) as error:
        meetings.action_create(meeting=meeting, data=action_data(**overrides), by=coordinator)
    assert message in error.value.message_dict[field]
    assert not ActionItem.objects.exists()


def test_an_indicator_no_longer_in_use_is_refused_but_kept_when_already_chosen(coordinator):
    meeting = MeetingFactory(held_on=TODAY)
    retired = IndicatorFactory(is_active=False)
    with pytest.raises(ValidationError) as error:
        meetings.action_create(meeting=meeting, data=action_data(indicator=retired), by=coordinator)
    assert "kullanılmıyor" in error.value.message_dict["indicator"][0]
    indicator = IndicatorFactory(is_active=False)  # retired after the item chose it
    item = ActionItemFactory(meeting=meeting, indicator=indicator)
    meetings.action_update(
        item=item, data=action_data(indicator=indicator, title="Yeni başlık"), by=coordinator
    )
    item.refresh_from_db()
    assert (item.title, item.indicator) == ("Yeni başlık", indicator)


def test_partners_of_an_action_item_must_be_accredited(coordinator):
    meeting = MeetingFactory(held_on=TODAY)
    suspended = OrganisationFactory(legal_name="Askıdaki Dernek")
    with pytest.raises(ValidationError) as error:
        meetings.action_create(
            meeting=meeting, data=action_data(partner_organisations=[suspended]), by=coordinator
        )
    assert "Askıdaki Dernek" in error.value.message_dict["partner_organisations"][0]


@pytest.mark.parametrize("status", [I.DONE, I.CANCELLED])
def test_a_done_or_cancelled_item_is_not_edited(coordinator, status):
    item = ActionItemFactory(status=status)
    with pytest.raises(meetings.MeetingError):
        meetings.action_update(item=item, data=action_data(title="Başka"), by=coordinator)
    item.refresh_from_db()
    assert item.title != "Başka"


# --- Life cycle -------------------------------------------------------------------------------

ALLOWED = sorted(ACTION_ITEM_LIFECYCLE.pairs())
REFUSED = sorted(
    (source, target)
    for source, target in itertools.permutations(I.values, 2)
    if (source, target) not in ACTION_ITEM_LIFECYCLE.pairs()
)


def test_the_life_cycle_is_the_one_the_meetings_pages_offer():
    assert set(ALLOWED) == {
        (I.OPEN, I.IN_PROGRESS),
        (I.OPEN, I.DONE),
        (I.OPEN, I.CANCELLED),
        (I.IN_PROGRESS, I.DONE),
        (I.IN_PROGRESS, I.CANCELLED),
        (I.DONE, I.IN_PROGRESS),
    }


@pytest.mark.parametrize("source, target", ALLOWED)
def test_every_allowed_move_is_made_by_the_coordinator_and_recorded(coordinator, source, target):
    item = ActionItemFactory(status=source)
    transition(item, target, by=coordinator, note=NOTE)
    item.refresh_from_db()
    assert item.status == target
    change = StatusChange.objects.for_object(item).latest("at")
    assert (change.from_status, change.to_status, change.by, change.note) == (
        source,
        target,
        coordinator,
        NOTE,
    )
    assert ModelLogEntry.objects.filter(
        object_id=str(item.pk), action="portal.action_item.transition"
    ).exists()


@pytest.mark.parametrize("source, target", REFUSED)
def test_every_other_pair_is_refused_whoever_asks(coordinator, source, target):
    item = ActionItemFactory(status=source)
    with pytest.raises(IllegalTransition):
        transition(item, target, by=coordinator, note=NOTE)
    item.refresh_from_db()
    assert item.status == source


@pytest.mark.parametrize("source, target", ALLOWED)
@pytest.mark.parametrize("who", ["other_coordinator", "member", "reviewer"])
def test_the_wrong_person_may_not_move_an_item(source, target, who):
    organisation = OrganisationFactory(accredited=True, owner=UserFactory())
    item = ActionItemFactory(status=source, meeting=MeetingFactory(organisations=[organisation]))
    user = {
        "other_coordinator": lambda: staff_user(StaffRole.COORDINATOR, 35),
        "member": lambda: organisation.memberships.get().user,
        "reviewer": lambda: staff_user(StaffRole.REVIEWER, 34),
    }[who]()
    with pytest.raises(TransitionNotPermitted):
        transition(item, target, by=user, note=NOTE)
    item.refresh_from_db()
    assert item.status == source


@pytest.mark.parametrize(
    "source, target",
    [(s, t) for s, t in ALLOWED if ACTION_ITEM_LIFECYCLE.move(s, t).note_required],
)
def test_cancelling_and_reopening_need_a_reason(coordinator, source, target):
    item = ActionItemFactory(status=source)
    with pytest.raises(Exception, match="gerekçe"):
        transition(item, target, by=coordinator, note="  ")
    item.refresh_from_db()
    assert item.status == source


def test_an_administrator_may_move_items_of_any_province():
    admin = staff_user(StaffRole.ADMIN)
    item = ActionItemFactory(meeting=MeetingFactory(province=Province.objects.get(code=76)))
    transition(item, I.IN_PROGRESS, by=admin)
    item.refresh_from_db()
    assert item.status == I.IN_PROGRESS


# --- Selector for the dashboard ---------------------------------------------------------------


def test_action_items_for_lists_the_open_items_of_the_province_by_due_date(istanbul):
    meeting = MeetingFactory(held_on=TODAY - dt.timedelta(days=60))
    late = ActionItemFactory(meeting=meeting, due_on=TODAY - dt.timedelta(days=5))
    soon = ActionItemFactory(meeting=meeting, due_on=TODAY + dt.timedelta(days=5), in_progress=True)
    ActionItemFactory(meeting=meeting, due_on=TODAY - dt.timedelta(days=9), done=True)
    ActionItemFactory(meeting=meeting, cancelled=True)
    ActionItemFactory(meeting=MeetingFactory(province=Province.objects.get(code=35)))
    assert list(meetings.action_items_for(province=istanbul)) == [late, soon]
    assert late.is_overdue and not soon.is_overdue
    assert meetings.action_items_for(province=istanbul, open_only=False).count() == 4
    assert list(ActionItem.objects.filter(meeting__province=istanbul).overdue()) == [late]


def _selector_queries(province) -> int:
    with CaptureQueriesContext(connection) as queries:
        for item in meetings.action_items_for(province=province):
            str(item.meeting)
            str(item.indicator)
            [str(o) for o in item.partner_organisations.all()]
    return len(queries)


def test_action_items_for_costs_the_same_queries_however_many_items(istanbul):
    meeting = MeetingFactory()
    indicator = IndicatorFactory()
    partner = OrganisationFactory(accredited=True)

    def add(n):
        for _ in range(n):
            item = ActionItemFactory(meeting=meeting, indicator=indicator)
            item.partner_organisations.add(partner)

    add(2)
    few = _selector_queries(istanbul)
    add(8)
    many = _selector_queries(istanbul)
    assert few == many


def test_meetings_visible_to_counts_open_and_overdue_items(istanbul, coordinator):
    meeting = MeetingFactory(held_on=TODAY - dt.timedelta(days=40))
    ActionItemFactory(meeting=meeting, due_on=TODAY - dt.timedelta(days=1))
    ActionItemFactory(meeting=meeting, in_progress=True)
    ActionItemFactory(meeting=meeting, done=True, due_on=TODAY - dt.timedelta(days=3))
    row = meetings.meetings_visible_to(coordinator, province=istanbul).get()
    assert (row.item_count, row.open_count, row.overdue_count) == (3, 2, 1)


def test_updating_only_the_minutes_keeps_the_organisations_that_took_part(coordinator):
    organisation = OrganisationFactory(accredited=True)
    meeting = MeetingFactory(held_on=TODAY - dt.timedelta(days=3), organisations=[organisation])
    meetings.meeting_update(meeting=meeting, data={"minutes": "Karar yazıldı."}, by=coordinator)
    meeting.refresh_from_db()
    assert meeting.minutes == "Karar yazıldı."
    assert list(meeting.organisations.all()) == [organisation]
