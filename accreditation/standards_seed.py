"""Seed data for the portal's NGO accreditation standard, version 1 (2026).

"STK Akreditasyon Standardı, Sürüm 1 (2026)" is plain reference data (no Django imports) that a
data migration or the demo loader turns into the standard, its criterion groups and criteria.
Every text is given in Turkish (``title``, ``guidance``…) and English (``*_en``); level
descriptions are ``(tr, en)`` pairs keyed by score 0–3. A criterion marked ``mandatory`` must
score at least 2 for an application to be accredited, whatever the weighted total.

Where the content comes from:

* The 2018 İstanbul Public–NGO Cooperation Workshop report (``shared/seeds/000_…``): standards,
  service definitions and limits for NGOs in the addiction field, supervised by the Ministry of
  Health or an independent scientific board; first contact always with the Addiction Counselling
  Units (BDB), NGOs joining after professional support; ALO 191; privacy, ethics and avoiding
  social exclusion; trained and accredited experience mentors in Social Cohesion Units; home
  visits by volunteer teams; certified NGOs and staff; performance indicators, regular meetings
  and impact analysis; a shared platform that avoids duplicated work; revised, non-labelling
  language.
* The national child-protection coordination strategy (``shared/seeds/001_…``): the best interests
  of the child (UN Convention on the Rights of the Child, Art. 3 and 19), Child Protection Law
  No. 5395, and careful recording and sharing of personal data about children.
* Turkish law the criteria refer to: Law No. 6698 on the Protection of Personal Data (KVKK),
  the Associations Law (DERBİS) and Foundations Law (VAKIFBİS) registration and reporting
  duties, and Fundraising Law No. 2860.

Wording follows the portal's stigma-free language rules. A published version is never edited in
place: changes go into a new version with its own seed.
"""

STANDARD = {
    "code": "STK-AKR",
    "version": 1,
    "title": "STK Akreditasyon Standardı, Sürüm 1 (2026)",
    "title_en": "NGO Accreditation Standard, version 1 (2026)",
    "introduction": (
        "Bu standart, bağımlılıkla mücadele alanında önleme ve sosyal uyum çalışmaları yürüten "
        "sivil toplum kuruluşlarının asgari niteliklerini, hizmet tanımlarını ve hizmet "
        "sınırlarını belirler; 2018 yılında İstanbul'da düzenlenen Kamu–STK İşbirliği Çalıştayının "
        "önerilerine dayanır. Standardın uygulanması Sağlık Bakanlığı adına il sağlık "
        "müdürlüklerince yürütülür ve bağımsız bir bilim kurulunun gözetimindedir. Akredite "
        "kuruluşlar tanı koymaz, tedavi uygulamaz ve vaka takibi yapmaz: yardım arayan kişinin ve "
        "yakınlarının ilk teması her zaman Bağımlılık Danışma Birimleri (BDB) veya ALO 191 "
        "Bağımlılık Danışma Hattı ile kurulur; STK'lar sürece profesyonel destekten sonra dâhil "
        "olur."
    ),
    "introduction_en": (
        "This standard sets the minimum requirements, service definitions and service limits for "
        "non-governmental organisations that carry out prevention and social cohesion work in the "
        "field of addiction; it builds on the proposals of the Public–NGO Cooperation Workshop "
        "held in İstanbul in 2018. It is applied by the provincial health directorates on behalf "
        "of the Ministry of Health and overseen by an independent scientific board. Accredited "
        "organisations do not diagnose, treat or manage cases: the first contact of a person "
        "seeking help, or of their family, is always with the Addiction Counselling Units (BDB) or "
        "the ALO 191 addiction helpline, and NGOs join the process after professional support has "
        "begun."
    ),
}

# The 0–3 scale used for every criterion: (score, Turkish label, English label).
LEVELS = [
    (0, "Karşılanmıyor", "Not met"),
    (1, "Kısmen karşılanıyor", "Partly met"),
    (2, "Karşılanıyor", "Met"),
    (3, "Örnek uygulama", "Exemplary"),
]

# Nine criterion groups in a fixed order; criterion codes are stable identifiers (never reuse
# a code for a different requirement in a later version).
GROUPS = [
    {
        "code": "G1",
        "title": "Yönetişim ve yasal durum",
        "title_en": "Governance and legal standing",
        "criteria": [
            {
                "code": "G1.1",
                "title": "Tüzel kişilik ve güncel kayıt",
                "title_en": "Legal personality and up-to-date registration",
                "guidance": (
                    "Değerlendirici, kuruluşun dernek ya da vakıf olarak tüzel kişilik "
                    "kazandığını, DERBİS veya VAKIFBİS kaydının güncel olduğunu ve tüzüğünde ya da "
                    "vakıf senedinde bağımlılıkla mücadele, sağlığın korunması veya sosyal uyum "
                    "alanında çalışma amacının yer aldığını doğrular. Yasal bildirimlerin (yıllık "
                    "beyanname, organ değişiklikleri, adres değişikliği) süresinde yapılıp "
                    "yapılmadığına ve kuruluş hakkında süren bir fesih ya da faaliyetten men "
                    "süreci olup olmadığına bakılır."
                ),
                "guidance_en": (
                    "The assessor confirms that the organisation has legal personality as an "
                    "association (dernek) or foundation (vakıf), that its DERBİS or VAKIFBİS "
                    "record is current, and that its statute or foundation deed includes work on "
                    "addiction prevention, health protection or social cohesion. Assessors check "
                    "that statutory notifications (annual declaration, changes to governing "
                    "bodies, change of address) were filed on time and that no dissolution or "
                    "suspension proceedings are pending against the organisation."
                ),
                "required_evidence": (
                    "Dernek tüzüğü veya vakıf senedi; DERBİS ya da VAKIFBİS kayıt çıktısı; son iki "
                    "yılın yıllık dernek beyannamesi (vakıflar için Vakıflar Genel Müdürlüğüne "
                    "sunulan yıllık beyanname); yönetim ve denetim organlarının güncel listesi"
                ),
                "required_evidence_en": (
                    "Association statute or foundation deed; DERBİS or VAKIFBİS registration "
                    "printout; the annual association declarations for the last two years (for "
                    "foundations, the annual declaration submitted to the General Directorate of "
                    "Foundations); current list of the governing and audit bodies"
                ),
                "levels": {
                    0: (
                        (
                            "Tüzel kişilik yok, kayıt bulunamıyor ya da kuruluş hakkında fesih "
                            "veya faaliyetten men süreci sürüyor."
                        ),
                        (
                            "No legal personality, no registration can be found, or dissolution or "
                            "suspension proceedings are under way."
                        ),
                    ),
                    1: (
                        (
                            "Kayıt mevcut ancak yasal bildirimler gecikmiş ya da tüzükte veya "
                            "vakıf senedinde bağımlılık, sağlık ya da sosyal uyum amacı yer "
                            "almıyor."
                        ),
                        (
                            "Registered, but statutory filings are overdue or the statute or deed "
                            "does not cover addiction, health or social cohesion."
                        ),
                    ),
                    2: (
                        (
                            "Kayıt güncel, bildirimler süresinde yapılmış ve kuruluşun amacı "
                            "başvurulan hizmetleri kapsıyor."
                        ),
                        (
                            "Registration is current, filings are on time and the organisation's "
                            "purpose covers the services applied for."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak kuruluş en az iki yıldır bu alanda kesintisiz çalışıyor; "
                            "tüzüğü, organ üyeleri ve yıllık faaliyet raporları kamuya açık."
                        ),
                        (
                            "In addition, the organisation has worked in the field continuously "
                            "for at least two years and publishes its statute, board members and "
                            "annual activity reports."
                        ),
                    ),
                },
                "weight": 3,
                "mandatory": True,
            },
            {
                "code": "G1.2",
                "title": "Yönetim organlarının işleyişi ve iç denetim",
                "title_en": "Functioning of governing bodies and internal audit",
                "guidance": (
                    "Genel kurulun tüzükte öngörülen sürelerde toplandığı, yönetim kurulu "
                    "kararlarının karar defterine işlendiği ve denetim kurulunun (vakıflarda vakıf "
                    "senedinde öngörülen denetim organının) en az yılda bir rapor hazırladığı "
                    "aranır. Görev ve yetki dağılımının yazılı olması ve akreditasyon "
                    "yazışmalarını yürütecek yetkili kişinin yönetim kurulu kararıyla belirlenmiş "
                    "olması beklenir."
                ),
                "guidance_en": (
                    "Assessors look for a general assembly that meets within the periods set in "
                    "the statute, board decisions entered in the decision book, and an audit board "
                    "(for foundations, the audit body named in the deed) that reports at least "
                    "once a year. Duties and powers should be assigned in writing, and the person "
                    "authorised to handle accreditation correspondence should be appointed by a "
                    "board decision."
                ),
                "required_evidence": (
                    "Son genel kurul tutanağı ve hazır bulunanlar listesi; karar defterinden son "
                    "bir yıla ait örnek kararlar; son iki denetim kurulu raporu; akreditasyon "
                    "işlemleri için yetkilendirme kararı"
                ),
                "required_evidence_en": (
                    "Minutes and attendance list of the last general assembly; sample decisions "
                    "from the decision book covering the last year; the last two audit board "
                    "reports; board decision authorising the contact person for accreditation"
                ),
                "levels": {
                    0: (
                        (
                            "Genel kurul süresinde yapılmamış ya da karar ve denetim kayıtları "
                            "tutulmuyor."
                        ),
                        (
                            "The general assembly has not been held on time, or no decision or "
                            "audit records are kept."
                        ),
                    ),
                    1: (
                        (
                            "Organlar toplanıyor ancak kararlar düzensiz kayda geçiriliyor ya da "
                            "denetim raporu yok."
                        ),
                        (
                            "The bodies meet, but decisions are recorded irregularly or there is "
                            "no audit report."
                        ),
                    ),
                    2: (
                        (
                            "Genel kurul, yönetim ve denetim organları tüzüğe uygun çalışıyor; "
                            "kararlar ve denetim raporları düzenli tutuluyor."
                        ),
                        (
                            "The general assembly, board and audit body work as the statute "
                            "requires; decisions and audit reports are kept regularly."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak denetim bulgularının kapatılması izleniyor ve yönetim "
                            "kurulu yılda en az bir kez hizmet kalitesini ve riskleri gözden "
                            "geçirip kayda geçiriyor."
                        ),
                        (
                            "In addition, closure of audit findings is tracked and the board "
                            "reviews service quality and risks at least once a year and minutes "
                            "the review."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
            {
                "code": "G1.3",
                "title": "Bağımsızlık ve çıkar çatışmalarının yönetimi",
                "title_en": "Independence and management of conflicts of interest",
                "guidance": (
                    "Kuruluşun özel tedavi merkezleri, ilaç ve takviye üreticileri gibi ticari "
                    "taraflarla ilişkilerini açıkladığı, yönlendirme karşılığında ücret, komisyon "
                    "veya başka bir menfaat almadığı ve faaliyetlerini siyasi propaganda ya da "
                    "ticari tanıtım aracı olarak kullanmadığı aranır. Yönetim kurulu üyelerinin ve "
                    "kilit çalışanların her yıl çıkar çatışması beyanı vermesi beklenir."
                ),
                "guidance_en": (
                    "Assessors look for disclosure of relationships with commercial parties such "
                    "as private treatment centres or makers of medicines and supplements, for the "
                    "absence of any fee, commission or other benefit in return for referrals, and "
                    "for activities that are not used for political propaganda or commercial "
                    "promotion. Board members and key staff are expected to file a "
                    "conflict-of-interest declaration every year."
                ),
                "required_evidence": (
                    "Yazılı çıkar çatışması politikası; yönetim kurulu üyeleri ve kilit "
                    "çalışanların imzalı yıllık beyanları; ticari kuruluşlarla yapılan sponsorluk "
                    "ve işbirliği sözleşmeleri"
                ),
                "required_evidence_en": (
                    "Written conflict-of-interest policy; signed annual declarations of board "
                    "members and key staff; sponsorship and cooperation agreements with commercial "
                    "organisations"
                ),
                "levels": {
                    0: (
                        (
                            "Çıkar çatışması ele alınmıyor ya da yönlendirme karşılığında menfaat "
                            "sağlandığına ilişkin bulgu var."
                        ),
                        (
                            "Conflicts of interest are not addressed, or there is evidence of "
                            "benefits received in return for referrals."
                        ),
                    ),
                    1: (
                        "Sözlü bir anlayış var ancak yazılı politika veya yıllık beyanlar eksik.",
                        (
                            "There is an informal understanding, but the written policy or annual "
                            "declarations are missing."
                        ),
                    ),
                    2: (
                        (
                            "Yazılı politika uygulanıyor, beyanlar güncel ve ticari ilişkiler "
                            "açıklanmış."
                        ),
                        (
                            "The written policy is applied, declarations are up to date and "
                            "commercial relationships are disclosed."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak sponsorluk ve işbirlikleri kamuya açık bir listede "
                            "yayımlanıyor ve çatışma durumunda ilgili üyenin karardan çekildiği "
                            "kayıtlarda görülüyor."
                        ),
                        (
                            "In addition, sponsorships and partnerships are published in a public "
                            "list, and records show members withdrawing from decisions where a "
                            "conflict arose."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
        ],
    },
    {
        "code": "G2",
        "title": "Nitelikli personel ve süpervizyon",
        "title_en": "Qualified staff and supervision",
        "criteria": [
            {
                "code": "G2.1",
                "title": "Meslek elemanları ve görev tanımları",
                "title_en": "Professional staff and role descriptions",
                "guidance": (
                    "Hizmetleri yürüten kişilerin görevleriyle uyumlu niteliğe sahip olduğu "
                    "aranır: psikososyal çalışmalarda psikolog, sosyal hizmet uzmanı veya "
                    "psikolojik danışman gibi meslek elemanları, önleme eğitimlerinde bağımlılık "
                    "alanında eğitici eğitimi almış kişiler görev almalıdır. Her görev için yazılı "
                    "görev tanımı, yetki sınırı ve bağlı olunan kişi belirtilmeli; meslek elemanı "
                    "gerektiren bir iş bu niteliği taşımayan kişilere bırakılmamalıdır."
                ),
                "guidance_en": (
                    "Assessors look for people whose qualifications match their tasks: "
                    "psychosocial work is done by professionals such as psychologists, social "
                    "workers or psychological counsellors, and prevention training by people who "
                    "have completed a train-the-trainer course in the addiction field. Every role "
                    "has a written description, a limit of authority and a named line manager; "
                    "work that requires a professional is never left to someone without that "
                    "qualification."
                ),
                "required_evidence": (
                    "Personel ve düzenli görev alan gönüllülerin görev ve nitelik bilgisini içeren "
                    "listesi; diploma ve sertifika örnekleri; imzalı görev tanımları; organizasyon "
                    "şeması"
                ),
                "required_evidence_en": (
                    "List of staff and regular volunteers with their roles and qualifications; "
                    "sample diplomas and certificates; signed role descriptions; organisation "
                    "chart"
                ),
                "levels": {
                    0: (
                        (
                            "Hizmetleri yürütenlerin nitelikleri belgelenemiyor ya da meslek "
                            "elemanı gerektiren işler nitelik taşımayan kişilerce yürütülüyor."
                        ),
                        (
                            "The qualifications of those delivering services cannot be documented, "
                            "or work requiring a professional is done by unqualified people."
                        ),
                    ),
                    1: (
                        (
                            "Nitelikler kısmen belgelenmiş; görev tanımları eksik ya da yetki "
                            "sınırlarını belirtmiyor."
                        ),
                        (
                            "Qualifications are partly documented; role descriptions are missing "
                            "or do not state limits of authority."
                        ),
                    ),
                    2: (
                        (
                            "Tüm hizmetler nitelikli kişilerce yürütülüyor; görev tanımları yazılı "
                            "ve yetki sınırlarını içeriyor."
                        ),
                        (
                            "All services are delivered by qualified people; role descriptions are "
                            "written and include limits of authority."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak ekip kamu kurumlarının veya üniversitelerin bağımlılık "
                            "alanındaki eğitimlerini tamamlamış ve ekibin yetkinlik tablosu her "
                            "yıl güncelleniyor."
                        ),
                        (
                            "In addition, the team has completed addiction-field training run by "
                            "public institutions or universities, and a team competency matrix is "
                            "updated every year."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
            {
                "code": "G2.2",
                "title": "İyileşme sürecindeki kişilerle çalışanların süpervizyonu",
                "title_en": "Supervision of those working with people in recovery",
                "guidance": (
                    "İyileşme sürecindeki kişilerle, ailelerle veya risk altındaki gençlerle "
                    "doğrudan çalışan personelin, gönüllülerin ve deneyim mentorlarının düzenli "
                    "mesleki süpervizyon aldığı aranır. Süpervizyonu alanda deneyimli bir meslek "
                    "elemanı en az ayda bir yürütmeli; kayıtlar hizmet alan kişileri tanımlayan "
                    "bilgi içermeden tutulmalıdır. Süpervizyonda fark edilen risklerin (kriz, "
                    "yeniden madde kullanımı riski, sınır ihlali gibi) BDB'ye veya ilgili kamu "
                    "birimine nasıl aktarılacağı yazılı olmalıdır."
                ),
                "guidance_en": (
                    "Assessors look for regular professional supervision of the staff, volunteers "
                    "and experience mentors who work directly with people in recovery, families or "
                    "young people at risk. Supervision is led by an experienced professional at "
                    "least once a month, and its records contain no information that identifies "
                    "the people served. There is a written path for passing risks noticed in "
                    "supervision (such as a crisis, a risk of renewed substance use or a boundary "
                    "breach) to the BDB or the relevant public unit."
                ),
                "required_evidence": (
                    "Süpervizyon prosedürü; süpervizörün özgeçmişi ve mesleki belgeleri; son altı "
                    "aya ait süpervizyon kayıtları (tarih, katılımcılar ve konu başlıkları; hizmet "
                    "alan kişilerin kimliği olmadan); risk aktarım akışı"
                ),
                "required_evidence_en": (
                    "Supervision procedure; the supervisor's CV and professional credentials; "
                    "supervision records for the last six months (date, participants and topics, "
                    "without the identity of the people served); risk escalation flow"
                ),
                "levels": {
                    0: ("Süpervizyon yapılmıyor.", "No supervision takes place."),
                    1: (
                        (
                            "Süpervizyon düzensiz ya da yalnızca bazı çalışanlar için yapılıyor; "
                            "kayıt veya risk aktarım akışı yok."
                        ),
                        (
                            "Supervision is irregular or covers only some workers; there are no "
                            "records or no risk escalation flow."
                        ),
                    ),
                    2: (
                        (
                            "Doğrudan çalışan herkes en az ayda bir nitelikli bir süpervizörle "
                            "süpervizyon alıyor; kayıtlar ve risk aktarım akışı mevcut."
                        ),
                        (
                            "Everyone in direct contact receives supervision from a qualified "
                            "supervisor at least monthly; records and a risk escalation flow are "
                            "in place."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak bireysel ve grup süpervizyonu birlikte sunuluyor, "
                            "süpervizyon ihtiyacı yılda bir değerlendiriliyor ve dış süpervizör "
                            "desteği alınıyor."
                        ),
                        (
                            "In addition, individual and group supervision are both offered, "
                            "supervision needs are reviewed yearly and an external supervisor is "
                            "involved."
                        ),
                    ),
                },
                "weight": 3,
                "mandatory": True,
            },
            {
                "code": "G2.3",
                "title": "Sürekli eğitim ve çalışan esenliği",
                "title_en": "Continuing training and staff wellbeing",
                "guidance": (
                    "Yıllık bir eğitim planı ile damgalamayan dil, yönlendirme protokolü, KVKK ve "
                    "çocuk koruma konularında yenileme eğitimleri aranır. Tükenmişlik ve ikincil "
                    "travmaya karşı iş yükü sınırı ve destek görüşmesi gibi önlemlerin tanımlı "
                    "olması beklenir."
                ),
                "guidance_en": (
                    "Assessors look for an annual training plan and refresher training on "
                    "stigma-free language, the referral protocol, data protection (KVKK) and child "
                    "safeguarding. Measures against burnout and secondary trauma, such as workload "
                    "limits and support sessions, are expected to be defined."
                ),
                "required_evidence": (
                    "Yıllık eğitim planı ve katılım kayıtları; eğitim içerikleri; çalışan destek "
                    "uygulamalarını gösteren belgeler"
                ),
                "required_evidence_en": (
                    "Annual training plan and attendance records; training content; documents "
                    "showing staff support practices"
                ),
                "levels": {
                    0: (
                        "Planlı eğitim ve çalışan desteği yok.",
                        "There is no planned training and no staff support.",
                    ),
                    1: (
                        (
                            "Eğitimler ara sıra yapılıyor; zorunlu konular kapsanmıyor ya da "
                            "katılım izlenmiyor."
                        ),
                        (
                            "Training is occasional; required topics are not covered or attendance "
                            "is not tracked."
                        ),
                    ),
                    2: (
                        (
                            "Yıllık plan uygulanıyor; zorunlu konularda yenileme eğitimleri "
                            "tamamlanmış ve çalışan desteği tanımlı."
                        ),
                        (
                            "The annual plan is followed; refresher training on required topics is "
                            "complete and staff support is defined."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak eğitimlerin etkisi ölçülüyor, çalışan memnuniyeti ve "
                            "tükenmişlik düzenli izlenerek önlem alınıyor."
                        ),
                        (
                            "In addition, training impact is measured, and staff satisfaction and "
                            "burnout are monitored regularly and acted upon."
                        ),
                    ),
                },
                "weight": 1,
                "mandatory": False,
            },
        ],
    },
    {
        "code": "G3",
        "title": "Hizmet tanımları ve sınırları",
        "title_en": "Service definitions and limits",
        "criteria": [
            {
                "code": "G3.1",
                "title": "Yazılı hizmet tanımları",
                "title_en": "Written service definitions",
                "guidance": (
                    "Kuruluşun sunduğu her hizmet için amaç, hedef grup, yöntem, süre, "
                    "yürütenlerin niteliği, hizmet verilen il ve ilçeler ile hizmetin çalıştayın "
                    "dört çalışma alanından hangisine girdiği yazılı olmalıdır. Bu alanlar "
                    "Koruyucu ve Önleyici Hizmetler; Danışmanlık, Arındırma, Tedavi ve "
                    "Rehabilitasyon Hizmetleri; Sosyal Uyum Hizmetleri ile İletişim, İzleme ve "
                    "Değerlendirmedir. Tanımlar hizmet alanlara ve kamuya anlaşılır bir dille "
                    "duyurulmalıdır."
                ),
                "guidance_en": (
                    "For every service it offers, the organisation states in writing the aim, "
                    "target group, method, duration, qualifications of those delivering it, the "
                    "provinces and districts served, and which of the workshop's four working "
                    "areas it belongs to. These areas are Preventive and Protective Services; "
                    "Counselling, Detoxification, Treatment and Rehabilitation Services; Social "
                    "Cohesion Services; and Communication, Monitoring and Evaluation. The "
                    "definitions are published to participants and the public in plain language."
                ),
                "required_evidence": (
                    "Hizmet kataloğu veya hizmet tanım formları; tanıtım materyalleri ve web "
                    "sitesindeki hizmet sayfaları"
                ),
                "required_evidence_en": (
                    "Service catalogue or service definition forms; promotional material and the "
                    "service pages of the website"
                ),
                "levels": {
                    0: ("Yazılı hizmet tanımı yok.", "There are no written service definitions."),
                    1: (
                        (
                            "Bazı hizmetler tanımlanmış; hedef grup, yöntem veya yürütenlerin "
                            "niteliği eksik."
                        ),
                        (
                            "Some services are defined; target group, method or the qualifications "
                            "of those delivering them are missing."
                        ),
                    ),
                    2: (
                        "Tüm hizmetler eksiksiz tanımlanmış ve tanıtım materyalleriyle tutarlı.",
                        (
                            "All services are fully defined and consistent with the promotional "
                            "material."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak tanımlar hizmet alanların ve paydaş kurumların görüşleriyle "
                            "her yıl gözden geçiriliyor."
                        ),
                        (
                            "In addition, the definitions are reviewed every year with input from "
                            "participants and partner institutions."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
            {
                "code": "G3.2",
                "title": "Tedavi ve vaka yürütme sınırı",
                "title_en": "Boundary on treatment and case handling",
                "guidance": (
                    "Kuruluş tanı koymaz; tedavi, arındırma veya ilaç uygulaması yapmaz; ruhsatsız "
                    "yatılı hizmet sunmaz ve kişiler için vaka dosyası tutmaz: bunlar Sağlık "
                    "Bakanlığınca yetkilendirilmiş tedavi merkezlerinin görevidir. Tanıtım "
                    "materyallerinde kesin iyileşme vaadi, tedavi ima eden ifade ya da ücretli "
                    "'tedavi programı' bulunmamalıdır. Manevi rehberlik psikolojik danışmanlık "
                    "yeterliliği gerektirdiğinden manevi bakımla karıştırılmamalı ve yalnızca "
                    "yetkin kişilerce sunulmalıdır."
                ),
                "guidance_en": (
                    "The organisation does not diagnose, provide treatment, detoxification or "
                    "medication, run unlicensed residential services or keep case files on "
                    "individuals: these are the task of treatment centres authorised by the "
                    "Ministry of Health. Promotional material contains no promise of a cure, no "
                    "wording that implies treatment and no fee-based 'treatment programme'. "
                    "Spiritual guidance (manevi rehberlik) requires psychological counselling "
                    "competence, must not be confused with religious pastoral care (manevi bakım) "
                    "and is offered only by qualified people."
                ),
                "required_evidence": (
                    "Hizmet sınırlarını kabul eden yönetim kurulu kararı; çalışan ve gönüllülerin "
                    "imzaladığı sınırlar taahhüdü; tanıtım materyalleri, web sitesi ve sosyal "
                    "medya hesaplarının incelenmesi; saha ziyareti gözlemleri"
                ),
                "required_evidence_en": (
                    "Board decision adopting the service limits; limits undertaking signed by "
                    "staff and volunteers; review of promotional material, website and social "
                    "media accounts; site-visit observations"
                ),
                "levels": {
                    0: (
                        (
                            "Kuruluş tanı, tedavi, arındırma veya vaka takibi yapıyor ya da "
                            "tanıtımında bunları vaat ediyor."
                        ),
                        (
                            "The organisation diagnoses, treats, detoxifies or manages cases, or "
                            "promises to do so in its promotion."
                        ),
                    ),
                    1: (
                        (
                            "Bu tür hizmet sunulmuyor ancak sınırlar yazılı değil ya da tanıtım "
                            "materyallerinde yanıltıcı ifadeler var."
                        ),
                        (
                            "No such services are offered, but the limits are not written down or "
                            "promotional material contains misleading wording."
                        ),
                    ),
                    2: (
                        (
                            "Sınırlar yazılı ve tüm çalışan ve gönüllülerce imzalanmış; tanıtım "
                            "materyalleri sınırlarla tutarlı."
                        ),
                        (
                            "The limits are written and signed by all staff and volunteers; "
                            "promotional material is consistent with them."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak sınırlar her yeni çalışana ve gönüllüye eğitimle "
                            "aktarılıyor ve yılda bir iç denetimle kontrol ediliyor."
                        ),
                        (
                            "In addition, the limits are taught to every new staff member and "
                            "volunteer and checked by an internal audit once a year."
                        ),
                    ),
                },
                "weight": 3,
                "mandatory": True,
            },
            {
                "code": "G3.3",
                "title": "Kanıta dayalı önleme ve sosyal uyum uygulamaları",
                "title_en": "Evidence-based prevention and social cohesion practice",
                "guidance": (
                    "Önleme ve sosyal uyum programlarının ulusal rehberlere ve UNODC/WHO "
                    "Uluslararası Madde Kullanımını Önleme Standartları gibi uluslararası "
                    "kaynaklara dayandığı aranır. Tek seferlik salon seminerleri yerine yaş "
                    "grubuna uygun, etkileşimli ve süreklilik taşıyan etkinlikler tercih "
                    "edilmelidir. Korku temelli mesajlar, madde gösterimi ve madde kullanımını ya "
                    "da uyuşturucu satıcılarını özendiren anlatımlar kullanılmamalıdır."
                ),
                "guidance_en": (
                    "Assessors look for prevention and social cohesion programmes grounded in "
                    "national guidance and in international sources such as the UNODC/WHO "
                    "International Standards on Drug Use Prevention. Age-appropriate, interactive "
                    "and sustained activities are preferred over one-off lecture-hall seminars. "
                    "Fear-based messages, displays of substances and narratives that glamorise "
                    "substance use or drug dealers are not used."
                ),
                "required_evidence": (
                    "Program belgeleri ve dayandıkları kaynaklar; eğitim sunumları ve "
                    "materyalleri; örnek etkinlik akışları"
                ),
                "required_evidence_en": (
                    "Programme documents and the sources they rely on; training slides and "
                    "materials; sample activity plans"
                ),
                "levels": {
                    0: (
                        (
                            "Programların bir dayanağı yok ya da korku temelli veya özendirici "
                            "içerik kullanılıyor."
                        ),
                        "Programmes have no basis, or fear-based or glamorising content is used.",
                    ),
                    1: (
                        (
                            "Bazı programlar kaynağa dayanıyor ancak çalışmaların çoğu tek "
                            "seferlik seminerlerden oluşuyor."
                        ),
                        (
                            "Some programmes have a documented basis, but most of the work "
                            "consists of one-off seminars."
                        ),
                    ),
                    2: (
                        (
                            "Programlar belgelenmiş kaynaklara dayanıyor, yaşa uygun ve "
                            "etkileşimli; içerikler damgalamayan ve özendirmeyen bir dille "
                            "hazırlanmış."
                        ),
                        (
                            "Programmes rest on documented sources and are age-appropriate and "
                            "interactive; content uses stigma-free, non-glamorising language."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak programlar pilot uygulama ve ölçümle uyarlanmış ve sonuçlar "
                            "paydaşlarla paylaşılmış."
                        ),
                        (
                            "In addition, programmes have been adapted through piloting and "
                            "measurement, and the results shared with partners."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
        ],
    },
    {
        "code": "G4",
        "title": "Bağımlılık Danışma Birimleri ile yönlendirme protokolü",
        "title_en": "Referral protocol with the Addiction Counselling Units (BDB)",
        "criteria": [
            {
                "code": "G4.1",
                "title": "Yazılı yönlendirme protokolü",
                "title_en": "Written referral protocol",
                "guidance": (
                    "Yardım arayan kişinin ya da yakınının ilk temasının her zaman Bağımlılık "
                    "Danışma Birimi (BDB) veya ALO 191 ile kurulmasını sağlayan yazılı bir "
                    "protokol aranır. Protokol; başvuru geldiğinde yönlendirmeyi kimin, hangi "
                    "sürede ve nasıl yapacağını, acil durumlarda 112'nin aranmasını, kişinin "
                    "rızasıyla paylaşılabilecek asgari bilgiyi ve BDB ile İl Sağlık Müdürlüğündeki "
                    "irtibat kişilerini içermelidir. Kuruluş başvuranı kendi bünyesinde vaka "
                    "olarak takip etmez."
                ),
                "guidance_en": (
                    "Assessors look for a written protocol ensuring that the first contact of a "
                    "person seeking help, or of a relative, is always with an Addiction "
                    "Counselling Unit (BDB) or ALO 191. The protocol states who makes the "
                    "referral, how and how quickly, that 112 is called in an emergency, the "
                    "minimum information that may be shared with the person's consent, and the "
                    "contact persons at the BDB and the Provincial Health Directorate. The "
                    "organisation does not follow up the person as a case of its own."
                ),
                "required_evidence": (
                    "Yazılı yönlendirme protokolü ve akış şeması; İl Sağlık Müdürlüğü veya BDB ile "
                    "imzalanmış işbirliği protokolü ya da resmî yazışma; güncel irtibat kişileri "
                    "listesi; son bir yılda yapılan yönlendirmelerin toplu sayıları (kişisel bilgi "
                    "içermeden)"
                ),
                "required_evidence_en": (
                    "Written referral protocol and flowchart; cooperation protocol signed with the "
                    "Provincial Health Directorate or the BDB, or official correspondence; current "
                    "list of contact persons; aggregate counts of referrals made in the last year "
                    "(without personal information)"
                ),
                "levels": {
                    0: (
                        (
                            "Yönlendirme protokolü yok ya da kuruluş yardım isteyen kişileri "
                            "kendisi takip ediyor."
                        ),
                        (
                            "There is no referral protocol, or the organisation follows up people "
                            "seeking help itself."
                        ),
                    ),
                    1: (
                        (
                            "Yönlendirme yapılıyor ancak yazılı değil ya da irtibat kişileri ve "
                            "acil durum adımları belirsiz."
                        ),
                        (
                            "Referrals are made, but not under a written protocol, or contact "
                            "persons and emergency steps are unclear."
                        ),
                    ),
                    2: (
                        (
                            "Yazılı protokol uygulanıyor; BDB ve İl Sağlık Müdürlüğü irtibatları "
                            "güncel; kuruluş vaka takibi yapmıyor."
                        ),
                        (
                            "The written protocol is applied; BDB and Provincial Health "
                            "Directorate contacts are current; the organisation does not manage "
                            "cases."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak İl Sağlık Müdürlüğüyle imzalı bir işbirliği protokolü var "
                            "ve yönlendirme süreci yılda bir birlikte gözden geçiriliyor."
                        ),
                        (
                            "In addition, a cooperation protocol is signed with the Provincial "
                            "Health Directorate and the referral process is reviewed jointly once "
                            "a year."
                        ),
                    ),
                },
                "weight": 3,
                "mandatory": True,
            },
            {
                "code": "G4.2",
                "title": "Başvuru kanallarının görünürlüğü ve ekibin bilgisi",
                "title_en": "Visibility of help channels and team awareness",
                "guidance": (
                    "ALO 191'in ve en yakın BDB'nin iletişim bilgilerinin web sitesinde, sosyal "
                    "medya hesaplarında, basılı materyallerde ve etkinliklerde görünür biçimde yer "
                    "aldığı aranır. Değerlendirici saha ziyaretinde rastgele seçtiği çalışan ve "
                    "gönüllülere yardım isteyen biriyle karşılaştıklarında ne yapacaklarını sorar; "
                    "yanıtların protokolle tutarlı olması beklenir."
                ),
                "guidance_en": (
                    "Assessors look for the contact details of ALO 191 and the nearest BDB shown "
                    "clearly on the website, social media accounts, printed material and at "
                    "events. During the site visit the assessor asks randomly chosen staff and "
                    "volunteers what they would do if someone asked them for help; the answers "
                    "should match the protocol."
                ),
                "required_evidence": (
                    "Web sitesi ve basılı materyal örnekleri; etkinlik afişleri veya fotoğrafları; "
                    "saha ziyaretindeki görüşme notları"
                ),
                "required_evidence_en": (
                    "Samples of the website and printed material; event posters or photographs; "
                    "interview notes from the site visit"
                ),
                "levels": {
                    0: (
                        "Başvuru kanalları duyurulmuyor; ekip yönlendirme adımlarını bilmiyor.",
                        (
                            "Help channels are not publicised; the team does not know the referral "
                            "steps."
                        ),
                    ),
                    1: (
                        (
                            "Kanallar bazı materyallerde yer alıyor; ekibin bir bölümü adımları "
                            "doğru anlatamıyor."
                        ),
                        (
                            "The channels appear on some material; part of the team cannot "
                            "describe the steps correctly."
                        ),
                    ),
                    2: (
                        (
                            "Kanallar tüm iletişim araçlarında görünür; görüşülen çalışan ve "
                            "gönüllüler yönlendirme adımlarını doğru anlatıyor."
                        ),
                        (
                            "The channels are visible in all communication; the staff and "
                            "volunteers interviewed describe the referral steps correctly."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak materyaller farklı dillerde ve erişilebilir biçimlerde "
                            "sunuluyor; yönlendirme bilgisi yılda bir uygulamalı çalışmayla "
                            "tazeleniyor."
                        ),
                        (
                            "In addition, material is offered in several languages and accessible "
                            "formats, and referral knowledge is refreshed once a year through a "
                            "practical exercise."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
            {
                "code": "G4.3",
                "title": "Profesyonel destekten sonra sürece katılım",
                "title_en": "Joining after professional support",
                "guidance": (
                    "Kuruluşun iyileşme sürecindeki kişilerle çalışmaya ancak BDB, tedavi merkezi, "
                    "Sosyal Uyum Birimi veya Denetimli Serbestlik Müdürlüğü gibi yetkili "
                    "birimlerin yönlendirmesiyle ve kişinin rızasıyla başladığı aranır. Kuruluş "
                    "bireysel vakalarla değil programlarla çalışır: katılım sosyal uyum "
                    "programları, etkinlikler ve deneyim mentorlarının desteklediği grup "
                    "çalışmaları üzerinden olur. Yönlendiren birime program düzeyinde ve toplu "
                    "geri bildirim verilir; kişinin yazılı rızası olmadan bireysel bilgi "
                    "paylaşılmaz."
                ),
                "guidance_en": (
                    "Assessors look for work with people in recovery that starts only on referral "
                    "from an authorised unit, such as a BDB, a treatment centre, a Social Cohesion "
                    "Unit or the Probation Directorate, and with the person's consent. The "
                    "organisation works with programmes, not individual cases: participation "
                    "happens through social cohesion programmes, events and group work supported "
                    "by experience mentors. Feedback to the referring unit is given at programme "
                    "level and in aggregate; no individual information is shared without the "
                    "person's written consent."
                ),
                "required_evidence": (
                    "Yetkili birimlerle yürütülen ortak program belgeleri; katılım ve rıza "
                    "adımlarını anlatan prosedür; yönlendiren birimlere gönderilen örnek toplu "
                    "geri bildirimler"
                ),
                "required_evidence_en": (
                    "Joint programme documents with authorised units; procedure describing "
                    "participation and consent steps; sample aggregate feedback sent to referring "
                    "units"
                ),
                "levels": {
                    0: (
                        (
                            "Kuruluş profesyonel destek almamış kişilerle doğrudan sosyal uyum "
                            "çalışması yürütüyor ya da bireysel bilgileri rıza olmadan paylaşıyor."
                        ),
                        (
                            "The organisation runs social cohesion work directly with people who "
                            "have not received professional support, or shares individual "
                            "information without consent."
                        ),
                    ),
                    1: (
                        (
                            "Yetkili birimlerle çalışılıyor ancak katılım ve rıza adımları yazılı "
                            "değil."
                        ),
                        (
                            "The organisation works with authorised units, but participation and "
                            "consent steps are not written down."
                        ),
                    ),
                    2: (
                        (
                            "Katılım yalnızca yetkili birim yönlendirmesi ve kişinin rızasıyla "
                            "başlıyor; geri bildirim program düzeyinde ve toplu veriliyor."
                        ),
                        (
                            "Participation starts only on referral by an authorised unit and with "
                            "the person's consent; feedback is given at programme level and in "
                            "aggregate."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak Sosyal Uyum Birimleriyle ortak bir program takvimi var ve "
                            "programlar birlikte değerlendiriliyor."
                        ),
                        (
                            "In addition, there is a joint programme calendar with the Social "
                            "Cohesion Units and programmes are evaluated together."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
        ],
    },
    {
        "code": "G5",
        "title": "Etik, gizlilik ve kişisel verilerin korunması (KVKK)",
        "title_en": "Ethics, confidentiality and personal data protection (KVKK)",
        "criteria": [
            {
                "code": "G5.1",
                "title": "KVKK uyum çerçevesi",
                "title_en": "Personal data protection framework (KVKK)",
                "guidance": (
                    "Kuruluşun 6698 sayılı Kişisel Verilerin Korunması Kanunu kapsamında veri "
                    "sorumlusu olarak yükümlülüklerini yerine getirdiği aranır. Her işleme amacı "
                    "için aydınlatma metni; gerektiğinde aydınlatma metninden ayrı, amaç bazında "
                    "ve geri alınabilir açık rıza; kişisel veri işleme envanteri; saklama ve imha "
                    "politikası; yükümlülük varsa VERBİS kaydı bulunmalıdır. İlgili kişi "
                    "başvurularının en geç 30 gün içinde yanıtlanması ve veri ihlallerinin Kişisel "
                    "Verileri Koruma Kuruluna bildirilmesi için yazılı prosedür olmalıdır."
                ),
                "guidance_en": (
                    "Assessors look for an organisation that meets its obligations as data "
                    "controller under the Personal Data Protection Law No. 6698 (KVKK). There is a "
                    "privacy notice for each processing purpose; where needed, explicit consent "
                    "that is separate from the privacy notice, given per purpose and withdrawable; "
                    "a record of processing activities; a retention and destruction policy; and "
                    "VERBİS registration where required. Written procedures ensure that "
                    "data-subject requests are answered within 30 days at the latest and that data "
                    "breaches are notified to the Personal Data Protection Board."
                ),
                "required_evidence": (
                    "Aydınlatma metinleri ve ayrı belgeler hâlinde açık rıza metinleri; kişisel "
                    "veri işleme envanteri; saklama ve imha politikası; VERBİS kaydı veya muafiyet "
                    "değerlendirmesi; ilgili kişi başvurusu ve veri ihlali prosedürleri; çalışan "
                    "ve gönüllülerin gizlilik taahhütnameleri"
                ),
                "required_evidence_en": (
                    "Privacy notices and, as separate documents, explicit consent texts; record of "
                    "processing activities; retention and destruction policy; VERBİS registration "
                    "or exemption assessment; data-subject request and data breach procedures; "
                    "confidentiality undertakings signed by staff and volunteers"
                ),
                "levels": {
                    0: (
                        (
                            "Aydınlatma metni ve rıza süreci yok; kişisel veriler denetimsiz "
                            "toplanıyor."
                        ),
                        (
                            "There is no privacy notice and no consent process; personal data is "
                            "collected without control."
                        ),
                    ),
                    1: (
                        (
                            "Aydınlatma metni var ancak açık rıza onunla birleştirilmiş ya da amaç "
                            "bazında değil; envanter veya imha politikası eksik."
                        ),
                        (
                            "A privacy notice exists, but explicit consent is merged into it or "
                            "not given per purpose; the record of processing or the destruction "
                            "policy is missing."
                        ),
                    ),
                    2: (
                        (
                            "Aydınlatma ve ayrı açık rıza metinleri, envanter, saklama ve imha "
                            "politikası, başvuru ve ihlal prosedürleri eksiksiz ve uygulanıyor."
                        ),
                        (
                            "Privacy notices, separate consent texts, the record of processing, "
                            "the retention and destruction policy, and the request and breach "
                            "procedures are complete and applied."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak yılda bir KVKK iç denetimi yapılıyor, bulgular kapatılıyor "
                            "ve toplanan veriler asgari veri ilkesine göre düzenli olarak "
                            "azaltılıyor."
                        ),
                        (
                            "In addition, an internal data protection audit is carried out every "
                            "year, findings are closed and the data collected is regularly reduced "
                            "in line with data minimisation."
                        ),
                    ),
                },
                "weight": 3,
                "mandatory": True,
            },
            {
                "code": "G5.2",
                "title": "Özel nitelikli veriler ve vaka verisi tutmama",
                "title_en": "Special-category data and no case data",
                "guidance": (
                    "Sağlık ve bağımlılık bilgisi, dernek üyeliği ve ceza mahkûmiyeti gibi özel "
                    "nitelikli kişisel veriler yalnızca zorunlu olduğunda, Kanunun 6. maddesindeki "
                    "şartlara ve Kişisel Verileri Koruma Kurulunun belirlediği yeterli önlemlere "
                    "uygun olarak işlenmelidir. Kuruluş tedavi gören veya iyileşme sürecindeki "
                    "kişiler hakkında vaka verisi tutmaz ve portala bu tür bilgi girmez; portalda "
                    "yalnızca program düzeyindeki bilgiler ve toplu sayılar yer alır. Bu verilere "
                    "erişim yetkili kişilerle sınırlanmalı, erişimler kayıt altına alınmalı ve "
                    "veriler şifreli ortamda saklanmalıdır."
                ),
                "guidance_en": (
                    "Special categories of personal data, such as health and addiction "
                    "information, association membership and criminal convictions, are processed "
                    "only where necessary, under the conditions of Article 6 of the Law and with "
                    "the adequate measures set by the Personal Data Protection Board. The "
                    "organisation keeps no case data about people in treatment or recovery and "
                    "enters no such information on the portal; the portal holds only "
                    "programme-level information and aggregate counts. Access to such data is "
                    "limited to authorised people, every access is logged and the data is stored "
                    "encrypted."
                ),
                "required_evidence": (
                    "Özel nitelikli kişisel veri işleme politikası; erişim yetki tablosu ve örnek "
                    "erişim kayıtları; şifreleme ve yedekleme önlemlerini gösteren belgeler; "
                    "portal kullanımına ilişkin iç talimat; saha ziyaretinde dosya ve sistem "
                    "incelemesi"
                ),
                "required_evidence_en": (
                    "Policy on processing special-category personal data; access rights matrix and "
                    "sample access logs; documents showing encryption and backup measures; "
                    "internal instruction on portal use; inspection of files and systems during "
                    "the site visit"
                ),
                "levels": {
                    0: (
                        (
                            "Kuruluş kişiler hakkında vaka dosyası veya sağlık bilgisi tutuyor ya "
                            "da bu bilgileri portala giriyor."
                        ),
                        (
                            "The organisation keeps case files or health information about "
                            "individuals, or enters such information on the portal."
                        ),
                    ),
                    1: (
                        (
                            "Vaka verisi tutulmuyor ancak özel nitelikli veriler için erişim "
                            "sınırı, erişim kaydı veya şifreleme eksik."
                        ),
                        (
                            "No case data is kept, but access limits, access logging or encryption "
                            "for special-category data are missing."
                        ),
                    ),
                    2: (
                        (
                            "Vaka verisi tutulmuyor; zorunlu özel nitelikli veriler yeterli "
                            "önlemlerle korunuyor; portala yalnızca toplu sayılar giriliyor."
                        ),
                        (
                            "No case data is kept; necessary special-category data is protected "
                            "with adequate measures; only aggregate counts are entered on the "
                            "portal."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak özel nitelikli veri işlenen her süreç için veri koruma etki "
                            "değerlendirmesi yapılmış ve veriler mümkün olan en erken aşamada "
                            "anonim hâle getiriliyor."
                        ),
                        (
                            "In addition, a data protection impact assessment has been done for "
                            "every process involving special-category data, and data is anonymised "
                            "at the earliest possible stage."
                        ),
                    ),
                },
                "weight": 3,
                "mandatory": True,
            },
            {
                "code": "G5.3",
                "title": "Etik ilkeler, damgalamayan dil ve şikâyet yolu",
                "title_en": "Code of ethics, stigma-free language and complaints",
                "guidance": (
                    "Yazılı etik ilkeler gizlilik, saygı, ayrımcılık yapmama ve sosyal dışlanmaya "
                    "yol açmama taahhütlerini içermelidir. Kuruluşun tüm iletişiminde damgalamayan "
                    "dil kullanılır ('bağımlılıkla mücadele eden kişi', 'madde kullanım sorunu "
                    "yaşayan kişi', 'iyileşme sürecindeki kişi', 'deneyim mentoru'); kişileri "
                    "etiketleyen ya da uyuşturucu satıcılarını özendiren ifadelere yer verilmez. "
                    "İyileşme sürecindeki kişilerin fotoğrafları, adları ve öyküleri yalnızca "
                    "yazılı ve geri alınabilir rızayla paylaşılır; hizmet alanların "
                    "kullanabileceği, yanıt süresi belirli bir şikâyet yolu bulunmalıdır."
                ),
                "guidance_en": (
                    "The written code of ethics commits to confidentiality, respect, "
                    "non-discrimination and avoiding social exclusion. All of the organisation's "
                    "communication uses stigma-free language ('person facing addiction', 'person "
                    "with a substance use problem', 'person in recovery', 'experience mentor'), "
                    "with no wording that labels people or glamorises drug dealers. Photographs, "
                    "names and stories of people in recovery are shared only with written, "
                    "withdrawable consent, and there is a complaints route open to participants "
                    "with a set response time."
                ),
                "required_evidence": (
                    "Etik ilkeler belgesi; iletişim ve dil rehberi; görsel ve öykü paylaşımı için "
                    "rıza formları; şikâyet prosedürü ve son bir yılın şikâyet kayıtlarının özeti; "
                    "web sitesi ve sosyal medya paylaşımlarının incelenmesi"
                ),
                "required_evidence_en": (
                    "Code of ethics; communication and language guide; consent forms for sharing "
                    "images and stories; complaints procedure and a summary of the last year's "
                    "complaints; review of website and social media posts"
                ),
                "levels": {
                    0: (
                        (
                            "Etik ilkeler ve şikâyet yolu yok ya da iletişimde damgalayıcı dil "
                            "veya rıza alınmamış kişisel görseller kullanılıyor."
                        ),
                        (
                            "There is no code of ethics or complaints route, or communication uses "
                            "stigmatising language or personal images shared without consent."
                        ),
                    ),
                    1: (
                        (
                            "Etik ilkeler yazılı ancak iletişimde yer yer damgalayıcı ifadeler var "
                            "ya da şikâyet yolu işlemiyor."
                        ),
                        (
                            "The code of ethics is written, but communication sometimes uses "
                            "stigmatising wording or the complaints route does not work."
                        ),
                    ),
                    2: (
                        (
                            "Etik ilkeler uygulanıyor; iletişim damgalamayan bir dille yapılıyor; "
                            "paylaşımlar rızaya dayanıyor; şikâyetler kayda geçiriliyor ve "
                            "süresinde yanıtlanıyor."
                        ),
                        (
                            "The code of ethics is applied; communication is stigma-free; sharing "
                            "is based on consent; complaints are recorded and answered on time."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak etik ilkeler hizmet alanların ve deneyim mentorlarının "
                            "katılımıyla hazırlanmış; şikâyetlerden çıkarılan dersler yıllık "
                            "raporda paylaşılıyor."
                        ),
                        (
                            "In addition, the code was drawn up with participants and experience "
                            "mentors, and lessons learnt from complaints are shared in the annual "
                            "report."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
        ],
    },
    {
        "code": "G6",
        "title": "Çocukların korunması",
        "title_en": "Safeguarding of children",
        "criteria": [
            {
                "code": "G6.1",
                "title": "Çocuk koruma politikası ve bildirim yolu",
                "title_en": "Child safeguarding policy and reporting procedure",
                "guidance": (
                    "Kuruluşun, çocuğun yüksek yararını, Çocuk Haklarına Dair Sözleşmeyi ve 5395 "
                    "sayılı Çocuk Koruma Kanununun ilkelerini esas alan yazılı bir çocuk koruma "
                    "politikası olmalıdır; çocuklarla doğrudan çalışmayan kuruluşlar da "
                    "etkinliklerinde çocuklarla karşılaşabileceği için en azından davranış "
                    "kurallarını ve bildirim adımlarını benimser. Politika davranış kurallarını "
                    "(bir çocukla kapalı bir ortamda yalnız kalmama, uygun fiziksel temas, dijital "
                    "iletişimde sınırlar, görsel paylaşımı), bir çocuk koruma sorumlusunu ve ihmal "
                    "ya da istismar şüphesinde izlenecek adımları içerir. Şüphe durumunda kuruluş "
                    "kendisi soruşturma yapmaz; durumu gecikmeksizin yetkili mercilere (Cumhuriyet "
                    "başsavcılığı, kolluk, 112 veya Aile ve Sosyal Hizmetler Bakanlığının ALO 183 "
                    "hattı) bildirir."
                ),
                "guidance_en": (
                    "The organisation has a written child safeguarding policy based on the best "
                    "interests of the child, the Convention on the Rights of the Child and the "
                    "principles of Child Protection Law No. 5395; organisations that do not work "
                    "directly with children still adopt at least the code of conduct and the "
                    "reporting steps, since children may attend their events. The policy covers a "
                    "code of conduct (never being alone with a child in a closed room, appropriate "
                    "physical contact, limits on digital contact, sharing of images), a designated "
                    "safeguarding lead, and the steps to follow when neglect or abuse is "
                    "suspected. The organisation never investigates a suspicion itself; it reports "
                    "without delay to the competent authorities (the public prosecutor's office, "
                    "the police or gendarmerie, 112, or the ALO 183 line of the Ministry of Family "
                    "and Social Services)."
                ),
                "required_evidence": (
                    "Yönetim kurulunca onaylanmış çocuk koruma politikası ve davranış kuralları; "
                    "çocuk koruma sorumlusunun görevlendirme kararı; bildirim akış şeması; "
                    "politikanın çalışan ve gönüllülerce imzalandığını gösteren kayıtlar"
                ),
                "required_evidence_en": (
                    "Child safeguarding policy and code of conduct approved by the board; decision "
                    "appointing the safeguarding lead; reporting flowchart; records showing that "
                    "staff and volunteers have signed the policy"
                ),
                "levels": {
                    0: (
                        "Yazılı çocuk koruma politikası yok.",
                        "There is no written child safeguarding policy.",
                    ),
                    1: (
                        (
                            "Politika var ancak davranış kuralları, sorumlu kişi veya bildirim "
                            "adımları eksik ya da ekip tarafından bilinmiyor."
                        ),
                        (
                            "A policy exists, but the code of conduct, the lead or the reporting "
                            "steps are missing or unknown to the team."
                        ),
                    ),
                    2: (
                        (
                            "Politika eksiksiz ve yönetim kurulunca onaylı; sorumlu kişi atanmış; "
                            "çalışan ve gönüllüler politikayı imzalamış ve bildirim adımlarını "
                            "biliyor."
                        ),
                        (
                            "The policy is complete and approved by the board; a lead is "
                            "appointed; staff and volunteers have signed it and know the reporting "
                            "steps."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak politika çocukların ve ailelerin görüşü alınarak her yıl "
                            "gözden geçiriliyor ve çocuklara nasıl yardım isteyebilecekleri "
                            "anlayabilecekleri bir dille anlatılıyor."
                        ),
                        (
                            "In addition, the policy is reviewed every year with input from "
                            "children and families, and children are told in words they understand "
                            "how they can ask for help."
                        ),
                    ),
                },
                "weight": 3,
                "mandatory": True,
            },
            {
                "code": "G6.2",
                "title": "Çocuklarla çalışacak kişilerin uygunluk kontrolü",
                "title_en": "Suitability checks for people working with children",
                "guidance": (
                    "Çocuklarla temas edecek her çalışan ve gönüllü için göreve başlamadan önce "
                    "adli sicil kaydı belgesi alındığı ve uygunluğun referans ve görüşmeyle "
                    "değerlendirildiği aranır. Kontroller en az yılda bir yenilenmeli; sonuçlar "
                    "kişisel verilerin korunmasına uygun biçimde yalnızca tarih ve uygun/uygun "
                    "değil kararı olarak saklanmalıdır. Kontrolü tamamlanmamış kişiler çocuklarla "
                    "gözetimsiz bırakılmaz."
                ),
                "guidance_en": (
                    "Assessors look for a criminal record certificate obtained before starting "
                    "work for every staff member and volunteer who will be in contact with "
                    "children, and suitability assessed through references and an interview. "
                    "Checks are renewed at least yearly; in line with data protection, only the "
                    "date and a suitable/not suitable decision are kept. People whose checks are "
                    "not complete are never left unsupervised with children."
                ),
                "required_evidence": (
                    "Uygunluk kontrolü prosedürü; çocuklarla çalışan kişilerin listesi ile kontrol "
                    "tarihleri ve sonuçları (uygun/uygun değil); örnek referans ve görüşme formu"
                ),
                "required_evidence_en": (
                    "Suitability check procedure; list of people working with children with check "
                    "dates and outcomes (suitable/not suitable); sample reference and interview "
                    "form"
                ),
                "levels": {
                    0: (
                        "Çocuklarla çalışacak kişiler için uygunluk kontrolü yapılmıyor.",
                        "No suitability checks are made for people who will work with children.",
                    ),
                    1: (
                        (
                            "Kontrol yalnızca bazı kişiler için yapılıyor, yenilenmiyor ya da "
                            "belgeler gereğinden fazla veriyle saklanıyor."
                        ),
                        (
                            "Checks cover only some people, are not renewed, or documents are "
                            "stored with more data than needed."
                        ),
                    ),
                    2: (
                        (
                            "Çocuklarla temas eden herkes göreve başlamadan kontrol ediliyor; "
                            "kontroller her yıl yenileniyor ve yalnızca sonuç kaydı tutuluyor."
                        ),
                        (
                            "Everyone in contact with children is checked before starting; checks "
                            "are renewed every year and only the outcome is kept."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak yeni kişiler gözetimli ilk görevlerle başlıyor ve uygunluk "
                            "süreci bağımsız bir uzman tarafından denetleniyor."
                        ),
                        (
                            "In addition, newcomers start with supervised first assignments and "
                            "the suitability process is audited by an independent expert."
                        ),
                    ),
                },
                "weight": 3,
                "mandatory": True,
            },
            {
                "code": "G6.3",
                "title": "Çocukların katılımı, veli onayı ve çocuklara ilişkin veriler",
                "title_en": "Children's participation, parental consent and children's data",
                "guidance": (
                    "Çocuklarla yapılan etkinliklerde velinin veya vasinin yazılı onayı ile "
                    "çocuğun yaşına uygun biçimde alınan kendi onayı aranır; okullardaki "
                    "çalışmalar il veya ilçe millî eğitim müdürlüğünün izniyle yürütülür. Risk "
                    "altındaki çocukların belirlenmesi okul rehberlik servislerinin ve yetkili "
                    "kamu birimlerinin görevidir; kuruluş çocukları madde kullanımı yönünden "
                    "taramaz ve etiketlemez. Çocuklar hakkında yalnızca toplu sayılar (yaş grubu, "
                    "cinsiyet, etkinlik türü) raporlanır; yüzü tanınabilen çocuk görselleri veli "
                    "onayı olmadan paylaşılmaz."
                ),
                "guidance_en": (
                    "Activities with children require the written consent of a parent or guardian "
                    "and the child's own age-appropriate agreement; work in schools is carried out "
                    "with the permission of the provincial or district directorate of national "
                    "education. Identifying children at risk is the task of school guidance "
                    "services and authorised public units; the organisation does not screen "
                    "children for substance use or label them. Only aggregate counts (age group, "
                    "sex, activity type) are reported about children, and images in which a "
                    "child's face can be recognised are not shared without parental consent."
                ),
                "required_evidence": (
                    "Veli onay formu ve çocuğa yönelik bilgilendirme ve onay metni; okul "
                    "çalışmaları için alınan izin yazıları; etkinlik içerikleri; çocuklara ilişkin "
                    "raporlardan örnekler"
                ),
                "required_evidence_en": (
                    "Parental consent form and the information and agreement text for children; "
                    "permission letters for school activities; activity content; sample reports "
                    "concerning children"
                ),
                "levels": {
                    0: (
                        (
                            "Veli onayı alınmıyor ya da çocuklar hakkında ad veya bireysel bilgi "
                            "içeren kayıt ve raporlar tutuluyor."
                        ),
                        (
                            "No parental consent is obtained, or records and reports about "
                            "children contain names or individual information."
                        ),
                    ),
                    1: (
                        (
                            "Veli onayı alınıyor ancak çocuğun görüşü alınmıyor, resmî izinler "
                            "eksik ya da görseller onaysız paylaşılıyor."
                        ),
                        (
                            "Parental consent is obtained, but the child is not asked, official "
                            "permissions are missing or images are shared without consent."
                        ),
                    ),
                    2: (
                        (
                            "Veli ve çocuk onayı, gerekli resmî izinler ve yaşa uygun içerik "
                            "sağlanıyor; raporlarda yalnızca toplu sayılar yer alıyor."
                        ),
                        (
                            "Parental and child consent, the necessary official permissions and "
                            "age-appropriate content are in place; reports contain only aggregate "
                            "counts."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak çocuklar programların tasarımına ve değerlendirilmesine "
                            "yaşlarına uygun yöntemlerle katılıyor."
                        ),
                        (
                            "In addition, children take part in designing and evaluating "
                            "programmes through age-appropriate methods."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
        ],
    },
    {
        "code": "G7",
        "title": "Gönüllü yönetimi ve eğitimi",
        "title_en": "Volunteer management and training",
        "criteria": [
            {
                "code": "G7.1",
                "title": "Gönüllü kabulü, rol tanımları ve oryantasyon",
                "title_en": "Volunteer intake, role descriptions and orientation",
                "guidance": (
                    "Gönüllülerin yazılı rol tanımlarıyla, bir uygunluk görüşmesinden sonra ve "
                    "gizlilik taahhüdü imzalanarak kabul edildiği aranır. Her gönüllü sahaya "
                    "çıkmadan önce hizmet sınırlarını, BDB yönlendirme protokolünü, damgalamayan "
                    "dili, KVKK'yı ve çocuk koruma politikasını kapsayan bir oryantasyon eğitimini "
                    "tamamlamalıdır. Gönüllü saatleri ve görevleri kayda geçirilmeli, gönüllülerin "
                    "geri bildirimi düzenli olarak alınmalıdır."
                ),
                "guidance_en": (
                    "Assessors look for volunteers accepted against written role descriptions, "
                    "after a suitability interview and on signing a confidentiality undertaking. "
                    "Before going into the field, every volunteer completes an orientation "
                    "covering the service limits, the BDB referral protocol, stigma-free language, "
                    "data protection (KVKK) and the child safeguarding policy. Volunteer hours and "
                    "tasks are recorded and volunteers' feedback is collected regularly."
                ),
                "required_evidence": (
                    "Gönüllü politikası ve rol tanımları; imzalı gönüllülük ve gizlilik "
                    "taahhütnameleri; oryantasyon eğitimi içeriği ve katılım kayıtları; gönüllü "
                    "saat kayıtları"
                ),
                "required_evidence_en": (
                    "Volunteer policy and role descriptions; signed volunteer and confidentiality "
                    "undertakings; orientation content and attendance records; volunteer hour "
                    "records"
                ),
                "levels": {
                    0: (
                        "Gönüllüler tanımlı bir süreç ve eğitim olmadan sahada görev alıyor.",
                        "Volunteers work in the field without a defined process or training.",
                    ),
                    1: (
                        (
                            "Kabul süreci var ancak oryantasyon eksik ya da sahaya çıktıktan sonra "
                            "yapılıyor."
                        ),
                        (
                            "There is an intake process, but orientation is incomplete or happens "
                            "after volunteers start in the field."
                        ),
                    ),
                    2: (
                        (
                            "Rol tanımları, taahhütler ve zorunlu oryantasyon sahaya çıkmadan önce "
                            "tamamlanıyor; gönüllü saatleri kayıt altında."
                        ),
                        (
                            "Role descriptions, undertakings and the required orientation are "
                            "completed before fieldwork; volunteer hours are recorded."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak gönüllüler için gelişim basamakları, düzenli geri bildirim "
                            "görüşmeleri ve katılım belgesi gibi tanınma uygulamaları var."
                        ),
                        (
                            "In addition, there are development pathways, regular feedback "
                            "conversations and recognition such as participation certificates for "
                            "volunteers."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
            {
                "code": "G7.2",
                "title": "Ev ziyaretleri ve saha güvenliği",
                "title_en": "Home visits and field safety",
                "guidance": (
                    "Ev ziyaretleri ve saha çalışmalarının en az iki kişilik eğitimli ekiplerle, "
                    "Sosyal Hizmet Merkezi, ASDEP veya Sosyal Uyum Birimi gibi kamu birimlerinin "
                    "planlaması ya da bilgisi dâhilinde yapıldığı aranır. Ziyaret öncesi hazırlık, "
                    "ziyaret sırasında güvenlik ve acil durum adımları ile ziyaret sonrası "
                    "bildirim yazılı olmalı; ziyaret kayıtları sağlık bilgisi içermemelidir."
                ),
                "guidance_en": (
                    "Assessors look for home visits and fieldwork carried out by trained teams of "
                    "at least two people, planned by or notified to public units such as the "
                    "Social Service Centre, ASDEP (Family Social Support Programme) or the Social "
                    "Cohesion Unit. Preparation before a visit, safety and emergency steps during "
                    "it and reporting after it are written down, and visit records contain no "
                    "health information."
                ),
                "required_evidence": (
                    "Saha güvenliği ve ev ziyareti prosedürü; kamu birimiyle ziyaret planlamasına "
                    "ilişkin yazışma veya protokol; ziyaret ekiplerinin eğitim kayıtları; örnek "
                    "ziyaret bildirimi (sağlık bilgisi içermeden)"
                ),
                "required_evidence_en": (
                    "Field safety and home visit procedure; correspondence or protocol with the "
                    "public unit on visit planning; training records of visit teams; sample visit "
                    "report (without health information)"
                ),
                "levels": {
                    0: (
                        "Ziyaretler tek başına ya da plansız yapılıyor.",
                        "Visits are made alone or without planning.",
                    ),
                    1: (
                        (
                            "Ziyaretler ekiplerle yapılıyor ancak kamu birimiyle koordinasyon ya "
                            "da güvenlik adımları yazılı değil."
                        ),
                        (
                            "Visits are made in teams, but coordination with the public unit or "
                            "the safety steps are not written down."
                        ),
                    ),
                    2: (
                        (
                            "Ziyaretler eğitimli ikili ekiplerle, kamu birimiyle eşgüdüm içinde ve "
                            "yazılı güvenlik adımlarına göre yapılıyor."
                        ),
                        (
                            "Visits are made by trained pairs, coordinated with the public unit "
                            "and following written safety steps."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak her ziyaretten sonra ekiple kısa bir değerlendirme "
                            "görüşmesi yapılıyor ve güvenlik olayları izlenerek önlemler "
                            "güncelleniyor."
                        ),
                        (
                            "In addition, each visit is followed by a short debriefing with the "
                            "team, and safety incidents are tracked to update the precautions."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
            {
                "code": "G7.3",
                "title": "Deneyim mentorlarının eğitimi, süpervizyonu ve belgelendirilmesi",
                "title_en": "Training, supervision and credentialing of experience mentors",
                "guidance": (
                    "Deneyim mentoru görevlendiren kuruluşlarda mentorların mentorluk becerileri, "
                    "sınırlar, etik, gizlilik, yönlendirme protokolü ve kriz anında yapılacakları "
                    "kapsayan yapılandırılmış bir eğitimi tamamladığı, süpervizyonlu uygulama "
                    "saatlerini biriktirdiği ve portalın deneyim mentoru belgesine sahip olduğu "
                    "aranır. Mentorlar kişilerle değil programlarla eşleştirilir; belge sürekli "
                    "eğitimle iki yılda bir yenilenir. Mentorların kendi iyileşme süreçlerini "
                    "destekleyen bir düzen kurulmalı ve iyileşme öyküleri yalnızca kendi "
                    "rızalarıyla paylaşılmalıdır."
                ),
                "guidance_en": (
                    "Where the organisation engages experience mentors, assessors look for mentors "
                    "who have completed structured training in mentoring skills, boundaries, "
                    "ethics, confidentiality, the referral protocol and crisis steps, who have "
                    "logged supervised practice hours, and who hold the portal's experience mentor "
                    "credential. Mentors are matched to programmes, not to individuals, and the "
                    "credential is renewed every two years through continuing education. "
                    "Arrangements support mentors' own recovery, and their recovery stories are "
                    "shared only with their own consent."
                ),
                "required_evidence": (
                    "Mentor eğitim programı ve katılım kayıtları; süpervizyonlu uygulama saati "
                    "kayıtları; geçerli deneyim mentoru belgeleri; mentor destek ve süpervizyon "
                    "planı; program bazında mentor görevlendirme listesi"
                ),
                "required_evidence_en": (
                    "Mentor training programme and attendance records; supervised practice hour "
                    "records; valid experience mentor credentials; mentor support and supervision "
                    "plan; list of mentor assignments by programme"
                ),
                "levels": {
                    0: (
                        "Deneyim mentorları eğitim ve süpervizyon olmadan görevlendiriliyor.",
                        "Experience mentors are assigned without training or supervision.",
                    ),
                    1: (
                        (
                            "Eğitim verilmiş ancak süpervizyonlu uygulama saatleri, belge veya "
                            "yenileme takibi yok."
                        ),
                        (
                            "Training has been given, but supervised practice hours, credentials "
                            "or renewals are not tracked."
                        ),
                    ),
                    2: (
                        (
                            "Görevlendirilen tüm mentorlar eğitimi tamamlamış, süpervizyon altında "
                            "çalışıyor ve geçerli belgeye sahip."
                        ),
                        (
                            "All assigned mentors have completed training, work under supervision "
                            "and hold a valid credential."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak mentorlar eğitim programının tasarımına katılıyor, "
                            "deneyimli mentorlar yeni mentorlara eşlik ediyor ve mentorların "
                            "esenliği düzenli izleniyor."
                        ),
                        (
                            "In addition, mentors help design the training programme, experienced "
                            "mentors accompany new ones and mentors' wellbeing is monitored "
                            "regularly."
                        ),
                    ),
                },
                "weight": 3,
                "mandatory": False,
            },
        ],
    },
    {
        "code": "G8",
        "title": "Mali şeffaflık",
        "title_en": "Financial transparency",
        "criteria": [
            {
                "code": "G8.1",
                "title": "Mali tablolar ve yasal defterler",
                "title_en": "Financial statements and statutory books",
                "guidance": (
                    "Kuruluşun tabi olduğu esasa (işletme hesabı veya bilanço esası) göre "
                    "hazırlanmış son iki yılın mali tablolarının yasal defterlerle ve banka "
                    "kayıtlarıyla tutarlı olduğu aranır. Denetim kurulu raporu ya da bağımsız "
                    "denetim raporu mali tabloları kapsamalı; kamu kaynağı veya hibe kullanılan "
                    "projelerde harcamalar proje bazında izlenebilmelidir."
                ),
                "guidance_en": (
                    "Assessors look for financial statements for the last two years, prepared on "
                    "the applicable basis (single-entry operating account or balance-sheet basis), "
                    "that are consistent with the statutory books and bank records. The audit "
                    "board's report or an independent audit report covers the statements, and "
                    "spending on projects funded by public money or grants can be traced project "
                    "by project."
                ),
                "required_evidence": (
                    "Son iki yılın gelir-gider tabloları ya da bilanço ve gelir tabloları; saha "
                    "ziyaretinde yasal defterlerin (karar, üye kayıt, evrak kayıt ve alındı "
                    "belgesi kayıt defterleri ile işletme hesabı defteri ya da yevmiye ve büyük "
                    "defter) incelenmesi; denetim kurulu veya bağımsız denetim raporu; proje "
                    "bazında harcama dökümleri"
                ),
                "required_evidence_en": (
                    "Income and expenditure statements, or balance sheets and income statements, "
                    "for the last two years; inspection of the statutory books during the site "
                    "visit (decision, membership, correspondence and receipt registers, and the "
                    "operating account book or journal and general ledger); audit board or "
                    "independent audit report; project-by-project expenditure breakdowns"
                ),
                "levels": {
                    0: (
                        "Mali tablolar hazırlanmıyor ya da sunulamıyor.",
                        "Financial statements are not prepared or cannot be produced.",
                    ),
                    1: (
                        (
                            "Mali tablolar var ancak eksik, defterlerle tutarsız ya da denetim "
                            "raporu yok."
                        ),
                        (
                            "Statements exist but are incomplete, inconsistent with the books, or "
                            "not covered by an audit report."
                        ),
                    ),
                    2: (
                        (
                            "Son iki yılın mali tabloları eksiksiz, defter ve banka kayıtlarıyla "
                            "tutarlı ve denetlenmiş."
                        ),
                        (
                            "Statements for the last two years are complete, consistent with the "
                            "books and bank records, and audited."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak mali tablolar bağımsız denetimden geçmiş ve denetçinin "
                            "bulguları kapatılmış."
                        ),
                        (
                            "In addition, the statements have been independently audited and the "
                            "auditor's findings closed."
                        ),
                    ),
                },
                "weight": 3,
                "mandatory": True,
            },
            {
                "code": "G8.2",
                "title": "Bağış ve yardım toplama mevzuatına uyum",
                "title_en": "Compliance with donation and fundraising rules",
                "guidance": (
                    "Bağışların alındı belgesi veya banka kanalıyla kayda geçirildiği, kampanya ve "
                    "kumbara gibi halka açık yardım toplama faaliyetlerinde 2860 sayılı Yardım "
                    "Toplama Kanunu uyarınca izin alındığı ve yurt dışından alınan yardımların "
                    "ilgili makama önceden bildirildiği aranır. Ayni yardımların girişi ve "
                    "dağıtımı belgelenmeli; bağışçıların koşullarının kuruluşun hizmet sınırları "
                    "ve etik ilkeleriyle çelişmediği kontrol edilmelidir."
                ),
                "guidance_en": (
                    "Assessors look for donations recorded through receipts or bank transfers, "
                    "permission obtained under Fundraising Law No. 2860 for public collections "
                    "such as campaigns and collection boxes, and prior notification to the "
                    "competent authority of aid received from abroad. In-kind donations are "
                    "documented on receipt and distribution, and donors' conditions are checked "
                    "against the organisation's service limits and code of ethics."
                ),
                "required_evidence": (
                    "Alındı belgesi kayıtları ve banka hesap dökümleri; yardım toplama izin "
                    "yazıları; yurt dışından yardım bildirimleri; ayni yardım giriş-çıkış "
                    "kayıtları; önemli bağış sözleşmeleri"
                ),
                "required_evidence_en": (
                    "Receipt registers and bank statements; fundraising permission letters; "
                    "notifications of aid from abroad; in-kind donation records; major donation "
                    "agreements"
                ),
                "levels": {
                    0: (
                        "Bağışlar kayıt dışı alınıyor ya da izinsiz yardım toplanıyor.",
                        (
                            "Donations are taken off the books, or funds are collected without "
                            "permission."
                        ),
                    ),
                    1: (
                        "Bağışlar kaydediliyor ancak izin veya bildirimlerde eksikler var.",
                        (
                            "Donations are recorded, but there are gaps in permissions or "
                            "notifications."
                        ),
                    ),
                    2: (
                        (
                            "Tüm bağışlar belgeli; yardım toplama izinleri ve yurt dışından yardım "
                            "bildirimleri eksiksiz."
                        ),
                        (
                            "All donations are documented; fundraising permissions and "
                            "notifications of aid from abroad are complete."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak yazılı bir bağış kabul politikası var ve koşullu bağışlar "
                            "kabul edilmeden önce etik açıdan değerlendiriliyor."
                        ),
                        (
                            "In addition, there is a written gift acceptance policy and "
                            "conditional donations are assessed on ethical grounds before they are "
                            "accepted."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
            {
                "code": "G8.3",
                "title": "Kamuya açık mali raporlama",
                "title_en": "Public financial reporting",
                "guidance": (
                    "Kuruluşun yıllık gelir-gider özetini, başlıca gelir kaynaklarını ve kamu "
                    "kaynaklı projelerin bütçe ve harcama özetlerini web sitesinde veya portaldaki "
                    "profilinde yayımladığı aranır. Bireysel bağışçıların kimliği yalnızca kendi "
                    "rızalarıyla açıklanır."
                ),
                "guidance_en": (
                    "Assessors look for publication, on the website or the organisation's portal "
                    "profile, of an annual income and expenditure summary, the main sources of "
                    "income, and budget and spending summaries for publicly funded projects. "
                    "Individual donors are named only with their consent."
                ),
                "required_evidence": (
                    "Yayımlanmış yıllık faaliyet ve mali rapor; web sitesindeki veya portal "
                    "profilindeki mali özet; proje bütçe ve harcama özetleri"
                ),
                "required_evidence_en": (
                    "Published annual activity and financial report; financial summary on the "
                    "website or portal profile; project budget and spending summaries"
                ),
                "levels": {
                    0: (
                        "Mali bilgi kamuya açıklanmıyor.",
                        "No financial information is made public.",
                    ),
                    1: (
                        "Sınırlı ya da güncel olmayan mali bilgi yayımlanıyor.",
                        "Limited or outdated financial information is published.",
                    ),
                    2: (
                        (
                            "Güncel yıllık mali özet, gelir kaynakları ve proje bütçe özetleri "
                            "yayımlanıyor."
                        ),
                        (
                            "A current annual financial summary, income sources and project budget "
                            "summaries are published."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak bağımsız denetim raporu ve harcamaların faaliyet "
                            "sonuçlarıyla ilişkisini gösteren anlaşılır bir özet yayımlanıyor."
                        ),
                        (
                            "In addition, the independent audit report and a plain-language "
                            "summary linking spending to results are published."
                        ),
                    ),
                },
                "weight": 1,
                "mandatory": False,
            },
        ],
    },
    {
        "code": "G9",
        "title": "İzleme ve değerlendirme",
        "title_en": "Monitoring and evaluation",
        "criteria": [
            {
                "code": "G9.1",
                "title": "Performans göstergeleri ve hedefler",
                "title_en": "Performance indicators and targets",
                "guidance": (
                    "Her program için başlangıç değeri ve hedefi belirlenmiş çıktı göstergeleri "
                    "(etkinlik sayısı, ulaşılan kişi sayısı gibi) ve sonuç göstergeleri (program "
                    "sonunda bilgi ve tutum değişimi, sosyal uyum programını tamamlama oranı gibi) "
                    "aranır. Göstergeler il eylem planıyla ve portalın ortak gösterge setiyle "
                    "uyumlu olmalı; ölçüm yöntemi ve sorumlusu yazılı olmalıdır."
                ),
                "guidance_en": (
                    "Assessors look for output indicators (such as the number of activities and "
                    "people reached) and outcome indicators (such as change in knowledge and "
                    "attitudes at the end of a programme, or the completion rate of a social "
                    "cohesion programme), each with a baseline and a target, for every programme. "
                    "Indicators are aligned with the provincial action plan and the portal's "
                    "common indicator set, and the measurement method and the person responsible "
                    "are written down."
                ),
                "required_evidence": (
                    "Program bazında gösterge tablosu (tanım, başlangıç değeri, hedef, veri "
                    "kaynağı, sorumlu); ön test ve son test formları gibi ölçüm araçları"
                ),
                "required_evidence_en": (
                    "Indicator table per programme (definition, baseline, target, data source, "
                    "person responsible); measurement tools such as pre- and post-test forms"
                ),
                "levels": {
                    0: ("Gösterge tanımlanmamış.", "No indicators are defined."),
                    1: (
                        "Yalnızca çıktı sayıları izleniyor; hedef veya başlangıç değeri yok.",
                        "Only output counts are tracked; there are no targets or baselines.",
                    ),
                    2: (
                        (
                            "Çıktı ve sonuç göstergeleri hedefleriyle birlikte tanımlanmış ve il "
                            "eylem planıyla uyumlu."
                        ),
                        (
                            "Output and outcome indicators are defined with targets and aligned "
                            "with the provincial action plan."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak göstergeler paydaşlarla birlikte belirlenmiş ve önceki "
                            "dönem sonuçlarına göre güncelleniyor."
                        ),
                        (
                            "In addition, indicators are set together with partners and updated in "
                            "the light of previous results."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
            {
                "code": "G9.2",
                "title": "Toplu ve anonim veri toplama",
                "title_en": "Aggregate, anonymous data collection",
                "guidance": (
                    "İzleme verilerinin kişileri tanımlamayacak biçimde, yalnızca toplu sayılar "
                    "olarak (yaş grubu, cinsiyet, il ve ilçe, hedef grup, etkinlik türü gibi "
                    "kırılımlarla) toplandığı aranır. Katılım etkinlik yoklamaları veya etkinlik "
                    "kartı üzerinden sayılır; çocuklar ile tedavi ve iyileşme sürecindeki kişiler "
                    "için bireysel kayıt tutulmaz. Küçük sayıların kişileri tanınır kılabileceği "
                    "durumlarda (örneğin beşten küçük değerler) hücreler birleştirilir veya "
                    "gizlenir."
                ),
                "guidance_en": (
                    "Assessors look for monitoring data collected only as aggregate counts that "
                    "cannot identify anyone (broken down by age group, sex, province and district, "
                    "target group, activity type and similar). Participation is counted from event "
                    "attendance sheets or the activity card; no individual records are kept for "
                    "children or for people in treatment or recovery. Where small numbers could "
                    "make people recognisable (for example values below five), cells are merged or "
                    "suppressed."
                ),
                "required_evidence": (
                    "Veri toplama formları ve yoklama şablonları; örnek toplu veri tabloları; "
                    "küçük sayıların gizlenmesine ilişkin iç kural"
                ),
                "required_evidence_en": (
                    "Data collection forms and attendance templates; sample aggregate tables; "
                    "internal rule on suppressing small numbers"
                ),
                "levels": {
                    0: (
                        "İzleme için kişileri tanımlayan listeler tutuluyor ya da paylaşılıyor.",
                        "Lists identifying individuals are kept or shared for monitoring.",
                    ),
                    1: (
                        (
                            "Raporlar toplu sayılara dayanıyor ancak ham veriler gereğinden fazla "
                            "kişisel bilgi içeriyor ya da küçük sayılar gizlenmiyor."
                        ),
                        (
                            "Reports use aggregate counts, but the raw data holds more personal "
                            "information than needed or small numbers are not suppressed."
                        ),
                    ),
                    2: (
                        (
                            "Veriler baştan toplu ve anonim olarak toplanıyor; küçük sayılar "
                            "birleştiriliyor veya gizleniyor."
                        ),
                        (
                            "Data is collected as aggregate and anonymous from the start; small "
                            "numbers are merged or suppressed."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak veri toplama araçları her yıl asgari veri ilkesine göre "
                            "gözden geçiriliyor ve veri kalitesi kontrolleri belgeleniyor."
                        ),
                        (
                            "In addition, data collection tools are reviewed yearly against data "
                            "minimisation and data quality checks are documented."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
            {
                "code": "G9.3",
                "title": "Dönemsel raporlama, eşgüdüm ve etki değerlendirmesi",
                "title_en": "Periodic reporting, coordination and impact evaluation",
                "guidance": (
                    "Kuruluşun faaliyetlerini ve gösterge sonuçlarını altı ayda bir portal "
                    "üzerinden İl Sağlık Müdürlüğüne raporladığı, il koordinasyon toplantılarına "
                    "katıldığı ve başka kurumların çalışmalarını tekrarlamamak için planladığı "
                    "faaliyetleri portalda önceden paylaştığı aranır. Programların etkisi en az "
                    "yılda bir değerlendirilmeli ve bulgular bir sonraki dönemin planına "
                    "yansıtılmalıdır."
                ),
                "guidance_en": (
                    "Assessors look for activities and indicator results reported to the "
                    "Provincial Health Directorate through the portal every six months, "
                    "participation in provincial coordination meetings, and planned activities "
                    "shared on the portal in advance so as not to duplicate other institutions' "
                    "work. Programme impact is evaluated at least once a year and the findings "
                    "feed into the next period's plan."
                ),
                "required_evidence": (
                    "Son iki döneme ait raporlar; il koordinasyon toplantılarına katılım "
                    "kayıtları; portalda paylaşılan faaliyet planları; yıllık değerlendirme raporu "
                    "ve buna göre yapılan değişiklikler"
                ),
                "required_evidence_en": (
                    "Reports for the last two periods; attendance records for provincial "
                    "coordination meetings; activity plans shared on the portal; annual evaluation "
                    "report and the changes made in response"
                ),
                "levels": {
                    0: ("Dönemsel rapor verilmiyor.", "No periodic reports are submitted."),
                    1: (
                        "Raporlar gecikmeli veya eksik veriliyor; faaliyet planları paylaşılmıyor.",
                        "Reports are late or incomplete; activity plans are not shared.",
                    ),
                    2: (
                        (
                            "Raporlar süresinde veriliyor, planlar portalda paylaşılıyor ve yıllık "
                            "değerlendirme yapılıyor."
                        ),
                        (
                            "Reports are on time, plans are shared on the portal and an annual "
                            "evaluation is carried out."
                        ),
                    ),
                    3: (
                        (
                            "Ek olarak bağımsız ya da diğer kuruluşlarla ortak bir etki "
                            "değerlendirmesi yapılmış ve sonuçları paylaşılmış."
                        ),
                        (
                            "In addition, an independent or joint impact evaluation with other "
                            "organisations has been carried out and its results shared."
                        ),
                    ),
                },
                "weight": 2,
                "mandatory": False,
            },
        ],
    },
]


# Groups in which no single criterion is a gate: their criteria count towards the weighted score.
GROUPS_WITHOUT_MANDATORY = frozenset({"G7", "G9"})

TEXT_FIELDS = (
    "title",
    "title_en",
    "guidance",
    "guidance_en",
    "required_evidence",
    "required_evidence_en",
)

# Terms the language guide rules out; ``bağımlılık`` (addiction) itself is fine.
AVOIDED_TR = (
    r"\bbağımlı(?!lık|lığ)\w*",
    r"\beski bağımlı",
    r"\btemiz\b",
    r"\btorbacı",
    r"\bbaron",
    r"\bex-user",
)
AVOIDED_EN = (r"\baddicts?\b", r"\bex-users?\b", r"\bclean\b", r"\bjunkies?\b", r"\babusers?\b")


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def _self_check() -> dict[str, int]:
    """Validate the seed's shape and wording; return the counts."""
    import re

    def check_wording(text: str, patterns: tuple[str, ...], where: str) -> None:
        for pattern in patterns:
            match = re.search(pattern, text, flags=re.IGNORECASE)
            _check(match is None, f"{where}: avoided term {match and match.group(0)!r}")

    for key in ("title", "title_en", "introduction", "introduction_en"):
        _check(isinstance(STANDARD[key], str) and STANDARD[key].strip(), f"STANDARD.{key} empty")
    check_wording(STANDARD["introduction"], AVOIDED_TR, "STANDARD.introduction")
    check_wording(STANDARD["introduction_en"], AVOIDED_EN, "STANDARD.introduction_en")
    _check([score for score, _tr, _en in LEVELS] == [0, 1, 2, 3], "LEVELS must be 0..3")
    _check(all(tr and en for _score, tr, en in LEVELS), "LEVELS labels must be non-empty")

    group_codes: set[str] = set()
    criterion_codes: set[str] = set()
    criteria = mandatory = 0
    for g_index, group in enumerate(GROUPS, start=1):
        code = group["code"]
        _check(code == f"G{g_index}", f"group {g_index} has code {code!r}")
        _check(code not in group_codes, f"duplicate group code {code}")
        group_codes.add(code)
        _check(group["title"] and group["title_en"], f"{code}: title missing")
        _check(2 <= len(group["criteria"]) <= 4, f"{code}: needs 2-4 criteria")
        group_mandatory = 0
        for c_index, criterion in enumerate(group["criteria"], start=1):
            c_code = criterion["code"]
            _check(c_code == f"{code}.{c_index}", f"{code}: criterion {c_index} is {c_code!r}")
            _check(c_code not in criterion_codes, f"duplicate criterion code {c_code}")
            criterion_codes.add(c_code)
            for field in TEXT_FIELDS:
                value = criterion.get(field)
                _check(isinstance(value, str) and value.strip(), f"{c_code}.{field} empty")
                _check("..." not in value, f"{c_code}.{field} has a placeholder")
                patterns = AVOIDED_EN if field.endswith("_en") else AVOIDED_TR
                check_wording(value, patterns, f"{c_code}.{field}")
            levels = criterion["levels"]
            _check(set(levels) == {0, 1, 2, 3}, f"{c_code}: levels must be 0..3")
            for score, pair in levels.items():
                _check(
                    isinstance(pair, tuple) and len(pair) == 2, f"{c_code}[{score}]: need (tr, en)"
                )
                tr, en = pair
                _check(tr.strip() and en.strip(), f"{c_code}[{score}]: empty description")
                check_wording(tr, AVOIDED_TR, f"{c_code}[{score}] tr")
                check_wording(en, AVOIDED_EN, f"{c_code}[{score}] en")
            weight = criterion["weight"]
            _check(
                isinstance(weight, int) and not isinstance(weight, bool) and 1 <= weight <= 3,
                f"{c_code}: weight must be 1..3",
            )
            _check(isinstance(criterion["mandatory"], bool), f"{c_code}: mandatory must be bool")
            group_mandatory += criterion["mandatory"]
            criteria += 1
        if code not in GROUPS_WITHOUT_MANDATORY:
            _check(group_mandatory >= 1, f"{code}: needs at least one mandatory criterion")
        mandatory += group_mandatory
    return {"groups": len(GROUPS), "criteria": criteria, "mandatory": mandatory}


if __name__ == "__main__":
    counts = _self_check()
    for group in GROUPS:
        flags = "".join("*" if c["mandatory"] else "." for c in group["criteria"])
        print(f"{group['code']:<3} {flags:<4} {group['title']}")
    print(
        f"{STANDARD['code']} v{STANDARD['version']}: {counts['groups']} groups, "
        f"{counts['criteria']} criteria, {counts['mandatory']} mandatory"
    )
