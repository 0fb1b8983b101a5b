"""The one life-cycle machinery of the portal.

A record with a life cycle declares a nested ``Status`` (TextChoices) and a ``status`` field; its
app registers the allowed moves with ``register_lifecycle(Model, Lifecycle(...))`` from its
``AppConfig.ready()``. Every change of status goes through ``transition()``, which locks the row,
refuses a move the table does not allow (a domain error, not a 403), asks the permission rule of
the move, runs the move's guard (which only checks: it has no side effects), saves, writes the
history row and the audit log, and runs the move's effect, all in one transaction. After commit
it runs the life cycle's own notifications and sends ``status_changed``, the one domain signal
through which other apps react to the change. Database writes belong in effects; what runs after
commit only tells people and other apps.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit import audit, register_actions
from .exceptions import DomainError
from .models.lifecycle import StatusChange
from .permissions import can

SYSTEM = "system"  # rule name for moves only the portal itself makes (expiry, promotion)

# Sent once per move, after the transaction that made it commits: ``sender`` is the record's
# model, with ``record``, ``change`` (the StatusChange row), ``move`` and ``by`` (None when the
# portal itself moved it). Receivers in other apps react here, never to ``post_save`` on a model
# that is not theirs; a receiver that writes does so in its own transaction.
status_changed = Signal()


class IllegalTransition(DomainError):
    """The life cycle has no such move from the record's current status."""


class TransitionNotPermitted(DomainError):
    """The move exists, but this person may not make it."""


Guard = Callable[[Any, Any], None]  # (record, by) -> None; raises DomainError to refuse
Effect = Callable[[Any, StatusChange], None]  # writes, inside the transaction, after saving
Notify = Callable[[Any, StatusChange], None]  # after commit: e-mails and tasks, never writes


@dataclass(frozen=True)
class Move:
    source: str
    target: str
    rule: str
    note_required: bool = False
    guard: Guard | None = None
    effect: Effect | None = None
    # The portal itself may also make this move (``by=None``) when another record it keeps
    # requires it, e.g. a participation certificate whose attendance was corrected.
    system_too: bool = False


@dataclass
class Lifecycle:
    """The allowed moves of one kind of record."""

    name: str
    moves: Iterable[Move]
    notify: Notify | None = None
    _table: dict[tuple[str, str], Move] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._table = {}
        for move in self.moves:
            if (move.source, move.target) in self._table:
                raise ValueError(f"{self.name}: duplicate move {move.source} → {move.target}")
            if move.source == move.target:
                raise ValueError(f"{self.name}: a move must change the status")
            self._table[(move.source, move.target)] = move

    def move(self, source: str, target: str) -> Move | None:
        return self._table.get((source, target))

    def pairs(self) -> set[tuple[str, str]]:
        return set(self._table)

    def moves_from(self, source: str) -> list[Move]:
        return [move for (s, _t), move in self._table.items() if s == source]

    def available(self, record, user) -> list[Move]:
        """Moves from the record's status that ``user`` may make now (for buttons)."""
        return [
            move
            for move in self.moves_from(record.status)
            if move.rule != SYSTEM and can(user, move.rule, record)
        ]


_LIFECYCLES: dict[type, Lifecycle] = {}


def register_lifecycle(model: type, lifecycle: Lifecycle) -> None:
    """Give ``model`` its allowed moves (from its app's ``AppConfig.ready()``)."""
    if _LIFECYCLES.get(model, lifecycle) is not lifecycle:
        raise ValueError(f"{model.__name__} already has a life cycle.")
    _LIFECYCLES[model] = lifecycle
    register_actions({f"portal.{lifecycle.name}.transition": _("Durum değişti")})


def lifecycle_of(model_or_record) -> Lifecycle:
    """The registered life cycle of a model (or of a record's model)."""
    model = model_or_record if isinstance(model_or_record, type) else type(model_or_record)
    try:
        return _LIFECYCLES[model]
    except KeyError:
        raise LookupError(f"{model.__name__} has no registered life cycle.") from None


def transition(record, target: str, *, by=None, note: str = "") -> StatusChange:
    """Move ``record`` to ``target``; ``by=None`` means the portal itself (e.g. expiry)."""
    model = type(record)
    lifecycle = lifecycle_of(model)
    note = (note or "").strip()
    with transaction.atomic():
        locked = model._default_manager.select_for_update().get(pk=record.pk)
        source = locked.status
        move = lifecycle.move(source, target)
        if move is None:
            raise IllegalTransition(
                _("“%(source)s” durumundan “%(target)s” durumuna geçilemez.")
                % {"source": _label(model, source), "target": _label(model, target)}
            )
        if by is None:
            if move.rule != SYSTEM and not move.system_too:
                raise TransitionNotPermitted(_("Bu adımı bir kişinin atması gerekir."))
        elif move.rule == SYSTEM or not can(by, move.rule, locked):
            raise TransitionNotPermitted(_("Bu adımı atmaya yetkiniz yok."))
        if move.note_required and not note:
            raise DomainError(_("Bu adım için bir gerekçe yazın."))
        if move.guard is not None:
            move.guard(locked, by)
        locked.status = target
        locked.status_changed_at = timezone.now()
        locked.save(update_fields=["status", "status_changed_at"])
        change = StatusChange.objects.create(
            record=locked,
            from_status=source,
            to_status=target,
            by=by,
            note=note,
            at=locked.status_changed_at,
        )
        audit(
            locked,
            f"portal.{lifecycle.name}.transition",
            user=by,
            data={"from": source, "to": target, "note": note},
        )
        if move.effect is not None:
            move.effect(locked, change)
        transaction.on_commit(lambda: _after_commit(lifecycle, locked, change, move, by))
    # Effects may have written other fields (round, decision, dates): the caller's copy is
    # brought up to date rather than left half-changed.
    record.refresh_from_db()
    return change


def _after_commit(lifecycle: Lifecycle, record, change: StatusChange, move: Move, by) -> None:
    if lifecycle.notify is not None:
        lifecycle.notify(record, change)
    status_changed.send(type(record), record=record, change=change, move=move, by=by)


def _label(model, status: str) -> str:
    return str(dict(model.Status.choices).get(status, status))


def record_start(record, *, by=None, note: str = "") -> StatusChange:
    """Write the first history row of a record created in its initial status, so its timeline
    begins with who created it and when."""
    lifecycle = lifecycle_of(record)
    change = StatusChange.objects.create(
        record=record, from_status="", to_status=record.status, by=by, note=note.strip()
    )
    audit(
        record,
        f"portal.{lifecycle.name}.transition",
        user=by,
        data={"from": "", "to": record.status, "note": note.strip()},
    )
    return change
