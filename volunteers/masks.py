"""Bit masks derived from the many-to-many fields, and a portable popcount for SQL."""

from django.db.models import BigIntegerField, Func

from core.models import TargetGroup, WorkingArea

from .models.reference import term_mask


def bits_mask(bits) -> int:
    mask = 0
    for bit in bits:
        mask |= 1 << bit
    return mask


def store(record, values: dict[str, int]) -> None:
    """Write derived masks to the row (without touching its other fields) and to ``record``."""
    type(record).objects.filter(pk=record.pk).update(**values)
    for name, value in values.items():
        setattr(record, name, value)


def profile_masks(profile) -> dict[str, int]:
    return {
        "skills_mask": bits_mask(profile.skills.values_list("bit", flat=True)),
        "languages_mask": bits_mask(profile.languages.values_list("bit", flat=True)),
        "areas_mask": term_mask(WorkingArea, profile.working_areas.values_list("pk", flat=True)),
        "groups_mask": term_mask(TargetGroup, profile.target_groups.values_list("pk", flat=True)),
    }


def role_masks(role) -> dict[str, int]:
    return {
        "skills_mask": bits_mask(role.required_skills.values_list("bit", flat=True)),
        "required_languages_mask": bits_mask(role.required_languages.values_list("bit", flat=True)),
        "helpful_languages_mask": bits_mask(role.helpful_languages.values_list("bit", flat=True)),
        "required_trainings_count": role.required_trainings.count(),
    }


def program_masks(program) -> dict[str, int]:
    return {
        "areas_mask": term_mask(WorkingArea, [program.working_area_id]),
        "groups_mask": term_mask(TargetGroup, program.target_groups.values_list("pk", flat=True)),
    }


class BitCount(Func):
    """The number of bits set in an integer expression (population count).

    PostgreSQL counts the bits of the value cast to ``bit(64)``; SQLite calls ``popcount``,
    registered on each new connection below."""

    function = "popcount"
    arity = 1
    output_field = BigIntegerField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="bit_count((%(expressions)s)::bit(64))", **extra_context
        )


def _popcount(value):
    if value is None:
        return None
    return (int(value) & ((1 << 64) - 1)).bit_count()


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("popcount", 1, _popcount, deterministic=True)
