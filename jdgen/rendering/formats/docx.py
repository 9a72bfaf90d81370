"""Write a document as a Word file (DOCX), with python-docx, from the document tree.

Word's own styles carry the structure (Heading 1-6, List Bullet / List Number, Table Grid,
Quote), so the navigation pane, a table of contents and screen readers all work. Three
things python-docx gets wrong for Chinese by default are set here:
- its settings say ``w:themeFontLang w:eastAsia="ja-JP"`` and it ships no theme, so Word
  sets Chinese in a Japanese font (MS Mincho). The document gets a theme of its own whose
  East Asian fonts are the project's, and the theme language is the document's.
- ``font.name`` never writes ``w:eastAsia``: every style's fonts (and the document
  defaults) name the Latin and the East Asian font explicitly, with no theme fallback.
- ``w:lang`` is en-US: it is the document's locale, for proofing and line breaking.

A chart block becomes a native Word chart (:mod:`.docx_charts`). The bytes are
reproducible: fixed zip times and core-properties dates (the build date).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from jdgen.foundation.locales import maximized
from jdgen.rendering.document import (
    Block,
    Code,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Table,
)
from jdgen.rendering.formats.charts import CHART, chart_data
from jdgen.rendering.formats.docx_charts import add_chart, chart_of
from jdgen.rendering.formats.docx_theme import font_table, theme_xml
from jdgen.rendering.formats.fonts import PrintLocale
from jdgen.rendering.formats.runs import BREAK, Run, runs

MONOSPACE = "Noto Sans Mono"
#: Room to write: the height of a table row whose cells are all empty (twentieths of a pt).
WRITING_ROOM = 1700
_LETTER = frozenset({"US", "CA", "MX", "PR", "PH"})


@dataclass(frozen=True)
class DocxMeta:
    """What goes into the file's properties."""

    title: str
    author: str
    created: dt.date


def to_docx(doc: Document, where: PrintLocale, meta: DocxMeta) -> bytes:
    """The document as the bytes of a .docx file."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    word = docx.Document()
    package = word.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's own template thumbnail
            del package.rels[r_id]
    _set_fonts_and_language(word, where)
    _add_theme(word, where)
    _set_page(word, where)
    _set_properties(word, where, meta)
    writer = _Writer(word, where)
    for block in doc.blocks:
        writer.block(block, 0)
    out = io.BytesIO()
    word.save(out)
    return reproducible_zip(out.getvalue(), meta.created)


def reproducible_zip(data: bytes, day: dt.date) -> bytes:
    """The same zip with every member's time set to ``day`` (zip times are local, with
    no zone: midnight of the build date is the same everywhere)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(
                info.filename, (max(day.year, 1980), day.month, day.day, 0, 0, 0)
            )
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


# -- fonts, language, theme -------------------------------------------------------------


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(name))


def _fonts_of(where: PrintLocale) -> dict[str, str]:
    latin = where.cjk if where.cjk_first else where.latin
    return {"w:ascii": latin, "w:hAnsi": latin, "w:eastAsia": where.cjk, "w:cs": where.latin}


def _explicit(rfonts: Any, fonts: dict[str, str]) -> None:
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(_qn(theme), None)  # a theme font would win over the named one
    for name, family in fonts.items():
        rfonts.set(_qn(name), family)


def _set_fonts_and_language(word: Any, where: PrintLocale) -> None:
    from docx.oxml import OxmlElement

    fonts = _fonts_of(where)
    styles = word.styles.element
    defaults = styles.find(_qn("w:docDefaults")).find(_qn("w:rPrDefault")).find(_qn("w:rPr"))
    for rfonts in styles.iter(_qn("w:rFonts")):
        code = rfonts.get(_qn("w:ascii")) == "Courier"  # the template's macro text style
        _explicit(rfonts, {**fonts, "w:ascii": MONOSPACE, "w:hAnsi": MONOSPACE} if code else fonts)
    lang = defaults.find(_qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    _set_lang(lang, where)
    settings = word.settings.element
    theme_lang = settings.find(_qn("w:themeFontLang"))
    if theme_lang is not None:  # python-docx's says eastAsia="ja-JP": MS Mincho for Chinese
        _set_lang(theme_lang, where)


def _set_lang(element: Any, where: PrintLocale) -> None:
    element.set(_qn("w:val"), where.word)
    element.set(_qn("w:eastAsia"), where.east_asian)
    if where.rtl:
        element.set(_qn("w:bidi"), where.word)
    else:
        element.attrib.pop(_qn("w:bidi"), None)


def _add_theme(word: Any, where: PrintLocale) -> None:
    """Replace the template's theme, whose East Asian font is empty and whose Japanese one
    is MS Mincho, and drop the Word 2010 copy of the styles, which still uses it."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    theme = word.part.part_related_by(RT.THEME)
    theme._blob = theme_xml(latin=_fonts_of(where)["w:ascii"], cjk=where.cjk).encode("utf-8")
    table = word.part.part_related_by(RT.FONT_TABLE)
    table._blob = font_table(table.blob, where)
    for r_id, rel in list(word.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del word.part.rels[r_id]


def _set_page(word: Any, where: PrintLocale) -> None:
    from docx.shared import Cm, Mm

    territory = maximized(where.tag)[2]
    section = word.sections[0]
    if territory in _LETTER:
        section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    _page_numbers(section)
    if where.rtl:
        from docx.oxml import OxmlElement

        # w:bidi comes before w:rtlGutter and w:docGrid in a section's properties.
        later = section._sectPr.find(_qn("w:rtlGutter"))
        later = later if later is not None else section._sectPr.find(_qn("w:docGrid"))
        if later is not None:
            later.addprevious(OxmlElement("w:bidi"))
        else:
            section._sectPr.append(OxmlElement("w:bidi"))


def _page_numbers(section: Any) -> None:
    """The page number, right-aligned in the footer (a PAGE field: Word counts)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    field = OxmlElement("w:fldSimple")
    field.set(_qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _set_properties(word: Any, where: PrintLocale, meta: DocxMeta) -> None:
    core = word.core_properties
    when = dt.datetime(meta.created.year, meta.created.month, meta.created.day, tzinfo=dt.UTC)
    core.title = meta.title
    core.author = meta.author
    core.last_modified_by = meta.author
    core.comments = ""
    core.subject = ""
    core.keywords = ""
    core.category = ""
    core.language = where.word
    core.revision = 1
    core.created = when
    core.modified = when


# -- the tree ---------------------------------------------------------------------------


class _Writer:
    def __init__(self, word: Any, where: PrintLocale) -> None:
        self.word = word
        self.where = where
        # python-docx finds a style by name with a scan of every style, for every
        # paragraph: look each up once.
        self.style_ids = {s.name: s.style_id for s in word.styles}
        self.charts = 0

    def paragraph(self, style: str | None = None) -> Any:
        paragraph = self.word.add_paragraph()
        if style is not None:
            paragraph._p.get_or_add_pPr().style = self.style_ids[style]
        return paragraph

    def block(self, block: Block, depth: int, style: str | None = None) -> None:
        if isinstance(block, Heading):
            paragraph = self.paragraph(f"Heading {min(block.level, 9)}")
            self.inline(paragraph, block.text)
        elif isinstance(block, Paragraph):
            self.inline(self.paragraph(style), block.text)
        elif isinstance(block, ListBlock):
            self.list(block, depth)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Code) and block.info == CHART:
            self.chart(block)
        elif isinstance(block, Code):
            paragraph = self.paragraph("macro")
            lines = block.text.rstrip("\n").split("\n")
            for i, line in enumerate(lines):
                run = paragraph.add_run(line)
                if i < len(lines) - 1:
                    run.add_break()
        elif isinstance(block, Quote):
            for child in block.blocks:
                self.block(child, depth, "Quote")
        elif isinstance(block, Rule):
            self.rule()
        else:  # pragma: no cover - a node type this writer does not know yet
            raise TypeError(f"unknown block {block!r}")

    def chart(self, block: Code) -> None:
        """A native Word chart (never its data as code); the table beside it carries the
        same data."""
        data = chart_data(block.text)
        chart = chart_of(data) if data is not None else None
        if chart is not None:
            self.charts += 1
            add_chart(self.word, self.paragraph(), chart, self.where, self.charts)

    def list(self, block: ListBlock, depth: int) -> None:
        level = min(depth + 1, 3)
        kind = "List Number" if block.ordered else "List Bullet"
        style = kind if level == 1 else f"{kind} {level}"
        num_id = self._restart(style, block.start) if block.ordered else None
        for item in block.items:
            first = True
            for child in item.blocks:
                if first and isinstance(child, Paragraph):
                    paragraph = self.paragraph(style)
                    if num_id is not None:
                        _number(paragraph, num_id)
                    self.inline(paragraph, child.text)
                elif isinstance(child, Paragraph):
                    continued = "List Continue" if level == 1 else f"List Continue {level}"
                    self.inline(self.paragraph(continued), child.text)
                else:
                    self.block(child, depth + 1)
                first = False

    def _restart(self, style: str, start: int) -> int:
        """A numbering of its own for one ordered list, so that each list starts at its
        start, not where the last one stopped."""
        numbering = self.word.part.numbering_part.element
        style_num = self.word.styles.element.get_by_id(self.style_ids[style]).pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.numId)

    def table(self, block: Table) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement

        columns = len(block.header)
        table = self.word.add_table(rows=1 + len(block.rows), cols=columns)
        table._tbl.tblPr.style = self.style_ids["Table Grid"]
        align = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }
        for r, cells in enumerate((block.header, *block.rows)):
            row = table.rows[r]
            tr_pr = row._tr.get_or_add_trPr()
            if r == 0:  # repeated at the top of every page the table runs onto
                tr_pr.append(OxmlElement("w:tblHeader"))
            elif not any(c.strip() for c in cells):
                height = OxmlElement("w:trHeight")
                height.set(_qn("w:val"), str(WRITING_ROOM))
                height.set(_qn("w:hRule"), "atLeast")
                tr_pr.append(height)
            for c in range(columns):
                text = cells[c] if c < len(cells) else ""
                paragraph = row.cells[c].paragraphs[0]
                column_align = block.align[c] if c < len(block.align) else None
                if column_align:
                    paragraph.alignment = align[column_align]
                self.inline(paragraph, text, bold=r == 0)

    def rule(self) -> None:
        from docx.oxml import OxmlElement

        paragraph = self.paragraph()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (
            ("w:val", "single"),
            ("w:sz", "6"),
            ("w:space", "1"),
            ("w:color", "auto"),
        ):
            bottom.set(_qn(key), value)
        borders.append(bottom)
        paragraph._p.get_or_add_pPr().append(borders)

    def inline(self, paragraph: Any, text: str, bold: bool = False) -> None:
        for run in runs(text):
            if run is BREAK:
                paragraph.add_run().add_break()
            elif run.href:
                self._link(paragraph, run)
            else:
                self._run(paragraph.add_run(run.text), run, bold)

    def _run(self, target: Any, run: Run, bold: bool = False) -> None:
        if run.bold or bold:
            target.bold = True
        if run.italic:
            target.italic = True
        if run.strike:
            target.font.strike = True
        if run.code:
            _explicit(target._r.get_or_add_rPr().get_or_add_rFonts(), {
                "w:ascii": MONOSPACE, "w:hAnsi": MONOSPACE, "w:eastAsia": self.where.cjk,
            })  # fmt: skip
        if run.lang:
            from docx.oxml import OxmlElement

            language, _, territory = maximized(run.lang)
            lang = OxmlElement("w:lang")
            lang.set(_qn("w:val"), f"{language}-{territory}" if territory else language)
            target._r.get_or_add_rPr().append(lang)

    def _link(self, paragraph: Any, run: Run) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml import OxmlElement
        from docx.shared import RGBColor
        from docx.text.run import Run as DocxRun

        assert run.href is not None
        r_id = self.word.part.relate_to(run.href, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(_qn("r:id"), r_id)
        element = OxmlElement("w:r")
        link.append(element)
        paragraph._p.append(link)
        target = DocxRun(element, paragraph)  # type: ignore[arg-type]
        target.text = run.text
        target.font.underline = True
        target.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        self._run(target, run)


def _number(paragraph: Any, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id
