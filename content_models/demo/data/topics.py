"""The topic taxonomy. Slugs are filter codes shared by every language, so they are not translated."""

from ..text import t

TOPICS = [
    (
        "salute",
        t("Salute", "Health", "Santé", "الصحة"),
        t(
            "Medico di base, tessera sanitaria, consultori, vaccinazioni ed emergenze.",
            "Family doctor, health card, family clinics, vaccinations and emergencies.",
            "Médecin traitant, carte sanitaire, centres de planning familial, vaccinations et urgences.",
            "طبيب الأسرة، البطاقة الصحية، مراكز الاستشارة العائلية، التطعيمات والطوارئ.",
        ),
    ),
    (
        "lavoro",
        t("Lavoro", "Work", "Travail", "العمل"),
        t(
            "Cercare lavoro, centri per l'impiego, formazione professionale e diritti di chi lavora.",
            "Looking for work, employment centres, vocational training and workers' rights.",
            "Chercher un emploi, centres pour l'emploi, formation professionnelle et droits des "
            "travailleurs.",
            "البحث عن عمل، مراكز التوظيف، التدريب المهني وحقوق العاملين.",
        ),
    ),
    (
        "scuola-e-lingua-italiana",
        t(
            "Scuola e lingua italiana",
            "School and Italian language",
            "École et langue italienne",
            "المدرسة واللغة الإيطالية",
        ),
        t(
            "Corsi di italiano, CPIA, iscrizione a scuola e riconoscimento dei titoli di studio.",
            "Italian courses, adult education centres, school enrolment and recognition of qualifications.",
            "Cours d'italien, centres d'éducation des adultes, inscription scolaire et reconnaissance des "
            "diplômes.",
            "دورات اللغة الإيطالية، مراكز تعليم الكبار، التسجيل في المدرسة والاعتراف بالشهادات.",
        ),
    ),
    (
        "casa",
        t("Casa", "Housing", "Logement", "السكن"),
        t(
            "Cercare casa, contratti di affitto, edilizia pubblica e residenza.",
            "Finding a home, rental contracts, public housing and registered residence.",
            "Chercher un logement, contrats de location, logement social et résidence.",
            "البحث عن سكن، عقود الإيجار، السكن العام وتسجيل الإقامة.",
        ),
    ),
    (
        "documenti-e-permessi",
        t(
            "Documenti e permessi",
            "Documents and permits",
            "Documents et titres de séjour",
            "الوثائق والتصاريح",
        ),
        t(
            "Permesso di soggiorno, rinnovi, cittadinanza, codice fiscale e documenti di identità.",
            "Residence permit, renewals, citizenship, tax code and identity documents.",
            "Titre de séjour, renouvellements, nationalité, code fiscal et pièces d'identité.",
            "تصريح الإقامة، التجديد، الجنسية، الرمز الضريبي ووثائق الهوية.",
        ),
    ),
    (
        "famiglia",
        t("Famiglia", "Family", "Famille", "الأسرة"),
        t(
            "Ricongiungimento familiare, nascita, servizi per l'infanzia e sostegno alle famiglie.",
            "Family reunification, birth, childcare services and family support.",
            "Regroupement familial, naissance, services pour l'enfance et soutien aux familles.",
            "لمّ الشمل العائلي، الولادة، خدمات الطفولة ودعم الأسر.",
        ),
    ),
    (
        "cultura",
        t("Cultura", "Culture", "Culture", "الثقافة"),
        t(
            "Biblioteche, musei, feste delle comunità e dialogo interculturale.",
            "Libraries, museums, community festivals and intercultural dialogue.",
            "Bibliothèques, musées, fêtes des communautés et dialogue interculturel.",
            "المكتبات والمتاحف واحتفالات الجاليات والحوار بين الثقافات.",
        ),
    ),
    (
        "partecipazione",
        t("Partecipazione", "Participation", "Participation", "المشاركة"),
        t(
            "Associazioni, volontariato, consulte e partecipazione alla vita della comunità.",
            "Associations, volunteering, advisory councils and taking part in community life.",
            "Associations, bénévolat, conseils consultatifs et participation à la vie de la communauté.",
            "الجمعيات والتطوع والمجالس الاستشارية والمشاركة في حياة المجتمع.",
        ),
    ),
]
