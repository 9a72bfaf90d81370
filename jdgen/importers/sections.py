"""Split a description's blocks at its headings into jdgen's fields.

Which heading means which field is data (``headings.yaml``), in es, zh and en alike.
Text repeated at the start or end of most postings of one board (the company's intro,
the equal-opportunity closing) is recognised by :func:`board_wide` and kept out of
every role.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jdgen.foundation.data import read_data
from jdgen.importers.html import Block, blocks

HEADINGS_FILE = Path(__file__).with_name("headings.yaml")
LIST_FIELDS = ("responsibilities", "must_have", "nice_to_have", "benefits")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_PUNCT = re.compile(r"[^\w\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")
MAX_HEADING = 80


@functools.cache
def _phrases() -> list[tuple[str, str, bool]]:
    """(phrase, field, is_cjk), longest first: the longest phrase found decides."""
    data = read_data(HEADINGS_FILE)
    out = []
    for name, phrases in data.items():
        target = "must_have" if name == "requirements" else name
        for phrase in phrases:
            norm = normalize_heading(str(phrase))
            out.append((norm, target, bool(_CJK.search(norm))))
    order = {f: i for i, f in enumerate(data)}
    return sorted(out, key=lambda p: (-len(p[0]), order.get(p[1], 0)))


def normalize_heading(text: str) -> str:
    """Lower case, apostrophes dropped, punctuation as spaces, spaces collapsed."""
    text = text.casefold().replace("'", "").replace("’", "").replace("‘", "")
    return " ".join(_PUNCT.sub(" ", text).split())


def classify(heading: str) -> str | None:
    """The field a heading introduces ("summary", "must_have"...), or None."""
    norm = normalize_heading(heading)
    if not norm or len(norm) > MAX_HEADING:
        return None
    padded = f" {norm} "
    for phrase, target, cjk in _phrases():
        if (cjk and phrase in norm) or f" {phrase} " in padded:
            return target
    return None


@dataclass
class Fields:
    """The description, split: summary paragraphs and, per list field, its groups."""

    summary: list[str] = field(default_factory=list)
    groups: dict[str, list[tuple[str | None, list[str]]]] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)  # headings with no field

    def items(self, name: str) -> list[tuple[str | None, list[str]]]:
        """The groups of a list field; a title only where the field has several."""
        groups = [(t, i) for t, i in self.groups.get(name, []) if i]
        if len(groups) == 1:
            return [(None, groups[0][1])]
        return groups


def _heading_of(block: Block, following: Block | None) -> tuple[str, str | None] | None:
    """(heading text, field) if ``block`` reads as a heading."""
    if block.kind == "heading" and len(block.plain) <= 2 * MAX_HEADING:
        return block.plain, classify(block.plain)
    if block.kind == "heading":
        return None
    if block.kind != "para" or len(block.plain) > MAX_HEADING:
        return None
    colon = block.plain.rstrip().endswith((":", "："))
    capitals = block.plain.isupper() and len(block.plain) <= 60  # "THE TEAM", "A BIT ABOUT US"
    if not (block.bold or colon or capitals):
        return None
    target = classify(block.plain)
    starts_list = following is not None and following.kind == "list"
    if target or capitals or (block.bold and starts_list):
        return block.plain.rstrip(":： "), target
    return None


def split(parts: list[tuple[str | None, list[Block]]]) -> Fields:
    """Split described parts ((field the source gave or None, blocks)) into fields."""
    out = Fields()
    for given, found in parts:
        current: str | None = given if given != "summary" else None
        title: str | None = None
        opened = False
        for i, block in enumerate(found):
            heading = _heading_of(block, found[i + 1] if i + 1 < len(found) else None)
            if heading is not None:
                text, target = heading
                if target is None and current in LIST_FIELDS and not opened:
                    title = text  # a sub-heading inside a field the source named
                    out.groups.setdefault(current, []).append((title, []))
                    continue
                if target is None:
                    out.unplaced.append(text)
                    out.summary.append(f"**{block.text.strip('*').rstrip(':： ')}**")
                current = None if target in (None, "summary") else target
                title = text
                opened = current is not None
                if current:
                    out.groups.setdefault(current, []).append((title, []))
                continue
            if current is None:
                if block.kind == "list":
                    out.summary.extend(block.items)
                else:
                    out.summary.append(block.text)
                continue
            groups = out.groups.setdefault(current, [])
            if not groups:
                groups.append((title, []))
            groups[-1][1].extend(block.items if block.kind == "list" else [block.text])
    return out


def _signature(block: Block) -> str:
    return block.kind + ":" + (block.plain if block.kind != "list" else "\n".join(block.items))


def board_wide(descriptions: list[list[Block]]) -> set[str]:
    """The blocks (by signature) that most descriptions of one board open or close with."""
    n = len([d for d in descriptions if d])
    if n < 2:
        return set()
    # Headings are not text: every posting of a board may share "Your mission".
    counts = Counter(
        sig for d in descriptions for sig in {_signature(b) for b in d if b.kind != "heading"}
    )
    need = max(2, math.ceil(0.6 * n))
    return {sig for sig, c in counts.items() if c >= need}


def strip_board_wide(
    parts: list[tuple[str | None, list[Block]]], common: set[str]
) -> list[tuple[str | None, list[Block]]]:
    """A posting's parts without the run of board-wide blocks it opens with and the run
    it closes with. A posting that is board-wide throughout keeps everything."""
    flat = [(i, b) for i, (_, found) in enumerate(parts) for b in found]
    start, end = 0, len(flat)

    def opening(i: int) -> bool:
        """Board-wide, or the heading of a board-wide section ("About Acme")."""
        if _signature(flat[i][1]) in common:
            return True
        return flat[i][1].kind == "heading" and i + 1 < end and _signature(flat[i + 1][1]) in common

    while start < end and opening(start):
        start += 1
    while end > start:
        if _signature(flat[end - 1][1]) in common:
            end -= 1
        elif flat[end - 1][1].kind == "heading" and end < len(flat):
            end -= 1  # the heading of a board-wide section just removed
        else:
            break
    if not common or start == end:
        return parts
    kept: list[list[Block]] = [[] for _ in parts]
    for i, block in flat[start:end]:
        kept[i].append(block)
    return [(given, kept[i]) for i, (given, _) in enumerate(parts)]


__all__ = ["Fields", "blocks", "board_wide", "classify", "split", "strip_board_wide"]
