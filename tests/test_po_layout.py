"""PO files that stay put in translators' tools: jdgen lays catalogs out exactly as GNU
gettext does (msgcat, msgmerge, Poedit), keeps the headers tools add, and leaves a file a
tool saved alone when nothing in it changed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdgen.i18n.pofile import render_po
from jdgen.i18n.powrap import layout
from jdgen.i18n.update import update
from jdgen.project.config import find_project

from .conftest import REPO, Builder

needs_msgcat = pytest.mark.skipif(
    shutil.which("msgcat") is None, reason="gettext is not installed (CI installs it)"
)


def msgcat(text: str, *args: str) -> str:
    done = subprocess.run(
        ["msgcat", *args, "-"], input=text, capture_output=True, text=True, check=True
    )
    return done.stdout


@needs_msgcat
def test_msgcat_rewrites_every_committed_catalog_byte_for_byte() -> None:
    catalogs = sorted((REPO / "locales").glob("**/*.po*"))
    assert len(catalogs) > 20
    changed = [
        str(p.relative_to(REPO))
        for p in catalogs
        if msgcat(p.read_text(encoding="utf-8")) != p.read_text(encoding="utf-8")
    ]
    assert changed == []


# Text as catalogs hold it: words of any length, spaces, CJK and its punctuation, ASCII
# punctuation, quotes and escapes, digits, line breaks.
PIECES = st.sampled_from(
    [
        "a", "de", "machine", "learning", "Arquitectura", "optimización", "TensorRT",
        "supercalifragilisticexpialidocious", " ", " ", "  ", "使", "用", "模型", "训练",
        "。", "，", "、", "（", "）", "「", "」", "：", "！", ".", ",", ":", ";", "-", "/",
        "(", ")", "[", "]", '"', "'", "%", "$", "&", "*", "=", "_", "|", "\t", "\n",
        "2026", "45.000", "«", "»", "…", "—", "😀", "ñ",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=60).map("".join)


@needs_msgcat
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(TEXTS, TEXTS, st.booleans()), min_size=1, max_size=12))
def test_any_catalog_jdgen_writes_is_what_msgcat_writes(
    entries: list[tuple[str, str, bool]],
) -> None:
    catalog = Catalog(locale="es", domain="role-x", charset="utf-8")
    for n, (source, translation, with_context) in enumerate(entries):
        context = f"role-x:responsibilities[{source[:30]}].items" if with_context else None
        catalog.add(
            f"{source} {n}",
            translation + "x",
            locations=[("roles/role-x.yaml", n + 1), ("roles/families/long-family-name.yaml", n)],
            context=context,
        )
    text = render_po(catalog, "Role x", domain="role-x", plural_forms="nplurals=2; plural=n != 1;")
    assert msgcat(text) == text


def test_gnu_rules_by_example() -> None:
    # A string that needs two lines starts with an empty one; lines break after spaces
    # and end within 79 columns; CJK counts two columns and breaks between ideographs.
    long = "Diseñar e implementar el preprocesamiento de datos y el feature engineering"
    assert layout(f'msgstr "{long}"').split("\n") == [
        'msgstr ""',
        '"Diseñar e implementar el preprocesamiento de datos y el feature engineering"',
    ]
    chinese = "使用现有流水线训练模型。特征工程。模型验证。准备数据集。使用Jupyter Notebook工作。"
    assert layout(f'msgstr "{chinese}"').split("\n") == [
        'msgstr ""',
        '"使用现有流水线训练模型。特征工程。模型验证。准备数据集。使用Jupyter Notebook"',
        '"工作。"',
    ]
    assert layout('msgid "Line one\\nLine two"').split("\n") == [
        'msgid ""',
        '"Line one\\n"',
        '"Line two"',
    ]
    refs = " ".join(f"templates/default/site/layout.html.j2:{n}" for n in (21, 40))
    assert layout(f"#: {refs}").split("\n") == [
        "#: templates/default/site/layout.html.j2:21",
        "#: templates/default/site/layout.html.j2:40",
    ]


PROJECT = {
    "jdgen.yaml": "locales: [en, es]\n",
    "roles/data.yaml": "title: Data Engineer\nsummary: Pipelines that run every night.\n",
}
TOOL_HEADERS = (
    '"X-Generator: Poedit 3.5\\n"\n'
    '"X-Poedit-SourceCharset: UTF-8\\n"\n'
    '"Language-Team: Spanish <https://hosted.weblate.org/projects/acme/es/>\\n"\n'
)


def _saved_by_a_tool(path: Path) -> str:
    """The catalog as another tool saves it: no wrapping, and its own headers."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('"Language-Team: es translators\\n"\n', "")
    text = text.replace('"Plural-Forms:', TOOL_HEADERS + '"Plural-Forms:', 1)
    lines, out = text.split("\n"), []
    for line in lines:  # join wrapped strings onto one line, as --no-wrap tools do
        if (
            line.startswith('"')
            and out
            and out[-1].endswith('""')
            and not out[-1].startswith("msgstr")
        ):
            out[-1] = out[-1][:-2] + line
        else:
            out.append(line)
    saved = "\n".join(out)
    path.write_text(saved, encoding="utf-8")
    return saved


def test_a_file_a_tool_saved_is_left_alone_when_nothing_changed(build_tree: Builder) -> None:
    root = build_tree(PROJECT)
    update(find_project(root))
    path = root / "locales/es/LC_MESSAGES/role-data.po"
    saved = _saved_by_a_tool(path)
    changes = {c.path: c.action for c in update(find_project(root))}
    assert changes["locales/es/LC_MESSAGES/role-data.po"] == "unchanged"
    assert path.read_text(encoding="utf-8") == saved


def test_tool_headers_survive_an_update_that_changes_the_file(build_tree: Builder) -> None:
    root = build_tree(PROJECT)
    update(find_project(root))
    path = root / "locales/es/LC_MESSAGES/role-data.po"
    _saved_by_a_tool(path)
    (root / "roles/data.yaml").write_text(
        "title: Data Engineer\nsummary: Pipelines that run every hour.\n", encoding="utf-8"
    )
    changes = {c.path: c.action for c in update(find_project(root))}
    assert changes["locales/es/LC_MESSAGES/role-data.po"] == "updated"
    text = path.read_text(encoding="utf-8")
    for header in TOOL_HEADERS.splitlines():
        assert header in text
    assert "es translators" not in text
    if shutil.which("msgcat"):
        assert msgcat(text) == text


def _header(text: str) -> list[str]:
    from jdgen.i18n.catalogs import parse_entries

    head = next(e for e in parse_entries(text, "-") if e.fields.get("msgid") == "")
    return head.fields["msgstr"].splitlines()


_VALUE = (
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=160,
    )
    .map(str.strip)
    .filter(bool)
)
_PLURALS = st.sampled_from(
    [
        "nplurals=2; plural=(n != 1);",
        "nplurals=2; plural=(n != 1 && n != 0 && n != -1 && n != -2 && n != -3 && n != -4);",
        "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);",
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);",
    ]
)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(translator=_VALUE, team=_VALUE, tool=_VALUE, forms=_PLURALS, pad=st.integers(0, 60))
def test_a_wrapped_header_field_is_written_once(
    build_tree: Builder, translator: str, team: str, tool: str, forms: str, pad: int
) -> None:
    """Issue 25: a header field past 79 columns is wrapped; update replaced only its first
    line, and each later update or import added another copy of the rest."""
    from babel.messages.pofile import escape

    root = build_tree(PROJECT)
    update(find_project(root))
    path = root / "locales/es/LC_MESSAGES/role-data.po"
    text = path.read_text(encoding="utf-8")
    translator = "x" * pad + translator
    fields = {
        "Last-Translator": translator,
        "Language-Team": team,
        "X-Long-Tool-Field": tool,
        "Plural-Forms": forms,
    }
    head = [ln for ln in _header(text) if ln.split(":", 1)[0] not in fields]
    head += [f"{k}: {v}" for k, v in fields.items()]
    start = text.index('msgstr ""\n') + len('msgstr ""\n')
    end = text.index("\n\n", start)
    body = "\n".join(escape(f"{line}\n") for line in head)
    path.write_text(layout(text[:start] + body + text[end:]), encoding="utf-8")
    for n in range(2):  # each run changes the catalog, so it is written again
        (root / "roles/data.yaml").write_text(
            f"title: Data Engineer\nsummary: Pipelines that run {n} times.\n", encoding="utf-8"
        )
        update(find_project(root))
        lines = _header(path.read_text(encoding="utf-8"))
        keys = [line.split(":", 1)[0] for line in lines]
        assert all(":" in line for line in lines), lines
        assert len(keys) == len(set(keys)), lines
        found = dict(line.split(": ", 1) for line in lines)
        for key, value in fields.items():
            assert found[key] == value, (key, lines)
