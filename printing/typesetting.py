"""HTML to PDF with WeasyPrint: fonts from the system (Debian's Noto), nothing fetched from anywhere.

- Every resource an edition uses (images, QR codes, logos) is in memory before typesetting (rendering/assets.py);
  the URL fetcher serves those and refuses anything else, so typesetting never waits on the network or reads a
  file it was not given.
- PDF/UA-1: a tagged PDF (structure tree, headings, lists, tables, figures with their alternative text), with the
  document title and language. What it does not cover is in docs/printing.md.
- WeasyPrint reports problems through its logger (a missing glyph, an image it could not read, a figure without
  alternative text); they are collected per typesetting and returned, so the caller can record them and tests can
  fail on them.
"""

import functools
import gc
import logging
import mimetypes
import threading
from dataclasses import dataclass, field

from .rendering.assets import ASSET_SCHEME

PDF_VARIANT = "pdf/ua-1"
_weasyprint_logger = logging.getLogger("weasyprint")
logger = logging.getLogger(__name__)


@functools.cache
def _asset_fetcher_class():
    """Built on first use: importing WeasyPrint costs about a second, which no other command should pay."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AssetFetcher(URLFetcher):
        """Serves the edition's own files from memory; any other URL is refused (and reported)."""

        def __init__(self, files: dict[str, bytes]):
            super().__init__(allowed_protocols=set())
            self._files = files

        def fetch(self, url, headers=None):
            if url.startswith(ASSET_SCHEME) and url in self._files:
                path = url[len(ASSET_SCHEME) :].split("?", 1)[0]
                mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body=self._files[url], headers={"Content-Type": mime_type})
            raise ValueError(f"Print fetches nothing from outside the edition: {url}")

    return AssetFetcher


class _Collector(logging.Handler):
    """WeasyPrint's warnings and errors raised by this thread's typesetting."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.thread_id = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record):
        if record.thread == self.thread_id:
            self.messages.append(record.getMessage())


@dataclass
class Typeset:
    pdf: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)

    @property
    def missing_glyphs(self) -> list[str]:
        return [message for message in self.warnings if ".notdef" in message]


def typeset(html: str, files: dict[str, bytes], *, cache: dict | None = None) -> Typeset:
    """`cache`: WeasyPrint's image cache, shared by the editions of one job (the same pictures in A4, A5, poster
    and bilingual are decoded once). Asset URLs name a file's version, so a shared cache never serves a stale one."""
    from weasyprint import HTML

    collector = _Collector()
    _weasyprint_logger.addHandler(collector)
    try:
        document = HTML(string=html, url_fetcher=_asset_fetcher_class()(files)).render(
            pdf_variant=PDF_VARIANT, cache=cache
        )
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT, cache=cache)
        pages = len(document.pages)
        del document
    finally:
        _weasyprint_logger.removeHandler(collector)
        # A laid-out document is a web of reference cycles (boxes and their parents) holding Pango objects; left to
        # the cyclic collector's own pace, a worker's memory grew from 300 to 435 MiB over twelve leaflets, and
        # stays flat at about 250 MiB when collected here (benchmarks/print_bench.py).
        gc.collect()
    for message in collector.messages:
        logger.warning("Typesetting: %s", message)
    return Typeset(pdf=pdf, pages=pages, warnings=collector.messages)
