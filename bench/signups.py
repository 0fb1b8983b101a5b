"""A rush on one event: N people press "Kaydol" at once for an event with 100 places.

    .venv/bin/python bench/signups.py [--clients 1000] [--places 100] [--threads 80]
                                      [--database-url postgres://postgres@127.0.0.1:5432/portal_bench]

Recreates the (throw-away) benchmark database named in --database-url on PostgreSQL, migrates
it, creates one published event and N people, signs each person in, then lets all clients
post the sign-up form through the portal's own view (Django's test client: URL routing,
middleware, form, service, row lock) from --threads threads with their own database
connections, released together by a barrier. Prints confirmed, waitlisted, errors, duplicates
and latency percentiles. The expected result is exactly --places confirmed, the rest
waitlisted, zero errors and zero duplicates; the script exits 1 otherwise.

PostgreSQL allows 100 connections by default, so the clients share --threads connections;
each thread takes its clients one after another, as a web server's workers would.
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"Refusing an unusual database name: {name!r}")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def percentile(sorted_values: list[float], share: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(share * len(sorted_values)) - 1))
    return sorted_values[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--places", type=int, default=100)
    parser.add_argument("--threads", type=int, default=80)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    args = parser.parse_args()

    recreate_database(args.database_url)
    workdir = tempfile.mkdtemp(prefix="portal-bench-")
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["DATABASE_CONN_MAX_AGE"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("PORTAL_VAR_DIR", workdir)
    os.environ["LOG_LEVEL"] = "ERROR"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, connections
    from django.test import Client
    from django.urls import reverse

    from core.models import User
    from events.factories import EventFactory
    from events.models import SignUp

    # Mail of this run goes nowhere; the test client needs its host allowed.
    settings.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]

    call_command("migrate", verbosity=0)
    event = EventFactory(capacity=args.places, slug="bench-rush", waitlist_enabled=True)
    User.objects.bulk_create(
        User(email=f"bench-{n}@bench.example", full_name=f"Katılımcı {n}")
        for n in range(args.clients)
    )
    people = list(User.objects.filter(email__endswith="@bench.example").order_by("pk"))
    url = reverse("event_signup", args=[event.slug])

    clients = []
    for person in people:
        client = Client()
        client.force_login(person)
        clients.append(client)
    connection.close()

    threads = min(args.threads, len(clients))
    shares = [clients[n::threads] for n in range(threads)]
    barrier = threading.Barrier(threads)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def run(share: list) -> None:
        try:
            barrier.wait()
            for client in share:
                start = time.perf_counter()
                try:
                    response = client.post(url, {})
                    ok = response.status_code == 302
                    problem = "" if ok else f"HTTP {response.status_code}"
                except Exception as error:  # a benchmark reports every failure, whatever it is
                    problem = f"{type(error).__name__}: {error}"
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    latencies.append(elapsed)
                    if problem:
                        errors.append(problem)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=run, args=(share,)) for share in shares]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    wall = time.perf_counter() - started

    statuses = dict.fromkeys(SignUp.Status.values, 0)
    for status in SignUp.objects.filter(event=event).values_list("status", flat=True):
        statuses[status] += 1
    people_signed = SignUp.objects.filter(event=event).values("person").distinct().count()
    duplicates = SignUp.objects.filter(event=event).count() - people_signed

    latencies.sort()
    print(f"database: {connection.vendor}, clients: {len(clients)}, threads: {threads}")
    print(f"event places: {args.places}")
    print(f"confirmed: {statuses['confirmed']}")
    print(f"waitlisted: {statuses['waitlisted']}")
    print(f"errors: {len(errors)}")
    print(f"duplicates: {duplicates}")
    print(
        "latency ms: "
        f"p50 {statistics.median(latencies):.1f}, p95 {percentile(latencies, 0.95):.1f}, "
        f"p99 {percentile(latencies, 0.99):.1f}, max {latencies[-1]:.1f}"
    )
    print(f"wall time: {wall:.1f} s, throughput: {len(clients) / wall:.0f} sign-ups/s")
    for problem in sorted(set(errors))[:5]:
        print(f"  error: {problem}")

    expected = statuses["confirmed"] == min(args.places, len(clients)) and statuses[
        "waitlisted"
    ] == max(0, len(clients) - args.places)
    if errors or duplicates or not expected:
        print("UNEXPECTED RESULT")
        raise SystemExit(1)
    print("OK: exactly the places confirmed, everyone else waitlisted")


if __name__ == "__main__":
    main()
