"""Looking inside PDFs with real tools: poppler's pdftotext, pdffonts, pdfinfo and pdftoppm, and zxing-cpp for QR
codes. Nothing here parses what WeasyPrint wrote with WeasyPrint's own code."""

import html
import re
import subprocess
import tempfile
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image

# pdftotext marks right-to-left runs with embedding controls; they are not text.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u2066\u2067\u2068\u2069"))
ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")


def _run(*command: str, data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        return subprocess.run(
            [*command, handle.name, *(["-"] if command[0] == "pdftotext" else [])],
            check=True,
            capture_output=True,
        ).stdout.decode()


def pdf_text(pdf: bytes) -> str:
    """The text in reading order, bidi controls removed and Arabic presentation forms folded (NFKC), whitespace
    collapsed: what a person would search for."""
    text = unicodedata.normalize(
        "NFKC", _run("pdftotext", "-enc", "UTF-8", data=pdf).translate(BIDI_CONTROLS)
    )
    return " ".join(text.split())


def pdf_fonts(pdf: bytes) -> str:
    return _run("pdffonts", data=pdf)


def pdf_info(pdf: bytes) -> dict[str, str]:
    lines = _run("pdfinfo", "-enc", "UTF-8", data=pdf).splitlines()
    return {key.strip(): value.strip() for key, _sep, value in (line.partition(":") for line in lines)}


def pdf_structure(pdf: bytes) -> str:
    return _run("pdfinfo", "-struct", data=pdf)


@dataclass
class Word:
    text: str
    x_min: float
    y_min: float
    x_max: float
    page: int


def pdf_words(pdf: bytes) -> list[Word]:
    """Every word with its box on the page (pdftotext -bbox), to check what is where, left to right."""
    html = _run("pdftotext", "-bbox", data=pdf)
    words, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', line
        )
        if match:
            words.append(Word(match[4], float(match[1]), float(match[2]), float(match[3]), page))
    return words


def pdf_lines(pdf: bytes) -> list[str]:
    """Each printed line as a reader sees it: the words of a line (as poppler finds lines, column by column)
    in their order on the page, left to right, not in the order they were written: a phone number printed
    backwards inside Arabic reads backwards here. Text folded as in pdf_text (no-break spaces are spaces)."""
    layout = _run("pdftotext", "-bbox-layout", data=pdf)
    lines = []
    for line in re.findall(r"<line [^>]*>(.*?)</line>", layout, flags=re.DOTALL):
        words = re.findall(r'<word xMin="([\d.]+)"[^>]*>(.*?)</word>', line)
        text = " ".join(word for _x, word in sorted(words, key=lambda word: float(word[0])))
        text = unicodedata.normalize("NFKC", html.unescape(text)).translate(BIDI_CONTROLS)
        lines.append(" ".join(text.split()))
    return lines


def arabic_lines(pdf: bytes) -> list[str]:
    """The printed lines with Arabic on them, as pdf_lines sees them."""
    return [line for line in pdf_lines(pdf) if ARABIC.search(line)]


def runs_out_of_order(pdf: bytes, runs: list[str]) -> list[str]:
    """Those of `runs` (left-to-right text: numbers, dates, Latin names) that some line of Arabic prints out
    of the order they were written in ("4321 765 347 +39" for "+39 347 765 4321"), or that no line of Arabic
    prints."""

    def bare(text: str) -> set[str]:  # the words without their signs: "39+" is "+39" printed backwards
        return set(re.sub(r"[^\w ]", "", text).split())

    lines = arabic_lines(pdf)
    wrong = []
    for run in runs:
        printing = [f" {line} " for line in lines if bare(run) <= bare(line)]
        if not printing or any(f" {run} " not in line for line in printing):
            wrong.append(run)
    return wrong


def _objects(pdf: bytes) -> bytes:
    """The file with its compressed streams (object streams included) inflated: dictionaries become searchable."""
    inflated = []
    for match in re.finditer(rb"stream\r?\n", pdf):
        end = pdf.find(b"endstream", match.end())
        try:
            inflated.append(zlib.decompress(pdf[match.end() : end]))
        except zlib.error:
            continue
    return pdf + b"\n".join(inflated)


def _pdf_string(raw: bytes) -> str:
    if raw.startswith(b"<"):
        return bytes.fromhex(raw[1:-1].decode()).decode("utf-16")
    return raw[1:-1].decode("latin-1")


def pdf_catalog_language(pdf: bytes) -> str | None:
    match = re.search(rb"/Lang\s*(\([^)]*\)|<[0-9a-fA-F]*>)", _objects(pdf))
    return _pdf_string(match[1]) if match else None


def pdf_alt_texts(pdf: bytes) -> list[str]:
    """Alternative texts of the tagged figures."""
    return [
        _pdf_string(raw) for raw in re.findall(rb"/Alt\s*(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F]*>)", _objects(pdf))
    ]


def pdf_pages_png(
    pdf: bytes, directory: Path, name: str, *, dpi: int = 100, first: int = 1, last: int | None = None
) -> list[Path]:
    """pdftoppm's rendering of the pages, as PNG files `name-<n>.png` in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob(f"{name}-*.png"):
        old.unlink()
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(dpi),
                "-f",
                str(first),
                "-l",
                str(last or first),
                handle.name,
                str(directory / name),
            ],
            check=True,
        )
    return sorted(directory.glob(f"{name}-*.png"))


def qr_codes(png: Path) -> list[str]:
    """What the QR codes on a rendered page say, read by zxing-cpp."""
    return [
        result.text
        for result in zxingcpp.read_barcodes(Image.open(png))
        if result.format == zxingcpp.BarcodeFormat.QRCode
    ]
