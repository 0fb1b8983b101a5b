"""Page timings and query counts on demo data.

    .venv/bin/python bench/pages.py [--runs 50]

Builds a throw-away SQLite database (or uses DATABASE_URL), loads the demo data, then requests
each main page through Django's test client and prints the median and 95th percentile time and
the number of queries. Compare figures from one run on one machine; absolute times are noisy.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    ("/", None),
    ("/en/", None),
    ("/hakkinda/", None),
    ("/accounts/login/", None),
    ("/accounts/signup/", None),
    ("/search/?q=rıza", None),
    ("/sitemap.xml", None),
    ("/kampanyalar/", None),
    ("/kampanyalar/?province=35&phase=active", None),
    ("/kampanyalar/istesenyeter/", None),
    ("/kampanyalar/istesenyeter/", "ngo@demo.example"),
    ("/iletisim-rehberi/", None),
    ("/kampanyalar/rss/", None),
    ("/events/", None),
    ("/events/?province=35&free=on", None),
    ("/events/calendar/", None),
    ("/events/aile-atolyesi-ekrani-dengele-konak/", None),
    ("/events/aile-atolyesi-ekrani-dengele-konak/", "volunteer@demo.example"),
    ("/events/mine/", "volunteer@demo.example"),
    ("/events/istesenyeter-farkindalik-semineri-kadikoy/manage/", "ngo@demo.example"),
    ("/accounts/overview/", "volunteer@demo.example"),
    ("/accounts/consents/", "volunteer@demo.example"),
    ("/provinces/", None),
    ("/provinces/?measure=activities&mode=total", None),
    ("/provinces/izmir/", None),
    ("/platform/", "ngo@demo.example"),
    ("/platform/activities/", "ngo@demo.example"),
    ("/platform/activities/export.csv", "ngo@demo.example"),
    ("/platform/activities/new/", "ngo@demo.example"),
    ("/platform/projects/kadikoy-genclik-onleme-agi/", "ngo@demo.example"),
    ("/platform/provinces/34/", "coordinator@demo.example"),
    ("/platform/provinces/34/report.pdf", "coordinator@demo.example"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="portal-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("SQLITE_PATH", str(Path(workdir) / "bench.sqlite3"))
    os.environ.setdefault("PORTAL_VAR_DIR", workdir)
    os.environ["LOG_LEVEL"] = "WARNING"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.models import User

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", stdout=open(os.devnull, "w"))  # noqa: SIM115

    print(f"database: {connection.vendor}, runs per page: {args.runs}")
    print(f"{'page':<34} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for path, email in PAGES:
        client = Client(HTTP_HOST="localhost")
        if email:
            client.force_login(User.objects.get(email=email))
        reset_queries()  # the log is bounded; loading the demo data filled it
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        timings = []
        for _run in range(args.runs):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{path + (' (signed in)' if email else ''):<34} "
            f"{statistics.median(timings):>10.1f} {p95:>8.1f} {len(queries.captured_queries):>8}"
        )


if __name__ == "__main__":
    main()
