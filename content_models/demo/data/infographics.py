"""Three infographics. The figures are rounded and partly invented: every page says they are demo data."""

from ..spec import DocumentRef, FromToday, ImageRef, key_figure, page
from ..text import rich, t
from .common import SOURCE_CPIA

RESIDENTS_BY_PROVINCE = [("Genova", 72400), ("Savona", 26300), ("Imperia", 25100), ("La Spezia", 21800)]
ORIGIN_COUNTRIES = [
    ("Albania", 19800),
    ("Romania", 17900),
    ("Marocco", 14600),
    ("Ecuador", 13200),
    ("Ucraina", 8700),
    ("Cina", 5900),
]
COURSE_LEVELS = [("Pre-A1", 310), ("A1", 880), ("A2", 720), ("B1", 340)]

DEMO_SOURCE = t(
    "Elaborazione dimostrativa su dati ISTAT (valori arrotondati)",
    "Demo processing of ISTAT data (rounded values)",
    "Traitement de démonstration de données ISTAT (valeurs arrondies)",
    "معالجة تجريبية لبيانات المعهد الوطني للإحصاء ISTAT (قيم مقرّبة)",
)

UNIT_PEOPLE = t("persone", "people", "personnes", "شخص")

INFOGRAPHICS = [
    page(
        "residenti-stranieri-per-provincia",
        title=t(
            "Residenti stranieri per provincia",
            "Foreign residents by province",
            "Résidents étrangers par province",
            "المقيمون الأجانب حسب المقاطعة",
        ),
        summary=t(
            "Quante persone straniere vivono in ciascuna provincia ligure: quasi la metà a Genova.",
            "How many foreign nationals live in each Ligurian province: almost half of them in Genoa.",
            "Combien de personnes étrangères vivent dans chaque province de Ligurie : près de la moitié à "
            "Gênes.",
            "كم عدد الأشخاص الأجانب الذين يعيشون في كل مقاطعة من مقاطعات ليغوريا: ما يقرب من النصف في جنوة.",
        ),
        image=ImageRef("grafico-residenti"),
        alt_text=t(
            "Grafico a barre dei residenti stranieri per provincia ligure: Genova ne conta circa tre volte "
            "più delle altre province.",
            "Bar chart of foreign residents by Ligurian province: Genoa has about three times as many as the "
            "other provinces.",
            "Diagramme en barres des résidents étrangers par province ligure : Gênes en compte environ trois "
            "fois plus que les autres provinces.",
            "مخطط أعمدة للمقيمين الأجانب حسب مقاطعات ليغوريا: في جنوة نحو ثلاثة أضعاف ما في المقاطعات "
            "الأخرى.",
        ),
        long_description=rich(
            "<p>In Liguria vivono circa 145.600 persone straniere.</p><ul><li>Genova: 72.400</li><li>Savona: "
            "26.300</li><li>Imperia: 25.100</li><li>La Spezia: 21.800</li></ul><p>I valori sono arrotondati "
            "e hanno scopo dimostrativo.</p>",
            "<p>About 145,600 foreign nationals live in Liguria.</p><ul><li>Genoa: 72,400</li><li>Savona: "
            "26,300</li><li>Imperia: 25,100</li><li>La Spezia: 21,800</li></ul><p>The values are rounded and "
            "for demonstration only.</p>",
            "<p>Environ 145 600 personnes étrangères vivent en Ligurie.</p><ul><li>Gênes : 72 "
            "400</li><li>Savone : 26 300</li><li>Imperia : 25 100</li><li>La Spezia : 21 800</li></ul><p>Les "
            "valeurs sont arrondies et données à titre de démonstration.</p>",
            "<p>يعيش في ليغوريا نحو 145,600 شخص أجنبي.</p><ul><li>جنوة: 72,400</li><li>سافونا: "
            "26,300</li><li>إمبيريا: 25,100</li><li>لا سبيتسيا: 21,800</li></ul><p>القيم مقرّبة ولأغراض "
            "العرض فقط.</p>",
        ),
        key_figures=[
            key_figure(
                t(
                    "Residenti stranieri in Liguria",
                    "Foreign residents in Liguria",
                    "Résidents étrangers en Ligurie",
                    "المقيمون الأجانب في ليغوريا",
                ),
                "145600",
                UNIT_PEOPLE,
                DEMO_SOURCE,
            ),
            key_figure(
                t(
                    "Quota sulla popolazione",
                    "Share of the population",
                    "Part de la population",
                    "النسبة من السكان",
                ),
                "9.70",
                "%",
                DEMO_SOURCE,
            ),
            key_figure(
                t(
                    "Residenti stranieri in provincia di Genova",
                    "Foreign residents in the province of Genoa",
                    "Résidents étrangers dans la province de Gênes",
                    "المقيمون الأجانب في مقاطعة جنوة",
                ),
                "72400",
                UNIT_PEOPLE,
                DEMO_SOURCE,
            ),
        ],
        data_source=DEMO_SOURCE,
        data_date=FromToday(-120),
        document=DocumentRef("rapporto-dati"),
        topics=["partecipazione", "documenti-e-permessi"],
    ),
    page(
        "principali-paesi-di-origine",
        title=t(
            "Da dove vengono le persone straniere in Liguria",
            "Where foreign nationals in Liguria come from",
            "D'où viennent les personnes étrangères en Ligurie",
            "من أين يأتي الأشخاص الأجانب في ليغوريا",
        ),
        summary=t(
            "I sei principali paesi di origine: Albania e Romania in testa, poi Marocco, Ecuador, Ucraina e "
            "Cina.",
            "The six main countries of origin: Albania and Romania first, then Morocco, Ecuador, Ukraine and "
            "China.",
            "Les six principaux pays d'origine : l'Albanie et la Roumanie en tête, puis le Maroc, "
            "l'Équateur, l'Ukraine et la Chine.",
            "بلدان المنشأ الستة الرئيسية: ألبانيا ورومانيا في المقدمة، ثم المغرب والإكوادور وأوكرانيا "
            "والصين.",
        ),
        image=ImageRef("grafico-origini"),
        alt_text=t(
            "Grafico a barre orizzontali dei sei principali paesi di origine, dall'Albania alla Cina.",
            "Horizontal bar chart of the six main countries of origin, from Albania to China.",
            "Diagramme en barres horizontales des six principaux pays d'origine, de l'Albanie à la Chine.",
            "مخطط أعمدة أفقية لبلدان المنشأ الستة الرئيسية، من ألبانيا إلى الصين.",
        ),
        long_description=rich(
            "<p>I principali paesi di origine delle persone straniere residenti in Liguria "
            "sono:</p><ol><li>Albania: 19.800</li><li>Romania: 17.900</li><li>Marocco: "
            "14.600</li><li>Ecuador: 13.200</li><li>Ucraina: 8.700</li><li>Cina: 5.900</li></ol>",
            "<p>The main countries of origin of foreign residents in Liguria are:</p><ol><li>Albania: "
            "19,800</li><li>Romania: 17,900</li><li>Morocco: 14,600</li><li>Ecuador: 13,200</li><li>Ukraine: "
            "8,700</li><li>China: 5,900</li></ol>",
            "<p>Les principaux pays d'origine des résidents étrangers en Ligurie sont :</p><ol><li>Albanie : "
            "19 800</li><li>Roumanie : 17 900</li><li>Maroc : 14 600</li><li>Équateur : 13 "
            "200</li><li>Ukraine : 8 700</li><li>Chine : 5 900</li></ol>",
            "<p>بلدان المنشأ الرئيسية للمقيمين الأجانب في ليغوريا هي:</p><ol><li>ألبانيا: "
            "19,800</li><li>رومانيا: 17,900</li><li>المغرب: 14,600</li><li>الإكوادور: "
            "13,200</li><li>أوكرانيا: 8,700</li><li>الصين: 5,900</li></ol>",
        ),
        key_figures=[
            key_figure(
                t(
                    "Paesi di origine rappresentati",
                    "Countries of origin represented",
                    "Pays d'origine représentés",
                    "بلدان المنشأ الممثلة",
                ),
                "148",
                t("paesi", "countries", "pays", "بلد"),
                DEMO_SOURCE,
            ),
            key_figure(
                t(
                    "Residenti di origine albanese",
                    "Residents of Albanian origin",
                    "Résidents d'origine albanaise",
                    "المقيمون من أصل ألباني",
                ),
                "19800",
                UNIT_PEOPLE,
                DEMO_SOURCE,
            ),
        ],
        data_source=DEMO_SOURCE,
        data_date=FromToday(-120),
        document=DocumentRef("rapporto-dati"),
        topics=["cultura", "partecipazione"],
    ),
    page(
        "iscritti-ai-corsi-di-italiano",
        title=t(
            "Chi studia italiano nei CPIA liguri",
            "Who studies Italian at Ligurian adult education centres",
            "Qui étudie l'italien dans les CPIA de Ligurie",
            "من يدرس الإيطالية في مراكز تعليم الكبار في ليغوريا",
        ),
        summary=t(
            "2.250 persone iscritte ai corsi di italiano L2 in un anno, divise per livello: il più "
            "frequentato è l'A1.",
            "2,250 people enrolled in Italian L2 courses in one year, by level: A1 is the most attended.",
            "2 250 personnes inscrites aux cours d'italien L2 en un an, par niveau : le A1 est le plus "
            "suivi.",
            "2,250 شخصًا مسجلًا في دورات الإيطالية لغةً ثانية خلال عام، حسب المستوى: المستوى A1 هو الأكثر "
            "إقبالًا.",
        ),
        image=ImageRef("grafico-livelli"),
        alt_text=t(
            "Grafico ad anello degli iscritti ai corsi di italiano per livello: A1 e A2 insieme sono più di "
            "due terzi.",
            "Donut chart of people enrolled in Italian courses by level: A1 and A2 together are over two "
            "thirds.",
            "Graphique en anneau des inscrits aux cours d'italien par niveau : A1 et A2 représentent plus "
            "des deux tiers.",
            "مخطط دائري للمسجلين في دورات الإيطالية حسب المستوى: المستويان A1 وA2 معًا أكثر من الثلثين.",
        ),
        long_description=rich(
            "<p>Nell'ultimo anno 2.250 persone si sono iscritte ai corsi di italiano L2 dei CPIA "
            "liguri.</p><ul><li>Pre-A1 (alfabetizzazione): 310</li><li>A1: 880</li><li>A2: 720</li><li>B1: "
            "340</li></ul>",
            "<p>In the last year 2,250 people enrolled in the Italian L2 courses of Ligurian adult education "
            "centres.</p><ul><li>Pre-A1 (literacy): 310</li><li>A1: 880</li><li>A2: 720</li><li>B1: "
            "340</li></ul>",
            "<p>Au cours de la dernière année, 2 250 personnes se sont inscrites aux cours d'italien L2 des "
            "CPIA de Ligurie.</p><ul><li>Pré-A1 (alphabétisation) : 310</li><li>A1 : 880</li><li>A2 : "
            "720</li><li>B1 : 340</li></ul>",
            "<p>خلال العام الماضي سجّل 2,250 شخصًا في دورات الإيطالية لغةً ثانية في مراكز تعليم الكبار في "
            "ليغوريا.</p><ul><li>ما قبل A1 (محو الأمية): 310</li><li>A1: 880</li><li>A2: 720</li><li>B1: "
            "340</li></ul>",
        ),
        key_figures=[
            key_figure(
                t(
                    "Persone iscritte ai corsi di italiano",
                    "People enrolled in Italian courses",
                    "Personnes inscrites aux cours d'italien",
                    "الأشخاص المسجلون في دورات اللغة الإيطالية",
                ),
                "2250",
                UNIT_PEOPLE,
                SOURCE_CPIA,
            ),
            key_figure(
                t(
                    "Donne tra gli iscritti",
                    "Women among those enrolled",
                    "Femmes parmi les inscrits",
                    "النساء بين المسجلين",
                ),
                "58",
                "%",
                SOURCE_CPIA,
            ),
            key_figure(
                t("Corsi attivi", "Active courses", "Cours actifs", "الدورات النشطة"),
                "85",
                t("corsi", "courses", "cours", "دورة"),
                SOURCE_CPIA,
            ),
        ],
        data_source=SOURCE_CPIA,
        data_date=FromToday(-60),
        topics=["scuola-e-lingua-italiana"],
    ),
]
