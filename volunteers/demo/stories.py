"""The demo's stories, oldest first: profiles, programs and roles, then what happened in
İzmir, Iğdır and İstanbul, and the credential applications still in draft."""

import datetime as dt

from accreditation.models import Organisation
from core import services as accounts
from core.dates import add_years
from core.demo import person
from core.models import (
    ConsentPurpose,
    District,
    Province,
    SupportUnit,
    TargetGroup,
    User,
    WorkingArea,
)

from .. import credentials, declarations, hours, placements, profiles, programs
from ..models import Language, Match, MatchingSettings, Skill, Training
from .data import (
    EGE,
    IGDIR_UNIT,
    MENTOR_TRAININGS,
    MON,
    PEOPLE,
    PROGRAMS,
    REVIEW_PURPOSE,
    SAT,
    SUN,
    THU,
    TUE,
    UMUT,
    WED,
)
from .steps import (
    CONTINUING,
    _backdate_close,
    _backdate_grant,
    _backdate_start,
    _credential,
    _days,
    _log,
    _mentor_trainings,
    _named,
    _placed,
    _reviewed,
    _supervised,
    _today,
    _trainings,
    _weekday,
)


class Demo:
    def __init__(self):
        self.purposes = {purpose.key: purpose for purpose in ConsentPurpose.objects.all()}
        self.people: dict[str, User] = {}
        self.roles = {}
        self.programs = {}

    def staff(self, email: str) -> User:
        return User.objects.get(email=email)

    # People

    def person(self, email: str, full_name: str) -> User:
        return person(email, full_name)

    def profiles(self) -> None:
        for row in PEOPLE:
            email, name, display, plate, district, year = row[:6]
            languages, skills, areas, groups, availability, monthly, experience, consents = row[6:]
            user = self.person(email, name)
            for key in consents:
                accounts.consent_grant(user=user, purpose=self.purposes[key], source="demo")
            province = Province.objects.get(code=plate)
            profiles.profile_save(
                user=user,
                data={
                    "display_name": display,
                    "phone": f"+90 5{plate:02d} 555 {len(self.people):02d} {year % 100:02d}",
                    "province": province,
                    "district": District.objects.filter(province=province, slug=district).first(),
                    "birth_date": dt.date(year, 1 + len(self.people) % 12, 10),
                    "availability": availability,
                    "hours_per_month": monthly,
                    "experience": experience,
                    "show_mentor_publicly": email == "mentor@demo.example",
                    "is_active": True,
                },
                skills=_named(Skill, skills),
                languages=_named(Language, languages),
                working_areas=list(WorkingArea.objects.filter(sort_order__in=areas)),
                target_groups=_named(TargetGroup, groups),
            )
            self.people[email] = user

    # Programs

    def programs_and_roles(self) -> None:
        unit_province = Province.objects.get(code=76)
        unit, _created = SupportUnit.objects.get_or_create(
            name=IGDIR_UNIT,
            province=unit_province,
            defaults={
                "kind": SupportUnit.Kind.SOCIAL_COHESION,
                "district": District.objects.filter(province=unit_province, slug="merkez").first(),
                "address": "Iğdır İl Sağlık Müdürlüğü, Merkez",
            },
        )
        for spec in PROGRAMS:
            kind, name = spec["runner"]
            if kind == "organisation":
                organisation = Organisation.objects.get(legal_name=name)
                by = organisation.memberships.get(role="owner").user
                runner = {"organisation": organisation}
            else:
                by = self.staff("koordinator.igdir@demo.example")
                runner = {"support_unit": unit}
            province = Province.objects.get(code=spec["plate"])
            program = programs.program_save(
                program=None,
                by=by,
                **runner,
                data={
                    "title": spec["title"],
                    "aims": spec["aims"],
                    "description": spec["description"],
                    "working_area": WorkingArea.objects.get(sort_order=spec["area"]),
                    "province": province,
                    "district": District.objects.get(province=province, slug=spec["district"]),
                    "schedule": spec["schedule"],
                    "schedule_note": spec["schedule_note"],
                    "starts_on": _days(spec["starts"]),
                    "ends_on": _days(spec["ends"]) if spec["ends"] is not None else None,
                },
                target_groups=_named(TargetGroup, spec["groups"]),
            )
            for role_spec in spec["roles"]:
                self.roles[role_spec["key"]] = programs.role_save(
                    role=None,
                    program=program,
                    by=by,
                    data={
                        "title": role_spec["title"],
                        "description": role_spec["description"],
                        "requires_mentor": role_spec.get("mentor", False),
                        "requires_background_check": role_spec.get("background", False),
                        "minimum_age": role_spec["age"],
                        "places": role_spec["places"],
                        "weekly_hours": role_spec["weekly"],
                        "commitment_months": role_spec["months"],
                    },
                    required_skills=_named(Skill, role_spec["skills"]),
                    required_languages=_named(Language, role_spec.get("required_languages", [])),
                    helpful_languages=_named(Language, role_spec.get("helpful_languages", [])),
                    required_trainings=_named(Training, role_spec.get("trainings", [])),
                )
            if spec["publish"]:
                programs.program_publish(program=program, by=by)
            self.programs[spec["title"]] = program
        self.unit = unit

    # Stories, oldest first

    def istanbul(self) -> None:
        p = self.people
        owner = self.staff("ngo@demo.example")
        coordinator = self.staff("coordinator@demo.example")
        umut = Organisation.objects.get(legal_name=UMUT)

        # Trainings and background checks, recorded by the İstanbul coordinator.
        zeynep, irem, emre, kadir = (
            p["gonullu.zeynep@demo.example"],
            p["gonullu.irem@demo.example"],
            p["gonullu.emre@demo.example"],
            p["gonullu.kadir@demo.example"],
        )
        _trainings(zeynep, coordinator, [("Çocuk koruma eğitimi", 150)])
        _trainings(irem, coordinator, [("Çocuk koruma eğitimi", 40)])
        _trainings(emre, coordinator, [("Bağımlılık farkındalık eğitimi", 100)])
        credentials.background_check_record(
            person=zeynep, checked_on=_days(-140), valid_until=_days(590), by=coordinator
        )
        credentials.background_check_record(
            person=irem, checked_on=_days(-30), valid_until=_days(700), by=coordinator
        )
        # Emre's check ran out last month: the volunteer-teacher role refuses him until renewed.
        credentials.background_check_record(
            person=emre, checked_on=_days(-760), valid_until=_days(-35), by=coordinator
        )

        # Zeynep teaches twice a week: approved, waiting and rejected hours, check-ins and a
        # volunteering certificate.
        teacher = self.roles["teacher"]
        match = _placed(
            teacher,
            zeynep,
            owner,
            started_weeks_ago=17,
            message="Ortaokul matematiğinde deneyimliyim; salı ve perşembe gelebilirim.",
        )
        for weeks_ago in (16, 14, 12, 10, 8, 6, 4):
            _log(match, _weekday(weeks_ago, TUE), 4, "Matematik ödev grubu", decide_by=owner)
        _log(
            match,
            _weekday(3, SUN),
            3,
            "Türkçe okuma grubu",
            decide_by=owner,
            reject=(
                "Pazar günü buluşma yapılmadı; tarihi kontrol edip doğru günle yeniden "
                "yazabilirsiniz."
            ),
        )
        _log(match, _weekday(1, THU), 4, "Matematik ödev grubu")  # waiting for the owner
        placements.check_in_add(
            match=match,
            by=zeynep,
            on=_weekday(9, THU),
            mood="going_well",
            note="Grup düzenli geliyor; kesirler çalışma kâğıtları işe yaradı.",
        )
        placements.check_in_add(
            match=match,
            by=owner,
            on=_weekday(2, TUE),
            mood="concerns",
            note="Sınav haftasında katılım düştü; ara tatilde ek buluşma planlayalım.",
        )
        hours.volunteering_certificate_issue(person=zeynep)

        # Kadir: peer-support volunteer for eight months, supervised, mentor credential in review
        # with the demo reviewer, who has read the declaration once.
        peer = self.roles["peer"]
        kadir_match = _placed(
            peer,
            kadir,
            owner,
            started_weeks_ago=36,
            message="Gençlerle meslek atölyeleri yapmak isterim.",
        )
        _mentor_trainings(kadir, coordinator, 260)
        _supervised(kadir_match, owner, first_week=34, weekday=SAT)
        placements.check_in_add(
            match=kadir_match,
            by=kadir,
            on=_weekday(5, SAT),
            mood="going_well",
            note="Ahşap atölyesine gençlerin ilgisi büyük.",
        )
        credential = _credential(kadir, organisation=umut)
        credentials.credential_submit(credential=credential, by=kadir)
        reviewer = self.staff("reviewer@demo.example")
        credentials.credential_assign(credential=credential, reviewer=reviewer, by=coordinator)
        declarations.declaration_read(credential=credential, by=reviewer, purpose=REVIEW_PURPOSE)

        # Waiting for an answer: İrem applied to teach; Emre's application was declined.
        placements.match_apply(
            role=teacher,
            person=irem,
            message="Türkçe okuma ve işaret dili desteği verebilirim.",
        )
        declined = placements.match_apply(
            role=peer, person=emre, message="Cumartesi sabahları gelebilirim."
        )
        placements.match_decline(
            match=declined,
            by=owner,
            note=(
                "Buluşmalarımızın çoğu hafta içi öğleden sonra; bu dönem yalnızca cumartesi "
                "katılım grup düzenine uymuyor. Üsküdar'daki spor buluşmalarımız başladığında "
                "sizi davet etmek isteriz."
            ),
        )

    def izmir(self) -> None:
        p = self.people
        owner = self.staff("stk.ege@demo.example")
        coordinator = self.staff("koordinator.izmir@demo.example")
        board = self.staff("kurul2@demo.example")
        ege = Organisation.objects.get(legal_name=EGE)
        visit, family = self.roles["visit"], self.roles["family"]

        # Cemal: a home-visit volunteer three years ago, mentor credential granted two years
        # ago and not renewed (no continuing-education hours), so the daily job expired it.
        cemal = p["gonullu.cemal@demo.example"]
        _mentor_trainings(cemal, coordinator, 1000)
        old = _placed(visit, cemal, owner, started_weeks_ago=150)
        _supervised(old, owner, first_week=148, weekday=MON)
        placements.match_close(
            match=old,
            by=owner,
            reason=Match.Closure.COMPLETED,
            note="Süpervizyonlu gönüllülük dönemi tamamlandı; teşekkür ederiz.",
        )
        _backdate_close(old, _days(-7 * 116))
        credential = _credential(cemal, organisation=ege)
        _reviewed(
            credential,
            coordinator=coordinator,
            reviewer=self.staff("degerlendirici.izmir2@demo.example"),
            grant=True,
            note="Eğitim ve süpervizyon saatleri tamam; referans olumlu.",
        )
        credentials.credential_decide(credential=credential, by=board, grant=True)
        years = MatchingSettings.load().mentor_term_years
        _backdate_grant(credential, add_years(_days(-20), -years))
        credentials.renew_or_expire_credentials(today=_today())

        # Hatice and Murat visit Kurdish-speaking families; Murat's credential is submitted and
        # waits for the İzmir coordinator to assign a reviewer.
        hatice, murat = p["gonullu.hatice@demo.example"], p["gonullu.murat@demo.example"]
        match = _placed(visit, hatice, owner, started_weeks_ago=22)
        for weeks_ago in (20, 17, 13, 9, 5):
            _log(match, _weekday(weeks_ago, WED), 4, "Ev ziyaretleri", decide_by=owner)
        _log(match, _weekday(1, MON), 5, "Ev ziyaretleri ve ekip toplantısı")  # waiting
        placements.check_in_add(
            match=match,
            by=hatice,
            on=_weekday(4, WED),
            mood="needs_support",
            note="Bazı ziyaretler duygusal olarak yorucu; ekip süpervizyonuna katılmak istiyorum.",
        )
        murat_match = _placed(visit, murat, owner, started_weeks_ago=32)
        _mentor_trainings(murat, coordinator, 300)
        _supervised(murat_match, owner, first_week=30, weekday=MON)
        credential = _credential(murat, organisation=ege)
        credentials.credential_submit(credential=credential, by=murat)

        # Nermin facilitates family meetings; her credential was declined, with the reason.
        nermin = p["gonullu.nermin@demo.example"]
        nermin_match = _placed(family, nermin, owner, started_weeks_ago=32)
        _mentor_trainings(nermin, coordinator, 320)
        _supervised(nermin_match, owner, first_week=31, weekday=WED)
        credential = _credential(nermin, organisation=ege)
        note = (
            "Referans yazısı, deneyim mentorluğu görevine ilişkin gözlem içermiyor. "
            "Referansınızı güncelleyerek yeniden başvurabilirsiniz."
        )
        _reviewed(
            credential,
            coordinator=coordinator,
            reviewer=self.staff("degerlendirici.izmir1@demo.example"),
            grant=False,
            note=note,
        )
        credentials.credential_decide(credential=credential, by=board, grant=False, note=note)

        # Meryem was accepted and starts next week; Sahar, in neighbouring Manisa, is invited.
        meryem = placements.match_apply(
            role=family,
            person=p["gonullu.meryem@demo.example"],
            message="Arapça tercüme desteği verebilirim.",
        )
        placements.match_accept(match=meryem, by=owner)
        placements.match_invite(
            role=family,
            person=p["gonullu.sahar@demo.example"],
            by=owner,
            message=(
                "Farsça konuşan ailelerin katıldığı buluşmalarımızda sizinle çalışmak isteriz."
            ),
        )

    def igdir(self) -> None:
        p = self.people
        coordinator = self.staff("koordinator.igdir@demo.example")
        reviewer = self.staff("degerlendirici.igdir1@demo.example")
        mentor_role, facilitator = self.roles["mentor"], self.roles["facilitator"]

        # İbrahim (mentor@): a year of supervised facilitation, then the credential, granted by
        # the board; now placed as the program's experience mentor, shown publicly by choice.
        mentor = p["mentor@demo.example"]
        _mentor_trainings(mentor, coordinator, 330)
        first = _placed(
            facilitator,
            mentor,
            coordinator,
            started_weeks_ago=52,
            message="Azerbaycan Türkçesi konuşan katılımcılarla çalışabilirim.",
        )
        _supervised(first, coordinator, first_week=50, weekday=WED)
        placements.match_close(
            match=first,
            by=coordinator,
            reason=Match.Closure.COMPLETED,
            note="Süpervizyonlu dönem tamamlandı; deneyim mentoru rolüne geçiyor.",
        )
        _backdate_close(first, _days(-7 * 21))
        credential = _credential(mentor, unit=self.unit)
        _reviewed(
            credential,
            coordinator=coordinator,
            reviewer=reviewer,
            grant=True,
            note=(
                "Eğitim ve süpervizyon saatleri tamam; birim referansı ve görüşme olumlu. "
                "Deneyim mentoru olarak görev alması uygundur."
            ),
        )
        credentials.credential_decide(
            credential=credential,
            by=self.staff("board@demo.example"),
            grant=True,
            note="Değerlendirici görüşü doğrultusunda verildi.",
        )
        _backdate_grant(credential, _days(-7 * 18))
        invitation = placements.match_invite(
            role=mentor_role,
            person=mentor,
            by=coordinator,
            message="Rol model buluşmalarımızda deneyim mentoru olarak yer almanızı isteriz.",
        )
        placements.match_accept(match=invitation, by=mentor)
        placements.match_start(match=invitation, by=coordinator)
        _backdate_start(invitation, _days(-7 * 16))
        for weeks_ago in (15, 12, 9, 6, 3):
            _log(
                invitation,
                _weekday(weeks_ago, SAT),
                3,
                "Rol model buluşması",
                decide_by=coordinator,
            )
        _log(
            invitation,
            _weekday(10, THU),
            8,
            "Sürekli eğitim: damgalamayan dil ve iyileşme odaklı iletişim semineri",
            kind=CONTINUING,
            decide_by=coordinator,
        )
        _log(
            invitation,
            _weekday(1, THU),
            4,
            "Sürekli eğitim: süpervizyon grubu",
            kind=CONTINUING,
        )  # waiting
        placements.check_in_add(
            match=invitation,
            by=mentor,
            on=_weekday(8, SAT),
            mood="going_well",
            note="Gruptaki gençler iş başvurusu hazırlığı üzerine konuşmak istedi.",
        )
        placements.check_in_add(
            match=invitation,
            by=coordinator,
            on=_weekday(2, WED),
            mood="going_well",
            note="Oturumlara katılım arttı; aylık süpervizyon sürüyor.",
        )

        # Baran facilitates; Aras, from neighbouring Kars, has applied.
        baran = _placed(
            facilitator, p["gonullu.baran@demo.example"], coordinator, started_weeks_ago=20
        )
        for weeks_ago in (18, 14, 10, 6):
            _log(
                baran,
                _weekday(weeks_ago, WED),
                2.5,
                "Oturum hazırlığı ve karşılama",
                decide_by=coordinator,
            )
        _log(baran, _weekday(1, SAT), 2, "Oturum hazırlığı ve karşılama")  # waiting
        placements.check_in_add(
            match=baran,
            by=baran.person,
            on=_weekday(3, WED),
            mood="going_well",
            note="Dil desteği gereken katılımcı sayısı arttı; ikinci kolaylaştırıcı iyi olur.",
        )
        placements.match_apply(
            role=facilitator,
            person=p["gonullu.aras@demo.example"],
            message="Kars'tan cumartesi oturumlarına gelebilirim.",
        )

    def drafts(self) -> None:
        # Kemal has started an application: one training, no supervised hours, no declaration.
        kemal = self.people["gonullu.kemal@demo.example"]
        _trainings(kemal, self.staff("admin@demo.example"), [(MENTOR_TRAININGS[0], 90)])
        _credential(kemal, organisation=Organisation.objects.get(legal_name=UMUT), declare=False)
