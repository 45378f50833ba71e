"""Drawing primitives shared by the demo's pictures: palette, supersampled canvas, PNG output, people.

Everything is drawn at twice the size and scaled down, which smooths the edges of Pillow's shapes.
"""

import io
import random

from PIL import Image, ImageDraw, ImageFont

SCALE = 2

SKIN_TONES = [(92, 58, 38), (141, 85, 36), (198, 134, 66), (224, 172, 105), (241, 194, 125), (255, 219, 172)]
CLOTHES = [
    (230, 57, 70),
    (29, 53, 87),
    (69, 123, 157),
    (244, 162, 97),
    (42, 157, 143),
    (233, 196, 106),
    (131, 56, 236),
]
HOUSE_COLOURS = [
    (233, 196, 106),
    (244, 162, 97),
    (231, 111, 81),
    (246, 189, 96),
    (216, 90, 63),
    (250, 218, 160),
]
SHUTTER_GREEN = (46, 110, 76)
INK = (29, 53, 87)
PAPER = (252, 250, 245)

# The palette of each chart and logo: one strong colour per series.
CHART_COLOURS = [
    (0, 102, 153),
    (42, 157, 143),
    (233, 196, 106),
    (244, 162, 97),
    (231, 111, 81),
    (131, 56, 236),
]


def scaled_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size * SCALE)


def new_canvas(width: int, height: int, colour) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    canvas = Image.new("RGB", (width * SCALE, height * SCALE), colour)
    return canvas, ImageDraw.Draw(canvas)


def to_png(canvas: Image.Image) -> bytes:
    size = (canvas.width // SCALE, canvas.height // SCALE)
    buffer = io.BytesIO()
    canvas.resize(size, Image.Resampling.LANCZOS).save(buffer, format="PNG")
    return buffer.getvalue()


def blend(a, b, ratio: float):
    return tuple(round(x + (y - x) * ratio) for x, y in zip(a, b))


def vertical_gradient(draw, box, top, bottom) -> None:
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        draw.line([(x0, y), (x1, y)], fill=blend(top, bottom, (y - y0) / max(1, y1 - y0)))


def person(draw, x: float, ground: float, height: float, rng: random.Random) -> None:
    """A flat figure: head, hair, shoulders. x is its centre, ground the bottom of its body."""
    head = height * 0.22
    body_top = ground - height * 0.62
    skin, shirt = rng.choice(SKIN_TONES), rng.choice(CLOTHES)
    draw.rounded_rectangle(
        [x - height * 0.24, body_top, x + height * 0.24, ground], radius=int(height * 0.18), fill=shirt
    )
    head_y = body_top - head * 1.05
    draw.ellipse([x - head, head_y - head, x + head, head_y + head], fill=skin)
    hair = blend(skin, (30, 20, 15), 0.75)
    if rng.random() < 0.5:  # short hair
        draw.pieslice([x - head, head_y - head, x + head, head_y + head], 180, 360, fill=hair)
    else:  # headscarf or long hair
        draw.chord(
            [x - head * 1.15, head_y - head * 1.2, x + head * 1.15, head_y + head * 1.1], 150, 390, fill=hair
        )
        draw.ellipse([x - head * 0.8, head_y - head * 0.7, x + head * 0.8, head_y + head * 0.9], fill=skin)


def crowd(draw, width: int, ground: float, count: int, height: float, rng: random.Random) -> None:
    gap = width / (count + 1)
    for index in range(count):
        person(
            draw,
            gap * (index + 1) + rng.uniform(-gap * 0.2, gap * 0.2),
            ground,
            height * rng.uniform(0.8, 1.05),
            rng,
        )
