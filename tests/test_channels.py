"""Job boards' rules as lint, per channel: `jdgen lint --channel <board>`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from jdgen import cli
from jdgen.lint.channels import RULES

from .conftest import Builder

CONFIG = "locales: [en]\norganization: {name: Acme}\n"
BODY = (
    "posted: 2026-02-01\nlocations: [{city: Lima, country: PE}]\n"
    "apply: {url: 'https://acme.test/apply'}\n"
    "responsibilities: [Design the data models, Review the pipelines of the team]\n"
)


def _role(title: str, summary: str = "", extra: str = "") -> str:
    summary = summary or (
        f"As our {title.lower()} you will own the pipelines that feed every report we ship."
    )
    return f"title: {json.dumps(title)}\nsummary: {json.dumps(summary)}\n{BODY}{extra}"


def _lint(root_files: dict[str, str], build_tree: Builder, *args: str) -> list[dict]:  # type: ignore[type-arg]
    build_tree({"jdgen.yaml": CONFIG, **root_files})
    result = CliRunner().invoke(cli.main, ["lint", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return [f for f in json.loads(result.stdout)["findings"] if f["category"] == "channel"]


@pytest.mark.parametrize(
    ("title", "holds"),
    [
        ("Data Engineer - $5,000/month", "pay"),
        ("Data Engineer 60K", "pay"),
        ("Data Engineer, 4.000 EUR", "pay"),
        ("Data Engineer (Lima)", "a place"),
        ("Lima-based data engineer", "a place"),
        ("Data Engineer · Lima · 90k", "pay and a place"),
        ("Data Engineer", ""),
        ("Limatech Platform Engineer", ""),  # a word that starts like the city
    ],
)
def test_indeed_wants_no_pay_or_place_in_the_title(
    build_tree: Builder, title: str, holds: str
) -> None:
    found = _lint({"roles/r.yaml": _role(title)}, build_tree, "--channel", "indeed")
    extras = [f for f in found if f["rule"] == "indeed.title-extras"]
    if holds:
        assert len(extras) == 1 and extras[0]["message"].endswith(f"holds {holds}")
        assert extras[0]["field"] == "title" and extras[0]["line"] == 1
    else:
        assert extras == []


def test_a_chinese_title_with_monthly_pay_or_its_city(build_tree: Builder) -> None:
    role = (
        "language: zh\ntitle: 数据工程师（上海）月薪30K\nposted: 2026-02-01\n"
        "locations: [{city: 上海, country: CN}]\napply: {email: hr@acme.test}\n"
    )
    files = {"jdgen.yaml": "locales: [zh]\n", "roles/r.yaml": role}
    build_tree(files)
    result = CliRunner().invoke(cli.main, ["lint", "--format", "json", "--channel", "indeed"])
    found = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "indeed.title-extras"]
    assert [f["message"].rsplit("holds ", 1)[1] for f in found] == ["pay and a place"]


def test_linkedin_limits_on_title_and_description(build_tree: Builder) -> None:
    long_title = "Senior " + "Distributed Systems " * 11 + "Engineer"
    assert len(long_title) > 200
    files = {
        "roles/long.yaml": _role(long_title),
        "roles/short.yaml": "title: Cook\nlocations: [{city: Lima, country: PE}]\n",
        "roles/fine.yaml": _role("Data Engineer"),
    }
    found = _lint(files, build_tree, "--channel", "linkedin")
    rules = sorted((f["path"].split("/")[-1], f["rule"]) for f in found)
    assert ("long.yaml", "linkedin.title-length") in rules
    assert ("short.yaml", "linkedin.description-length") in rules
    assert not [r for r in rules if r[0] == "fine.yaml"]
    assert not [r for r in rules if r[1].startswith(("indeed.", "infojobs."))]
    short = next(f for f in found if f["rule"] == "linkedin.description-length")
    assert "100" in short["message"] and short["severity"] == "error"


def test_infojobs_takes_100_to_4000_characters_of_plain_text(build_tree: Builder) -> None:
    many = [
        f"Keep the service number {i} healthy, observable and well documented" for i in range(80)
    ]
    files = {
        "roles/huge.yaml": _role("Data Engineer", extra=f"culture: {json.dumps(many)}\n"),
        "roles/fine.yaml": _role("Data Engineer"),
    }
    found = _lint(files, build_tree, "--channel", "infojobs")
    lengths = [
        (f["path"].split("/")[-1], f["message"]) for f in found if "description" in f["rule"]
    ]
    assert len(lengths) == 1 and lengths[0][0] == "huge.yaml"
    assert "4,000" in lengths[0][1]


def test_a_description_ending_like_more_than_a_fifth_of_the_others(build_tree: Builder) -> None:
    shared = "We are an equal opportunity employer and value diversity at our company."
    own = [
        "You will tune the queries that our analysts run each morning.",
        "You will design the storage layer for our sensor data.",
        "You will mentor two junior engineers in their first year.",
        "You will own the migration of our billing system.",
        "You will build the dashboards our sales team lives in.",
        "You will keep the streaming jobs running through the night.",
    ]
    # Two of six share the sentence: each shares it with 1 of the 5 others (not more
    # than a fifth), so nothing is said.
    files = {f"roles/r{i}.yaml": _role(f"Engineer {i}", s) for i, s in enumerate(own)}
    files["roles/r0.yaml"] = _role("Engineer 0", own[0] + " " + shared)
    files["roles/r1.yaml"] = _role("Engineer 1", own[1] + " " + shared)
    found = _lint(files, build_tree, "--channel", "indeed")
    assert [f for f in found if f["rule"] == "feed.repeated-ending"] == []
    # A third one: 2 of 5 others, over a fifth: each of the three is told.
    files["roles/r2.yaml"] = _role("Engineer 2", own[2] + " " + shared.upper())
    found = _lint(files, build_tree, "--channel", "indeed")
    told = sorted(f["path"].split("/")[-1] for f in found if f["rule"] == "feed.repeated-ending")
    assert told == ["r0.yaml", "r1.yaml", "r2.yaml"]
    assert "2 of the 5 other postings" in next(
        f["message"] for f in found if f["rule"] == "feed.repeated-ending"
    )


@pytest.mark.parametrize(
    ("locations", "apply", "rules"),
    [
        ("[]", "apply: {url: 'https://acme.test/a'}", ["feed.no-place"]),
        ("[Head office]", "apply: {email: jobs@acme.test}", ["feed.no-place"]),
        ("[{country: ES}]", "apply: {email: jobs@acme.test}", []),
        ("[{city: Lima, country: PE}]", "", ["feed.no-apply"]),
        ("[{city: Lima}]", "apply: {instructions: Ask around.}", ["feed.no-apply"]),
        (
            "[{city: Lima}]",
            "apply: {contacts: [{label: HR, email: hr@acme.test}]}",
            [],
        ),
        ("[Head office]", "", ["feed.no-apply", "feed.no-place"]),
    ],
)
def test_what_no_board_can_take(
    build_tree: Builder, locations: str, apply: str, rules: list[str]
) -> None:
    role = f"title: Data Engineer\nposted: 2026-02-01\nlocations: {locations}\n{apply}\n"
    found = _lint({"roles/r.yaml": role}, build_tree, "--channel", "linkedin")
    assert sorted(f["rule"] for f in found if f["rule"].startswith("feed.no-")) == rules


def test_boards_are_checked_only_when_asked_and_can_be_suppressed(build_tree: Builder) -> None:
    role = _role("Data Engineer (Lima)")
    assert _lint({"roles/r.yaml": role}, build_tree) == []
    found = _lint({"roles/r.yaml": role}, build_tree, "--channel", "all")
    assert {f["rule"] for f in found} == {"indeed.title-extras"}
    suppressed = role + (
        "lint: {suppress: [{rule: indeed.title-extras, reason: the city is the brand}]}\n"
    )
    found = _lint({"roles/r.yaml": suppressed}, build_tree, "--channel", "indeed")
    assert [f["suppressed"] for f in found] == ["the city is the brand"]
    text = CliRunner().invoke(cli.main, ["lint", "--channel", "indeed"])
    assert text.exit_code == 0, text.output


def test_every_board_rule_is_data_with_its_source() -> None:
    assert set(RULES) >= {
        "linkedin.title-length",
        "linkedin.description-length",
        "indeed.title-extras",
        "infojobs.description-length",
        "feed.repeated-ending",
        "feed.no-place",
        "feed.no-apply",
        "feed.ambiguous-place",
    }
    for rule in RULES.values():
        assert rule.reason and rule.fix and rule.source and rule.data["channels"]


@pytest.mark.parametrize(
    ("locations", "told"),
    [
        ("[{name: 北京, country: CN}, {name: 上海, country: CN}]", ['"cn"']),
        (
            "[{city: Madrid, country: ES}, {name: Madrid centro, city: Madrid, country: ES}]",
            ['"es-madrid"'],
        ),
        ("[{id: bj, name: 北京, country: CN}, {id: sh, name: 上海, country: CN}]", []),
        ("[{city: Madrid, country: ES}, {city: Lima, country: PE}]", []),
        ("[Oficina central, Oficina norte, {city: Lima, country: PE}]", ['"place"']),
    ],
)
def test_places_whose_ids_would_follow_their_order(
    build_tree: Builder, locations: str, told: list[str]
) -> None:
    role = f"title: Data Engineer\nlocations: {locations}\napply: {{email: a@acme.test}}\n"
    found = _lint({"roles/r.yaml": role}, build_tree, "--channel", "indeed")
    said = [f["message"].split(" ")[3] for f in found if f["rule"] == "feed.ambiguous-place"]
    assert said == told
