"""``manage.py clock``: the periodic jobs in one long-lived process (see ``core.clock``)."""

import signal

from django.core.management.base import BaseCommand, CommandError

from core import clock


class Command(BaseCommand):
    help = (
        "Run the periodic jobs the apps registered (publish_scheduled every minute, the "
        "certificates', events' and mentor credentials' jobs every hour, prune_db_task_results "
        "daily). Every job runs once at start. --once runs each job once and exits (for cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once, then exit.")
        parser.add_argument(
            "--interval",
            type=int,
            default=clock.MINUTE,
            help="Seconds between two looks at which jobs are due (default 60).",
        )

    def handle(self, *args, once: bool = False, interval: int = clock.MINUTE, **options):
        jobs = clock.active_jobs()
        if once:
            failed = [job.command for job in jobs if not clock.run_job(job)]
            if failed:
                # After every job has had its turn; the exit status tells cron.
                raise CommandError("Failed: " + ", ".join(failed))
            return
        stopping = []
        # On SIGTERM (``make run`` stopping, a service manager) finish the job under way first.
        previous = signal.signal(signal.SIGTERM, lambda *_args: stopping.append(True))
        next_runs: dict[str, float] = {}
        clock.logger.info("clock: started")
        try:
            while not stopping:
                clock.run_due(jobs, next_runs, clock.time.monotonic())
                for _second in range(max(1, interval)):
                    if stopping:
                        break
                    clock.time.sleep(1)
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        clock.logger.info("clock: stopped")
