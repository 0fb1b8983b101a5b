from django.conf import settings
from django.core.mail import get_connection
from django_tasks import task

from .mail import payload_to_message


@task()
def deliver_email(payload: dict) -> None:
    connection = get_connection(settings.PORTAL_EMAIL_DELIVERY_BACKEND)
    payload_to_message(payload, connection).send()
