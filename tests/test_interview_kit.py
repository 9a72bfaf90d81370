"""The interview kit: focus attributes per step, a scorecard, and the lint check that every
must-have is assessed (Greenhouse's rule: at least one interview, ideally two)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen import cli
from jdgen.foundation.vocabulary import INTERNAL_KINDS, PUBLISHABLE_KINDS
from jdgen.lint.engine import lint_paths
from jdgen.project.config import find_project
from jdgen.project.interview import interview_kit
from jdgen.rendering.renderer import Renderer

from .conftest import Builder

CONFIG = "locales: [en, es, zh]\ntoday: 2026-03-01\norganization: {name: Acme}\n"
ROLE = """\
title: Data Engineer
posted: 2026-02-01
locations: [{city: Lima, country: PE}]
requirements:
  must_have:
    - SQL at depth
    - items: [Python in production, Clear written English]
      title: Languages
    - Owning a data pipeline end to end
hiring:
  steps:
    - title: Screen
      assesses: ["sql   AT depth", Curiosity]
      questions:
        - question: Which query did you last tune?
          good_answer: a plan read before and after
    - title: Pairing
      duration_minutes: 90
      assesses: [SQL at depth, Python in production]
    - title: Team chat
      assesses: [curiosity]
"""


def _project(build_tree: Builder, role: str = ROLE) -> Path:
    return build_tree({"jdgen.yaml": CONFIG, "roles/data.yaml": role})


def test_attributes_come_from_must_haves_and_steps(build_tree: Builder) -> None:
    root = _project(build_tree)
    role = Renderer(find_project(root)).index.resolve("data").role
    kit = interview_kit(role)
    got = [(a.text, a.must_have, a.steps) for a in kit.attributes]
    assert got == [
        ("SQL at depth", True, (1, 2)),  # named with other case and spacing
        ("Python in production", True, (2,)),
        ("Clear written English", True, ()),
        ("Owning a data pipeline end to end", True, ()),
        ("Curiosity", False, (1, 3)),  # an attribute of the step's own
    ]
    assert kit.step_attributes == (
        ("SQL at depth", "Curiosity"),
        ("SQL at depth", "Python in production"),
        ("Curiosity",),
    )


def test_lint_warns_on_unassessed_and_notes_assessed_once(build_tree: Builder) -> None:
    root = _project(build_tree)
    report = lint_paths(find_project(root), locales=["en"])
    kit = sorted(
        (f.rule.id, f.severity, f.field, f.position.line if f.position else 0)
        for f in report.findings
        if f.rule.id.startswith("kit.")
    )
    assert kit == [
        ("kit.assessed-once", "info", "requirements.must_have[1].items[0]", 7),
        ("kit.unassessed", "warning", "requirements.must_have[1].items[1]", 7),
        ("kit.unassessed", "warning", "requirements.must_have[2].items[0]", 9),
    ]
    messages = " ".join(f.message for f in report.findings if f.rule.id.startswith("kit."))
    assert '"Clear written English"' in messages and 'step "Pairing"' in messages


def test_no_steps_or_no_must_haves_is_nothing_to_check(build_tree: Builder) -> None:
    no_steps = ROLE.split("hiring:")[0] + "hiring:\n  intro: We hire carefully.\n"
    no_must = "title: Data Engineer\nposted: 2026-02-01\nlocations: [Lima]\n" + (
        "hiring:" + ROLE.split("hiring:")[1]
    )
    for role in (no_steps, no_must):
        root = build_tree({"jdgen.yaml": CONFIG, "roles/data.yaml": role})
        report = lint_paths(find_project(root), locales=["en"])
        assert not [f for f in report.findings if f.rule.id.startswith("kit.")]


def test_a_suppression_with_a_reason_silences_it(build_tree: Builder) -> None:
    role = ROLE + "apply: {email: jobs@example.com}\n"  # clean but for the kit
    role += "lint:\n  suppress:\n    - {rule: kit.unassessed, reason: rated elsewhere}\n"
    root = build_tree({"jdgen.yaml": CONFIG, "roles/data.yaml": role})
    report = lint_paths(find_project(root), locales=["en"])
    assert report.failing("warning") == []


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en", ["Does not meet", "Far exceeds", "Overall recommendation", "A good answer shows"]),
        ("es", ["No cumple", "Supera ampliamente", "Recomendación general", "Hoja de evaluación"]),
        ("zh", ["不符合", "远超", "综合建议", "评分表", "第2步：Pairing"]),
    ],
)
def test_the_kit_and_its_scorecard_in_each_locale(
    build_tree: Builder, locale: str, words: list[str]
) -> None:
    root = _project(build_tree)
    text = Renderer(find_project(root)).render("data", locale, "interview-kit").text
    for word in words:
        assert word in text
    # Every attribute is on the scorecard with four ratings to mark, unassessed ones too.
    rows = [line for line in text.splitlines() if line.count("○") == 4]
    assert len(rows) == 5 + 1  # five attributes, and the overall recommendation
    assert any("Owning a data pipeline" in row for row in rows)
    # Room to write: a table whose only body cell is empty.
    assert "|  |" in text


def test_the_kit_is_never_published(build_tree: Builder) -> None:
    assert "interview-kit" in INTERNAL_KINDS
    assert "interview-kit" not in PUBLISHABLE_KINDS
    root = build_tree(
        {
            "jdgen.yaml": CONFIG + "publish: [posting, interview-kit]\n",
            "roles/data.yaml": ROLE,
        }
    )
    result = CliRunner().invoke(cli.main, ["--project", str(root), "build", "--out", "site"])
    assert result.exit_code == 1
    assert "jdgen.yaml:4:" in result.output and "interview-kit" in result.output


def test_a_guide_without_steps_has_no_kit_and_says_why(build_tree: Builder) -> None:
    role = ROLE.split("hiring:")[0] + "hiring:\n  look_for: [SQL]\n"
    root = build_tree({"jdgen.yaml": CONFIG, "roles/data.yaml": role})
    result = CliRunner().invoke(
        cli.main, ["--project", str(root), "render", "data", "-k", "interview-kit"]
    )
    assert result.exit_code == 1
    assert "has no interview steps (hiring.steps)" in result.output
    assert "hiring-guide" in result.output  # the kinds it has
