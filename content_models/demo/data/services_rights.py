"""Services about rights and everyday life (action 02) and support to associations (action 04)."""

from ..spec import (
    FromToday,
    ImageRef,
    PageRef,
    alert,
    call_to_action,
    contact,
    faq,
    heading,
    how_to_step,
    image,
    page,
    paragraph,
    quote,
    related_pages,
    step,
    steps,
)
from ..text import rich, t
from .common import (
    ALL_PROVINCES,
    BOOK_APPOINTMENT,
    CHANNELS_DESK,
    FAQ_TITLE,
    FREE,
    ID_DOCUMENT,
    NO_DEADLINE,
    SEE_ALSO,
)

SERVICES_RIGHTS = [
    page(
        "aiuto-per-la-casa",
        title=t(
            "Aiuto per trovare casa",
            "Help finding a home",
            "Aide pour trouver un logement",
            "المساعدة في إيجاد سكن",
        ),
        summary=t(
            "Orientamento sugli affitti, sui bandi per le case popolari e sui contributi per pagare "
            "l'affitto.",
            "Guidance on renting, on calls for public housing and on rent support grants.",
            "Orientation sur la location, les appels pour les logements sociaux et les aides au paiement du "
            "loyer.",
            "توجيه بشأن الإيجار، وإعلانات السكن الشعبي، والمساعدات لدفع الإيجار.",
        ),
        audiences=["adults", "families"],
        audience_details=rich(
            "<p>Persone e famiglie straniere residenti in Liguria con un permesso di soggiorno valido.</p>",
            "<p>Foreign individuals and families living in Liguria with a valid residence permit.</p>",
            "<p>Personnes et familles étrangères résidant en Ligurie avec un titre de séjour valide.</p>",
            "<p>الأفراد والعائلات الأجنبية المقيمة في ليغوريا بتصريح إقامة ساري المفعول.</p>",
        ),
        how_to_access=[
            how_to_step(BOOK_APPOINTMENT),
            how_to_step(
                t(
                    "Porta il contratto di affitto, se ce l'hai",
                    "Bring your rental contract, if you have one",
                    "Apportez votre contrat de location, si vous en avez un",
                    "أحضر عقد الإيجار إن وُجد",
                )
            ),
        ],
        what_you_need=ID_DOCUMENT,
        what_you_get=rich(
            "<p>Aiuto a leggere un contratto, a partecipare ai bandi e a chiedere i contributi per "
            "l'affitto.</p>",
            "<p>Help reading a contract, applying to housing calls and asking for rent support.</p>",
            "<p>De l'aide pour lire un contrat, participer aux appels et demander des aides au loyer.</p>",
            "<p>مساعدة في قراءة العقد والمشاركة في الإعلانات وطلب مساعدات الإيجار.</p>",
        ),
        is_free=True,
        costs=FREE,
        deadlines=rich(
            "<p>I bandi per le case popolari escono di solito in primavera: controlla le notizie.</p>",
            "<p>Public housing calls usually open in spring: check the news.</p>",
            "<p>Les appels pour les logements sociaux ouvrent en général au printemps : consultez les "
            "actualités.</p>",
            "<p>تصدر إعلانات السكن الشعبي عادة في الربيع: تابع الأخبار.</p>",
        ),
        channels=CHANNELS_DESK,
        service_points=["genova-centro", "savona"],
        topics=["casa", "famiglia"],
        programme_action="02",
        provinces=["GE", "SV"],
        service_languages=["it", "en", "fr", "ar", "sq", "ro"],
        last_reviewed=FromToday(-60),
        body=[
            image(
                ImageRef("casa"),
                caption=t(
                    "Affitto, case popolari, residenza",
                    "Renting, public housing, residence",
                    "Location, logement social, résidence",
                    "الإيجار والسكن الشعبي والإقامة",
                ),
            ),
            steps(
                t(
                    "Prima di firmare un contratto",
                    "Before you sign a contract",
                    "Avant de signer un contrat",
                    "قبل أن توقّع عقدًا",
                ),
                [
                    step(
                        t(
                            "Controlla che sia registrato",
                            "Check that it is registered",
                            "Vérifiez qu'il est enregistré",
                            "تأكد من أنه مسجّل",
                        )
                    ),
                    step(
                        t(
                            "Chiedi la ricevuta della caparra",
                            "Ask for a receipt for the deposit",
                            "Demandez un reçu pour la caution",
                            "اطلب إيصالًا بمبلغ التأمين",
                        )
                    ),
                    step(
                        t(
                            "Fatti aiutare a leggerlo",
                            "Get help reading it",
                            "Faites-vous aider pour le lire",
                            "اطلب المساعدة في قراءته",
                        )
                    ),
                ],
            ),
            alert(
                "warning",
                t("Attenzione alle truffe", "Beware of scams", "Attention aux arnaques", "احذر من الاحتيال"),
                rich(
                    "<p>Non pagare mai in anticipo per vedere una casa.</p>",
                    "<p>Never pay in advance to view a home.</p>",
                    "<p>Ne payez jamais à l'avance pour visiter un logement.</p>",
                    "<p>لا تدفع أبدًا مسبقًا لمعاينة منزل.</p>",
                ),
            ),
        ],
    ),
    page(
        "ricongiungimento-familiare",
        title=t(
            "Ricongiungimento familiare", "Family reunification", "Regroupement familial", "لمّ الشمل العائلي"
        ),
        summary=t(
            "Come far venire in Italia il coniuge, i figli o i genitori: requisiti di reddito e alloggio, "
            "nulla osta e visto.",
            "How to bring your spouse, children or parents to Italy: income and housing requirements, "
            "clearance and visa.",
            "Comment faire venir en Italie votre conjoint, vos enfants ou vos parents : conditions de "
            "revenus et de logement, autorisation et visa.",
            "كيف تستقدم زوجك أو أبناءك أو والديك إلى إيطاليا: شروط الدخل والسكن، والإذن المسبق، والتأشيرة.",
        ),
        audiences=["families", "adults"],
        audience_details=rich(
            "<p>Chi ha un permesso di soggiorno di almeno un anno per lavoro, studio, famiglia o asilo.</p>",
            "<p>People with a residence permit of at least one year for work, study, family or asylum.</p>",
            "<p>Les personnes titulaires d'un titre de séjour d'au moins un an pour travail, études, famille "
            "ou asile.</p>",
            "<p>من يحمل تصريح إقامة لمدة سنة على الأقل للعمل أو الدراسة أو لأسباب عائلية أو للجوء.</p>",
        ),
        how_to_access=[
            how_to_step(
                t(
                    "Verifica reddito e alloggio",
                    "Check your income and housing",
                    "Vérifiez vos revenus et votre logement",
                    "تحقق من الدخل والسكن",
                )
            ),
            how_to_step(
                t(
                    "Chiedi il nulla osta online",
                    "Apply online for clearance",
                    "Demandez l'autorisation en ligne",
                    "اطلب الإذن المسبق عبر الإنترنت",
                )
            ),
            how_to_step(
                t(
                    "Il familiare chiede il visto al consolato",
                    "Your relative applies for the visa at the consulate",
                    "Votre proche demande le visa au consulat",
                    "يطلب قريبك التأشيرة من القنصلية",
                )
            ),
        ],
        what_you_need=rich(
            "<ul><li>Il permesso di soggiorno</li><li>Il certificato di idoneità dell'alloggio</li><li>Le "
            "buste paga o la dichiarazione dei redditi</li></ul>",
            "<ul><li>Your residence permit</li><li>The housing suitability certificate</li><li>Pay slips or "
            "your tax return</li></ul>",
            "<ul><li>Le titre de séjour</li><li>Le certificat de conformité du logement</li><li>Les fiches "
            "de paie ou la déclaration de revenus</li></ul>",
            "<ul><li>تصريح الإقامة</li><li>شهادة صلاحية السكن</li><li>قسائم الراتب أو الإقرار "
            "الضريبي</li></ul>",
        ),
        what_you_get=rich(
            "<p>Il nulla osta che permette al familiare di avere il visto per ricongiungimento.</p>",
            "<p>The clearance that allows your relative to get a family reunification visa.</p>",
            "<p>L'autorisation qui permet à votre proche d'obtenir le visa de regroupement familial.</p>",
            "<p>الإذن الذي يسمح لقريبك بالحصول على تأشيرة لمّ الشمل.</p>",
        ),
        is_free=False,
        costs=rich(
            "<p>Una marca da bollo da 16 euro per la domanda; il visto ha un costo diverso per ogni "
            "paese.</p>",
            "<p>A 16-euro revenue stamp for the application; the visa cost varies by country.</p>",
            "<p>Un timbre fiscal de 16 euros pour la demande ; le coût du visa varie selon le pays.</p>",
            "<p>طابع مالي بقيمة 16 يورو للطلب؛ وتختلف تكلفة التأشيرة من بلد إلى آخر.</p>",
        ),
        deadlines=rich(
            "<p>Il nulla osta vale sei mesi: il visto va chiesto entro questo tempo.</p>",
            "<p>The clearance is valid for six months: the visa must be requested within that time.</p>",
            "<p>L'autorisation est valable six mois : le visa doit être demandé dans ce délai.</p>",
            "<p>الإذن صالح لستة أشهر: يجب طلب التأشيرة خلال هذه المدة.</p>",
        ),
        online_url="https://interazioni.example.org/ricongiungimento",
        channels=CHANNELS_DESK,
        service_points=["genova-centro", "imperia"],
        topics=["famiglia", "documenti-e-permessi"],
        programme_action="02",
        provinces=ALL_PROVINCES,
        service_languages=["it", "en", "fr", "ar", "sq"],
        last_reviewed=FromToday(-12),
        body=[
            quote(
                t(
                    "Dopo due anni ho riabbracciato mia moglie e i miei figli: lo sportello mi ha seguito in "
                    "ogni passaggio.",
                    "After two years I hugged my wife and children again: the desk helped me at every step.",
                    "Après deux ans, j'ai retrouvé ma femme et mes enfants : le guichet m'a suivi à chaque "
                    "étape.",
                    "بعد عامين عانقت زوجتي وأطفالي من جديد: رافقني الشباك في كل خطوة.",
                ),
                "Ardit, Savona",
            ),
            call_to_action(BOOK_APPOINTMENT, page=PageRef("servizi/sportello-unico-di-accesso")),
        ],
    ),
    page(
        "orientamento-legale-permessi",
        title=t(
            "Orientamento legale su permessi e cittadinanza",
            "Legal guidance on permits and citizenship",
            "Orientation juridique sur les titres de séjour et la nationalité",
            "التوجيه القانوني بشأن التصاريح والجنسية",
        ),
        summary=t(
            "Avvocati e operatori esperti ti spiegano come chiedere o rinnovare il permesso di soggiorno, la "
            "protezione internazionale e la cittadinanza.",
            "Lawyers and experienced staff explain how to apply for or renew a residence permit, "
            "international protection and citizenship.",
            "Des avocats et des professionnels expérimentés vous expliquent comment demander ou renouveler "
            "un titre de séjour, la protection internationale et la nationalité.",
            "يشرح لك محامون وموظفون ذوو خبرة كيفية طلب تصريح الإقامة أو تجديده، والحماية الدولية، والجنسية.",
        ),
        audiences=["adults", "asylum_seekers", "families"],
        audience_details=rich(
            "<p>Persone straniere che devono chiedere, rinnovare o convertire un permesso, e chi vuole "
            "chiedere la cittadinanza.</p>",
            "<p>Foreign nationals who need to apply for, renew or convert a permit, and those who want to "
            "apply for citizenship.</p>",
            "<p>Personnes étrangères qui doivent demander, renouveler ou convertir un titre, et celles qui "
            "veulent demander la nationalité.</p>",
            "<p>الأشخاص الأجانب الذين يحتاجون إلى طلب تصريح أو تجديده أو تحويله، ومن يريد طلب الجنسية.</p>",
        ),
        how_to_access=[
            how_to_step(BOOK_APPOINTMENT),
            how_to_step(
                t(
                    "Porta tutti i documenti che hai",
                    "Bring all the documents you have",
                    "Apportez tous les documents que vous avez",
                    "أحضر كل الوثائق التي لديك",
                )
            ),
        ],
        what_you_need=ID_DOCUMENT,
        what_you_get=rich(
            "<p>Una consulenza personale e, se serve, l'invio a un avvocato per il gratuito patrocinio.</p>",
            "<p>Personal advice and, if needed, referral to a lawyer under legal aid.</p>",
            "<p>Un conseil personnalisé et, si besoin, l'orientation vers un avocat au titre de l'aide "
            "juridictionnelle.</p>",
            "<p>استشارة شخصية، وعند الحاجة إحالة إلى محامٍ في إطار المساعدة القضائية المجانية.</p>",
        ),
        is_free=True,
        costs=FREE,
        deadlines=rich(
            "<p>Chiedi il rinnovo del permesso almeno 60 giorni prima della scadenza.</p>",
            "<p>Apply to renew your permit at least 60 days before it expires.</p>",
            "<p>Demandez le renouvellement du titre au moins 60 jours avant son expiration.</p>",
            "<p>اطلب تجديد التصريح قبل انتهاء صلاحيته بستين يومًا على الأقل.</p>",
        ),
        channels=CHANNELS_DESK,
        service_points=["genova-centro", "la-spezia", "imperia"],
        topics=["documenti-e-permessi"],
        programme_action="02",
        provinces=ALL_PROVINCES,
        service_languages=["it", "en", "fr", "ar", "es", "uk"],
        last_reviewed=FromToday(-5),
        body=[
            heading(
                t(
                    "Su cosa ti aiutiamo",
                    "What we can help with",
                    "Ce sur quoi nous vous aidons",
                    "ما الذي نساعدك فيه",
                )
            ),
            paragraph(
                rich(
                    "<ul><li>Rinnovo e conversione del permesso di soggiorno</li><li>Protezione "
                    "internazionale e temporanea</li><li>Domanda di cittadinanza</li></ul>",
                    "<ul><li>Renewal and conversion of residence permits</li><li>International and temporary "
                    "protection</li><li>Citizenship applications</li></ul>",
                    "<ul><li>Renouvellement et conversion du titre de séjour</li><li>Protection "
                    "internationale et temporaire</li><li>Demande de nationalité</li></ul>",
                    "<ul><li>تجديد تصريح الإقامة وتحويله</li><li>الحماية الدولية والمؤقتة</li><li>طلب "
                    "الجنسية</li></ul>",
                )
            ),
            faq(
                FAQ_TITLE,
                [
                    (
                        t(
                            "Posso lavorare con la ricevuta del rinnovo?",
                            "Can I work with the renewal receipt?",
                            "Puis-je travailler avec le récépissé de renouvellement ?",
                            "هل يمكنني العمل بإيصال التجديد؟",
                        ),
                        rich(
                            "<p>Sì, se hai chiesto il rinnovo nei tempi previsti.</p>",
                            "<p>Yes, if you applied for renewal on time.</p>",
                            "<p>Oui, si vous avez demandé le renouvellement dans les délais.</p>",
                            "<p>نعم، إذا طلبت التجديد في الوقت المحدد.</p>",
                        ),
                    ),
                ],
            ),
            related_pages(
                SEE_ALSO,
                [
                    PageRef("servizi/ricongiungimento-familiare"),
                    PageRef("servizi/sportello-unico-di-accesso"),
                ],
            ),
        ],
    ),
    page(
        "sostegno-alle-associazioni",
        title=t(
            "Sostegno alle associazioni di migranti",
            "Support for migrant associations",
            "Soutien aux associations de personnes migrantes",
            "دعم جمعيات المهاجرين",
        ),
        summary=t(
            "Formazione, consulenza e piccoli contributi per le associazioni di migranti che vogliono "
            "crescere e lavorare in rete.",
            "Training, advice and small grants for migrant associations that want to grow and work together.",
            "Formation, conseil et petites subventions pour les associations de personnes migrantes qui "
            "veulent grandir et travailler en réseau.",
            "تدريب واستشارات ومنح صغيرة لجمعيات المهاجرين التي تريد أن تنمو وتعمل ضمن شبكة.",
        ),
        audiences=["associations"],
        audience_details=rich(
            "<p>Associazioni di migranti con sede in Liguria, anche non ancora iscritte al registro del "
            "terzo settore.</p>",
            "<p>Migrant associations based in Liguria, including those not yet on the third-sector "
            "register.</p>",
            "<p>Associations de personnes migrantes ayant leur siège en Ligurie, y compris celles qui ne "
            "sont pas encore inscrites au registre du tiers secteur.</p>",
            "<p>جمعيات المهاجرين التي يقع مقرها في ليغوريا، بما فيها غير المسجلة بعد في سجل القطاع "
            "الثالث.</p>",
        ),
        how_to_access=[
            how_to_step(
                t(
                    "Scrivi alla segreteria del programma",
                    "Write to the programme office",
                    "Écrivez au secrétariat du programme",
                    "راسل أمانة البرنامج",
                )
            ),
            how_to_step(
                t(
                    "Partecipa a un incontro di presentazione",
                    "Attend an introductory meeting",
                    "Participez à une réunion de présentation",
                    "شارك في لقاء تعريفي",
                )
            ),
        ],
        what_you_get=rich(
            "<ul><li>Corsi su progettazione, bilancio e comunicazione</li><li>Una pagina dell'associazione "
            "su questo sito</li><li>Contributi per attività aperte alla cittadinanza</li></ul>",
            "<ul><li>Courses on project design, accounts and communication</li><li>A page for the "
            "association on this site</li><li>Grants for activities open to the public</li></ul>",
            "<ul><li>Formations sur la conception de projets, le budget et la communication</li><li>Une page "
            "de l'association sur ce site</li><li>Des subventions pour des activités ouvertes au "
            "public</li></ul>",
            "<ul><li>دورات في تصميم المشاريع والميزانية والتواصل</li><li>صفحة للجمعية على هذا "
            "الموقع</li><li>منح لأنشطة مفتوحة للجمهور</li></ul>",
        ),
        is_free=True,
        costs=FREE,
        deadlines=NO_DEADLINE,
        channels=rich(
            "<p>Per email o durante gli incontri mensili della rete delle associazioni.</p>",
            "<p>By email or at the monthly meetings of the associations' network.</p>",
            "<p>Par e-mail ou lors des réunions mensuelles du réseau des associations.</p>",
            "<p>بالبريد الإلكتروني أو خلال اللقاءات الشهرية لشبكة الجمعيات.</p>",
        ),
        service_points=["genova-centro"],
        topics=["partecipazione"],
        programme_action="04",
        provinces=ALL_PROVINCES,
        service_languages=["it", "en", "fr"],
        last_reviewed=FromToday(-90),
        body=[
            contact(
                t(
                    "Segreteria del programma InterAzioni",
                    "InterAzioni programme office",
                    "Secrétariat du programme InterAzioni",
                    "أمانة برنامج InterAzioni",
                ),
                email="associazioni@interazioni.example.org",
                notes=t(
                    "Rispondiamo entro una settimana.",
                    "We reply within a week.",
                    "Nous répondons sous une semaine.",
                    "نرد خلال أسبوع.",
                ),
            ),
            related_pages(
                t(
                    "Alcune associazioni della rete",
                    "Some associations in the network",
                    "Quelques associations du réseau",
                    "بعض جمعيات الشبكة",
                ),
                [
                    PageRef("associazioni/donne-in-rete"),
                    PageRef("associazioni/sunugal-liguria"),
                    PageRef("associazioni/ucraina-liguria"),
                ],
            ),
        ],
    ),
]
