from allauth.account.adapter import DefaultAccountAdapter


class PortalAccountAdapter(DefaultAccountAdapter):
    """Mails go out in the recipient's language, through the portal's queued backend."""

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        from django.utils import translation

        from core.models import User

        user = User.objects.filter(email__iexact=email).only("preferred_language").first()
        language = user.preferred_language if user else translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
