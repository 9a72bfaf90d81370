"""Which fonts, and which language tags, a printed document (DOCX, PDF) uses.

No engine bundles a CJK font, and each falls back badly when none is named: Word shows
Chinese in a Japanese font (MS Mincho) when its theme's East Asian font is empty, and
WeasyPrint prints tofu. So every printed document names its fonts explicitly, one per
script, from the project's ``fonts:`` (defaults: Noto Sans and Noto Sans CJK).
"""

from __future__ import annotations

from dataclasses import dataclass

from jdgen.foundation.locales import maximized
from jdgen.project.config import Fonts

#: Scripts written right to left: their documents set w:bidi and dir="rtl".
RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg"})


@dataclass(frozen=True)
class PrintLocale:
    """How a locale is told to a printed document."""

    tag: str  # BCP 47, as HTML's lang: "zh-CN", "es-AR", "en"
    word: str  # with its likely region, as Word's proofing tools want: "zh-CN", "es-ES"
    east_asian: str  # the language East Asian text in the document is set in
    latin: str  # the font family for Latin text
    cjk: str  # the font family for Han text
    rtl: bool = False
    cjk_key: str = "hans"  # the key of fonts: in jdgen.yaml that names ``cjk``
    emoji: str | None = None  # a font for emoji and symbols, tried last

    @property
    def cjk_first(self) -> bool:
        """Chinese text (and its punctuation, quotes included) in the CJK font first."""
        return self.tag.split("-")[0] == "zh"

    @property
    def keyed(self) -> tuple[tuple[str, str], ...]:
        """(key in ``fonts:``, family) in the order a renderer tries them."""
        cjk, latin = (self.cjk_key, self.cjk), ("latin", self.latin)
        fonts = (cjk, latin) if self.cjk_first else (latin, cjk)
        return fonts + ((("emoji", self.emoji),) if self.emoji else ())

    @property
    def stack(self) -> tuple[str, ...]:
        """The font families in the order a renderer tries them."""
        return tuple(family for _, family in self.keyed)


def print_locale(tag: str, fonts: Fonts) -> PrintLocale:
    """The print settings of a document in ``tag``."""
    language, script, territory = maximized(tag)
    word = f"{language}-{territory}" if territory else language
    traditional = language == "zh" and script == "Hant"
    # Han text in a Spanish page (a name, an address) is shown as Simplified Chinese.
    east_asian = word if language == "zh" else "zh-CN"
    return PrintLocale(
        tag=tag,
        word=word,
        east_asian=east_asian,
        latin=fonts.latin,
        cjk=fonts.hant if traditional else fonts.hans,
        rtl=script in RTL_SCRIPTS,
        cjk_key="hant" if traditional else "hans",
        emoji=fonts.emoji,
    )
