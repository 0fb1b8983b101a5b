from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    """Volunteers, experience mentors and matching to social cohesion programs."""

    name = "volunteers"
    verbose_name = _("Gönüllüler")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from core.audit import register_actions
        from core.clock import HOUR, Job, register_jobs
        from core.crypto import register_sealed_field
        from core.lifecycle import register_lifecycle, status_changed
        from core.models import StaffRole
        from core.permissions import register_rules
        from core.privacy import register_personal_data
        from core.roles import register_role_permissions
        from events.models import SignUp
        from events.signups import register_volunteer_test

        from . import (
            credentials,
            hours,
            masks,
            models,
            permissions,
            privacy,
            profiles,
            signals,
            workflow,
        )

        register_rules(permissions.RULES)
        for module in (profiles, credentials):
            register_actions(module.AUDIT_ACTIONS)
        register_personal_data(privacy.PERSONAL_DATA)
        # Recovery declarations are sealed; rotate_field_keys re-seals them with a new key.
        register_sealed_field(models.RecoveryDeclaration, "ciphertext")
        for model, lifecycle in workflow.LIFECYCLES.items():
            register_lifecycle(model, lifecycle)
        # Mentor credentials ending: renewed, expired or reminded (idempotent).
        register_jobs(Job("renew_mentor_credentials", every=HOUR))
        # The SQL popcount the ranking uses, on every new SQLite connection.
        connection_created.connect(
            masks.register_sqlite_functions, dispatch_uid="volunteers.popcount"
        )
        # Matching masks follow the many-to-many fields wherever they are edited.
        signals.connect()
        # Attending an event credits volunteering hours (events knows nothing of volunteers).
        status_changed.connect(
            hours.attendance_changed, sender=SignUp, dispatch_uid="volunteers.attendance_hours"
        )
        # Volunteers may sign up for "volunteers only" events.
        register_volunteer_test(profiles.is_volunteer)
        # Administrators tune the matching weights and the mentor credential's terms.
        register_role_permissions(StaffRole.ADMIN, [("volunteers", "change_matchingsettings")])
