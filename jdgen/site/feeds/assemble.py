"""A role's feed entries (written with its pages, cached with them) and the feed files
joined from every posting's entries."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from jdgen.project.config import FeedsConfig
from jdgen.site.cache import Cache, CacheMiss, put_object
from jdgen.site.feeds import atom, indeed, linkedin
from jdgen.site.feeds.common import Posting


def store_entries(objects: Path, parts: dict[str, str]) -> str:
    """Keep a role's entries (:func:`feed_parts`, by feed file) as one cache object.
    Uncompressed: every assembly reads every posting's, and joins them as they are."""
    data = {name: text.encode() for name, text in parts.items()}
    head = json.dumps([[name, len(data[name])] for name in sorted(data)], ensure_ascii=False)
    return put_object(objects, b"".join([head.encode(), b"\n", *(data[n] for n in sorted(data))]))


def cached_entries(cache: Cache, digests: Sequence[str]) -> list[dict[str, bytes]]:
    """Each open posting's entries, from the cache; every one lost is named at once
    (:class:`CacheMiss`), so that one more try renders them all again."""
    entries, lost = [], set()
    for digest in digests:
        try:
            data = cache.get(digest)
        except CacheMiss:
            lost.add(digest)
            continue
        head, _, body = data.partition(b"\n")
        files, at = {}, 0
        try:
            for name, size in json.loads(head):
                files[str(name)], at = body[at : at + int(size)], at + int(size)
        except (ValueError, TypeError):  # pragma: no cover - the bytes match their hash
            lost.add(digest)
        entries.append(files)
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
    dates: dict[str, list[str]],
    today: str,
) -> dict[str, bytes]:
    """Every feed file, from every open posting's entries (role by role, in the order of
    their ids): joined as they are, never written again. ``titles``: each locale's feed
    title; ``dates``: the days its postings were posted."""

    def joined(path: str) -> bytes:
        return b"".join(e[path] for e in entries if path in e)

    files: dict[str, bytes] = {}
    if config.indeed:
        head, foot = indeed.indeed_feed(organization, base_url)
        files[indeed.PATH] = head.encode() + joined(indeed.PATH) + foot.encode()
    if config.linkedin and not linkedin.linkedin_missing(config.linkedin):
        head, foot = linkedin.linkedin_feed()
        files[linkedin.PATH] = head.encode() + joined(linkedin.PATH) + foot.encode()
    if config.atom:
        for tag in locales:
            path = atom.atom_path(tag)
            newest = max(dates.get(tag, []), default="") or today
            head, foot = atom.atom_feed(tag, titles[tag], organization, base_url, newest)
            body = joined(path).replace(atom.UNDATED.encode(), atom.dated(today).encode())
            files[path] = head.encode() + body + foot.encode()
    return files
