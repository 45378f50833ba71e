"""The demo's images and PDF documents. Every image has a description (alt text) or is marked decorative."""

from ..assets import DocumentSpec, ImageSpec, illustration
from ..images import bar_chart_png, donut_chart_png, logo_png
from .infographics import COURSE_LEVELS, ORIGIN_COUNTRIES, RESIDENTS_BY_PROVINCE

ILLUSTRATIONS = [
    ImageSpec(
        "corso-italiano",
        "Lezione di italiano per adulti",
        "Illustrazione: sei persone adulte di diverse origini sedute ai banchi davanti a una lavagna con "
        'scritto "Ciao!".',
        illustration("classroom", 1),
    ),
    ImageSpec(
        "costa-ligure",
        "Case colorate sul mare in Liguria",
        "Illustrazione: case colorate con le persiane verdi affacciate sul mare, con una barca a vela.",
        illustration("coast", 2),
    ),
    ImageSpec(
        "comunita",
        "Persone che parlano tra loro",
        "Illustrazione: un gruppo di persone di diverse origini sotto fumetti colorati, mentre conversano.",
        illustration("community", 3),
    ),
    ImageSpec(
        "documenti",
        "Documenti e timbro",
        "Illustrazione: tre fogli di un modulo affiancati, con un timbro rosso e una penna.",
        illustration("documents", 4),
    ),
    ImageSpec(
        "salute",
        "Croce sanitaria e cuore",
        "Illustrazione: una croce bianca su un quadrato verde, un cuore rosso e la linea di un battito.",
        illustration("health", 5),
    ),
    ImageSpec(
        "lavoro",
        "Città e valigetta da lavoro",
        "Illustrazione: palazzi di una città con finestre illuminate, una valigetta e due persone.",
        illustration("work", 6),
    ),
    ImageSpec(
        "casa",
        "Case e chiave",
        "Illustrazione: quattro case colorate su un prato e una grande chiave dorata.",
        illustration("home", 7),
    ),
    ImageSpec(
        "scuola",
        "Edificio scolastico con bandiera italiana",
        "Illustrazione: una scuola con la bandiera italiana e due bambini davanti all'ingresso.",
        illustration("school", 8),
    ),
    ImageSpec(
        "calendario",
        "Calendario con date evidenziate",
        "Illustrazione: un calendario mensile con alcune date evidenziate a colori.",
        illustration("calendar", 9),
    ),
    ImageSpec(
        "online",
        "Videochiamata con sei persone",
        "Illustrazione: lo schermo di un computer portatile con sei persone collegate in videochiamata.",
        illustration("online", 10),
    ),
    ImageSpec(
        "festa",
        "Festa delle comunità",
        "Illustrazione: una festa serale con bandierine colorate, note musicali e un pubblico.",
        illustration("festival", 11),
    ),
    ImageSpec(
        "motivo-decorativo", "Motivo decorativo a onde", "", illustration("pattern", 12), is_decorative=True
    ),
]

NEWS_IMAGES = [
    ImageSpec(
        "notizia-corsi",
        "Nuovi corsi di italiano in aula",
        "Illustrazione: persone adulte in aula davanti alla lavagna durante una lezione di italiano.",
        illustration("classroom", 21),
    ),
    ImageSpec(
        "notizia-salute",
        "Campagna sulla salute",
        "Illustrazione: simboli della salute, una croce verde e un cuore rosso.",
        illustration("health", 22),
    ),
    ImageSpec(
        "notizia-festa",
        "Festa dei popoli",
        "Illustrazione: una festa all'aperto con bandierine colorate e persone che ascoltano musica.",
        illustration("festival", 23),
    ),
    ImageSpec(
        "notizia-online",
        "Sportello online",
        "Illustrazione: una videochiamata con un'operatrice e cinque persone collegate.",
        illustration("online", 24),
    ),
    ImageSpec(
        "notizia-costa",
        "Liguria accogliente",
        "Illustrazione: un borgo ligure di case colorate affacciato sul mare.",
        illustration("coast", 25),
    ),
]

# Association logos: (key, initials, main colour, accent, style); each association page names its key.
LOGOS = [
    ("logo-ponti", "PDC", (0, 102, 153), (233, 196, 106), 0),
    ("logo-donne", "DIR", (131, 56, 236), (244, 162, 97), 1),
    ("logo-sunugal", "SL", (42, 157, 143), (233, 196, 106), 2),
    ("logo-andes", "CA", (231, 111, 81), (255, 236, 210), 3),
    ("logo-ucraina", "UL", (29, 53, 87), (233, 196, 106), 4),
    ("logo-maghreb", "AM", (46, 110, 76), (244, 162, 97), 5),
]
LOGO_NAMES = {
    "logo-ponti": "Ponti di Culture",
    "logo-donne": "Donne in Rete",
    "logo-sunugal": "Sunugal Liguria",
    "logo-andes": "Comunità Andina Liguria",
    "logo-ucraina": "Ucraina Liguria",
    "logo-maghreb": "Al Maghreb Imperia",
}

LOGO_IMAGES = [
    ImageSpec(
        key,
        f"Logo di {LOGO_NAMES[key]}",
        f"Logo dell'associazione {LOGO_NAMES[key]}: le iniziali {initials} sotto un simbolo stilizzato.",
        lambda initials=initials, colour=colour, accent=accent, style=style: logo_png(
            initials, colour=colour, accent=accent, style=style
        ),
    )
    for key, initials, colour, accent, style in LOGOS
]

CHART_IMAGES = [
    ImageSpec(
        "grafico-residenti",
        "Grafico: residenti stranieri per provincia",
        "Grafico a barre: residenti stranieri per provincia; Genova ne ha di gran lunga di più, seguita da "
        "Savona, Imperia e La Spezia.",
        lambda: bar_chart_png("Residenti stranieri per provincia (dati dimostrativi)", RESIDENTS_BY_PROVINCE),
    ),
    ImageSpec(
        "grafico-origini",
        "Grafico: principali paesi di origine",
        "Grafico a barre orizzontali: i sei principali paesi di origine dei residenti stranieri, prima "
        "l'Albania e la Romania.",
        lambda: bar_chart_png(
            "Principali paesi di origine (dati dimostrativi)", ORIGIN_COUNTRIES, horizontal=True
        ),
    ),
    ImageSpec(
        "grafico-livelli",
        "Grafico: iscritti ai corsi di italiano per livello",
        "Grafico ad anello: iscritti ai corsi di italiano per livello; il livello A1 è il più frequentato.",
        lambda: donut_chart_png(
            "Iscritti ai corsi di italiano per livello (dati dimostrativi)", COURSE_LEVELS
        ),
    ),
]

IMAGES = ILLUSTRATIONS + NEWS_IMAGES + LOGO_IMAGES + CHART_IMAGES

DOCUMENTS = [
    DocumentSpec(
        "guida-servizi",
        "Guida ai servizi per cittadine e cittadini stranieri in Liguria",
        "Una guida di una pagina ai servizi pubblici del programma InterAzioni (documento dimostrativo).",
        [
            (
                "Questa guida presenta i servizi pubblici per le persone straniere in Liguria: corsi di "
                "italiano, sportelli unici di accesso, mediazione culturale, servizi sanitari e per il "
                "lavoro."
            ),
            "Per ogni servizio trovi a chi è rivolto, come accedere, cosa portare e dove andare.",
            "Documento dimostrativo generato per la demo di InterAzioni: i recapiti non sono reali.",
        ],
    ),
    DocumentSpec(
        "modulo-iscrizione-l2",
        "Modulo di iscrizione ai corsi di italiano L2",
        "Il modulo da compilare e portare al CPIA per iscriversi a un corso di italiano (documento "
        "dimostrativo).",
        [
            "Nome e cognome: ____________________   Data di nascita: ____________",
            "Paese di origine: ____________________   Lingue parlate: ____________",
            "Telefono o email: ____________________",
            "Livello che pensi di avere: Pre-A1 / A1 / A2 / B1",
            "Documento dimostrativo generato per la demo di InterAzioni.",
        ],
    ),
    DocumentSpec(
        "rapporto-dati",
        "Rapporto: la popolazione straniera in Liguria (dati dimostrativi)",
        "I dati delle infografiche in forma di tabella, con le note sul metodo (documento dimostrativo).",
        [
            "Residenti stranieri per provincia: "
            + "; ".join(f"{name} {value:,}".replace(",", ".") for name, value in RESIDENTS_BY_PROVINCE)
            + ".",
            "Principali paesi di origine: "
            + "; ".join(f"{name} {value:,}".replace(",", ".") for name, value in ORIGIN_COUNTRIES)
            + ".",
            "Iscritti ai corsi di italiano per livello: "
            + "; ".join(f"{name} {value}" for name, value in COURSE_LEVELS)
            + ".",
            "Valori arrotondati e in parte inventati, a scopo dimostrativo: non citare come dati ufficiali.",
        ],
    ),
    DocumentSpec(
        "scheda-ssn",
        "Come iscriversi al Servizio sanitario nazionale",
        "Scheda di una pagina: chi può iscriversi al SSN, quali documenti servono e dove andare (documento "
        "dimostrativo).",
        [
            (
                "Chi ha un permesso di soggiorno per lavoro, famiglia, protezione internazionale o in attesa "
                "di rinnovo deve iscriversi al Servizio sanitario nazionale presso la propria ASL."
            ),
            "Porta il permesso di soggiorno o la ricevuta, il codice fiscale e un documento di identità.",
            "Con l'iscrizione ricevi la tessera sanitaria e puoi scegliere il medico di famiglia.",
        ],
    ),
]
