"""Services of action 01 (school and Italian L2) and 03 (institutional communication)."""

from ..spec import (
    DocumentRef,
    FromToday,
    ImageRef,
    PageRef,
    alert,
    call_to_action,
    document,
    faq,
    heading,
    how_to_step,
    image,
    page,
    paragraph,
    quote,
    step,
    steps,
    video,
)
from ..text import rich, t
from .common import ALL_PROVINCES, CHANNELS_DESK, FAQ_TITLE, FREE, GOOD_TO_KNOW, HOW_IT_WORKS, ID_DOCUMENT

SERVICES_LEARNING = [
    page(
        "corsi-di-italiano-l2",
        title=t(
            "Corsi di italiano L2 per adulti",
            "Italian L2 courses for adults",
            "Cours d'italien L2 pour adultes",
            "دورات اللغة الإيطالية لغةً ثانية للبالغين",
        ),
        summary=t(
            "Corsi gratuiti di lingua italiana dal livello Pre-A1 al B1, di giorno, di sera e online, in "
            "tutta la Liguria.",
            "Free Italian language courses from Pre-A1 to B1 level, in the daytime, in the evening and "
            "online, all over Liguria.",
            "Cours de langue italienne gratuits du niveau pré-A1 au B1, en journée, le soir et en ligne, "
            "dans toute la Ligurie.",
            "دورات مجانية في اللغة الإيطالية من مستوى ما قبل A1 حتى B1، نهارًا ومساءً وعبر الإنترنت، في جميع "
            "أنحاء ليغوريا.",
        ),
        audiences=["adults", "women", "workers", "asylum_seekers"],
        audience_details=rich(
            "<p>Persone straniere dai 16 anni in su, con o senza permesso di soggiorno.</p>",
            "<p>Foreign nationals aged 16 and over, with or without a residence permit.</p>",
            "<p>Personnes étrangères à partir de 16 ans, avec ou sans titre de séjour.</p>",
            "<p>الأشخاص الأجانب من سن 16 عامًا فما فوق، بتصريح إقامة أو بدونه.</p>",
        ),
        how_to_access=[
            how_to_step(
                t(
                    "Prenota il test di livello",
                    "Book the level test",
                    "Réservez le test de niveau",
                    "احجز اختبار تحديد المستوى",
                ),
                rich(
                    "<p>Allo sportello, al telefono o online.</p>",
                    "<p>At the desk, by phone or online.</p>",
                    "<p>Au guichet, par téléphone ou en ligne.</p>",
                    "<p>في الشباك أو بالهاتف أو عبر الإنترنت.</p>",
                ),
            ),
            how_to_step(
                t("Fai il test", "Take the test", "Passez le test", "أجرِ الاختبار"),
                rich(
                    "<p>Un breve colloquio per capire da quale livello partire.</p>",
                    "<p>A short interview to find the right level to start from.</p>",
                    "<p>Un court entretien pour savoir à quel niveau commencer.</p>",
                    "<p>مقابلة قصيرة لمعرفة المستوى المناسب للبدء.</p>",
                ),
            ),
            how_to_step(
                t(
                    "Scegli gli orari e inizia il corso",
                    "Choose your times and start the course",
                    "Choisissez les horaires et commencez le cours",
                    "اختر المواعيد وابدأ الدورة",
                ),
            ),
        ],
        what_you_need=ID_DOCUMENT,
        what_you_get=rich(
            "<p>Un corso di 100-200 ore e, alla fine, un attestato di livello valido per il permesso di "
            "soggiorno UE per soggiornanti di lungo periodo.</p>",
            "<p>A 100 to 200-hour course and, at the end, a level certificate valid for the EU long-term "
            "residence permit.</p>",
            "<p>Un cours de 100 à 200 heures et, à la fin, une attestation de niveau valable pour le permis "
            "de séjour UE de longue durée.</p>",
            "<p>دورة من 100 إلى 200 ساعة، وفي نهايتها شهادة مستوى صالحة لتصريح الإقامة الأوروبي طويل "
            "الأمد.</p>",
        ),
        is_free=True,
        costs=FREE,
        deadlines=rich(
            "<p>Iscrizioni aperte tutto l'anno; i nuovi corsi iniziano a ottobre e a febbraio.</p>",
            "<p>Enrolment is open all year; new courses start in October and February.</p>",
            "<p>Inscriptions ouvertes toute l'année ; les nouveaux cours commencent en octobre et en "
            "février.</p>",
            "<p>التسجيل مفتوح طوال العام؛ وتبدأ الدورات الجديدة في أكتوبر وفبراير.</p>",
        ),
        online_url="https://interazioni.example.org/corsi-italiano/prenota",
        channels=CHANNELS_DESK,
        service_points=["genova-centro", "savona", "la-spezia"],
        topics=["scuola-e-lingua-italiana"],
        programme_action="01",
        provinces=ALL_PROVINCES,
        service_languages=["it", "en", "fr", "ar", "es", "uk"],
        last_reviewed=FromToday(-14),
        body=[
            image(
                ImageRef("corso-italiano"),
                caption=t(
                    "Una lezione del corso A1 a Savona",
                    "An A1 course lesson in Savona",
                    "Une leçon du cours A1 à Savone",
                    "درس من دورة المستوى A1 في سافونا",
                ),
                alt_text=t(
                    "Sei persone adulte ai banchi davanti a una lavagna con scritto «Ciao!».",
                    "Six adults at their desks in front of a blackboard that reads «Ciao!».",
                    "Six adultes à leur pupitre devant un tableau où est écrit « Ciao ! ».",
                    "ستة أشخاص بالغين على المقاعد أمام سبورة مكتوب عليها «Ciao!».",
                ),
            ),
            heading(t("I livelli", "The levels", "Les niveaux", "المستويات")),
            paragraph(
                rich(
                    "<ul><li><b>Pre-A1</b>: per chi non sa leggere e scrivere o usa un altro "
                    "alfabeto</li><li><b>A1 e A2</b>: per comunicare nella vita di tutti i "
                    "giorni</li><li><b>B1</b>: per lo studio, il lavoro e la cittadinanza</li></ul>",
                    "<ul><li><b>Pre-A1</b>: for people who cannot read and write or use another "
                    "alphabet</li><li><b>A1 and A2</b>: to communicate in everyday life</li><li><b>B1</b>: "
                    "for study, work and citizenship</li></ul>",
                    "<ul><li><b>Pré-A1</b> : pour les personnes qui ne savent pas lire et écrire ou "
                    "utilisent un autre alphabet</li><li><b>A1 et A2</b> : pour communiquer dans la vie de "
                    "tous les jours</li><li><b>B1</b> : pour les études, le travail et la "
                    "nationalité</li></ul>",
                    "<ul><li><b>ما قبل A1</b>: لمن لا يعرف القراءة والكتابة أو يستخدم أبجدية "
                    "أخرى</li><li><b>A1 وA2</b>: للتواصل في الحياة اليومية</li><li><b>B1</b>: للدراسة والعمل "
                    "والجنسية</li></ul>",
                )
            ),
            faq(
                FAQ_TITLE,
                [
                    (
                        t(
                            "Il corso è gratuito?",
                            "Is the course free?",
                            "Le cours est-il gratuit ?",
                            "هل الدورة مجانية؟",
                        ),
                        rich(
                            "<p>Sì, per tutte e tutti, compresi i libri.</p>",
                            "<p>Yes, for everyone, books included.</p>",
                            "<p>Oui, pour tout le monde, livres compris.</p>",
                            "<p>نعم، للجميع، بما في ذلك الكتب.</p>",
                        ),
                    ),
                    (
                        t(
                            "Serve il permesso di soggiorno?",
                            "Do I need a residence permit?",
                            "Faut-il un titre de séjour ?",
                            "هل أحتاج إلى تصريح إقامة؟",
                        ),
                        rich(
                            "<p>No, basta un documento di identità.</p>",
                            "<p>No, an identity document is enough.</p>",
                            "<p>Non, une pièce d'identité suffit.</p>",
                            "<p>لا، تكفي وثيقة هوية.</p>",
                        ),
                    ),
                    (
                        t(
                            "Posso seguire il corso online?",
                            "Can I take the course online?",
                            "Puis-je suivre le cours en ligne ?",
                            "هل يمكنني متابعة الدورة عبر الإنترنت؟",
                        ),
                        rich(
                            "<p>Sì, per i livelli A2 e B1 ci sono classi online la sera.</p>",
                            "<p>Yes, there are evening online classes for levels A2 and B1.</p>",
                            "<p>Oui, il y a des classes en ligne le soir pour les niveaux A2 et B1.</p>",
                            "<p>نعم، توجد صفوف مسائية عبر الإنترنت للمستويين A2 وB1.</p>",
                        ),
                    ),
                ],
            ),
            document(
                DocumentRef("modulo-iscrizione-l2"),
                title=t(
                    "Modulo di iscrizione (PDF)",
                    "Enrolment form (PDF, in Italian)",
                    "Formulaire d'inscription (PDF, en italien)",
                    "استمارة التسجيل (PDF، بالإيطالية)",
                ),
            ),
            call_to_action(
                t(
                    "Prenota il test di livello",
                    "Book the level test",
                    "Réservez le test de niveau",
                    "احجز اختبار تحديد المستوى",
                ),
                url="https://interazioni.example.org/corsi-italiano/prenota",
            ),
        ],
    ),
    page(
        "iscrizione-al-cpia",
        title=t(
            "Iscrizione al CPIA: scuola per adulti",
            "Enrolling at a CPIA: school for adults",
            "S'inscrire au CPIA : l'école pour adultes",
            "التسجيل في مركز تعليم الكبار CPIA",
        ),
        summary=t(
            "Nei Centri provinciali per l'istruzione degli adulti puoi prendere la licenza media e studiare "
            "italiano, anche se lavori.",
            "At provincial adult education centres (CPIA) you can get your lower secondary diploma and study "
            "Italian, even while working.",
            "Dans les centres provinciaux pour l'éducation des adultes (CPIA), vous pouvez obtenir le "
            "diplôme du collège et étudier l'italien, même si vous travaillez.",
            "في المراكز الإقليمية لتعليم الكبار (CPIA) يمكنك الحصول على شهادة المرحلة المتوسطة ودراسة "
            "الإيطالية، حتى وأنت تعمل.",
        ),
        audiences=["adults", "students", "workers"],
        audience_details=rich(
            "<p>Chi ha compiuto 16 anni e non ha un titolo di studio italiano di scuola media.</p>",
            "<p>Anyone aged 16 or over without an Italian lower secondary school diploma.</p>",
            "<p>Toute personne de 16 ans ou plus sans diplôme italien de fin de collège.</p>",
            "<p>كل من بلغ 16 عامًا ولا يحمل شهادة إيطالية للمرحلة المتوسطة.</p>",
        ),
        how_to_access=[
            how_to_step(
                t(
                    "Vai alla segreteria del CPIA",
                    "Go to the CPIA office",
                    "Rendez-vous au secrétariat du CPIA",
                    "توجّه إلى أمانة مركز CPIA",
                )
            ),
            how_to_step(
                t(
                    "Compila la domanda di iscrizione",
                    "Fill in the enrolment application",
                    "Remplissez la demande d'inscription",
                    "املأ طلب التسجيل",
                )
            ),
            how_to_step(
                t(
                    "Concorda il percorso con i docenti",
                    "Agree your study plan with the teachers",
                    "Définissez votre parcours avec les enseignants",
                    "اتفق على مسارك الدراسي مع المعلمين",
                )
            ),
        ],
        what_you_need=ID_DOCUMENT,
        what_you_get=rich(
            "<p>Il diploma di licenza media e il riconoscimento dei crediti per gli studi fatti nel tuo "
            "paese.</p>",
            "<p>The lower secondary school diploma and credit for the studies you did in your country.</p>",
            "<p>Le diplôme de fin de collège et la reconnaissance des études faites dans votre pays.</p>",
            "<p>شهادة المرحلة المتوسطة والاعتراف بالدراسات التي أتممتها في بلدك.</p>",
        ),
        is_free=True,
        costs=FREE,
        deadlines=rich(
            "<p>Iscrizioni entro il 31 ottobre per i percorsi annuali.</p>",
            "<p>Enrol by 31 October for the year-long courses.</p>",
            "<p>Inscriptions avant le 31 octobre pour les parcours annuels.</p>",
            "<p>التسجيل قبل 31 أكتوبر للمسارات السنوية.</p>",
        ),
        channels=CHANNELS_DESK,
        service_points=["genova-centro", "imperia"],
        topics=["scuola-e-lingua-italiana"],
        programme_action="01",
        provinces=ALL_PROVINCES,
        service_languages=["it", "en", "fr", "ar"],
        last_reviewed=FromToday(-30),
        body=[
            alert(
                "warning",
                t(
                    "Iscrizioni entro il 31 ottobre",
                    "Enrol by 31 October",
                    "Inscriptions avant le 31 octobre",
                    "التسجيل قبل 31 أكتوبر",
                ),
                rich(
                    "<p>Dopo questa data puoi iscriverti solo ai corsi brevi di italiano.</p>",
                    "<p>After this date you can only enrol in the short Italian courses.</p>",
                    "<p>Après cette date, vous ne pouvez vous inscrire qu'aux cours d'italien courts.</p>",
                    "<p>بعد هذا التاريخ يمكنك التسجيل في دورات الإيطالية القصيرة فقط.</p>",
                ),
            ),
            quote(
                t(
                    "Ho preso la licenza media a 34 anni: ora lavoro come operatrice sociosanitaria.",
                    "I got my lower secondary diploma at 34: now I work as a care assistant.",
                    "J'ai obtenu mon diplôme du collège à 34 ans : aujourd'hui je travaille comme "
                    "aide-soignante.",
                    "حصلت على شهادة المرحلة المتوسطة في سن 34: وأعمل الآن مساعدة رعاية صحية واجتماعية.",
                ),
                "Joy, La Spezia",
            ),
            call_to_action(
                t(
                    "Vedi i corsi di italiano",
                    "See the Italian courses",
                    "Voir les cours d'italien",
                    "اطلع على دورات الإيطالية",
                ),
                page=PageRef("servizi/corsi-di-italiano-l2"),
            ),
        ],
    ),
    page(
        "iscrizione-scolastica",
        title=t(
            "Iscrivere a scuola bambine e bambini",
            "Enrolling children at school",
            "Inscrire les enfants à l'école",
            "تسجيل الأطفال في المدرسة",
        ),
        summary=t(
            "In Italia la scuola è un diritto per tutti i minori, anche senza permesso di soggiorno: ecco "
            "come iscriverli in qualsiasi momento dell'anno.",
            "In Italy school is a right for all children, even without a residence permit: here is how to "
            "enrol them at any time of the year.",
            "En Italie, l'école est un droit pour tous les mineurs, même sans titre de séjour : voici "
            "comment les inscrire à tout moment de l'année.",
            "في إيطاليا التعليم حق لجميع القاصرين حتى بدون تصريح إقامة: إليك كيفية تسجيلهم في أي وقت من "
            "السنة.",
        ),
        audiences=["minors", "families"],
        audience_details=rich(
            "<p>Famiglie con figlie e figli dai 6 ai 16 anni, arrivati da poco in Italia.</p>",
            "<p>Families with children aged 6 to 16 who have recently arrived in Italy.</p>",
            "<p>Familles avec des enfants de 6 à 16 ans arrivés depuis peu en Italie.</p>",
            "<p>العائلات التي لديها أبناء وبنات من 6 إلى 16 عامًا وصلوا حديثًا إلى إيطاليا.</p>",
        ),
        how_to_access=[
            how_to_step(
                t(
                    "Scegli la scuola più vicina a casa",
                    "Choose the school closest to home",
                    "Choisissez l'école la plus proche de chez vous",
                    "اختر أقرب مدرسة إلى منزلك",
                )
            ),
            how_to_step(
                t(
                    "Chiedi un colloquio in segreteria",
                    "Ask the school office for a meeting",
                    "Demandez un rendez-vous au secrétariat",
                    "اطلب مقابلة في أمانة المدرسة",
                ),
                rich(
                    "<p>Puoi chiedere la presenza di un mediatore culturale.</p>",
                    "<p>You can ask for a cultural mediator to be present.</p>",
                    "<p>Vous pouvez demander la présence d'un médiateur culturel.</p>",
                    "<p>يمكنك طلب حضور وسيط ثقافي.</p>",
                ),
            ),
            how_to_step(
                t(
                    "Porta i documenti e le pagelle",
                    "Bring the documents and school reports",
                    "Apportez les documents et les bulletins scolaires",
                    "أحضر الوثائق والشهادات المدرسية",
                )
            ),
        ],
        what_you_need=rich(
            "<ul><li>Un documento del bambino o della bambina</li><li>Le vaccinazioni fatte</li><li>Le "
            "pagelle della scuola frequentata prima, se le hai</li></ul>",
            "<ul><li>An identity document of the child</li><li>The vaccination record</li><li>Reports from "
            "the previous school, if you have them</li></ul>",
            "<ul><li>Une pièce d'identité de l'enfant</li><li>Le carnet de vaccination</li><li>Les bulletins "
            "de l'école précédente, si vous les avez</li></ul>",
            "<ul><li>وثيقة هوية الطفل أو الطفلة</li><li>سجل التطعيمات</li><li>الشهادات المدرسية من المدرسة "
            "السابقة إن وُجدت</li></ul>",
        ),
        what_you_get=rich(
            "<p>Un posto nella classe adatta all'età e, se serve, un laboratorio di italiano in orario "
            "scolastico.</p>",
            "<p>A place in the class suited to the child's age and, if needed, an Italian workshop during "
            "school hours.</p>",
            "<p>Une place dans la classe adaptée à l'âge et, si besoin, un atelier d'italien pendant les "
            "heures de cours.</p>",
            "<p>مقعد في الصف المناسب للعمر، وعند الحاجة ورشة للغة الإيطالية خلال الدوام المدرسي.</p>",
        ),
        is_free=True,
        costs=rich(
            "<p>La scuola pubblica è gratuita; mensa e libri possono avere un costo ridotto in base al "
            "reddito.</p>",
            "<p>State school is free; meals and books may cost less depending on your income.</p>",
            "<p>L'école publique est gratuite ; la cantine et les livres peuvent coûter moins selon vos "
            "revenus.</p>",
            "<p>المدرسة العامة مجانية؛ وقد تنخفض تكلفة المقصف والكتب حسب الدخل.</p>",
        ),
        deadlines=rich(
            "<p>Le iscrizioni ordinarie sono a gennaio, ma chi arriva in corso d'anno può iscriversi "
            "subito.</p>",
            "<p>Ordinary enrolment is in January, but children arriving during the year can enrol straight "
            "away.</p>",
            "<p>Les inscriptions ordinaires ont lieu en janvier, mais les enfants arrivés en cours d'année "
            "peuvent s'inscrire tout de suite.</p>",
            "<p>التسجيل العادي يكون في يناير، لكن من يصل خلال السنة يمكنه التسجيل فورًا.</p>",
        ),
        channels=CHANNELS_DESK,
        service_points=["genova-centro", "savona", "la-spezia", "imperia"],
        topics=["scuola-e-lingua-italiana", "famiglia"],
        programme_action="01",
        provinces=ALL_PROVINCES,
        service_languages=["it", "en", "fr", "ar", "sq", "ro", "zh"],
        last_reviewed=FromToday(-45),
        body=[
            image(ImageRef("scuola")),
            steps(
                t(
                    "Il primo giorno di scuola",
                    "The first day of school",
                    "Le premier jour d'école",
                    "اليوم الأول في المدرسة",
                ),
                [
                    step(
                        t(
                            "Accompagna tuo figlio in classe",
                            "Take your child to the classroom",
                            "Accompagnez votre enfant en classe",
                            "رافق طفلك إلى الصف",
                        )
                    ),
                    step(
                        t(
                            "Conosci l'insegnante referente",
                            "Meet the contact teacher",
                            "Rencontrez l'enseignant référent",
                            "تعرّف على المعلم المسؤول",
                        )
                    ),
                    step(
                        t(
                            "Chiedi il calendario e l'orario",
                            "Ask for the calendar and timetable",
                            "Demandez le calendrier et l'emploi du temps",
                            "اطلب التقويم والجدول الزمني",
                        )
                    ),
                ],
            ),
            video(
                "https://youtu.be/aqz-KE-bpKQ",
                t(
                    "La scuola italiana spiegata alle famiglie",
                    "Italian school explained to families",
                    "L'école italienne expliquée aux familles",
                    "المدرسة الإيطالية مشروحة للعائلات",
                ),
            ),
        ],
    ),
    page(
        "guide-multilingue-ai-servizi",
        title=t(
            "Guide multilingue ai servizi pubblici",
            "Multilingual guides to public services",
            "Guides multilingues des services publics",
            "أدلة متعددة اللغات للخدمات العامة",
        ),
        summary=t(
            "Opuscoli, video e schede in nove lingue per capire come funzionano i servizi pubblici in "
            "Liguria.",
            "Leaflets, videos and fact sheets in nine languages to understand how public services work in "
            "Liguria.",
            "Brochures, vidéos et fiches en neuf langues pour comprendre le fonctionnement des services "
            "publics en Ligurie.",
            "كتيبات ومقاطع فيديو وبطاقات معلومات بتسع لغات لفهم كيفية عمل الخدمات العامة في ليغوريا.",
        ),
        audiences=["adults", "families", "operators"],
        how_to_access=[
            how_to_step(t("Scarica la guida", "Download the guide", "Téléchargez le guide", "حمّل الدليل")),
            how_to_step(
                t(
                    "Oppure ritirala stampata allo sportello",
                    "Or pick up a printed copy at the desk",
                    "Ou retirez-la imprimée au guichet",
                    "أو استلم نسخة مطبوعة من الشباك",
                )
            ),
        ],
        what_you_get=rich(
            "<p>Informazioni chiare e aggiornate nella tua lingua.</p>",
            "<p>Clear, up-to-date information in your language.</p>",
            "<p>Des informations claires et à jour dans votre langue.</p>",
            "<p>معلومات واضحة ومحدّثة بلغتك.</p>",
        ),
        is_free=True,
        costs=FREE,
        channels=CHANNELS_DESK,
        service_points=["genova-centro", "la-spezia"],
        topics=["partecipazione", "documenti-e-permessi"],
        programme_action="03",
        provinces=ALL_PROVINCES,
        service_languages=["it", "en", "fr", "es", "ar", "sq", "ro", "zh", "uk"],
        last_reviewed=FromToday(-7),
        body=[
            heading(GOOD_TO_KNOW),
            paragraph(
                rich(
                    "<p>Le guide sono scritte in linguaggio semplice con le associazioni di migranti, che le "
                    "rileggono prima della pubblicazione.</p>",
                    "<p>The guides are written in plain language together with migrant associations, who "
                    "review them before publication.</p>",
                    "<p>Les guides sont rédigés en langage simple avec les associations de personnes "
                    "migrantes, qui les relisent avant publication.</p>",
                    "<p>تُكتب الأدلة بلغة بسيطة بالتعاون مع جمعيات المهاجرين التي تراجعها قبل النشر.</p>",
                )
            ),
            document(
                DocumentRef("guida-servizi"),
                title=t(
                    "Guida ai servizi (PDF)",
                    "Guide to services (PDF, in Italian)",
                    "Guide des services (PDF, en italien)",
                    "دليل الخدمات (PDF، بالإيطالية)",
                ),
                description=t(
                    "Una pagina, da stampare o condividere.",
                    "One page, to print or share.",
                    "Une page, à imprimer ou à partager.",
                    "صفحة واحدة للطباعة أو المشاركة.",
                ),
            ),
            heading(HOW_IT_WORKS, "h3"),
            paragraph(
                rich(
                    "<p>Ogni guida è aggiornata almeno una volta l'anno.</p>",
                    "<p>Each guide is updated at least once a year.</p>",
                    "<p>Chaque guide est mis à jour au moins une fois par an.</p>",
                    "<p>يُحدَّث كل دليل مرة واحدة على الأقل في السنة.</p>",
                )
            ),
        ],
    ),
]
