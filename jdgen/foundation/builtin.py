"""Where the built-in templates and locale files are.

In a wheel they sit inside the package (``jdgen/_data``); in a source checkout they are
the repository's own top-level ``templates/`` and ``locales/`` directories.
"""

from __future__ import annotations

import functools
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # jdgen/


@functools.cache
def builtin_dir(name: str) -> Path:
    """The built-in ``templates`` or ``locales`` directory."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
