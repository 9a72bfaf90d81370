"""Resolve roles: find role files, follow ``extends`` through role families, validate.

A role family holds what every posting of a role has in common; a posting names it in
``extends`` and adds or overrides the rest. Merging happens on YAML nodes, before
validation, so every value keeps the file and line it came from: an error in a
family's salary points at the family file, even when found through a posting.

Merge rules: mappings merge key by key (the child wins); lists and text are replaced
whole. ``id``, ``extends`` and ``abstract`` are never inherited.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from jdgen.errors import InvalidInputError, NotFoundError, Position, Problem, Problems, did_you_mean
from jdgen.foundation.locales import parse_locale
from jdgen.foundation.vocabulary import KIND_SECTIONS
from jdgen.project.checking import INVALID, Checker
from jdgen.project.config import Project
from jdgen.project.keys import stable_context
from jdgen.project.load import Document, load_yaml, merge_nodes, position
from jdgen.project.model import ROLE, Role
from jdgen.project.schema import node_for

ROLE_SUFFIXES = (".yaml", ".yml")


def _family_hint(root: yaml.Node) -> str:
    kinds = [kind for kind, key in KIND_SECTIONS.items() if node_for(root, key) is not None]
    own = f", or the family's own {' / '.join(kinds)} (--kind)" if kinds else ""
    return "render a role that extends it" + own


_NOT_INHERITED = frozenset({"id", "extends", "abstract"})


@dataclass(frozen=True)
class TextSource:
    """Where one translatable text was written: the role file, its language, the line."""

    text: str
    role: str  # the id of the file it is written in: the role itself or a family
    language: str  # that file's language, a BCP 47 tag
    position: Position
    path: str  # the field's model path, e.g. responsibilities[0].items[2]
    #: The catalog context (msgctxt), e.g. ``ml-engineer:responsibilities[Models].items``:
    #: see :mod:`jdgen.project.keys`.
    context: str = ""


@dataclass(frozen=True)
class ResolvedRole:
    """A validated role and where each of its values came from."""

    role: Role
    path: Path
    display: str
    #: Field path → where the value was written (in this file or a family's).
    positions: dict[str, Position]
    #: The families it extends, nearest first.
    families: tuple[str, ...] = ()
    #: Model path → source of every translatable text.
    texts: dict[str, TextSource] = field(default_factory=dict)

    def position(self, key: str) -> Position:
        """Where the field ``key`` is written: its own position, else its first part's
        (``salary`` → ``salary.min``), else its parent's, else the file's. A finding
        about a whole mapping still gets a line and a column."""
        if key in self.positions:
            return self.positions[key]
        inside = [p for k, p in self.positions.items() if k.startswith((f"{key}.", f"{key}["))]
        if inside:
            return min(inside, key=lambda p: (p.path, p.line or 0, p.column or 0))
        parent = key.rpartition(".")[0]
        return self.position(parent) if parent else Position(self.display)


def _walk_role_files(
    directory: Path, root: Path, skipped: list[tuple[str, str]]
) -> Iterator[tuple[str, str]]:
    """(stem, path) of every role file below ``directory``, in a deterministic order;
    hidden files and folders skipped. Plain strings: a large site has many thousands.

    Only regular files are read: a FIFO would hang the build, a device or socket is no
    role. A symbolic link is followed only to a regular file inside ``root`` (the
    project), so a link cannot make jdgen read, or print, a file from elsewhere. What is
    passed over goes into ``skipped`` as (path, why)."""
    inside = os.path.realpath(root) + os.sep
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.endswith(ROLE_SUFFIXES) or name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            try:
                mode = os.lstat(path).st_mode
                if stat.S_ISLNK(mode):
                    if not os.path.realpath(path).startswith(inside):
                        skipped.append((path, "is a link to a file outside the project"))
                        continue
                    mode = os.stat(path).st_mode
            except OSError as exc:  # a dangling link, or gone since it was listed
                skipped.append((path, f"cannot be read: {exc.strerror}"))
                continue
            if not stat.S_ISREG(mode):
                skipped.append((path, "is not a regular file (a FIFO, a device or a socket)"))
                continue
            yield name.rsplit(".", 1)[0], path


def role_files(
    directory: Path,
    duplicates: list[tuple[str, str]] | None = None,
    skipped: list[tuple[str, str]] | None = None,
    root: Path | None = None,
) -> dict[str, Path]:
    """Role id → file, for every role file below ``directory``; the first of a stem wins.
    The others go into ``duplicates`` as (path, first path), if given; files that are not
    read go into ``skipped`` as (path, why). Links may point anywhere inside ``root``
    (default: ``directory``)."""
    found: dict[str, str] = {}
    for stem, path in _walk_role_files(
        directory, root or directory, [] if skipped is None else skipped
    ):
        first = found.setdefault(stem, path)
        if first != path and duplicates is not None:
            duplicates.append((path, first))
    return {stem: Path(path) for stem, path in found.items()}


@dataclass
class RoleIndex:
    """The roles of a project, parsed lazily and only once each."""

    project: Project
    files: dict[str, Path] = field(default_factory=dict)
    _docs: dict[Path, Document] = field(default_factory=dict)
    _duplicates: list[tuple[str, str]] = field(default_factory=list)
    _skipped: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def of(cls, project: Project) -> RoleIndex:
        duplicates: list[tuple[str, str]] = []
        skipped: list[tuple[str, str]] = []
        index = cls(project, role_files(project.roles_dir, duplicates, skipped, project.root))
        index._duplicates = duplicates
        index._skipped = skipped
        return index

    def file_problems(self) -> list[Problem]:
        """Role files that cannot be used: two files with one stem in different folders
        (ids would be ambiguous), and files that are not read (see ``role_files``)."""
        problems = [
            Problem(
                f'role id "{Path(path).stem}" is also used by '
                f"{self.project.display(Path(first))}:1:1",
                Position(self.project.display(Path(path)), 1, 1),
                hint="role ids come from file names and must be unique; rename one",
            )
            for path, first in self._duplicates
        ]
        problems += [
            Problem(
                f"{why}; it was not read",
                Position(self.project.display(Path(path))),
                hint="role files are plain files inside the project; copy it in instead",
            )
            for path, why in self._skipped
        ]
        return problems

    def document(self, path: Path) -> Document:
        path = path.resolve()
        if path not in self._docs:
            self._docs[path] = load_yaml(path, self.project.display(path))
        return self._docs[path]

    def path_for(self, ref: str) -> Path:
        """A role given as an id or a file path."""
        candidate = Path(ref)
        if candidate.suffix in ROLE_SUFFIXES or os.sep in ref or "/" in ref:
            if candidate.exists() and not candidate.is_dir():
                return candidate.resolve()  # a FIFO or device is refused when it is read
            raise NotFoundError(
                Problem(f'role file "{ref}" not found', hint=self._suggest(candidate.stem))
            )
        if ref in self.files:
            return self.files[ref].resolve()
        raise NotFoundError(
            Problem(
                f'no role with id "{ref}" in {self.project.display(self.project.roles_dir)}/',
                hint=self._suggest(ref),
            )
        )

    def _suggest(self, ref: str) -> str:
        if not self.files:
            return f"there are no role files in {self.project.display(self.project.roles_dir)}/"
        return did_you_mean(ref, self.files) or "known roles: " + ", ".join(sorted(self.files))

    def resolve(self, ref: str | Path, family_ok: bool = False) -> ResolvedRole:
        """Load, merge and validate one role; raises with every problem found. A role family
        (``abstract: true``) is refused unless ``family_ok``: it is no posting, but its
        hiring guide or skills matrix describe the role itself."""
        path = ref if isinstance(ref, Path) else self.path_for(ref)
        path = path.resolve()
        problems = Problems()
        merged, families = self._merged(path, problems, ())
        for family in families:  # a family must also be valid on its own
            self._check_partial(self.files[family], problems)
        problems.raise_errors()
        assert merged is not None
        if _scalar(merged, "abstract") in ("true", "True", "yes") and not family_ok:
            raise InvalidInputError(
                Problem(
                    "is a role family (abstract: true), which is not rendered on its own",
                    position(merged, self.project.display(path)),
                    hint=_family_hint(merged),
                )
            )
        ctx = Checker(problems=problems)
        role = ROLE.check(merged, "", ctx)
        problems.raise_errors()
        assert role is not INVALID
        origins = {
            self.project.display(p): (p.stem, self.language_of(p))
            for p in (path, *(self.files[f].resolve() for f in families))
        }
        texts = {
            key: TextSource(text, *origins.get(pos.path, (role.id, role.language)), pos, key)
            for key, (text, pos) in ctx.texts.items()
        }
        for key, source in texts.items():

            def text_at(other: str, source: TextSource = source) -> str | None:
                found = texts.get(other)
                return found.text if found is not None and found.role == source.role else None

            texts[key] = dataclasses.replace(
                source, context=stable_context(source.role, key, text_at)
            )
        return ResolvedRole(role, path, self.project.display(path), ctx.positions, families, texts)

    def language_of(self, path: Path) -> str:
        """The language a role file is written in (its own, or the project's default)."""
        doc = self.document(path)
        tag = _scalar(doc.root, "language") if doc.root is not None else None
        try:
            return parse_locale(tag or self.project.config.default_locale).tag
        except ValueError:
            return self.project.config.default_locale

    def own_texts(self, path: Path) -> tuple[dict[str, tuple[str, Position]], list[Problem]]:
        """The translatable texts written in one role file (not inherited), by model path."""
        problems = Problems()
        try:
            doc = self.document(path)
        except InvalidInputError as exc:
            return {}, exc.problems
        if doc.root is None:
            return {}, []
        ctx = Checker(problems=problems, partial=True)
        ROLE.check(self._with_defaults(doc.root, path.stem, problems), "", ctx)
        return ctx.texts, problems.errors

    def is_family(self, path: Path) -> bool:
        """Whether a role file is a family (``abstract: true``), never published itself."""
        try:
            doc = self.document(path)
        except InvalidInputError:
            return False
        return doc.root is not None and _scalar(doc.root, "abstract") in ("true", "True", "yes")

    def check(self, path: Path) -> list[Problem]:
        """Every problem of one role file: a family is checked as far as it goes."""
        problems = Problems()
        merged, _ = self._merged(path.resolve(), problems, ())
        if merged is not None and _scalar(merged, "abstract") in ("true", "True", "yes"):
            ROLE.check(merged, "", Checker(problems=problems, partial=True))
            return problems.items
        try:
            self.resolve(path)
        except InvalidInputError as exc:
            return exc.problems
        return []

    def _check_partial(self, path: Path, problems: Problems) -> None:
        doc = self.document(path)
        if doc.root is not None:
            root = self._with_defaults(doc.root, path.stem, problems)
            ROLE.check(root, "", Checker(problems=problems, partial=True))

    def _merged(
        self, path: Path, problems: Problems, seen: tuple[Path, ...]
    ) -> tuple[yaml.Node | None, tuple[str, ...]]:
        try:
            doc = self.document(path)
        except InvalidInputError as exc:
            problems.extend(exc.problems)
            return None, ()
        if doc.root is None:
            problems.add(
                Problem(
                    "the file is empty",
                    Position(doc.path, 1, 1),
                    hint="a role needs at least a title; see `jdgen schema`",
                )
            )
            return None, ()
        root = self._with_defaults(doc.root, path.stem, problems)
        parent_ref = _scalar(root, "extends")
        if parent_ref is None:
            return root, ()
        node = node_for(root, "extends")
        parent_path = self.files.get(parent_ref)
        if parent_path is None:
            problems.add(
                Problem(
                    f'extends an unknown role "{parent_ref}"',
                    position(node),
                    "extends",
                    hint=self._suggest(parent_ref),
                )
            )
            return None, ()
        parent_path = parent_path.resolve()
        if parent_path in seen or parent_path == path:
            cycle = " → ".join([p.stem for p in (*seen, path)] + [parent_ref])
            problems.add(Problem(f"extends itself through {cycle}", position(node), "extends"))
            return None, ()
        parent, families = self._merged(parent_path, problems, (*seen, path))
        if parent is None:
            return None, ()
        return merge_nodes(parent, root, skip=_NOT_INHERITED), (parent_ref, *families)

    def _with_defaults(self, root: yaml.Node, stem: str, problems: Problems) -> yaml.Node:
        """Fill ``id`` (the file name) and ``language`` (the project default) if absent."""
        if not isinstance(root, yaml.MappingNode):
            return root
        pairs = list(root.value)
        mark = root.start_mark
        id_node = node_for(root, "id")
        if id_node is None:
            pairs.append(_pair("id", stem, mark))
        elif isinstance(id_node, yaml.ScalarNode) and id_node.value != stem:
            problems.add(
                Problem(
                    f'id "{id_node.value}" differs from the file name "{stem}"',
                    position(id_node),
                    "id",
                    hint=f"rename the file or write id: {stem}",
                )
            )
        if node_for(root, "language") is None:
            pairs.append(_pair("language", self.project.config.default_locale, mark))
        return yaml.MappingNode(root.tag, pairs, root.start_mark, root.end_mark, root.flow_style)


def _pair(key: str, value: str, mark: yaml.Mark) -> tuple[yaml.Node, yaml.Node]:
    return (
        yaml.ScalarNode("tag:yaml.org,2002:str", key, mark, mark),
        yaml.ScalarNode("tag:yaml.org,2002:str", value, mark, mark),
    )


def _scalar(node: yaml.Node, key: str) -> str | None:
    value = node_for(node, key)
    if isinstance(value, yaml.ScalarNode) and value.tag != "tag:yaml.org,2002:null":
        return str(value.value)
    return None
