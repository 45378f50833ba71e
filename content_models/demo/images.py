"""The demo's pictures, drawn with Pillow: flat illustrations, association logos and charts.

Generated locally (our machines have no internet) and deterministic: the same arguments give the same PNG.
"""

import math
import random

from .drawing import CHART_COLOURS, INK, PAPER, SCALE, new_canvas, scaled_font, to_png
from .scenes import SCENES


def illustration_png(scene: str, *, seed: int = 0, width: int = 1200, height: int = 675) -> bytes:
    canvas, draw = new_canvas(width, height, PAPER)
    SCENES[scene](draw, width * SCALE, height * SCALE, random.Random(seed))
    return to_png(canvas)


def logo_png(initials: str, *, colour, accent, style: int = 0, size: int = 480) -> bytes:
    """A round or square badge with a simple emblem and the association's initials."""
    canvas, draw = new_canvas(size, size, PAPER)
    s = size * SCALE
    if style % 2:
        draw.rounded_rectangle([s * 0.04, s * 0.04, s * 0.96, s * 0.96], radius=int(s * 0.18), fill=colour)
    else:
        draw.ellipse([s * 0.04, s * 0.04, s * 0.96, s * 0.96], fill=colour)
    if style % 3 == 0:  # two hands, two rings
        draw.ellipse([s * 0.26, s * 0.16, s * 0.56, s * 0.46], outline=accent, width=int(s * 0.035))
        draw.ellipse([s * 0.44, s * 0.16, s * 0.74, s * 0.46], outline=PAPER, width=int(s * 0.035))
    elif style % 3 == 1:  # a leaf, tilted
        cx, cy, length, half_width, tilt = s * 0.5, s * 0.3, s * 0.42, s * 0.11, math.radians(-30)
        outline = []
        for side in (1, -1):
            for index in range(21):
                along = index / 20 if side == 1 else 1 - index / 20
                x, y = (along - 0.5) * length, side * math.sin(math.pi * along) * half_width
                outline.append(
                    (
                        cx + x * math.cos(tilt) - y * math.sin(tilt),
                        cy + x * math.sin(tilt) + y * math.cos(tilt),
                    )
                )
        draw.polygon(outline, fill=accent)
        dx, dy = length * 0.45 * math.cos(tilt), length * 0.45 * math.sin(tilt)
        draw.line([(cx - dx, cy - dy), (cx + dx, cy + dy)], fill=colour, width=int(s * 0.012))
    else:  # a sun rising over the sea
        draw.pieslice([s * 0.3, s * 0.14, s * 0.7, s * 0.54], 180, 360, fill=accent)
        for wave in range(2):
            y = s * (0.4 + wave * 0.06)
            draw.arc([s * 0.25, y, s * 0.5, y + s * 0.06], 180, 360, fill=PAPER, width=int(s * 0.015))
            draw.arc([s * 0.5, y, s * 0.75, y + s * 0.06], 180, 360, fill=PAPER, width=int(s * 0.015))
    font = scaled_font(size // 5)
    box = draw.textbbox((0, 0), initials, font=font)
    draw.text(((s - (box[2] - box[0])) / 2, s * 0.6), initials, font=font, fill=PAPER)
    return to_png(canvas)


def bar_chart_png(
    title: str,
    items: list[tuple[str, float]],
    *,
    unit: str = "",
    horizontal: bool = False,
    width: int = 1200,
    height: int = 800,
) -> bytes:
    """A bar chart with a title, value labels and one colour per bar."""
    canvas, draw = new_canvas(width, height, PAPER)
    w, h = width * SCALE, height * SCALE
    title_font, label_font = scaled_font(height // 18), scaled_font(height // 30)
    draw.text((w * 0.05, h * 0.04), title, font=title_font, fill=INK)
    top, bottom, left, right = h * 0.18, h * 0.86, w * 0.08, w * 0.95
    peak = max(value for _label, value in items) * 1.15
    if horizontal:
        left = w * 0.24
        band = (bottom - top) / len(items)
        for index, (label, value) in enumerate(items):
            y = top + band * index
            length = (right - left) * value / peak
            draw.rounded_rectangle(
                [left, y + band * 0.15, left + length, y + band * 0.85],
                radius=SCALE * 6,
                fill=CHART_COLOURS[index % 6],
            )
            draw.text((w * 0.05, y + band * 0.3), label, font=label_font, fill=INK)
            draw.text(
                (left + length + w * 0.01, y + band * 0.3),
                f"{value:,.0f}{unit}".replace(",", "."),
                font=label_font,
                fill=INK,
            )
    else:
        for step in range(5):
            y = bottom - (bottom - top) * step / 4
            draw.line([(left, y), (right, y)], fill=(225, 228, 235), width=SCALE)
        band = (right - left) / len(items)
        for index, (label, value) in enumerate(items):
            x = left + band * index
            y = bottom - (bottom - top) * value / peak
            draw.rounded_rectangle(
                [x + band * 0.18, y, x + band * 0.82, bottom], radius=SCALE * 6, fill=CHART_COLOURS[index % 6]
            )
            text = f"{value:,.0f}{unit}".replace(",", ".")
            text_w = draw.textlength(text, font=label_font)
            draw.text((x + (band - text_w) / 2, y - h * 0.05), text, font=label_font, fill=INK)
            label_w = draw.textlength(label, font=label_font)
            draw.text((x + (band - label_w) / 2, bottom + h * 0.02), label, font=label_font, fill=INK)
    draw.line([(left, bottom), (right, bottom)], fill=INK, width=SCALE * 2)
    return to_png(canvas)


def donut_chart_png(
    title: str, items: list[tuple[str, float]], *, width: int = 1200, height: int = 800
) -> bytes:
    """A donut chart with a legend giving each share in per cent."""
    canvas, draw = new_canvas(width, height, PAPER)
    w, h = width * SCALE, height * SCALE
    title_font, label_font = scaled_font(height // 18), scaled_font(height // 26)
    draw.text((w * 0.05, h * 0.04), title, font=title_font, fill=INK)
    total = sum(value for _label, value in items)
    box = [w * 0.08, h * 0.2, w * 0.08 + h * 0.7, h * 0.9]
    angle = -90.0
    for index, (_label, value) in enumerate(items):
        sweep = 360 * value / total
        draw.pieslice(box, angle, angle + sweep, fill=CHART_COLOURS[index % 6])
        angle += sweep
    inset = h * 0.17
    draw.ellipse([box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset], fill=PAPER)
    for index, (label, value) in enumerate(items):
        y = h * (0.28 + index * 0.11)
        draw.rounded_rectangle(
            [w * 0.56, y, w * 0.56 + h * 0.05, y + h * 0.05], radius=SCALE * 4, fill=CHART_COLOURS[index % 6]
        )
        draw.text((w * 0.56 + h * 0.08, y), f"{label}: {100 * value / total:.0f}%", font=label_font, fill=INK)
    return to_png(canvas)
