"""Importers: the stage before load. Each reads one ATS's public job-board payload into
postings (:mod:`~jdgen.importers.posting`); the shared modules map a posting into jdgen's
fields, and :mod:`~jdgen.importers.sync` writes role files, one writer for every source.
jdgen never fetches a payload itself: the docs give each source's ``curl`` line.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from jdgen.errors import InvalidInputError, Problem

if TYPE_CHECKING:  # the CLI imports SOURCES for every command; the readers come when used
    from jdgen.importers.posting import Posting

#: Every source ``jdgen import`` reads, by name: the module that reads it.
SOURCES = (
    "greenhouse",
    "lever",
    "ashby",
    "workable",
    "personio",
    "smartrecruiters",
    "recruitee",
    "teamtailor",
    "jsonld",
)


def read_postings(source: str, data: bytes, name: str) -> list[Posting]:
    """The postings of ``source``'s payload ``data`` (named ``name`` in messages);
    raises with every posting that cannot be read, each named."""
    module = importlib.import_module(f"jdgen.importers.{source}")
    read: Callable[[bytes, str, list[Problem]], list[Posting]] = module.read
    problems: list[Problem] = []
    postings = read(data, name, problems)
    if problems:
        raise InvalidInputError(problems)
    return postings
