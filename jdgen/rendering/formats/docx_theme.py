"""The theme of jdgen's Word files: Office's colours and effects, with fonts that are the
project's for every script Chinese is written in (python-docx ships no theme, and Word's
built-in one sends East Asian text to a Japanese font)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

if TYPE_CHECKING:
    from jdgen.rendering.formats.fonts import PrintLocale

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Where Word finds a substitute for a font the reader does not have: the character set
#: (GB2312, Big5) and a font every Windows with that language has. Without them Word
#: substitutes by its own guess, a Japanese font for Han text among them.
_SUBSTITUTES = {"hans": ("86", "Microsoft YaHei"), "hant": ("88", "Microsoft JhengHei")}

_COLOURS = (
    ("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
    ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
    ("dk2", '<a:srgbClr val="1F497D"/>'),
    ("lt2", '<a:srgbClr val="EEECE1"/>'),
    ("accent1", '<a:srgbClr val="4F81BD"/>'),
    ("accent2", '<a:srgbClr val="C0504D"/>'),
    ("accent3", '<a:srgbClr val="9BBB59"/>'),
    ("accent4", '<a:srgbClr val="8064A2"/>'),
    ("accent5", '<a:srgbClr val="4BACC6"/>'),
    ("accent6", '<a:srgbClr val="F79646"/>'),
    ("hlink", '<a:srgbClr val="0000FF"/>'),
    ("folHlink", '<a:srgbClr val="800080"/>'),
)

_FORMATS = """<a:fmtScheme name="Office"><a:fillStyleLst>\
<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>\
<a:solidFill><a:schemeClr val="phClr"><a:tint val="50000"/></a:schemeClr></a:solidFill>\
<a:solidFill><a:schemeClr val="phClr"><a:shade val="80000"/></a:schemeClr></a:solidFill>\
</a:fillStyleLst><a:lnStyleLst>\
<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>\
<a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>\
<a:ln w="38100"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>\
</a:lnStyleLst><a:effectStyleLst>\
<a:effectStyle><a:effectLst/></a:effectStyle>\
<a:effectStyle><a:effectLst/></a:effectStyle>\
<a:effectStyle><a:effectLst/></a:effectStyle>\
</a:effectStyleLst><a:bgFillStyleLst>\
<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>\
<a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/></a:schemeClr></a:solidFill>\
<a:solidFill><a:schemeClr val="phClr"><a:shade val="90000"/></a:schemeClr></a:solidFill>\
</a:bgFillStyleLst></a:fmtScheme>"""


def _font_set(tag: str, latin: str, cjk: str) -> str:
    # Every East Asian script slot names the project's CJK font: none is left empty for
    # Word to fill with its own choice (MS Mincho for Jpan).
    scripts = "".join(
        f'<a:font script="{script}" typeface={quoteattr(cjk)}/>' for script in ("Hans", "Hant")
    )
    return (
        f"<a:{tag}><a:latin typeface={quoteattr(latin)}/><a:ea typeface={quoteattr(cjk)}/>"
        f"<a:cs typeface={quoteattr(latin)}/>{scripts}</a:{tag}>"
    )


def theme_xml(latin: str, cjk: str) -> str:
    """The theme part (word/theme/theme1.xml) for these fonts."""
    colours = "".join(f"<a:{name}>{value}</a:{name}>" for name, value in _COLOURS)
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="jdgen">'
        f'<a:themeElements><a:clrScheme name="Office">{colours}</a:clrScheme>'
        f'<a:fontScheme name="jdgen">{_font_set("majorFont", latin, cjk)}'
        f"{_font_set('minorFont', latin, cjk)}</a:fontScheme>{_FORMATS}</a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )


def font_table(blob: bytes, where: PrintLocale) -> bytes:
    """The font table (word/fontTable.xml) with the document's fonts in it, the CJK one
    with its character set and a common substitute."""
    from lxml import etree

    root = etree.fromstring(blob)
    entries = [(where.latin, "00", None), (where.cjk, *_SUBSTITUTES[where.cjk_key])]
    for name, charset, alternative in entries:
        if root.find(f"{{{_W}}}font[@{{{_W}}}name={quoteattr(name)}]") is not None:
            continue
        font = etree.SubElement(root, f"{{{_W}}}font", {f"{{{_W}}}name": name})
        if alternative:
            etree.SubElement(font, f"{{{_W}}}altName", {f"{{{_W}}}val": alternative})
        etree.SubElement(font, f"{{{_W}}}charset", {f"{{{_W}}}val": charset})
        etree.SubElement(font, f"{{{_W}}}family", {f"{{{_W}}}val": "swiss"})
        etree.SubElement(font, f"{{{_W}}}pitch", {f"{{{_W}}}val": "variable"})
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data
