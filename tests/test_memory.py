"""Translation memory: a sentence translated and approved in one role's catalog is
offered, fuzzy and with a note, to every new entry with the same source in that locale."""

from __future__ import annotations

import re

from click.testing import CliRunner

from jdgen import cli
from jdgen.i18n.catalogs import read_catalog
from jdgen.i18n.update import update
from jdgen.project.config import find_project

from .conftest import Builder

ROLE_A = """\
title: Data Engineer
summary: Build our data platform.
benefits: [Health insurance for you and your family, Learning budget]
requirements: {must_have: [Experience with Python]}
"""
ROLE_B = """\
title: Analytics Engineer
summary: Model our data for analysts.
benefits: [Health insurance for you and your family, Learning budget]
requirements: {must_have: [Experience with Python, Experience with dbt]}
"""
SPANISH = {
    "Data Engineer": "Ingeniero/a de datos",
    "Build our data platform.": "Construye nuestra plataforma de datos.",
    "Health insurance for you and your family": "Seguro médico para ti y tu familia",
    "Learning budget": "Presupuesto de formación",
    "Experience with Python": "Experiencia con Python",
}


def _translate(path_text: str) -> str:
    for source, target in SPANISH.items():
        path_text = path_text.replace(
            f'msgid "{source}"\nmsgstr ""', f'msgid "{source}"\nmsgstr "{target}"'
        )
    return path_text


def test_a_new_role_gets_what_other_roles_already_say(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": "locales: [en, es]\n", "roles/a.yaml": ROLE_A})
    update(find_project(root))
    catalog_a = root / "locales/es/LC_MESSAGES/role-a.po"
    catalog_a.write_text(_translate(catalog_a.read_text(encoding="utf-8")), encoding="utf-8")
    (root / "roles/b.yaml").write_text(ROLE_B, encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["i18n", "update"])
    assert result.exit_code == 0, result.output
    assert "created locales/es/LC_MESSAGES/role-b.po, 3 from memory" in result.stdout
    catalog_b = read_catalog(root / "locales/es/LC_MESSAGES/role-b.po")
    offered = {m.id: m for m in catalog_b if m.id and m.string}
    assert set(offered) == {
        "Health insurance for you and your family",
        "Learning budget",
        "Experience with Python",
    }
    for message in offered.values():
        assert message.fuzzy  # offered, not approved: the page still shows the source
        assert message.user_comments == ["from the translation memory (role-a): check it"]
    assert offered["Learning budget"].string == "Presupuesto de formación"
    page = CliRunner().invoke(cli.main, ["render", "b", "-l", "es"]).stdout
    assert "Learning budget" in page and "Presupuesto" not in page
    # The translator approves one: the note goes with the next update.
    text = (root / "locales/es/LC_MESSAGES/role-b.po").read_text(encoding="utf-8")
    entry = re.search(
        r"# from the translation memory[^\n]*\n(?:#[^\n]*\n)*?#, fuzzy\n"
        r'msgctxt "b:benefits.items"\nmsgid "Learning budget"',
        text,
    )
    assert entry is not None
    approved = text.replace(
        entry.group(0),
        entry.group(0).split("\n", 1)[1].replace("#, fuzzy\n", ""),
    )
    assert approved != text
    (root / "locales/es/LC_MESSAGES/role-b.po").write_text(approved, encoding="utf-8")
    again = CliRunner().invoke(cli.main, ["i18n", "update"])
    assert "from memory" not in again.stdout  # nothing new to fill
    after = (root / "locales/es/LC_MESSAGES/role-b.po").read_text(encoding="utf-8")
    assert after.count("# from the translation memory") == 2  # the approved one's is gone
    assert (
        "Presupuesto de formación"
        in CliRunner().invoke(cli.main, ["render", "b", "-l", "es"]).stdout
    )


def test_memory_never_fills_a_regional_catalog(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": "locales: [en, es, es-AR]\n", "roles/a.yaml": ROLE_A})
    update(find_project(root))
    for region in ("es", "es_AR"):
        path = root / f"locales/{region}/LC_MESSAGES/role-a.po"
        path.write_text(_translate(path.read_text(encoding="utf-8")), encoding="utf-8")
    (root / "roles/b.yaml").write_text(ROLE_B, encoding="utf-8")
    changes = {c.path: c.remembered for c in update(find_project(root))}
    assert changes["locales/es/LC_MESSAGES/role-b.po"] == 3
    # es_AR holds only what differs from es: empty means "as in es".
    assert changes["locales/es_AR/LC_MESSAGES/role-b.po"] == 0


def test_the_most_used_translation_wins(build_tree: Builder) -> None:
    roles = {f"roles/r{n}.yaml": f"title: Role {n}\nsummary: Join us.\n" for n in range(3)}
    root = build_tree({"jdgen.yaml": "locales: [en, es]\n", **roles})
    update(find_project(root))
    for n, words in enumerate(["Súmate.", "Únete a nosotros.", "Únete a nosotros."]):
        path = root / f"locales/es/LC_MESSAGES/role-r{n}.po"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace('msgid "Join us."\nmsgstr ""', f'msgid "Join us."\nmsgstr "{words}"'),
            encoding="utf-8",
        )
    (root / "roles/r9.yaml").write_text("title: Role 9\nsummary: Join us.\n", encoding="utf-8")
    update(find_project(root))
    found = read_catalog(root / "locales/es/LC_MESSAGES/role-r9.po")
    assert found.get("Join us.", "r9:summary").string == "Únete a nosotros."


def test_memory_stays_in_its_locale(build_tree: Builder) -> None:
    """Issue 25: a Spanish translation from the memory was offered to the new catalogs of
    every other locale of the same run (they shared the template's message objects)."""
    locales = "[en, es, zh, en-GB, es-AR, fr, pt-BR]"
    root = build_tree({"jdgen.yaml": f"locales: {locales}\n", "roles/a.yaml": ROLE_A})
    update(find_project(root))
    catalog_a = root / "locales/es/LC_MESSAGES/role-a.po"
    catalog_a.write_text(_translate(catalog_a.read_text(encoding="utf-8")), encoding="utf-8")
    (root / "roles/b.yaml").write_text(ROLE_B, encoding="utf-8")
    changes = {c.path: c.remembered for c in update(find_project(root))}
    assert changes["locales/es/LC_MESSAGES/role-b.po"] == 3
    spanish = set(SPANISH.values())
    for name in ("zh", "en_GB", "es_AR", "fr", "pt_BR"):
        path = root / f"locales/{name}/LC_MESSAGES/role-b.po"
        assert changes[f"locales/{name}/LC_MESSAGES/role-b.po"] == 0
        strings = {m.string for m in read_catalog(path) if m.id}
        assert strings == {""}, (name, strings & spanish)
        assert "translation memory" not in path.read_text(encoding="utf-8")
    # The template itself never holds a translation.
    pot = (root / "locales/role-b.pot").read_text(encoding="utf-8")
    assert not any(text in pot for text in spanish)


def test_update_refuses_a_locale_it_does_not_translate(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": "locales: [en, es]\n", "roles/a.yaml": ROLE_A})
    for args in (
        ["-l", "qq"],
        ["-l", "es-!"],
        ["-l", "fr"],
        ["-l", "es", "-l", "de-AT"],
        ["-l", ""],
    ):
        result = CliRunner().invoke(cli.main, ["i18n", "update", *args])
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
    assert not (root / "locales/fr").exists()
    for args in (["-l", "zz"], ["-l", "x_1"], ["-l", "\x00"]):
        result = CliRunner().invoke(cli.main, ["lint", *args])
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
