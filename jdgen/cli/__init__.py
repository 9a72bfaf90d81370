"""The ``jdgen`` command: a thin layer that parses options and calls the core.

``app`` holds the group, the one place that maps errors to exit codes, and the helpers the
commands share; each other module is one group of commands. Only this package imports
click, prints or exits.
"""

from jdgen.cli import authoring, documents, i18n, importing, lint, site  # noqa: F401  (registers)
from jdgen.cli.app import main, run

__all__ = ["main", "run"]
