"""A re-import is a sync: unchanged postings leave their files byte for byte, a changed
posting changes only its fields, the team's additions and translations stay, closed
postings are reported (removed with --prune), and --check lists the drift."""

from __future__ import annotations

import copy
import difflib
import json
from pathlib import Path
from typing import Any

import pytest

from .test_import import FIXTURES, project, roles, run

__all__ = ["project"]  # the fixture, shared with test_import

LEVER = json.loads((FIXTURES / "lever-postings.json").read_text(encoding="utf-8"))


def write(tmp_path: Path, postings: list[dict[str, Any]], name: str = "lever.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(postings, ensure_ascii=False), encoding="utf-8")
    return str(path)


def snapshot(project: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in (project / "roles").glob("*.yaml")}


def changed_lines(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_importing_twice_changes_nothing(project: Path) -> None:
    for source, name in (("lever", "lever-postings.json"), ("personio", "personio-jobs.xml")):
        assert run(project, "import", source, str(FIXTURES / name), "--prefix", source)[0] == 0
    before = {p: (p.stat().st_mtime_ns, t) for p, t in _files(project).items()}
    for source, name in (("lever", "lever-postings.json"), ("personio", "personio-jobs.xml")):
        code, out, err = run(project, "import", source, str(FIXTURES / name), "--prefix", source)
        assert code == 0, err
        assert "3 unchanged" in err and "created" not in err and "updated" not in err
        code, out, _ = run(project, "import", source, str(FIXTURES / name), "--check")
        assert code == 0 and "(in sync)" in out
    after = {p: (p.stat().st_mtime_ns, t) for p, t in _files(project).items()}
    assert after == before  # not even rewritten with the same bytes


def _files(project: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in (project / "roles").glob("*.yaml")}


def test_a_changed_posting_changes_only_its_fields_and_keeps_the_teams(
    project: Path, tmp_path: Path
) -> None:
    assert run(project, "import", "lever", write(tmp_path, LEVER))[0] == 0
    files = {r["title"]: project / "roles" / r["_file"] for r in roles(project).values()}
    es = files["Ingeniera de Datos Sr."]
    team = es.read_text(encoding="utf-8").replace(
        "team: Datos\n", "team: Datos\n# the hiring manager asked for this wording\n"
    )
    team = team.replace("  country: PE\n", "  country: PE\n  postal_code: '15074'\n")
    team += (
        "headcount: 2\n"
        "lint:\n"
        "  suppress:\n"
        "  - rule: es.generic-masculine\n"
        "    reason: the ATS text, as the team published it\n"
    )
    team = team.replace("requirements:\n", "requirements:\n  intro: Lo que pedimos.\n")
    es.write_text(team, encoding="utf-8")
    before = snapshot(project)

    changed = copy.deepcopy(LEVER)
    changed[0]["text"] = "Frontend/Backend Engineer II"
    lists = changed[1]["lists"][0]
    lists["content"] = lists["content"].replace("Mantener el almacén", "Operar el almacén")
    payload = write(tmp_path, changed)

    code, out, err = run(project, "import", "lever", payload, "--check")
    assert code == 1, err
    assert "updated roles/frontend-backend-engineer.yaml" in out and "(title)" in out
    assert "updated roles/ingeniera-de-datos-sr.yaml" in out and "(responsibilities)" in out
    assert snapshot(project) == before  # --check writes nothing

    code, out, err = run(project, "import", "lever", payload)
    assert code == 0, err
    after = snapshot(project)
    assert set(after) == set(before)  # a retitled posting keeps its file and role id
    assert changed_lines(
        before["frontend-backend-engineer.yaml"], after["frontend-backend-engineer.yaml"]
    ) == [
        "-title: Frontend/Backend Engineer",
        "+title: Frontend/Backend Engineer II",
    ]
    assert changed_lines(
        before["ingeniera-de-datos-sr.yaml"], after["ingeniera-de-datos-sr.yaml"]
    ) == [
        "-- Mantener el almacén de datos",
        "+- Operar el almacén de datos",
    ]
    untouched = [
        n
        for n in before
        if n not in ("frontend-backend-engineer.yaml", "ingeniera-de-datos-sr.yaml")
    ]
    assert untouched and all(before[n] == after[n] for n in untouched)
    code, _, err = run(project, "validate")
    assert code == 0, err


def test_untouched_translations_survive_a_reimport(project: Path, tmp_path: Path) -> None:
    assert run(project, "import", "lever", write(tmp_path, LEVER))[0] == 0
    assert run(project, "i18n", "update")[0] == 0
    po = project / "locales" / "en" / "LC_MESSAGES" / "role-ingeniera-de-datos-sr.po"
    text = po.read_text(encoding="utf-8")
    source = 'msgid "Experiencia con Spark"\nmsgstr ""'
    assert source in text
    po.write_text(text.replace(source, 'msgid "Experiencia con Spark"\nmsgstr "Spark experience"'))

    changed = copy.deepcopy(LEVER)
    first = changed[1]["lists"][0]
    first["content"] = first["content"].replace("Mantener el almacén", "Operar el almacén")
    changed[1]["text"] = "Ingeniera de Datos Senior"
    assert run(project, "import", "lever", write(tmp_path, changed))[0] == 0
    assert run(project, "i18n", "update")[0] == 0
    text = po.read_text(encoding="utf-8")
    entry = text[text.index('msgid "Experiencia con Spark"') - 200 :][:400]
    assert 'msgstr "Spark experience"' in entry and "fuzzy" not in entry
    code, out, err = run(project, "render", "ingeniera-de-datos-sr", "-l", "en")
    assert code == 0, err
    assert "Spark experience" in out and "Ingeniera de Datos Senior" in out


def test_a_closed_posting_is_reported_and_removed_only_with_prune(
    project: Path, tmp_path: Path
) -> None:
    assert run(project, "import", "lever", write(tmp_path, LEVER))[0] == 0
    closed = roles(project)["zh"]["_file"]
    fewer = write(tmp_path, LEVER[:2], "fewer.json")
    code, out, err = run(project, "import", "lever", fewer)
    assert code == 0
    assert f"closed roles/{closed}" in out and "--prune" in out
    assert (project / "roles" / closed).exists()
    code, out, _ = run(project, "import", "lever", fewer, "--check")
    assert code == 1 and f"closed roles/{closed}" in out
    code, out, err = run(project, "import", "lever", fewer, "--prune")
    assert code == 0, err
    assert f"removed roles/{closed}" in out
    assert not (project / "roles" / closed).exists()
    assert sorted(roles(project)) == ["en", "es"]


def test_prune_refuses_to_empty_a_board_from_an_empty_payload(
    project: Path, tmp_path: Path
) -> None:
    assert run(project, "import", "lever", write(tmp_path, LEVER))[0] == 0
    code, _, err = run(project, "import", "lever", write(tmp_path, [], "empty.json"), "--prune")
    assert code == 1
    assert "no postings" in err and "remove all 3" in err
    assert len(roles(project)) == 3


def test_another_sources_roles_are_not_closed_by_an_import(project: Path, tmp_path: Path) -> None:
    assert (
        run(project, "import", "personio", str(FIXTURES / "personio-jobs.xml"), "--prefix", "p-")[0]
        == 0
    )
    code, out, _ = run(project, "import", "lever", write(tmp_path, LEVER), "--prune")
    assert code == 0 and "closed" not in out and "removed" not in out
    assert len(list((project / "roles").glob("p-*.yaml"))) == 3


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_the_payload_comes_from_a_file_or_standard_input(project: Path, how: str) -> None:
    data = (FIXTURES / "teamtailor-jobs.rss").read_bytes()
    args = ["import", "teamtailor"] + (
        [str(FIXTURES / "teamtailor-jobs.rss")] if how == "file" else ["-"]
    )
    code, _, err = run(project, *args, stdin=data if how == "stdin" else None)
    assert code == 0, err
    assert len(roles(project)) == 3
