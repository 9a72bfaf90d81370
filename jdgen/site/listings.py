"""Listing pages that scale and read well: postings in pages of 50 (``rel=next/prev``),
grouped by team with one "Other roles" group for the rest, identical titles told apart,
and each filter page linked to its versions in the other languages. No I/O here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jdgen.site.facts import Facts, group_postings
from jdgen.site.pages import relative

#: Postings on one listing page: a page stays short to read and cheap to render again.
PAGE_SIZE = 50


def page_paths(folder: str, count: int) -> list[str]:
    """The pages of a listing of ``count`` postings under ``folder`` (``es/``):
    ``es/index.html``, then ``es/page/2/index.html``…"""
    pages = max(1, -(-count // PAGE_SIZE))
    return [f"{folder}index.html"] + [f"{folder}page/{n}/index.html" for n in range(2, pages + 1)]


@dataclass(frozen=True)
class Page:
    """One page of a listing: its path, its postings, and the links between the pages."""

    path: str
    items: list[Facts]
    number: int
    paths: list[str]

    def nav(self) -> dict[str, Any] | None:
        """Links to the previous and next page and to every page, relative to this one
        (None when the listing has one page)."""
        if len(self.paths) == 1:
            return None
        i = self.number - 1
        return {
            "prev": relative(self.path, self.paths[i - 1]) if i else None,
            "next": relative(self.path, self.paths[i + 1]) if i + 1 < len(self.paths) else None,
            "pages": [
                {"number": n, "href": relative(self.path, p), "current": n == self.number}
                for n, p in enumerate(self.paths, 1)
            ],
        }


def paginate(folder: str, items: Sequence[Facts]) -> list[Page]:
    """The postings in the order they are listed (by group, then title), in pages."""
    ordered = [f for _, group in group_postings(items) for f in group]
    paths = page_paths(folder, len(ordered))
    return [
        Page(path, ordered[i * PAGE_SIZE : (i + 1) * PAGE_SIZE], i + 1, paths)
        for i, path in enumerate(paths)
    ]


def entries(page: str, items: Sequence[Facts]) -> list[tuple[str, list[dict[str, str]]]]:
    """The page's postings by group, each with its link; a title that two postings of the
    page share says what tells them apart (the place, or the team)."""
    titles: dict[str, int] = {}
    for f in items:
        titles[f.title] = titles.get(f.title, 0) + 1
    out = []
    for name, group in group_postings(items):
        rows = []
        for f in group:
            title = f.title
            if titles[title] > 1:
                tell = _difference(f, [g for g in items if g.title == f.title and g is not f])
                title = f"{title} · {tell}" if tell else title
            rows.append({"href": relative(page, f.path), "title": title, "details": f.details})
        out.append((name, rows))
    return out


def _difference(item: Facts, others: list[Facts]) -> str:
    """What ``item`` has that postings of the same title do not: its places, else its
    team, else its role id."""
    for kind in ("location", "team"):
        mine = item.facets.get(kind, [])
        if mine and all(o.facets.get(kind, []) != mine for o in others):
            return ", ".join(mine)
    return item.role


def facet_keys(items: Sequence[Facts], kind: str) -> dict[str, str]:
    """Each shown value of a facet (Remoto, 远程) and the key it has in every language
    (the arrangement's code, the team and place as the role file writes them)."""
    out: dict[str, str] = {}
    for f in items:
        for value, key in zip(f.facets.get(kind, []), f.keys.get(kind, []), strict=False):
            out.setdefault(value, key)
    return out
