"""The data files that ship with jdgen (rule packs, laws, vocabularies, place names),
read the one way: PyYAML's safe loader, in its libyaml build where PyYAML has one
(several times faster on the rule packs, which every lint process reads; the pure-Python
loader gives the same data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: The safe loader, in C when PyYAML was built with libyaml.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(path: Path) -> Any:
    """The contents of one of jdgen's own YAML files."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
