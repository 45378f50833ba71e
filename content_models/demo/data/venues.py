"""Where the demo events take place, and the helpers event data is written with.

Events are dated relative to the day of the seed (some past, most future), in Italian local time.
"""

from decimal import Decimal

from ..spec import FromToday, page, paragraph
from ..text import Text


def _venue(name: str, address: str, municipality: str, province: str, latitude: str, longitude: str) -> dict:
    return {
        "venue_name": name,
        "address": address,
        "municipality": municipality,
        "province": province,
        "latitude": Decimal(latitude),
        "longitude": Decimal(longitude),
    }


DUCALE = _venue("Palazzo Ducale", "Piazza Giacomo Matteotti 9", "Genova", "GE", "44.407300", "8.934000")
BERIO = _venue("Biblioteca Berio", "Via del Seminario 16", "Genova", "GE", "44.404400", "8.939600")
GALATA = _venue("Galata Museo del Mare", "Calata De Mari 1", "Genova", "GE", "44.413400", "8.922500")
LUZZATI = _venue("Giardini Luzzati", "Piazza Giardini Luzzati", "Genova", "GE", "44.406200", "8.930800")
BURANELLO = _venue("Centro civico Buranello", "Via Nicolò Daste 8", "Genova", "GE", "44.410500", "8.894700")
CPIA_GENOVA = _venue("Sede del CPIA Genova Centro", "Via Bertani 6", "Genova", "GE", "44.411200", "8.937900")
PRIAMAR = _venue("Fortezza del Priamar", "Corso Giuseppe Mazzini", "Savona", "SV", "44.305200", "8.482300")
SALA_ROSSA = _venue("Sala Rossa del Comune", "Corso Italia 19", "Savona", "SV", "44.308100", "8.481100")
MAZZINI = _venue(
    "Biblioteca civica Ubaldo Mazzini", "Corso Cavour 251", "La Spezia", "SP", "44.106900", "9.826400"
)
PIAZZA_EUROPA = _venue("Piazza Europa", "Piazza Europa", "La Spezia", "SP", "44.102500", "9.824000")
LAGORIO = _venue(
    "Biblioteca civica Lagorio", "Piazza Edmondo De Amicis", "Imperia", "IM", "43.886700", "8.026600"
)
ORMOND = _venue("Villa Ormond", "Corso Felice Cavallotti 51", "Sanremo", "IM", "43.815500", "7.788000")
CPI_CHIAVARI = _venue(
    "Centro per l'impiego Chiavari",
    "Piazza Nostra Signora dell'Orto 1",
    "Chiavari",
    "GE",
    "44.316700",
    "9.322200",
)

ONLINE = "https://meet.example.org/interazioni"


def event(slug: str, title: Text, summary: Text, details: Text, *, parent: str = "", **fields):
    """An event page whose body is a paragraph of details (plus any `extra_body` blocks)."""
    extra = fields.pop("extra_body", [])
    return page(
        slug, parent=parent, title=title, summary=summary, body=[paragraph(details), *extra], **fields
    )


def when(days: int, start: str, end: str) -> dict:
    return {"start": FromToday(days, start), "end": FromToday(days, end)}


def all_day(days: int, last_day: int | None = None) -> dict:
    return {"start": FromToday(days, "00:00"), "end": FromToday(last_day or days, "23:59"), "all_day": True}
