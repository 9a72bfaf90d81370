"""Lint: every rule fires where it should and nowhere else; laws by where the job is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jdgen import cli
from jdgen.lint.engine import lint_paths
from jdgen.lint.laws import laws
from jdgen.lint.rules import all_rule_ids
from jdgen.lint.wording import lint_text, scan
from jdgen.project.config import find_project

from .conftest import Builder

CASES: dict[str, dict[str, list[str]]] = yaml.safe_load(
    (Path(__file__).parent / "lint_cases.yaml").read_text(encoding="utf-8")
)
WORD_RULES = sorted(CASES)


def fired(text: str, language: str, style: str = "slash") -> set[str]:
    return {hit.rule.id for hit in scan(text, language, style)}


@pytest.mark.parametrize("rule_id", WORD_RULES)
def test_every_word_rule_fires(rule_id: str) -> None:
    language = rule_id.split(".")[0]
    for text in CASES[rule_id]["fires"]:
        assert rule_id in fired(text, language), text


@pytest.mark.parametrize("rule_id", WORD_RULES)
def test_every_word_rule_stays_quiet_where_it_should(rule_id: str) -> None:
    language = rule_id.split(".")[0]
    for text in CASES[rule_id]["clean"] + CASES[rule_id].get("negated", []):
        assert rule_id not in fired(text, language), text


def test_every_rule_has_cases() -> None:
    word_rules = {r for r in all_rule_ids() if not r.startswith(("comp.", "hyg."))}
    assert word_rules == set(CASES)
    data_rules = {r for r in all_rule_ids() if r.startswith(("comp.", "hyg."))}
    law_rules = {f"comp.{law.id}" for law in laws()}  # tests/test_laws.py
    assert data_rules - law_rules == set(ROLE_CASES)


def test_spanish_style_is_the_projects() -> None:
    assert "es.generic-masculine" not in fired("Candidatos y candidatas", "es", "doubled")
    hits = scan("Buscamos un ingeniero.", "es", "doubled")
    assert 'escribe "ingenieros y ingenieras"' in hits[0].message
    assert 'escribe "la persona ingeniera"' in scan("un ingeniero", "es", "neutral")[0].message


def test_parity_with_joblint_on_its_example_posting() -> None:
    text = (Path(__file__).parent / "fixtures/oh-dear.txt").read_text(encoding="utf-8")
    findings = lint_text(text, "en", "oh-dear.txt")
    categories = {f.rule.id for f in findings}
    # What joblint flags on its own example: gender, bro culture, sexualized terms,
    # profanity, jargon titles, hollow benefits, meritocracy.
    for rule_id in (
        "en.gendered-word",
        "en.gendered-pronoun",
        "en.bro-culture",
        "en.sexualized",
        "en.profanity",
        "en.jargon-title",
        "en.hollow-benefits",
        "en.meritocracy",
        "en.origin",
        "en.age-coded",
        "en.cliche",
        "en.coded-balance",
    ):
        assert rule_id in categories, rule_id
    first = next(f for f in findings if f.rule.id == "en.jargon-title")
    assert first.line().startswith("oh-dear.txt:1:9: warning en.jargon-title: ")


BASE = "title: Data Engineer\nposted: 2026-02-01\norganization: Acme\n"


def _ladder(marks: str, focus: tuple[str, str]) -> str:
    return (
        BASE + "locations: [Lima]\nskills:\n  levels:\n"
        f"    - {{code: Mid, name: Middle, focus: {focus[0]}}}\n"
        f"    - {{code: Sen, name: Senior, focus: {focus[1]}}}\n"
        "  legend: [{mark: A, meaning: Aware}, {mark: W, meaning: Working}]\n"
        f"  domains: [{{name: Data, skills: [{{name: SQL, levels: {marks}}}]}}]\n"
    )


ROLE_CASES: dict[str, tuple[str, str]] = {
    "hyg.no-apply": (
        BASE + "locations: [Lima]\napply: {instructions: Send us your CV.}\n",
        BASE + "locations: [Lima]\napply: {contacts: [{label: CV, email: jobs@example.com}]}\n",
    ),
    "hyg.level-repeats": (
        _ladder('"A W"', ("Builds pipelines.", "Builds  pipelines.")),
        _ladder('"A W"', ("Builds pipelines.", "Designs pipelines.")),
    ),
    "hyg.skill-goes-down": (
        _ladder('"W A"', ("Builds pipelines.", "Designs pipelines.")),
        _ladder('"A W"', ("Builds pipelines.", "Designs pipelines.")),
    ),
    # rule: (a role that breaks it, a role that does not)
    "comp.implausible-pay": (
        BASE + "locations: [{city: Madrid, country: ES}]\n"
        "salary: {min: 45, max: 60, currency: EUR, period: year}\n",
        BASE + "locations: [{city: Madrid, country: ES}]\n"
        "salary: {min: 45000, max: 60000, currency: EUR, period: year}\n",
    ),
    "hyg.structured-data": (
        "title: Data Engineer\nlocations: [Lima]\n",
        BASE + "locations: [Lima]\n",
    ),
    "hyg.expired": (
        BASE + "locations: [Lima]\nvalid_through: 2026-01-31\n",
        BASE + "locations: [Lima]\nvalid_through: 2026-12-31\n",
    ),
    "hyg.title-length": (
        "title: " + "Senior " * 14 + "Engineer\nposted: 2026-02-01\n"
        "organization: A\nlocations: [Lima]\n",
        BASE + "locations: [Lima]\n",
    ),
    "hyg.title-extras": (
        "title: Data Engineer Lima 80K\nposted: 2026-02-01\norganization: A\nlocations: [Lima]\n",
        BASE + "locations: [Lima]\n",
    ),
    "hyg.count-mismatch": (
        BASE + "locations: [Lima, Quito]\nsummary: We have 3 offices.\n",
        BASE + "locations: [Lima, Quito]\nsummary: We have 2 offices.\n",
    ),
}


@pytest.mark.parametrize("rule_id", sorted(ROLE_CASES))
def test_every_data_check_fires_and_stays_quiet(build_tree: Builder, rule_id: str) -> None:
    bad, good = ROLE_CASES[rule_id]
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\ntoday: 2026-03-01\n",
            "roles/bad.yaml": bad,
            "roles/good.yaml": good,
        }
    )
    report = lint_paths(find_project(root), locales=["en"])
    assert report.problems == []
    by_role = {(f.position.path if f.position else "", f.rule.id) for f in report.findings}
    assert ("roles/bad.yaml", rule_id) in by_role
    assert ("roles/good.yaml", rule_id) not in by_role


PO_ES = (
    'msgid ""\nmsgstr ""\n\nmsgctxt "r:summary"\n'
    'msgid "Join our rockstar team."\nmsgstr "Únete a un ingeniero ninja."\n'
)


def test_role_findings_name_the_locale_field_and_line(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en, es]\ntoday: 2026-03-01\norganization: {name: A}\n",
            "roles/r.yaml": "title: Data Engineer\nposted: 2026-02-01\nlocations: [Lima]\n"
            "summary: Join our rockstar team.\n",
            "locales/es/LC_MESSAGES/role-r.po": PO_ES,
        }
    )
    lines = [f.line() for f in lint_paths(find_project(root)).findings]
    assert any(
        line.startswith("roles/r.yaml:4:19: warning en.jargon-title: [en] [summary]")
        for line in lines
    ), lines
    assert any("es.jargon-title: [es] [summary]" in line for line in lines), lines
    assert any("es.generic-masculine: [es] [summary]" in line for line in lines), lines


def test_suppressions_need_a_reason_and_are_listed(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\ntoday: 2026-03-01\n",
            "roles/r.yaml": BASE + "locations: [Lima]\nsummary: Our Python ninja tooling.\n"
            "lint:\n  suppress:\n    - rule: en.jargon-title\n"
            "      reason: Ninja is the name of our build tool.\n",
            "roles/s.yaml": BASE + "lint: {suppress: [{rule: en.jargon-title}]}\n",
        }
    )
    report = lint_paths(find_project(root), [root / "roles/r.yaml"])
    jargon = [f for f in report.findings if f.rule.id == "en.jargon-title"]
    assert jargon and jargon[0].suppressed == "Ninja is the name of our build tool."
    assert report.failing("warning") == [
        f for f in report.findings if f.severity != "info" and not f.suppressed
    ]
    broken = lint_paths(find_project(root), [root / "roles/s.yaml"])
    assert any("lint.suppress[0].reason: missing required field" in str(p) for p in broken.problems)


def test_the_repositorys_roles_lint_clean(in_repo: Path) -> None:
    report = lint_paths(find_project(in_repo))
    assert report.problems == []
    assert report.failing("warning") == []


def test_cli_formats_and_exit_codes(build_tree: Builder) -> None:
    build_tree(
        {
            "posting.txt": "We want a rockstar.\nMen only.\n",
            "roles/r.yaml": BASE + "locations: [Lima]\n",
        }
    )
    runner = CliRunner()
    text = runner.invoke(cli.main, ["lint", "posting.txt", "--locale", "en"])
    assert text.exit_code == 1
    assert "posting.txt:2:1: error en.gender-requirement:" in text.stdout
    assert "1 error(s), 1 warning(s)" in text.stdout
    warn = runner.invoke(cli.main, ["lint", "posting.txt", "-l", "en", "--fail-on", "warning"])
    assert warn.exit_code == 1
    github = runner.invoke(cli.main, ["lint", "posting.txt", "-l", "en", "--format", "github"])
    assert "::error file=posting.txt,line=2,col=1,title=en.gender-requirement::" in github.stdout
    data = json.loads(
        runner.invoke(
            cli.main, ["lint", "-", "-l", "zh", "--format", "json"], input="限男性\n"
        ).stdout
    )
    assert data["findings"][0]["rule"] == "zh.gender"
    assert data["findings"][0]["source"].startswith("《中华人民共和国就业促进法》")
    assert runner.invoke(cli.main, ["lint", "posting.txt"]).exit_code == 2  # no --locale
    assert runner.invoke(cli.main, ["lint"]).exit_code == 0


def test_rules_doc_is_current() -> None:
    from jdgen.lint.engine import rules_markdown

    from .conftest import REPO

    assert (REPO / "docs/lint.md").read_text(encoding="utf-8") == rules_markdown(), (
        "run: python -m jdgen.lint.engine > docs/lint.md"
    )


def test_a_masculine_coded_posting_with_no_communal_wording_is_a_warning() -> None:
    def verdict(text: str) -> list[str]:
        return [
            f.severity for f in lint_text(text, "en", "x.md") if f.rule.id == "en.coded-balance"
        ]

    strong = (
        "A fearless, headstrong and outspoken closer: decisive, competitive, self-reliant "
        "and determined to dominate every deal."
    )
    assert verdict(strong) == ["warning"]
    # The same words, with communal wording to balance them: a note.
    assert verdict(strong + " You support and understand your colleagues.") == ["info"]
    # A few such words in an ordinary posting: a note, or nothing.
    assert verdict("Analytical, independent and confident, with a logical mind.") == ["info"]
    assert verdict("You are analytical and independent.") == []


def test_a_chinese_match_starts_and_ends_between_words() -> None:
    from jdgen.lint.segment import on_word_boundaries

    text = "负责老人的生活照料"
    at = text.index("生活照")
    assert not on_word_boundaries(text, at, at + 3)  # 生活照 inside 生活照料
    text = "需提供生活照和简历"
    at = text.index("生活照")
    assert on_word_boundaries(text, at, at + 3)
    # A match next to punctuation, digits or Latin letters needs no segmenter.
    assert on_word_boundaries("要求：女，25岁", 3, 4)
    # A word that only adds an affix ("信仰者") is still the match's own word.
    text = "有宗教信仰者请勿投递"
    assert not on_word_boundaries(text, 1, 5)
    assert on_word_boundaries(text, 1, 5, frozenset({"者"}))
