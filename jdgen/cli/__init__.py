"""The ``jdgen`` command: a thin layer that parses options and calls the core.

``app`` holds the group, the one place that maps errors to exit codes, and the helpers the
commands share; each other module is one group of commands. Only this package imports
click, prints or exits.
"""

# Each module registers its commands on import.
from jdgen.cli import (  # noqa: F401
    authoring,
    documents,
    i18n,
    importing,
    levels,
    lint,
    site,
)
from jdgen.cli.app import main, run

__all__ = ["main", "run"]
