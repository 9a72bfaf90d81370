"""An import is a sync: the postings of one source against the role files that came
from it. :func:`plan` works out every file's new text (nothing is written), so that a
broken posting, a colliding id or ``--check`` leave the project untouched; :func:`apply`
writes the plan, each file atomically."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from jdgen.errors import InvalidInputError, Position, Problem, Severity, relpath
from jdgen.foundation.data import SAFE_LOADER
from jdgen.foundation.write import inside, write_atomic
from jdgen.importers.fields import detect_language, slug
from jdgen.importers.payload import unmangle
from jdgen.importers.posting import Posting
from jdgen.importers.rolefile import description_blocks, role_data
from jdgen.importers.sections import board_wide, split, strip_board_wide
from jdgen.importers.yamledit import changes, new_file, update_file

HEADER = (
    "Imported by `jdgen import {source}`. The next import updates what the ATS says\n"
    "(title, description, places, pay, dates); keys you add are kept."
)


@dataclass
class Change:
    """What an import does to one role file."""

    path: Path
    kind: str  # "created", "updated", "unchanged", "closed", "removed"
    posting: str
    fields: list[str] = field(default_factory=list)

    def line(self, root: Path) -> str:
        """The change as ``kind path: posting (fields)``, the path from ``root``."""
        try:
            where = self.path.relative_to(root).as_posix()
        except ValueError:
            where = relpath(self.path)
        what = f" ({', '.join(self.fields)})" if self.fields else ""
        return f"{self.kind} {where}: {self.posting}{what}"


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    writes: dict[Path, str] = field(default_factory=dict)
    removals: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def drift(self) -> list[Change]:
        return [c for c in self.changes if c.kind != "unchanged"]


def _role_files(roles_dir: Path) -> list[Path]:
    if not roles_dir.is_dir():
        return []
    found = []
    for top, dirs, files in os.walk(roles_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(top) / f for f in sorted(files) if f.endswith((".yaml", ".yml"))]
    return found


def existing(roles_dir: Path, source: str) -> tuple[dict[str, Path], dict[str, Path]]:
    """(the files imported from ``source``, by posting id; every role file, by id)."""
    by_source: dict[str, Path] = {}
    by_id: dict[str, Path] = {}
    for path in _role_files(roles_dir):
        by_id.setdefault(path.stem, path)
        text = path.read_text(encoding="utf-8", errors="replace")
        if "source:" not in text:
            continue
        try:
            data = yaml.load(text, Loader=SAFE_LOADER)
        except yaml.YAMLError:
            continue  # jdgen validate reports it; an import only reads what it wrote
        src = data.get("source") if isinstance(data, dict) else None
        if isinstance(src, dict) and src.get("ats") == source and src.get("id") is not None:
            by_source.setdefault(str(src["id"]), path)
    return by_source, by_id


def merge_duplicates(postings: list[Posting], name: str, problems: list[Problem]) -> list[Posting]:
    """One posting per id: a job listed once per country (Workable does) becomes one
    posting with every place; two different jobs that share an id are an error."""
    seen: dict[str, Posting] = {}
    for p in postings:
        first = seen.get(p.id)
        if first is None:
            seen[p.id] = p
        elif first.title == p.title:
            first.places += p.places
            first.place_texts += p.place_texts
        else:
            problems.append(
                Problem(
                    f"{p.name()}: its id is also the id of “{first.title}”",
                    Position(name),
                    hint="the payload is inconsistent; fetch it again",
                )
            )
    return list(seen.values())


def _repair(p: Posting) -> None:
    """Repair a posting whose text was UTF-8 decoded as Windows-1252 upstream, and say so."""
    fixed_title = unmangle(p.title)
    repaired = fixed_title is not None
    if fixed_title:
        p.title = fixed_title
    for section in p.sections:
        for attr in ("heading", "html"):
            value = getattr(section, attr)
            if value and (fixed := unmangle(value)) is not None:
                setattr(section, attr, fixed)
                repaired = True
    if repaired:
        p.warnings.append(
            ("encoding", "its text was UTF-8 read as Windows-1252 (“Ã©” for “é”); repaired")
        )


def _new_id(posting: Posting, prefix: str, shared: set[str]) -> str:
    base = slug(posting.title)
    if not base:  # a title in Chinese, say: the source and the posting's id
        base = f"{posting.source}-{slug(posting.id) or 'posting'}"
    elif base in shared:
        base = f"{base}-{slug(posting.id) or 'posting'}"
    return f"{prefix}{base}"[:100].rstrip("-")


def _known(tag: str, locales: frozenset[str]) -> bool:
    return not locales or tag in locales or tag.split("-")[0] in locales


def _language(
    p: Posting, given: str | None, guess: str | None, default: str, locales: frozenset[str]
) -> str | None:
    """The posting's language: --language, else the script where it is CJK (a source
    can say "en" over Japanese text), else the source's, else a guess the project has a
    locale for, else the default; None when it is one the project cannot show."""
    if given:
        return given
    lang = p.language
    if guess in ("zh", "ja", "ko") and not (lang or "").startswith(guess):
        if lang:
            p.warnings.append(("language", f"the source says {lang!r}, the text is {guess!r}"))
        lang = guess
    if lang:
        p.language = lang
        return lang if _known(lang, locales) else None
    if guess and _known(guess, locales):
        return guess
    return default


def plan(
    source: str,
    postings: list[Posting],
    roles_dir: Path,
    name: str,
    language: str | None = None,
    default_language: str = "en",
    prefix: str = "",
    prune: bool = False,
    locales: frozenset[str] = frozenset(),
) -> Plan:
    """What importing ``postings`` would do to ``roles_dir``; raises with every problem
    (nothing is written) when a posting cannot become a role."""
    problems: list[Problem] = []
    postings = merge_duplicates(postings, name, problems)
    for p in postings:
        _repair(p)
    by_source, by_id = existing(roles_dir, source)
    parts = {p.id: description_blocks(p) for p in postings}
    common = board_wide([[b for _, bl in parts[p.id] for b in bl] for p in postings])
    slugs: dict[str, int] = {}
    for p in postings:
        slugs[slug(p.title)] = slugs.get(slug(p.title), 0) + 1
    shared = {s for s, n in slugs.items() if n > 1}
    result = Plan()
    taken: dict[str, str] = {}
    cut = 0
    for p in postings:
        kept = strip_board_wide(parts[p.id], common)
        cut += sum(len(b) for _, b in parts[p.id]) - sum(len(b) for _, b in kept)
        fields = split(kept)
        text = " ".join(
            [
                p.title,
                *fields.summary,
                *(i for g in fields.groups.values() for _, its in g for i in its),
            ]
        )
        lang = _language(p, language, detect_language(text), default_language, locales)
        if lang is None:
            problems.append(
                Problem(
                    f"{p.name()}: it is written in {p.language}, a language this project has "
                    "no locale for",
                    Position(name),
                    hint="add the locale (jdgen i18n init <tag>), or import with --language",
                )
            )
            continue
        data = role_data(p, fields, lang)
        path = by_source.get(p.id)
        if path is not None:
            old = path.read_text(encoding="utf-8")
            try:
                new, changed = (
                    update_file(old, data)
                    if changes(data, yaml.load(old, Loader=SAFE_LOADER))  # the C *safe* loader
                    else (old, [])
                )
            except Exception as exc:
                problems.append(
                    Problem(f"{p.name()}: cannot update this file: {exc}", Position(relpath(path)))
                )
                continue
            if changed:
                result.writes[path] = new
            result.changes.append(
                Change(path, "updated" if changed else "unchanged", p.name(), changed)
            )
        else:
            role_id = _new_id(p, prefix, shared)
            if role_id in by_id or role_id in taken:
                other = relpath(by_id[role_id]) if role_id in by_id else taken[role_id]
                problems.append(
                    Problem(
                        f"{p.name()}: its role id {role_id} is taken by {other}, which was not "
                        f"imported from {source} posting {p.id}",
                        Position(name),
                        hint="rename that role, or import with --prefix to give imported "
                        "roles ids of their own",
                    )
                )
                continue
            path = inside(roles_dir, f"{role_id}.yaml", "role file")
            taken[role_id] = p.name()
            result.writes[path] = new_file(data, HEADER.format(source=source, id=p.id))
            result.changes.append(Change(path, "created", p.name()))
        for where, what in p.unmapped + p.warnings:
            result.warnings.append(
                Problem(f"{p.name()}: {what}", Position(name), where, severity=Severity.WARNING)
            )
    if cut:
        result.warnings.append(
            Problem(
                f"{cut} paragraphs, lists and headings that most postings of this board open "
                "or close with (its intro, benefits or closing) are kept out of every role",
                Position(name),
                hint="say them once, in a template or a role family the roles extend",
                severity=Severity.WARNING,
            )
        )
    ids = {p.id for p in postings}
    for ident, path in sorted(by_source.items(), key=lambda kv: str(kv[1])):
        if ident in ids:
            continue
        what = f"{source} posting {ident}, closed in the ATS"
        if prune:
            result.removals.append(path)
            result.changes.append(Change(path, "removed", what))
        else:
            result.changes.append(Change(path, "closed", what + "; --prune removes it"))
    if prune and not postings and result.removals:
        problems.append(
            Problem(
                f"the payload has no postings; --prune would remove all {len(result.removals)} "
                f"roles imported from {source}",
                Position(name),
                hint="check the payload (an unknown board answers with no jobs); remove the "
                "roles by hand if the board is really empty",
            )
        )
    if problems:
        raise InvalidInputError(problems)
    return result


def apply(result: Plan) -> None:
    """Write the plan: each file atomically; closed roles removed last."""
    for path, text in sorted(result.writes.items()):
        write_atomic(path, text)
    for path in result.removals:
        path.unlink(missing_ok=True)
