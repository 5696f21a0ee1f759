"""Accessible charts as inline SVG, drawn on the server: no script, no chart library, no CDN.

Each chart is ``role="img"`` with a ``<title>`` and a ``<desc>`` (a sentence that says what
the chart shows), and the page puts the same numbers in a table beside it. Colours are the
GOV.UK palette's, each at least 4.5:1 against white, and series also differ by line pattern
and marker shape, so colour is never the only cue. No ``style`` attributes: the page's
Content Security Policy forbids inline styles, so presentation attributes and classes only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

BLUE = "#1d70b8"  # 5.2:1 on white
BLACK = "#0b0c0c"
GREEN = "#00703c"  # 5.9:1
GREY = "#505a5f"  # 7:1
SERIES = ((BLUE, "", "circle"), (BLACK, "6 4", "square"), (GREEN, "2 3", "diamond"))


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.0f}"


def _svg_opening(chart_id: str, width: int, height: float, title: str, summary: str) -> list[str]:
    """The chart's opening tag with its title and description, which screen readers announce."""
    return [
        f'<svg class="pp-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(summary)}</desc>',
    ]


def bar_chart(
    chart_id: str,
    title: str,
    items: Sequence[tuple[str, float | None]],
    *,
    unit: str = "",
    summary: str = "",
    missing: str = "no data",
) -> Markup:
    """Horizontal bars, one per item, with each value written at the end of its bar.

    An item without a value gets no bar, only ``missing`` in words (no data, or too few to
    give a rate), so nothing is plotted as a figure that is not one.
    """
    width, label_width, row, top = 760, 360, 30, 10
    bar_space = width - label_width - 70
    top_value = max((v for _, v in items if v is not None), default=0) or 1
    height = top + row * len(items) + 10
    parts = _svg_opening(chart_id, width, height, title, summary)
    for index, (name, value) in enumerate(items):
        y = top + index * row
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 19}" text-anchor="end" fill="{BLACK}" '
            f'class="pp-chart__label">{escape(name)}</text>'
        )
        if value is None:
            parts.append(
                f'<text x="{label_width}" y="{y + 19}" fill="{GREY}" class="pp-chart__value">'
                f"{escape(missing)}</text>"
            )
            continue
        length = max(1.0, bar_space * value / top_value) if value else 0
        parts.append(
            f'<rect x="{label_width}" y="{y + 4}" width="{length:.1f}" height="{row - 10}" '
            f'fill="{BLUE}"/>'
        )
        parts.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + 19}" fill="{BLACK}" '
            f'class="pp-chart__value">{escape(_number(value))}{escape(unit)}</text>'
        )
    parts.append(
        f'<line x1="{label_width}" y1="{top - 2}" x2="{label_width}" y2="{height - 6}" '
        f'stroke="{BLACK}" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every interpolated text is escaped above


@dataclass(frozen=True)
class Series:
    """One line on a line chart."""

    name: str
    values: Sequence[float | None]


def line_chart(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    unit: str = "",
    summary: str = "",
    fixed_top: float | None = None,
) -> Markup:
    """Lines over months, with a marker on each value, a y axis with gridlines and a legend."""
    width, height = 720, 340
    left, right, top, bottom = 56, 20, 20, 110
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for s in series for v in s.values if v is not None]
    top_value = fixed_top or (max(values, default=0) or 1) * 1.1
    count = max(1, len(labels) - 1)

    def x(index: int) -> float:
        return left + plot_w * index / count if len(labels) > 1 else left + plot_w / 2

    def y(value: float) -> float:
        return top + plot_h * (1 - value / top_value)

    parts = _svg_opening(chart_id, width, height, title, summary)
    for step in range(5):
        value = top_value * step / 4
        parts.append(
            f'<line x1="{left}" y1="{y(value):.1f}" x2="{width - right}" y2="{y(value):.1f}" '
            f'stroke="#b1b4b6" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="{BLACK}" '
            f'class="pp-chart__axis">{escape(_number(value))}{escape(unit)}</text>'
        )
    every = max(1, -(-len(labels) // 12))
    for index, name in enumerate(labels):
        if index % every:
            continue
        parts.append(
            f'<text x="{x(index):.1f}" y="{height - bottom + 18}" text-anchor="end" '
            f'transform="rotate(-40 {x(index):.1f} {height - bottom + 18})" fill="{BLACK}" '
            f'class="pp-chart__axis">{escape(name)}</text>'
        )
    for number, line in enumerate(series):
        colour, dash, marker = SERIES[number % len(SERIES)]
        points = [(x(i), y(v)) for i, v in enumerate(line.values) if v is not None]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3"'
                f"{dash_attr}/>"
            )
        for px, py in points:
            parts.append(_marker(marker, px, py, colour))
        legend_x = left + number * 260
        legend_y = height - 10
        parts.append(
            f'<line x1="{legend_x}" y1="{legend_y - 4}" x2="{legend_x + 30}" y2="{legend_y - 4}" '
            f'stroke="{colour}" stroke-width="3"{dash_attr}/>'
            f"{_marker(marker, legend_x + 15, legend_y - 4, colour)}"
            f'<text x="{legend_x + 36}" y="{legend_y}" fill="{BLACK}" class="pp-chart__label">'
            f"{escape(line.name)}</text>"
        )
    parts.append(
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="{BLACK}"/>'
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        f'stroke="{BLACK}"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every interpolated text is escaped above


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "diamond":
        return (
            f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} '
            f'{x - 5:.1f},{y:.1f}" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'
