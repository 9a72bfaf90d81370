"""Loading roles: any YAML loads or gives positioned errors; unsafe input is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdgen.errors import InvalidInputError, JdgenError
from jdgen.project.config import find_project
from jdgen.project.load import parse_yaml
from jdgen.project.resolve import RoleIndex

from .conftest import Builder


def problems_of(root: Path, name: str) -> list[str]:
    index = RoleIndex.of(find_project(root))
    return [str(p) for p in index.check(root / "roles" / f"{name}.yaml")]


def test_valid_role_loads(build_tree: Builder) -> None:
    root = build_tree(
        {
            "roles/a.yaml": """
        title: Data Engineer
        locations: [Madrid, {city: Lima, country: pe}]
        salary: {min: 28000, max: 60000, currency: EUR, period: year}
        headcount: unspecified
        experience: [{level: Senior, years: 5-8}, {level: Staff, years: 8+}]
        responsibilities:
          - Build pipelines
          - title: Platform
            items: [Own the platform]
    """
        }
    )
    role = RoleIndex.of(find_project(root)).resolve("a").role
    assert role.id == "a"
    assert role.language == "en"
    assert role.locations[1].country == "PE"
    assert role.salary is not None and role.salary.max == 60000
    assert role.headcount == "unspecified"
    assert role.experience[1].years.max is None
    assert [g.title for g in role.responsibilities] == [None, "Platform"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: [unclosed\n", "roles/r.yaml:2:1: invalid YAML"),
        ("", "roles/r.yaml:1:1: the file is empty"),
        ("- title: x\n", "roles/r.yaml:1:1: expected a mapping, got a list"),
        (
            "title: X\nresponsibilites: [a]\n",
            'roles/r.yaml:2:1: responsibilites: unknown field "responsibilites" '
            '(did you mean "responsibilities"?)',
        ),
        (
            "title: X\nsalary: {min: 1, currency: RMB, period: month}\n",
            'roles/r.yaml:2:28: salary.currency: expected an ISO 4217 code, got "RMB" (use CNY)',
        ),
        (
            "title: X\nsalary: {min: 60000, max: 28000, currency: EUR, period: year}\n",
            "roles/r.yaml:2:15: salary.min: the minimum (60000) is above the maximum (28000)",
        ),
        ("title: X\nheadcount: [1]\n", "roles/r.yaml:2:12: headcount: expected a whole number"),
        ("title: X\nposted: 2026-13-01\n", "roles/r.yaml:2:9: posted: expected a date"),
        (
            "title: !!python/object:os.system x\n",
            "roles/r.yaml:1:8: the YAML tag !!python/object:os.system is not allowed",
        ),
        ("title: X\ntitle: Y\n", "roles/r.yaml:2:1: title: duplicate key"),
        ("id: ../x\ntitle: X\n", 'roles/r.yaml:1:5: id: id "../x" differs from the file name'),
        ("title: X\nextends: nope\n", 'roles/r.yaml:2:10: extends: extends an unknown role "nope"'),
        (
            "title: X\nsummary: '[x](javascript:alert(1))'\n",
            "roles/r.yaml:2:10: summary: links may not use the javascript: scheme",
        ),
        (
            "title: X\napply: {url: 'javascript:alert(1)'}\n",
            "roles/r.yaml:2:14: apply.url: links may not use the javascript: scheme",
        ),
    ],
)
def test_bad_input_is_reported_where_it_is(build_tree: Builder, text: str, expected: str) -> None:
    root = build_tree({"roles/r.yaml": text})
    found = problems_of(root, "r")
    assert any(p.startswith(expected) for p in found), found


def test_every_problem_is_reported_in_one_run(build_tree: Builder) -> None:
    root = build_tree(
        {
            "roles/r.yaml": """
        title: X
        employment_type: fulltme
        headcount: many
        salary: {min: 1, currency: usd, period: monthly}
    """
        }
    )
    found = problems_of(root, "r")
    assert len(found) == 3, found
    assert any('did you mean "full-time"' in p for p in found)
    assert any("write USD" in p for p in found)


def test_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefg"):
        prev = "abcdefg"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(InvalidInputError, match="expands to more than"):
        parse_yaml("\n".join(lines) + "\n", "bomb.yaml")


def test_python_tags_are_never_constructed() -> None:
    for tag in (
        "!!python/object/apply:os.system ['true']",
        "!!python/name:os.system ''",
        "!custom x",
    ):
        with pytest.raises(InvalidInputError, match="is not allowed"):
            parse_yaml(f"title: {tag}\n", "r.yaml")


def test_norway_problem_is_avoided(build_tree: Builder) -> None:
    root = build_tree({"roles/r.yaml": "title: yes\nlocations: [{city: Oslo, country: NO}]\n"})
    role = RoleIndex.of(find_project(root)).resolve("r").role
    assert role.title == "yes"
    assert role.locations[0].country == "NO"


def test_family_values_keep_their_own_position(build_tree: Builder) -> None:
    root = build_tree(
        {
            "roles/fam.yaml": "abstract: true\ntitle: F\n"
            "salary: {min: 1, currency: XX1, period: year}\n",
            "roles/child.yaml": "extends: fam\ntitle: C\n",
        }
    )
    found = problems_of(root, "child")
    assert any(p.startswith("roles/fam.yaml:3:") for p in found), found


def test_extends_merges_mappings_and_replaces_lists(build_tree: Builder) -> None:
    root = build_tree(
        {
            "roles/fam.yaml": """
            abstract: true
            title: Family
            employment_type: full-time
            salary: {min: 1000, max: 2000, currency: EUR, period: month}
            benefits: [A, B]
        """,
            "roles/child.yaml": "extends: fam\ntitle: Child\nsalary: {max: 3000}\nbenefits: [C]\n",
        }
    )
    role = RoleIndex.of(find_project(root)).resolve("child").role
    assert role.title == "Child"
    assert role.employment_type == "full-time"
    assert role.salary is not None and (role.salary.min, role.salary.max) == (1000, 3000)
    assert [g.items for g in role.benefits] == [("C",)]
    assert not role.abstract


def test_extends_cycle_is_reported(build_tree: Builder) -> None:
    root = build_tree(
        {"roles/a.yaml": "extends: b\ntitle: A\n", "roles/b.yaml": "extends: a\ntitle: B\n"}
    )
    assert any("extends itself" in p for p in problems_of(root, "a"))


def test_family_is_not_rendered_alone(build_tree: Builder) -> None:
    root = build_tree({"roles/fam.yaml": "abstract: true\ntitle: F\n"})
    assert problems_of(root, "fam") == []
    with pytest.raises(JdgenError, match="role family"):
        RoleIndex.of(find_project(root)).resolve("fam")


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
def test_any_text_loads_or_gives_positioned_errors(build_tree: Builder, text: str) -> None:
    root = build_tree({})
    (root / "roles").mkdir(exist_ok=True)
    (root / "roles" / "r.yaml").write_text(text, encoding="utf-8")
    index = RoleIndex.of(find_project(root))
    try:
        index.resolve("r")
    except JdgenError as exc:
        assert exc.problems
        assert all(
            p.position is not None and p.position.path == "roles/r.yaml" for p in exc.problems
        )


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10**6),
    st.text(max_size=20),
    st.sampled_from(["3-5", "8+", "EUR", "2026-02-01", "month", "full-time"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "min",
                    "max",
                    "currency",
                    "period",
                    "title",
                    "items",
                    "city",
                    "level",
                    "years",
                    "x",
                ]
            ),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=12,
)
_roles = st.dictionaries(
    st.sampled_from(
        [
            "title",
            "salary",
            "locations",
            "headcount",
            "responsibilities",
            "requirements",
            "experience",
            "benefits",
            "process",
            "apply",
            "posted",
            "summary",
            "employment_type",
            "titel",
        ]
    ),
    _values,
    max_size=8,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_roles)
def test_any_role_shaped_mapping_validates_or_gives_positioned_errors(
    build_tree: Builder, data: dict[str, object]
) -> None:
    import yaml

    root = build_tree({})
    (root / "roles").mkdir(exist_ok=True)
    (root / "roles" / "r.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    try:
        RoleIndex.of(find_project(root)).resolve("r")
    except JdgenError as exc:
        assert all(p.position is not None and p.position.line >= 1 for p in exc.problems)


def test_duplicate_ids_are_reported_and_hidden_files_ignored(build_tree: Builder) -> None:
    root = build_tree(
        {
            "roles/a.yaml": "title: A\n",
            "roles/more/a.yaml": "title: B\n",
            "roles/.hidden/a.yaml": "title: C\n",
            "roles/.b.yaml": "title: D\n",
        }
    )
    index = RoleIndex.of(find_project(root))
    assert sorted(index.files) == ["a"]
    found = [str(p) for p in index.file_problems()]
    assert found == [
        'roles/more/a.yaml:1:1: role id "a" is also used by roles/a.yaml:1:1 '
        "(role ids come from file names and must be unique; rename one)"
    ]


def test_special_files_and_links_out_of_the_project_are_refused(
    build_tree: Builder, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A FIFO would hang validate and build (and CI with them); a link could make jdgen
    read, and print in an error, a file from outside the project."""
    import os

    from click.testing import CliRunner

    from jdgen import cli

    secret = tmp_path_factory.mktemp("elsewhere") / "secret.yaml"
    secret.write_text("title: TOP-SECRET-CONTENT\n", encoding="utf-8")
    root = build_tree(
        {
            "jdgen.yaml": "base_url: https://jobs.example.org/\n",
            "roles/a.yaml": "title: A\n",
            "shared/b.yaml": "title: B\n",
        }
    )
    os.mkfifo(root / "roles/pipe.yaml")
    os.symlink(secret, root / "roles/leak.yaml")
    os.symlink(root / "shared/b.yaml", root / "roles/b.yaml")  # inside the project: fine
    os.symlink(root / "nowhere.yaml", root / "roles/dangling.yaml")
    index = RoleIndex.of(find_project(root))
    assert sorted(index.files) == ["a", "b"]
    found = [str(p) for p in index.file_problems()]
    assert any(p.startswith("roles/pipe.yaml: is not a regular file") for p in found), found
    assert any(p.startswith("roles/leak.yaml: is a link to a file outside") for p in found), found
    assert any(p.startswith("roles/dangling.yaml: cannot be read") for p in found)
    for args in (["validate"], ["build", "--out", "site"], ["lint"]):
        result = CliRunner().invoke(cli.main, args)  # returns: nothing waits on the FIFO
        assert result.exit_code == 1, (args, result.output)
        assert "TOP-SECRET" not in result.output
    result = CliRunner().invoke(cli.main, ["render", "roles/pipe.yaml"])
    assert result.exit_code == 1
    assert "is not a regular file" in result.stderr
