"""XLIFF for CAT tools: a locale's catalogs go out as XLIFF 1.2 and come back with every
context, both languages and the fuzzy state; a translator's changes render."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from jdgen import cli
from jdgen.i18n.catalogs import read_catalog
from jdgen.i18n.update import update
from jdgen.project.config import find_project

from .conftest import Builder

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
ROLE = """\
language: zh-CN
title: 数据工程师
summary: 打造我们的数据平台。
responsibilities:
  - title: 数据管道
    items: [设计数据管道, 维护数据仓库]
  - title: 团队协作
    items: [设计数据管道]
"""


def _project(build_tree: Builder) -> Path:
    root = build_tree({"jdgen.yaml": "locales: [zh-CN, es]\n", "roles/data.yaml": ROLE})
    update(find_project(root))
    path = root / "locales/es/LC_MESSAGES/role-data.po"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'msgid "数据工程师"\nmsgstr ""', 'msgid "数据工程师"\nmsgstr "Ingeniero/a de datos"'
    )
    path.write_text(text, encoding="utf-8")
    return root


def _entries(path: Path) -> dict[tuple[str | None, str], tuple[str, bool]]:
    return {
        (m.context, m.id): (m.string, m.fuzzy)
        for m in read_catalog(path)
        if m.id and isinstance(m.id, str)
    }


def test_an_unchanged_round_trip_changes_nothing(build_tree: Builder) -> None:
    root = _project(build_tree)
    before = {p: p.read_bytes() for p in root.glob("locales/es/LC_MESSAGES/*.po")}
    runner = CliRunner()
    out = runner.invoke(cli.main, ["i18n", "xliff", "export", "es", "-o", "es.xlf"])
    assert out.exit_code == 0, out.output
    back = runner.invoke(cli.main, ["i18n", "xliff", "import", "es.xlf"])
    assert back.exit_code == 0, back.output
    assert {p: p.read_bytes() for p in before} == before


def test_every_context_and_both_languages_go_out(build_tree: Builder) -> None:
    root = _project(build_tree)
    CliRunner().invoke(cli.main, ["i18n", "xliff", "export", "es", "-o", "es.xlf"])
    doc = etree.parse(str(root / "es.xlf"))
    file = doc.find(".//x:file[@original='role-data']", NS)
    assert file is not None
    assert (file.get("source-language"), file.get("target-language")) == ("zh-CN", "es")
    units = file.findall(".//x:trans-unit", NS)
    entries = _entries(root / "locales/es/LC_MESSAGES/role-data.po")
    assert {(u.get("resname"), u.findtext("x:source", namespaces=NS)) for u in units} == set(
        entries
    )
    # The same text in two groups is two units, told apart by their contexts.
    same = [u for u in units if u.findtext("x:source", namespaces=NS) == "设计数据管道"]
    assert len({u.get("resname") for u in same}) == 2
    title = next(u for u in units if u.findtext("x:source", namespaces=NS) == "数据工程师")
    assert title.get("approved") == "yes"
    assert title.find("x:target", NS).get("state") == "translated"  # type: ignore[union-attr]
    assert any("job title" in (n.text or "") for n in title.findall("x:note", NS))


def test_a_cat_tools_changes_come_back_and_render(build_tree: Builder) -> None:
    root = _project(build_tree)
    runner = CliRunner()
    runner.invoke(cli.main, ["i18n", "xliff", "export", "es", "-o", "es.xlf"])
    doc = etree.parse(str(root / "es.xlf"))
    units = {u.findtext("x:source", namespaces=NS): u for u in doc.iterfind(".//x:trans-unit", NS)}
    # A translator fills one text, rewords another and leaves a third for review.
    summary = units["打造我们的数据平台。"].find("x:target", NS)
    assert summary is not None
    summary.text, summary.attrib["state"] = "Construye nuestra plataforma de datos.", "translated"
    title = units["数据工程师"].find("x:target", NS)
    assert title is not None
    title.text = "Ingeniera o ingeniero de datos"
    review = units["维护数据仓库"].find("x:target", NS)
    assert review is not None
    review.text, review.attrib["state"] = "Mantener el almacén de datos", "needs-review-translation"
    doc.write(str(root / "es.xlf"), xml_declaration=True, encoding="UTF-8")
    before = _entries(root / "locales/es/LC_MESSAGES/role-data.po")
    back = runner.invoke(cli.main, ["i18n", "xliff", "import", "es.xlf"])
    assert back.exit_code == 0, back.output
    assert "updated locales/es/LC_MESSAGES/role-data.po (3 changed)" in back.stdout
    after = _entries(root / "locales/es/LC_MESSAGES/role-data.po")
    assert set(after) == set(before)  # no context lost
    assert after[("data:summary", "打造我们的数据平台。")] == (
        "Construye nuestra plataforma de datos.",
        False,
    )
    assert after[("data:title", "数据工程师")] == ("Ingeniera o ingeniero de datos", False)
    review_key = next(k for k in after if k[1] == "维护数据仓库")
    assert after[review_key] == ("Mantener el almacén de datos", True)
    page = runner.invoke(cli.main, ["render", "data", "-l", "es"]).stdout
    assert "Ingeniera o ingeniero de datos" in page
    assert "Construye nuestra plataforma de datos." in page
    assert "Mantener el almacén" not in page  # fuzzy: not shown until approved
    assert "msgfmt" not in back.output


@pytest.mark.parametrize(
    ("xml", "says"),
    [
        (b"<xliff><file", "not well-formed XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
            b'<file original="role-data" source-language="zh-CN" target-language="es"><body>'
            b'<trans-unit id="1" resname="data:summary"><source>&e;</source>'
            b"<target>x</target></trans-unit></body></file></xliff>",
            "the entity reference &e; is not allowed",
        ),
        (
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
            b'<file original="../../etc" source-language="zh-CN" target-language="es"/></xliff>',
            'no es catalog "../../etc"',
        ),
    ],
)
def test_a_broken_or_hostile_file_is_refused_and_writes_nothing(
    build_tree: Builder, xml: bytes, says: str
) -> None:
    root = _project(build_tree)
    before = {p: p.read_bytes() for p in root.glob("locales/**/*.po")}
    (root / "bad.xlf").write_bytes(xml)
    result = CliRunner().invoke(cli.main, ["i18n", "xliff", "import", "bad.xlf"])
    assert result.exit_code == 1, result.output
    assert says in result.stderr
    assert "bad.xlf:1" in result.stderr
    assert "root:" not in result.output  # no entity was expanded
    assert {p: p.read_bytes() for p in before} == before
