"""The demo's flat illustrations: Ligurian coast, classroom, community, documents, health, work..."""

import math

from .drawing import (
    CHART_COLOURS,
    HOUSE_COLOURS,
    INK,
    PAPER,
    SCALE,
    SHUTTER_GREEN,
    crowd,
    person,
    scaled_font,
    vertical_gradient,
)


def _scene_coast(draw, w, h, rng) -> None:
    """Liguria: coloured houses with green shutters above the sea."""
    vertical_gradient(draw, (0, 0, w, int(h * 0.55)), (142, 202, 230), (255, 236, 210))
    draw.ellipse([w * 0.78, h * 0.08, w * 0.9, h * 0.08 + w * 0.12], fill=(255, 200, 87))
    draw.polygon(
        [
            (0, h * 0.45),
            (w * 0.3, h * 0.25),
            (w * 0.6, h * 0.42),
            (w * 0.85, h * 0.3),
            (w, h * 0.4),
            (w, h * 0.6),
            (0, h * 0.6),
        ],
        fill=(106, 153, 78),
    )
    x = 0.0
    while x < w:
        house_w, house_h = w * rng.uniform(0.07, 0.11), h * rng.uniform(0.22, 0.34)
        top = h * 0.62 - house_h
        draw.rectangle([x, top, x + house_w, h * 0.62], fill=rng.choice(HOUSE_COLOURS))
        draw.polygon(
            [(x - 4, top), (x + house_w / 2, top - house_h * 0.15), (x + house_w + 4, top)],
            fill=(164, 74, 63),
        )
        for row in range(3):
            for col in range(2):
                wx = x + house_w * (0.18 + col * 0.45)
                wy = top + house_h * (0.12 + row * 0.28)
                draw.rectangle([wx, wy, wx + house_w * 0.22, wy + house_h * 0.16], fill=SHUTTER_GREEN)
        x += house_w
    vertical_gradient(draw, (0, int(h * 0.62), w, h), (38, 120, 178), (19, 64, 116))
    for _ in range(14):
        wx, wy = rng.uniform(0, w), rng.uniform(h * 0.68, h * 0.95)
        draw.arc([wx, wy, wx + w * 0.05, wy + h * 0.03], 200, 340, fill=(200, 230, 250), width=SCALE * 3)
    draw.polygon(
        [(w * 0.2, h * 0.8), (w * 0.32, h * 0.8), (w * 0.3, h * 0.85), (w * 0.22, h * 0.85)], fill=PAPER
    )
    draw.polygon([(w * 0.26, h * 0.8), (w * 0.26, h * 0.7), (w * 0.31, h * 0.79)], fill=(230, 57, 70))


def _scene_classroom(draw, w, h, rng) -> None:
    draw.rectangle([0, 0, w, h], fill=(245, 235, 220))
    draw.rectangle([0, h * 0.78, w, h], fill=(203, 153, 126))
    draw.rounded_rectangle([w * 0.2, h * 0.1, w * 0.8, h * 0.5], radius=SCALE * 12, fill=(47, 84, 74))
    draw.text((w * 0.26, h * 0.16), "Ciao!  A B C", font=scaled_font(h // 16), fill=PAPER)
    draw.text((w * 0.26, h * 0.3), "io sono, tu sei", font=scaled_font(h // 22), fill=(233, 196, 106))
    crowd(draw, w, h * 0.9, 6, h * 0.42, rng)
    for index in range(3):
        x = w * (0.12 + index * 0.3)
        draw.rectangle([x, h * 0.78, x + w * 0.2, h * 0.82], fill=(120, 80, 50))


def _scene_community(draw, w, h, rng) -> None:
    draw.rectangle([0, 0, w, h], fill=(255, 243, 224))
    for index, colour in enumerate(CHART_COLOURS[:4]):
        cx, cy, r = w * (0.15 + index * 0.24), h * (0.25 + (index % 2) * 0.08), h * 0.13
        draw.rounded_rectangle(
            [cx - r * 1.4, cy - r, cx + r * 1.4, cy + r * 0.7], radius=int(r * 0.5), fill=colour
        )
        draw.polygon(
            [(cx - r * 0.3, cy + r * 0.6), (cx + r * 0.2, cy + r * 0.6), (cx - r * 0.5, cy + r * 1.2)],
            fill=colour,
        )
        for dot in range(3):
            dx = cx - r * 0.5 + dot * r * 0.5
            draw.ellipse([dx - r * 0.12, cy - r * 0.3, dx + r * 0.12, cy - r * 0.06], fill=PAPER)
    crowd(draw, w, h * 0.98, 7, h * 0.5, rng)


def _scene_documents(draw, w, h, rng) -> None:
    draw.rectangle([0, 0, w, h], fill=(224, 236, 228))
    for index in range(3):
        x, y = w * (0.2 + index * 0.2), h * (0.18 + index * 0.05)
        draw.rounded_rectangle(
            [x + 10, y + 10, x + w * 0.26 + 10, y + h * 0.68 + 10], radius=SCALE * 8, fill=(190, 205, 196)
        )
        draw.rounded_rectangle([x, y, x + w * 0.26, y + h * 0.68], radius=SCALE * 8, fill=PAPER)
        for line in range(7):
            ly = y + h * (0.1 + line * 0.075)
            draw.rounded_rectangle(
                [x + w * 0.03, ly, x + w * rng.uniform(0.15, 0.23), ly + h * 0.025],
                radius=SCALE * 3,
                fill=(190, 200, 210),
            )
    cx, cy, r = w * 0.72, h * 0.7, h * 0.12
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(230, 57, 70), width=SCALE * 6)
    draw.ellipse([cx - r * 0.6, cy - r * 0.6, cx + r * 0.6, cy + r * 0.6], fill=(230, 57, 70))
    draw.line([(w * 0.08, h * 0.9), (w * 0.3, h * 0.75)], fill=INK, width=SCALE * 10)


def _scene_health(draw, w, h, rng) -> None:
    draw.rectangle([0, 0, w, h], fill=(230, 244, 241))
    cx, cy, r = w * 0.3, h * 0.45, h * 0.28
    draw.rounded_rectangle([cx - r, cy - r, cx + r, cy + r], radius=int(r * 0.3), fill=(42, 157, 143))
    draw.rectangle([cx - r * 0.2, cy - r * 0.65, cx + r * 0.2, cy + r * 0.65], fill=PAPER)
    draw.rectangle([cx - r * 0.65, cy - r * 0.2, cx + r * 0.65, cy + r * 0.2], fill=PAPER)
    hx, hy, hr = w * 0.68, h * 0.38, h * 0.11
    draw.ellipse([hx - hr * 2, hy - hr, hx, hy + hr], fill=(230, 57, 70))
    draw.ellipse([hx, hy - hr, hx + hr * 2, hy + hr], fill=(230, 57, 70))
    draw.polygon(
        [(hx - hr * 1.95, hy + hr * 0.3), (hx + hr * 1.95, hy + hr * 0.3), (hx, hy + hr * 2.4)],
        fill=(230, 57, 70),
    )
    pulse = [
        (w * 0.05, h * 0.85),
        (w * 0.45, h * 0.85),
        (w * 0.5, h * 0.72),
        (w * 0.55, h * 0.95),
        (w * 0.6, h * 0.85),
        (w * 0.95, h * 0.85),
    ]
    draw.line(pulse, fill=INK, width=SCALE * 6, joint="curve")


def _scene_work(draw, w, h, rng) -> None:
    vertical_gradient(draw, (0, 0, w, h), (255, 241, 214), (250, 208, 170))
    x = 0.0
    while x < w:
        bw, bh = w * rng.uniform(0.08, 0.14), h * rng.uniform(0.3, 0.6)
        colour = rng.choice([(69, 123, 157), (29, 53, 87), (96, 108, 130), (42, 157, 143)])
        draw.rectangle([x, h * 0.75 - bh, x + bw - 6, h * 0.75], fill=colour)
        for wy in range(int(h * 0.75 - bh + 12), int(h * 0.72), 28 * SCALE):
            for wx in range(int(x + 10), int(x + bw - 20), 22 * SCALE):
                draw.rectangle([wx, wy, wx + 10 * SCALE, wy + 12 * SCALE], fill=(255, 224, 150))
        x += bw
    draw.rectangle([0, h * 0.75, w, h], fill=(120, 144, 156))
    draw.rounded_rectangle([w * 0.4, h * 0.55, w * 0.6, h * 0.8], radius=SCALE * 10, fill=(120, 72, 48))
    draw.rounded_rectangle(
        [w * 0.46, h * 0.5, w * 0.54, h * 0.57], radius=SCALE * 6, outline=(120, 72, 48), width=SCALE * 6
    )
    crowd(draw, w * 0.3, h * 0.98, 2, h * 0.4, rng)


def _scene_home(draw, w, h, rng) -> None:
    vertical_gradient(draw, (0, 0, w, h), (214, 234, 248), (255, 250, 240))
    draw.rectangle([0, h * 0.8, w, h], fill=(106, 153, 78))
    for index in range(4):
        x = w * (0.06 + index * 0.24)
        hw, hh = w * 0.16, h * rng.uniform(0.3, 0.42)
        colour = HOUSE_COLOURS[index % len(HOUSE_COLOURS)]
        draw.rectangle([x, h * 0.8 - hh, x + hw, h * 0.8], fill=colour)
        draw.polygon(
            [
                (x - w * 0.02, h * 0.8 - hh),
                (x + hw / 2, h * 0.8 - hh - h * 0.15),
                (x + hw + w * 0.02, h * 0.8 - hh),
            ],
            fill=(164, 74, 63),
        )
        draw.rectangle([x + hw * 0.38, h * 0.8 - hh * 0.45, x + hw * 0.62, h * 0.8], fill=INK)
        draw.rectangle(
            [x + hw * 0.1, h * 0.8 - hh * 0.85, x + hw * 0.32, h * 0.8 - hh * 0.6], fill=SHUTTER_GREEN
        )
        draw.rectangle(
            [x + hw * 0.68, h * 0.8 - hh * 0.85, x + hw * 0.9, h * 0.8 - hh * 0.6], fill=SHUTTER_GREEN
        )
    kx, ky = w * 0.86, h * 0.2
    draw.ellipse(
        [kx - 40 * SCALE, ky - 40 * SCALE, kx + 40 * SCALE, ky + 40 * SCALE],
        outline=(233, 196, 106),
        width=SCALE * 14,
    )
    draw.rectangle([kx - 7 * SCALE, ky + 38 * SCALE, kx + 7 * SCALE, ky + 130 * SCALE], fill=(233, 196, 106))


def _scene_school(draw, w, h, rng) -> None:
    draw.rectangle([0, 0, w, h], fill=(255, 246, 220))
    draw.rectangle([w * 0.25, h * 0.25, w * 0.75, h * 0.8], fill=(231, 111, 81))
    draw.polygon([(w * 0.2, h * 0.25), (w * 0.5, h * 0.06), (w * 0.8, h * 0.25)], fill=(164, 74, 63))
    draw.ellipse([w * 0.46, h * 0.12, w * 0.54, h * 0.12 + w * 0.08], fill=PAPER)
    for row in range(2):
        for col in range(4):
            x, y = w * (0.3 + col * 0.11), h * (0.33 + row * 0.18)
            draw.rectangle([x, y, x + w * 0.06, y + h * 0.1], fill=(142, 202, 230))
    draw.rectangle([w * 0.46, h * 0.62, w * 0.54, h * 0.8], fill=INK)
    draw.line([(w * 0.78, h * 0.8), (w * 0.78, h * 0.2)], fill=INK, width=SCALE * 4)
    for index, colour in enumerate([(0, 146, 70), PAPER, (206, 43, 55)]):
        draw.rectangle(
            [w * (0.782 + index * 0.03), h * 0.2, w * (0.812 + index * 0.03), h * 0.3], fill=colour
        )
    draw.rectangle([0, h * 0.8, w, h], fill=(106, 153, 78))
    crowd(draw, w * 0.22, h * 0.97, 2, h * 0.3, rng)


def _scene_calendar(draw, w, h, rng) -> None:
    draw.rectangle([0, 0, w, h], fill=(237, 242, 251))
    x0, y0, x1, y1 = w * 0.22, h * 0.12, w * 0.78, h * 0.9
    draw.rounded_rectangle([x0, y0, x1, y1], radius=SCALE * 16, fill=PAPER)
    draw.rounded_rectangle([x0, y0, x1, y0 + h * 0.16], radius=SCALE * 16, fill=(230, 57, 70))
    cell_w, cell_h = (x1 - x0) / 7, (y1 - y0 - h * 0.2) / 5
    highlighted = set(rng.sample(range(35), 5))
    for index in range(35):
        cx = x0 + cell_w * (index % 7 + 0.5)
        cy = y0 + h * 0.2 + cell_h * (index // 7 + 0.5)
        r = min(cell_w, cell_h) * 0.3
        colour = CHART_COLOURS[index % 4] if index in highlighted else (220, 226, 235)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)


def _scene_online(draw, w, h, rng) -> None:
    draw.rectangle([0, 0, w, h], fill=(240, 235, 250))
    draw.rounded_rectangle([w * 0.18, h * 0.1, w * 0.82, h * 0.78], radius=SCALE * 14, fill=INK)
    draw.polygon(
        [(w * 0.1, h * 0.9), (w * 0.9, h * 0.9), (w * 0.84, h * 0.78), (w * 0.16, h * 0.78)],
        fill=(120, 130, 150),
    )
    for row in range(2):
        for col in range(3):
            x, y = w * (0.21 + col * 0.2), h * (0.14 + row * 0.31)
            draw.rectangle(
                [x, y, x + w * 0.18, y + h * 0.28],
                fill=rng.choice([(69, 123, 157), (42, 157, 143), (244, 162, 97)]),
            )
            person(draw, x + w * 0.09, y + h * 0.28, h * 0.2, rng)


def _scene_festival(draw, w, h, rng) -> None:
    vertical_gradient(draw, (0, 0, w, h), (43, 45, 66), (131, 56, 236))
    for string in range(2):
        y = h * (0.1 + string * 0.12)
        draw.arc([-w * 0.1, y - h * 0.1, w * 1.1, y + h * 0.1], 0, 180, fill=PAPER, width=SCALE * 2)
        for index in range(12):
            x = w * (index + 0.5) / 12
            top = y + math.sin(math.pi * (index + 0.5) / 12) * h * 0.1
            draw.polygon(
                [(x - w * 0.025, top), (x + w * 0.025, top), (x, top + h * 0.08)],
                fill=CHART_COLOURS[(index + string) % 6],
            )
    draw.rectangle([w * 0.2, h * 0.55, w * 0.8, h * 0.62], fill=(233, 196, 106))
    for _ in range(6):
        nx, ny = rng.uniform(w * 0.1, w * 0.9), rng.uniform(h * 0.3, h * 0.5)
        draw.ellipse([nx, ny, nx + 16 * SCALE, ny + 12 * SCALE], fill=PAPER)
        draw.line(
            [(nx + 15 * SCALE, ny + 6 * SCALE), (nx + 15 * SCALE, ny - 30 * SCALE)],
            fill=PAPER,
            width=SCALE * 3,
        )
    crowd(draw, w, h * 1.02, 8, h * 0.4, rng)


def _scene_pattern(draw, w, h, rng) -> None:
    """A decorative band of waves and dots, with no meaning of its own."""
    draw.rectangle([0, 0, w, h], fill=(250, 244, 232))
    for row in range(6):
        y = h * (row + 0.5) / 6
        colour = CHART_COLOURS[row % len(CHART_COLOURS)]
        for x in range(0, w, 60 * SCALE):
            draw.arc(
                [x, y - 20 * SCALE, x + 60 * SCALE, y + 20 * SCALE], 180, 360, fill=colour, width=SCALE * 5
            )
            draw.ellipse([x + 26 * SCALE, y + 12 * SCALE, x + 34 * SCALE, y + 20 * SCALE], fill=colour)


SCENES = {
    "coast": _scene_coast,
    "classroom": _scene_classroom,
    "community": _scene_community,
    "documents": _scene_documents,
    "health": _scene_health,
    "work": _scene_work,
    "home": _scene_home,
    "school": _scene_school,
    "calendar": _scene_calendar,
    "online": _scene_online,
    "festival": _scene_festival,
    "pattern": _scene_pattern,
}
