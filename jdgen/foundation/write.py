"""Write outputs atomically: a reader sees the old file or tree, or the new one, never half."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import posixpath
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from jdgen.errors import OutputError, Position, Problem, RefusedOutputError, relpath


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``: how files are compared and cached."""
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(Problem(f"cannot write: {exc.strerror}", Position(str(path)))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(
                Problem(f"cannot write: {exc.strerror}", Position(str(path)))
            ) from None
        raise


_WRITE_ERRORS = {errno.ENOSPC, errno.EROFS, errno.EDQUOT, errno.EFBIG}


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """Turn a failed write (a read-only file system, a full disk, no permission) into a
    positioned :class:`~jdgen.errors.OutputError` that names the file and the reason."""
    try:
        yield
    except OSError as exc:
        if exc.errno is None:
            raise
        why = exc.strerror or os.strerror(exc.errno)
        verb = "cannot write" if exc.errno in _WRITE_ERRORS else "cannot read or write"
        hint = "nothing was changed in the output; free some space or choose another --out"
        shown = _shown_path(str(exc.filename)) if exc.filename else None
        blocking = _file_in_the_way(str(exc.filename)) if exc.filename else None
        if blocking is not None:  # a file where a directory must be (ENOTDIR, EEXIST)
            shown, why = blocking, "is a file where jdgen needs a directory"
            hint = "nothing was changed in the output; remove or rename the file"
            if CACHE_NAME in Path(blocking).parts:
                hint += f" (or delete {CACHE_NAME}/: the build cache is made again)"
        raise OutputError(
            Problem(f"{verb}: {why.lower()}", Position(shown) if shown else None, hint=hint)
        ) from None


#: The build cache's directory (jdgen.site.build.CACHE_DIR), named in hints.
CACHE_NAME = ".jdgen-cache"
_TEMP = re.compile(r"^\.(?P<name>.+)\.\d+\.tmp$")


def _shown_path(filename: str) -> str:
    """A path as an error names it: the file being written, not the temporary file an
    atomic write goes through (``.name.1234.tmp``); relative to the working directory."""
    path = Path(filename)
    m = _TEMP.match(path.name)
    return relpath(path.with_name(m.group("name")) if m else path)


def _file_in_the_way(filename: str) -> str | None:
    """The first of a path's parents that exists and is not a directory, if one is."""
    for parent in Path(filename).parents:
        try:
            if parent.exists() and not parent.is_dir():
                return relpath(parent)
        except OSError:
            return None
    return None


# -- whole trees ------------------------------------------------------------------------

#: The file that marks a directory as a site jdgen built, and so may replace.
MARKER = ".jdgen-site"


def check_output_dir(out: Path, keep: tuple[Path, ...] = ()) -> None:
    """Refuse an output directory that a build must not replace.

    ``/``, the home directory and any directory holding ``keep`` (the project, the
    working directory) are never replaced; nor is an existing, non-empty directory that
    lacks the marker a jdgen build leaves (``.jdgen-site``).
    """
    target = out.resolve()
    home = Path.home().resolve()
    where = Position(str(out))
    if target == Path(target.anchor) or target == home or target in home.parents:
        raise RefusedOutputError(
            Problem(
                f"refusing to build into {target}",
                where,
                hint="choose a directory of its own, such as ./site",
            )
        )
    for path in keep:
        here = path.resolve()
        if target == here or target in here.parents:
            raise RefusedOutputError(
                Problem(
                    f"refusing to build into {target}: it contains {here}",
                    where,
                    hint="the output directory is replaced on every build; choose ./site",
                )
            )
    if target.exists() and not target.is_dir():
        raise RefusedOutputError(Problem("is a file, not a directory", where))
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()):
        raise RefusedOutputError(
            Problem(
                "refusing to replace a directory that jdgen did not create",
                where,
                hint=f"a site built by jdgen holds a {MARKER} file; empty the directory or "
                "choose another",
            )
        )


def check_output_file(
    path: Path, inputs: Sequence[Path], outputs: Sequence[Path] = (), option: str = ""
) -> None:
    """Refuse a file an output option names (``build --changes FILE``, ``-o FILE``) when
    writing it would overwrite an input or write into another output.

    ``inputs`` are files or directories that are read (the config, the roles, templates
    and catalogs; a path inside one of them is refused whether it exists yet or not),
    ``outputs`` directories that jdgen replaces as a whole (the site, the cache). Links are
    followed: a link to a role is a role. Raises :class:`RefusedOutputError` (exit 2).
    """
    target = Path(os.path.abspath(path))
    resolved = target.resolve()
    where = Position(str(path))
    name = f"{option} " if option else ""
    for kind, places in (("an input", inputs), ("an output", outputs)):
        for place in places:
            here = Path(os.path.abspath(place)).resolve()
            if resolved == here or here in resolved.parents:
                what = "is" if resolved == here else "is inside"
                raise RefusedOutputError(
                    Problem(
                        f"refusing to write {name}{path}: it {what} {kind} of the build ({here})",
                        where,
                        hint="write it outside the project's inputs and the site, e.g. "
                        "changes.json in the working directory",
                    )
                )


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE), where Linux has it."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(result == 0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_stale_staging(out: Path) -> list[Path]:
    """Remove what builds that died (kill -9, a power cut) left beside ``out``: their
    staging trees and set-aside old trees, named ``.<out>.<purpose>-<pid>``. A tree whose
    process still runs (a concurrent build) is left alone. Returns what was removed."""
    removed: list[Path] = []
    if not out.parent.is_dir():
        return removed
    for path in sorted(out.parent.glob(f".{out.name}.*-*")):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and (int(pid) == os.getpid() or not _alive(int(pid))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


@contextlib.contextmanager
def staging_beside(out: Path, purpose: str) -> Iterator[Path]:
    """An empty directory next to ``out`` to build a new tree in (on the same file system,
    so it can be renamed into place); removed afterwards, whatever happens. What dead
    builds left behind is removed first."""
    remove_stale_staging(out)
    staging = out.with_name(f".{out.name}.{purpose}-{os.getpid()}")
    staging.mkdir(parents=True)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def inside(root: Path, rel: str, what: str) -> Path:
    """``root / rel``, refusing a ``rel`` that leads outside ``root`` (``what`` names the
    tree in the message: "the site")."""
    target = root / rel
    if not target.resolve().is_relative_to(root.resolve()):
        raise OutputError(Problem(f"refusing to write outside {what}: {rel}"))
    return target


def fresh_path(root: Path, rel: str) -> str:
    """``root / rel`` in a tree this build made (so holding no links), refusing a ``rel``
    that is not a plain relative path: checked by its text, without a system call."""
    if (
        rel in ("", ".", "..")
        or rel.startswith(("/", "../"))
        or "\\" in rel
        or "\0" in rel
        or posixpath.normpath(rel) != rel
    ):
        raise OutputError(Problem(f"refusing to write outside the site: {rel}"))
    return os.path.join(root, rel)


def write_tree(root: Path, files: Mapping[str, bytes], made: set[str] | None = None) -> None:
    """Write ``files`` (relative path → bytes) into ``root``, a tree this build made, making
    directories below it as needed (``made`` remembers the ones made already). ``root``
    itself is never made again: once a failed build has removed it, writing stops."""
    made = set() if made is None else made
    top = os.fspath(root)
    for rel, data in files.items():
        target = fresh_path(root, rel)
        parent = os.path.dirname(target)
        if parent not in made:
            make_below(top, parent)
            made.add(parent)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)


def make_below(top: str, directory: str) -> None:
    if directory == top or os.path.isdir(directory):
        return
    make_below(top, os.path.dirname(directory))
    with contextlib.suppress(FileExistsError):
        os.mkdir(directory)


def swap_in(new: Path, out: Path) -> None:
    """Put the finished tree ``new`` in place of ``out``; readers never see a partial one."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        shutil.rmtree(new)  # now holds the previous site
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    os.rename(out, old)
    os.rename(new, out)
    shutil.rmtree(old)


def compare_tree(plan: dict[str, str], out: Path) -> list[str]:
    """How the tree in ``out`` differs from ``plan`` (relative path → SHA-256 of the
    content), one "extra:", "changed:" or "missing:" line per file."""
    differences = []
    present = set()
    if out.is_dir():
        for path in sorted(out.rglob("*")):
            if path.is_file():
                rel = path.relative_to(out).as_posix()
                present.add(rel)
                if rel not in plan:
                    differences.append(f"extra: {rel}")
                elif sha256(path.read_bytes()) != plan[rel]:
                    differences.append(f"changed: {rel}")
    differences.extend(f"missing: {rel}" for rel in sorted(set(plan) - present))
    return differences
