"""Nothing wrong is published silently: a damaged cache, a build killed part-way, a link
as the output, a full or read-only disk. Each case ends in the site a clean build makes,
or in a clear error with the previous site intact, and never in debris."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from jdgen import cli
from jdgen.project.config import find_project
from jdgen.site.build import build_site
from jdgen.site.cache import FORMAT, pack, unpack

from .conftest import REPO, Builder
from .test_site import tree_hash

SITE = {
    "jdgen.yaml": "locales: [en, es]\nbase_url: https://jobs.example.org\ntoday: 2026-03-01\n",
    **{
        f"roles/r{i:02}.yaml": f"title: Role {i}\nposted: 2026-02-01\nlocations: [Madrid]\n"
        for i in range(12)
    },
}


def clean_build(root: Path, tmp: Path) -> dict[str, str]:
    """The site the same inputs give with no cache at all."""
    fresh = tmp / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(  # the cache and the output, not templates/default/site/
        root, fresh, ignore=lambda d, _: [".jdgen-cache", "site"] if Path(d) == root else []
    )
    build_site(find_project(fresh), fresh / "site")
    return tree_hash(fresh / "site")


def objects(root: Path) -> list[Path]:
    return sorted(p for p in (root / ".jdgen-cache/objects").rglob("*") if p.is_file())


def debris(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site."))


def edit(root: Path, role: str = "r03") -> None:
    path = root / f"roles/{role}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Role", "Edited role"), "utf-8")


@pytest.mark.parametrize("damage", ["truncate", "delete", "rewrite"])
def test_a_damaged_cache_is_noticed_and_repaired(
    build_tree: Builder, tmp_path_factory: pytest.TempPathFactory, damage: str
) -> None:
    root = build_tree(SITE)
    build_site(find_project(root))
    for i, path in enumerate(objects(root)):
        os.chmod(path, 0o644)
        if damage == "truncate" and i % 5 == 0:
            path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
        elif damage == "delete" and i % 3 == 0:
            path.unlink()
        elif damage == "rewrite" and i % 4 == 0:
            path.write_bytes(b"<p>not what was stored</p>\n")
    edit(root)
    shutil.rmtree(root / "site")  # a full publish reads every object
    report = build_site(find_project(root))
    assert tree_hash(root / "site") == clean_build(root, tmp_path_factory.mktemp("clean"))
    assert report.rendered >= 1
    again = build_site(find_project(root))  # and the cache is whole again
    assert again.rendered == 0


@pytest.mark.parametrize(
    "manifest",
    [
        b'{"format": %d}' % FORMAT,
        b"\x00\xff garbage",
        b'{"format": %d, "roles": []}' % FORMAT,
        b"[]",
        b'{"a": 1}',
    ],
)
def test_a_damaged_manifest_is_discarded_with_a_warning(
    build_tree: Builder, tmp_path_factory: pytest.TempPathFactory, manifest: bytes
) -> None:
    root = build_tree(SITE)
    build_site(find_project(root))
    for path in (root / ".jdgen-cache/manifests").glob("*.json"):
        path.write_bytes(manifest)
    report = build_site(find_project(root))
    assert tree_hash(root / "site") == clean_build(root, tmp_path_factory.mktemp("clean"))
    assert any("manifest" in str(w) and "discarded" in str(w) for w in report.warnings)


def test_the_site_shares_no_file_with_the_cache(build_tree: Builder) -> None:
    root = build_tree(SITE)
    build_site(find_project(root))
    cache_inodes = {p.stat().st_ino for p in objects(root)}
    site_files = [p for p in (root / "site").rglob("*") if p.is_file()]
    assert not cache_inodes & {p.stat().st_ino for p in site_files}
    # A deploy step that rewrites a page in place leaves the cache whole.
    page = root / "site/en/r01/index.html"
    with page.open("r+b") as handle:
        handle.write(b"XXXX")
    edit(root, "r05")
    build_site(find_project(root))
    assert all(p.read_bytes() for p in objects(root))
    shutil.rmtree(root / "site")
    build_site(find_project(root))
    assert not page.read_bytes().startswith(b"XXXX")


CRASH = """
import os, sys
import jdgen.site.publish as publish
import jdgen.foundation.write as write
calls = 0
def crashing(real):
    def call(*args, **kwargs):
        global calls
        calls += 1
        if calls == int(sys.argv[2]):
            os._exit(9)  # as kill -9: no cleanup of any kind
        return real(*args, **kwargs)
    return call
# Every step that changes a tree: a rename, a link, a swap, a file removed.
for module in (publish.os, write.os):
    for name in ("replace", "rename", "link", "unlink"):
        setattr(module, name, crashing(getattr(module, name)))
publish.swap_in = crashing(publish.swap_in)
write._exchange = crashing(write._exchange)
from jdgen.project.config import find_project
from jdgen.site.build import build_site
from pathlib import Path
build_site(find_project(Path(sys.argv[1])))
"""


@pytest.mark.parametrize(
    ("crash_at", "undo"), [(1, False), (2, True), (3, False), (5, True), (8, False), (30, True)]
)
def test_a_build_killed_at_any_step_never_leaves_a_mixed_site(
    build_tree: Builder, tmp_path_factory: pytest.TempPathFactory, crash_at: int, undo: bool
) -> None:
    """Issue 25: a kill -9 in the middle of a build that patched the site in place left a
    mixed site (some pages new, some old) until the next build. The site on disk is
    always the previous build or the new one, whole; the next build cleans up."""
    root = build_tree(SITE)
    build_site(find_project(root))
    old = tree_hash(root / "site")
    saved = {p.name: p.read_bytes() for p in (root / "roles").iterdir()}
    edit(root, "r02")
    edit(root, "r07")
    (root / "roles/r09.yaml").unlink()
    new = clean_build(root, tmp_path_factory.mktemp("new"))
    script = textwrap.dedent(CRASH)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(root), str(crash_at)], env=env, check=False
    )
    assert done.returncode in (0, 9)
    print("killed" if done.returncode == 9 else "finished", crash_at)
    assert tree_hash(root / "site") in (old, new)  # never a mix
    if undo:
        for name, data in saved.items():
            (root / "roles" / name).write_bytes(data)
    build_site(find_project(root))
    expected = old if undo else new
    assert (
        tree_hash(root / "site") == expected == clean_build(root, tmp_path_factory.mktemp("clean"))
    )
    assert debris(root) == []


def test_the_staging_of_a_dead_build_is_removed(build_tree: Builder) -> None:
    root = build_tree(SITE)
    dead = root / ".site.building-999999999"
    (dead / "en").mkdir(parents=True)
    build_site(find_project(root))
    assert not dead.exists()
    assert debris(root) == []


def test_an_output_that_is_a_link_is_built_into_its_target(build_tree: Builder) -> None:
    root = build_tree(SITE)
    (root / "published").mkdir()
    (root / "out").symlink_to(root / "published")
    result = CliRunner().invoke(cli.main, ["build", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert (root / "out").is_symlink()
    assert (root / "published/en/r01/index.html").is_file()
    edit(root)
    assert CliRunner().invoke(cli.main, ["build", "--out", "out"]).exit_code == 0
    assert (root / "out").is_symlink()
    assert "Edited role" in (root / "published/en/index.html").read_text(encoding="utf-8")
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == [".jdgen-cache"]


@pytest.mark.parametrize(
    ("code", "message"),
    [(errno.ENOSPC, "no space left on device"), (errno.EROFS, "read-only file system")],
)
def test_a_full_or_read_only_disk_is_a_message_and_the_site_survives(
    build_tree: Builder, monkeypatch: pytest.MonkeyPatch, code: int, message: str
) -> None:
    root = build_tree(SITE)
    build_site(find_project(root))
    before = tree_hash(root / "site")
    edit(root)

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr("jdgen.site.publish.os.open", refuse)
    result = CliRunner().invoke(cli.main, ["build"])
    assert result.exit_code == 1, result.output
    assert f"cannot write: {message}" in result.stderr
    assert "Traceback" not in result.output
    assert tree_hash(root / "site") == before
    assert debris(root) == []


def test_cache_verification_reads_only_what_a_build_uses(
    build_tree: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A no-change build reads, besides the manifest, its warnings and each distinct set
    of templates and template strings the roles used (one here: the roles share it)."""
    from jdgen.site.cache import Cache

    root = build_tree(SITE)
    build_site(find_project(root))
    read: list[str] = []
    real = Cache.get
    monkeypatch.setattr(Cache, "get", lambda self, d: read.append(d) or real(self, d))
    report = build_site(find_project(root))
    manifest = next((root / ".jdgen-cache/manifests").glob("*.json"))
    data = json.loads(manifest.read_bytes())
    assert data["format"] == FORMAT
    uses = {state[5] for state in data["roles"].values() if state[3]}  # published roles'
    assert len(uses) == 1
    assert (report.rendered, report.changed, sorted(read)) == (
        0,
        False,
        sorted([data["pages"]["warnings"], *uses]),
    )


def test_an_older_jdgens_cache_is_started_afresh_without_a_warning(build_tree: Builder) -> None:
    root = build_tree(SITE)
    build_site(find_project(root))
    for path in (root / ".jdgen-cache/manifests").glob("*.json"):
        data = json.loads(path.read_bytes())
        path.write_text(json.dumps({**data, "format": 3}), encoding="utf-8")
    report = build_site(find_project(root))
    assert report.rendered == len([k for k in SITE if k.startswith("roles/")])
    assert not any("manifest" in str(w) for w in report.warnings)


@given(
    st.dictionaries(
        st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30),
        st.binary(max_size=300),
        max_size=8,
    )
)
def test_a_pack_gives_back_exactly_the_files_put_in(files: dict[str, bytes]) -> None:
    assert unpack(pack(files)) == files


@pytest.mark.parametrize("data", [b"", b"garbage", b"x\x9c\x03\x00"])
def test_what_is_not_a_pack_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError, match="not a pack"):
        unpack(data)
