"""jdgen import with hostile or broken input: each case is a clear error that names the
posting (or the payload's line), exit code 1 or 2 (never 3), and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdgen.importers import payload

from .test_import import FIXTURES, project, roles, run

__all__ = ["project"]

LEVER = json.loads((FIXTURES / "lever-postings.json").read_text(encoding="utf-8"))


def lever_payload(tmp_path: Path, postings: list[dict[str, object]]) -> str:
    path = tmp_path / "lever.json"
    path.write_text(json.dumps(postings, ensure_ascii=False), encoding="utf-8")
    return str(path)


def nothing_written(project: Path) -> bool:
    return not list((project / "roles").glob("*"))


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
"""


@pytest.mark.parametrize("prolog", [BOMB, EXTERNAL], ids=["entity-bomb", "external-entity"])
@pytest.mark.parametrize(
    ("source", "body"),
    [
        (
            "personio",
            "<workzag-jobs><position><id>1</id><name>&lol3;&xxe;</name></position></workzag-jobs>",
        ),
        ("teamtailor", "<rss><channel><item><title>&lol3;&xxe;</title></item></channel></rss>"),
    ],
)
def test_xml_with_a_dtd_or_entities_is_refused(
    project: Path, tmp_path: Path, source: str, body: str, prolog: str
) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(prolog + body, encoding="utf-8")
    code, _, err = run(project, "import", source, str(path))
    assert code == 1, err
    assert "DTD" in err and "Traceback" not in err
    assert nothing_written(project)


def test_a_payload_that_is_not_utf8_is_refused_with_the_byte(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps(LEVER, ensure_ascii=False).encode("latin-1", "replace"))
    code, _, err = run(project, "import", "lever", str(path))
    assert code == 1
    assert "not UTF-8" in err and "iconv" in err
    assert nothing_written(project)


def test_utf16_with_a_bom_is_read(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "utf16.json"
    path.write_bytes(json.dumps(LEVER, ensure_ascii=False).encode("utf-16"))
    code, _, err = run(project, "import", "lever", str(path))
    assert code == 0, err
    assert roles(project)["zh"]["title"] == "机器学习工程师"


def test_a_careers_page_in_its_declared_charset_is_read(project: Path, tmp_path: Path) -> None:
    page = (FIXTURES / "jsonld-careers.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    keep = [line for line in page.splitlines() if "机器" not in line]  # cp1252 has no Chinese
    path = tmp_path / "page.html"
    path.write_bytes("\n".join(keep).encode("cp1252", "replace"))
    code, _, err = run(project, "import", "jsonld", str(path))
    assert code == 0, err
    assert roles(project)["es"]["requirements"]["must_have"][0].startswith("3 años")


def test_text_mangled_upstream_is_repaired_and_said(project: Path, tmp_path: Path) -> None:
    mangled = json.loads(json.dumps(LEVER[1]))
    mangled["text"] = "Ingeniera de Datos Sr. – Perú".encode().decode("cp1252")
    body = mangled["descriptionBody"]
    mangled["descriptionBody"] = body.encode().decode("cp1252", "replace")
    code, _, err = run(project, "import", "lever", lever_payload(tmp_path, [mangled]))
    assert code == 0, err
    role = roles(project)["es"]
    assert role["title"] == "Ingeniera de Datos Sr. – Perú"
    assert "read as Windows-1252" in err and "“Ingeniera de Datos Sr. – Perú”" in err


def test_broken_json_names_its_line_and_column(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"id": "x", "text": "A"},\n  {"id": \n', encoding="utf-8")
    code, _, err = run(project, "import", "lever", str(path))
    assert code == 1
    assert f"{path}:4:" in err or f"{path}:3:" in err


def test_deeply_nested_json_is_an_error_not_a_crash(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = run(project, "import", "lever", str(path))
    assert code == 1 and "Traceback" not in err


def test_broken_html_still_yields_its_items(project: Path, tmp_path: Path) -> None:
    broken = dict(LEVER[0])
    broken["lists"] = []
    broken["descriptionBody"] = (
        "<div><p>Intro <b>bold <i>both</b> after</i><ul><li>one<li>two</ul></div></div>"
        "<h3>Requirements<ul><li>Go<li>Rust</p></span><table><tr><td>cell"
    )
    broken["additional"] = ""
    code, _, err = run(project, "import", "lever", lever_payload(tmp_path, [broken]))
    assert code == 0, err
    role = roles(project)["en"]
    assert role["requirements"]["must_have"][0] == "Go"
    assert role["requirements"]["must_have"][1].startswith("Rust")
    assert "one" in role["summary"] and "two" in role["summary"]
    assert run(project, "validate")[0] == 0


@pytest.mark.parametrize(
    ("title", "role_id"),
    [
        ("Frontend/Backend Engineer", "frontend-backend-engineer"),
        ("../../etc/passwd", "etc-passwd"),
        ("C++ / C# Developer (m/w/d)", "c-c-developer-m-w-d"),
    ],
)
def test_a_title_with_a_slash_stays_one_file_inside_roles(
    project: Path, tmp_path: Path, title: str, role_id: str
) -> None:
    posting = dict(LEVER[0], text=title)
    code, _, err = run(project, "import", "lever", lever_payload(tmp_path, [posting]))
    assert code == 0, err
    assert [p.name for p in (project / "roles").iterdir()] == [f"{role_id}.yaml"]
    assert roles(project)["en"]["title"] == title


def test_an_id_taken_by_a_role_of_the_team_is_an_error_naming_the_posting(
    project: Path, tmp_path: Path
) -> None:
    mine = project / "roles" / "ingeniera-de-datos-sr.yaml"
    mine.write_text("language: es\ntitle: Ingeniera de Datos Sr.\n", encoding="utf-8")
    code, _, err = run(project, "import", "lever", lever_payload(tmp_path, LEVER))
    assert code == 1
    assert "lever posting 0a1b2c3d-0000-4000-8000-000000000001 “Ingeniera de Datos Sr.”" in err
    assert "roles/ingeniera-de-datos-sr.yaml" in err and "--prefix" in err
    assert [p.name for p in (project / "roles").iterdir()] == [mine.name]  # none half-done
    assert (
        run(project, "import", "lever", lever_payload(tmp_path, LEVER), "--prefix", "ats-")[0] == 0
    )


def test_a_posting_that_cannot_be_read_is_named_and_nothing_is_written(
    project: Path, tmp_path: Path
) -> None:
    bad = dict(LEVER[2])
    del bad["text"]
    code, _, err = run(project, "import", "lever", lever_payload(tmp_path, [LEVER[0], bad]))
    assert code == 1
    assert "postings[1] (id 0a1b2c3d-0000-4000-8000-000000000002)" in err and "text" in err
    assert nothing_written(project)


def test_two_jobs_with_one_id_are_an_error(project: Path, tmp_path: Path) -> None:
    twin = dict(LEVER[1], id=LEVER[0]["id"])
    code, _, err = run(project, "import", "lever", lever_payload(tmp_path, [LEVER[0], twin]))
    assert code == 1 and "also the id of" in err
    assert nothing_written(project)


def test_size_limits_are_errors(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = lever_payload(tmp_path, LEVER)
    monkeypatch.setattr(payload, "MAX_BYTES", 1000)
    code, _, err = run(project, "import", "lever", path)
    assert code == 1 and "at most 1,000 are read" in err
    monkeypatch.setattr(payload, "MAX_BYTES", 10**9)
    monkeypatch.setattr(payload, "MAX_TEXT", 100)
    code, _, err = run(project, "import", "lever", path)
    assert code == 1 and "its description has" in err and "“Frontend/Backend Engineer”" in err
    monkeypatch.setattr(payload, "MAX_TEXT", 10**7)
    monkeypatch.setattr(payload, "MAX_POSTINGS", 2)
    code, _, err = run(project, "import", "lever", path)
    assert code == 1 and "more than 2 postings" in err
    assert nothing_written(project)


@pytest.mark.parametrize(
    "args",
    [
        ["import", "taleo", "x.json"],
        ["import", "lever", "no-such-file.json"],
        ["import", "lever", "-", "--prefix", "Bad Prefix"],
        ["import", "lever", "-", "--language", "xx-nope-nope"],
    ],
)
def test_command_line_mistakes_exit_2(project: Path, args: list[str]) -> None:
    code, _, err = run(project, *args, stdin=b"[]")
    assert code == 2, err


def test_a_shape_from_another_source_is_a_clear_error(project: Path) -> None:
    code, _, err = run(project, "import", "greenhouse", str(FIXTURES / "lever-postings.json"))
    assert code == 1 and "not a Greenhouse payload" in err and "boards-api" in err
