"""Catalog keys survive edits: inserting, deleting or reordering items around a text never
makes its translation fuzzy or lost; a reworded text keeps its translation as fuzzy,
with its previous source for the translator to compare."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from jdgen.i18n.update import update
from jdgen.project.config import find_project
from jdgen.project.keys import field_family, stable_context
from jdgen.rendering.renderer import Renderer

from .conftest import Builder

ROLE = """
title: Data Engineer
responsibilities:
  - title: Pipelines
    items: [Build batch pipelines, Own the data lake, Keep costs down]
  - title: Quality
    items: [Write data tests, Review schemas]
benefits: [Remote budget, Learning budget, Gym]
"""
SPANISH = {
    "Data Engineer": "Ingeniero/a de datos",
    "Pipelines": "Flujos de datos",
    "Build batch pipelines": "Construir flujos por lotes",
    "Own the data lake": "Ser responsable del lago de datos",
    "Keep costs down": "Contener los costes",
    "Quality": "Calidad",
    "Write data tests": "Escribir pruebas de datos",
    "Review schemas": "Revisar esquemas",
    "Remote budget": "Presupuesto para teletrabajo",
    "Learning budget": "Presupuesto de formación",
    "Gym": "Gimnasio",
}


def translated_project(build_tree: Builder) -> Path:
    root = build_tree({"jdgen.yaml": "locales: [en, es]\n", "roles/data.yaml": ROLE})
    update(find_project(root))
    po = root / "locales/es/LC_MESSAGES/role-data.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id in SPANISH:
            message.string = SPANISH[message.id]
    from jdgen.i18n.pofile import render_po

    po.write_text(render_po(catalog, domain="role-data"), encoding="utf-8")
    return root


def states(root: Path) -> dict[str, str]:
    with (root / "locales/es/LC_MESSAGES/role-data.po").open("rb") as handle:
        catalog = read_po(handle)
    out = {}
    for m in catalog:
        if m.id:
            out[m.id] = "fuzzy" if m.fuzzy else ("translated" if m.string else "empty")
    return out


EDITS = {
    "insert an item at the top": ("items: [Build", "items: [Design the warehouse, Build"),
    "insert a group at the top": (
        "responsibilities:\n",
        "responsibilities:\n  - title: Platform\n    items: [Run Airflow, Tune Spark]\n",
    ),
    "delete an item": ("Own the data lake, ", ""),
    "swap two items": ("[Write data tests, Review schemas]", "[Review schemas, Write data tests]"),
    "move an item to another group": ("Keep costs down]", "Keep costs down, Review schemas]"),
    "rename a group": ("title: Quality", "title: Data quality"),
    "reorder the groups": (
        "  - title: Quality\n    items: [Write data tests, Review schemas]\n",
        "",
    ),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_edits_that_change_no_text_cost_no_translation(build_tree: Builder, edit: str) -> None:
    root = translated_project(build_tree)
    old, new = EDITS[edit]
    path = root / "roles/data.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    if edit == "reorder the groups":
        text = text.replace(old, "").replace("responsibilities:\n", "responsibilities:\n" + old)
    elif edit == "move an item to another group":
        text = text.replace("[Write data tests, Review schemas]", "[Write data tests]")
        text = text.replace(old, new)
    else:
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    update(find_project(root))
    after = states(root)
    for source in SPANISH:
        if source in text:
            assert after[source] == "translated", (edit, source, after[source])
    rendered = Renderer(find_project(root)).render("data", "es").text
    assert "Escribir pruebas de datos" in rendered or "Write data tests" not in text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Keep costs down", "Keep cloud costs down"),
        ("Gym", "Gym membership"),
        ("Data Engineer", "Senior Data Engineer"),
    ],
)
def test_a_reworded_text_keeps_its_translation_as_fuzzy(
    build_tree: Builder, old: str, new: str
) -> None:
    root = translated_project(build_tree)
    path = root / "roles/data.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    update(find_project(root))
    po = (root / "locales/es/LC_MESSAGES/role-data.po").read_text(encoding="utf-8")
    entry = po.split(f'msgid "{new}"', 1)[0].rsplit("\n\n", 1)[-1] + f'msgid "{new}"'
    assert "#, fuzzy" in entry
    assert f'#| msgid "{old}"' in entry  # the previous source, to compare
    assert f'msgstr "{SPANISH[old]}"' in po.split(f'msgid "{new}"', 1)[1].split("\n\n")[0]
    assert f'#~ msgid "{old}"' not in po  # not dropped to obsolete


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
def test_catalogs_after_edits_pass_msgfmt(build_tree: Builder) -> None:
    root = translated_project(build_tree)
    path = root / "roles/data.yaml"
    for old, new in EDITS.values():
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        update(find_project(root))
        for po in root.glob("locales/*/LC_MESSAGES/*.po"):
            done = subprocess.run(
                ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, check=False
            )
            assert done.returncode == 0, done.stderr


def test_keys_name_the_role_the_field_and_the_group() -> None:
    texts = {
        "responsibilities[0].title": "Pipelines",
        "responsibilities[0].items[2]": "Keep costs down",
        "skills.domains[1].name": "Data Engineering",
        "skills.domains[1].skills[4].name": "Spark",
    }
    key = stable_context("data", "responsibilities[0].items[2]", texts.get)
    assert key == "data:responsibilities[Pipelines].items"
    assert stable_context("data", "responsibilities[0].title", texts.get) == (
        "data:responsibilities.title"
    )
    assert stable_context("data", "skills.domains[1].skills[4].name", texts.get) == (
        "data:skills.domains[Data Engineering].skills.name"
    )
    assert stable_context("data", "benefits[3]", texts.get) == "data:benefits"
    assert field_family("data:responsibilities[Pipelines].items") == field_family(
        "data:responsibilities[0].items[3]"
    )


def test_a_text_reworded_and_moved_shows_its_previous_context(build_tree: Builder) -> None:
    root = translated_project(build_tree)
    path = root / "roles/data.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("[Write data tests, Review schemas]", "[Write data tests]")
    text = text.replace("Keep costs down]", "Keep costs down, Review all schemas]")
    path.write_text(text, encoding="utf-8")
    update(find_project(root))
    po = (root / "locales/es/LC_MESSAGES/role-data.po").read_text(encoding="utf-8")
    entry = po.split('msgid "Review all schemas"', 1)[0].rsplit("\n\n", 1)[-1]
    assert "#, fuzzy" in entry
    assert '#| msgctxt "data:responsibilities[Quality].items"' in entry
    assert '#| msgid "Review schemas"' in entry
    assert 'msgctxt "data:responsibilities[Pipelines].items"' in entry
    # A second update keeps it as it is, and gettext reads it.
    update(find_project(root))
    again = (root / "locales/es/LC_MESSAGES/role-data.po").read_text(encoding="utf-8")
    assert again == po
    if shutil.which("msgfmt"):
        done = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", "-"], input=po.encode(), check=False
        )
        assert done.returncode == 0
    if shutil.which("msgcat"):
        done = subprocess.run(["msgcat", "-"], input=po.encode(), capture_output=True, check=True)
        assert done.stdout.decode() == po
