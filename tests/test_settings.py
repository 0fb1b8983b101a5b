"""Settings come from the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {"DJANGO_SETTINGS_MODULE": "portal.settings.production"}
FIELD_KEY = "q1ZbK6dY0m8w1nq5lD3cJ2xE7vR9tS4uH6gF0aB8cNk="  # a valid Fernet key, tests only


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", env={**PRODUCTION, "ALLOWED_HOSTS": "portal.example"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", env={**PRODUCTION, "SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            **PRODUCTION,
            "SECRET_KEY": "k3y-" + "q8Zr!x" * 10,
            "ALLOWED_HOSTS": "portal.example,www.portal.example",
            "FIELD_ENCRYPTION_KEYS": FIELD_KEY,
        },
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_refuses_to_start_without_the_field_encryption_keys():
    result = run_manage(
        "check", env={**PRODUCTION, "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "portal.example"}
    )
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS must be set" in result.stderr


def test_database_url_selects_postgresql_and_redis_url_the_redis_cache():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.CACHES['default']['BACKEND'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": "postgres://portal@db.internal:5432/portal",
            "REDIS_URL": "redis://cache.internal:6379/0",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    engine, cache = result.stdout.split()
    assert engine == "django.db.backends.postgresql"
    assert cache == "django_redis.cache.RedisCache"


def test_without_redis_the_cache_is_shared_through_the_database():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s;"
            "print(s.CACHES['default']['BACKEND'])",
        ],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "django.core.cache.backends.db.DatabaseCache"


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.db import connection as c;"
            "cur = c.cursor(); cur.execute('PRAGMA journal_mode'); print(cur.fetchone()[0]);"
            "print(c.settings_dict['OPTIONS']['transaction_mode'])",
        ],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "SQLITE_PATH": str(tmp_path / "portal.sqlite3"),
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["wal", "IMMEDIATE"]


def test_checks_pass_before_the_database_is_migrated(tmp_path):
    """Nothing may query the database at import time: `check` runs on a fresh machine first."""
    result = run_manage(
        "check",
        env={
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "SQLITE_PATH": str(tmp_path / "empty.sqlite3"),
        },
    )
    assert result.returncode == 0, result.stderr
