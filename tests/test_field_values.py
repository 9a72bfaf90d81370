"""Field values (issue 25): a control character written as a YAML escape, and an amount
too large for any pay, are refused at the role's own line, in every field, before any
output is written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen import cli
from jdgen.errors import InvalidInputError
from jdgen.project.load import parse_yaml
from jdgen.project.validators import MAX_AMOUNT

from .conftest import Builder
from .test_hostile_roles import FIELDS

# YAML's double-quoted escapes for characters no output may hold.
ESCAPES = {
    "\\0": "\x00",
    "\\a": "\x07",
    "\\b": "\x08",
    "\\v": "\x0b",
    "\\f": "\x0c",
    "\\r": "\r",
    "\\e": "\x1b",
    "\\N": "\x85",
    "\\L": "\u2028",
    "\\P": "\u2029",
    "\\x7f": "\x7f",
    "\\x9b": "\x9b",
    "\\x01": "\x01",
    "\\u001F": "\x1f",
    "\\U0000001b": "\x1b",
}
_PLAIN = st.text(st.sampled_from("abc xyz ÁÑ数据-_.,;"), max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    field=st.sampled_from(FIELDS),
    before=_PLAIN,
    escape=st.sampled_from(sorted(ESCAPES)),
    after=_PLAIN,
    padding=st.integers(0, 3),
)
def test_a_control_character_in_any_field_is_refused_at_its_line(
    field: str, before: str, escape: str, after: str, padding: int
) -> None:
    value = f'"{before}{escape}{after}"'
    text = "\n" * padding + "title: Data Engineer\n" + field.format(p=value) + "\n"
    if field.startswith("title:"):
        text = "\n" * padding + field.format(p=value) + "\n"
    with pytest.raises(InvalidInputError) as caught:
        parse_yaml(text, "roles/x.yaml")
    problems = caught.value.problems
    code = f"U+{ord(ESCAPES[escape]):04X}"
    assert any(code in p.message for p in problems), problems
    line = text.split("\n").index(next(ln for ln in text.split("\n") if escape in ln)) + 1
    assert all(p.position and p.position.line == line for p in problems), problems


def test_tabs_and_line_breaks_stay_text() -> None:
    doc = parse_yaml('title: "a\\tb"\nsummary: "one\\ntwo"\n', "r.yaml")
    assert doc.root is not None


@pytest.mark.parametrize("command", [["render", "x"], ["validate"], ["build"], ["lint"]])
def test_every_command_refuses_it_with_exit_1(build_tree: Builder, command: list[str]) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [en]\nbase_url: https://jobs.example.org/\n",
            "roles/x.yaml": "title: Data Engineer\n"
            + 'locations: [{city: "Lima\\e[2J", country: PE}]\n',
        }
    )
    result = CliRunner().invoke(cli.main, command)
    assert result.exit_code == 1, result.output
    assert "roles/x.yaml:2:" in result.output and "U+001B" in result.output
    assert not (root / "site").exists()


_HUGE = st.one_of(
    st.integers(int(MAX_AMOUNT), 10**60).map(str),
    st.integers(15, 400).map(lambda n: "9" * n if n > 15 else str(10**15)),
    st.sampled_from(
        ["1.0e+28", "1.0e+15", "10000000000000000000000000000.50", "1_000_000_000_000_000"]
    ),
)


@settings(max_examples=60, deadline=None)
@given(amount=_HUGE, where=st.sampled_from(["min", "max", "zone"]))
def test_an_amount_beyond_any_pay_is_refused_at_its_line(amount: str, where: str) -> None:
    from jdgen.project.checking import Checker
    from jdgen.project.resolve import ROLE

    assert Decimal(amount.replace("_", "")) >= MAX_AMOUNT
    if where == "zone":
        text = (
            "id: x\ntitle: T\nsalary: {min: 1, max: 2, currency: USD, period: year}\n"
            f"locations: [{{city: Lima, country: PE, pay: {{min: {amount}, currency: PEN, "
            "period: year}}]\n"
        )
        line = 4
    else:
        text = f"id: x\ntitle: T\nsalary:\n  currency: USD\n  period: year\n  {where}: {amount}\n"
        line = 6
    doc = parse_yaml(text, "roles/x.yaml")
    ctx = Checker()
    assert doc.root is not None
    ROLE.check(doc.root, "", ctx)
    messages = [str(p) for p in ctx.problems.errors]
    assert any(f"roles/x.yaml:{line}:" in m and "more than any pay" in m for m in messages), (
        messages
    )


def test_the_largest_amount_renders(build_tree: Builder) -> None:
    build_tree(
        {
            "jdgen.yaml": "locales: [en, es, zh]\n",
            "roles/x.yaml": "title: T\nsalary: {min: 999999999999998.5, max: 999999999999999.99, "
            "currency: USD, period: year}\n",
        }
    )
    for locale in ("en", "es", "zh"):
        result = CliRunner().invoke(cli.main, ["render", "x", "-l", locale])
        assert result.exit_code == 0, result.output


def test_a_huge_amount_is_refused_by_the_cli_too(build_tree: Builder) -> None:
    build_tree(
        {
            "jdgen.yaml": "locales: [en]\n",
            "roles/x.yaml": "title: T\nsalary:\n  min: 1\n  max: " + "7" * 5000 + "\n"
            "  currency: EUR\n  period: month\n",
        }
    )
    result = CliRunner().invoke(cli.main, ["render", "x"])
    assert result.exit_code == 1, result.output
    assert "roles/x.yaml:4:" in result.stderr
    assert "Traceback" not in result.output and len(result.stderr) < 2000
