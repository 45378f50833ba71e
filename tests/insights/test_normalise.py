"""Search terms and paths are counted normalised (case, accents, whitespace), capped, and without personal details."""

import pytest

from insights.models import PATH_MAX_LENGTH, TERM_MAX_LENGTH
from insights.normalise import comment_scrub, path_normalise, search_term_normalise


@pytest.mark.parametrize(
    "query, term",
    [
        ("  Permesso   di SOGGIORNO? ", "permesso di soggiorno"),
        ("Perméssò di soggiórno", "permesso di soggiorno"),
        ("PERMESSO\tdi\nsoggiorno!!", "permesso di soggiorno"),
        ("dell’asilo", "dell'asilo"),
        ("CAP 16121 Genova", "cap 16121 genova"),  # a postcode is not a person
        ("permesso 2025", "permesso 2025"),
        ("الْإِقَامَة", "الاقامة"),  # Arabic: harakat dropped, hamzated alef plain
        ("الإقامة", "الاقامة"),
        ("вид на проживання", "вид на проживання"),  # Cyrillic keeps its letters (й is not an accented и)
        ("Йти до лікаря", "йти до лікаря"),
        ("居留许可？", "居留许可"),
        ("！！？", ""),
    ],
)
def test_spellings_of_one_need_count_together(query, term):
    assert search_term_normalise(query) == term


@pytest.mark.parametrize(
    "query, term",
    [
        ("mario.rossi@example.org permesso", "[email] permesso"),
        ("chiamare 333 123 4567", "chiamare [number]"),
        ("tel +39 010 5485111", "tel [number]"),
        ("RSSMRA85T10A562S rinnovo", "[code] rinnovo"),  # codice fiscale
        ("IT60 X054 2811 1010 0000 0123 456", "[code]"),  # IBAN
        ("passaporto YA1234567", "passaporto [code]"),
        ("nato il 12/03/1985", "nato il [number]"),
        ("https://example.org/?id=42 modulo", "[url] modulo"),
    ],
)
def test_personal_details_never_reach_a_count(query, term):
    assert search_term_normalise(query) == term


def test_terms_and_paths_are_capped():
    assert len(search_term_normalise("lavoro " * 200)) <= TERM_MAX_LENGTH
    assert search_term_normalise("lavoro " * 200).endswith("lavoro")  # cut at a word, not inside one
    assert len(path_normalise("/" + "servizi/" * 200)) <= PATH_MAX_LENGTH


def test_paths_are_counted_as_portals_route_them():
    assert path_normalise("Servizi//Corsi-Di-Italiano?utm=x#top") == "/servizi/corsi-di-italiano/"
    assert path_normalise("/newsletter/conferma/abcDEF123456789xyz/") == "/newsletter/conferma/[code]/"
    assert path_normalise("/") == "/"


def test_comments_keep_their_words_and_lose_contacts():
    scrubbed = comment_scrub("Non trovo l'orario. Scrivetemi: anna@example.org o 347 1234567\x00")
    assert scrubbed == "Non trovo l'orario. Scrivetemi: [email] o [number]"
