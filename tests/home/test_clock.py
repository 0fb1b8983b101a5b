"""The clock runs scheduled publishing and the other periodic jobs."""

import datetime as dt
import logging
import re
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Revision

from core import clock
from home.models import CampaignPage

from .pages import add_campaign, add_campaign_index, build_homes

pytestmark = pytest.mark.django_db

JOB_NAMES = [job.command for job in clock.jobs()]
# The test settings run tasks inline, so there are no stored task results to prune.
INLINE_JOB_NAMES = [
    "publish_scheduled",
    "expire_certificates",
    "send_expiry_reminders",
    "send_event_reminders",
    "renew_mentor_credentials",
]


@pytest.fixture
def scheduled_campaign():
    """A campaign an editor published with a go-live time an hour from now."""
    home, _home_en = build_homes()
    index = add_campaign_index(home)
    campaign = add_campaign(index, "Yılbaşı kampanyası", slug="yilbasi", publish_now=False)
    campaign.go_live_at = timezone.now() + dt.timedelta(hours=1)
    campaign.save_revision().publish()
    campaign.refresh_from_db()
    assert not campaign.live
    assert (
        Revision.objects.filter(object_id=str(campaign.pk))
        .exclude(approved_go_live_at=None)
        .exists()
    )
    return campaign


def test_clock_once_publishes_a_page_whose_time_has_come(scheduled_campaign, client):
    call_command("clock", "--once")
    assert not CampaignPage.objects.get(pk=scheduled_campaign.pk).live
    assert client.get("/duyurular/yilbasi/").status_code == 404

    two_hours_later = timezone.now() + dt.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=two_hours_later):
        call_command("clock", "--once")

    campaign = CampaignPage.objects.get(pk=scheduled_campaign.pk)
    assert campaign.live
    assert campaign.first_published_at == two_hours_later
    assert client.get("/duyurular/yilbasi/").status_code == 200


def test_clock_once_runs_every_job_and_logs_only_their_names(db, caplog):
    # Successful runs are logged at DEBUG, so a running clock does not fill the console.
    with caplog.at_level(logging.DEBUG, logger="portal.clock"):
        call_command("clock", "--once")
    messages = [record.getMessage() for record in caplog.records if record.name == "portal.clock"]
    assert [message.split()[1] for message in messages] == INLINE_JOB_NAMES
    assert all(re.fullmatch(r"clock: \w+ done in \d+\.\ds", message) for message in messages)


def test_a_failing_job_is_logged_without_its_message_and_the_others_still_run(db, caplog):
    ran = []

    def fake_call_command(name, *args, **kwargs):
        ran.append(name)
        if name == "expire_certificates":
            raise ValueError("kisi@example.org için sertifika bulunamadı")

    with (
        mock.patch.object(clock, "call_command", fake_call_command),
        caplog.at_level(logging.INFO, logger="portal.clock"),
        pytest.raises(CommandError, match="Failed: expire_certificates"),
    ):
        call_command("clock", "--once")
    assert ran == INLINE_JOB_NAMES
    assert "clock: expire_certificates failed (ValueError)" in caplog.text
    assert "kisi@example.org" not in caplog.text


def test_each_job_runs_again_when_its_period_has_passed(monkeypatch):
    ran = []
    monkeypatch.setattr(clock, "run_job", lambda job: ran.append(job.command) or True)
    next_runs: dict[str, float] = {}
    assert clock.run_due(clock.jobs(), next_runs, now=0) == JOB_NAMES
    assert clock.run_due(clock.jobs(), next_runs, now=59) == []
    assert clock.run_due(clock.jobs(), next_runs, now=60) == ["publish_scheduled"]
    assert clock.run_due(clock.jobs(), next_runs, now=3600) == [
        "publish_scheduled",
        "expire_certificates",
        "send_expiry_reminders",
        "send_event_reminders",
        "renew_mentor_credentials",
    ]
    assert clock.run_due(clock.jobs(), next_runs, now=86400)[-1] == "prune_db_task_results"
    assert ran.count("prune_db_task_results") == 2


def test_the_loop_runs_every_job_at_start_and_stops_cleanly(monkeypatch):
    ran = []
    monkeypatch.setattr(clock, "run_job", lambda job: ran.append(job.command) or True)

    def interrupt(_seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(clock.time, "sleep", interrupt)
    call_command("clock", "--interval", "5")
    assert ran == INLINE_JOB_NAMES


def test_task_results_are_pruned_only_where_the_database_queue_keeps_them(settings):
    assert [job.command for job in clock.active_jobs()] == INLINE_JOB_NAMES
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert [job.command for job in clock.active_jobs()] == JOB_NAMES
