"""DOCX and PDF, read back the way their readers read them: python-docx for Word files
(text, styles, language, East Asian font), pdftotext and pdffonts for PDFs.

The golden files (tests/golden/printed/*.docx.dump) are what python-docx reads out of the
Word files of seeds 001 (the ML Engineer hiring guide) and its interview kit: one line per
paragraph with its style, and the cells of each table. Refresh with
``pytest tests/test_printed.py --update-goldens``.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from jdgen import cli
from jdgen.errors import InvalidInputError, UsageError
from jdgen.project.config import find_project
from jdgen.rendering.renderer import Renderer

from .conftest import GOLDEN, REPO, Builder, check_golden

docx = pytest.importorskip("docx")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed")


def _weasyprint() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


needs_pdf = pytest.mark.skipif(not _weasyprint(), reason="jdgen[pdf] is not installed")


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(find_project(REPO))


def _render(renderer: Renderer, role: str, kind: str, locale: str, fmt: str) -> bytes:
    return renderer.render(role, locale, kind, fmt).data


def dump(data: bytes) -> str:
    """What python-docx reads out of a Word file: each paragraph with its style, each
    table's rows; the order of the body."""
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    body = document.element.body
    tables = iter(document.tables)
    paragraphs = iter(document.paragraphs)
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            p = next(paragraphs)
            lines.append(f"[{p.style.name}] {p.text}")
        elif child.tag == f"{W}tbl":
            table = next(tables)
            lines.append(f"[table {table.style.name}]")
            lines.extend(
                "  | " + " | ".join(c.text for c in row.cells) + " |" for row in table.rows
            )
    return "\n".join(lines) + "\n"


SEEDS = [
    ("ml-engineer", "hiring-guide"),
    ("ml-engineer", "interview-kit"),
    ("mlops-engineer-global", "hiring-guide"),
    ("mlops-engineer-global", "interview-kit"),
]


@pytest.mark.parametrize("locale", ["es", "zh", "en"])
@pytest.mark.parametrize(("role", "kind"), SEEDS)
def test_docx_golden(
    renderer: Renderer, role: str, kind: str, locale: str, update_goldens: bool
) -> None:
    data = _render(renderer, role, kind, locale, "docx")
    path = GOLDEN / "printed" / f"{role}.{kind}.{locale}.docx.dump"
    check_golden(path, dump(data), update_goldens, f"pytest {__file__} --update-goldens")


def _xml(data: bytes, member: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(member).decode("utf-8")


@pytest.mark.parametrize(
    ("locale", "lang", "east_asian", "font"),
    [
        ("zh", "zh-CN", "zh-CN", "Noto Sans CJK SC"),
        ("es", "es-ES", "zh-CN", "Noto Sans CJK SC"),
        ("en", "en-US", "zh-CN", "Noto Sans CJK SC"),
    ],
)
def test_docx_language_and_east_asian_font(
    renderer: Renderer, locale: str, lang: str, east_asian: str, font: str
) -> None:
    data = _render(renderer, "ml-engineer", "interview-kit", locale, "docx")
    document = docx.Document(io.BytesIO(data))
    defaults = document.styles.element.find(f"{W}docDefaults").find(f"{W}rPrDefault")
    rpr = defaults.find(f"{W}rPr")
    language = rpr.find(f"{W}lang")
    assert language.get(f"{W}val") == lang
    assert language.get(f"{W}eastAsia") == east_asian
    assert rpr.find(f"{W}rFonts").get(f"{W}eastAsia") == font
    # No style leaves its fonts to the theme: Word would pick its own East Asian font.
    for rfonts in document.styles.element.iter(f"{W}rFonts"):
        assert rfonts.get(f"{W}eastAsia") == font
        assert not [k for k in rfonts.attrib if k.endswith(("Theme", "theme"))]
    # The theme and the theme language do not send Chinese to a Japanese font.
    theme = _xml(data, "word/theme/theme1.xml")
    assert f'<a:ea typeface="{font}"/>' in theme
    assert "Jpan" not in theme and "ＭＳ" not in theme and "明朝" not in theme
    fonts = etree.fromstring(_xml(data, "word/fontTable.xml").encode())
    cjk = fonts.find(f"{W}font[@{W}name='{font}']")
    assert cjk.find(f"{W}charset").get(f"{W}val") == "86"  # GB2312: a Chinese substitute
    settings = _xml(data, "word/settings.xml")
    assert f'w:eastAsia="{east_asian}"' in settings and "ja-JP" not in settings
    # Headings are Word's own, so the navigation pane and a table of contents find them.
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number"} <= styles
    assert document.core_properties.language == lang


def test_docx_bytes_are_reproducible(renderer: Renderer) -> None:
    first = _render(renderer, "ml-engineer", "interview-kit", "zh", "docx")
    again = Renderer(find_project(REPO)).render("ml-engineer", "zh", "interview-kit", "docx").data
    assert first == again
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {i.date_time for i in archive.infolist()} == {(2026, 3, 1, 0, 0, 0)}  # jdgen.yaml today
    core = docx.Document(io.BytesIO(first)).core_properties
    assert core.created.isoformat().startswith("2026-03-01")
    assert core.modified == core.created
    assert "docProps/thumbnail.jpeg" not in archive.namelist()


def test_each_ordered_list_starts_at_one(renderer: Renderer) -> None:
    data = _render(renderer, "ml-engineer", "interview-kit", "en", "docx")
    numbering = etree.fromstring(_xml(data, "word/numbering.xml").encode())
    document = _xml(data, "word/document.xml")
    used = set(re.findall(r'<w:numId w:val="(\d+)"/>', document))
    starts = {
        num.get(f"{W}numId"): [s.get(f"{W}val") for s in num.iter(f"{W}startOverride")]
        for num in numbering.iter(f"{W}num")
    }
    assert len(used) >= 4  # each step's questions are a list of their own
    assert all(starts[n] == ["1"] for n in used)


def test_room_to_write_is_a_tall_empty_row(renderer: Renderer) -> None:
    data = _render(renderer, "ml-engineer", "interview-kit", "es", "docx")
    document = docx.Document(io.BytesIO(data))
    empty = [
        row
        for table in document.tables
        for row in table.rows[1:]
        if not any(c.text for c in row.cells)
    ]
    assert len(empty) == 2  # the evidence and the reasons for the recommendation
    assert all(row.height is not None and row.height.pt >= 80 for row in empty)
    ratings = next(t for t in document.tables if "No cumple" in t.rows[0].cells[1].text)
    assert [c.text for c in ratings.rows[0].cells][1:] == [
        "No cumple", "Cumple", "Supera", "Supera ampliamente",
    ]  # fmt: skip


# -- PDF ------------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    return out.stdout.decode("utf-8")


def _pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def _streams(data: bytes) -> bytes:
    """Every stream of the PDF, inflated (object streams hide the catalog)."""
    out = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(out)


@needs_pdf
@needs_poppler
@pytest.mark.parametrize(
    ("locale", "words", "cjk"),
    [
        ("zh", ["面试工具包", "综合建议", "不符合", "远超", "好的回答体现"], True),
        ("es", ["Kit de entrevista", "Recomendación general", "Supera ampliamente"], False),
        ("en", ["Interview kit", "Overall recommendation", "Far exceeds"], False),
    ],
)
def test_pdf_text_fonts_tags_and_language(
    renderer: Renderer, tmp_path: Path, locale: str, words: list[str], cjk: bool
) -> None:
    data = _render(renderer, "ml-engineer", "interview-kit", locale, "pdf")
    path = tmp_path / f"kit.{locale}.pdf"
    path.write_bytes(data)
    text = _pdf_text(path)
    for word in words:
        assert word in text
    fonts = _pdf_fonts(path)
    names = [row[0] for row in fonts]
    assert all(row[-5] == "yes" for row in fonts)  # every font embedded
    if cjk:  # the Chinese text is set in the CJK font, not a fallback
        assert any("Noto-Sans-CJK-SC" in n for n in names)
    else:
        assert any(n.endswith("+Noto-Sans") for n in names)
    inflated = _streams(data)
    assert b"/StructTreeRoot" in inflated  # tagged
    assert f"/Lang ({locale})".encode() in inflated
    if locale == "es":  # the same bytes again (fixed dates, no random identifier)
        assert data == _render(renderer, "ml-engineer", "interview-kit", locale, "pdf")


@needs_pdf
def test_a_character_no_font_has_fails_naming_it_and_the_document(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\ntoday: 2026-03-01\n",
            "roles/r.yaml": "title: Data Engineer 🤖\nlocations: [Lima]\n"
            "summary: Tangut 𗀀 and a robot.\n",
        }
    )
    renderer = Renderer(find_project(root))
    with pytest.raises(InvalidInputError) as caught:
        renderer.render("r", "en", "posting", "pdf")
    message = str(caught.value.problems[0])
    assert "U+1F916 ROBOT FACE" in message and "U+17000" in message
    assert "posting of r in en" in message and "roles/r.yaml" in message
    result = CliRunner().invoke(cli.main, ["render", "r", "-f", "pdf", "-o", "r.pdf"])
    assert result.exit_code == 1 and "ROBOT FACE" in result.output
    assert not (root / "r.pdf").exists()


@needs_pdf
def test_a_font_that_is_not_installed_is_named(build_tree: Builder) -> None:
    build_tree(
        {
            "jdgen.yaml": "locales: [en]\nfonts:\n  latin: No Such Font Sans\n",
            "roles/r.yaml": "title: Data Engineer\nlocations: [Lima]\n",
        }
    )
    result = CliRunner().invoke(cli.main, ["render", "r", "-f", "pdf", "-o", "r.pdf"])
    assert result.exit_code == 1
    assert '"No Such Font Sans" (fonts.latin) is not installed' in result.output


@needs_pdf
def test_validate_checks_the_fonts_when_the_site_publishes_pdf(build_tree: Builder) -> None:
    build_tree(
        {
            "jdgen.yaml": "locales: [en, zh]\npublish_formats: [pdf]\n"
            "fonts: {hans: Missing CJK Font SC}\n",
            "roles/r.yaml": "title: Data Engineer\nlocations: [Lima]\n",
        }
    )
    result = CliRunner().invoke(cli.main, ["validate"])
    assert result.exit_code == 1
    assert result.output.count('"Missing CJK Font SC" (fonts.hans) is not installed') == 1
    assert "jdgen.yaml" in result.output


def test_without_weasyprint_pdf_is_a_clear_error(
    build_tree: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_tree({"roles/r.yaml": "title: Data Engineer\nlocations: [Lima]\n"})
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as if absent
    renderer = Renderer(find_project())
    with pytest.raises(UsageError, match=r"jdgen\[pdf\]"):
        renderer.render("r", "en", "posting", "pdf")
    result = CliRunner().invoke(cli.main, ["render", "r", "-f", "pdf", "-o", "r.pdf"])
    assert result.exit_code == 2
    assert "pip install 'jdgen[pdf]'" in result.output and "Traceback" not in result.output


def test_a_bad_fonts_or_publish_formats_key_is_reported_at_its_line(build_tree: Builder) -> None:
    build_tree(
        {
            "jdgen.yaml": "locales: [en]\npublish_formats: [docx, odt]\nfonts:\n  latn: X\n",
            "roles/r.yaml": "title: Data Engineer\nlocations: [Lima]\n",
        }
    )
    result = CliRunner().invoke(cli.main, ["validate"])
    assert result.exit_code == 1
    assert "jdgen.yaml:2:" in result.output and "odt" in result.output
    assert "jdgen.yaml:4:" in result.output and "latn" in result.output


# -- export and the site --------------------------------------------------------------

ROLE = "title: Data Engineer\nposted: 2026-02-01\nlocations: [{city: Lima, country: PE}]\n"
GUIDE = "hiring:\n  steps:\n    - {title: Screen, assesses: [SQL]}\n"


def test_export_docx_needs_out_and_writes_only_docx(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": "locales: [en, zh]\n", "roles/r.yaml": ROLE + GUIDE})
    runner = CliRunner()
    refused = runner.invoke(cli.main, ["export", "--format", "docx"])
    assert refused.exit_code == 2 and "--out" in refused.output
    done = runner.invoke(cli.main, ["export", "--format", "docx", "--out", "print"])
    assert done.exit_code == 0, done.output
    files = sorted(p.relative_to(root / "print").as_posix() for p in (root / "print").rglob("*/*"))
    assert files == [
        f"r/{kind}.{tag}.docx"
        for kind in ("hiring-guide", "interview-kit", "posting")
        for tag in ("en", "zh")
    ]
    again = runner.invoke(cli.main, ["export", "--format", "docx", "--out", "print", "--check"])
    assert again.exit_code == 0, again.output  # byte-identical on a second run


def test_the_site_publishes_printed_copies_but_never_the_kit(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\npublish: [posting, hiring-guide]\n"
            "publish_formats: [docx]\nbase_url: https://careers.example.com/\n",
            "roles/r.yaml": ROLE + GUIDE,
        }
    )
    result = CliRunner().invoke(cli.main, ["build", "--out", "site"])
    assert result.exit_code == 0, result.output
    site = root / "site" / "en" / "r"
    assert (site / "posting.docx").is_file() and (site / "hiring-guide.docx").is_file()
    assert not list((root / "site").rglob("interview-kit*"))
    text = dump((site / "posting.docx").read_bytes())
    assert "[Heading 1] Data Engineer" in text
    page = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="posting.docx"' in page and "posting.pdf" not in page


# -- screenshots ----------------------------------------------------------------------

SCREENSHOTS = REPO / "examples" / "screenshots" / "documents"
#: (role, kind, locale, page): the seeds' interview kits and guides a hiring manager prints.
PAGES = [
    ("ml-engineer", "interview-kit", "zh", 1),
    ("ml-engineer", "interview-kit", "zh", 3),
    ("ml-engineer", "interview-kit", "es", 1),
    ("ml-engineer", "hiring-guide", "en", 1),
    ("mlops-engineer-global", "interview-kit", "es-AR", 1),
    ("mlops-engineer-global", "hiring-guide", "zh", 1),
]


def _name(role: str, kind: str, locale: str, page: int) -> str:
    return f"{role}.{kind}.{locale}.p{page}.png"


@needs_pdf
@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_screenshots_of_printed_pages(renderer: Renderer, tmp_path: Path) -> None:
    """The committed pictures exist; JDGEN_UPDATE_SCREENSHOTS=1 draws them again."""
    import os

    if os.environ.get("JDGEN_UPDATE_SCREENSHOTS") != "1":
        missing = [n for n in (_name(*p) for p in PAGES) if not (SCREENSHOTS / n).is_file()]
        assert missing == [], "run JDGEN_UPDATE_SCREENSHOTS=1 pytest tests/test_printed.py"
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for role, kind, locale, page in PAGES:
        pdf = tmp_path / f"{role}.{kind}.{locale}.pdf"
        pdf.write_bytes(_render(renderer, role, kind, locale, "pdf"))
        base = tmp_path / "page"
        at = ["-f", str(page), "-l", str(page)]
        subprocess.run(["pdftoppm", "-png", "-r", "60", *at, "-singlefile", pdf, base], check=True)
        shutil.copyfile(f"{base}.png", SCREENSHOTS / _name(role, kind, locale, page))
