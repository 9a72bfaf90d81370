"""A new careers team: init, new, the JSON Schema, the generated reference."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from jdgen import cli
from jdgen.authoring.scaffold import NewRole, init_project, new_role
from jdgen.errors import InvalidInputError, NotFoundError, UsageError
from jdgen.i18n.status import status
from jdgen.lint.validate import validate
from jdgen.project.config import find_project
from jdgen.project.reference import markdown_reference, role_schema, schema_text
from jdgen.site.build import build_site

from .conftest import REPO

TODAY = dt.date(2026, 11, 22)


class _EditorLoader(yaml.SafeLoader):
    """YAML as editors' language servers read it (1.2: a date is a string)."""


_EditorLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def editor_load(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)


def test_init_makes_a_project_that_validates_builds_and_is_translated(tmp_path: Path) -> None:
    root = tmp_path / "careers"
    created = init_project(root, locales=["es", "zh", "en"], organization="Acme", today=TODAY)
    for name in (
        "jdgen.yaml",
        "roles/data-analyst.yaml",
        "role.schema.json",
        "templates/README.md",
        ".github/workflows/careers-site.yml",
        ".gitignore",
        "locales/zh/LC_MESSAGES/role-data-analyst.po",
    ):
        assert name in created
        assert (root / name).is_file()
    project = find_project(root)
    report = validate(project)
    assert report.problems == []
    assert all(row.percent == 100 for row in status(project))
    build = build_site(project)
    assert build.rendered == 1 and build.expired == []
    role = (root / "roles/data-analyst.yaml").read_text(encoding="utf-8")
    assert role.startswith("# yaml-language-server: $schema=../role.schema.json\n")
    assert "title: Analista de datos" in role  # written in the default locale, es
    assert "override" in (root / "templates/README.md").read_text(encoding="utf-8")


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "jdgen.yaml").write_text("locales: [en]\n")
    with pytest.raises(InvalidInputError, match="never overwrites"):
        init_project(tmp_path, today=TODAY)
    assert (tmp_path / "jdgen.yaml").read_text() == "locales: [en]\n"
    assert not (tmp_path / "roles").exists()


def test_new_writes_a_role_that_validates(tmp_path: Path) -> None:
    init_project(tmp_path, locales=["en"], today=TODAY)
    project = find_project(tmp_path)
    path = new_role(
        project,
        NewRole(
            "ml-engineer",
            "ML Engineer",
            locations=["Madrid", "Lima"],
            salary_min=None,
            salary_max=None,
        ),
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../role.schema.json\n")
    assert "- Lima" in text
    day = dt.datetime.now(dt.UTC).date().isoformat()  # no fixed date: the calendar's
    assert f"posted: '{day}'" in text or f"posted: {day}" in text
    assert "today:" not in (tmp_path / "jdgen.yaml").read_text(encoding="utf-8")
    assert validate(project).errors == []
    with pytest.raises(InvalidInputError, match="already exists"):
        new_role(project, NewRole("ml-engineer", "Again"))
    with pytest.raises(UsageError, match="is not a role id"):
        new_role(project, NewRole("../x", "X"))
    with pytest.raises(NotFoundError, match='did you mean "data-analyst"'):
        new_role(project, NewRole("y", "Y", extends="data-analist"))
    with pytest.raises(InvalidInputError, match="ISO 4217"):
        new_role(project, NewRole("z", "Z", salary_max=Decimal(5), currency="RMB"))
    assert not (tmp_path / "roles/z.yaml").exists()  # an invalid role is not left behind


def test_schema_is_draft_2020_12_and_matches_the_loader(tmp_path: Path) -> None:
    schema = role_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((REPO / "roles").rglob("*.yaml")):
        errors = [e.message for e in validator.iter_errors(editor_load(path))]
        assert errors == [], path
    typo = list(validator.iter_errors({"title": "X", "responsibilites": ["a"]}))
    assert "'responsibilites' was unexpected" in typo[0].message
    assert list(validator.iter_errors({"title": "X", "salary": {"currency": "EUR"}}))
    assert not list(validator.iter_errors({"abstract": True}))  # a family needs no title


def test_committed_schema_and_reference_are_current() -> None:
    assert (REPO / "role.schema.json").read_text(encoding="utf-8") == schema_text(), (
        "run: jdgen schema > role.schema.json"
    )
    assert (REPO / "docs/reference.md").read_text(encoding="utf-8") == markdown_reference(), (
        "run: python -m jdgen.project.reference > docs/reference.md"
    )


def test_skeleton_workflow_is_the_published_example() -> None:
    skeleton = (REPO / "jdgen/authoring/skeleton/careers-site.yml").read_text(encoding="utf-8")
    assert skeleton == (REPO / "examples/ci/careers-site.yml").read_text(encoding="utf-8")
    steps = yaml.safe_load(skeleton)["jobs"]["build"]["steps"]
    commands = " ".join(str(s.get("run", "")) for s in steps)
    for needed in ("jdgen validate", "jdgen i18n check", "jdgen build"):
        assert needed in commands


def test_cli_init_new_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(
        cli.main,
        [
            "init",
            "careers",
            "--locale",
            "en",
            "--locale",
            "es",
            "--org",
            "Acme",
            "--today",
            "2026-11-22",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "created careers/roles/data-analyst.yaml" in result.stdout
    again = runner.invoke(cli.main, ["init", "careers"])
    assert again.exit_code == 1
    assert "never overwrites" in again.stderr
    monkeypatch.chdir(tmp_path / "careers")
    made = runner.invoke(
        cli.main,
        [
            "new",
            "designer",
            "--title",
            "Product Designer",
            "--location",
            "Madrid, Spain",
            "--salary-min",
            "40000",
            "--salary-max",
            "55000",
            "--currency",
            "EUR",
        ],
    )
    assert made.exit_code == 0, made.output
    assert "salary:" in (tmp_path / "careers/roles/designer.yaml").read_text(encoding="utf-8")
    typed = "Technical Writer\nLima\nPeru\n\n\n\n\n\n"
    prompted = runner.invoke(cli.main, ["new", "writer", "--interactive"], input=typed)
    assert prompted.exit_code == 0, prompted.output
    written = yaml.safe_load((tmp_path / "careers/roles/writer.yaml").read_text("utf-8"))
    assert written["title"] == "Technical Writer"
    assert written["locations"] == [{"city": "Lima", "country": "PE"}]  # the country asked
    assert written["headcount"] == 1 and written["valid_through"]
    scripted = runner.invoke(cli.main, ["new", "editor"])  # no terminal, no --title
    assert scripted.exit_code == 2
    assert "--title" in scripted.stderr
    schema = runner.invoke(cli.main, ["schema"])
    assert json.loads(schema.stdout)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_workflow_works_as_written_once_its_one_placeholder_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every jdgen command of the workflow passes in a project fresh from `jdgen init`, and
    the install line needs only JDGEN, the one marked placeholder (not `pip install jdgen`,
    which has no release yet)."""
    import shlex

    text = (REPO / "jdgen/authoring/skeleton/careers-site.yml").read_text(encoding="utf-8")
    assert text.count("REPLACE-ME") == 2  # the value and the comment beside it
    workflow = yaml.safe_load(text)
    assert "REPLACE-ME" in workflow["env"]["JDGEN"]
    assert workflow["env"]["JDGEN"].startswith("jdgen @ git+https://")
    lines = [
        line.strip()
        for step in workflow["jobs"]["build"]["steps"]
        for line in str(step.get("run", "")).splitlines()
        if line.strip()
    ]
    assert 'python -m pip install "$JDGEN"' in lines
    assert not any(line.endswith("pip install jdgen") for line in lines)
    jdgen_lines = [shlex.split(line)[1:] for line in lines if line.startswith("jdgen ")]
    assert len(jdgen_lines) >= 5
    init_project(tmp_path / "careers", locales=["es", "en"], organization="Acme")
    monkeypatch.chdir(tmp_path / "careers")
    for args in jdgen_lines:
        result = CliRunner().invoke(cli.main, args)
        assert result.exit_code == 0, (args, result.output)
