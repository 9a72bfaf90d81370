"""The layout is the architecture: one folder per stage, imports pointing down only.

A stage may import from the stages below it and from itself, never from one above it or
from a peer beside it (site and lint are both read-only users of rendering). This is
what docs/architecture.md draws.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "jdgen"
#: Bottom to top; stages on one row are peers and may not import each other.
LAYERS: list[tuple[str, ...]] = [
    ("errors",),
    ("foundation",),
    ("importers",),
    ("project",),
    ("i18n",),
    ("rendering",),
    ("site", "lint"),
    ("authoring",),
    ("cli",),
    ("__init__", "__main__"),
]
RANK = {stage: rank for rank, row in enumerate(LAYERS) for stage in row}
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _stage(module: str) -> str:
    """``jdgen.i18n.catalogs`` → ``i18n``; ``jdgen`` itself → ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every jdgen module ``path`` imports, anywhere in it (lazy imports included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: use absolute jdgen.… imports"
            if node.module == "jdgen" and [a.name for a in node.names] == ["__version__"]:
                continue  # the version string, which every stage may read
            if node.module and node.module.split(".")[0] == "jdgen":
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("jdgen")]
    return found


def _own_stage(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def test_every_module_belongs_to_a_stage() -> None:
    assert {_own_stage(p) for p in _modules()} <= set(RANK)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_imports_point_down_the_pipeline(path: Path) -> None:
    own = _own_stage(path)
    for line, module in _imports(path):
        target = _stage(module)
        if target == own:
            continue
        assert RANK[target] < RANK[own], (
            f"{path.relative_to(REPO)}:{line}: {own} imports {module}, "
            f"but {target} is {'beside' if RANK[target] == RANK[own] else 'above'} it"
        )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(REPO)} has {lines} lines; split it by topic"


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    """The check itself can fail: an import from a stage above is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("from jdgen.site.build import build_site\n", encoding="utf-8")
    (_, module) = _imports(bad)[0]
    assert RANK[_stage(module)] > RANK["project"]
    relative = tmp_path / "relative.py"
    relative.write_text("from .errors import JdgenError\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="absolute"):
        _imports(relative)
