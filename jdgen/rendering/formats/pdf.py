"""Write a document as a PDF: WeasyPrint, from the HTML page and the print stylesheet
(``templates/default/print.css``). An optional extra: ``pip install 'jdgen[pdf]'``, with
Pango on the system (Debian: ``libpango-1.0-0 libpangoft2-1.0-0``).

- The fonts are the project's (``fonts:`` in jdgen.yaml), found through fontconfig; a
  family that is not installed is an error, never a silent substitute.
- Before anything is printed, every character of the document is looked up in those
  fonts' character maps (fontTools): one that none of them has fails the build, naming the
  character and the document, instead of printing tofu.
- The PDF is tagged (PDF/UA structure), its language is the document's (``<html lang>``
  becomes the catalog's /Lang), and its dates are the build date, so it is reproducible.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from jdgen.errors import InvalidInputError, Position, Problem, UsageError
from jdgen.project.config import Fonts
from jdgen.rendering.document import Block, Code, Document, Heading, ListBlock, Paragraph, Quote
from jdgen.rendering.document import Table as TableBlock
from jdgen.rendering.formats.charts import with_fonts
from jdgen.rendering.formats.fonts import PrintLocale, print_locale
from jdgen.rendering.formats.runs import plain

INSTALL = (
    "install the PDF extra: pip install 'jdgen[pdf]', and Pango: apt-get install "
    "libpango-1.0-0 libpangoft2-1.0-0 fontconfig (see docs/printing.md)"
)


@dataclass(frozen=True)
class FontFile:
    family: str
    path: str
    index: int


def weasyprint() -> Any:
    """The weasyprint module, or a clear error saying how to install it."""
    try:
        import weasyprint as module  # type: ignore[import-untyped]
    except ImportError as exc:
        raise UsageError(Problem(f"PDF output needs WeasyPrint ({exc})", hint=INSTALL)) from exc
    except OSError as exc:  # WeasyPrint is there, Pango is not
        raise UsageError(
            Problem(f"PDF output needs Pango, which WeasyPrint cannot load ({exc})", hint=INSTALL)
        ) from exc
    return module


@functools.cache
def find_font(family: str) -> FontFile | None:
    """The file of an installed font family (its regular face), by fontconfig."""
    if shutil.which("fc-match") is None:
        return None
    done = subprocess.run(
        ["fc-match", "--format=%{family}\n%{file}\n%{index}", f"{family}:style=Regular"],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = done.stdout.split("\n")
    if done.returncode != 0 or len(lines) < 3:
        return None
    families = {f.strip().casefold() for f in lines[0].split(",")}
    if family.casefold() not in families:
        return None  # fontconfig's best match is another family: not installed
    return FontFile(family, lines[1], int(lines[2] or 0))


@functools.cache
def _cmap(font: FontFile) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    with TTFont(font.path, fontNumber=font.index, lazy=True) as face:
        return frozenset(face.getBestCmap())


def fonts_for(where: PrintLocale, at: Position) -> list[FontFile]:
    """The project's fonts for this locale, found on the system; every one missing is
    reported at once."""
    found: list[FontFile] = []
    problems = []
    for key, family in where.keyed:
        font = find_font(family)
        if font is None:
            problems.append(
                Problem(
                    f'the font "{family}" (fonts.{key}) is not installed',
                    at,
                    f"fonts.{key}",
                    hint="install it (Noto: apt-get install fonts-noto-core fonts-noto-cjk), "
                    f"or name an installed font in fonts.{key} in jdgen.yaml (fc-list lists them)",
                )
            )
        else:
            found.append(font)
    if problems:
        raise InvalidInputError(problems)
    return found


def print_setup_problems(locales: list[str], fonts: Fonts, at: Position) -> list[Problem]:
    """What would stop a PDF in these locales: WeasyPrint missing, or a font of the
    config not installed (for ``jdgen validate`` when the site publishes PDFs)."""
    try:
        weasyprint()
    except UsageError as exc:
        return [replace(p, position=at) for p in exc.problems]
    found: dict[Problem, None] = {}
    for tag in locales:
        try:
            fonts_for(print_locale(tag, fonts), at)
        except InvalidInputError as exc:
            found.update(dict.fromkeys(exc.problems))
    return list(found)


def _texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            yield block.text
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _texts(item.blocks)
        elif isinstance(block, TableBlock):
            yield from block.header
            for row in block.rows:
                yield from row
        elif isinstance(block, Quote):
            yield from _texts(block.blocks)


def missing_glyphs(document: Document, fonts: list[FontFile]) -> list[str]:
    """The characters of the document that none of the fonts can print, in order."""
    covered: set[int] = set().union(*(_cmap(f) for f in fonts)) if fonts else set()
    text = "".join(plain(t) for t in _texts(document.blocks))
    text += "".join(b.text for b in _code_blocks(document.blocks))
    missing: dict[str, None] = {}
    for ch in text:
        if ord(ch) in covered or ch in missing:
            continue
        if unicodedata.category(ch) in ("Zs", "Zl", "Zp", "Cc", "Cf"):
            continue  # spaces and controls are laid out, not drawn
        missing[ch] = None
    return list(missing)


def _code_blocks(blocks: tuple[Block, ...]) -> Iterator[Code]:
    for block in blocks:
        if isinstance(block, Code):
            yield block
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _code_blocks(item.blocks)
        elif isinstance(block, Quote):
            yield from _code_blocks(block.blocks)


def check_glyphs(document: Document, where: PrintLocale, name: str, at: Position) -> None:
    """Fail, naming every character and the document, if a character has no glyph."""
    fonts = fonts_for(where, at)
    missing = missing_glyphs(document, fonts)
    if missing:
        listed = ", ".join(
            f'"{ch}" (U+{ord(ch):04X} {unicodedata.name(ch, "unnamed")})' for ch in missing[:20]
        )
        more = f" and {len(missing) - 20} more" if len(missing) > 20 else ""
        families = ", ".join(f.family for f in fonts)
        raise InvalidInputError(
            Problem(
                f"{name}: no font can print {listed}{more} (fonts: {families})",
                at,
                hint="name a font that has it in fonts: in jdgen.yaml, or change the text",
            )
        )


def to_pdf(page: str, document: Document, where: PrintLocale, name: str, at: Position) -> bytes:
    """The PDF of ``page`` (the print HTML of ``document``)."""
    module = weasyprint()
    check_glyphs(document, where, name, at)
    # jdgen never opens a connection, and never reads outside the project: an image a
    # role links to is left out of the PDF (only data: URLs are read).
    fetcher = module.URLFetcher(allowed_protocols=("data",))
    page = with_fonts(page, where.stack)
    html = module.HTML(string=page, base_url=None, url_fetcher=fetcher)
    data: bytes = html.write_pdf(
        pdf_tags=True,  # a structure tree: headings, lists, tables for screen readers
        pdf_identifier=b"jdgen",  # not a random file identifier: same input, same bytes
        uncompressed_pdf=False,
    )
    return data


def css_families(families: tuple[str, ...]) -> str:
    """A CSS font-family list of these names, each quoted (no generic fallback)."""
    quoted = []
    for family in families:
        escaped = family.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
        quoted.append(f'"{escaped}"')
    return ", ".join(quoted)
