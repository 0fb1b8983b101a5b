import pytest
from django.core.mail import EmailMultiAlternatives

from core.mail import message_to_payload, payload_to_message

pytestmark = pytest.mark.django_db


def test_mail_goes_through_the_task_queue_and_arrives_whole(outbox, monkeypatch):
    from core import mail

    queued = []
    real_task = mail.deliver_email

    class RecordingTask:
        def enqueue(self, payload):
            queued.append(payload)
            return real_task.enqueue(payload)

    monkeypatch.setattr(mail, "deliver_email", RecordingTask())
    message = EmailMultiAlternatives(
        subject="Etkinlik hatırlatması",
        body="Yarın saat 10.00'da görüşmek üzere.",
        to=["gonullu@example.org"],
    )
    message.attach_alternative("<p>Yarın saat 10.00'da</p>", "text/html")
    message.attach("katilim.pdf", b"%PDF-1.4 demo", "application/pdf")
    message.send()

    assert [p["subject"] for p in queued] == ["Etkinlik hatırlatması"]
    assert len(outbox) == 1
    sent = outbox[0]
    assert sent.subject == "Etkinlik hatırlatması"
    assert sent.alternatives[0][1] == "text/html"
    assert sent.attachments[0][0] == "katilim.pdf"
    assert sent.attachments[0][1] == b"%PDF-1.4 demo"


def test_the_queued_payload_is_plain_json():
    import json

    message = EmailMultiAlternatives(subject="Konu", body="Metin", to=["a@example.org"])
    payload = json.loads(json.dumps(message_to_payload(message)))
    assert payload_to_message(payload, connection=None).subject == "Konu"


def test_mail_is_not_sent_when_the_transaction_rolls_back(settings, outbox):
    """On the database queue the task row rolls back with the change that caused it."""
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with pytest.raises(RuntimeError), transaction.atomic():
        EmailMultiAlternatives(subject="Konu", body="Metin", to=["a@example.org"]).send()
        assert DBTaskResult.objects.count() == 1
        raise RuntimeError
    assert DBTaskResult.objects.count() == 0
    assert outbox == []
