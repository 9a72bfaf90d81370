"""Adding a language or a region in one command (``jdgen i18n init``): besides its
catalogs, the locale goes into ``jdgen.yaml`` (its comments and layout kept) and gets a
conventions file to fill in, listing what a locale may set beyond CLDR.
"""

from __future__ import annotations

import re

from jdgen.errors import JdgenError, relpath
from jdgen.foundation.locales import parse_locale
from jdgen.foundation.write import write_atomic
from jdgen.i18n.formatting import Conventions
from jdgen.i18n.localize import CONVENTIONS_FILE
from jdgen.i18n.pofile import locale_dir
from jdgen.project.config import CONFIG_NAME, Project, parse_config
from jdgen.project.schema import fields_of

_FLOW = re.compile(r"^(locales:[ \t]*\[)([^\]\n]*)(\].*)$", re.MULTILINE)
_BLOCK = re.compile(r"^locales:[ \t]*(#.*)?\n((?:[ \t]+-[^\n]*\n|[ \t]*#[^\n]*\n)+)", re.MULTILINE)


def enable(project: Project, tag: str) -> tuple[str, str]:
    """Add ``tag`` to the project's locales in jdgen.yaml: (the file, what was done:
    "updated", "unchanged", or the line to add by hand when the file's layout is not
    one this can edit safely)."""
    info = parse_locale(tag)
    path = project.root / CONFIG_NAME
    shown = relpath(path)
    configured = [parse_locale(t).tag for t in project.config.locales]
    if info.tag in configured:
        return shown, "unchanged"
    wanted = f"locales: [{', '.join([*configured, info.tag])}]"
    if not path.is_file():
        return shown, f"add to it: {wanted}"
    if path.is_symlink():
        # Writing would put a plain file where the link is; the file it points to may be
        # shared, or outside the project: it is the user's to edit.
        return shown, f"is a link; add {info.tag} to its locales by hand: {wanted}"
    text = path.read_text(encoding="utf-8")
    flow, block = _FLOW.search(text), _BLOCK.search(text)
    if flow:
        items = flow.group(2).rstrip()
        line = f"{flow.group(1)}{items}{', ' if items.strip() else ''}{info.tag}{flow.group(3)}"
        new = text[: flow.start()] + line + text[flow.end() :]
    elif block:
        items = block.group(2)
        indent = re.match(r"[ \t]+", next(x for x in items.splitlines() if "-" in x))
        line = f"{indent.group(0) if indent else '  '}- {info.tag}\n"
        new = text[: block.end(2)] + line + text[block.end(2) :]
    elif not re.search(r"^locales:", text, re.MULTILINE):
        new = text + ("" if text.endswith("\n") or not text else "\n") + wanted + "\n"
    else:
        return shown, f"add {info.tag} to its locales: {wanted}"
    try:
        found = parse_config(new, shown)
    except JdgenError:
        return shown, f"add {info.tag} to its locales: {wanted}"
    if info.tag not in [parse_locale(t).tag for t in found.locales]:
        return shown, f"add {info.tag} to its locales: {wanted}"
    write_atomic(path, new)
    return shown, "updated"


def conventions_file(project: Project, tag: str) -> tuple[str, str] | None:
    """Write a conventions file for the locale to fill in, unless it has one."""
    base = project.root / project.config.locales_dir / locale_dir(parse_locale(tag).tag)
    path = base / CONVENTIONS_FILE
    if path.exists():
        return None
    lines = [
        f"# How {parse_locale(tag).tag} postings write what CLDR does not cover. Every line is",
        "# commented out: CLDR's own format is used until you set one. See locales/es and",
        "# locales/zh for filled-in examples.",
    ]
    defaults = Conventions()
    for name, info in fields_of(Conventions).items():
        lines.append(f"# {name}: {_yaml(getattr(defaults, name))}  # {info.doc}")
    write_atomic(path, "\n".join(lines) + "\n")
    return relpath(path), "created"


def _yaml(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)
