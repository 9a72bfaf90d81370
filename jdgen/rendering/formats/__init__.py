"""Output formats: serializations of one :class:`~jdgen.document.Document`.

The text formats (Markdown, HTML, plain text) are written by every build and export; the
printed formats (DOCX, and PDF with the ``jdgen[pdf]`` extra) are bytes, written on request.
"""

from __future__ import annotations

FORMATS = ("markdown", "html", "text")
#: Printed documents, for the people who hire: bytes, not text.
BINARY_FORMATS = ("docx", "pdf")
ALL_FORMATS = FORMATS + BINARY_FORMATS
EXTENSIONS = {"markdown": ".md", "html": ".html", "text": ".txt", "docx": ".docx", "pdf": ".pdf"}
