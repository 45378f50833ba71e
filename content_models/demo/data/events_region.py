"""Events organised by the Region and its partners, listed in the events section."""

from ..spec import ImageRef, PageRef, call_to_action, image
from ..text import rich, t
from .venues import (
    BERIO,
    BURANELLO,
    CPI_CHIAVARI,
    CPIA_GENOVA,
    DUCALE,
    GALATA,
    LAGORIO,
    LUZZATI,
    MAZZINI,
    ONLINE,
    ORMOND,
    PIAZZA_EUROPA,
    PRIAMAR,
    SALA_ROSSA,
    all_day,
    event,
    when,
)

REGION_EVENTS = [
    event(
        "open-day-cpia-genova",
        t(
            "Open day del CPIA Genova Centro",
            "Open day at CPIA Genova Centro",
            "Journée portes ouvertes du CPIA Genova Centro",
            "يوم مفتوح في مركز CPIA جنوة الوسط",
        ),
        t(
            "Visita la scuola per adulti, conosci i docenti e fai subito il test di italiano.",
            "Visit the adult school, meet the teachers and take the Italian test on the spot.",
            "Visitez l'école pour adultes, rencontrez les enseignants et passez tout de suite le test "
            "d'italien.",
            "زر مدرسة الكبار، وتعرّف على المعلمين، وأجرِ اختبار الإيطالية في الحال.",
        ),
        rich(
            "<p>Porta un documento di identità: puoi iscriverti il giorno stesso.</p>",
            "<p>Bring an identity document: you can enrol on the same day.</p>",
            "<p>Apportez une pièce d'identité : vous pouvez vous inscrire le jour même.</p>",
            "<p>أحضر وثيقة هوية: يمكنك التسجيل في اليوم نفسه.</p>",
        ),
        **when(10, "10:00", "13:00"),
        **CPIA_GENOVA,
        event_languages=["it", "en", "fr", "ar"],
        audiences=["adults", "students"],
        topics=["scuola-e-lingua-italiana"],
        extra_body=[
            call_to_action(
                t(
                    "Scopri i corsi di italiano",
                    "Discover the Italian courses",
                    "Découvrir les cours d'italien",
                    "اكتشف دورات الإيطالية",
                ),
                page=PageRef("servizi/corsi-di-italiano-l2"),
            )
        ],
    ),
    event(
        "iniziano-i-corsi-di-italiano-a-savona",
        t(
            "Iniziano i corsi di italiano A1 a Savona",
            "A1 Italian courses start in Savona",
            "Les cours d'italien A1 commencent à Savone",
            "بدء دورات الإيطالية للمستوى A1 في سافونا",
        ),
        t(
            "Prima lezione dei corsi serali di italiano A1: due sere a settimana per quattro mesi.",
            "First lesson of the evening A1 Italian courses: two evenings a week for four months.",
            "Première leçon des cours du soir d'italien A1 : deux soirs par semaine pendant quatre mois.",
            "الدرس الأول من دورات الإيطالية المسائية للمستوى A1: مساءان في الأسبوع لمدة أربعة أشهر.",
        ),
        rich(
            "<p>Ci sono ancora posti: iscriviti online prima dell'inizio.</p>",
            "<p>There are still places: enrol online before the start.</p>",
            "<p>Il reste des places : inscrivez-vous en ligne avant le début.</p>",
            "<p>لا تزال هناك أماكن شاغرة: سجّل عبر الإنترنت قبل البدء.</p>",
        ),
        **when(21, "18:00", "20:00"),
        **SALA_ROSSA,
        registration_url="https://interazioni.example.org/corsi-italiano/prenota",
        event_languages=["it"],
        audiences=["adults", "workers"],
        topics=["scuola-e-lingua-italiana"],
    ),
    event(
        "webinar-medico-di-famiglia",
        t(
            "Webinar: medico di famiglia e tessera sanitaria",
            "Webinar: family doctor and health card",
            "Webinaire : médecin traitant et carte sanitaire",
            "ندوة عبر الإنترنت: طبيب الأسرة والبطاقة الصحية",
        ),
        t(
            "Un'ora online per capire come iscriversi al Servizio sanitario nazionale, con mediatori in "
            "quattro lingue.",
            "One hour online to understand how to register with the National Health Service, with mediators "
            "in four languages.",
            "Une heure en ligne pour comprendre comment s'inscrire au Service national de santé, avec des "
            "médiateurs en quatre langues.",
            "ساعة عبر الإنترنت لفهم كيفية التسجيل في الخدمة الصحية الوطنية، مع وسطاء بأربع لغات.",
        ),
        rich(
            "<p>Il link per collegarsi è attivo dieci minuti prima dell'inizio.</p>",
            "<p>The link to join opens ten minutes before the start.</p>",
            "<p>Le lien de connexion est actif dix minutes avant le début.</p>",
            "<p>يصبح رابط الانضمام متاحًا قبل البدء بعشر دقائق.</p>",
        ),
        **when(6, "17:30", "18:30"),
        online_url=f"{ONLINE}-salute",
        event_languages=["it", "ar", "fr", "en"],
        audiences=["adults", "families"],
        topics=["salute"],
        extra_body=[
            call_to_action(
                t(
                    "Come iscriversi al SSN",
                    "How to register with the SSN",
                    "Comment s'inscrire au SSN",
                    "كيف تسجل في الخدمة الصحية",
                ),
                page=PageRef("servizi/iscrizione-al-servizio-sanitario-nazionale"),
            )
        ],
    ),
    event(
        "webinar-rinnovo-permesso-di-soggiorno",
        t(
            "Webinar: rinnovare il permesso di soggiorno",
            "Webinar: renewing your residence permit",
            "Webinaire : renouveler son titre de séjour",
            "ندوة عبر الإنترنت: تجديد تصريح الإقامة",
        ),
        t(
            "Quali documenti servono, quanto costa e cosa fare mentre si aspetta il nuovo permesso.",
            "Which documents you need, how much it costs and what to do while waiting for the new permit.",
            "Quels documents il faut, combien cela coûte et que faire en attendant le nouveau titre.",
            "ما الوثائق المطلوبة، وكم تبلغ التكلفة، وماذا تفعل أثناء انتظار التصريح الجديد.",
        ),
        rich(
            "<p>La registrazione sarà pubblicata nella pagina dell'orientamento legale.</p>",
            "<p>The recording will be published on the legal guidance page.</p>",
            "<p>L'enregistrement sera publié sur la page de l'orientation juridique.</p>",
            "<p>سيُنشر التسجيل في صفحة التوجيه القانوني.</p>",
        ),
        **when(-12, "18:00", "19:30"),
        online_url=f"{ONLINE}-permessi",
        event_languages=["it", "en", "fr", "ar", "uk"],
        audiences=["adults", "asylum_seekers"],
        topics=["documenti-e-permessi"],
    ),
    event(
        "giornata-mondiale-del-rifugiato",
        t(
            "Giornata mondiale del rifugiato a Genova",
            "World Refugee Day in Genoa",
            "Journée mondiale des réfugiés à Gênes",
            "اليوم العالمي للاجئين في جنوة",
        ),
        t(
            "Una giornata di musica, racconti e cibo ai Giardini Luzzati, con le associazioni di rifugiati.",
            "A day of music, stories and food at the Giardini Luzzati, with refugee associations.",
            "Une journée de musique, de récits et de cuisine aux Giardini Luzzati, avec les associations de "
            "réfugiés.",
            "يوم من الموسيقى والحكايات والطعام في حدائق لوتساتي، مع جمعيات اللاجئين.",
        ),
        rich(
            "<p>Ingresso libero per tutta la giornata.</p>",
            "<p>Free entry all day.</p>",
            "<p>Entrée libre toute la journée.</p>",
            "<p>الدخول مجاني طوال اليوم.</p>",
        ),
        **all_day(35),
        **LUZZATI,
        event_languages=["it", "en", "fr", "ar", "ti", "so"],
        audiences=["adults", "families", "asylum_seekers"],
        topics=["cultura", "partecipazione"],
        extra_body=[image(ImageRef("festa"))],
    ),
    event(
        "festa-dei-popoli-la-spezia",
        t(
            "Festa dei popoli alla Spezia",
            "Festival of Peoples in La Spezia",
            "Fête des peuples à La Spezia",
            "مهرجان الشعوب في لا سبيتسيا",
        ),
        t(
            "Due giorni di cucine, danze e giochi dal mondo in piazza Europa.",
            "Two days of food, dances and games from around the world in Piazza Europa.",
            "Deux jours de cuisines, de danses et de jeux du monde entier sur la piazza Europa.",
            "يومان من المأكولات والرقصات والألعاب من حول العالم في ساحة أوروبا.",
        ),
        rich(
            "<p>Le associazioni che vogliono uno stand possono scrivere allo sportello della Spezia.</p>",
            "<p>Associations that would like a stall can write to the La Spezia desk.</p>",
            "<p>Les associations qui souhaitent un stand peuvent écrire au guichet de La Spezia.</p>",
            "<p>يمكن للجمعيات التي ترغب في جناح أن تراسل شباك لا سبيتسيا.</p>",
        ),
        **all_day(45, 46),
        **PIAZZA_EUROPA,
        event_languages=["it", "en", "ro", "uk", "zh"],
        audiences=["families", "adults", "associations"],
        topics=["cultura", "partecipazione"],
    ),
    event(
        "laboratorio-curriculum-chiavari",
        t(
            "Laboratorio: scrivere il curriculum in italiano",
            "Workshop: writing your CV in Italian",
            "Atelier : rédiger son CV en italien",
            "ورشة عمل: كتابة السيرة الذاتية بالإيطالية",
        ),
        t(
            "Un pomeriggio per preparare il curriculum e simulare un colloquio di lavoro.",
            "An afternoon to prepare your CV and practise a job interview.",
            "Un après-midi pour préparer son CV et simuler un entretien d'embauche.",
            "فترة بعد الظهر لإعداد السيرة الذاتية والتدرب على مقابلة عمل.",
        ),
        rich(
            "<p>Porta una chiavetta USB o il tuo telefono.</p>",
            "<p>Bring a USB stick or your phone.</p>",
            "<p>Apportez une clé USB ou votre téléphone.</p>",
            "<p>أحضر ذاكرة USB أو هاتفك.</p>",
        ),
        **when(-20, "14:30", "17:00"),
        **CPI_CHIAVARI,
        event_languages=["it", "en", "es"],
        audiences=["workers", "adults"],
        topics=["lavoro"],
    ),
    event(
        "sportello-itinerante-imperia",
        t(
            "Sportello itinerante a Imperia",
            "Mobile help desk in Imperia",
            "Guichet itinérant à Imperia",
            "شباك متنقل في إمبيريا",
        ),
        t(
            "Lo sportello unico arriva in biblioteca: informazioni su documenti, salute e lavoro senza "
            "appuntamento.",
            "The single access point comes to the library: information on documents, health and work without "
            "an appointment.",
            "Le guichet unique s'installe à la bibliothèque : informations sur les documents, la santé et le "
            "travail sans rendez-vous.",
            "الشباك الموحد يأتي إلى المكتبة: معلومات عن الوثائق والصحة والعمل دون موعد مسبق.",
        ),
        rich(
            "<p>Sono presenti mediatori in arabo, francese e punjabi.</p>",
            "<p>Mediators speaking Arabic, French and Punjabi will be there.</p>",
            "<p>Des médiateurs en arabe, français et pendjabi seront présents.</p>",
            "<p>سيحضر وسطاء يتحدثون العربية والفرنسية والبنجابية.</p>",
        ),
        **when(3, "09:00", "13:00"),
        **LAGORIO,
        event_languages=["it", "ar", "fr", "pa"],
        audiences=["adults", "families"],
        topics=["documenti-e-permessi", "salute", "lavoro"],
    ),
    event(
        "incontro-genitori-iscrizione-scuola",
        t(
            "Incontro per genitori: come funziona la scuola italiana",
            "Meeting for parents: how Italian school works",
            "Réunion pour les parents : comment fonctionne l'école italienne",
            "لقاء للآباء والأمهات: كيف تعمل المدرسة الإيطالية",
        ),
        t(
            "Iscrizioni, mensa, colloqui con gli insegnanti: un incontro in presenza e online per le "
            "famiglie arrivate da poco.",
            "Enrolment, school meals, meetings with teachers: an in-person and online meeting for newly "
            "arrived families.",
            "Inscriptions, cantine, rencontres avec les enseignants : une réunion sur place et en ligne pour "
            "les familles arrivées récemment.",
            "التسجيل والمقصف واللقاءات مع المعلمين: لقاء حضوري وعبر الإنترنت للعائلات الوافدة حديثًا.",
        ),
        rich(
            "<p>Durante l'incontro c'è uno spazio gioco per i bambini.</p>",
            "<p>There is a play area for children during the meeting.</p>",
            "<p>Un espace de jeu pour les enfants est prévu pendant la réunion.</p>",
            "<p>توجد مساحة لعب للأطفال أثناء اللقاء.</p>",
        ),
        **when(14, "17:00", "18:30"),
        **BERIO,
        online_url=f"{ONLINE}-scuola",
        event_languages=["it", "ar", "sq", "zh", "es"],
        audiences=["families"],
        topics=["scuola-e-lingua-italiana", "famiglia"],
    ),
    event(
        "formazione-operatori-linguaggio-chiaro",
        t(
            "Formazione per operatori: comunicare in modo chiaro",
            "Training for staff: communicating clearly",
            "Formation pour les professionnels : communiquer clairement",
            "تدريب للموظفين: التواصل بوضوح",
        ),
        t(
            "Una giornata per chi lavora nei servizi pubblici: scrivere e parlare in italiano semplice con "
            "le persone straniere.",
            "A day for public service staff: writing and speaking plain Italian with foreign nationals.",
            "Une journée pour le personnel des services publics : écrire et parler un italien simple avec "
            "les personnes étrangères.",
            "يوم للعاملين في الخدمات العامة: الكتابة والتحدث بإيطالية بسيطة مع الأشخاص الأجانب.",
        ),
        rich(
            "<p>Riservato al personale di Comuni, ASL e scuole della Liguria.</p>",
            "<p>For staff of Ligurian municipalities, health authorities and schools only.</p>",
            "<p>Réservé au personnel des communes, des ASL et des écoles de Ligurie.</p>",
            "<p>مخصص لموظفي البلديات والوحدات الصحية والمدارس في ليغوريا.</p>",
        ),
        **when(-30, "09:30", "16:30"),
        **DUCALE,
        event_languages=["it"],
        audiences=["operators"],
        topics=["partecipazione"],
    ),
    event(
        "cineforum-interculturale-savona",
        t(
            "Cineforum interculturale",
            "Intercultural film club",
            "Ciné-club interculturel",
            "نادي السينما بين الثقافات",
        ),
        t(
            "Un film senegalese sottotitolato in italiano, seguito da un dibattito con il regista.",
            "A Senegalese film with Italian subtitles, followed by a discussion with the director.",
            "Un film sénégalais sous-titré en italien, suivi d'un débat avec le réalisateur.",
            "فيلم سنغالي مترجم إلى الإيطالية، يليه نقاش مع المخرج.",
        ),
        rich(
            "<p>In caso di pioggia la proiezione si tiene al coperto.</p>",
            "<p>If it rains, the screening is held indoors.</p>",
            "<p>En cas de pluie, la projection a lieu à l'intérieur.</p>",
            "<p>في حال هطول المطر يُقام العرض في مكان مغلق.</p>",
        ),
        **when(-5, "20:30", "22:30"),
        **PRIAMAR,
        cost=t("Ingresso 3 euro", "Entry 3 euros", "Entrée 3 euros", "الدخول 3 يورو"),
        event_languages=["it", "fr", "wo"],
        audiences=["adults"],
        topics=["cultura"],
    ),
    event(
        "letture-multilingue-in-biblioteca",
        t(
            "Letture multilingue in biblioteca",
            "Multilingual story time at the library",
            "Lectures multilingues à la bibliothèque",
            "قراءات متعددة اللغات في المكتبة",
        ),
        t(
            "Storie per bambine e bambini dai 3 ai 7 anni lette in italiano e nelle lingue delle famiglie.",
            "Stories for children aged 3 to 7 read in Italian and in the families' languages.",
            "Des histoires pour les enfants de 3 à 7 ans lues en italien et dans les langues des familles.",
            "قصص للأطفال من 3 إلى 7 سنوات تُقرأ بالإيطالية وبلغات العائلات.",
        ),
        rich(
            "<p>I genitori che vogliono leggere nella propria lingua sono benvenuti.</p>",
            "<p>Parents who would like to read in their own language are welcome.</p>",
            "<p>Les parents qui souhaitent lire dans leur langue sont les bienvenus.</p>",
            "<p>نرحب بالآباء والأمهات الذين يرغبون في القراءة بلغتهم.</p>",
        ),
        **when(9, "16:30", "17:30"),
        **MAZZINI,
        event_languages=["it", "ro", "uk", "zh", "ar"],
        audiences=["minors", "families"],
        topics=["cultura", "famiglia"],
    ),
    event(
        "corso-sicurezza-sul-lavoro",
        t(
            "Corso gratuito di sicurezza sul lavoro",
            "Free workplace safety course",
            "Formation gratuite à la sécurité au travail",
            "دورة مجانية في السلامة المهنية",
        ),
        t(
            "Il corso base di quattro ore richiesto per lavorare in cantiere e in magazzino, con attestato "
            "finale.",
            "The four-hour basic course required to work on building sites and in warehouses, with a "
            "certificate.",
            "La formation de base de quatre heures exigée pour travailler sur les chantiers et dans les "
            "entrepôts, avec attestation.",
            "الدورة الأساسية لمدة أربع ساعات المطلوبة للعمل في مواقع البناء والمستودعات، مع شهادة في "
            "النهاية.",
        ),
        rich(
            "<p>Il corso è tenuto in italiano semplice, con un mediatore in arabo e bengalese.</p>",
            "<p>The course is taught in plain Italian, with a mediator in Arabic and Bengali.</p>",
            "<p>La formation est donnée en italien simple, avec un médiateur en arabe et en bengali.</p>",
            "<p>تُقدَّم الدورة بإيطالية بسيطة، مع وسيط باللغتين العربية والبنغالية.</p>",
        ),
        **when(-40, "09:00", "13:00"),
        **BURANELLO,
        event_languages=["it", "ar", "bn"],
        audiences=["workers"],
        topics=["lavoro"],
    ),
    event(
        "presentazione-rapporto-immigrazione",
        t(
            "Presentazione del rapporto sull'immigrazione in Liguria",
            "Presentation of the report on immigration in Liguria",
            "Présentation du rapport sur l'immigration en Ligurie",
            "عرض التقرير حول الهجرة في ليغوريا",
        ),
        t(
            "I dati dell'ultimo anno su residenti, lavoro e scuola, discussi con Comuni e associazioni.",
            "Last year's data on residents, work and school, discussed with municipalities and associations.",
            "Les données de la dernière année sur les résidents, le travail et l'école, discutées avec les "
            "communes et les associations.",
            "بيانات العام الماضي حول المقيمين والعمل والمدرسة، تُناقش مع البلديات والجمعيات.",
        ),
        rich(
            "<p>La presentazione si può seguire anche in diretta online.</p>",
            "<p>The presentation can also be followed live online.</p>",
            "<p>La présentation peut aussi être suivie en direct en ligne.</p>",
            "<p>يمكن متابعة العرض أيضًا مباشرة عبر الإنترنت.</p>",
        ),
        **when(-60, "10:00", "12:30"),
        **DUCALE,
        online_url=f"{ONLINE}-rapporto",
        event_languages=["it"],
        audiences=["operators", "associations"],
        topics=["partecipazione"],
        extra_body=[
            call_to_action(
                t(
                    "Vedi le infografiche",
                    "See the infographics",
                    "Voir les infographies",
                    "اطلع على الرسوم البيانية",
                ),
                page=PageRef("infografiche/residenti-stranieri-per-provincia"),
            )
        ],
    ),
    event(
        "visita-guidata-museo-del-mare",
        t(
            "Visita guidata al Museo del Mare in più lingue",
            "Multilingual guided tour of the Sea Museum",
            "Visite guidée multilingue du musée de la Mer",
            "جولة إرشادية متعددة اللغات في متحف البحر",
        ),
        t(
            "Storie di migrazioni di ieri e di oggi raccontate da guide in italiano, inglese, spagnolo e "
            "arabo.",
            "Stories of migration past and present told by guides in Italian, English, Spanish and Arabic.",
            "Des histoires de migrations d'hier et d'aujourd'hui racontées par des guides en italien, "
            "anglais, espagnol et arabe.",
            "حكايات الهجرة بين الأمس واليوم يرويها مرشدون بالإيطالية والإنجليزية والإسبانية والعربية.",
        ),
        rich(
            "<p>Posti limitati: prenotazione obbligatoria.</p>",
            "<p>Limited places: booking required.</p>",
            "<p>Places limitées : réservation obligatoire.</p>",
            "<p>الأماكن محدودة: الحجز إلزامي.</p>",
        ),
        **when(28, "10:30", "12:30"),
        **GALATA,
        registration_url="https://interazioni.example.org/eventi/museo-del-mare",
        event_languages=["it", "en", "es", "ar"],
        audiences=["adults", "families"],
        topics=["cultura"],
    ),
    event(
        "giornata-salute-donne-sanremo",
        t(
            "Giornata della salute delle donne",
            "Women's health day",
            "Journée de la santé des femmes",
            "يوم صحة المرأة",
        ),
        t(
            "Visite gratuite, informazioni sui consultori e sulla prevenzione, con mediatrici culturali.",
            "Free check-ups, information on family clinics and prevention, with female cultural mediators.",
            "Consultations gratuites, informations sur les centres de planning familial et la prévention, "
            "avec des médiatrices culturelles.",
            "فحوص مجانية ومعلومات عن مراكز الاستشارة العائلية والوقاية، مع وسيطات ثقافيات.",
        ),
        rich(
            "<p>Accesso libero, senza tessera sanitaria.</p>",
            "<p>Open access, no health card needed.</p>",
            "<p>Accès libre, sans carte sanitaire.</p>",
            "<p>الدخول حر، دون الحاجة إلى بطاقة صحية.</p>",
        ),
        **all_day(-8),
        **ORMOND,
        event_languages=["it", "ar", "fr", "en"],
        audiences=["women"],
        topics=["salute"],
    ),
]
