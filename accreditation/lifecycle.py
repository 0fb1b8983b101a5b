"""The one life-cycle machinery of the portal.

A record with a life cycle declares a nested ``Status`` (TextChoices), a ``status`` field and a
``lifecycle = Lifecycle(...)`` listing its allowed moves. Every change of status goes through
``transition()``, which locks the row, refuses a move the table does not allow (a domain error,
not a 403), asks the permission rule of the move, runs the move's guard, saves, writes the
history row and the audit log, and runs the move's effects and notifications after commit.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit import ACTIONS, audit
from .exceptions import DomainError
from .models.lifecycle import StatusChange
from .permissions import can

SYSTEM = "system"  # rule name for moves only the portal itself makes (expiry, promotion)


class IllegalTransition(DomainError):
    """The life cycle has no such move from the record's current status."""


class TransitionNotPermitted(DomainError):
    """The move exists, but this person may not make it."""


Guard = Callable[[Any, Any], None]  # (record, by) -> None; raises DomainError to refuse
Effect = Callable[[Any, StatusChange], None]  # runs inside the transaction after saving
Notify = Callable[[Any, StatusChange], None]  # runs after commit (e-mails, tasks)


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
        ACTIONS.setdefault(f"portal.{self.name}.transition", _("Durum değişti"))

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


def transition(record, target: str, *, by=None, note: str = "") -> StatusChange:
    """Move ``record`` to ``target``; ``by=None`` means the portal itself (e.g. expiry)."""
    model = type(record)
    lifecycle: Lifecycle = model.lifecycle
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
        if lifecycle.notify is not None:
            transaction.on_commit(lambda: lifecycle.notify(locked, change))
    # Effects may have written other fields (round, decision, dates): the caller's copy is
    # brought up to date rather than left half-changed.
    record.refresh_from_db()
    return change


def _label(model, status: str) -> str:
    return str(dict(model.Status.choices).get(status, status))


def record_start(record, *, by=None, note: str = "") -> StatusChange:
    """Write the first history row of a record created in its initial status, so its timeline
    begins with who created it and when."""
    lifecycle: Lifecycle = type(record).lifecycle
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
