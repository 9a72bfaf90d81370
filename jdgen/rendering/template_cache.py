"""Compiled templates kept between runs, in a form nobody else can turn into code.

Compiling the templates is most of a small command's time (0.1–0.3 s of ``jdgen
render``). Jinja can keep the compiled code, but that code is ``marshal``-ed Python: whoever
can write an entry runs code in the next build. So the entries are kept

- in a per-user cache directory (``$XDG_CACHE_HOME/jdgen/templates``, else
  ``~/.cache/jdgen/templates``), never in the project: a pull request cannot carry one;
- under a name that is the hash of everything the code is made from: the template's
  source, its name and file, the options of the environment that compiled it, and the
  versions of Jinja, Python and jdgen;
- each signed with HMAC-SHA256, and loaded only when the signature is right. The signing
  key is derived from a random secret (a ``0600`` file) *and* that file's inode and
  change time. A cache directory copied in from elsewhere (a shared CI cache restored, a
  backup) gets a new change time when it is written out, so its entries no longer verify
  even if the secret came with them: they are compiled again and re-signed.

The directory and the secret must belong to the user and be writable by nobody else;
otherwise, or if anything about the cache fails (a read-only home, a full disk), templates
are compiled as if there were no cache. A cache can cost time, never a wrong page.
``JDGEN_TEMPLATE_CACHE=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from jdgen import __version__

SECRET_NAME = "secret"
#: The environment's options that change the code it compiles a template to.
_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


def cache_dir() -> Path | None:
    """Where this user's compiled templates go, or None when the cache is turned off."""
    if os.environ.get("JDGEN_TEMPLATE_CACHE", "1") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative value is ignored
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):
            return None
    return Path(base) / "jdgen" / "templates"


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class SignedBytecodeCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache with entries named by their inputs' hash and signed."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._key: bytes | None = None
        self._failed = False

    def _signing_key(self) -> bytes | None:
        if self._key is None and not self._failed:
            try:
                self._key = self._open_key()
            except OSError:
                self._key = None
            self._failed = self._key is None
        return self._key

    def _open_key(self) -> bytes | None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(self.directory.stat()):
            return None
        path = self.directory / SECRET_NAME
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as f:
                f.write(os.urandom(32))
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())
            if not _private(st) or st.st_mode & 0o077 or not stat.S_ISREG(st.st_mode):
                return None
            secret = f.read()
        if len(secret) < 32:
            return None
        # Bound to this very file: a copy restored from elsewhere has another inode and
        # change time, so what was signed elsewhere does not verify here.
        where = f"{st.st_dev}:{st.st_ino}:{st.st_ctime_ns}:{os.getuid()}".encode()
        return hmac.new(secret, where, hashlib.sha256).digest()

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """A bucket named by everything the compiled code depends on."""
        h = hashlib.sha256()
        for part in _signature(environment, name, filename):
            h.update(part.encode("utf-8", "surrogatepass") + b"\0")
        h.update(source.encode("utf-8", "surrogatepass"))
        bucket = Bucket(environment, h.hexdigest(), h.hexdigest())
        self.load_bytecode(bucket)
        return bucket

    def _path(self, bucket: Bucket) -> Path:
        return self.directory / f"{bucket.key}.j2c"

    def load_bytecode(self, bucket: Bucket) -> None:
        """Load the entry if it is ours, untouched and signed with our key."""
        key = self._signing_key()
        if key is None:
            return
        try:
            fd = os.open(self._path(bucket), os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            return
        with os.fdopen(fd, "rb") as f:
            if not _private(os.fstat(f.fileno())):
                return
            data = f.read()
        tag, payload = data[:32], data[32:]
        expected = hmac.new(key, bucket.key.encode() + b"\0" + payload, hashlib.sha256)
        if len(tag) == 32 and hmac.compare_digest(tag, expected.digest()):
            bucket.bytecode_from_string(payload)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Write the entry, signed, atomically (builds in parallel may write the same one)."""
        key = self._signing_key()
        if key is None or bucket.code is None:
            return
        payload = bucket.bytecode_to_string()
        tag = hmac.new(key, bucket.key.encode() + b"\0" + payload, hashlib.sha256).digest()
        try:
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(tag + payload)
                os.replace(tmp, self._path(bucket))
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass

    def clear(self) -> None:
        """Remove every entry (the secret stays)."""
        for path in self.directory.glob("*.j2c"):
            path.unlink(missing_ok=True)


def _signature(environment: jinja2.Environment, name: str, filename: str | None) -> list[str]:
    autoescape: Any = environment.autoescape
    if callable(autoescape):
        autoescape = autoescape(name)
    finalize = environment.finalize
    return [
        f"jinja {jinja2.__version__}",
        f"python {sys.version} {sys.implementation.cache_tag}",
        f"jdgen {__version__}",
        name,
        filename or "",
        f"autoescape {autoescape!r}",
        f"finalize {getattr(finalize, '__qualname__', finalize)!r}",
        f"newstyle {getattr(environment, 'newstyle_gettext', False)!r}",
        "extensions " + " ".join(sorted(environment.extensions)),
        *(f"{option} {getattr(environment, option)!r}" for option in _OPTIONS),
    ]


_caches: dict[Path, SignedBytecodeCache] = {}


def bytecode_cache() -> SignedBytecodeCache | None:
    """This user's cache of compiled templates (one per process and directory), if on."""
    directory = cache_dir()
    if directory is None:
        return None
    if directory not in _caches:
        _caches[directory] = SignedBytecodeCache(directory)
    return _caches[directory]
