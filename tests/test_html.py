"""Every HTML page jdgen writes is valid HTML5 (checked with a strict parser)."""

from __future__ import annotations

import html5lib
import pytest

from .conftest import golden_files


@pytest.mark.parametrize("path", golden_files(".html"))
def test_pages_are_valid_html5(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(text)
    assert tree.get("lang", "").split("-")[0] in {"en", "es", "zh"}  # es, es-PE, zh-CN...
    assert tree.find("head/title").text
    assert tree.find("head/meta[@name='description']") is not None
    assert tree.find("body/main/article/h1") is not None
