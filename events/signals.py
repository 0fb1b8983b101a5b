"""People hear when an event's time or place changes, or when it is cancelled.

``pre_save`` remembers what the event (or session) held before the save; ``post_save``
compares and asks ``reminders.reminders_for_change`` to tell the people concerned. A save that
changes nothing tells no one. Connected in ``EventsConfig.ready()``.
"""

from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from . import reminders
from .models import Event, EventSession
from .reminders import EVENT_FIELDS, PLACE_FIELDS, SESSION_FIELDS, TIME_FIELDS

_BEFORE = "_values_before_save"


def _field_names(fields: tuple[str, ...]) -> set[str]:
    return {field.removesuffix("_id") for field in fields} | set(fields)


def _remember(sender, instance, fields: tuple[str, ...], raw: bool, update_fields) -> None:
    if (
        raw
        or instance.pk is None
        or (update_fields is not None and not _field_names(fields) & set(update_fields))
    ):
        instance.__dict__[_BEFORE] = None
        return
    instance.__dict__[_BEFORE] = (
        sender._default_manager.filter(pk=instance.pk).values(*fields).first()
    )


def event_pre_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    _remember(sender, instance, EVENT_FIELDS, raw, update_fields)


def session_pre_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    _remember(sender, instance, SESSION_FIELDS, raw, update_fields)


def event_post_save(sender, instance, created=False, raw=False, **kwargs) -> None:
    before = instance.__dict__.pop(_BEFORE, None)
    if created or raw or before is None:
        return
    was, now = before["status"], instance.status
    if was == Event.Status.PUBLISHED and now == Event.Status.CANCELLED:
        reminders.reminders_for_change(event=instance, before=before)
        return
    if now != Event.Status.PUBLISHED or was == Event.Status.DRAFT:
        return  # drafts have no sign-ups to tell; publishing a draft is not a change
    changed = any(before[field] != getattr(instance, field) for field in TIME_FIELDS + PLACE_FIELDS)
    if changed:
        reminders.reminders_for_change(event=instance, before=before)


def session_post_save(sender, instance, created=False, raw=False, **kwargs) -> None:
    before = instance.__dict__.pop(_BEFORE, None)
    if created or raw or before is None:
        return
    if not any(before[field] != getattr(instance, field) for field in SESSION_FIELDS):
        return
    event = instance.event
    # The event's calendar entries change with its sessions: its updated_at drives SEQUENCE.
    event.updated_at = timezone.now()
    Event.objects.filter(pk=event.pk).update(updated_at=event.updated_at)
    if event.status == Event.Status.PUBLISHED:
        reminders.reminders_for_change(event=event, session=instance, before=before)


def connect() -> None:
    pre_save.connect(event_pre_save, sender=Event, dispatch_uid="events.event_pre_save")
    post_save.connect(event_post_save, sender=Event, dispatch_uid="events.event_post_save")
    pre_save.connect(session_pre_save, sender=EventSession, dispatch_uid="events.session_pre_save")
    post_save.connect(
        session_post_save, sender=EventSession, dispatch_uid="events.session_post_save"
    )
