"""Plural forms are judged by each catalog's own header, never by one Babel version's table.

The fixture catalogs below are Spanish with gettext's 2 forms and with CLDR's 3, French
and Brazilian Portuguese with ``n > 1``, and broken or hostile headers: the results must
be the same whichever Babel is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel import Locale
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from jdgen import cli
from jdgen.i18n import plurals
from jdgen.i18n.catalogs import header_of, parse_entries
from jdgen.i18n.check import check
from jdgen.i18n.update import init, update
from jdgen.project.config import find_project
from jdgen.rendering.renderer import Renderer

from .conftest import Builder

TWO = "nplurals=2; plural=(n != 1);"
THREE = "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"
ROLE = {
    "jdgen.yaml": "locales: [es, en]\ndefault_locale: en\nbase_url: https://jobs.example.org/\n",
    "roles/r.yaml": "title: Data Engineer\nexperience: [{level: Senior, years: 5}]\n",
}
# A template of the project's own, so that its jdgen domain has a plural message.
TEMPLATE = {
    "templates/years.md.j2": "{% trans count=n %}{{ count }} day{% pluralize %}"
    "{{ count }} days{% endtrans %}\n"
}
DAYS = 'msgid "%(count)s day"\nmsgid_plural "%(count)s days"\n'


def catalog(header: str | None, forms: list[str], language: str = "es") -> str:
    """A jdgen.po translating the years-of-experience plural, with the given header."""
    quoted = (header or "").replace('"', '\\"')
    head = f'"Language: {language}\\n"\n' + (f'"Plural-Forms: {quoted}\\n"\n' if header else "")
    strings = "".join(f'msgstr[{i}] "{s}"\n' for i, s in enumerate(forms))
    return (
        f'msgid ""\nmsgstr ""\n{head}\n'
        'msgctxt "years of experience"\nmsgid "{range} year"\nmsgid_plural "{range} years"\n'
        f"{strings}"
    )


def problems(root: Path) -> list[str]:
    return [str(p) for p in check(find_project(root), use_msgfmt=False)]


@pytest.mark.parametrize(
    ("language", "header", "forms"),
    [
        ("es", TWO, ["{range} año", "{range} años"]),
        ("es", THREE, ["{range} año", "{range} de años", "{range} años"]),
        ("es_AR", TWO, ["{range} año", "{range} años"]),
        ("fr", "nplurals=2; plural=(n > 1);", ["{range} an", "{range} ans"]),
        ("pt_BR", "nplurals=2; plural=(n > 1);", ["{range} ano", "{range} anos"]),
        ("pt", "nplurals=2; plural=(n != 1);", ["{range} ano", "{range} anos"]),
        ("zh", "nplurals=1; plural=0;", ["{range}年"]),
        ("en", "nplurals=2; plural=n != 1;", ["{range} year", "{range} years"]),
    ],
)
def test_any_self_consistent_header_is_accepted(
    build_tree: Builder, language: str, header: str, forms: list[str]
) -> None:
    root = build_tree({f"locales/{language}/LC_MESSAGES/jdgen.po": catalog(header, forms)})
    assert problems(root) == []


@pytest.mark.parametrize(
    ("header", "forms", "expected"),
    [
        # does not parse
        ("nplurals=2; plural=(n !! 1);", 2, "jdgen.po:4: Plural-Forms: the formula"),
        ('nplurals=2; plural=__import__("os").getpid();', 2, "is not valid C"),
        ("nplurals=two; plural=(n != 1);", 2, "is not of the form"),
        ("plural=(n != 1);", 2, "is not of the form"),
        ("nplurals=9; plural=n;", 9, "a language has from 1 to 6 forms"),
        # an index out of range
        ("nplurals=2; plural=(n == 1 ? 0 : 2);", 2, "gives no form below nplurals=2 for n=0"),
        ("nplurals=2; plural=n % 0;", 2, "gives no form below nplurals=2"),
        ("nplurals=3; plural=(n > 1000000 ? 3 : n != 1);", 3, "for n=2000000"),
        # disagrees with CLDR about which numbers are like 1
        ("nplurals=1; plural=0;", 1, "2 takes the same form as 1, but not in es"),
        ("nplurals=2; plural=(n > 2);", 2, "2 takes the same form as 1, but not in es"),
        ("nplurals=2; plural=(n % 10 != 1);", 2, "11 takes the same form as 1"),
    ],
)
def test_an_inconsistent_header_is_an_error_with_its_line(
    build_tree: Builder, header: str, forms: int, expected: str
) -> None:
    text = catalog(header, [f"{{range}} año{i}" for i in range(forms)])
    root = build_tree({"locales/es/LC_MESSAGES/jdgen.po": text})
    found = problems(root)
    assert any(
        expected in p and p.startswith("locales/es/LC_MESSAGES/jdgen.po:4:") for p in found
    ), found
    assert any(expected in p and p.startswith("locales/es/LC_MESSAGES/jdgen.po:4:") for p in found)


def test_entries_must_have_as_many_forms_as_the_header(build_tree: Builder) -> None:
    root = build_tree(
        {"locales/es/LC_MESSAGES/jdgen.po": catalog(THREE, ["{range} año", "{range} años"])}
    )
    assert problems(root) == [
        'locales/es/LC_MESSAGES/jdgen.po:6: msgctxt "years of experience" msgid "{range} year": '
        "2 plural form(s), but the header declares 3 (give one msgstr[N] for each form, from "
        "msgstr[0])"
    ]


def test_a_missing_header_is_an_error_that_says_what_to_add(build_tree: Builder) -> None:
    root = build_tree({"locales/es/LC_MESSAGES/jdgen.po": catalog(None, ["{range} año"] * 2)})
    assert problems(root) == [
        "locales/es/LC_MESSAGES/jdgen.po:1: the catalog has no Plural-Forms header (add the "
        'header line "Plural-Forms: nplurals=2; plural=(n != 1);\\n")'
    ]
    (root / "jdgen.yaml").write_text("plural_forms: cldr\n", encoding="utf-8")
    assert f'"Plural-Forms: {THREE}\\n"' in problems(root)[0]


@pytest.mark.parametrize(
    "header",
    [
        "nplurals=2; plural=(n !! 1);",
        'nplurals=2; plural=__import__("os").system("true");',
        "nplurals=2; plural=n % 0;",
        "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",  # 2 forms given
        None,
    ],
)
def test_render_and_build_never_crash_on_a_bad_header(
    build_tree: Builder, header: str | None
) -> None:
    root = build_tree(
        {
            **ROLE,
            "locales/es/LC_MESSAGES/jdgen.po": catalog(header, ["{range} AÑO", "{range} AÑOS"]),
        }
    )
    rendered = Renderer(find_project(root)).render("r", "es")
    assert "AÑO" not in rendered.text  # the built-in catalog's "5 años", not a half-used one
    assert "5 años" in rendered.text
    assert any("is not used" in str(w) for w in rendered.warnings)
    result = CliRunner().invoke(cli.main, ["build", "--out", "site"])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output
    strict = CliRunner().invoke(cli.main, ["render", "r", "-l", "es", "--strict"])
    assert strict.exit_code == 1
    assert "is not used" in strict.stderr


def test_a_good_header_translates_plurals(build_tree: Builder) -> None:
    forms = ["{range} AÑO", "{range} DE AÑOS", "{range} AÑOS"]
    root = build_tree({**ROLE, "locales/es/LC_MESSAGES/jdgen.po": catalog(THREE, forms)})
    rendered = Renderer(find_project(root)).render("r", "es")
    assert "5 AÑOS" in rendered.text
    assert not any("is not used" in str(w) for w in rendered.warnings)


def _header(path: Path) -> list[str]:
    """The Plural-Forms line as written, however GNU's layout wraps it."""
    header, _ = header_of(parse_entries(path.read_text(encoding="utf-8"), str(path)))
    return [f'"Plural-Forms: {header["Plural-Forms"]}\\n"'] if "Plural-Forms" in header else []


@pytest.mark.parametrize(
    ("setting", "expected"),
    [("", TWO), ("plural_forms: gettext\n", TWO), ("plural_forms: cldr\n", THREE)],
)
def test_new_catalogs_get_gettext_forms_unless_the_project_chooses_cldr(
    build_tree: Builder, setting: str, expected: str
) -> None:
    root = build_tree({**ROLE, **TEMPLATE, "jdgen.yaml": ROLE["jdgen.yaml"] + setting})
    init(find_project(root), "es")
    path = root / "locales/es/LC_MESSAGES/jdgen.po"
    assert _header(path) == [f'"Plural-Forms: {expected}\\n"']
    count = int(expected.split(";")[0].split("=")[1])
    text = path.read_text(encoding="utf-8")
    assert f"msgstr[{count - 1}]" in text and f"msgstr[{count}]" not in text
    assert problems(root) == []


def test_update_never_rewrites_or_pads_an_existing_header(build_tree: Builder) -> None:
    odd = "nplurals=2;    plural=n!=1;"  # as some tool wrote it
    root = build_tree(
        {**ROLE, **TEMPLATE, "locales/es/LC_MESSAGES/jdgen.po": catalog(odd, ["a", "b"])}
    )
    update(find_project(root))
    jdgen_po = root / "locales/es/LC_MESSAGES/jdgen.po"
    assert _header(jdgen_po) == [f'"Plural-Forms: {odd}\\n"']
    text = jdgen_po.read_text(encoding="utf-8")
    assert DAYS + 'msgstr[0] ""\nmsgstr[1] ""\n\n' in text
    assert "msgstr[2]" not in text


def test_update_gives_a_headerless_catalog_a_header_not_a_third_form(build_tree: Builder) -> None:
    root = build_tree(
        {
            **ROLE,
            **TEMPLATE,
            "locales/es/LC_MESSAGES/jdgen.po": DAYS + 'msgstr[0] "%(count)s día"\n'
            'msgstr[1] "%(count)s días"\n',
        }
    )
    update(find_project(root))
    path = root / "locales/es/LC_MESSAGES/jdgen.po"
    assert _header(path) == [f'"Plural-Forms: {TWO}\\n"']
    text = path.read_text(encoding="utf-8")
    assert DAYS + 'msgstr[0] "%(count)s día"\nmsgstr[1] "%(count)s días"\n' in text
    assert "msgstr[2]" not in text
    assert problems(root) == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
@pytest.mark.parametrize("header", [TWO, THREE])
def test_msgfmt_agrees_both_spanish_catalogs_are_valid(build_tree: Builder, header: str) -> None:
    count = int(header.split(";")[0].split("=")[1])
    root = build_tree({"es.po": catalog(header, [f"{{range}} a{i}" for i in range(count)])})
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(root / "es.po")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@given(st.text(max_size=80))
def test_parsing_any_header_raises_only_its_own_error(value: str) -> None:
    try:
        forms = plurals.parse(value)
    except plurals.PluralFormsError:
        return
    plurals.consistency(forms, Locale.parse("es"))  # never raises either


@given(st.from_regex(r"nplurals=[1-6]; plural=[n0-9 ()!=<>%&|?:+*/-]{1,40};", fullmatch=True))
def test_any_formula_is_judged_without_crashing(value: str) -> None:
    try:
        forms = plurals.parse(value)
    except plurals.PluralFormsError:
        return
    for locale in ("es", "zh", "fr", "ar"):
        assert isinstance(plurals.consistency(forms, Locale.parse(locale)), list)
    assert all(forms.index(n) is None or 0 <= forms.index(n) < forms.count for n in range(50))  # type: ignore[operator]


def test_the_table_has_gettext_and_cldr_forms() -> None:
    for tag, count in [("es", 2), ("fr", 2), ("pt_BR", 2), ("zh", 1), ("ar", 6), ("ru", 3)]:
        forms = plurals.default_forms(Locale.parse(tag))
        assert forms.count == count
        assert plurals.consistency(forms, Locale.parse(tag)) == [], tag
    assert plurals.default_forms(Locale.parse("es"), "cldr").header == THREE
    assert plurals.default_forms(Locale.parse("de"), "cldr").header == TWO
