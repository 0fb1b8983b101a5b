"""Keep the matching masks in step with the many-to-many fields, wherever they are edited
(forms, the admin, the demo data)."""

from django.db.models.signals import m2m_changed

from .models import Program, Role, VolunteerProfile


def _refresh(owner_model):
    """A receiver keeping ``owner_model``'s masks in step, whichever side the edit came from
    (``profile.skills.add(skill)`` or ``skill.volunteers.add(profile)``)."""

    def refresh(pks) -> None:
        for row in owner_model.objects.filter(pk__in=pks):
            row.refresh_masks()

    def receiver(sender, instance, action, reverse, pk_set, **kwargs):
        if not reverse:
            if action in {"post_add", "post_remove", "post_clear"} and isinstance(
                instance, owner_model
            ):
                instance.refresh_masks()
            return
        if action in {"post_add", "post_remove"}:
            refresh(pk_set or ())
        elif action == "pre_clear":
            owner_field = next(
                field.name for field in sender._meta.fields if field.related_model is owner_model
            )
            term_field = next(
                field.name
                for field in sender._meta.fields
                if field.related_model is type(instance) and field.name != owner_field
            )
            instance._mask_rows_to_refresh = list(
                sender.objects.filter(**{term_field: instance.pk}).values_list(
                    owner_field, flat=True
                )
            )
        elif action == "post_clear":
            refresh(getattr(instance, "_mask_rows_to_refresh", ()))

    return receiver


_profile_changed = _refresh(VolunteerProfile)
_role_changed = _refresh(Role)
_program_changed = _refresh(Program)


def _term_deleted(sender, instance, **kwargs):
    """A deleted working area or target group changes the other terms' bits: every mask
    that uses them is computed again."""
    for model in (VolunteerProfile, Program):
        for row in model.objects.iterator():
            row.refresh_masks()


def connect() -> None:
    from django.db.models.signals import post_delete

    from core.models import TargetGroup, WorkingArea

    for term in (WorkingArea, TargetGroup):
        post_delete.connect(
            _term_deleted, sender=term, dispatch_uid=f"volunteers_masks_{term.__name__}"
        )
    for field in ("skills", "languages", "working_areas", "target_groups"):
        m2m_changed.connect(
            _profile_changed,
            sender=getattr(VolunteerProfile, field).through,
            dispatch_uid=f"volunteers_profile_{field}",
        )
    for field in (
        "required_skills",
        "required_languages",
        "helpful_languages",
        "required_trainings",
    ):
        m2m_changed.connect(
            _role_changed,
            sender=getattr(Role, field).through,
            dispatch_uid=f"volunteers_role_{field}",
        )
    m2m_changed.connect(
        _program_changed,
        sender=Program.target_groups.through,
        dispatch_uid="volunteers_program_target_groups",
    )
