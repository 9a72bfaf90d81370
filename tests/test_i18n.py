"""The translator workflow: extract, update, translate, render, status, check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from jdgen import cli
from jdgen.i18n.check import check, check_catalog
from jdgen.i18n.pofile import render_po
from jdgen.i18n.status import status
from jdgen.i18n.update import init, update
from jdgen.project.config import find_project
from jdgen.rendering.renderer import Renderer

from .conftest import REPO, Builder

PROJECT = {
    "jdgen.yaml": "locales: [es, zh, en]\ndefault_locale: en\n",
    "roles/data.yaml": """
        language: en
        # The job title as people search for it.
        title: Data Engineer
        summary: We build pipelines.
        benefits: [Remote budget, Learning budget]
    """,
}


def translate(path: Path, table: dict[str, str | tuple[str, ...]]) -> None:
    """Do what a translator does in Poedit: fill msgstr, by msgid."""
    with path.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key in table:
            message.string = table[key]
            message.flags.discard("fuzzy")
    path.write_text(render_po(catalog, domain=path.stem), encoding="utf-8")


def po(root: Path, locale: str, domain: str = "role-data") -> Path:
    return root / "locales" / locale / "LC_MESSAGES" / f"{domain}.po"


def test_round_trip(build_tree: Builder) -> None:
    root = build_tree(PROJECT)
    changes = [str(c) for c in update(find_project(root))]
    assert "created locales/role-data.pot" in changes
    assert "created locales/es/LC_MESSAGES/role-data.po" in changes
    assert "created locales/zh/LC_MESSAGES/role-data.po" in changes
    assert not po(root, "en").exists()  # the source language needs no catalog
    text = po(root, "es").read_text(encoding="utf-8")
    assert 'msgctxt "data:title"' in text
    assert "#. The job title as people search for it." in text
    assert "#: roles/data.yaml\n" in text  # the file only: a line number would churn

    translate(po(root, "es"), {"Data Engineer": "Ingeniero/a de datos"})
    result = Renderer(find_project(root)).render("data", "es")
    assert result.text.startswith("# Ingeniero/a de datos\n")
    warned = {w.field for w in result.warnings}
    assert warned == {"summary", "benefits[0].items[0]", "benefits[0].items[1]"}
    assert all("roles/data.yaml" in str(w) for w in result.warnings)


def test_update_is_stable_and_reports(build_tree: Builder) -> None:
    root = build_tree(PROJECT)
    update(find_project(root))
    again = [str(c) for c in update(find_project(root))]
    assert all(c.startswith("unchanged ") for c in again), again


def test_changed_source_becomes_fuzzy_and_falls_back(build_tree: Builder) -> None:
    root = build_tree(PROJECT)
    update(find_project(root))
    translate(
        po(root, "es"),
        {"Data Engineer": "Ingeniero/a de datos", "We build pipelines.": "Construimos pipelines."},
    )
    (root / "roles/data.yaml").write_text(
        "language: en\ntitle: Senior Data Engineer\nbenefits: [Remote budget]\n", encoding="utf-8"
    )
    changes = [str(c) for c in update(find_project(root))]
    assert "updated locales/es/LC_MESSAGES/role-data.po +0 -2" in changes
    text = po(root, "es").read_text(encoding="utf-8")
    assert '#| msgid "Data Engineer"' in text  # the previous source, for comparison
    assert "#, fuzzy" in text
    assert '#~ msgid "We build pipelines."' in text  # removed: obsolete, kept
    # A second update keeps the previous source as it was (Babel alone would turn it
    # into a translator comment, python-babel/babel#206).
    assert all(c.action == "unchanged" for c in update(find_project(root)))
    assert po(root, "es").read_text(encoding="utf-8") == text
    assert "# |" not in text

    rows = {(r.locale, r.domain): r for r in status(find_project(root))}
    assert rows["es", "role-data"].fuzzy == 1
    assert rows["es", "role-data"].percent < 100

    result = Renderer(find_project(root)).render("data", "es")
    assert result.text.startswith("# Senior Data Engineer\n")  # fuzzy is not a translation
    assert any(w.field == "title" for w in result.warnings)
    strict = CliRunner().invoke(cli.main, ["render", "data", "-l", "es", "--strict"])
    assert strict.exit_code == 1
    assert "have no es translation" in strict.stderr  # counted per catalog...
    assert "--strict: 2 warning(s) count as errors" in strict.stderr
    verbose = CliRunner().invoke(cli.main, ["render", "data", "-l", "es", "--strict", "-v"])
    assert "no es translation for data:title" in verbose.stderr  # ...or each with -v


def test_regional_catalog_falls_back_to_its_parent(build_tree: Builder) -> None:
    root = build_tree(PROJECT)
    project = find_project(root)
    update(project)
    translate(
        po(root, "es"),
        {"Data Engineer": "Ingeniero/a de datos", "We build pipelines.": "Construimos pipelines."},
    )
    assert [str(c) for c in init(project, "es-AR")][-1] == (
        "created locales/es_AR/LC_MESSAGES/role-data.po"
    )
    assert "data:title" in po(root, "es_AR").read_text(encoding="utf-8")
    rendered = Renderer(find_project(root)).render("data", "es-AR").text
    assert rendered.startswith("# Ingeniero/a de datos\n\nConstruimos pipelines.")
    translate(po(root, "es_AR"), {"We build pipelines.": "Construí pipelines con nosotros."})
    rendered = Renderer(find_project(root)).render("data", "es-AR").text
    assert "Construí pipelines con nosotros." in rendered
    rows = {(r.locale, r.domain): r.percent for r in status(find_project(root))}
    assert rows["es-AR", "role-data"] == rows["es", "role-data"]


def test_no_locales_directory_means_no_translations_yet(build_tree: Builder) -> None:
    root = build_tree({"roles/r.yaml": "title: Data Engineer\n"})
    result = Renderer(find_project(root)).render("r", "es")
    assert "# Data Engineer" in result.text
    assert "**Fecha límite**: hasta cubrir la vacante" in result.text  # built-in words
    assert [w.field for w in result.warnings] == ["title"]


@pytest.mark.parametrize(
    ("msgid", "msgstr", "locale", "message"),
    [
        ("Hello %(name)s", "Hola %(nombre)s", "es", "the placeholders differ"),
        ("From {amount}", "Desde", "es", "the placeholders differ"),
        ("Salary: high", "薪资: 高", "zh", 'half-width ":" in Chinese text'),
        ("Salary ", "Salario", "es", "leading or trailing spaces differ"),
    ],
)
def test_check_finds_bad_translations(
    build_tree: Builder, msgid: str, msgstr: str, locale: str, message: str
) -> None:
    plural = "nplurals=1; plural=0;" if locale == "zh" else "nplurals=2; plural=(n != 1);"
    root = build_tree(
        {
            f"locales/{locale}/LC_MESSAGES/jdgen.po": f'''
        msgid ""
        msgstr ""
        "Language: {locale}\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Plural-Forms: {plural}\\n"

        msgctxt "label"
        msgid "{msgid}"
        msgstr "{msgstr}"
    '''
        }
    )
    found = [str(p) for p in check_catalog(po(root, locale, "jdgen"))]
    assert len(found) == 1, found
    assert found[0].startswith(f"locales/{locale}/LC_MESSAGES/jdgen.po:8:")  # the msgid line
    assert f'msgctxt "label" msgid "{msgid}"' in found[0]
    assert message in found[0]


def test_check_plural_forms_and_locales(build_tree: Builder) -> None:
    root = build_tree(
        {
            "locales/zh/LC_MESSAGES/jdgen.po": """
            msgid ""
            msgstr ""
            "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

            msgid "{n} year"
            msgid_plural "{n} years"
            msgstr[0] "{n}年"
            msgstr[1] "{n}年"
        """,
            "locales/klingon/LC_MESSAGES/jdgen.po": 'msgid ""\nmsgstr ""\n',
        }
    )
    found = [str(p) for p in check(find_project(root), use_msgfmt=False)]
    assert any(
        "jdgen.po:3: Plural-Forms: plural=(n != 1): 2 takes the same form as 1 in zh, but "
        "another one here" in p
        for p in found
    ), found
    assert any('the catalog is for "klingon", which is not a locale' in p for p in found)


def test_broken_po_file_is_positioned(build_tree: Builder) -> None:
    root = build_tree(
        {"roles/r.yaml": "title: X\n", "locales/es/LC_MESSAGES/role-r.po": 'msgid "a"\nmsgstr "b\n'}
    )
    found = [str(p) for p in check(find_project(root), use_msgfmt=False)]
    assert found[0].startswith("locales/es/LC_MESSAGES/role-r.po:2:")
    assert "unterminated" in found[0]
    result = CliRunner().invoke(cli.main, ["render", "r", "-l", "es"])
    assert result.exit_code == 1
    assert "locales/es/LC_MESSAGES/role-r.po:2:" in result.stderr


def test_plurals_in_zh_and_es(build_tree: Builder) -> None:
    root = build_tree(
        {"roles/r.yaml": "title: X\nexperience: [{level: A, years: 1}, {level: B, years: 3-5}]\n"}
    )
    renderer = Renderer(find_project(root))
    assert "**A**: 1 año\n- **B**: 3-5 años" in renderer.render("r", "es").text
    assert "- **工作经验**：\n  - A：1年\n  - B：3-5年" in renderer.render("r", "zh").text


def test_cli_status_json_and_fail_under(build_tree: Builder) -> None:
    build_tree(PROJECT)
    runner = CliRunner()
    assert runner.invoke(cli.main, ["i18n", "update"]).exit_code == 0
    result = runner.invoke(cli.main, ["i18n", "status", "--format", "json"])
    rows = json.loads(result.stdout)
    words = {(r["locale"], r["catalog"]): r.pop("words_left") for r in rows}
    assert {
        "locale": "es",
        "catalog": "role-data",
        "translated": 0,
        "fuzzy": 0,
        "untranslated": 4,
        "percent": 0.0,
    } in rows
    assert words["es", "role-data"] > 4  # source words left to translate
    failing = runner.invoke(cli.main, ["i18n", "status", "--fail-under", "90"])
    assert failing.exit_code == 1
    assert "es role-data: 0.0% is under 90%" in failing.stderr


def test_repository_catalogs_are_complete_and_clean(in_repo: Path) -> None:
    project = find_project(in_repo)
    assert [r for r in status(project) if r.percent < 100] == []
    assert check(project, use_msgfmt=False) == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed (CI has it)")
def test_msgfmt_accepts_every_committed_catalog() -> None:
    problems = check(find_project(REPO))
    assert problems == []


def test_a_roles_own_locale_shows_the_source_even_when_its_parent_translates(
    build_tree: Builder,
) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [es]\n",
            "roles/lima.yaml": "language: es-PE\ntitle: Analista\nsummary: 5 años a más.\n",
        }
    )
    project = find_project(root)
    init(project, "es")
    translate(po(root, "es", "role-lima"), {"5 años a más.": "5 años o más."})
    renderer = Renderer(find_project(root))
    assert "5 años a más." in renderer.render("lima", "es-PE").text  # as the author wrote
    assert "5 años o más." in renderer.render("lima", "es").text  # neutral Spanish
    assert "5 años o más." in renderer.render("lima", "es-AR").text  # es-AR falls back to es


def test_extraction_errors_are_never_silent(build_tree: Builder) -> None:
    build_tree(
        {
            **PROJECT,
            "templates/es/posting.md.j2": "# {{ pgettext('x', 'y') }\n",
            "roles/bad.yaml": "title: [x\n",
        }
    )
    result = CliRunner().invoke(cli.main, ["i18n", "extract"])
    assert result.exit_code == 1
    assert "templates/es/posting.md.j2:1: cannot extract messages" in result.stderr
    assert "roles/bad.yaml:2:1: invalid YAML" in result.stderr


def test_cli_update_check_init_wiring(build_tree: Builder) -> None:
    root = build_tree(PROJECT)
    runner = CliRunner()
    out = runner.invoke(cli.main, ["i18n", "update"]).stdout
    assert "created locales/es/LC_MESSAGES/role-data.po" in out
    out = runner.invoke(cli.main, ["i18n", "update", "--locale", "es"]).stdout
    assert out == "unchanged locales/role-data.pot\nunchanged locales/es/LC_MESSAGES/role-data.po\n"
    assert runner.invoke(cli.main, ["i18n", "init", "es-MX"]).stdout.startswith(
        "created locales/es_MX/LC_MESSAGES/role-data.po"
    )
    assert runner.invoke(cli.main, ["i18n", "init", "xx-YY"]).exit_code == 2  # not a locale
    translate(po(root, "es"), {"Data Engineer": "Ingeniero {x}"})
    result = runner.invoke(cli.main, ["i18n", "check", "--no-msgfmt"])
    assert result.exit_code == 1
    assert "the placeholders differ" in result.stdout


def _babel_translations(path: Path) -> dict[tuple[str | None, str], object]:
    from jdgen.i18n.catalogs import read_catalog

    out: dict[tuple[str | None, str], object] = {}
    for m in read_catalog(path):
        if not m.id or m.fuzzy:
            continue
        strings = m.string if isinstance(m.string, (list, tuple)) else None
        if strings is not None and all(strings):
            out[(m.context, m.id[0])] = tuple(strings)
        elif strings is None and m.string:
            out[(m.context, m.id)] = m.string
    return out


def test_the_fast_reader_agrees_with_babel(build_tree: Builder) -> None:
    from jdgen.i18n.catalogs import translations

    paths = sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po"))
    root = build_tree(
        {
            "a.po": """
        # A translator's comment
        msgid ""
        msgstr ""
        "Plural-Forms: nplurals=2; plural=(n != 1);\\n"

        #, fuzzy
        msgctxt "x"
        msgid "Fuzzy"
        msgstr "Borroso"

        #. extracted
        #: roles/a.yaml:3
        msgctxt "x"
        msgid ""
        "Multi "
        "line \\"quoted\\"\\n"
        msgstr "Varias líneas \\"citadas\\"\\n"
        msgid "{n} year"
        msgid_plural "{n} years"
        msgstr[0] "{n} año"
        msgstr[1] "{n} años"

        msgid "empty"
        msgstr ""

        #~ msgid "gone"
        #~ msgstr "ido"
    """
        }
    )
    paths.append(root / "a.po")
    for path in paths:
        fast = {k: v for k, (v, _) in translations(path).items()}
        assert fast == _babel_translations(path), path
    assert len(paths) > 20


@pytest.mark.skipif(shutil.which("pofilter") is None, reason="translate-toolkit is not installed")
def test_pofilter_agrees_with_jdgens_checks(build_tree: Builder) -> None:
    """translate-toolkit's pofilter, as Weblate runs its checks: quiet on the repository's
    catalogs, and on a broken one it flags what jdgen's own check flags (jdgen's also
    covers the {name} placeholders pofilter does not read)."""
    import subprocess

    checks = ["-t", "variables", "-t", "printf", "-t", "endwhitespace", "-t", "escapes"]
    clean = subprocess.run(
        [
            "pofilter",
            "--progress=none",
            *checks,
            "-i",
            str(REPO / "locales/es/LC_MESSAGES/jdgen.po"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "msgid" not in clean.stdout
    root = build_tree(
        {
            "locales/es/LC_MESSAGES/jdgen.po": 'msgid ""\nmsgstr ""\n"Language: es\\n"\n'
            '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
            '#, python-brace-format\nmsgctxt "salary"\nmsgid "from {amount}"\n'
            'msgstr "desde {cantidad}"\n\n'
            '#, python-format\nmsgctxt "label"\nmsgid "%(label)s: %(value)s"\n'
            'msgstr "%(etiqueta)s: %(value)s"\n'
        }
    )
    path = root / "locales/es/LC_MESSAGES/jdgen.po"
    flagged = subprocess.run(
        ["pofilter", "--progress=none", *checks, "-i", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "%(etiqueta)s" in flagged.stdout  # both flag the renamed printf placeholder...
    ours = [str(p) for p in check(find_project(root), use_msgfmt=False)]
    assert any("%(etiqueta)s" in p for p in ours)
    assert any("{cantidad}" in p for p in ours)  # ...and jdgen the brace one pofilter misses
