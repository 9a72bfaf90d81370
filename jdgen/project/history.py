"""A project as it was at a git revision, for comparing a role between two revisions.

``jdgen diff ROLE --rev A..B`` reads the project's role files and config at each
revision with ``git archive`` (no checkout, the work tree untouched) into a temporary
directory, so that a role is resolved with its families as they were then. Git is run
without a shell, on the project's own repository only, and a revision that starts with
``-`` is refused before git sees it.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jdgen.errors import Problem, UsageError
from jdgen.project.config import CONFIG_NAME, Project, find_project

_REVISION = re.compile(r"[^\s\-.:][^\s:]*")


def split_range(text: str) -> tuple[str, str]:
    """``A..B`` as ``(A, B)``; ``A`` alone means ``A..`` the work tree (``B`` is "")."""
    first, sep, second = text.partition("..")
    if not first or (sep and second.startswith(".")):
        raise UsageError(
            Problem(
                f'--rev "{text}" is not a range of revisions',
                hint="write A..B (two commits, branches or tags), e.g. main..HEAD or HEAD~1..",
            )
        )
    for rev in (first, second):
        if rev and not _REVISION.fullmatch(rev):
            raise UsageError(Problem(f'"{rev}" is not a git revision', hint="e.g. HEAD~1, main"))
    return first, second


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise UsageError(
            Problem("git is not installed", hint="install git to compare revisions")
        ) from None
    except subprocess.TimeoutExpired:
        raise UsageError(Problem("git did not answer within 60 seconds")) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(
            Problem(
                "git: " + (said[-1] if said else f"exit status {done.returncode}"),
                hint="name revisions of this project's repository (git log --oneline)",
            )
        )
    return done.stdout


@contextmanager
def project_at(project: Project, revision: str) -> Iterator[Project]:
    """The project as it was at ``revision`` ("" for the work tree as it is now)."""
    if not revision:
        yield project
        return
    root = project.root.resolve()
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    parts = [f"{revision}:{prefix}"]
    roles = Path(project.config.roles_dir).as_posix().strip("/")
    wanted = _present(root, revision, prefix, roles)
    data = _git(root, "archive", "--format=tar", *parts, "--", *wanted)
    where = Path(tempfile.mkdtemp(prefix="jdgen-rev-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            _extract(tar, where)
        yield find_project(where) if (where / CONFIG_NAME).is_file() else Project(where)
    finally:
        shutil.rmtree(where, ignore_errors=True)


def _extract(tar: tarfile.TarFile, where: Path) -> None:
    """git's archive, extracted as plain files inside ``where`` only: no links, devices or
    paths that leave it (tarfile's "data" filter, where this Python has it)."""
    members = [
        m
        for m in tar.getmembers()
        if (m.isfile() or m.isdir())
        and not m.name.startswith("/")
        and ".." not in m.name.split("/")
    ]
    if hasattr(tarfile, "data_filter"):
        tar.extractall(where, members=members, filter="data")
    else:  # pragma: no cover - Python 3.11.0 to 3.11.3
        tar.extractall(where, members=members)


def _present(root: Path, revision: str, prefix: str, roles: str) -> list[str]:
    """Which of the project's parts (its config and roles, families included) the
    revision has: git archive fails on a path that is not there."""
    top = roles.split("/")[0]
    listed = _git(root, "ls-tree", "--name-only", f"{revision}:{prefix}").decode().split("\n")
    if top not in listed:
        raise UsageError(
            Problem(f"the project has no {roles}/ at {revision}", hint="name a later revision")
        )
    return [p for p in (CONFIG_NAME, roles) if p.split("/")[0] in listed]
