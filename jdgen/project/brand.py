"""The brand a careers site wears: its accent colour, checked for contrast on the site's
light and dark backgrounds (WCAG 2.x relative luminance; 4.5:1, the AA level for body
text, since links are text), and the dark-mode variant derived where none is given."""

from __future__ import annotations

import re

#: The site's own backgrounds (templates/default/style.css: --bg in light and dark mode).
LIGHT_BG = "#ffffff"
DARK_BG = "#16161a"
#: WCAG 2.x AA for normal text: links in the accent colour are text.
MINIMUM = 4.5
_HEX = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


def parse_colour(text: str) -> tuple[int, int, int]:
    """``#0b57d0`` or ``#07f`` as (r, g, b); raises ValueError otherwise."""
    if not _HEX.fullmatch(text):
        raise ValueError(f'expected a colour as #rrggbb, got "{text}"', "e.g. #0b57d0")
    digits = text[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def hex_colour(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _reads_on(text: str, background: str, page: str, shade: str) -> str:
    """``text`` if it reaches the minimum contrast on ``background``; else a ValueError
    that says by how much it does not, with a ``shade`` (towards black or white) that
    would."""
    rgb = parse_colour(text)
    ratio = contrast(rgb, parse_colour(background))
    if ratio < MINIMUM:
        target = (0, 0, 0) if shade == "darker" else (255, 255, 255)
        raise ValueError(
            f"{text} on the {page} page has a contrast of {ratio:.2f}:1; links need {MINIMUM}:1",
            f"use a {shade} shade, e.g. {hex_colour(_towards(rgb, target, background))}",
        )
    return hex_colour(rgb)


def light_accent(text: str) -> str:
    """The accent for light mode, as given, if it reads on white."""
    return _reads_on(text, LIGHT_BG, "white", "darker")


def dark_accent(text: str) -> str:
    """The accent for dark mode, as given, if it reads on the dark page."""
    return _reads_on(text, DARK_BG, "dark", "lighter")


def derived_dark(light: str) -> str:
    """A dark-mode accent from the light one: the same hue mixed with white until it
    reads on the dark page."""
    return hex_colour(_towards(parse_colour(light), (255, 255, 255), DARK_BG))


def _towards(
    rgb: tuple[int, int, int], target: tuple[int, int, int], background: str
) -> tuple[int, int, int]:
    bg = parse_colour(background)
    for step in range(101):
        t = step / 100
        mixed = tuple(round(c + (d - c) * t) for c, d in zip(rgb, target, strict=True))
        candidate = (mixed[0], mixed[1], mixed[2])
        if contrast(candidate, bg) >= MINIMUM:
            return candidate
    return target
