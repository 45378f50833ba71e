"""Five help desks across Liguria. Streets are real; phones, emails and opening hours are invented."""

from decimal import Decimal

from ..spec import opening_slot as slot
from ..text import t

APPOINTMENT_NOTES = t(
    "Chiuso nei giorni festivi. Per la mediazione culturale è meglio prenotare un appuntamento.",
    "Closed on public holidays. For cultural mediation, please book an appointment.",
    "Fermé les jours fériés. Pour la médiation culturelle, il est préférable de prendre rendez-vous.",
    "مغلق في أيام العطل الرسمية. للوساطة الثقافية يُفضّل حجز موعد.",
)
STEP_FREE = t(
    "Ingresso senza gradini, ascensore e bagno accessibile.",
    "Step-free entrance, lift and accessible toilet.",
    "Entrée de plain-pied, ascenseur et toilettes accessibles.",
    "مدخل بدون درجات، ومصعد، ودورة مياه مهيأة لذوي الإعاقة.",
)

SERVICE_POINTS = [
    (
        "genova-centro",
        {
            "name": t(
                "Sportello unico InterAzioni Genova",
                "InterAzioni single access point Genoa",
                "Guichet unique InterAzioni Gênes",
                "الشباك الموحد InterAzioni جنوة",
            ),
            "kind": "single_access_point",
            "address": "Via Fieschi 15",
            "postcode": "16121",
            "municipality": "Genova",
            "province": "GE",
            "latitude": Decimal("44.405650"),
            "longitude": Decimal("8.946256"),
            "phone": "+39 010 000 1001",
            "email": "sportello.genova@interazioni.example.org",
            "website": "https://interazioni.example.org/genova",
            "languages_spoken": ["it", "en", "fr", "ar", "es", "sq", "ro", "uk"],
            "opening_hours": [
                slot("mon", "09:00", "13:00"),
                slot("tue", "09:00", "13:00"),
                slot("tue", "14:00", "17:00", by_appointment=True),
                slot("wed", "09:00", "13:00"),
                slot("thu", "14:00", "18:00"),
                slot("fri", "09:00", "12:30"),
            ],
            "opening_notes": APPOINTMENT_NOTES,
            "accessibility_notes": STEP_FREE,
        },
    ),
    (
        "savona",
        {
            "name": t(
                "Sportello di mediazione culturale Savona",
                "Cultural mediation desk Savona",
                "Guichet de médiation culturelle Savone",
                "شباك الوساطة الثقافية سافونا",
            ),
            "kind": "mediation",
            "address": "Corso Italia 19",
            "postcode": "17100",
            "municipality": "Savona",
            "province": "SV",
            "latitude": Decimal("44.308100"),
            "longitude": Decimal("8.481100"),
            "phone": "+39 019 000 2002",
            "email": "mediazione.savona@interazioni.example.org",
            "languages_spoken": ["it", "ar", "fr", "en", "sq", "wo"],
            "opening_hours": [
                slot("mon", "14:30", "17:30"),
                slot("wed", "09:00", "12:30"),
                slot("fri", "09:00", "12:30", by_appointment=True),
            ],
            "opening_notes": APPOINTMENT_NOTES,
            "accessibility_notes": STEP_FREE,
        },
    ),
    (
        "la-spezia",
        {
            "name": t(
                "Punto informativo stranieri La Spezia",
                "Information point for foreign nationals La Spezia",
                "Point d'information pour les étrangers La Spezia",
                "نقطة معلومات الأجانب لا سبيتسيا",
            ),
            "kind": "help_desk",
            "address": "Piazza Europa 1",
            "postcode": "19124",
            "municipality": "La Spezia",
            "province": "SP",
            "latitude": Decimal("44.102500"),
            "longitude": Decimal("9.824000"),
            "phone": "+39 0187 000 303",
            "email": "stranieri.laspezia@interazioni.example.org",
            "languages_spoken": ["it", "en", "ro", "uk", "ru", "zh"],
            "opening_hours": [
                slot("tue", "09:00", "12:00"),
                slot("thu", "09:00", "12:00"),
                slot("thu", "15:00", "17:30"),
            ],
            "opening_notes": APPOINTMENT_NOTES,
            "accessibility_notes": t(
                "Accesso con rampa dal lato di via Chiodo; ascensore fino al secondo piano.",
                "Ramp access from the via Chiodo side; lift to the second floor.",
                "Accès par une rampe du côté de la via Chiodo ; ascenseur jusqu'au deuxième étage.",
                "الدخول عبر منحدر من جهة شارع كيودو؛ ومصعد حتى الطابق الثاني.",
            ),
        },
    ),
    (
        "imperia",
        {
            "name": t(
                "Sportello unico di accesso Imperia",
                "Single access point Imperia",
                "Guichet unique d'accès Imperia",
                "شباك الوصول الموحد إمبيريا",
            ),
            "kind": "single_access_point",
            "address": "Viale Matteotti 157",
            "postcode": "18100",
            "municipality": "Imperia",
            "province": "IM",
            "latitude": Decimal("43.886200"),
            "longitude": Decimal("8.027000"),
            "phone": "+39 0183 000 404",
            "email": "sportello.imperia@interazioni.example.org",
            "languages_spoken": ["it", "fr", "ar", "en", "pa", "bn"],
            "opening_hours": [
                slot("mon", "09:00", "12:30"),
                slot("wed", "14:00", "17:00"),
                slot("fri", "09:00", "12:30"),
            ],
            "opening_notes": APPOINTMENT_NOTES,
            "accessibility_notes": STEP_FREE,
        },
    ),
    (
        "chiavari",
        {
            "name": t(
                "Centro per l'impiego Chiavari",
                "Employment centre Chiavari",
                "Centre pour l'emploi Chiavari",
                "مركز التوظيف كيافاري",
            ),
            "kind": "employment",
            "address": "Piazza Nostra Signora dell'Orto 1",
            "postcode": "16043",
            "municipality": "Chiavari",
            "province": "GE",
            "latitude": Decimal("44.316700"),
            "longitude": Decimal("9.322200"),
            "phone": "+39 0185 000 505",
            "email": "cpi.chiavari@interazioni.example.org",
            "website": "https://interazioni.example.org/chiavari",
            "languages_spoken": ["it", "en", "es", "ar"],
            "opening_hours": [
                slot("mon", "08:30", "12:30"),
                slot("tue", "08:30", "12:30"),
                slot("wed", "14:00", "16:30", by_appointment=True),
                slot("thu", "08:30", "12:30"),
            ],
            "opening_notes": t(
                "Il mercoledì pomeriggio colloqui di orientamento solo su appuntamento.",
                "On Wednesday afternoons, guidance interviews by appointment only.",
                "Le mercredi après-midi, entretiens d'orientation uniquement sur rendez-vous.",
                "مقابلات التوجيه بعد ظهر يوم الأربعاء بموعد مسبق فقط.",
            ),
            "accessibility_notes": STEP_FREE,
        },
    ),
]
