"""Plain-text wrapping by display width, with CJK line-breaking rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.rendering.formats.width import NO_START, _units, pad, width, wrap

MIXED = st.text(
    alphabet=st.sampled_from(list("abc de，。、；：！？）（」「机器学习工程师Python 12")),
    max_size=200,
)


def test_cjk_counts_two_columns() -> None:
    assert width("机器学习") == 8
    assert width("ML工程") == 6
    assert pad("机器", 6) == "机器  "


def test_no_line_starts_with_closing_punctuation() -> None:
    text = (
        "负责机器学习算法的产品化实现，构建和优化机器学习模型训练流水线。开发模型部署和服务化平台"
    )
    for columns in range(10, 40):
        for line in wrap(text, columns)[1:]:
            assert line[0] not in NO_START, (columns, line)


@settings(max_examples=400, deadline=None)
@given(MIXED, st.integers(10, 60))
def test_wrap_properties(text: str, columns: int) -> None:
    lines = wrap(text, columns, "- ", "  ")
    for line in lines:
        # A line is never wider than asked, unless it holds one unit that cannot break
        # (closing punctuation may overhang rather than start the next line).
        assert width(line) <= columns or len(_units(line[2:])) == 1
    for line in lines[1:]:
        stripped = line.lstrip()
        assert not stripped or stripped[0] not in NO_START
    # Nothing is lost or reordered: only spaces change.
    assert "".join("".join(lines).split()).replace("-", "", 1) == "".join(text.split())


def test_a_no_break_space_is_kept_and_never_broken() -> None:
    text = "Salario: 28.000-60.000\u00a0€ al mes"
    for columns in range(16, 40):  # 28.000-60.000 € alone takes 15 columns
        lines = wrap(text, columns)
        assert sum(line.count("\u00a0") for line in lines) == 1
        assert any("60.000\u00a0€" in line for line in lines), (columns, lines)


def test_the_paste_form_does_not_wrap_or_underline() -> None:
    from jdgen.rendering.formats.text import PASTE, to_text
    from jdgen.rendering.parser import parse

    long = "word " * 60
    doc = parse(
        f"# Title\n\n## Section\n\n{long.strip()}\n\n- item {long.strip()}\n\n> {long.strip()}\n"
    )
    text = to_text(doc, PASTE)
    assert "=====" not in text and "-----" not in text.replace("- item", "")
    lines = text.splitlines()
    assert lines[0] == "Title" and "Section" in lines
    assert long.strip() in lines  # one line, however long
    assert any(line.startswith("- item word") and line.endswith("word") for line in lines)
    wrapped = to_text(doc, 40)
    assert "=====" in wrapped and all(len(line) <= 40 for line in wrapped.splitlines())


def test_width_0_on_the_command_line(in_repo: object) -> None:
    from click.testing import CliRunner

    from jdgen import cli

    result = CliRunner().invoke(
        cli.main, ["render", "ml-engineer-china", "-l", "zh", "-f", "text", "-w", "0"]
    )
    assert result.exit_code == 0
    assert "=====" not in result.stdout
    narrow = CliRunner().invoke(cli.main, ["render", "ml-engineer-china", "-w", "7"])
    assert narrow.exit_code == 2 and "or 0 for no wrapping" in narrow.stderr
