"""Output formats: three serializations of one :class:`~jdgen.document.Document`."""

from __future__ import annotations

FORMATS = ("markdown", "html", "text")
EXTENSIONS = {"markdown": ".md", "html": ".html", "text": ".txt"}
