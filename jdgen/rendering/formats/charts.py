"""Charts as SVG, drawn from the data a template puts in a ``chart`` code block.

A level diff shows its numbers twice: as a table (every format) and as a chart (the
formats that draw: HTML, and the PDF made from it). The chart block holds JSON::

    {"type": "radar" | "thermometer", "title": ..., "description": ...,
     "axes": [domain, ...], "rings": [word for rank 1, 2, ...],
     "series": [{"name": level, "values": [mean rank per axis, ...]}, ...]}

The SVG needs no script and no network, names itself (``<title>``, ``<desc>``,
``role="img"``), takes its colours from the page's own variables so that it follows
light and dark mode, and leaves text to the page's fonts, so CJK labels render as the
body text does. Every text from the role is escaped: it is data, never markup.
"""

from __future__ import annotations

import json
import math
from typing import Any

from jdgen.foundation.xml_text import quoteattr, xml_escape
from jdgen.rendering.document import Block, Code
from jdgen.rendering.formats.width import width

CHART = "chart"  # the info string of a code block that holds a chart

#: Colours for the series, by the page's variables (with fallbacks for a bare SVG).
_SERIES = ("var(--muted, #5b5b66)", "var(--accent, #0b57d0)")
_DASH = ("4 3", "")
_FONT = 13
_SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg"'


def without_charts(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks less their charts: what the formats that do not draw write (the table
    beside each chart carries the same data)."""
    return tuple(b for b in blocks if not (isinstance(b, Code) and b.info == CHART))


def chart_block(data: dict[str, Any]) -> str:
    """The JSON a template writes in a chart block (one line: a fence cannot break it)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def to_svg(source: str, number: int = 1) -> str:
    """The chart in ``source`` (a chart block's JSON) as an inline SVG figure.

    ``number`` tells the charts of one page apart, for their ``id``s."""
    try:
        data = json.loads(source)
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    if data.get("type") == "radar":
        return _radar(data, number)
    if data.get("type") == "thermometer":
        return _thermometer(data, number)
    return ""


def with_fonts(page: str, families: tuple[str, ...]) -> str:
    """The page with its charts set in ``families``, for WeasyPrint: its SVG renderer
    does not inherit the page's fonts, and its default (sans-serif) sets Chinese in
    fontconfig's first CJK face, the Japanese one. Role text cannot open an ``<svg``
    (it is escaped), so only the charts' own tags match."""
    names = ", ".join('"{}"'.format(f.replace('"', "").replace(",", "")) for f in families)
    return page.replace(_SVG_OPEN, f"{_SVG_OPEN} font-family={quoteattr(names)}")


def chart_data(source: str) -> dict[str, Any] | None:
    """The data of a chart block, or None if its text is not a JSON object."""
    try:
        data = json.loads(source)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _text(value: Any) -> str:
    return xml_escape(str(value))


def _num(value: float) -> str:
    """A coordinate: short, and the same on every machine."""
    text = f"{value:.1f}"
    return "0" if text in ("0.0", "-0.0") else text.removesuffix(".0")


def _frame(kind: str, data: dict[str, Any], number: int, w: int, h: int, body: list[str]) -> str:
    ident = f"chart-{number}"
    title, desc = _text(data.get("title", "")), _text(data.get("description", ""))
    return (
        f'<figure class="chart chart-{kind}">\n'
        f'{_SVG_OPEN} viewBox="0 0 {w} {h}" width="{w}"'
        f' height="{h}" role="img" aria-labelledby="{ident}-title {ident}-desc"'
        f' font-size="{_FONT}" fill="currentColor">\n'
        f'<title id="{ident}-title">{title}</title>\n'
        f'<desc id="{ident}-desc">{desc}</desc>\n' + "".join(body) + "</svg>\n</figure>\n"
    )


def _legend(series: list[dict[str, Any]], x: float, y: float) -> list[str]:
    out = []
    for i, s in enumerate(series[:2]):
        dash = f' stroke-dasharray="{_DASH[i]}"' if _DASH[i] else ""
        yy = y + i * 20
        out.append(
            f'<line x1="{_num(x)}" y1="{_num(yy)}" x2="{_num(x + 24)}" y2="{_num(yy)}"'
            f' stroke="{_SERIES[i]}" stroke-width="3"{dash}/>\n'
            f'<text x="{_num(x + 30)}" y="{_num(yy + 4)}">{_text(s.get("name", ""))}</text>\n'
        )
    return out


def _radar(data: dict[str, Any], number: int) -> str:
    axes = [str(a) for a in data.get("axes", [])]
    rings = [str(r) for r in data.get("rings", [])]
    series = [s for s in data.get("series", []) if isinstance(s, dict)]
    top = max(len(rings), 1)
    n = max(len(axes), 3)
    label_room = max((width(a) for a in axes), default=0) * _FONT * 0.55 + 12
    r = 150.0
    cx, cy = r + label_room, r + 34  # labels beside the spokes are wider than above them
    w, h = int(2 * cx), int(2 * cy + 50)
    body: list[str] = ['<g fill="none" stroke="var(--line, #d8d8e0)">\n']

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * value / top * math.cos(angle), cy + r * value / top * math.sin(angle)

    for ring in range(1, top + 1):
        pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in (point(i, ring) for i in range(n)))
        body.append(f'<polygon points="{pts}"/>\n')
    for i in range(n):
        x, y = point(i, top)
        body.append(f'<line x1="{_num(cx)}" y1="{_num(cy)}" x2="{_num(x)}" y2="{_num(y)}"/>\n')
    body.append("</g>\n")
    for ring, word in enumerate(rings, 1):
        body.append(
            f'<text x="{_num(cx + 4)}" y="{_num(cy - r * ring / top - 3)}"'
            f' fill="var(--muted, #5b5b66)" font-size="11">{_text(word)}</text>\n'
        )
    for i, axis in enumerate(axes):
        x, y = point(i, top + 0.12 * top)
        anchor = "middle" if abs(x - cx) < 1 else ("start" if x > cx else "end")
        body.append(
            f'<text x="{_num(x)}" y="{_num(y + 4)}" text-anchor="{anchor}">{_text(axis)}</text>\n'
        )
    for k, s in enumerate(series[:2]):
        values = [float(v) for v in s.get("values", [])][: len(axes)]
        pts = " ".join(
            f"{_num(x)},{_num(y)}" for x, y in (point(i, v) for i, v in enumerate(values))
        )
        dash = f' stroke-dasharray="{_DASH[k]}"' if _DASH[k] else ""
        body.append(
            f'<polygon points="{pts}" fill="{_SERIES[k]}" fill-opacity="0.15"'
            f' stroke="{_SERIES[k]}" stroke-width="2.5"{dash}/>\n'
        )
    body.extend(_legend(series, 16, 2 * cy + 10))
    return _frame("radar", data, number, w, h, body)


def _thermometer(data: dict[str, Any], number: int) -> str:
    axes = [str(a) for a in data.get("axes", [])]
    rings = [str(r) for r in data.get("rings", [])]
    series = [s for s in data.get("series", []) if isinstance(s, dict)][:2]
    top = max(len(rings), 1)
    label = max((width(a) for a in axes), default=0) * _FONT * 0.6 + 16
    bar, row = 300.0, 34
    w = int(label + bar + 24)
    h = int(40 + row * len(axes) + 50)
    body: list[str] = []
    for ring, word in enumerate(rings, 1):
        x = label + bar * ring / top
        body.append(
            f'<line x1="{_num(x)}" y1="24" x2="{_num(x)}" y2="{_num(30 + row * len(axes))}"'
            ' stroke="var(--line, #d8d8e0)"/>\n'
            f'<text x="{_num(x)}" y="16" text-anchor="end" fill="var(--muted, #5b5b66)"'
            f' font-size="11">{_text(word)}</text>\n'
        )
    for i, axis in enumerate(axes):
        y = 30 + row * i
        body.append(
            f'<text x="{_num(label - 8)}" y="{_num(y + 17)}" text-anchor="end">'
            f"{_text(axis)}</text>\n"
            f'<rect x="{_num(label)}" y="{_num(y + 6)}" width="{_num(bar)}" height="16" rx="8"'
            ' fill="none" stroke="var(--line, #d8d8e0)"/>\n'
        )
        for k, s in enumerate(series):
            values = [float(v) for v in s.get("values", [])]
            value = values[i] if i < len(values) else 0.0
            length = bar * max(0.0, min(value, top)) / top
            if k == 0:  # the first level: a mark across the bar
                x = label + length
                body.append(
                    f'<line x1="{_num(x)}" y1="{_num(y + 2)}" x2="{_num(x)}" y2="{_num(y + 26)}"'
                    f' stroke="{_SERIES[0]}" stroke-width="3" stroke-dasharray="{_DASH[0]}"/>\n'
                )
            else:  # the second: the bar filled
                body.append(
                    f'<rect x="{_num(label)}" y="{_num(y + 9)}" width="{_num(length)}"'
                    f' height="10" rx="5" fill="{_SERIES[1]}"/>\n'
                )
    body.extend(_legend(series, 16, 30 + row * len(axes) + 16))
    return _frame("thermometer", data, number, w, h, body)
