"""The command line's contract: the exit-code table row by row, pipes that close early,
Ctrl-C in worker processes, messages that cannot fool a terminal, warnings that stay
readable at scale. These run the real ``jdgen`` in a subprocess where a test needs real
signals and pipes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jdgen import cli

from .conftest import REPO, Builder

JDGEN = [sys.executable, "-m", "jdgen"]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def many_roles(count: int, text: str = "title: Role {i}\nposted: 2026-02-01\n") -> dict[str, str]:
    return {
        "jdgen.yaml": "locales: [en, es]\nbase_url: https://jobs.example.org/\ntoday: 2026-03-01\n",
        **{f"roles/r{i:03}.yaml": text.format(i=i) for i in range(count)},
    }


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.stdout, result.stderr


# -- the exit-code table, as README.md and `jdgen --help` give it ------------------------
EXIT_CODES = [
    # 0: success
    (0, ["validate"], ""),
    (0, ["render", "r"], ""),
    # 1: the project's input has a problem (or a warning, with --strict)
    (1, ["render", "broken"], "roles/broken.yaml:2:1: invalid YAML"),
    (1, ["validate"], "roles/broken.yaml:2:1"),
    (1, ["render", "r", "-l", "es", "--strict"], "--strict: 1 warning(s) count as errors"),
    (1, ["build", "--out", "site"], "roles/broken.yaml:2:1"),
    # 2: the command line is wrong
    (2, ["render", "r", "--format", "odt"], "'odt' is not one of"),
    (2, ["render", "nope"], 'no role with id "nope"'),
    (2, ["render", "r", "--locale", "klingon"], "unknown locale"),
    (2, ["render", "r", "--today", "15/03/2026"], "YYYY-MM-DD"),
    (2, ["build", "--out", "/"], "refusing to build into /"),
    (2, ["no-such-command"], "No such command"),
]


@pytest.mark.parametrize(("code", "args", "message"), EXIT_CODES)
def test_every_row_of_the_exit_code_table(
    build_tree: Builder, code: int, args: list[str], message: str
) -> None:
    files = {
        "jdgen.yaml": "locales: [en, es]\nbase_url: https://jobs.example.org/\n",
        "roles/r.yaml": "title: Data Engineer\n",
    }
    if (code == 1 and args[0] != "render") or args[1:2] == ["broken"]:
        files["roles/broken.yaml"] = "title: [unclosed\n"
    build_tree(files)
    got, out, err = run(*args)
    assert got == code, out + err
    assert message in out + err  # validate's report is its output; the others' go to stderr
    assert "Traceback" not in out + err


def test_the_table_is_documented_where_users_look() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    helptext = CliRunner().invoke(cli.main, ["--help"]).stdout
    for code in ("0", "1", "2", "3", "130"):
        assert f"| {code} |" in readme
        assert f"  {code} " in helptext


def test_an_internal_error_is_exit_3_with_a_traceback(
    build_tree: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_tree({"roles/r.yaml": "title: X\n"})
    monkeypatch.setattr("jdgen.rendering.renderer.Renderer.render", lambda *a, **k: 1 / 0)
    code, _, err = run("render", "r")
    assert code == 3
    assert "ZeroDivisionError" in err and "bug in jdgen" in err


@pytest.mark.parametrize("args", [["validate", "-v"], ["lint"], ["i18n", "status"], ["schema"]])
def test_a_reader_that_goes_away_is_no_error(build_tree: Builder, args: list[str]) -> None:
    """`jdgen validate | head -1`: no BrokenPipeError traceback, no 'internal error'."""
    root = build_tree(
        many_roles(300, "title: Role {i}\nsummary: He is a rockstar ninja.\nposted: 2026-02-01\n")
    )
    proc = subprocess.Popen(
        [*JDGEN, *args], cwd=root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # as `head -1` does after its line
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Traceback" not in err and "internal error" not in err, err
    assert proc.returncode in (0, 1), err


def test_ctrl_c_during_a_parallel_build_is_one_line_and_exit_130(build_tree: Builder) -> None:
    # Enough roles that a loaded machine cannot finish the build between the first staged
    # page and the signal (the build stops at the signal, so the number costs little).
    root = build_tree(many_roles(1200))
    proc = subprocess.Popen(
        [*JDGEN, "build", "--jobs", "2"],
        cwd=root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    deadline = time.monotonic() + 60

    def staged() -> list[Path]:  # pages the workers have written into the new site
        return list(root.glob(".site.building-*/*/*/index.html"))

    while not staged() and time.monotonic() < deadline:
        time.sleep(0.02)  # until the pool's workers are writing pages
    assert _children(proc.pid) and staged(), "the build never started its workers"
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole group
    _, err = proc.communicate(timeout=120)
    text = err.decode()
    assert proc.returncode == 130, text
    assert "Traceback" not in text and "KeyboardInterrupt" not in text, text
    assert "interrupted" in text
    assert not (root / "site").exists()
    assert not [p for p in root.iterdir() if p.name.startswith(".site.")]


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_control_and_bidi_characters_are_shown_escaped(build_tree: Builder) -> None:
    build_tree({"roles/r.yaml": "title: X\n"})
    code, _, err = run("render", "evil\u202etxt.yaml\x1b[31m")
    assert code == 2
    assert "\u202e" not in err and "\x1b" not in err
    assert "\\u202e" in err and "\\u001b" in err


def test_warnings_stay_readable_at_scale(build_tree: Builder) -> None:
    """300 untranslated roles: one line per role and locale, not one per text."""
    build_tree(
        many_roles(
            300,
            "title: Role {i}\nsummary: We build things.\nbenefits: [A, B, C]\nposted: 2026-02-01\n",
        )
    )
    code, out, _ = run("validate")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) <= 300 + 1, len(lines)
    assert "5 texts have no es translation" in lines[0]
    assert lines[-1].endswith("0 error(s), 1500 warning(s)")
    code, out, _ = run("validate", "--verbose")
    assert len(out.splitlines()) == 1501
    code, out, _ = run("validate", "--strict")
    assert code == 1
    assert out.splitlines()[-1].endswith("(--strict: warnings count as errors)")


def test_unknown_role_file_paths_are_not_read(build_tree: Builder, tmp_path: Path) -> None:
    build_tree({"roles/r.yaml": "title: X\n"})
    code, _, err = run("render", str(tmp_path / "missing.yaml"))
    assert code == 2
    assert "not found" in err


def test_build_renders_in_one_process_per_cpu_by_default(
    build_tree: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ProcessPoolExecutor

    build_tree(many_roles(70))  # more than one chunk of 64: worth a pool
    pools: list[int] = []
    real = ProcessPoolExecutor

    def pool(max_workers: int, **kwargs: Any) -> Any:
        pools.append(max_workers)
        return real(max_workers=max_workers, **kwargs)

    monkeypatch.setattr("jdgen.site.workers.ProcessPoolExecutor", pool)
    code, _, err = run("build")
    assert code == 0, err
    cpus = min(os.cpu_count() or 1, 64)
    assert pools == ([cpus] if cpus > 1 else [])
