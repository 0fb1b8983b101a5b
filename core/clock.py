"""The portal's clock: runs the periodic jobs in one long-lived process (``manage.py clock``).

Wagtail publishes scheduled pages and unpublishes expired ones only when ``publish_scheduled``
runs; certificates expire and reminders (of certificates and of events) go out only when their
commands run. Each app registers its jobs from its ``AppConfig.ready()`` (``register_jobs``), so
the clock names no app. Run ``clock`` beside the web server and the task worker (``make run``
does), or ``clock --once`` from cron.
"""

import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.db import connections

logger = logging.getLogger("portal.clock")

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR


def _database_task_queue() -> bool:
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


@dataclass(frozen=True)
class Job:
    command: str
    every: int  # seconds
    args: tuple[str, ...] = ()
    # Whether the job applies to this configuration at all.
    applies: Callable[[], bool] = lambda: True


_JOBS: list[Job] = []


def register_jobs(*jobs: Job) -> None:
    """Add an app's periodic jobs (from its ``AppConfig.ready()``); a command is added once."""
    for job in jobs:
        if all(known.command != job.command for known in _JOBS):
            _JOBS.append(job)


def jobs() -> tuple[Job, ...]:
    """Every registered job, the most frequent first (registration order among equals)."""
    return tuple(sorted(_JOBS, key=lambda job: job.every))


# The kernel's own jobs. Finished task results pile up only in the database queue.
KERNEL_JOBS = (
    Job("publish_scheduled", every=MINUTE),
    Job(
        "prune_db_task_results",
        every=DAY,
        args=("--min-age-days", "1"),
        applies=lambda: _database_task_queue(),
    ),
)


def active_jobs() -> tuple[Job, ...]:
    return tuple(job for job in jobs() if job.applies())


def refresh_connections() -> None:
    """Between jobs, as Django does between requests: drop a connection the database server
    has closed or that outlived CONN_MAX_AGE. Never inside a caller's transaction."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def run_job(job: Job) -> bool:
    """Run one job; a failure is logged and reported, never raised, so the clock keeps going.

    The log names the job and the kind of error only: an error's message can quote a record,
    and so a person's data.
    """
    refresh_connections()
    started = time.monotonic()
    try:
        call_command(job.command, *job.args, stdout=io.StringIO(), stderr=io.StringIO())
    except Exception as error:
        logger.error("clock: %s failed (%s)", job.command, type(error).__name__)
        return False
    finally:
        refresh_connections()
    logger.debug("clock: %s done in %.1fs", job.command, time.monotonic() - started)
    return True


def run_due(jobs: tuple[Job, ...], next_runs: dict[str, float], now: float) -> list[str]:
    """Run the jobs whose time has come and plan their next run; the names of those run."""
    ran = []
    for job in jobs:
        if now >= next_runs.get(job.command, 0):
            run_job(job)
            next_runs[job.command] = now + job.every
            ran.append(job.command)
    return ran
