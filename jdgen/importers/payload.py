"""Reading a payload safely: its size, its encoding, JSON without surprises and XML
without entities or a DTD; and reading its postings one by one, so that a broken one is
an error that names it."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree

from jdgen.errors import InvalidInputError, Position, Problem
from jdgen.importers.posting import Posting

MAX_BYTES = 64 * 1024 * 1024  # a payload; 50 MB boards exist, a gigabyte is a mistake
MAX_POSTINGS = 20_000
MAX_TEXT = 2_000_000  # characters in one posting's description
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class PayloadError(InvalidInputError):
    """The payload as a whole cannot be read."""


def fail(name: str, message: str, hint: str = "") -> PayloadError:
    return PayloadError(Problem(message, Position(name), hint=hint))


def text_of(data: bytes, name: str) -> str:
    """The payload as text: UTF-8 (with or without a BOM), or UTF-16/32 with a BOM.
    Anything else is refused with the offset of the first bad byte."""
    if len(data) > MAX_BYTES:
        raise fail(name, f"the payload is {len(data):,} bytes; at most {MAX_BYTES:,} are read")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise fail(name, f"not {codec} at byte {exc.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(
            name,
            f"the payload is not UTF-8 (byte {exc.start} is 0x{data[exc.start]:02x})",
            "ATS APIs answer in UTF-8; save the response as it came (curl -o), or convert it "
            "with iconv -f <encoding> -t UTF-8",
        ) from None


def load_json(data: bytes, name: str) -> Any:
    """Parse JSON; a syntax error names its line and column."""
    text = text_of(data, name)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise PayloadError(
            Problem(f"not JSON: {exc.msg}", Position(name, exc.lineno, exc.colno))
        ) from None
    except (RecursionError, ValueError) as exc:
        raise fail(name, f"not JSON that can be read: {exc}") from None


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a JSON number")


def load_xml(data: bytes, name: str) -> etree._Element:
    """Parse XML with entities unresolved, no DTD loaded, no network: a document that
    declares a DTD (the way entity bombs and external entities come) is refused."""
    if len(data) > MAX_BYTES:
        raise fail(name, f"the payload is {len(data):,} bytes; at most {MAX_BYTES:,} are read")
    root_at = re.search(rb"<[A-Za-z_]", data)
    prolog = data[: root_at.start()] if root_at else data
    if re.search(rb"<!(DOCTYPE|ENTITY)", prolog, re.I):
        raise fail(
            name,
            "the XML declares a DTD or entities, which jdgen refuses to read",
            "an ATS feed never needs one; this one may be hostile",
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        raise PayloadError(
            Problem(f"not well-formed XML: {exc.msg}", Position(name, line, column))
        ) from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise fail(name, "the XML declares a DTD, which jdgen refuses to read")
    return root


def each(
    items: Iterable[Any],
    read: Callable[[Any], Posting | None],
    name: str,
    what: str,
    problems: list[Problem],
) -> list[Posting]:
    """``read`` applied to every entry; an entry that cannot be read becomes an error
    naming it (its place, id and title), and the others are read on."""
    out: list[Posting] = []
    for i, item in enumerate(items):
        if i >= MAX_POSTINGS:
            problems.append(
                Problem(
                    f"more than {MAX_POSTINGS:,} postings; the rest were not read", Position(name)
                )
            )
            break
        try:
            posting = read(item)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            problems.append(Problem(f"{describe(item, i, what)}: {_reason(exc)}", Position(name)))
            continue
        if posting is not None:
            size = sum(len(s.html) for s in posting.sections)
            if size > MAX_TEXT:
                problems.append(
                    Problem(
                        f"{posting.name()}: its description has {size:,} characters; at most "
                        f"{MAX_TEXT:,} are read",
                        Position(name),
                    )
                )
                continue
            out.append(posting)
    return out


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"it has no {exc.args[0]!r}"
    return f"it cannot be read ({exc})"


def describe(item: Any, index: int, what: str) -> str:
    """How an unreadable entry is named: its place in the list, and its id and title
    where it has them."""
    ident = title = None
    if isinstance(item, dict):
        ident = next((item[k] for k in ("id", "shortcode", "guid", "slug") if k in item), None)
        title = next((item[k] for k in ("title", "text", "name") if k in item), None)
    elif isinstance(item, etree._Element):
        ident = item.findtext("id") or item.findtext("guid")
        title = item.findtext("name") or item.findtext("title")
    label = f"{what}[{index}]"
    if ident is not None:
        label += f" (id {str(ident)[:80]})"
    if isinstance(title, str):
        label += f" “{title[:120]}”"
    return label


#: UTF-8 read as Windows-1252 or Latin-1 somewhere upstream: "Ã©" for "é", "â€™" for "’".
_MOJIBAKE = re.compile(
    "[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€"
)


def unmangle(value: str) -> str | None:
    """``value`` with UTF-8 that was decoded as Windows-1252 (or Latin-1) repaired, or
    None when it shows no such damage or cannot be repaired exactly."""
    if not _MOJIBAKE.search(value):
        return None
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = value.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != value:
            return fixed
    return None


def text(value: Any) -> str | None:
    """A string field: stripped, None when empty or not a string."""
    if isinstance(value, str) and value.strip():
        return " ".join(_CONTROL.sub("", value).split()) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def require(value: Any, field: str) -> str:
    """A string field the posting cannot go without."""
    found = text(value)
    if found is None:
        raise ValueError(f"its {field} is missing or empty")
    return found
