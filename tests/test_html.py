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


@pytest.mark.parametrize("path", [p for p in golden_files(".html") if "skills-matrix" in p])
def test_every_table_is_captioned_and_reachable_by_keyboard(path: str) -> None:
    """axe's scrollable-region-focusable (WCAG 2.1.1): a table that can scroll sideways
    sits in a region that takes keyboard focus, named like the table's caption."""
    with open(path, encoding="utf-8") as f:
        tree = html5lib.parse(f.read(), namespaceHTMLElements=False)
    tables = list(tree.iter("table"))
    assert tables
    regions = {id(t): r for r in tree.iter("div") for t in r.iter("table")}
    for table in tables:
        region = regions[id(table)]
        assert region.get("class") == "table" and region.get("tabindex") == "0"
        assert region.get("role") == "region"
        caption = table.find("caption")
        assert caption is not None and "".join(caption.itertext()).strip()
        assert region.get("aria-label") == "".join(caption.itertext()).strip()
