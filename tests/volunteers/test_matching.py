"""Matching: hard rules, the explained score, and rankings computed in the database."""

import datetime as dt
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.factories import staff_user
from core.models import ConsentPurpose, District, Province, StaffRole, TargetGroup, WorkingArea
from core.services import consent_withdraw
from core.text import turkish_possessive, turkish_possessive_locative
from volunteers.availability import bit
from volunteers.credentials import training_record
from volunteers.factories import (
    SATURDAY_MORNING,
    TUESDAY_EVENING,
    ProgramFactory,
    RoleFactory,
    VolunteerProfileFactory,
)
from volunteers.matching import (
    Rule,
    acceptance_refusal,
    recommended_candidates,
    recommended_roles,
    refusal,
    refusals,
    score,
)
from volunteers.models import (
    MATCHING_CONSENT,
    BackgroundCheck,
    Language,
    Match,
    MatchingSettings,
    MentorCredential,
    Program,
    Skill,
    Training,
)

pytestmark = pytest.mark.django_db

WEDNESDAY_EVENING = bit(2, 2)


def today():
    return timezone.localdate()


def years_ago(years: int, days: int = 0) -> dt.date:
    day = today()
    try:
        day = day.replace(year=day.year - years)
    except ValueError:
        day = day.replace(year=day.year - years, day=28)
    return day - dt.timedelta(days=days)


def language(name: str) -> Language:
    return Language.objects.get(name=name)


def district(province: int, slug: str) -> District:
    return District.objects.get(province_id=province, slug=slug)


def place(role, person, status=Match.Status.ACCEPTED) -> Match:
    return Match.objects.create(
        role=role, person=person, origin=Match.Origin.APPLICATION, status=status
    )


def candidate_users(role) -> list:
    return [item.profile.user_id for item in recommended_candidates(role, limit=100)]


def role_ids_for(user) -> list:
    return [item.role.pk for item in recommended_roles(user, limit=100)]


@pytest.fixture
def role():
    return RoleFactory()


@pytest.fixture
def control():
    """A volunteer every role in these tests accepts: the lists are not simply empty."""
    return VolunteerProfileFactory()


def assert_refused(profile, role, reason: str, message: str | None = None, *, control=None):
    refused = refusal(profile.user, role)
    assert refused is not None and refused.reason == reason
    if message is not None:
        assert str(refused.message) == message
    assert reason in [item.reason for item in refusals(profile.user, role)]
    assert profile.user_id not in candidate_users(role)
    assert role.pk not in role_ids_for(profile.user)
    if control is not None:
        assert refusal(control.user, role) is None
        assert control.user_id in candidate_users(role)
        assert role.pk in role_ids_for(control.user)


# --- Hard rules -------------------------------------------------------------------------------


def test_a_person_without_a_profile_is_refused(role, person):
    refused = refusal(person, role)
    assert refused.reason == Rule.PROFILE
    assert recommended_roles(person) == []


def test_a_volunteer_without_matching_consent_is_refused_and_never_recommended(role, control):
    profile = VolunteerProfileFactory(consent=False)
    assert_refused(profile, role, Rule.CONSENT, "Eşleştirme izni yok.", control=control)


def test_a_volunteer_closed_to_new_roles_is_refused(role, control):
    profile = VolunteerProfileFactory(is_active=False)
    assert_refused(profile, role, Rule.CONSENT, "Gönüllü yeni rollere açık değil.", control=control)


def test_withdrawing_matching_consent_removes_the_volunteer_from_recommendations(role, control):
    profile = VolunteerProfileFactory()
    assert profile.user_id in candidate_users(role)
    assert role.pk in role_ids_for(profile.user)

    consent_withdraw(user=profile.user, purpose=ConsentPurpose.objects.get(key=MATCHING_CONSENT))

    assert profile.user_id not in candidate_users(role)
    assert recommended_roles(profile.user) == []
    assert refusal(profile.user, role).reason == Rule.CONSENT
    assert control.user_id in candidate_users(role)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"is_open": False}, "Bu rol başvuruya kapalı."),
        ({"program__status": Program.Status.DRAFT}, "Program yayında değil."),
        ({"program__status": Program.Status.CLOSED}, "Program yayında değil."),
        ({"program__ends_on": -1}, "Program sona erdi."),
    ],
)
def test_a_closed_role_takes_nobody(control, change, message):
    values = {
        key: today() + dt.timedelta(days=value) if key.endswith("ends_on") else value
        for key, value in change.items()
    }
    if "program__ends_on" in values:
        values["program__starts_on"] = today() - dt.timedelta(days=30)
    role = RoleFactory(**values)
    refused = refusal(control.user, role)
    assert refused.reason == Rule.CLOSED and str(refused.message) == message
    assert recommended_candidates(role) == []
    assert role.pk not in role_ids_for(control.user)


def test_a_program_ending_today_is_still_open(control):
    role = RoleFactory(program__starts_on=today() - dt.timedelta(days=30), program__ends_on=today())
    assert refusal(control.user, role) is None


def test_someone_with_an_open_match_for_the_role_is_refused(role, control):
    profile = VolunteerProfileFactory()
    place(role, profile.user, Match.Status.PROPOSED)
    assert_refused(profile, role, Rule.ALREADY, control=control)


def test_a_closed_match_does_not_stop_a_new_one(role):
    profile = VolunteerProfileFactory()
    place(role, profile.user, Match.Status.DECLINED)
    assert refusal(profile.user, role) is None


def test_a_full_role_takes_nobody(control):
    role = RoleFactory(places=1)
    holder = VolunteerProfileFactory()
    place(role, holder.user, Match.Status.ACTIVE)
    refused = refusal(control.user, role)
    assert refused.reason == Rule.FULL and str(refused.message) == "Bu rolün kişi sayısı doldu."
    assert recommended_candidates(role) == []
    assert role.pk not in role_ids_for(control.user)


def test_proposed_matches_do_not_hold_places(control):
    role = RoleFactory(places=1)
    place(role, VolunteerProfileFactory().user, Match.Status.PROPOSED)
    assert refusal(control.user, role) is None
    assert role.pk in role_ids_for(control.user)


def test_someone_too_young_is_refused(control):
    role = RoleFactory(minimum_age=18)
    profile = VolunteerProfileFactory(birth_date=years_ago(18, days=-1))
    assert_refused(profile, role, Rule.AGE, "Bu rol 18 yaş ve üzeri içindir.", control=control)


def test_someone_turning_the_minimum_age_today_is_accepted():
    role = RoleFactory(minimum_age=18)
    profile = VolunteerProfileFactory(birth_date=years_ago(18))
    assert refusal(profile.user, role) is None
    assert profile.user_id in candidate_users(role)
    assert role.pk in role_ids_for(profile.user)


def test_a_missing_birth_date_is_asked_for_when_the_role_has_an_age_limit(control):
    role = RoleFactory(minimum_age=21)
    profile = VolunteerProfileFactory(birth_date=None)
    assert_refused(profile, role, Rule.AGE, control=control)
    message = str(refusal(profile.user, role).message)
    assert "21 yaş ve üzeri" in message and "doğum tarihi" in message
    assert refusal(profile.user, RoleFactory()) is None


def test_a_required_language_must_be_spoken(control):
    role = RoleFactory(required_languages=[language("Arapça")])
    control.languages.set([language("Arapça"), language("Türkçe")])
    profile = VolunteerProfileFactory(languages=[language("Türkçe")])
    assert_refused(profile, role, Rule.LANGUAGES, "Gerekli dil: Arapça.", control=control)


def test_every_missing_language_is_named():
    role = RoleFactory(required_languages=[language("Arapça"), language("Farsça")])
    profile = VolunteerProfileFactory(languages=[language("Türkçe")])
    assert str(refusal(profile.user, role).message) == "Gerekli diller: Arapça, Farsça."


def test_availability_must_overlap_the_schedule(role, control):
    profile = VolunteerProfileFactory(availability=SATURDAY_MORNING)
    assert_refused(
        profile,
        role,
        Rule.AVAILABILITY,
        "Programın buluştuğu zamanlarda uygun değil.",
        control=control,
    )


def grant_mentor(user, *, valid_until=None, status=MentorCredential.Status.GRANTED):
    return MentorCredential.objects.create(
        person=user,
        province_id=34,
        status=status,
        granted_on=today() - dt.timedelta(days=100),
        valid_until=valid_until or today() + dt.timedelta(days=300),
    )


def test_a_mentor_role_needs_a_credential_in_force(control):
    role = RoleFactory(requires_mentor=True)
    grant_mentor(control.user)
    profile = VolunteerProfileFactory()
    assert_refused(
        profile,
        role,
        Rule.MENTOR,
        "Geçerli bir deneyim mentoru yetkinliği gerekiyor.",
        control=control,
    )
    expired = VolunteerProfileFactory()
    grant_mentor(expired.user, valid_until=today() - dt.timedelta(days=1))
    assert refusal(expired.user, role).reason == Rule.MENTOR
    in_review = VolunteerProfileFactory()
    grant_mentor(in_review.user, status=MentorCredential.Status.IN_REVIEW)
    assert refusal(in_review.user, role).reason == Rule.MENTOR


def check(user, valid_until):
    return BackgroundCheck.objects.create(
        person=user, checked_on=valid_until - dt.timedelta(days=400), valid_until=valid_until
    )


def test_a_role_with_children_needs_a_valid_background_check(control):
    role = RoleFactory(requires_background_check=True)
    check(control.user, today())
    profile = VolunteerProfileFactory()
    check(profile.user, today() - dt.timedelta(days=1))
    assert_refused(
        profile,
        role,
        Rule.BACKGROUND,
        "Geçerli bir adli sicil kontrolü gerekiyor.",
        control=control,
    )


def test_required_trainings_need_a_valid_certificate(control):
    child_protection = Training.objects.get(name="Çocuk koruma eğitimi")
    awareness = Training.objects.get(name="Bağımlılık farkındalık eğitimi")
    role = RoleFactory(required_trainings=[child_protection, awareness])
    coordinator = staff_user(StaffRole.COORDINATOR, 34)
    for training in (child_protection, awareness):
        training_record(
            person=control.user, training=training, completed_on=today(), by=coordinator
        )

    profile = VolunteerProfileFactory()
    training_record(person=profile.user, training=awareness, completed_on=today(), by=coordinator)
    assert_refused(
        profile, role, Rule.TRAINING, "Gerekli eğitim: Çocuk koruma eğitimi.", control=control
    )

    # A certificate past its expiry (this training is valid for two years), or no longer
    # valid, does not count.
    done = training_record(
        person=profile.user, training=child_protection, completed_on=years_ago(3), by=coordinator
    )
    assert refusal(profile.user, role).reason == Rule.TRAINING
    done.certificate.expires_on = None
    done.certificate.save(update_fields=["expires_on"])
    assert refusal(profile.user, role) is None
    done.certificate.status = "revoked"
    done.certificate.save(update_fields=["status"])
    assert refusal(profile.user, role).reason == Rule.TRAINING
    assert profile.user_id not in candidate_users(role)


def test_someone_placed_in_another_role_at_the_same_hours_is_refused(role, control):
    profile = VolunteerProfileFactory()
    other = RoleFactory(title="Ev ziyareti gönüllüsü")
    place(other, profile.user, Match.Status.ACTIVE)
    assert_refused(
        profile,
        role,
        Rule.CLASH,
        "Aynı saatlerde başka bir rolü var: Ev ziyareti gönüllüsü.",
        control=control,
    )


def test_roles_at_other_hours_or_proposed_matches_do_not_clash(role):
    profile = VolunteerProfileFactory()
    place(RoleFactory(program__schedule=SATURDAY_MORNING), profile.user, Match.Status.ACTIVE)
    place(RoleFactory(), profile.user, Match.Status.PROPOSED)
    assert refusal(profile.user, role) is None
    assert profile.user_id in candidate_users(role)
    assert role.pk in role_ids_for(profile.user)


def test_refusals_lists_every_rule_broken():
    role = RoleFactory(
        minimum_age=18, requires_mentor=True, required_languages=[language("Arapça")]
    )
    profile = VolunteerProfileFactory(consent=False, birth_date=None, availability=SATURDAY_MORNING)
    reasons = [item.reason for item in refusals(profile.user, role)]
    assert reasons == [Rule.CONSENT, Rule.AGE, Rule.LANGUAGES, Rule.AVAILABILITY, Rule.MENTOR]


def test_acceptance_checks_the_rules_again_ignoring_the_match_itself():
    role = RoleFactory(places=1)
    profile = VolunteerProfileFactory()
    match = place(role, profile.user, Match.Status.PROPOSED)
    assert acceptance_refusal(match) is None

    place(role, VolunteerProfileFactory().user, Match.Status.ACCEPTED)
    assert acceptance_refusal(match).reason == Rule.FULL

    role.places = 2
    role.save()
    assert acceptance_refusal(match) is None
    consent_withdraw(user=profile.user, purpose=ConsentPurpose.objects.get(key=MATCHING_CONSENT))
    assert acceptance_refusal(match).reason == Rule.CONSENT


def test_an_accepted_match_counts_its_own_place_only_once():
    role = RoleFactory(places=1)
    match = place(role, VolunteerProfileFactory().user, Match.Status.ACCEPTED)
    assert acceptance_refusal(match) is None


# --- Score and reasons ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (0, "0'ı"),
        (1, "1'i"),
        (2, "2'si"),
        (3, "3'ü"),
        (4, "4'ü"),
        (5, "5'i"),
        (6, "6'sı"),
        (7, "7'si"),
        (8, "8'i"),
        (9, "9'u"),
        (10, "10'u"),
        (12, "12'si"),
        (20, "20'si"),
        (30, "30'u"),
        (40, "40'ı"),
        (50, "50'si"),
        (60, "60'ı"),
        (70, "70'i"),
        (80, "80'i"),
        (90, "90'ı"),
        (100, "100'ü"),
        (1000, "1000'i"),
        (2000000, "2000000'u"),
    ],
)
def test_turkish_possessive_suffix_follows_the_spoken_numeral(number, expected):
    assert turkish_possessive(number) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1'inde"), (2, "2'sinde"), (3, "3'ünde"), (6, "6'sında"), (9, "9'unda"), (40, "40'ında")],
)
def test_turkish_locative_after_the_possessive(number, expected):
    assert turkish_possessive_locative(number) == expected


def parts_of(result) -> dict:
    return {part.name: part.value for part in result.parts}


def test_score_parts_and_reasons_for_a_close_fit():
    skills = list(Skill.objects.order_by("bit")[:3])
    area = WorkingArea.objects.order_by("sort_order").first()
    group = TargetGroup.objects.order_by("sort_order").first()
    program = ProgramFactory(
        working_area=area,
        target_groups=[group],
        schedule=TUESDAY_EVENING | WEDNESDAY_EVENING | SATURDAY_MORNING,
    )
    role = RoleFactory(
        program=program,
        required_skills=skills,
        helpful_languages=[language("Arapça"), language("Farsça")],
    )
    profile = VolunteerProfileFactory(
        skills=skills[:2],
        working_areas=[area],
        target_groups=[group],
        languages=[language("Türkçe"), language("Arapça")],
        availability=TUESDAY_EVENING | SATURDAY_MORNING,
    )
    profile.has_participated = True

    result = score(profile, role)

    assert parts_of(result) == {
        "skills": 2 / 3,
        "interests": 1.0,
        "distance": 1.0,
        "availability": 2 / 3,
        "languages": 0.5,
        "experience": 1.0,
    }
    weights = MatchingSettings.load().weights()
    expected = (
        100
        * (
            weights["skills"] * 2 / 3
            + weights["interests"]
            + weights["distance"]
            + weights["availability"] * 2 / 3
            + weights["languages"] * 0.5
            + weights["experience"]
        )
        / sum(weights.values())
    )
    assert result.total == round(expected, 1)
    assert set(result.reasons) == {
        "3 becerinin 2'si uyuyor",
        "Çalışma alanı ve hedef grup ilgi alanlarında",
        "Aynı ilçede",
        "Programın 3 zaman diliminin 2'sinde uygun",
        "Yararlı dil: Arapça",
        "Daha önce gönüllü olarak katıldı",
    }
    # The part worth most comes first.
    assert result.reasons[0] == "Aynı ilçede"
    assert {part.name: part.weight for part in result.parts} == weights


def test_a_bare_fit_scores_only_what_it_earns():
    role = RoleFactory()
    profile = VolunteerProfileFactory(
        province=Province.objects.get(code=6), district=None, availability=TUESDAY_EVENING
    )
    result = score(profile, role)
    assert parts_of(result) == {
        "skills": 0.0,
        "interests": 0.0,
        "distance": 0.0,
        "availability": 1.0,
        "languages": 0.0,
        "experience": 0.0,
    }
    assert result.reasons == ["Programın bütün zamanlarında uygun"]
    weights = MatchingSettings.load().weights()
    assert result.total == round(100 * weights["availability"] / sum(weights.values()), 1)


@pytest.mark.parametrize(
    ("province", "district_slug", "online", "value", "reason"),
    [
        (34, "kadikoy", False, 1.0, "Aynı ilçede"),
        (34, "besiktas", False, 0.6, "Aynı ilde"),
        (41, None, False, 0.3, "Komşu ilde"),
        (6, None, False, 0.0, None),
        (6, None, True, 1.0, "Çevrim içi program"),
    ],
)
def test_distance_part(province, district_slug, online, value, reason):
    role = RoleFactory(program__is_online=online)
    profile = VolunteerProfileFactory(
        province=Province.objects.get(code=province),
        district=district(province, district_slug) if district_slug else None,
    )
    result = score(profile, role)
    assert parts_of(result)["distance"] == value
    distance_reasons = {"Aynı ilçede", "Aynı ilde", "Komşu ilde", "Çevrim içi program"}
    shown = [text for text in result.reasons if text in distance_reasons]
    assert shown == ([reason] if reason else [])


def test_interest_halves_are_explained_separately():
    area = WorkingArea.objects.order_by("sort_order").first()
    group = TargetGroup.objects.order_by("sort_order").first()
    role = RoleFactory(program__working_area=area, program__target_groups=[group])
    only_area = score(VolunteerProfileFactory(working_areas=[area]), role)
    only_group = score(VolunteerProfileFactory(target_groups=[group]), role)
    assert parts_of(only_area)["interests"] == 0.5
    assert "Çalışma alanı ilgi alanlarında" in only_area.reasons
    assert parts_of(only_group)["interests"] == 0.5
    assert "Hedef grup ilgi alanlarında" in only_group.reasons


def test_reasons_never_mention_credentials_or_recovery():
    role = RoleFactory(requires_mentor=True, requires_background_check=True)
    profile = VolunteerProfileFactory()
    grant_mentor(profile.user)
    text = " ".join(score(profile, role).reasons).lower()
    assert "mentor" not in text and "iyileşme" not in text and "sicil" not in text


def test_weights_come_from_the_settings():
    settings = MatchingSettings.load()
    for name in ("skills", "interests", "distance", "languages", "experience"):
        setattr(settings, f"weight_{name}", 0)
    settings.weight_availability = 4
    settings.save()
    role = RoleFactory()
    result = score(VolunteerProfileFactory(availability=TUESDAY_EVENING), role)
    assert result.total == 100.0
    assert result.reasons == ["Programın bütün zamanlarında uygun"]


def test_recommendations_carry_the_reasons_and_the_ranked_figure(role):
    profile = VolunteerProfileFactory()
    [recommendation] = recommended_candidates(role)
    assert recommendation.profile == profile
    assert recommendation.score == score(profile, role).total == recommendation.ranked_score
    assert "Aynı ilçede" in recommendation.reasons
    [mine] = recommended_roles(profile.user)
    assert mine.role == role and mine.score == recommendation.score
    assert mine.reasons == recommendation.reasons


# --- Ranking in SQL against the Python reference ----------------------------------------------


ISTANBUL_DISTRICTS = ("kadikoy", "besiktas", "uskudar", "sisli")


def random_world(seed: int, *, profiles: int = 30, roles: int = 5):
    """Volunteers and roles with random skills, languages, interests, hours and places, and
    enough rule-breakers (consent, age, languages, credentials, clashes) to matter."""
    rng = random.Random(seed)
    skills = list(Skill.objects.all())
    languages = list(Language.objects.all())
    areas = list(WorkingArea.objects.all())
    groups = list(TargetGroup.objects.all())
    trainings = list(Training.objects.all())
    coordinator = staff_user(StaffRole.ADMIN)
    provinces = [34, 34, 34, 41, 59, 6, 35]
    slots = [bit(day, part) for day in range(7) for part in range(3)]

    def some(items, most):
        return rng.sample(items, rng.randint(0, most))

    def mask(most):
        value = 0
        for slot in rng.sample(slots, rng.randint(1, most)):
            value |= slot
        return value

    made_roles = []
    for _n in range(roles):
        code = rng.choice(provinces)
        program = ProgramFactory(
            province=Province.objects.get(code=code),
            district=(
                district(34, rng.choice(ISTANBUL_DISTRICTS))
                if code == 34 and rng.random() < 0.8
                else None
            ),
            is_online=rng.random() < 0.15,
            working_area=rng.choice(areas),
            target_groups=some(groups, 3),
            schedule=mask(4),
        )
        made_roles.append(
            RoleFactory(
                program=program,
                places=rng.randint(1, 4),
                required_skills=some(skills, 4),
                required_languages=some(languages[:3], 1) if rng.random() < 0.3 else [],
                helpful_languages=some(languages, 3),
                minimum_age=rng.choice([None, None, 18, 25]),
                requires_mentor=rng.random() < 0.15,
                requires_background_check=rng.random() < 0.2,
                required_trainings=some(trainings, 1) if rng.random() < 0.2 else [],
            )
        )
    made_profiles = []
    for _n in range(profiles):
        code = rng.choice(provinces)
        profile = VolunteerProfileFactory(
            consent=rng.random() > 0.1,
            is_active=rng.random() > 0.05,
            province=Province.objects.get(code=code),
            district=district(34, rng.choice(ISTANBUL_DISTRICTS)) if code == 34 else None,
            birth_date=rng.choice([None, years_ago(rng.randint(15, 60), rng.randint(0, 364))]),
            availability=mask(8),
            skills=some(skills, 6),
            languages=some(languages, 4),
            working_areas=some(areas, 2),
            target_groups=some(groups, 3),
        )
        if rng.random() < 0.3:
            profile.has_participated = True
            profile.save(update_fields=["has_participated"])
        if rng.random() < 0.3:
            grant_mentor(profile.user)
        if rng.random() < 0.4:
            check(profile.user, today() + dt.timedelta(days=rng.randint(-30, 300)))
        for training in some(trainings, 3):
            training_record(
                person=profile.user, training=training, completed_on=today(), by=coordinator
            )
        made_profiles.append(profile)
    # Some placements: holding places (full roles, clashes) and open applications.
    for profile in rng.sample(made_profiles, 8):
        status = rng.choice([Match.Status.PROPOSED, Match.Status.ACCEPTED, Match.Status.ACTIVE])
        place(rng.choice(made_roles), profile.user, status)
    return made_profiles, made_roles


def reference_candidates(role, profiles):
    allowed = [profile for profile in profiles if refusal(profile.user, role) is None]
    ranked = sorted(allowed, key=lambda profile: (-score(profile, role).total, profile.pk))
    return [(profile.pk, score(profile, role).total) for profile in ranked]


def reference_roles(profile, roles):
    allowed = [role for role in roles if refusal(profile.user, role) is None]
    ranked = sorted(allowed, key=lambda role: (-score(profile, role).total, role.pk))
    return [(role.pk, score(profile, role).total) for role in ranked]


@pytest.mark.parametrize(
    ("seed", "weights"),
    [
        (1, None),
        (2, (7, 13, 29, 11, 3, 5)),
        (3, (1, 1, 1, 1, 1, 1)),
        (4, (0, 3, 0, 7, 0, 0)),
    ],
)
def test_sql_ranking_equals_the_python_reference(seed, weights):
    if weights is not None:
        settings = MatchingSettings.load()
        for name, value in zip(
            ("skills", "interests", "distance", "availability", "languages", "experience"),
            weights,
            strict=True,
        ):
            setattr(settings, f"weight_{name}", value)
        settings.save()
    profiles, roles = random_world(seed)
    for profile in profiles:
        profile.refresh_from_db()
    compared = 0
    for role in roles:
        role.refresh_from_db()
        ranked = [
            (item.profile.pk, item.ranked_score) for item in recommended_candidates(role, limit=100)
        ]
        assert ranked == reference_candidates(role, profiles)
        for item in recommended_candidates(role, limit=100):
            assert item.score == item.ranked_score
        compared += len(ranked)
    for profile in profiles:
        ranked = [
            (item.role.pk, item.ranked_score) for item in recommended_roles(profile.user, limit=100)
        ]
        assert ranked == reference_roles(profile, roles)
    assert compared > 5  # the random world must leave some allowed pairs to compare


def test_limit_keeps_the_best(role):
    profiles = [VolunteerProfileFactory() for _n in range(5)]
    for number, profile in enumerate(profiles[:3]):
        profile.has_participated = number != 1
        profile.save(update_fields=["has_participated"])
    ranked = recommended_candidates(role, limit=2)
    assert [item.profile.pk for item in ranked] == [profiles[0].pk, profiles[2].pk]


def test_roles_for_me_lists_only_open_roles_with_free_places(control):
    open_role = RoleFactory()
    full = RoleFactory(places=1)
    place(full, VolunteerProfileFactory().user)
    RoleFactory(is_open=False)
    RoleFactory(program__status=Program.Status.DRAFT)
    assert role_ids_for(control.user) == [open_role.pk]


# --- Query counts -----------------------------------------------------------------------------


def grow(count: int):
    skills = list(Skill.objects.all()[:4])
    for _n in range(count):
        profile = VolunteerProfileFactory(skills=skills[:2], languages=[language("Arapça")])
        grant_mentor(profile.user)
        role = RoleFactory(
            required_skills=skills,
            helpful_languages=[language("Arapça")],
        )
        check(profile.user, today() + dt.timedelta(days=30))
        place(role, VolunteerProfileFactory().user, Match.Status.PROPOSED)


def count_queries(function, *args) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        result = function(*args, limit=50)
    return len(queries), len(result)


def test_recommendations_take_a_constant_number_of_queries(django_assert_max_num_queries):
    role = RoleFactory(helpful_languages=[language("Arapça")], requires_mentor=True)
    volunteer = VolunteerProfileFactory()
    MatchingSettings.load()
    grow(2)
    small = (
        count_queries(recommended_candidates, role),
        count_queries(recommended_roles, volunteer.user),
    )
    grow(12)
    large = (
        count_queries(recommended_candidates, role),
        count_queries(recommended_roles, volunteer.user),
    )

    assert small[0][0] == large[0][0] and small[1][0] == large[1][0]
    assert large[0][1] > small[0][1] and large[1][1] > small[1][1]
    with django_assert_max_num_queries(8):
        recommended_candidates(role)
    with django_assert_max_num_queries(12):
        recommended_roles(volunteer.user)


def test_accepting_an_application_for_a_role_filled_since_is_refused(outbox):
    from accreditation.factories import OrganisationFactory
    from core.factories import UserFactory
    from volunteers.exceptions import MatchRefused
    from volunteers.placements import match_accept, match_apply

    owner = UserFactory()
    role = RoleFactory(
        places=1, program__organisation=OrganisationFactory(accredited=True, owner=owner)
    )
    first, second = VolunteerProfileFactory.create_batch(2)
    first_match = match_apply(role=role, person=first.user)
    second_match = match_apply(role=role, person=second.user)
    match_accept(match=first_match, by=owner)

    with pytest.raises(MatchRefused) as refused:
        match_accept(match=second_match, by=owner)
    assert refused.value.reason == Rule.FULL
    second_match.refresh_from_db()
    assert second_match.status == Match.Status.PROPOSED
