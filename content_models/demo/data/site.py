"""The home page and the five sections: their texts, the home pages' slugs and the home page's body."""

from ...services import HOME_INTRO
from ..spec import (
    ImageRef,
    PageRef,
    alert,
    call_to_action,
    figure,
    heading,
    image,
    key_figures,
    paragraph,
    related_pages,
    video,
)
from ..text import rich, t
from .common import SOURCE_CPIA, SOURCE_REGION

HOME_TITLE = t(
    "InterAzioni", "InterAzioni", "InterAzioni", "InterAzioni"
)  # the programme's name is not translated

HOME_INTRO_TEXT = t(
    HOME_INTRO,
    "InterAzioni is the Regione Liguria programme that helps foreign citizens learn about and use public "
    "services: Italian courses, cultural mediation, single access points, social, health and employment "
    "services.",
    "InterAzioni est le programme de la Région Ligurie qui aide les citoyennes et les citoyens étrangers à "
    "connaître et à utiliser les services publics : cours d'italien, médiation culturelle, guichets uniques, "
    "services sociaux, de santé et pour l'emploi.",
    "InterAzioni هو برنامج إقليم ليغوريا الذي يساعد المواطنات والمواطنين الأجانب على معرفة الخدمات العامة "
    "واستخدامها: دورات اللغة الإيطالية، والوساطة الثقافية، والشبابيك الموحدة، والخدمات الاجتماعية والصحية "
    "وخدمات العمل.",
)

# Slugs are not translated: every page keeps its Italian slug in every language. A translated slug changes
# the page's slug after wagtail-localize has created it, and wagtail.contrib.redirects then adds a site-wide
# redirect from the old portal path, which has no locale in it: the redirects of different languages clash.
# The exception is the home pages, siblings under the tree root, which Wagtail names "home-<language>" when
# it copies them. We give that same slug, or the Italian "home" would be taken and replaced by "home-1".
HOME_SLUGS = {"en": "home-en", "fr": "home-fr", "ar": "home-ar"}

# Section slug -> title and introduction.
SECTIONS = {
    "servizi": (
        t("Servizi", "Services", "Services", "الخدمات"),
        rich(
            "<p>I servizi pubblici per le persone straniere in Liguria: cosa offrono, a chi sono rivolti e "
            "come accedervi, passo per passo.</p>",
            "<p>Public services for foreign nationals in Liguria: what they offer, who they are for and how "
            "to use them, step by step.</p>",
            "<p>Les services publics pour les personnes étrangères en Ligurie : ce qu'ils proposent, à qui "
            "ils s'adressent et comment y accéder, étape par étape.</p>",
            "<p>الخدمات العامة للأشخاص الأجانب في ليغوريا: ماذا تقدم، ولمن هي موجهة، وكيف يمكن الوصول إليها "
            "خطوة بخطوة.</p>",
        ),
    ),
    "eventi": (
        t("Eventi", "Events", "Événements", "الفعاليات"),
        rich(
            "<p>Corsi che iniziano, open day, incontri informativi e feste delle comunità in tutta la "
            "Liguria.</p>",
            "<p>Courses starting, open days, information meetings and community festivals all over "
            "Liguria.</p>",
            "<p>Cours qui commencent, journées portes ouvertes, réunions d'information et fêtes des "
            "communautés dans toute la Ligurie.</p>",
            "<p>دورات تبدأ، وأيام مفتوحة، ولقاءات إعلامية، واحتفالات للجاليات في جميع أنحاء ليغوريا.</p>",
        ),
    ),
    "notizie": (
        t("Notizie", "News", "Actualités", "الأخبار"),
        rich(
            "<p>Le novità del programma InterAzioni e dei servizi per le cittadine e i cittadini "
            "stranieri.</p>",
            "<p>News from the InterAzioni programme and the services for foreign citizens.</p>",
            "<p>Les nouveautés du programme InterAzioni et des services pour les citoyennes et citoyens "
            "étrangers.</p>",
            "<p>مستجدات برنامج InterAzioni والخدمات المقدمة للمواطنات والمواطنين الأجانب.</p>",
        ),
    ),
    "infografiche": (
        t("Infografiche", "Infographics", "Infographies", "رسوم بيانية"),
        rich(
            "<p>I numeri dell'immigrazione e dei servizi in Liguria, spiegati con immagini e parole.</p>",
            "<p>The figures of immigration and services in Liguria, explained with pictures and words.</p>",
            "<p>Les chiffres de l'immigration et des services en Ligurie, expliqués en images et en "
            "mots.</p>",
            "<p>أرقام الهجرة والخدمات في ليغوريا، مشروحة بالصور والكلمات.</p>",
        ),
    ),
    "associazioni": (
        t("Associazioni", "Associations", "Associations", "الجمعيات"),
        rich(
            "<p>Le associazioni di migranti attive in Liguria: chi sono, cosa fanno e come contattarle.</p>",
            "<p>The migrant associations active in Liguria: who they are, what they do and how to contact "
            "them.</p>",
            "<p>Les associations de personnes migrantes actives en Ligurie : qui elles sont, ce qu'elles "
            "font et comment les contacter.</p>",
            "<p>جمعيات المهاجرين الناشطة في ليغوريا: من هي، وماذا تفعل، وكيف يمكن التواصل معها.</p>",
        ),
    ),
}

HOME_BODY = [
    image(
        ImageRef("motivo-decorativo"),
    ),
    heading(
        t(
            "Come possiamo aiutarti",
            "How we can help",
            "Comment nous pouvons vous aider",
            "كيف يمكننا مساعدتك",
        )
    ),
    paragraph(
        rich(
            "<p>Cerca il servizio che ti serve, scopri gli eventi vicino a te e contatta uno sportello: "
            "l'aiuto è <b>gratuito</b> e spesso disponibile nella tua lingua.</p>",
            "<p>Find the service you need, discover events near you and contact a help desk: help is "
            "<b>free</b> and often available in your language.</p>",
            "<p>Trouvez le service dont vous avez besoin, découvrez les événements près de chez vous et "
            "contactez un guichet : l'aide est <b>gratuite</b> et souvent disponible dans votre langue.</p>",
            "<p>ابحث عن الخدمة التي تحتاجها، واكتشف الفعاليات القريبة منك، وتواصل مع أحد الشبابيك: المساعدة "
            "<b>مجانية</b> وغالبًا ما تكون متاحة بلغتك.</p>",
        )
    ),
    related_pages(
        t(
            "I servizi più cercati",
            "Most requested services",
            "Les services les plus demandés",
            "الخدمات الأكثر طلبًا",
        ),
        [
            PageRef("servizi/corsi-di-italiano-l2"),
            PageRef("servizi/sportello-unico-di-accesso"),
            PageRef("servizi/iscrizione-al-servizio-sanitario-nazionale"),
            PageRef("servizi/centro-per-l-impiego"),
        ],
    ),
    key_figures(
        t(
            "InterAzioni in Liguria",
            "InterAzioni in Liguria",
            "InterAzioni en Ligurie",
            "InterAzioni في ليغوريا",
        ),
        [
            figure(
                t(
                    "Sportelli e punti informativi",
                    "Help desks and information points",
                    "Guichets et points d'information",
                    "الشبابيك ونقاط المعلومات",
                ),
                "42",
                t("sportelli", "desks", "guichets", "شباك"),
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
                SOURCE_REGION,
            ),
            figure(
                t(
                    "Persone iscritte ai corsi di italiano",
                    "People enrolled in Italian courses",
                    "Personnes inscrites aux cours d'italien",
                    "الأشخاص المسجلون في دورات اللغة الإيطالية",
                ),
                "2250",
                t("persone", "people", "personnes", "شخص"),
                SOURCE_CPIA,
            ),
        ],
    ),
    call_to_action(
        t(
            "Trova lo sportello più vicino",
            "Find the nearest help desk",
            "Trouver le guichet le plus proche",
            "ابحث عن أقرب شباك",
        ),
        page=PageRef("servizi/sportello-unico-di-accesso"),
        description=t(
            "Informazioni, orientamento e mediazione culturale in tutta la Liguria.",
            "Information, guidance and cultural mediation all over Liguria.",
            "Informations, orientation et médiation culturelle dans toute la Ligurie.",
            "معلومات وتوجيه ووساطة ثقافية في جميع أنحاء ليغوريا.",
        ),
    ),
    video(
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        t(
            "InterAzioni in due minuti",
            "InterAzioni in two minutes",
            "InterAzioni en deux minutes",
            "InterAzioni في دقيقتين",
        ),
        t(
            "Un breve video presenta il programma: i corsi di italiano, gli sportelli unici, la mediazione "
            "culturale e le associazioni.",
            "A short video presents the programme: Italian courses, single access points, cultural mediation "
            "and associations.",
            "Une courte vidéo présente le programme : les cours d'italien, les guichets uniques, la "
            "médiation culturelle et les associations.",
            "فيديو قصير يعرّف بالبرنامج: دورات اللغة الإيطالية، والشبابيك الموحدة، والوساطة الثقافية، "
            "والجمعيات.",
        ),
    ),
    alert(
        "info",
        t("Contenuti dimostrativi", "Demo content", "Contenu de démonstration", "محتوى تجريبي"),
        rich(
            "<p>Questo sito contiene dati di esempio: indirizzi, numeri e date non sono reali.</p>",
            "<p>This site holds sample data: addresses, numbers and dates are not real.</p>",
            "<p>Ce site contient des données d'exemple : les adresses, numéros et dates ne sont pas "
            "réels.</p>",
            "<p>يحتوي هذا الموقع على بيانات تجريبية: العناوين والأرقام والتواريخ ليست حقيقية.</p>",
        ),
    ),
]
