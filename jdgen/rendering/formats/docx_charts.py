"""A chart block in a Word file: a native DrawingML chart (ECMA-376 part 1, §21.2).

The radar is a ``c:radarChart``, the level thermometer a ``c:barChart`` of horizontal
bars, each in a chart part of its own (``word/charts/chartN.xml``) placed inline, with the
chart's title and description as the drawing's title and alt text (``wp:docPr``). Word
draws it, scales it, and lets the hiring manager restyle it; its text is set in the
document's fonts (the East Asian one named too, so Chinese is never set in a Japanese
face) and language.

Every series carries its values in its caches (``c:strCache``, ``c:numCache``), which Word
and LibreOffice draw from, and in the small workbook embedded beside the chart
(:mod:`.docx_workbook`), which Word's "Edit Data" opens. The value axis counts ranks; its
title spells out what each rank means in the locale's level words ("1 了解 · 2 熟练 …"),
since a number format can name at most three values.

Every text from the role is data: lxml escapes it, and characters XML cannot hold at all
are left out rather than failing the file.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from jdgen.rendering.formats.docx_workbook import WORKBOOK_REL, WORKBOOK_TYPE, workbook
from jdgen.rendering.formats.fonts import PrintLocale

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
_NS = {"c": C, "a": A, "r": R, "wp": WP}

#: The series' colours, as the SVG's fallbacks: the first level muted, the second accented.
_COLOURS = ("5B5B66", "0B57D0")
_EMU_PER_CM = 360000
#: Characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """A chart block's data, read defensively (it came through a template)."""

    kind: str  # "radar" or "thermometer"
    title: str
    description: str
    axes: tuple[str, ...]
    rings: tuple[str, ...]
    series: tuple[Series, ...]

    @property
    def top(self) -> int:
        """The highest rank: the outer ring, the end of a bar."""
        return max(len(self.rings), 1)

    @property
    def scale(self) -> str:
        """What each rank means, in the locale's level words."""
        return " · ".join(f"{rank} {word}" for rank, word in enumerate(self.rings, 1))


def chart_of(data: dict[str, Any]) -> Chart | None:
    """The chart in a chart block's JSON data, or None if it is not one Word can draw."""
    kind = data.get("type")
    if kind not in ("radar", "thermometer"):
        return None
    axes = tuple(_clean(a) for a in _list(data.get("axes")))
    series = []
    for s in _list(data.get("series"))[:2]:
        if isinstance(s, dict):
            values = [round(_number(v), 4) for v in _list(s.get("values"))][: len(axes)]
            values += [0.0] * (len(axes) - len(values))
            series.append(Series(_clean(s.get("name", "")), tuple(values)))
    if not axes or not series:
        return None
    return Chart(
        kind=str(kind),
        title=_clean(data.get("title", "")),
        description=_clean(data.get("description", "")),
        axes=axes,
        rings=tuple(_clean(r) for r in _list(data.get("rings"))),
        series=tuple(series),
    )


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _clean(value: Any) -> str:
    return _NOT_XML.sub("", str(value))


def add_chart(word: Any, paragraph: Any, chart: Chart, where: PrintLocale, number: int) -> None:
    """Add ``chart`` as chart part ``number`` of the Word document, drawn inline in
    ``paragraph``."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = word.part.package
    part = Part(PackURI(f"/word/charts/chart{number}.xml"), CHART_TYPE, b"", package)
    data = workbook(list(chart.axes), [(s.name, list(s.values)) for s in chart.series])
    book = Part(
        PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"),
        WORKBOOK_TYPE,
        data,
        package,
    )
    part._blob = chart_xml(chart, where, part.relate_to(book, WORKBOOK_REL))
    r_id = word.part.relate_to(part, CHART_REL)
    width, height = size_cm(chart)
    paragraph._p.append(_inline(r_id, chart, number, width, height))


def size_cm(chart: Chart) -> tuple[float, float]:
    """The drawing's width and height: a radar is round, a thermometer grows a row a
    domain (within a page of 17 cm by 25 cm of text)."""
    if chart.kind == "radar":
        return 16.0, 12.0
    return 16.0, min(3.5 + 0.75 * len(chart.axes), 22.0)


def _el(tag: str, *children: etree._Element | None, text: str | None = None, **attrs: str) -> Any:
    prefix, name = tag.split(":")
    # Each element declares its own prefix (lxml drops the declaration where a parent
    # already has it): Word's prefixes, never lxml's ns0.
    element = etree.Element(f"{{{_NS[prefix]}}}{name}", nsmap={prefix: _NS[prefix]})
    for key, value in attrs.items():
        if ":" in key:
            key_prefix, key_name = key.split(":")
            element.set(f"{{{_NS[key_prefix]}}}{key_name}", value)
        else:
            element.set(key, value)
    for child in children:
        if child is not None:
            element.append(child)
    if text is not None:
        element.text = text
    return element


def _val(tag: str, value: str) -> Any:
    return _el(tag, val=value)


def _inline(r_id: str, chart: Chart, number: int, width: float, height: float) -> Any:
    """``w:r/w:drawing/wp:inline``: the chart in the text, with its name and alt text."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    cx, cy = round(width * _EMU_PER_CM), round(height * _EMU_PER_CM)
    inline = _el(
        "wp:inline",
        _el("wp:extent", cx=str(cx), cy=str(cy)),
        _el("wp:effectExtent", l="0", t="0", r="0", b="0"),
        _el(
            "wp:docPr",
            id=str(number),
            name=f"Chart {number}",
            descr=chart.description,
            title=chart.title,
        ),
        _el("wp:cNvGraphicFramePr"),
        _el(
            "a:graphic",
            _el("a:graphicData", _el("c:chart", **{"r:id": r_id}), uri=C),
        ),
        distT="0",
        distB="0",
        distL="0",
        distR="0",
    )
    run = parse_xml(f"<w:r {nsdecls('w')}><w:drawing/></w:r>")
    run[0].append(inline)
    return run


# -- the chart part ---------------------------------------------------------------------


def chart_xml(chart: Chart, where: PrintLocale, book: str | None = None) -> bytes:
    """The chart part (``c:chartSpace``) of ``chart``, in the fonts of ``where``; ``book``
    is the relationship id of its embedded workbook, if it has one."""
    plot = _radar(chart, where) if chart.kind == "radar" else _bars(chart, where)
    space = etree.Element(f"{{{C}}}chartSpace", nsmap={"c": C, "a": A, "r": R})
    for child in (
        _val("c:date1904", "0"),
        _val("c:lang", where.word),
        _val("c:roundedCorners", "0"),
        _el(
            "c:chart",
            _el("c:title", _title(chart, where), _val("c:overlay", "0")),
            _val("c:autoTitleDeleted", "0"),
            plot,
            _el("c:legend", _val("c:legendPos", "b"), _val("c:overlay", "0")),
            _val("c:plotVisOnly", "1"),
            _val("c:dispBlanksAs", "gap"),
        ),
        _el("c:txPr", *_text_body(where, 900)),
        _el("c:externalData", _val("c:autoUpdate", "0"), **{"r:id": book}) if book else None,
    ):
        if child is not None:
            space.append(child)
    data: bytes = etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _fonts(where: PrintLocale) -> list[Any]:
    latin = where.cjk if where.cjk_first else where.latin
    return [
        _el("a:latin", typeface=latin),
        _el("a:ea", typeface=where.cjk),
        _el("a:cs", typeface=where.latin),
    ]


def _run_props(tag: str, where: PrintLocale, size: int, bold: bool = False) -> Any:
    props = _el(tag, *_fonts(where), lang=where.word, altLang=where.east_asian, sz=str(size))
    props.set("b", "1" if bold else "0")
    return props


def _text_body(where: PrintLocale, size: int, bold: bool = False) -> list[Any]:
    """``a:bodyPr``, ``a:lstStyle`` and a paragraph whose default run has our fonts."""
    return [
        _el("a:bodyPr", rot="0", vert="horz"),
        _el("a:lstStyle"),
        _el(
            "a:p",
            _el("a:pPr", _run_props("a:defRPr", where, size, bold)),
            _el("a:endParaRPr", lang=where.word),
        ),
    ]


def _rich(text: str, where: PrintLocale, size: int, bold: bool = False) -> Any:
    """``c:tx/c:rich``: a title's own text."""
    body = _text_body(where, size, bold)
    paragraph = body[2]
    paragraph.insert(1, _el("a:r", _run_props("a:rPr", where, size, bold), _el("a:t", text=text)))
    return _el("c:tx", _el("c:rich", *body))


def _title(chart: Chart, where: PrintLocale) -> Any:
    """The chart's title; a radar's says under it what its rings mean (Word and
    LibreOffice do not show a radar's axis title)."""
    title = _rich(chart.title, where, 1200, bold=True)
    if chart.kind == "radar" and chart.rings:
        key = _rich(chart.scale, where, 900)[0]
        title[0].append(key[2])  # its paragraph, after the title's
    return title


def _ref(tag: str, formula: str, cache: Any) -> Any:
    return _el(tag, _el("c:f", text=formula), cache)


def _series(chart: Chart, k: int, dashed: bool, bar: bool) -> Any:
    """One level's series: its name, the domains and its mean rank in each."""
    series = chart.series[k]
    n = len(chart.axes)
    column = "BC"[k]
    colour = _el("a:solidFill", _val("a:srgbClr", _COLOURS[k]))
    line = _el(
        "a:ln",
        _el("a:solidFill", _val("a:srgbClr", _COLOURS[k])),
        _val("a:prstDash", "dash" if dashed else "solid"),
        w="28575",
    )
    shape = _el("c:spPr", colour, line) if bar else _el("c:spPr", line)
    names = _el("c:strCache", _val("c:ptCount", str(n)))
    values = _el("c:numCache", _el("c:formatCode", text="0.00"), _val("c:ptCount", str(n)))
    for i, (axis, value) in enumerate(zip(chart.axes, series.values, strict=True)):
        names.append(_el("c:pt", _el("c:v", text=axis), idx=str(i)))
        values.append(_el("c:pt", _el("c:v", text=repr(value)), idx=str(i)))
    name_cache = _el(
        "c:strCache", _val("c:ptCount", "1"), _el("c:pt", _el("c:v", text=series.name), idx="0")
    )
    return _el(
        "c:ser",
        _val("c:idx", str(k)),
        _val("c:order", str(k)),
        _el("c:tx", _ref("c:strRef", f"Sheet1!${column}$1", name_cache)),
        shape,
        _val("c:invertIfNegative", "0") if bar else _el("c:marker", _val("c:symbol", "none")),
        _el("c:cat", _ref("c:strRef", f"Sheet1!$A$2:$A${n + 1}", names)),
        _el("c:val", _ref("c:numRef", f"Sheet1!${column}$2:${column}${n + 1}", values)),
    )


def _axes(chart: Chart, where: PrintLocale, categories_at: str, values_at: str) -> list[Any]:
    """The domains' axis and the ranks' axis (0 to the top rank, one gridline a rank,
    titled with the rank words)."""
    no_line = _el("c:spPr", _el("a:ln", _el("a:noFill")))
    category = _el(
        "c:catAx",
        _val("c:axId", "1001"),
        _el("c:scaling", _val("c:orientation", "maxMin" if categories_at == "l" else "minMax")),
        _val("c:delete", "0"),
        _val("c:axPos", categories_at),
        _val("c:majorTickMark", "none"),
        _val("c:minorTickMark", "none"),
        _val("c:tickLblPos", "nextTo"),
        _el("c:txPr", *_text_body(where, 900)),
        _val("c:crossAx", "1002"),
        _val("c:crosses", "autoZero"),
        _val("c:auto", "1"),
        _val("c:lblAlgn", "ctr"),
        _val("c:lblOffset", "100"),
        _val("c:noMultiLvlLbl", "1"),
    )
    grid = _el(
        "c:majorGridlines",
        _el("c:spPr", _el("a:ln", _el("a:solidFill", _val("a:srgbClr", "D8D8E0")))),
    )
    value = _el(
        "c:valAx",
        _val("c:axId", "1002"),
        _el(
            "c:scaling",
            _val("c:orientation", "minMax"),
            _val("c:max", str(chart.top)),
            _val("c:min", "0"),
        ),
        _val("c:delete", "0"),
        _val("c:axPos", values_at),
        grid,
        _el("c:title", _rich(chart.scale, where, 900), _val("c:overlay", "0"))
        if chart.kind != "radar"
        else None,
        _el("c:numFmt", formatCode="0", sourceLinked="0"),
        _val("c:majorTickMark", "none"),
        _val("c:minorTickMark", "none"),
        _val("c:tickLblPos", "nextTo"),
        no_line if categories_at != "l" else None,
        _el("c:txPr", *_text_body(where, 800)),
        _val("c:crossAx", "1001"),
        _val("c:crosses", "max" if categories_at == "l" else "autoZero"),
        _val("c:crossBetween", "between"),
        _val("c:majorUnit", "1"),
    )
    return [category, value]


def _radar(chart: Chart, where: PrintLocale) -> Any:
    radar = _el("c:radarChart", _val("c:radarStyle", "marker"), _val("c:varyColors", "0"))
    for k in range(len(chart.series)):
        radar.append(_series(chart, k, dashed=k == 0, bar=False))
    radar.append(_val("c:axId", "1001"))
    radar.append(_val("c:axId", "1002"))
    return _el("c:plotArea", _el("c:layout"), radar, *_axes(chart, where, "b", "l"))


def _bars(chart: Chart, where: PrintLocale) -> Any:
    bars = _el(
        "c:barChart",
        _val("c:barDir", "bar"),
        _val("c:grouping", "clustered"),
        _val("c:varyColors", "0"),
    )
    for k in range(len(chart.series)):
        bars.append(_series(chart, k, dashed=False, bar=True))
    for child in (_val("c:gapWidth", "60"), _val("c:axId", "1001"), _val("c:axId", "1002")):
        bars.append(child)
    return _el("c:plotArea", _el("c:layout"), bars, *_axes(chart, where, "l", "b"))
