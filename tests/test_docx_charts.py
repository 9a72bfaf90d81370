"""The level diff's charts in Word (issue 34): native DrawingML charts, a radar
(``c:radarChart``) and a thermometer (horizontal ``c:barChart``), with the locale's level
words, the chart's title and alt text, the document's fonts, and role text as data.

LibreOffice, where installed (CI installs it: JDGEN_LIBREOFFICE=require), opens the file
and prints it, as a reader without Word would.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from jdgen.project.config import Fonts, find_project
from jdgen.rendering.document import Code, Document, Heading
from jdgen.rendering.formats.charts import chart_block
from jdgen.rendering.formats.docx import DocxMeta, to_docx
from jdgen.rendering.formats.docx_charts import CHART_REL, CHART_TYPE, chart_of, chart_xml
from jdgen.rendering.formats.fonts import print_locale
from jdgen.rendering.leveldiff import render_level_diff
from jdgen.rendering.renderer import Renderer

from .conftest import REPO

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
SOFFICE = shutil.which("soffice")

#: Seed 004, Mid → Senior: the levels and the rank words as each locale names them.
SEED = {
    "es": (("Intermedio", "Senior"), ("Conocimiento", "Práctica", "Experto"), "es-ES"),
    "en": (("Mid-level", "Senior"), ("Awareness", "Working", "Expert"), "en-US"),
    "zh": (("中级", "高级"), ("了解", "熟练", "专家"), "zh-CN"),
}


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(find_project(REPO))


def _diff_docx(renderer: Renderer, locale: str) -> bytes:
    data = render_level_diff(renderer, "ml-engineer-skills", "Int", "Sr", locale, "docx").data
    assert data is not None
    return data


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def _charts(data: bytes) -> list[tuple[etree._Element, etree._Element]]:
    """Each drawn chart: (its wp:inline in the document, its chart part's root), in the
    document's order, found through the relationships as Word finds them."""
    parts = _parts(data)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels if r.get("Type") == CHART_REL}
    types = etree.fromstring(parts["[Content_Types].xml"])
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    body = etree.fromstring(parts["word/document.xml"])
    out = []
    for inline in body.iterfind(".//wp:inline", NS):
        data_el = inline.find("a:graphic/a:graphicData", NS)
        assert data_el is not None and data_el.get("uri") == NS["c"]
        ref = data_el.find("c:chart", NS)
        assert ref is not None
        target = targets[ref.get(f"{{{NS['r']}}}id")]
        assert overrides[f"/word/{target}"] == CHART_TYPE
        out.append((inline, etree.fromstring(parts[f"word/{target}"])))
    return out


def _texts(root: etree._Element, path: str) -> list[str]:
    return [e.text or "" for e in root.iterfind(path, NS)]


def _values(series: etree._Element) -> list[float]:
    return [float(v) for v in _texts(series, "c:val/c:numRef/c:numCache/c:pt/c:v")]


def _block_data(renderer: Renderer, locale: str) -> list[dict[str, Any]]:
    doc = render_level_diff(renderer, "ml-engineer-skills", "Int", "Sr", locale).document
    return [json.loads(b.text) for b in doc.blocks if isinstance(b, Code) and b.info == "chart"]


@pytest.mark.parametrize("locale", ["es", "zh", "en"])
def test_the_diff_in_word_has_a_radar_and_a_thermometer(renderer: Renderer, locale: str) -> None:
    (before, after), words, lang = SEED[locale]
    data = _diff_docx(renderer, locale)
    charts = _charts(data)
    assert len(charts) == 2
    (_, radar), (_, bars) = charts
    assert radar.find(".//c:radarChart", NS) is not None
    bar = bars.find(".//c:barChart", NS)
    assert bar is not None and bar.find("c:barDir", NS).get("val") == "bar"
    blocks = _block_data(renderer, locale)
    for (inline, root), block in zip(charts, blocks, strict=True):
        # Alt text: the chart's title and its description, as the SVG's.
        doc_pr = inline.find("wp:docPr", NS)
        assert doc_pr is not None
        assert doc_pr.get("title") == block["title"] and doc_pr.get("descr") == block["description"]
        assert block["title"] in "".join(_texts(root, "c:chart/c:title//a:t"))
        series = root.findall(".//c:ser", NS)
        # The levels as the locale names them, the domains as its axis, the same numbers
        # as the chart the page draws.
        assert [_texts(s, "c:tx//c:v") for s in series] == [[before], [after]]
        for s, expected in zip(series, block["series"], strict=True):
            assert _texts(s, "c:cat//c:pt/c:v") == block["axes"]
            assert _values(s) == pytest.approx(expected["values"])
        # The ranks' scale in the level words, not codes.
        shown = "".join(_texts(root, ".//a:t"))
        assert all(word in shown for word in words), shown
        assert root.find("c:lang", NS).get("val") == lang
        value_axis = root.find(".//c:valAx", NS)
        assert value_axis.find("c:scaling/c:max", NS).get("val") == "3"
    # A hand-counted value: "Desarrollo asistido por IA" is C P C C at Int (1.25) and
    # P C P P at Sr (1.75).
    first = radar.findall(".//c:ser", NS)
    assert (_values(first[0])[0], _values(first[1])[0]) == (1.25, 1.75)
    # The table beside each chart carries the same data; no chart data as code.
    import docx  # type: ignore[import-untyped]

    document = docx.Document(io.BytesIO(data))
    assert len(document.tables) == 14
    assert '{"' not in "\n".join(p.text for p in document.paragraphs)


def test_each_chart_embeds_the_workbook_of_its_data(renderer: Renderer) -> None:
    """Word's "Edit Data" opens the workbook: its cells are the chart's caches, where the
    chart's formulas point."""
    data = _diff_docx(renderer, "es")
    parts = _parts(data)
    sheet = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    for number, (_, root) in enumerate(_charts(data), 1):
        rels = etree.fromstring(parts[f"word/charts/_rels/chart{number}.xml.rels"])
        external = root.find("c:externalData", NS)
        assert external is not None
        (rel,) = [r for r in rels if r.get("Id") == external.get(f"{{{NS['r']}}}id")]
        assert rel.get("Type").endswith("/relationships/package")
        book = zipfile.ZipFile(io.BytesIO(parts[f"word/{rel.get('Target')[3:]}"]))
        cells = {}
        for cell in etree.fromstring(book.read("xl/worksheets/sheet1.xml")).iter(
            f"{{{sheet['s']}}}c"
        ):
            cells[cell.get("r")] = "".join(cell.itertext())
        series = root.findall(".//c:ser", NS)
        for column, s in zip("BC", series, strict=True):
            formula = s.find("c:val/c:numRef/c:f", NS).text
            assert formula == f"Sheet1!${column}$2:${column}$15"
            assert cells[f"{column}1"] == _texts(s, "c:tx//c:v")[0]
            assert [float(cells[f"{column}{r}"]) for r in range(2, 16)] == _values(s)
        assert [cells[f"A{r}"] for r in range(2, 16)] == _texts(series[0], "c:cat//c:pt/c:v")


def test_chinese_chart_text_is_set_in_the_chinese_font(renderer: Renderer) -> None:
    for _, root in _charts(_diff_docx(renderer, "zh")):
        east_asian = {e.get("typeface") for e in root.iterfind(".//a:ea", NS)}
        assert east_asian == {"Noto Sans CJK SC"}  # never a Japanese face
        assert {e.get("lang") for e in root.iterfind(".//a:defRPr", NS)} == {"zh-CN"}
    for _, root in _charts(_diff_docx(renderer, "es")):
        assert {e.get("typeface") for e in root.iterfind(".//a:latin", NS)} == {"Noto Sans"}
    hant = print_locale("zh-Hant", Fonts())
    chart = chart_of(json.loads(_chart_json(["軟體"], ["熟練"], "高級")))
    assert chart is not None
    root = etree.fromstring(chart_xml(chart, hant))
    assert {e.get("typeface") for e in root.iterfind(".//a:ea", NS)} == {hant.cjk}
    assert hant.cjk.endswith("TC")


def test_the_word_file_is_the_same_bytes_every_time(renderer: Renderer) -> None:
    assert _diff_docx(renderer, "zh") == _diff_docx(renderer, "zh")


# -- role text is data --------------------------------------------------------------------


def _chart_json(axes: list[str], rings: list[str], level: str, kind: str = "radar") -> str:
    return chart_block(
        {
            "type": kind,
            "title": f"{level} <title>",
            "description": f"desc & {level}",
            "axes": axes,
            "rings": rings,
            "series": [
                {"name": level, "values": [1.0] * len(axes)},
                {"name": f"{level}!", "values": [2.0] * len(axes)},
            ],
        }
    )


def _docx_of(source: str) -> bytes:
    doc = Document((Heading(1, "Charts"), Code(source, "chart")))
    where = print_locale("en", Fonts())
    return to_docx(doc, where, DocxMeta("t", "o", dt.date(2026, 1, 2)))


HOSTILE = [
    '<b onload="x">bold</b>',
    "]]><!-- & &amp; &#x3c;",
    "</c:v></c:pt><c:pt idx='99'><c:v>9</c:v>",
    "مهندس البيانات الرئيسي",  # right to left
    "שלום \u202eevil\u202c",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧪 e\u0301 ﷽",
    "x" * 2000,
    "Ω" * 300 + " " + "漢" * 300,
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_escaped_data_and_the_file_opens(name: str) -> None:
    import docx

    for kind in ("radar", "thermometer"):
        data = _docx_of(_chart_json([name, "b", "c"], [name, "r2"], name, kind))
        ((inline, root),) = _charts(data)
        assert _texts(root, ".//c:cat//c:pt/c:v")[:3] == [name, "b", "c"]
        assert _texts(root, ".//c:ser[1]/c:tx//c:v") == [name]
        assert inline.find("wp:docPr", NS).get("title") == f"{name} <title>"
        assert len(root.findall(".//c:ser", NS)) == 2  # nothing injected
        assert root.find(".//{*}b") is None
        book = zipfile.ZipFile(
            io.BytesIO(_parts(data)["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"])
        )
        cells = etree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        assert [t.text for t in cells.iter("{*}t")][1:4] == [name, f"{name}!", name]
        docx.Document(io.BytesIO(data))  # opens


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(
            st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
        ),
        min_size=1,
        max_size=5,
    ),
    st.text(max_size=30),
)
def test_any_text_in_a_chart_is_kept_as_text(axes: list[str], level: str) -> None:
    data = _docx_of(_chart_json(axes, ["one", "two"], level))
    ((_, root),) = _charts(data)
    shown = _texts(root, ".//c:ser[1]/c:cat//c:pt/c:v")
    # Every character XML can hold is kept; the rest (controls) are left out.
    assert shown == ["".join(ch for ch in a if _xml_char(ch)) for a in axes]


def _xml_char(ch: str) -> bool:
    code = ord(ch)
    return ch in "\t\n\r" or (0x20 <= code < 0xD800) or (0xE000 <= code <= 0xFFFD) or code > 0xFFFF


def test_a_chart_word_cannot_draw_is_left_out() -> None:
    for source in ("not json", "[1]", '{"type": "pie"}', '{"type": "radar", "axes": []}'):
        assert _charts(_docx_of(source)) == []


# -- LibreOffice opens and prints it -----------------------------------------------------


@pytest.mark.skipif(
    SOFFICE is None and os.environ.get("JDGEN_LIBREOFFICE") != "require",
    reason="LibreOffice is not installed",
)
@pytest.mark.parametrize("locale", ["zh", "es"])
def test_libreoffice_draws_the_charts(renderer: Renderer, locale: str, tmp_path: Path) -> None:
    assert SOFFICE, "JDGEN_LIBREOFFICE=require, but LibreOffice (soffice) is not installed"
    (before, after), words, _ = SEED[locale]
    word = tmp_path / "diff.docx"
    word.write_bytes(_diff_docx(renderer, locale))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(word)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    shown = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "2", str(tmp_path / "diff.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    blocks = _block_data(renderer, locale)
    # The charts' titles, their domains, legends and ring words are drawn text.
    for block in blocks:
        assert block["title"] in shown
    assert blocks[0]["axes"][-1] in shown
    assert before in shown and after in shown
    assert all(word in shown for word in words)
