#!/usr/bin/env python3
"""The Python floor: the bench's roles as three formats, by the leanest pipeline we can write.

    python bench/floor.py PROJECT OUT [--jobs 2]

It reads every role (and the family it extends) and its translations, and writes, for each
locale, HTML, Markdown and plain text straight from the data: no templates, no document
tree, no checks. What it costs is the price of Python reading the same content and writing
the same number of files; bench/run.py times it beside Hugo so that jdgen's figures can be
read against both. It is a yardstick, not a renderer: its pages are not jdgen's.
"""

from __future__ import annotations

import argparse
import html
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml

LOCALES = ("es", "zh", "en")
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ENTRY = re.compile(r'^msgid "(.*)"\nmsgstr "(.*)"$', re.M)


def _catalog(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    return {m[1]: m[2] for m in _ENTRY.finditer(path.read_text(encoding="utf-8"))}


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def _chunk(args: tuple[Path, Path, list[str]]) -> int:
    project, out, ids = args
    families: dict[str, Any] = {}
    written = 0
    for role_id in ids:
        role = yaml.load((project / "roles" / f"{role_id}.yaml").read_bytes(), Loader=_LOADER)
        if "extends" in role:
            name = role["extends"]
            if name not in families:
                path = project / "roles" / "families" / f"{name}.yaml"
                families[name] = yaml.load(path.read_bytes(), Loader=_LOADER)
            role = {**families[name], **role}
        texts = _texts({k: v for k, v in role.items() if k not in ("language", "extends")})
        for lang in LOCALES:
            po = project / "locales" / lang / "LC_MESSAGES" / f"role-{role_id}.po"
            catalog = _catalog(po)
            words = [catalog.get(t, t) for t in texts]
            target = out / lang / role_id
            target.mkdir(parents=True, exist_ok=True)
            body = "".join(f"<p>{html.escape(w)}</p>\n" for w in words)
            (target / "index.html").write_text(
                f'<!DOCTYPE html>\n<html lang="{lang}"><body>\n{body}</body></html>\n',
                encoding="utf-8",
            )
            (target / "posting.md").write_text(
                f"# {words[0]}\n\n" + "\n\n".join(words[1:]) + "\n", encoding="utf-8"
            )
            (target / "posting.txt").write_text("\n\n".join(words) + "\n", encoding="utf-8")
            written += 3
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    ids = sorted(p.stem for p in (args.project / "roles").glob("*.yaml"))
    chunks = [(args.project, args.out, ids[i : i + 64]) for i in range(0, len(ids), 64)]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        written = sum(pool.map(_chunk, chunks))
    print(f"{written} files")


if __name__ == "__main__":
    main()
