"""Charts drawn on the server as SVG: no script, no library to load, nothing for a Content-Security-Policy to
block, and the same picture in a screenshot, a printout and a screen reader (each chart has a title, a summary
and its figures as a table next to it).

Right to left: in Arabic the time axis runs from right to left and the value axis stands on the right, as the
text around it reads; numbers stay as they are.
"""

import datetime
import math
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import get_language_bidi

WIDTH, HEIGHT = 720, 240
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_AXIS, MARGIN_END = 16, 40, 56, 16
X_LABELS = 7
GRID_LINES = 4


@dataclass
class Series:
    label: str
    values: list[int]


def nice_ceiling(value: float) -> int:
    """The smallest of 1, 2, 5 × 10^k at or above `value` (at least 1): round gridlines."""
    if value <= 1:
        return 1
    exponent = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * exponent >= value:
            return int(step * exponent)
    return int(10 * exponent)


def line_chart(title: str, summary: str, days: list[datetime.date], series: list[Series]) -> str:
    rtl = get_language_bidi()
    count = len(days)
    plot_left = MARGIN_END if rtl else MARGIN_AXIS
    plot_right = WIDTH - (MARGIN_AXIS if rtl else MARGIN_END)
    plot_bottom = HEIGHT - MARGIN_BOTTOM
    plot_height = plot_bottom - MARGIN_TOP
    top = nice_ceiling(max([value for line in series for value in line.values] or [0]))
    step = (plot_right - plot_left) / max(count - 1, 1)

    # Coordinates as strings: a template would localise a float ("12,5" in Italian), which SVG cannot read.
    def x(index: int) -> str:
        return f"{plot_right - index * step if rtl else plot_left + index * step:.1f}"

    def y(value: int) -> str:
        return f"{plot_bottom - value / top * plot_height:.1f}"

    every = max(1, math.ceil(count / X_LABELS))
    context = {
        "title": title,
        "summary": summary,
        "width": WIDTH,
        "height": HEIGHT,
        "rtl": rtl,
        "axis_x": plot_right + 6 if rtl else plot_left - 6,
        "anchor": "start" if rtl else "end",
        "plot_left": plot_left,
        "plot_right": plot_right,
        "plot_bottom": plot_bottom,
        "grid": [
            {"y": y(top * line // GRID_LINES), "label": formats.number_format(top * line // GRID_LINES)}
            for line in range(GRID_LINES + 1)
        ],
        "x_labels": [
            {"x": x(index), "label": formats.date_format(day, "MONTH_DAY_FORMAT")}
            for index, day in enumerate(days)
            if index % every == 0
        ],
        "label_y": plot_bottom + 22,
        "series": [
            {
                "index": number,
                "label": line.label,
                "points": " ".join(f"{x(index)},{y(value)}" for index, value in enumerate(line.values)),
                "dots": [{"x": x(index), "y": y(value), "value": value, "day": days[index]}
                         for index, value in enumerate(line.values)] if count <= 31 else [],
            }
            for number, line in enumerate(series, start=1)
        ],
        "table_rows": [(day, [line.values[index] for line in series]) for index, day in enumerate(days)],
    }
    return render_to_string("insights/charts/line.html", context)


@dataclass
class Bar:
    label: str
    value: int
    part: int = 0  # drawn inside the bar (e.g. the searches that found nothing)


def bar_chart(title: str, summary: str, bars: list[Bar], *, value_label: str, part_label: str = "") -> str:
    """Horizontal bars, one per row (a language): the whole, and a part of it in another colour."""
    top = max([bar.value for bar in bars] or [0]) or 1
    rows = [
        {
            "label": bar.label,
            "value": bar.value,
            "part": bar.part,
            "width": f"{100 * bar.value / top:.1f}",  # a string: see line_chart
        }
        for bar in bars
    ]
    return render_to_string(
        "insights/charts/bars.html",
        {"title": title, "summary": summary, "rows": rows, "value_label": value_label, "part_label": part_label},
    )
