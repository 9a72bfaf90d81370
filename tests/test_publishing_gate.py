"""Publishing counts what the page shows: texts a posting never shows (its family's
hiring guide) and names a translator left empty do not hold it back; a locale whose
site catalog is not translated is not listed; an index never claims "no openings"
while postings are open in other languages."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from jdgen.cli import main

from .conftest import Builder

CONFIG = "locales: [en, es]\nbase_url: https://jobs.example.org/\n"
FAMILY = """\
abstract: true
title: Data Engineer
hiring:
  intro: How we hire data engineers, in words no posting shows.
  look_for: [Careful with data]
"""
POSTING = """\
extends: fam
title: Data Engineer
locations: [{city: Lima, country: PE}]
summary: Pipelines.
"""
ES = {
    "d:title": ("Data Engineer", "Ingeniera de datos"),
    "d:summary": ("Pipelines.", "Flujos de datos."),
}


def _po(entries: dict[str, tuple[str, str]]) -> str:
    out = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
    for ctx, (msgid, msgstr) in entries.items():
        out += f'\nmsgctxt "{ctx}"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
    return out


def _build(root: Path) -> str:
    result = CliRunner().invoke(main, ["--project", str(root), "build", "--out", str(root / "s")])
    assert result.exit_code == 0, result.output
    return result.output


def test_texts_the_posting_never_shows_do_not_hold_it_back(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": CONFIG,
            "roles/fam.yaml": FAMILY,
            "roles/d.yaml": POSTING,
            "locales/es/LC_MESSAGES/role-d.po": _po(ES),  # Lima is left empty: a name
        }
    )
    out = _build(root)
    assert "not published in es" not in out, out
    assert (root / "s/es/d/index.html").is_file()


def test_a_text_the_posting_shows_holds_it_back_and_the_index_links_it(
    build_tree: Builder,
) -> None:
    root = build_tree(
        {
            "jdgen.yaml": CONFIG,
            "roles/d.yaml": POSTING.replace("extends: fam\n", ""),
            "locales/es/LC_MESSAGES/role-d.po": _po({"d:title": ES["d:title"]}),
        }
    )
    out = _build(root)
    assert "not published in es: 1 text(s) of the posting" in out
    index = (root / "s/es/index.html").read_text(encoding="utf-8")
    assert "Ahora mismo no hay vacantes abiertas" not in index  # never "no openings"
    assert "Abiertas en otros idiomas" in index
    assert 'en/d/" hreflang="en">inglés</a>' in index


def test_a_new_locale_is_not_listed_until_its_site_catalog_is_translated(
    build_tree: Builder,
) -> None:
    root = build_tree({"jdgen.yaml": CONFIG, "roles/d.yaml": POSTING.replace("extends: fam\n", "")})
    result = CliRunner().invoke(main, ["--project", str(root), "i18n", "init", "pt-BR"])
    assert result.exit_code == 0, result.output
    out = _build(root)
    assert "not published in pt-BR" in out and "jdgen.po" in out
    assert not (root / "s/pt-BR").exists()
    assert 'lang="pt-BR"' not in (root / "s/index.html").read_text(encoding="utf-8")
