"""What the volunteers app holds about a person, for their data export (KVKK art. 11).

The recovery declaration is special-category data: the export says that one is on file and
where the person can read it (each reading logged), but never carries its content."""

from .availability import slot_keys
from .models import BackgroundCheck, CheckIn, HoursLog, Match, MentorCredential, VolunteerProfile


def _profile_of(user) -> dict | None:
    profile = (
        VolunteerProfile.objects.filter(user=user)
        .select_related("province", "district")
        .prefetch_related("skills", "languages", "working_areas", "target_groups")
        .first()
    )
    if profile is None:
        return None
    return {
        "display_name": profile.display_name,
        "phone": profile.phone,
        "province": profile.province.name,
        "district": profile.district.name if profile.district_id else None,
        "birth_date": profile.birth_date.isoformat() if profile.birth_date else None,
        "languages": [language.name for language in profile.languages.all()],
        "skills": [skill.name for skill in profile.skills.all()],
        "working_areas": [area.name for area in profile.working_areas.all()],
        "target_groups": [group.name for group in profile.target_groups.all()],
        "availability": slot_keys(profile.availability),
        "hours_per_month": profile.hours_per_month,
        "experience": profile.experience,
        "show_mentor_publicly": profile.show_mentor_publicly,
        "open_to_new_roles": profile.is_active,
    }


def _background_checks_of(user) -> list[dict]:
    return [
        {"checked_on": check.checked_on.isoformat(), "valid_until": check.valid_until.isoformat()}
        for check in BackgroundCheck.objects.filter(person=user)
    ]


def _credentials_of(user) -> list[dict]:
    credentials = MentorCredential.objects.filter(person=user).select_related(
        "reference_organisation", "reference_unit", "declaration"
    )
    rows = []
    for credential in credentials:
        has_declaration = hasattr(credential, "declaration")
        rows.append(
            {
                "status": credential.status,
                "submitted_at": credential.submitted_at.isoformat()
                if credential.submitted_at
                else None,
                "granted_on": credential.granted_on.isoformat() if credential.granted_on else None,
                "valid_until": credential.valid_until.isoformat()
                if credential.valid_until
                else None,
                "reference": str(
                    credential.reference_organisation or credential.reference_unit or ""
                ),
                "recovery_declaration": (
                    "on file, encrypted; readable on your credential page"
                    if has_declaration
                    else None
                ),
            }
        )
    return rows


def _matches_of(user) -> list[dict]:
    matches = Match.objects.filter(person=user).select_related("role__program")
    return [
        {
            "role": match.role.title,
            "program": match.role.program.title,
            "origin": match.origin,
            "status": match.status,
            "message": match.message,
            "started_on": match.started_on.isoformat() if match.started_on else None,
            "closed_on": match.closed_on.isoformat() if match.closed_on else None,
            "closure_reason": match.closure_reason,
            "check_ins": [
                {"on": check_in.on.isoformat(), "mood": check_in.mood, "note": check_in.note}
                for check_in in CheckIn.objects.filter(match=match)
            ],
        }
        for match in matches
    ]


def _hours_of(user) -> list[dict]:
    logs = HoursLog.objects.filter(person=user).select_related("match__role", "signup__event")
    return [
        {
            "on": log.on.isoformat(),
            "hours": str(log.hours),
            "kind": log.kind,
            "for": log.place_title,
            "description": log.description,
            "status": log.status,
        }
        for log in logs
    ]


# What this app adds to a person's data export, registered from the app's ready().
PERSONAL_DATA = {
    "volunteer_profile": _profile_of,
    "background_checks": _background_checks_of,
    "mentor_credentials": _credentials_of,
    "volunteer_matches": _matches_of,
    "volunteer_hours": _hours_of,
}
