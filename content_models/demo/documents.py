"""Small, valid PDF files for the demo's downloads, written by hand (a page of text needs no PDF library)."""

import datetime

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points


def _escape(text: str) -> bytes:
    # The base-14 fonts use WinAnsiEncoding: cp1252 covers Italian and French accents.
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_bytes(title: str, paragraphs: list[str], *, date: datetime.date | None = None) -> bytes:
    """A one-page A4 PDF: a coloured band, the title and the paragraphs (wrapped at ~85 characters)."""
    lines: list[tuple[int, str]] = []
    for paragraph in paragraphs:
        line = ""
        for word in paragraph.split():
            if len(line) + len(word) + 1 > 85:
                lines.append((10, line))
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append((10, line))
        lines.append((10, ""))
    if date:
        lines.append((8, f"Regione Liguria - programma InterAzioni - {date:%d/%m/%Y}"))

    stream = [
        b"0 0.4 0.6 rg 0 772 595 70 re f",
        b"BT /F2 20 Tf 1 1 1 rg 50 798 Td (" + _escape(title) + b") Tj ET",
    ]
    y = 730
    for size, text in lines:
        stream.append(f"BT /F1 {size} Tf 0.1 0.2 0.35 rg 50 {y} Td (".encode() + _escape(text) + b") Tj ET")
        y -= size + 6
    content = b"\n".join(stream)

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] /Contents 4 0 R "
        f"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>".encode(),
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + _escape(title) + b") /Producer (InterAzioni demo) >>",
    ]
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    output += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R /Info 7 0 R >>"
    output += f"trailer\n{trailer}\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(output)
