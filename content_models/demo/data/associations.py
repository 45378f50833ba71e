"""Six migrant associations. Names, people and contacts are invented; the streets are real."""

from ..spec import ImageRef, contact, faq, heading, page, paragraph, quote, social_link
from ..text import rich, t

ASSOCIATIONS = [
    page(
        "ponti-di-culture",
        title=t("Ponti di Culture", "Ponti di Culture", "Ponti di Culture", "جسور الثقافات"),
        summary=t(
            "Associazione interculturale di Genova: mediazione, doposcuola e feste delle comunità dal 2008.",
            "Intercultural association in Genoa: mediation, after-school support and community festivals "
            "since 2008.",
            "Association interculturelle de Gênes : médiation, soutien scolaire et fêtes des communautés "
            "depuis 2008.",
            "جمعية بين الثقافات في جنوة: وساطة ودعم مدرسي واحتفالات للجاليات منذ عام 2008.",
        ),
        description=rich(
            "<p>Siamo donne e uomini di dodici paesi. Aiutiamo le famiglie appena arrivate a orientarsi tra "
            "scuola, salute e servizi, e organizziamo ogni anno la Cena dei popoli.</p>",
            "<p>We are women and men from twelve countries. We help newly arrived families find their way "
            "around school, health and services, and every year we organise the Dinner of Peoples.</p>",
            "<p>Nous sommes des femmes et des hommes de douze pays. Nous aidons les familles nouvellement "
            "arrivées à s'orienter entre école, santé et services, et nous organisons chaque année le Dîner "
            "des peuples.</p>",
            "<p>نحن نساء ورجال من اثني عشر بلدًا. نساعد العائلات الوافدة حديثًا على التوجه بين المدرسة "
            "والصحة والخدمات، وننظم كل عام عشاء الشعوب.</p>",
        ),
        logo=ImageRef("logo-ponti"),
        areas_of_activity=["culture", "mediation", "education"],
        communities_served=["MA", "SN", "EC", "AL", "PE"],
        languages_spoken=["it", "ar", "fr", "es", "sq"],
        municipality="Genova",
        province="GE",
        address="Via del Campo 12",
        email="info@ponti.example.org",
        phone="+39 010 000 2101",
        website="https://ponti.example.org",
        social_links=[
            social_link("facebook", "https://www.facebook.com/ponti.example"),
            social_link("instagram", "https://www.instagram.com/ponti.example"),
        ],
        body=[
            heading(t("Cosa facciamo", "What we do", "Ce que nous faisons", "ماذا نفعل")),
            paragraph(
                rich(
                    "<ul><li>Doposcuola per ragazze e ragazzi delle medie</li><li>Mediazione culturale nelle "
                    "scuole</li><li>Feste e cene interculturali</li></ul>",
                    "<ul><li>After-school support for middle-school pupils</li><li>Cultural mediation in "
                    "schools</li><li>Intercultural festivals and dinners</li></ul>",
                    "<ul><li>Soutien scolaire pour les collégiennes et collégiens</li><li>Médiation "
                    "culturelle dans les écoles</li><li>Fêtes et dîners interculturels</li></ul>",
                    "<ul><li>دعم مدرسي بعد الدوام لطلاب المرحلة المتوسطة</li><li>وساطة ثقافية في "
                    "المدارس</li><li>احتفالات وعشاءات بين الثقافات</li></ul>",
                )
            ),
            quote(
                t(
                    "Quando sono arrivata non conoscevo nessuno: qui ho trovato una seconda famiglia.",
                    "When I arrived I knew nobody: here I found a second family.",
                    "Quand je suis arrivée, je ne connaissais personne : ici, j'ai trouvé une deuxième "
                    "famille.",
                    "عندما وصلت لم أكن أعرف أحدًا: هنا وجدت عائلة ثانية.",
                ),
                t("Fatima, volontaria", "Fatima, volunteer", "Fatima, bénévole", "فاطمة، متطوعة"),
            ),
        ],
        topics=["cultura", "partecipazione", "famiglia"],
    ),
    page(
        "donne-in-rete",
        title=t("Donne in Rete", "Donne in Rete", "Donne in Rete", "نساء في شبكة"),
        summary=t(
            "Donne migranti e italiane insieme per il lavoro, la salute e i diritti delle donne.",
            "Migrant and Italian women together for work, health and women's rights.",
            "Femmes migrantes et italiennes ensemble pour le travail, la santé et les droits des femmes.",
            "نساء مهاجرات وإيطاليات معًا من أجل العمل والصحة وحقوق المرأة.",
        ),
        description=rich(
            "<p>Uno spazio di donne per le donne: sportello di ascolto, corsi di italiano con baby-sitting e "
            "gruppi di ricerca del lavoro.</p>",
            "<p>A space by women for women: a listening desk, Italian courses with childcare and job-search "
            "groups.</p>",
            "<p>Un espace de femmes pour les femmes : guichet d'écoute, cours d'italien avec garde d'enfants "
            "et groupes de recherche d'emploi.</p>",
            "<p>مساحة من النساء وإليهن: شباك للاستماع، ودورات لغة إيطالية مع رعاية الأطفال، ومجموعات للبحث "
            "عن عمل.</p>",
        ),
        logo=ImageRef("logo-donne"),
        areas_of_activity=["women", "employment", "health"],
        communities_served=["NG", "MA", "UA", "PE", "BD"],
        languages_spoken=["it", "en", "fr", "ar", "bn"],
        municipality="Genova",
        province="GE",
        address="Via di Pré 44",
        email="ciao@donneinrete.example.org",
        phone="+39 010 000 2202",
        social_links=[social_link("facebook", "https://www.facebook.com/donneinrete.example")],
        body=[
            faq(
                t("Domande frequenti", "Frequently asked questions", "Questions fréquentes", "أسئلة شائعة"),
                [
                    (
                        t(
                            "Posso portare i miei bambini?",
                            "Can I bring my children?",
                            "Puis-je venir avec mes enfants ?",
                            "هل يمكنني إحضار أطفالي؟",
                        ),
                        rich(
                            "<p>Sì, durante i corsi c'è uno spazio baby-sitting gratuito.</p>",
                            "<p>Yes, there is free childcare during the courses.</p>",
                            "<p>Oui, une garde d'enfants gratuite est assurée pendant les cours.</p>",
                            "<p>نعم، تتوفر رعاية مجانية للأطفال أثناء الدورات.</p>",
                        ),
                    ),
                    (
                        t(
                            "Devo essere socia?",
                            "Do I have to be a member?",
                            "Dois-je être membre ?",
                            "هل يجب أن أكون عضوة؟",
                        ),
                        rich(
                            "<p>No, le attività sono aperte a tutte.</p>",
                            "<p>No, the activities are open to all women.</p>",
                            "<p>Non, les activités sont ouvertes à toutes.</p>",
                            "<p>لا، الأنشطة مفتوحة للجميع.</p>",
                        ),
                    ),
                ],
            ),
        ],
        topics=["lavoro", "salute", "partecipazione"],
    ),
    page(
        "sunugal-liguria",
        title=t("Sunugal Liguria", "Sunugal Liguria", "Sunugal Liguria", "سونوغال ليغوريا"),
        summary=t(
            "La comunità senegalese di Savona: accoglienza, cultura, sport e solidarietà con il Senegal.",
            "The Senegalese community of Savona: welcome, culture, sport and solidarity with Senegal.",
            "La communauté sénégalaise de Savone : accueil, culture, sport et solidarité avec le Sénégal.",
            "الجالية السنغالية في سافونا: استقبال وثقافة ورياضة وتضامن مع السنغال.",
        ),
        description=rich(
            "<p>Sunugal in wolof vuol dire «la nostra piroga»: una barca dove c'è posto per tutti. "
            "Accogliamo chi arriva e facciamo conoscere la cultura senegalese.</p>",
            "<p>In Wolof, Sunugal means «our canoe»: a boat with room for everyone. We welcome newcomers and "
            "share Senegalese culture.</p>",
            "<p>En wolof, Sunugal veut dire « notre pirogue » : un bateau où il y a de la place pour tous. "
            "Nous accueillons les nouveaux arrivants et faisons connaître la culture sénégalaise.</p>",
            "<p>تعني كلمة سونوغال بلغة الولوف «قاربنا»: قارب فيه مكان للجميع. نستقبل الوافدين الجدد ونعرّف "
            "بالثقافة السنغالية.</p>",
        ),
        logo=ImageRef("logo-sunugal"),
        areas_of_activity=["culture", "solidarity", "youth", "sport"],
        communities_served=["SN", "GM", "ML"],
        languages_spoken=["it", "fr", "wo", "ff"],
        municipality="Savona",
        province="SV",
        address="Via Pia 20",
        email="sunugal@sunugal.example.org",
        phone="+39 019 000 2303",
        social_links=[
            social_link("facebook", "https://www.facebook.com/sunugal.example"),
            social_link("whatsapp", "https://wa.me/390190002303"),
        ],
        body=[
            contact(
                t(
                    "Segreteria dell'associazione",
                    "Association office",
                    "Secrétariat de l'association",
                    "أمانة الجمعية",
                ),
                role=t(
                    "Accoglienza e informazioni",
                    "Welcome and information",
                    "Accueil et informations",
                    "الاستقبال والمعلومات",
                ),
                phone="+39 019 000 2303",
                email="sunugal@sunugal.example.org",
                notes=t(
                    "Il sabato dalle 15 alle 18.",
                    "Saturdays from 3 to 6 pm.",
                    "Le samedi de 15 h à 18 h.",
                    "يوم السبت من الساعة 3 حتى 6 مساءً.",
                ),
            ),
        ],
        topics=["cultura", "partecipazione"],
    ),
    page(
        "comunita-andina-liguria",
        title=t(
            "Comunità Andina Liguria",
            "Comunità Andina Liguria",
            "Comunità Andina Liguria",
            "الجالية الأنديزية في ليغوريا",
        ),
        summary=t(
            "Ecuadoriani, peruviani e boliviani di Genova: danza, sport e sostegno ai giovani di seconda "
            "generazione.",
            "Ecuadorians, Peruvians and Bolivians in Genoa: dance, sport and support for second-generation "
            "young people.",
            "Équatoriens, Péruviens et Boliviens de Gênes : danse, sport et soutien aux jeunes de la "
            "deuxième génération.",
            "الإكوادوريون والبيروفيون والبوليفيون في جنوة: رقص ورياضة ودعم لشباب الجيل الثاني.",
        ),
        description=rich(
            "<p>Dal 2001 riuniamo le comunità andine di Genova. Il nostro gruppo di danza si esibisce nelle "
            "feste di quartiere e la squadra di calcio gioca nel torneo interculturale.</p>",
            "<p>Since 2001 we have brought together the Andean communities of Genoa. Our dance group "
            "performs at neighbourhood festivals and our football team plays in the intercultural "
            "tournament.</p>",
            "<p>Depuis 2001, nous réunissons les communautés andines de Gênes. Notre groupe de danse se "
            "produit dans les fêtes de quartier et notre équipe de football joue dans le tournoi "
            "interculturel.</p>",
            "<p>منذ عام 2001 نجمع الجاليات الأنديزية في جنوة. تقدم فرقتنا للرقص عروضها في احتفالات الأحياء، "
            "ويشارك فريقنا لكرة القدم في الدوري بين الثقافات.</p>",
        ),
        logo=ImageRef("logo-andes"),
        areas_of_activity=["culture", "youth", "sport"],
        communities_served=["EC", "PE", "BO"],
        languages_spoken=["it", "es"],
        municipality="Genova",
        province="GE",
        address="Via Sampierdarena 80",
        email="info@andina.example.org",
        website="https://andina.example.org",
        social_links=[
            social_link("instagram", "https://www.instagram.com/andina.example"),
            social_link("tiktok", "https://www.tiktok.com/@andina.example"),
        ],
        topics=["cultura", "partecipazione"],
    ),
    page(
        "ucraina-liguria",
        title=t("Ucraina Liguria", "Ukraine Liguria", "Ukraine Ligurie", "أوكرانيا ليغوريا"),
        summary=t(
            "Volontarie e volontari ucraini della Spezia: prima accoglienza, corsi di italiano e aiuto "
            "legale per chi è fuggito dalla guerra.",
            "Ukrainian volunteers in La Spezia: first reception, Italian courses and legal help for people "
            "who fled the war.",
            "Bénévoles ukrainiens de La Spezia : premier accueil, cours d'italien et aide juridique pour les "
            "personnes qui ont fui la guerre.",
            "متطوعات ومتطوعون أوكرانيون في لا سبيتسيا: استقبال أولي ودورات لغة إيطالية ومساعدة قانونية "
            "للفارين من الحرب.",
        ),
        description=rich(
            "<p>Dal 2022 aiutiamo le famiglie ucraine arrivate in provincia della Spezia: protezione "
            "temporanea, scuola per i bambini, lavoro.</p>",
            "<p>Since 2022 we have been helping Ukrainian families who arrived in the province of La Spezia: "
            "temporary protection, school for the children, work.</p>",
            "<p>Depuis 2022, nous aidons les familles ukrainiennes arrivées dans la province de La Spezia : "
            "protection temporaire, école pour les enfants, travail.</p>",
            "<p>منذ عام 2022 نساعد العائلات الأوكرانية التي وصلت إلى مقاطعة لا سبيتسيا: الحماية المؤقتة، "
            "والمدرسة للأطفال، والعمل.</p>",
        ),
        logo=ImageRef("logo-ucraina"),
        areas_of_activity=["solidarity", "education", "legal"],
        communities_served=["UA"],
        languages_spoken=["it", "uk", "ru", "en"],
        municipality="La Spezia",
        province="SP",
        address="Via del Prione 150",
        email="aiuto@ucrainaliguria.example.org",
        phone="+39 0187 000 404",
        social_links=[
            social_link("telegram", "https://t.me/ucrainaliguria_example"),
            social_link("facebook", "https://www.facebook.com/ucrainaliguria.example"),
        ],
        topics=["documenti-e-permessi", "scuola-e-lingua-italiana"],
    ),
    page(
        "al-maghreb-imperia",
        title=t("Al Maghreb Imperia", "Al Maghreb Imperia", "Al Maghreb Imperia", "المغرب إمبيريا"),
        summary=t(
            "Associazione delle comunità nordafricane del Ponente: lingua araba per i bambini, mediazione e "
            "dialogo.",
            "Association of the North African communities of western Liguria: Arabic for children, mediation "
            "and dialogue.",
            "Association des communautés nord-africaines du Ponant ligure : arabe pour les enfants, "
            "médiation et dialogue.",
            "جمعية جاليات شمال أفريقيا في غرب ليغوريا: اللغة العربية للأطفال، والوساطة، والحوار.",
        ),
        description=rich(
            "<p>Teniamo vive la lingua araba e le tradizioni delle famiglie marocchine, tunisine e algerine, "
            "e lavoriamo con le scuole e i servizi per una città più accogliente.</p>",
            "<p>We keep alive the Arabic language and the traditions of Moroccan, Tunisian and Algerian "
            "families, and we work with schools and services for a more welcoming town.</p>",
            "<p>Nous faisons vivre la langue arabe et les traditions des familles marocaines, tunisiennes et "
            "algériennes, et nous travaillons avec les écoles et les services pour une ville plus "
            "accueillante.</p>",
            "<p>نحافظ على اللغة العربية وتقاليد العائلات المغربية والتونسية والجزائرية، ونعمل مع المدارس "
            "والخدمات من أجل مدينة أكثر ترحيبًا.</p>",
        ),
        logo=ImageRef("logo-maghreb"),
        areas_of_activity=["culture", "education", "mediation", "religion"],
        communities_served=["MA", "TN", "DZ", "EG"],
        languages_spoken=["it", "ar", "fr"],
        municipality="Imperia",
        province="IM",
        address="Via Cascione 30",
        email="info@almaghreb.example.org",
        phone="+39 0183 000 606",
        social_links=[social_link("facebook", "https://www.facebook.com/almaghreb.example")],
        topics=["cultura", "famiglia", "scuola-e-lingua-italiana"],
    ),
]
