"""What ``jdgen new`` accepts, at a prompt or as an option: control characters refused
(asked again on a terminal, exit 2 as an option), amounts bounded, ids checked, choices
answered in the project's language, and never a traceback (exit 3)."""

from __future__ import annotations

import contextlib
import tempfile
import unicodedata
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdgen import cli
from jdgen.authoring.answers import AnswerError, Choice, line
from jdgen.foundation.vocabulary import EMPLOYMENT_TYPES
from tests.conftest import Builder

ES = {"jdgen.yaml": "locales: [es, zh, en]\ndefault_locale: es\n"}
ZH = {"jdgen.yaml": "locales: [zh, en]\ndefault_locale: zh\n"}
#: Every control character (Unicode Cc) that can sit inside a typed line.
CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))]


def new(args: list[str], typed: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli.main, ["new", *args], input=typed)
    return result.exit_code, result.output


@given(st.text())
def test_a_line_is_text_or_refused_with_why(text: str) -> None:
    try:
        got = line(text, "title", required=False)
    except AnswerError as exc:
        assert str(exc).startswith("title: ")
        return
    assert all(unicodedata.category(c) not in ("Cc", "Cs", "Zl", "Zp") for c in got)
    assert got == got.strip()


@given(st.text(max_size=30))
def test_a_choice_is_a_code_or_refused(text: str) -> None:
    choice = Choice(EMPLOYMENT_TYPES, "zh", lambda code: code.upper())
    with contextlib.suppress(AnswerError):
        assert choice.read(text, "type") in EMPLOYMENT_TYPES


@pytest.mark.parametrize(
    "char", [c for c in CONTROLS if c not in "\n\r"], ids=lambda c: f"U+{ord(c):04X}"
)
def test_a_control_character_at_a_prompt_is_asked_again(build_tree: Builder, char: str) -> None:
    root = build_tree(ES)
    typed = f"Analista{char}x\nAnalista\nMadrid, España\n\n\n\n\n\n\n"
    code, shown = new(["r", "--interactive"], typed)
    assert code == 0, shown
    assert "is not text" in shown  # said why, then asked again
    role = (root / "roles/r.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(role)["title"] == "Analista"
    assert not any(unicodedata.category(c) == "Cc" for c in role.replace("\n", ""))


@pytest.mark.parametrize(
    "args",
    [
        ["--title", "Analista\x1b[2J"],
        ["--title", "Ana\u202elista"],
        ["--title", "X", "--location", "Madrid\x00, España"],
        ["--title", "X", "--salary-min", "9" * 5000],
        ["--title", "X", "--salary-min", "1" + "0" * 18],
        ["--title", "X", "--salary-max", "1e400"],
        ["--title", "X", "--employment-type", "jornada\x07"],
        ["--title", "X", "--headcount", "0"],
        ["--title", "X", "--country", "Atlantis"],
        ["--title", "X", "--location", "Madrid"],  # no country: said, not guessed
    ],
)
def test_a_bad_option_is_exit_2_and_writes_nothing(build_tree: Builder, args: list[str]) -> None:
    root = build_tree(ES)
    code, shown = new(["r", *args])
    assert code == 2, shown
    assert "Traceback" not in shown
    assert not (root / "roles/r.yaml").exists()


@pytest.mark.parametrize(
    "role_id", ["a" * 300, "a" * 65, "Datos", "a--b", "a-", "a/../b", "ñ", "a.b"]
)
def test_a_role_id_that_cannot_name_a_file_is_exit_2(build_tree: Builder, role_id: str) -> None:
    root = build_tree(ES)
    code, shown = new([role_id, "--title", "X"])
    assert code == 2, shown
    assert "role id" in shown and "Traceback" not in shown
    assert list((root / "roles").glob("*")) == [] if (root / "roles").exists() else True


def test_an_existing_id_is_said_before_any_question(build_tree: Builder) -> None:
    build_tree({**ES, "roles/r.yaml": "title: X\n"})
    code, shown = new(["r"])  # no terminal, no --title: the id is what is wrong
    assert code == 1 and "already exists" in shown and "--title" not in shown


@pytest.mark.parametrize(
    ("project", "kind", "arrangement", "expected"),
    [
        (ES, "jornada completa", "teletrabajo", ("full-time", "remote")),
        (ES, "Media jornada", "Híbrido", ("part-time", "hybrid")),
        (ES, "prácticas", "presencial", ("internship", "on-site")),
        (ZH, "全职", "远程办公", ("full-time", "remote")),
        (ZH, "兼职", "混合办公", ("part-time", "hybrid")),
        (ZH, "实习", "现场", ("internship", "on-site")),
    ],
)
def test_choices_are_answered_in_the_projects_language(
    build_tree: Builder,
    project: dict[str, str],
    kind: str,
    arrangement: str,
    expected: tuple[str, str],
) -> None:
    root = build_tree(project)
    place = "Madrid, España" if project is ES else "上海，中国"
    args = ["r", "--title", "X", "--location", place, "--employment-type", kind]
    code, shown = new([*args, "--work-arrangement", arrangement])
    assert code == 0, shown
    role = yaml.safe_load((root / "roles/r.yaml").read_text(encoding="utf-8"))
    assert (role["employment_type"], role["work_arrangement"]) == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(min_size=1, max_size=40),
    pay=st.text(alphabet="0123456789.,kK万 -€$", max_size=30),
)
def test_no_option_value_is_a_traceback(title: str, pay: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "jdgen.yaml").write_text("locales: [es]\ndefault_locale: es\n", encoding="utf-8")
        args = ["-C", tmp, "new", "r", "--title", title, "--location", "Madrid, España"]
        result = CliRunner().invoke(cli.main, [*args, "--salary-min", pay, "--currency", "EUR"])
        assert result.exit_code in (0, 1, 2), result.output
        written = root / "roles/r.yaml"
        if written.exists():
            text = written.read_text(encoding="utf-8")
            assert not any(unicodedata.category(c) == "Cc" for c in text.replace("\n", ""))


def test_a_place_is_required_at_the_prompt(build_tree: Builder) -> None:
    root = build_tree(ES)
    typed = "Analista\n\n  \nSevilla, España\n\n\n\n\n\n"
    code, shown = new(["r", "--interactive"], typed)
    assert code == 0, shown
    assert shown.count("Ubicaciones") == 3  # asked until answered
    role = yaml.safe_load((root / "roles/r.yaml").read_text(encoding="utf-8"))
    assert role["locations"] == [{"city": "Sevilla", "country": "ES"}]


def test_a_closing_date_before_the_posting_is_refused(build_tree: Builder) -> None:
    build_tree({"jdgen.yaml": "locales: [en]\ntoday: 2026-03-01\n"})
    args = ["r", "--title", "X", "--location", "Lima, Peru", "--valid-through", "2026-02-01"]
    code, shown = new(args)
    assert code == 2 and "before the posting opens" in shown, shown
    code, shown = new([*args[:-1], "2026-04-30"])
    assert code == 0, shown


def test_a_wrong_currency_option_is_exit_2_with_the_right_one(build_tree: Builder) -> None:
    root = build_tree(ZH)
    args = ["r", "--title", "X", "--location", "上海，中国", "--salary-min", "20K"]
    code, shown = new([*args, "--currency", "RMB"])
    assert code == 2 and "use CNY" in shown, shown
    assert not (root / "roles/r.yaml").exists()


@pytest.mark.parametrize(
    "args", [["render", "a" * 300], ["validate", "b" * 300], ["lint", "c" * 300 + ".yaml"]]
)
def test_a_file_name_too_long_is_exit_2_not_a_traceback(
    build_tree: Builder, args: list[str]
) -> None:
    build_tree({"roles/r.yaml": "title: X\n"})
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 2, result.output
    assert "file name too long" in result.stderr and "Traceback" not in result.output
