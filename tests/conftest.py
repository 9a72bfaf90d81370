"""Shared fixtures: tiny project builders and the golden-file switch.

Refresh every golden file after an intended change with:

    pytest tests/test_kinds.py --update-goldens  (examples/documents: jdgen export)
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
#: The committed output of `jdgen export` for the built-in roles: golden files too.
EXAMPLES = REPO / "examples" / "documents"


def golden_files(suffix: str) -> list[str]:
    """Every golden page with this suffix: tests/golden/ and examples/documents/."""
    return sorted(str(p) for base in (GOLDEN, EXAMPLES) for p in base.rglob(f"*{suffix}"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/ from the current output",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


Builder = Callable[[dict[str, str]], Path]


@pytest.fixture
def build_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Builder:
    """Write ``{relative path: text}`` under a temporary directory and cd into it. A
    tree without a ``jdgen.yaml`` gets an empty one (the default config): without it,
    the directory is no project and the CLI says so (exit 2)."""

    def build(files: dict[str, str]) -> Path:
        if "jdgen.yaml" not in files and not (tmp_path / "jdgen.yaml").exists():
            (tmp_path / "jdgen.yaml").write_text("# the default config\n", encoding="utf-8")
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        return tmp_path

    return build


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own roles, built into a site once per test run."""
    from jdgen.project.config import find_project
    from jdgen.site.build import build_site

    project = tmp_path_factory.mktemp("repo")
    for name in ("jdgen.yaml", "roles", "locales", "templates"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, project / name)
        else:
            shutil.copy(src, project / name)
    build_site(find_project(project), project / "site")
    return project / "site"


def check_golden(path: Path, text: str, update: bool, refresh: str) -> None:
    """Compare ``text`` with the golden file at ``path`` (or rewrite it when updating)."""
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file; run {refresh}"
    assert text == path.read_text(encoding="utf-8"), f"out of date; run {refresh} if intended"


@pytest.fixture(scope="session", autouse=True)
def _user_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled templates go to a cache of this test run's own, not the user's."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
