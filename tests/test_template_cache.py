"""The per-user cache of compiled templates: reused when it is ours, ignored otherwise."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import jinja2
import pytest

from jdgen.rendering.template_cache import SignedBytecodeCache, bytecode_cache, cache_dir


def environment(directory: Path, templates: dict[str, str]) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.DictLoader(templates),
        bytecode_cache=SignedBytecodeCache(directory),
        trim_blocks=True,
    )


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.j2c"))


def forge(directory: Path, source: str, other: str) -> None:
    """Write, for the template ``source``, the code of ``other``, signed with this
    cache's own key: the entry a poisoner would need to write."""
    cache = SignedBytecodeCache(directory)
    env = environment(directory, {"t": other})
    code = env.compile(other, "t", None)
    bucket = cache.get_bucket(env, "t", None, source)
    bucket.code = code
    cache.dump_bytecode(bucket)


def test_entries_are_written_reused_and_give_the_same_page(tmp_path: Path) -> None:
    first = environment(tmp_path, {"t": "{% for x in xs %}{{ x }},{% endfor %}"})
    assert first.get_template("t").render(xs=[1, 2]) == "1,2,"
    assert len(entries(tmp_path)) == 1
    assert (tmp_path / "secret").stat().st_mode & 0o777 == 0o600
    assert tmp_path.stat().st_mode & 0o077 == 0
    again = environment(tmp_path, {"t": "{% for x in xs %}{{ x }},{% endfor %}"})
    cache = again.bytecode_cache
    assert cache is not None
    bucket = cache.get_bucket(again, "t", None, "{% for x in xs %}{{ x }},{% endfor %}")
    assert bucket.code is not None  # loaded, not compiled again
    assert again.get_template("t").render(xs=[3]) == "3,"


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    assert environment(tmp_path, {"t": "old"}).get_template("t").render() == "old"
    assert environment(tmp_path, {"t": "new"}).get_template("t").render() == "new"
    assert len(entries(tmp_path)) == 2


def test_a_signed_entry_is_loaded_which_is_what_makes_the_checks_below_matter(
    tmp_path: Path,
) -> None:
    forge(tmp_path, "genuine", "forged")
    assert environment(tmp_path, {"t": "genuine"}).get_template("t").render() == "forged"


@pytest.mark.parametrize("how", ["payload", "tag", "truncated", "unsigned"])
def test_a_tampered_entry_is_not_loaded(tmp_path: Path, how: str) -> None:
    forge(tmp_path, "genuine", "forged")
    (entry,) = entries(tmp_path)
    data = entry.read_bytes()
    if how == "payload":
        data = data[:-1] + bytes([data[-1] ^ 1])
    elif how == "tag":
        data = bytes([data[0] ^ 1]) + data[1:]
    elif how == "truncated":
        data = data[:20]
    else:
        data = b"\0" * 32 + data[32:]
    entry.write_bytes(data)
    assert environment(tmp_path, {"t": "genuine"}).get_template("t").render() == "genuine"


def test_a_cache_copied_from_elsewhere_does_not_verify_even_with_its_secret(
    tmp_path: Path,
) -> None:
    """A CI cache restored, or a directory a pull request ships with its secret."""
    here = tmp_path / "here"
    forge(here, "genuine", "forged")
    copied = tmp_path / "copied"
    shutil.copytree(here, copied)
    os.chmod(copied, 0o700)
    assert environment(copied, {"t": "genuine"}).get_template("t").render() == "genuine"


def test_a_group_writable_entry_or_secret_is_refused(tmp_path: Path) -> None:
    forge(tmp_path, "genuine", "forged")
    (entry,) = entries(tmp_path)
    entry.chmod(0o664)
    assert environment(tmp_path, {"t": "genuine"}).get_template("t").render() == "genuine"
    entry.chmod(0o600)
    (tmp_path / "secret").chmod(0o644)
    assert environment(tmp_path, {"t": "genuine"}).get_template("t").render() == "genuine"


def test_a_world_writable_directory_is_not_used(tmp_path: Path) -> None:
    tmp_path.chmod(0o777)
    env = environment(tmp_path, {"t": "x"})
    assert env.get_template("t").render() == "x"
    assert entries(tmp_path) == []


def test_an_unwritable_cache_costs_nothing_but_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    env = environment(blocker / "templates", {"t": "{{ 1 + 1 }}"})
    assert env.get_template("t").render() == "2"


def test_where_the_cache_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "jdgen" / "templates"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")  # ignored, as XDG says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "jdgen" / "templates"
    monkeypatch.setenv("JDGEN_TEMPLATE_CACHE", "0")
    assert cache_dir() is None
    assert bytecode_cache() is None


def test_a_render_through_the_cache_matches_one_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from jdgen import cli

    repo = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(repo)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    args = ["render", "ml-engineer-china", "--locale", "zh", "--format", "html"]
    outputs = [CliRunner().invoke(cli.main, args).output for _ in range(2)]
    assert entries(tmp_path / "jdgen" / "templates")
    monkeypatch.setenv("JDGEN_TEMPLATE_CACHE", "0")
    assert CliRunner().invoke(cli.main, args).output == outputs[0] == outputs[1]
