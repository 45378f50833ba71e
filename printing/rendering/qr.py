"""QR codes as SVG (segno): vector, so they print sharp at any size and cost a few hundred bytes."""

import segno

# Medium error correction survives a fold or a smudge on a leaflet; a longer portal URL still fits in version 4-6.
ERROR_CORRECTION = "m"


def qr_svg(url: str, *, title: str) -> bytes:
    """A standalone SVG of the QR code for `url`, with its quiet zone and a <title> for assistive technology."""
    code = segno.make(url, error=ERROR_CORRECTION, micro=False)
    return (
        code.svg_inline(scale=1, border=4, omitsize=True, title=title, dark="#000000", light="#ffffff")
        .replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
        .encode()
    )
