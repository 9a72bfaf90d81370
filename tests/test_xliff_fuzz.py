"""XLIFF import, fuzzed (issue 25): whatever a CAT tool sends back, every translation in it
arrives as it was written, or the whole file is refused with a line and nothing is
written. Never a traceback, never a text lost or changed silently."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdgen import cli
from jdgen.errors import InvalidInputError
from jdgen.foundation.text import forbidden_character
from jdgen.i18n.catalogs import read_catalog
from jdgen.i18n.update import update
from jdgen.i18n.xliff_read import import_xliff
from jdgen.project.config import find_project

from .conftest import Builder

NS = "urn:oasis:names:tc:xliff:document:1.2"
ROLE = "title: Data Engineer\nsummary: Build the platform.\nbenefits: [Health, Food, Time off]\n"
PLURAL = '\nmsgctxt "a:years"\nmsgid "{n} year"\nmsgid_plural "{n} years"\n'


def _project(build_tree: Builder) -> tuple[Path, Path]:
    root = build_tree({"jdgen.yaml": "locales: [en, es]\n", "roles/a.yaml": ROLE})
    update(find_project(root))
    path = root / "locales/es/LC_MESSAGES/role-a.po"
    count = read_catalog(path).num_plurals
    extra = PLURAL + "".join(f'msgstr[{i}] ""\n' for i in range(count))
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root, path


def _entries(path: Path) -> dict[tuple[str | None, str], tuple[object, bool]]:
    return {
        (m.context, m.id if isinstance(m.id, str) else m.id[0]): (m.string, m.fuzzy)
        for m in read_catalog(path)
        if m.id
    }


def _xml_text(text: str) -> str:
    """Text as a CAT tool writes it: markup escaped, controls as character references."""
    out = []
    for char in escape(text):
        code = ord(char)
        special = code < 0x20 or 0x7F <= code < 0xA0 or code in (0x2028, 0x2029)
        out.append(f"&#x{code:x};" if special else char)
    return "".join(out)


_TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from("\u2028\u2029\x85\x1b\x07\r\t\n&<>\"'"),
    ),
    max_size=30,
)


@st.composite
def _unit_plan(draw: st.DrawFn, keys: list[tuple[str | None, str, int]]) -> list[tuple]:
    plan = []
    for context, source, forms in keys:
        if not draw(st.booleans()):
            continue  # a CAT tool may leave a unit out
        targets = tuple(draw(_TEXT) for _ in range(max(forms, 1)))
        fuzzy = draw(st.booleans())
        copies = draw(st.sampled_from(["one", "same", "other"]))
        file = draw(st.integers(0, 1))
        plan.append((context, source, forms, targets, fuzzy, file))
        if copies == "same":
            plan.append((context, source, forms, targets, fuzzy, draw(st.integers(0, 1))))
        elif copies == "other":
            other = tuple(t + "·" for t in targets)
            plan.append((context, source, forms, other, fuzzy, draw(st.integers(0, 1))))
    return plan


def _document(plan: list[tuple], plural_sources: tuple[str, str], namespaced: bool) -> bytes:
    files: list[list[str]] = [[], []]
    for context, source, forms, targets, fuzzy, file in plan:
        state = "needs-review-translation" if fuzzy else "translated"
        ctx = f" resname={quoteattr(context)}" if context else ""
        if forms:
            units = "".join(
                f'<trans-unit id="u[{i}]"><source>{escape(plural_sources[min(i, 1)])}</source>'
                f'<target state="{state}">{_xml_text(t)}</target></trans-unit>'
                for i, t in enumerate(targets)
            )
            files[file].append(f'<group restype="x-gettext-plurals"{ctx}>{units}</group>')
        else:
            files[file].append(
                f'<trans-unit id="u"{ctx}><source>{escape(source)}</source>'
                f'<target state="{state}">{_xml_text(targets[0])}</target></trans-unit>'
            )
    xmlns = f' xmlns="{NS}"' if namespaced else ""
    body = "".join(
        '<file original="role-a" source-language="en" target-language="es" datatype="po">'
        f"<body>{''.join(units)}</body></file>"
        for units in files
        if units
    )
    return f'<?xml version="1.0"?>\n<xliff{xmlns} version="1.2">{body}</xliff>'.encode()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), namespaced=st.booleans())
def test_an_import_keeps_every_text_or_refuses_the_file(
    build_tree: Builder, data: st.DataObject, namespaced: bool
) -> None:
    root, path = _project(build_tree)
    project = find_project(root)
    original = path.read_bytes()
    catalog = read_catalog(path)
    keys = [
        (
            m.context,
            m.id if isinstance(m.id, str) else m.id[0],
            0 if isinstance(m.id, str) else len(m.string),
        )
        for m in catalog
        if m.id
    ]
    plural = next(m.id for m in catalog if not isinstance(m.id, str))
    plan = data.draw(_unit_plan(keys))
    document = _document(plan, (plural[0], plural[1]), namespaced)
    before = _entries(path)
    chosen: dict[tuple[str | None, str], tuple[tuple[str, ...], bool]] = {}
    conflict = False
    for context, source, _forms, targets, fuzzy, _file in plan:
        key = (context, source)
        if key in chosen and chosen[key] != (targets, fuzzy):
            conflict = True
        chosen.setdefault(key, (targets, fuzzy))
    unusable = any(forbidden_character(t) for targets, _ in chosen.values() for t in targets)
    unusable = unusable or any(
        forbidden_character(t) for *_, targets, _f, _i in plan for t in targets
    )
    try:
        import_xliff(project, document, "t.xlf")
    except InvalidInputError as exc:
        assert conflict or unusable or not plan, (exc, plan)
        assert all(p.position and p.position.path == "t.xlf" for p in exc.problems)
        assert path.read_bytes() == original  # nothing written
        return
    assert not conflict and not unusable and plan
    after = _entries(path)
    for key, value in before.items():
        if key not in chosen:
            assert after[key] == value  # a unit left out changes nothing
            continue
        targets, fuzzy = chosen[key]
        string = after[key][0]
        assert (string if isinstance(string, tuple) else (string,)) == targets
        assert after[key][1] == (fuzzy and any(targets))


HEAD = '<?xml version="1.0"?>\n'
UNIT = '<trans-unit id="1" resname="a:summary"><source>Build the platform.</source>{}</trans-unit>'


def _file(units: str, ns: str = f' xmlns="{NS}"', doctype: str = "") -> bytes:
    return (
        f'{HEAD}{doctype}<xliff{ns} version="1.2"><file original="role-a" source-language="en" '
        f'target-language="es"><body>{units}</body></file></xliff>'
    ).encode()


@pytest.mark.parametrize(
    ("document", "says"),
    [
        (_file(""), "holds no <trans-unit>"),
        (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>', "XLIFF 2"),
        (b'<xliff version="2.1"><file/></xliff>', "XLIFF 2.1 is not supported"),
        (b"<tmx><body/></tmx>", "not an XLIFF 1.2 document"),
        (
            _file(
                UNIT.format("<target>Construye &brand;</target>"),
                doctype='<!DOCTYPE xliff [<!ENTITY brand "la plataforma">]>',
            ),
            "entity reference &brand;",
        ),
        (_file(UNIT.format('<target>Construye <x id="1"/></target>')), "<x> has no text"),
        (_file(UNIT.format("<target>Construye\u2028la</target>")), "U+2028"),
        (_file(UNIT.format("<target>Construye&#x85;la</target>"), ns=""), "U+0085"),
        (_file(UNIT.format("<target>a\x1bb</target>")), "not well-formed"),
        (
            _file(UNIT.format("<target>Uno</target>") + UNIT.format("<target>Dos</target>")),
            "a second unit",
        ),
        (
            _file(
                '<group restype="x-gettext-plurals" resname="a:summary">'
                '<trans-unit id="g[7]"><source>Build the platform.</source>'
                "<target>x</target></trans-unit></group>",
                ns="",
            ),
            "no entry with the text",
        ),
    ],
)
def test_what_cannot_come_back_is_refused_with_its_line(
    build_tree: Builder, document: bytes, says: str
) -> None:
    root, path = _project(build_tree)
    before = path.read_bytes()
    (root / "back.xlf").write_bytes(document)
    result = CliRunner().invoke(cli.main, ["i18n", "xliff", "import", "back.xlf"])
    assert result.exit_code == 1, result.output
    assert says in result.stderr
    assert "back.xlf:" in result.stderr
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


def test_a_file_without_the_namespace_and_a_plural_group_import(build_tree: Builder) -> None:
    root, path = _project(build_tree)
    forms = len(next(m for m in read_catalog(path) if not isinstance(m.id, str)).string)
    units = "".join(
        f'<trans-unit id="g[{i}]"><source>{"{n} year" if i == 0 else "{n} years"}</source>'
        f"<target>{i} año(s)</target></trans-unit>"
        for i in range(forms)
    )
    document = _file(
        UNIT.format("<target>Construye <g id='1'>la</g> plataforma.</target>")
        + f'<group restype="x-gettext-plurals" resname="a:years">{units}</group>',
        ns="",
    )
    (root / "back.xlf").write_bytes(document)
    result = CliRunner().invoke(cli.main, ["i18n", "xliff", "import", "back.xlf"])
    assert result.exit_code == 0, result.output
    entries = _entries(path)
    assert entries[("a:summary", "Build the platform.")] == ("Construye la plataforma.", False)
    assert entries[("a:years", "{n} year")][0] == tuple(f"{i} año(s)" for i in range(forms))


def test_a_control_character_in_a_catalog_is_refused_at_export(build_tree: Builder) -> None:
    root, path = _project(build_tree)
    for bad in ("\x1b[2J", "\x07", "\x0c", "\x85"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace('msgid "Health"\nmsgstr ""', f'msgid "Health"\nmsgstr "Salud{bad}"'),
            encoding="utf-8",
        )
        result = CliRunner().invoke(cli.main, ["i18n", "xliff", "export", "es", "-o", "es.xlf"])
        assert result.exit_code == 1, result.output
        assert "locales/es/LC_MESSAGES/role-a.po:" in result.stderr
        assert "cannot be exported" in result.stderr
        assert not (root / "es.xlf").exists()
        path.write_text(text, encoding="utf-8")
