"""A batch of roles across jurisdictions, written before the laws were corrected (issue
27): every law that covers a role is found, and no clean role is flagged. On the first 32
roles the laws as they were missed 25 of the 29 findings due and flagged 7 clean roles
(jdgen/lint/rules/laws/README.md); this test holds the whole batch at zero."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from jdgen.lint.engine import lint_paths
from jdgen.project.config import find_project

from .conftest import Builder

BATCH = Path(__file__).resolve().parent / "laws_batch.yaml"
EXTRA = {
    "benefits": "benefits: [Health insurance, 25 days of paid leave]",
    "valid_through": "valid_through: 2027-12-31",
    "apply": "apply: {url: 'https://jobs.example/apply'}",
    "headcount": "headcount: 2",
    "ai_screening": "ai_screening: false",
    "vacancy": "vacancy: existing",
}


def cases() -> list[dict[str, Any]]:
    return list(yaml.safe_load(BATCH.read_text(encoding="utf-8")))


def role_text(case: dict[str, Any]) -> str:
    body = case["role"]
    lines = [] if "title:" in body else ["title: Data Engineer"]
    lines += ["organization: Acme", f"posted: {case.get('posted', '2026-11-01')}"]
    lines += [text for key, text in EXTRA.items() if key not in case.get("omit", ())]
    return body + "\n".join(lines) + "\n"


def flagged(root: Path, case: dict[str, Any]) -> set[str]:
    """The laws (their ids) that give the role an error or a warning."""
    report = lint_paths(find_project(root), locales=["en"])
    assert report.problems == [], list(report.problems)
    return {
        f.rule.id.removeprefix("comp.")
        for f in report.findings
        if f.rule.category == "pay-transparency" and f.severity in ("error", "warning")
    }


@pytest.mark.parametrize("case", cases(), ids=lambda c: str(c["name"]))
def test_the_batch_finds_every_covered_role_and_flags_no_clean_one(
    build_tree: Builder, case: dict[str, Any]
) -> None:
    size = case.get("employees")
    config = "locales: [en]\ntoday: 2026-12-02\n"
    if size is not None:
        config += f"organization: {{name: Acme, employees: {size}}}\n"
    root = build_tree({"jdgen.yaml": config, "roles/r.yaml": role_text(case)})
    found = flagged(root, case)
    expected = set(case["expect"])
    assert found == expected, {"missed": expected - found, "false flags": found - expected}
