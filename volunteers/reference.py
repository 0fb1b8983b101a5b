"""The first skills, languages and trainings (staff edit them afterwards in the admin)."""

from accreditation.text import slugify_tr

SKILLS = [
    ("Akran desteği", "Peer support"),
    ("Grup kolaylaştırma", "Group facilitation"),
    ("Ev ziyareti", "Home visits"),
    ("Ders desteği", "Tutoring"),
    ("Spor koçluğu", "Sports coaching"),
    ("Sanat ve müzik atölyesi", "Arts and music workshops"),
    ("Aile iletişimi", "Family communication"),
    ("Gençlik çalışması", "Youth work"),
    ("Sosyal medya ve iletişim", "Social media and communications"),
    ("Etkinlik düzenleme", "Event organising"),
    ("Tercümanlık", "Interpreting"),
    ("İlk yardım", "First aid"),
    ("Dinleme ve yönlendirme", "Listening and signposting"),
    ("Rol model konuşmaları", "Role-model talks"),
    ("Mesleki beceri eğitimi", "Vocational skills training"),
    ("Dijital okuryazarlık", "Digital literacy"),
    ("Psikolojik ilk yardım", "Psychological first aid"),
    ("Yazma ve raporlama", "Writing and reporting"),
]

LANGUAGES = [
    ("Türkçe", "Turkish"),
    ("Kürtçe (Kurmancî)", "Kurdish (Kurmanji)"),
    ("Zazaca", "Zazaki"),
    ("Arapça", "Arabic"),
    ("Farsça", "Persian"),
    ("İngilizce", "English"),
    ("Rusça", "Russian"),
    ("Azerbaycan Türkçesi", "Azerbaijani"),
    ("Türk İşaret Dili", "Turkish Sign Language"),
    ("Almanca", "German"),
]

# name, name_en, hours, valid_years, counts_for_mentor
TRAININGS = [
    ("Akran desteği temel eğitimi", "Peer support basics", 24, None, True),
    ("Deneyim mentorluğu eğitimi", "Experience mentor training", 16, None, True),
    ("Psikolojik ilk yardım eğitimi", "Psychological first aid training", 8, 3, True),
    ("Çocuk koruma eğitimi", "Child protection training", 6, 2, False),
    ("Bağımlılık farkındalık eğitimi", "Addiction awareness training", 4, None, False),
]


def load(apps, schema_editor=None) -> None:
    """Create the terms that are missing; terms staff have edited are left as they are."""
    Skill = apps.get_model("volunteers", "Skill")
    Language = apps.get_model("volunteers", "Language")
    Training = apps.get_model("volunteers", "Training")
    for bit, (name, name_en) in enumerate(SKILLS):
        Skill.objects.get_or_create(
            slug=slugify_tr(name),
            defaults={"name": name, "name_en": name_en, "bit": bit, "sort_order": bit},
        )
    for bit, (name, name_en) in enumerate(LANGUAGES):
        Language.objects.get_or_create(
            slug=slugify_tr(name),
            defaults={"name": name, "name_en": name_en, "bit": bit, "sort_order": bit},
        )
    for order, (name, name_en, hours, valid_years, for_mentor) in enumerate(TRAININGS):
        Training.objects.get_or_create(
            slug=slugify_tr(name),
            defaults={
                "name": name,
                "name_en": name_en,
                "hours": hours,
                "valid_years": valid_years,
                "counts_for_mentor": for_mentor,
                "sort_order": order,
            },
        )
