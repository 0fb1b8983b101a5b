"""The portal's clock: runs the periodic jobs in one long-lived process.

Wagtail publishes scheduled pages and unpublishes expired ones only when ``publish_scheduled``
runs; certificates expire and reminders (of certificates and of events) go out only when their
commands run. Run ``clock`` beside the web server and the task worker (``make run`` does), or
``clock --once`` from cron.
"""

import io
import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
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


JOBS = (
    Job("publish_scheduled", every=MINUTE),
    Job("expire_certificates", every=HOUR),
    Job("send_expiry_reminders", every=HOUR),
    # Day-before reminders of events: hourly, so each goes out 23–24 hours ahead.
    Job("send_event_reminders", every=HOUR),
    # Experience mentor credentials ending: renewed, expired or reminded (idempotent).
    Job("renew_mentor_credentials", every=HOUR),
    # Finished task results pile up only in the database queue.
    Job(
        "prune_db_task_results",
        every=DAY,
        args=("--min-age-days", "1"),
        applies=_database_task_queue,
    ),
)


def active_jobs() -> tuple[Job, ...]:
    return tuple(job for job in JOBS if job.applies())


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


class Command(BaseCommand):
    help = (
        "Run the periodic jobs: publish_scheduled every minute, expire_certificates, "
        "send_expiry_reminders and send_event_reminders every hour, prune_db_task_results "
        "daily. Every job runs once at "
        "start. --once runs each job once and exits (for cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once, then exit.")
        parser.add_argument(
            "--interval",
            type=int,
            default=MINUTE,
            help="Seconds between two looks at which jobs are due (default 60).",
        )

    def handle(self, *args, once: bool = False, interval: int = MINUTE, **options):
        jobs = active_jobs()
        if once:
            failed = [job.command for job in jobs if not run_job(job)]
            if failed:
                # After every job has had its turn; the exit status tells cron.
                raise CommandError("Failed: " + ", ".join(failed))
            return
        stopping = []
        # On SIGTERM (``make run`` stopping, a service manager) finish the job under way first.
        previous = signal.signal(signal.SIGTERM, lambda *_args: stopping.append(True))
        next_runs: dict[str, float] = {}
        logger.info("clock: started")
        try:
            while not stopping:
                run_due(jobs, next_runs, time.monotonic())
                for _second in range(max(1, interval)):
                    if stopping:
                        break
                    time.sleep(1)
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        logger.info("clock: stopped")
