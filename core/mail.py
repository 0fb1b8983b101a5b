"""E-mail leaves through the task queue.

The database task queue is transactional: the task row is written in the same transaction as
the change that caused the message, and the worker only sees it once that transaction commits.
So a message is never sent for a change that rolled back, and a request never waits for the mail
server. The worker delivers with ``PORTAL_EMAIL_DELIVERY_BACKEND``.
"""

import base64
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


def message_to_payload(message: EmailMessage) -> dict:
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise ValueError("MIME attachments cannot be queued; attach (name, content, type).")
        filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([filename, base64.b64encode(content).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def payload_to_message(payload: dict, connection) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
        connection=connection,
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in payload["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@task()
def deliver_email(payload: dict) -> None:
    """The worker's half: send one queued message with the real backend."""
    connection = get_connection(settings.PORTAL_EMAIL_DELIVERY_BACKEND)
    payload_to_message(payload, connection).send()


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            deliver_email.enqueue(message_to_payload(message))
        return len(email_messages)


def absolute_url(path: str) -> str:
    """A link for an e-mail or a QR code: the portal's public address plus ``path``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_templated_mail(
    template: str, context: dict, *, to: str, language: str, headers: dict | None = None
) -> None:
    """Render ``<template>_subject.txt`` and ``<template>.txt`` in the recipient's language and
    send them (through the queued backend, like every portal mail)."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to], headers=headers).send()
