"""Services of action 02 that open the door to the others: single access point, mediation, health, work."""

from ..spec import (
    DocumentRef,
    FromToday,
    ImageRef,
    PageRef,
    alert,
    call_to_action,
    contact,
    document,
    faq,
    figure,
    heading,
    how_to_step,
    image,
    key_figures,
    page,
    paragraph,
    related_pages,
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
    SOURCE_REGION,
)

SERVICES_ACCESS = [
    page(
        "mediazione-culturale",
        title=t(
            "Mediazione linguistico-culturale",
            "Linguistic and cultural mediation",
            "Médiation linguistique et culturelle",
            "الوساطة اللغوية والثقافية",
        ),
        summary=t(
            "Una mediatrice o un mediatore ti accompagna dal medico, a scuola o in Comune e ti aiuta a "
            "capire e farti capire.",
            "A mediator goes with you to the doctor, to school or to the town hall and helps you understand "
            "and be understood.",
            "Une médiatrice ou un médiateur vous accompagne chez le médecin, à l'école ou à la mairie et "
            "vous aide à comprendre et à vous faire comprendre.",
            "ترافقك وسيطة أو وسيط إلى الطبيب أو المدرسة أو البلدية ويساعدك على الفهم وعلى إيصال ما تريد "
            "قوله.",
        ),
        audiences=["adults", "families", "women", "operators"],
        audience_details=rich(
            "<p>Persone straniere e operatori dei servizi pubblici che devono comunicare con loro.</p>",
            "<p>Foreign nationals, and public service staff who need to communicate with them.</p>",
            "<p>Les personnes étrangères et le personnel des services publics qui doit communiquer avec "
            "elles.</p>",
            "<p>الأشخاص الأجانب وموظفو الخدمات العامة الذين يحتاجون إلى التواصل معهم.</p>",
        ),
        how_to_access=[
            how_to_step(
                t(
                    "Chiedi la mediazione al servizio che ti segue",
                    "Ask the service you deal with for mediation",
                    "Demandez la médiation au service qui vous suit",
                    "اطلب الوساطة من الخدمة التي تتابعك",
                )
            ),
            how_to_step(
                t(
                    "Oppure prenota allo sportello di mediazione",
                    "Or book at the mediation desk",
                    "Ou réservez au guichet de médiation",
                    "أو احجز في شباك الوساطة",
                )
            ),
        ],
        what_you_get=rich(
            "<p>Interpretariato durante i colloqui e traduzione di documenti semplici.</p>",
            "<p>Interpreting during appointments and translation of simple documents.</p>",
            "<p>Interprétariat pendant les entretiens et traduction de documents simples.</p>",
            "<p>ترجمة شفهية أثناء المقابلات وترجمة الوثائق البسيطة.</p>",
        ),
        is_free=True,
        costs=FREE,
        deadlines=rich(
            "<p>Prenota almeno tre giorni prima dell'appuntamento.</p>",
            "<p>Book at least three days before the appointment.</p>",
            "<p>Réservez au moins trois jours avant le rendez-vous.</p>",
            "<p>احجز قبل الموعد بثلاثة أيام على الأقل.</p>",
        ),
        channels=CHANNELS_DESK,
        service_points=["savona", "genova-centro"],
        topics=["salute", "famiglia", "partecipazione"],
        programme_action="02",
        provinces=ALL_PROVINCES,
        service_languages=["it", "ar", "fr", "en", "es", "sq", "wo", "bn", "ur", "zh", "uk", "ti"],
        last_reviewed=FromToday(-21),
        body=[
            image(
                ImageRef("comunita"),
                caption=t(
                    "Mediatrici e mediatori parlano 24 lingue",
                    "Mediators speak 24 languages",
                    "Les médiatrices et médiateurs parlent 24 langues",
                    "يتحدث الوسطاء 24 لغة",
                ),
            ),
            faq(
                FAQ_TITLE,
                [
                    (
                        t(
                            "Il mediatore è tenuto al segreto?",
                            "Is the mediator bound by confidentiality?",
                            "Le médiateur est-il tenu au secret ?",
                            "هل الوسيط ملزم بالسرية؟",
                        ),
                        rich(
                            "<p>Sì, come tutti gli operatori dei servizi pubblici.</p>",
                            "<p>Yes, like all public service staff.</p>",
                            "<p>Oui, comme tout le personnel des services publics.</p>",
                            "<p>نعم، مثل جميع موظفي الخدمات العامة.</p>",
                        ),
                    ),
                ],
            ),
            call_to_action(BOOK_APPOINTMENT, url="https://interazioni.example.org/mediazione/prenota"),
        ],
    ),
    page(
        "sportello-unico-di-accesso",
        title=t(
            "Sportello unico di accesso ai servizi",
            "Single access point to services",
            "Guichet unique d'accès aux services",
            "الشباك الموحد للوصول إلى الخدمات",
        ),
        summary=t(
            "Un solo posto dove chiedere informazioni su documenti, salute, casa, lavoro e scuola, con "
            "mediatori culturali che parlano la tua lingua.",
            "One place to ask about documents, health, housing, work and school, with cultural mediators who "
            "speak your language.",
            "Un seul endroit pour se renseigner sur les documents, la santé, le logement, le travail et "
            "l'école, avec des médiateurs culturels qui parlent votre langue.",
            "مكان واحد للاستفسار عن الوثائق والصحة والسكن والعمل والمدرسة، مع وسطاء ثقافيين يتحدثون لغتك.",
        ),
        audiences=["adults", "families", "asylum_seekers", "workers"],
        audience_details=rich(
            "<p>Tutte le persone straniere che vivono in Liguria, anche appena arrivate.</p>",
            "<p>All foreign nationals living in Liguria, including those who have just arrived.</p>",
            "<p>Toutes les personnes étrangères qui vivent en Ligurie, y compris celles qui viennent "
            "d'arriver.</p>",
            "<p>جميع الأشخاص الأجانب المقيمين في ليغوريا، بمن فيهم الوافدون حديثًا.</p>",
        ),
        how_to_access=[
            how_to_step(
                BOOK_APPOINTMENT,
                rich(
                    "<p>Per telefono, per email o direttamente allo sportello.</p>",
                    "<p>By phone, by email or directly at the desk.</p>",
                    "<p>Par téléphone, par e-mail ou directement au guichet.</p>",
                    "<p>بالهاتف أو بالبريد الإلكتروني أو مباشرة في الشباك.</p>",
                ),
            ),
            how_to_step(
                t(
                    "Spiega di cosa hai bisogno",
                    "Explain what you need",
                    "Expliquez ce dont vous avez besoin",
                    "اشرح ما تحتاج إليه",
                )
            ),
            how_to_step(
                t(
                    "Ricevi un piano con i servizi a cui rivolgerti",
                    "Get a plan of the services to contact",
                    "Recevez un plan des services à contacter",
                    "احصل على خطة بالخدمات التي عليك التوجه إليها",
                )
            ),
        ],
        what_you_need=ID_DOCUMENT,
        what_you_get=rich(
            "<p>Informazioni, orientamento, aiuto a compilare i moduli e, se serve, un accompagnamento ai "
            "servizi.</p>",
            "<p>Information, guidance, help filling in forms and, if needed, someone to go with you to the "
            "services.</p>",
            "<p>Des informations, une orientation, de l'aide pour remplir les formulaires et, si besoin, un "
            "accompagnement vers les services.</p>",
            "<p>معلومات وتوجيه ومساعدة في ملء الاستمارات، ومرافقة إلى الخدمات عند الحاجة.</p>",
        ),
        is_free=True,
        costs=FREE,
        deadlines=NO_DEADLINE,
        channels=CHANNELS_DESK,
        service_points=["genova-centro", "imperia", "savona"],
        topics=["documenti-e-permessi", "salute", "casa", "lavoro"],
        programme_action="02",
        provinces=ALL_PROVINCES,
        service_languages=["it", "en", "fr", "ar", "es", "sq", "ro", "uk", "zh", "bn"],
        last_reviewed=FromToday(-3),
        body=[
            key_figures(
                t(
                    "Lo sportello in numeri",
                    "The desk in figures",
                    "Le guichet en chiffres",
                    "الشباك بالأرقام",
                ),
                [
                    figure(
                        t(
                            "Persone accolte in un anno",
                            "People helped in a year",
                            "Personnes accueillies en un an",
                            "الأشخاص الذين استُقبلوا في عام",
                        ),
                        "6400",
                        t("persone", "people", "personnes", "شخص"),
                        SOURCE_REGION,
                    ),
                    figure(
                        t(
                            "Lingue della mediazione culturale",
                            "Languages of cultural mediation",
                            "Langues de la médiation culturelle",
                            "لغات الوساطة الثقافية",
                        ),
                        "24",
                        t("lingue", "languages", "langues", "لغة"),
                    ),
                ],
            ),
            contact(
                t(
                    "Sportello unico InterAzioni Genova",
                    "InterAzioni single access point Genoa",
                    "Guichet unique InterAzioni Gênes",
                    "الشباك الموحد InterAzioni جنوة",
                ),
                phone="+39 010 000 1001",
                email="sportello.genova@interazioni.example.org",
                url="https://interazioni.example.org/genova",
                notes=t(
                    "Dal lunedì al venerdì, 9-13.",
                    "Monday to Friday, 9 am to 1 pm.",
                    "Du lundi au vendredi, de 9 h à 13 h.",
                    "من الاثنين إلى الجمعة، من 9 حتى 1 ظهرًا.",
                ),
            ),
            related_pages(
                SEE_ALSO,
                [
                    PageRef("servizi/mediazione-culturale"),
                    PageRef("servizi/corsi-di-italiano-l2"),
                    PageRef("associazioni/ponti-di-culture"),
                ],
            ),
        ],
    ),
    page(
        "iscrizione-al-servizio-sanitario-nazionale",
        title=t(
            "Iscrizione al Servizio sanitario nazionale",
            "Registering with the National Health Service",
            "S'inscrire au Service national de santé",
            "التسجيل في الخدمة الصحية الوطنية",
        ),
        summary=t(
            "Con l'iscrizione al SSN ricevi la tessera sanitaria e scegli il medico di famiglia: è "
            "obbligatoria per chi ha un permesso di soggiorno per lavoro o famiglia.",
            "Registering with the National Health Service (SSN) gives you a health card and a family doctor: "
            "it is compulsory with a work or family residence permit.",
            "L'inscription au SSN vous donne la carte sanitaire et un médecin traitant : elle est "
            "obligatoire avec un titre de séjour pour travail ou famille.",
            "التسجيل في الخدمة الصحية الوطنية يمنحك البطاقة الصحية وطبيب الأسرة، وهو إلزامي لمن يحمل تصريح "
            "إقامة للعمل أو لأسباب عائلية.",
        ),
        audiences=["adults", "families", "workers", "asylum_seekers"],
        audience_details=rich(
            "<p>Chi ha un permesso di soggiorno per lavoro, famiglia, protezione internazionale, o ne ha "
            "chiesto il rinnovo.</p>",
            "<p>People with a residence permit for work, family or international protection, or who have "
            "applied to renew it.</p>",
            "<p>Les personnes titulaires d'un titre de séjour pour travail, famille ou protection "
            "internationale, ou qui en ont demandé le renouvellement.</p>",
            "<p>من يحمل تصريح إقامة للعمل أو لأسباب عائلية أو للحماية الدولية، أو من طلب تجديده.</p>",
        ),
        how_to_access=[
            how_to_step(
                t(
                    "Vai all'ufficio anagrafe sanitaria della tua ASL",
                    "Go to your local health authority's registry office",
                    "Rendez-vous au bureau d'inscription de votre ASL",
                    "توجّه إلى مكتب السجل الصحي في وحدتك الصحية المحلية ASL",
                )
            ),
            how_to_step(
                t(
                    "Scegli il medico di famiglia",
                    "Choose your family doctor",
                    "Choisissez votre médecin traitant",
                    "اختر طبيب الأسرة",
                )
            ),
            how_to_step(
                t(
                    "Ricevi la tessera sanitaria a casa",
                    "Receive the health card at home",
                    "Recevez la carte sanitaire chez vous",
                    "استلم البطاقة الصحية في منزلك",
                )
            ),
        ],
        what_you_need=ID_DOCUMENT,
        what_you_get=rich(
            "<p>La tessera sanitaria, il medico di famiglia e, per i minori fino a 14 anni, il pediatra.</p>",
            "<p>The health card, a family doctor and, for children up to 14, a paediatrician.</p>",
            "<p>La carte sanitaire, un médecin traitant et, pour les enfants jusqu'à 14 ans, un "
            "pédiatre.</p>",
            "<p>البطاقة الصحية وطبيب الأسرة، وطبيب أطفال للقاصرين حتى سن 14 عامًا.</p>",
        ),
        is_free=True,
        costs=rich(
            "<p>Gratuita per lavoratori, familiari e titolari di protezione; per altri permessi si paga un "
            "contributo annuale.</p>",
            "<p>Free for workers, family members and people under protection; with other permits there is a "
            "yearly fee.</p>",
            "<p>Gratuite pour les travailleurs, les membres de la famille et les bénéficiaires d'une "
            "protection ; pour les autres titres, une contribution annuelle est due.</p>",
            "<p>مجاني للعاملين وأفراد الأسرة والمستفيدين من الحماية؛ وتُدفع مساهمة سنوية لأنواع التصاريح "
            "الأخرى.</p>",
        ),
        deadlines=rich(
            "<p>Iscriviti appena ricevi il permesso di soggiorno o la ricevuta.</p>",
            "<p>Register as soon as you receive your residence permit or the receipt.</p>",
            "<p>Inscrivez-vous dès que vous recevez votre titre de séjour ou le récépissé.</p>",
            "<p>سجّل فور حصولك على تصريح الإقامة أو الإيصال.</p>",
        ),
        online_url="https://interazioni.example.org/ssn",
        channels=CHANNELS_DESK,
        service_points=["genova-centro", "la-spezia", "imperia"],
        topics=["salute", "documenti-e-permessi"],
        programme_action="02",
        provinces=ALL_PROVINCES,
        service_languages=["it", "en", "fr", "ar", "es"],
        last_reviewed=FromToday(-10),
        body=[
            alert(
                "urgent",
                t(
                    "In caso di emergenza chiama il 112",
                    "In an emergency call 112",
                    "En cas d'urgence, appelez le 112",
                    "في حالة الطوارئ اتصل بالرقم 112",
                ),
                rich(
                    "<p>Il pronto soccorso cura tutte le persone, anche senza tessera sanitaria.</p>",
                    "<p>Emergency departments treat everyone, even without a health card.</p>",
                    "<p>Les urgences soignent tout le monde, même sans carte sanitaire.</p>",
                    "<p>قسم الطوارئ يعالج جميع الأشخاص، حتى بدون بطاقة صحية.</p>",
                ),
            ),
            image(
                ImageRef("salute"),
                alt_text=t(
                    "Una croce bianca su un quadrato verde e un cuore rosso.",
                    "A white cross on a green square and a red heart.",
                    "Une croix blanche sur un carré vert et un cœur rouge.",
                    "صليب أبيض على مربع أخضر وقلب أحمر.",
                ),
            ),
            heading(
                t(
                    "Senza permesso di soggiorno?",
                    "No residence permit?",
                    "Sans titre de séjour ?",
                    "بدون تصريح إقامة؟",
                )
            ),
            paragraph(
                rich(
                    "<p>Puoi chiedere il codice <b>STP</b> (straniero temporaneamente presente): dà diritto "
                    "alle cure urgenti ed essenziali.</p>",
                    "<p>You can ask for an <b>STP</b> code (temporarily present foreigner): it gives access "
                    "to urgent and essential care.</p>",
                    "<p>Vous pouvez demander le code <b>STP</b> (étranger temporairement présent) : il donne "
                    "droit aux soins urgents et essentiels.</p>",
                    "<p>يمكنك طلب رمز <b>STP</b> (أجنبي موجود مؤقتًا): يمنحك الحق في الرعاية العاجلة "
                    "والأساسية.</p>",
                )
            ),
            document(
                DocumentRef("scheda-ssn"),
                title=t(
                    "Scheda: come iscriversi al SSN (PDF)",
                    "Fact sheet: registering with the SSN (PDF, in Italian)",
                    "Fiche : s'inscrire au SSN (PDF, en italien)",
                    "بطاقة: كيف تسجل في الخدمة الصحية (PDF، بالإيطالية)",
                ),
            ),
        ],
    ),
    page(
        "centro-per-l-impiego",
        title=t(
            "Centro per l'impiego: lavoro e formazione",
            "Employment centre: work and training",
            "Centre pour l'emploi : travail et formation",
            "مركز التوظيف: العمل والتدريب",
        ),
        summary=t(
            "Iscriviti al centro per l'impiego per cercare lavoro, fare un bilancio delle competenze e "
            "accedere a corsi di formazione gratuiti.",
            "Register with the employment centre to look for work, have your skills assessed and access free "
            "training courses.",
            "Inscrivez-vous au centre pour l'emploi pour chercher du travail, faire un bilan de compétences "
            "et accéder à des formations gratuites.",
            "سجّل في مركز التوظيف للبحث عن عمل وتقييم مهاراتك والوصول إلى دورات تدريبية مجانية.",
        ),
        audiences=["adults", "workers", "women"],
        audience_details=rich(
            "<p>Persone disoccupate o in cerca di un lavoro migliore, con un permesso di soggiorno che "
            "consente di lavorare.</p>",
            "<p>Unemployed people or those looking for a better job, with a residence permit that allows "
            "work.</p>",
            "<p>Personnes sans emploi ou à la recherche d'un meilleur travail, avec un titre de séjour qui "
            "permet de travailler.</p>",
            "<p>العاطلون عن العمل أو الباحثون عن عمل أفضل، ممن يحملون تصريح إقامة يسمح بالعمل.</p>",
        ),
        how_to_access=[
            how_to_step(
                t(
                    "Rilascia la dichiarazione di disponibilità",
                    "Declare that you are available for work",
                    "Faites la déclaration de disponibilité",
                    "قدّم تصريح الاستعداد للعمل",
                ),
                rich(
                    "<p>Online o allo sportello.</p>",
                    "<p>Online or at the desk.</p>",
                    "<p>En ligne ou au guichet.</p>",
                    "<p>عبر الإنترنت أو في الشباك.</p>",
                ),
            ),
            how_to_step(
                t(
                    "Fai il colloquio di orientamento",
                    "Have a guidance interview",
                    "Passez l'entretien d'orientation",
                    "أجرِ مقابلة التوجيه",
                )
            ),
            how_to_step(
                t(
                    "Firma il patto di servizio",
                    "Sign the service agreement",
                    "Signez le pacte de service",
                    "وقّع اتفاقية الخدمة",
                )
            ),
        ],
        what_you_need=ID_DOCUMENT,
        what_you_get=rich(
            "<ul><li>Offerte di lavoro e tirocini</li><li>Corsi di formazione gratuiti</li><li>Aiuto per il "
            "curriculum</li></ul>",
            "<ul><li>Job offers and traineeships</li><li>Free training courses</li><li>Help with your "
            "CV</li></ul>",
            "<ul><li>Offres d'emploi et stages</li><li>Formations gratuites</li><li>Aide pour le "
            "CV</li></ul>",
            "<ul><li>عروض عمل وتدريب مهني</li><li>دورات تدريبية مجانية</li><li>مساعدة في إعداد السيرة "
            "الذاتية</li></ul>",
        ),
        is_free=True,
        costs=FREE,
        deadlines=NO_DEADLINE,
        online_url="https://interazioni.example.org/lavoro",
        channels=CHANNELS_DESK,
        service_points=["chiavari", "genova-centro"],
        topics=["lavoro"],
        programme_action="02",
        provinces=ALL_PROVINCES,
        service_languages=["it", "en", "es", "ar", "fr"],
        last_reviewed=FromToday(-28),
        body=[
            image(ImageRef("lavoro")),
            paragraph(
                rich(
                    "<p>Il centro per l'impiego collabora con le aziende del territorio e con i CPIA per i "
                    "corsi di italiano per il lavoro.</p>",
                    "<p>The employment centre works with local companies and with adult education centres on "
                    "Italian for work courses.</p>",
                    "<p>Le centre pour l'emploi collabore avec les entreprises du territoire et avec les "
                    "CPIA pour les cours d'italien professionnel.</p>",
                    "<p>يتعاون مركز التوظيف مع الشركات المحلية ومع مراكز تعليم الكبار في دورات الإيطالية "
                    "للعمل.</p>",
                )
            ),
            contact(
                t(
                    "Centro per l'impiego Chiavari",
                    "Employment centre Chiavari",
                    "Centre pour l'emploi Chiavari",
                    "مركز التوظيف كيافاري",
                ),
                role=t(
                    "Orientamento al lavoro", "Job guidance", "Orientation professionnelle", "التوجيه المهني"
                ),
                phone="+39 0185 000 505",
                email="cpi.chiavari@interazioni.example.org",
            ),
            call_to_action(
                t(
                    "Cerca le offerte di lavoro",
                    "Search job offers",
                    "Chercher des offres d'emploi",
                    "ابحث عن عروض العمل",
                ),
                url="https://interazioni.example.org/lavoro/offerte",
                description=t(
                    "Aggiornate ogni settimana.",
                    "Updated every week.",
                    "Mises à jour chaque semaine.",
                    "تُحدَّث كل أسبوع.",
                ),
            ),
        ],
    ),
]
