"""A role's feed entries (written with its pages, cached with them) and the feed files
joined from every posting's entries."""

from __future__ import annotations

from collections.abc import Sequence

from jdgen.project.config import FeedsConfig
from jdgen.site.cache import Cache, CacheMiss
from jdgen.site.feeds import atom, indeed, linkedin
from jdgen.site.feeds.common import Posting


def cached_entries(cache: Cache, digests: Sequence[str]) -> list[dict[str, bytes]]:
    """Each open posting's entries, from the cache; every one lost is named at once
    (:class:`CacheMiss`), so that one more try renders them all again."""
    entries, lost = [], set()
    for digest in digests:
        try:
            entries.append(cache.get_pack(digest))
        except CacheMiss:
            lost.add(digest)
    if lost:
        raise CacheMiss(*lost)
    return entries


def is_feed(path: str) -> bool:
    """Whether a site file is one of the feeds (for ``build --changes``)."""
    return path in (indeed.PATH, linkedin.PATH) or path.endswith("/" + atom.NAME)


def feed_parts(posting: Posting, summary: str, config: FeedsConfig) -> dict[str, str]:
    """One posting's entries in one locale, by the feed file they go into."""
    parts = {}
    if config.indeed:
        parts[indeed.PATH] = indeed.indeed_jobs(posting)
    if config.linkedin and not linkedin.linkedin_missing(config.linkedin):
        parts[linkedin.PATH] = linkedin.linkedin_jobs(posting, config.linkedin)
    if config.atom:
        parts[atom.atom_path(posting.tag)] = atom.atom_entry(posting, summary)
    return parts


def feed_files(
    config: FeedsConfig,
    entries: Sequence[dict[str, bytes]],
    locales: Sequence[str],
    titles: dict[str, str],
    organization: str,
    base_url: str,
    today: str,
) -> dict[str, bytes]:
    """Every feed file, from every open posting's entries (role by role, in the order of
    their ids): joined, never written again. ``titles``: each locale's feed title."""

    def joined(path: str) -> list[str]:
        return [e[path].decode() for e in entries if path in e]

    files: dict[str, str] = {}
    if config.indeed:
        files[indeed.PATH] = indeed.indeed_feed(joined(indeed.PATH), organization, base_url)
    if config.linkedin and not linkedin.linkedin_missing(config.linkedin):
        files[linkedin.PATH] = linkedin.linkedin_feed(joined(linkedin.PATH))
    if config.atom:
        for tag in locales:
            path = atom.atom_path(tag)
            files[path] = atom.atom_feed(
                joined(path), tag, titles[tag], organization, base_url, today
            )
    return {path: text.encode() for path, text in files.items()}
