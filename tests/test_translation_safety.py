"""No translation can put markup on a page or stop a build.

Translators are often outside contributors (Weblate), so catalogs are untrusted input:
every attack below goes into the project's own catalogs, the whole site is built, and
every page is read back as a browser's parser reads it.
"""

from __future__ import annotations

import json
import re

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from jdgen.i18n.check import check
from jdgen.i18n.placeholders import format_problem, markup_problem
from jdgen.project.config import find_project
from jdgen.rendering.markdown_escape import escape_markdown
from jdgen.rendering.renderer import Renderer
from jdgen.site.build import build_site

from .conftest import Builder

SITE = {
    "jdgen.yaml": "locales: [es, en]\ndefault_locale: en\nbase_url: https://jobs.example.org/\n"
    "fallback_pages: true\n",
    "roles/data.yaml": "title: Data Engineer\nsummary: We build pipelines.\n"
    "posted: 2026-02-01\nsalary: {min: 40000, max: 50000, currency: EUR, period: year}\n"
    "experience: [{level: Senior, years: 5}]\n",
}
ATTACKS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '" onmouseover="alert(1)',
    "x' onfocus='alert(1)' autofocus='",
    '<a href="javascript:alert(1)">Saltar</a>',
    "[Saltar](javascript:alert(1))",
    "<!--<script>",
    "</title><svg onload=alert(1)>",
    "Saltar\n\n# Hackeado\n\n<iframe src=https://evil.example>",
    "<https://evil.example>",
]
#: The characters markup is made of, and the letters of the tags and schemes that matter.
ALPHABET = "<>/!?&\"'`[]():= \\\nabsciptjvmgnerolfd#-*0123456789"
BREAKERS = [
    ("100% disponible", 'a lone "%"'),
    ("%(cantidad)s años", '"%(cantidad)s" is not in the source'),
    ("%s años", "has no name"),
    ("%(years)d de %(description)s", ""),  # a valid conversion of a known name
]


def po(entries: dict[tuple[str, str], str]) -> str:
    def quote(text: str) -> str:
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

    body = "".join(
        f'msgctxt "{ctx}"\nmsgid "{quote(msgid)}"\nmsgstr "{quote(msgstr)}"\n\n'
        for (ctx, msgid), msgstr in entries.items()
    )
    header = '"Language: es\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    return f'msgid ""\nmsgstr ""\n{header}\n{body}'


def live_markup(html: str) -> list[str]:
    """Scripts, event handlers and javascript: links, as a browser's parser finds them."""
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    found = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in {"script", "iframe", "svg", "img", "object", "embed"} and not (
            el.tag == "script" and el.get("type") == "application/ld+json"
        ):
            found.append(f"<{el.tag}>")
        for name, value in el.attrib.items():
            link = name.lower() in {"href", "src", "action", "formaction", "data", "poster"}
            scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name.lower().startswith("on") or (
                link and scheme.startswith(("javascript:", "vbscript:", "data:"))
            ):
                found.append(f"{el.tag} {name}={value}")
    return found


def unescaped_html(markdown: str) -> list[str]:
    """HTML that a Markdown renderer allowing raw HTML would pass through."""
    html = MarkdownIt("commonmark", {"html": True}).render(markdown)
    return live_markup(html) + re.findall(r"<(?:script|img|iframe|svg)\b", html)


@pytest.mark.parametrize("attack", ATTACKS)
def test_no_site_string_translation_puts_markup_on_a_page(build_tree: Builder, attack: str) -> None:
    entries = {
        ("site", "Skip to content"): attack,
        ("site", "Languages"): attack,
        ("site", "Open positions"): attack,
        ("site", "Also available as"): attack,
        ("label", "Salary"): attack,
        ("posting title", "%(title)s: job description"): attack,
    }
    root = build_tree({**SITE, "locales/es/LC_MESSAGES/jdgen.po": po(entries)})
    report = build_site(find_project(root), root / "site")
    for page in sorted((root / "site").rglob("*.html")):
        assert live_markup(page.read_text(encoding="utf-8")) == [], page
    for page in sorted((root / "site").rglob("*.md")):
        assert unescaped_html(page.read_text(encoding="utf-8")) == [], page
    # The ones that add markup are refused outright, with a warning that says where.
    if markup_problem(["Skip to content"], attack):
        assert any(
            "locales/es/LC_MESSAGES/jdgen.po:" in str(w) and "is not used" in str(w)
            for w in report.warnings
        )
        problems = [str(p) for p in check(find_project(root), use_msgfmt=False)]
        assert any("the translation is not used" in p for p in problems), problems


@pytest.mark.parametrize("attack", ATTACKS)
def test_no_role_text_translation_puts_markup_in_any_format(
    build_tree: Builder, attack: str
) -> None:
    catalog = po(
        {("data:summary", "We build pipelines."): attack, ("data:title", "Data Engineer"): attack}
    )
    root = build_tree({**SITE, "locales/es/LC_MESSAGES/role-data.po": catalog})
    renderer = Renderer(find_project(root))
    assert live_markup(renderer.render("data", "es", fmt="html").text) == []
    assert unescaped_html(renderer.render("data", "es", fmt="markdown").text) == []
    build_site(find_project(root), root / "site")
    for page in sorted((root / "site").rglob("*.html")):
        assert live_markup(page.read_text(encoding="utf-8")) == [], page


@pytest.mark.parametrize(("translation", "problem"), BREAKERS)
def test_a_format_mistake_never_stops_a_build(
    build_tree: Builder, translation: str, problem: str
) -> None:
    source = "%(years)s of %(description)s"
    entries = {
        ("years of experience", source): translation,
        ("salary", "from {amount}"): "desde {cantidad}",
        ("salary", "up to {amount}"): "hasta {amount.__class__}",
        ("site", "Open positions"): "Puestos al 100%",
    }
    root = build_tree(
        {
            **SITE,
            "roles/data.yaml": SITE["roles/data.yaml"].replace("max: 50000, ", "") + "  \n",
            "locales/es/LC_MESSAGES/jdgen.po": po(entries),
        }
    )
    report = build_site(find_project(root), root / "site")  # no exception
    text = (root / "site/es/data/posting.md").read_text(encoding="utf-8")
    assert "cantidad" not in text and "__class__" not in text
    if problem:
        assert format_problem([source], translation)
        assert any("is not used" in str(w) for w in report.warnings)
    found = [str(p) for p in check(find_project(root), use_msgfmt=False)]
    assert any('"from {amount}"' in p and "{cantidad}" in p for p in found), found
    assert any("Open positions" in p and 'a lone "%"' in p for p in found), found
    assert all(re.match(r"locales/es/LC_MESSAGES/jdgen\.po:\d+: ", p) for p in found), found


def test_a_nul_byte_in_a_translation_is_reported(build_tree: Builder) -> None:
    catalog = po({("data:title", "Data Engineer"): "Ingeniera\x00 de datos"})
    root = build_tree({**SITE, "locales/es/LC_MESSAGES/role-data.po": catalog})
    found = [str(p) for p in check(find_project(root), use_msgfmt=False)]
    assert any("control character U+0000" in p for p in found), found


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>/!?&\"'`[]():= \\\nabsciptjvmgnerolfd#-*0123456789")),
        max_size=60,
    )
)
def test_escaped_role_text_never_renders_as_html(text: str) -> None:
    assert unescaped_html(escape_markdown(text)) == []


def test_json_ld_cannot_end_its_script(build_tree: Builder) -> None:
    root = build_tree(
        {
            **SITE,
            "roles/data.yaml": SITE["roles/data.yaml"].replace(
                "We build pipelines.", '"<!--<script> </script><b>x</b> & more"'
            ),
        }
    )
    build_site(find_project(root), root / "site")
    page = (root / "site/en/data/").glob("*.html")
    for path in page:
        html = path.read_text(encoding="utf-8")
        block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        assert "<" not in block and ">" not in block and "&" not in block
        data = json.loads(block)  # still the same JSON
        assert "&lt;!--&lt;script&gt;" in data["description"]
        assert "<main" in html.split("</script>", 1)[1]  # the page after it is intact


@pytest.mark.parametrize(
    ("link", "hint"),
    [
        ("http://acme.test/apply", "write https://acme.test/apply"),
        ("javascript:alert(1)", "may not use the javascript: scheme"),
        ("acme.test/apply", "write https://acme.test/apply"),
        ("ftp://acme.test/", "expected an https: or mailto: link"),
    ],
)
def test_links_are_https_or_mailto_only(build_tree: Builder, link: str, hint: str) -> None:
    from click.testing import CliRunner

    from jdgen import cli

    build_tree({"roles/r.yaml": f"title: X\napply: {{url: '{link}'}}\n"})
    result = CliRunner().invoke(cli.main, ["render", "r"])
    assert result.exit_code == 1
    assert re.match(r"roles/r\.yaml:2:\d+: apply\.url: ", result.stderr), result.stderr
    assert hint in result.stderr


def test_prose_links_to_other_schemes_stay_text(build_tree: Builder) -> None:
    build_tree(
        {
            "roles/r.yaml": "title: X\nsummary: 'See [old](http://acme.test/) or [new](https://acme.test/).'\n"
        }
    )
    html = Renderer(find_project(build_tree({}))).render("r", fmt="html").text
    assert '<a href="https://acme.test/">new</a>' in html
    assert 'href="http://' not in html
