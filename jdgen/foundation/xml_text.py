"""XML text and attribute escaping, as ``xml.sax.saxutils`` does it, without its imports.

``xml.sax.saxutils`` imports ``urllib.request`` (and with it ``http.client`` and
``email``): about 0.07 s of CPU, a tenth of a small project's build, for two string
functions. These give the same bytes (tests/test_xml_text.py compares them).
"""

from __future__ import annotations


def xml_escape(data: str) -> str:
    """``&``, ``<`` and ``>`` escaped, for XML element text."""
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(data: str) -> str:
    """An XML attribute value with its quotes: double quotes unless the value has some and
    no single quote; newlines, carriage returns and tabs as character references."""
    data = xml_escape(data).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' in data:
        if "'" in data:
            return '"{}"'.format(data.replace('"', "&quot;"))
        return f"'{data}'"
    return f'"{data}"'
