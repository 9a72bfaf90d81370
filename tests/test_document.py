"""The document tree: its HTML must equal markdown-it-py's, and Markdown must round-trip."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.foundation.inline import markdown_it
from jdgen.rendering.document import Code, Heading, ListBlock, Paragraph, Table
from jdgen.rendering.formats.html import to_html
from jdgen.rendering.formats.markdown import to_markdown
from jdgen.rendering.parser import parse

from .conftest import golden_files

CASES = [
    "# T\n\npara *em* `c`\nline2  \nline3\n\n- a\n- b\n  - c\n  - d\n- e\n",
    "- a\n\n- b\n",
    "- a\n  ```\n  code\n  ```\n- b\n",
    "1. one\n2. two\n\n3) x\n",
    "| a | b |\n|---|:-:|\n| 1 | 2 \\| 3 |\n| x |\n",
    "para\n- a bullet list interrupts a paragraph\n",
    "para\n2. an ordered list not starting at 1 does not\n",
    "> quote\n> more\n\n---\n\n***\n",
    "Title\n=====\n\nSub\n---\n",
    "```diagram\nA → B\n   ↓\nC\n```\n",
    "    indented code\n\npara\n",
    "- \n- x\n",
    "- a\n\n  b\n- c\n",
    "**岗位名称**：机器学习工程师\n**发布日期**：2026年2月  \n**有效期**：长期有效\n",
    "**薪资：**28K stays literal, **薪资**：28K is bold\n",
    "para\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "- a\n  | x | y |\n  |---|---|\n  | 1 | 2 |\n",
    "1. **初步沟通**(HR电话)：30分钟\n2. x\n",
    "<script>alert(1)</script> {{ 7*7 }} [x](javascript:alert(1)) <javascript:x>\n",
    "\\# not a heading\n\n\\- not a list\n\n1\\. not ordered\n",
    'a [link](https://example.com "t") and ![img](x.png) & &amp; entity\n',
]


def plain_html(html: str) -> str:
    """Our HTML without its additions to markdown-it's: header scopes on tables, and the
    focusable region and caption around each table."""
    html = html.replace('<th scope="col"', "<th")
    html = re.sub(r'<div class="table" role="region" tabindex="0"[^>]*>\n', "", html)
    html = re.sub(r'<caption class="visually-hidden">.*?</caption>\n', "", html)
    html = html.replace("</table>\n</div>\n", "</table>\n")
    return re.sub(r'<th scope="row"( style="[^"]*")?>(.*?)</th>', r"<td\1>\2</td>", html)


def without_tracks(markdown: str) -> str:
    """Career tracks are lists in our HTML, code in markdown-it's: compared elsewhere."""
    return re.sub(r"```track\n.*?```\n", "", markdown, flags=re.S)


def golden_markdown() -> list[str]:
    return golden_files(".md")


@pytest.mark.parametrize("source", CASES)
def test_html_matches_markdown_it(source: str) -> None:
    assert plain_html(to_html(parse(source))) == markdown_it().render(source)


@pytest.mark.parametrize("path", golden_markdown())
def test_golden_documents_match_markdown_it(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        source = without_tracks(f.read())
    assert plain_html(to_html(parse(source))) == markdown_it().render(source)


@pytest.mark.parametrize("source", CASES)
def test_markdown_round_trips(source: str) -> None:
    doc = parse(source)
    assert parse(to_markdown(doc)) == doc


def test_structure() -> None:
    doc = parse("# Title\n\nText\n\n- a\n- b\n\n| h |\n|---|\n| c |\n\n```x\ny\n```\n")
    assert [type(b) for b in doc.blocks] == [Heading, Paragraph, ListBlock, Table, Code]
    assert doc.title == "Title"
    assert doc.summary() == "Text"


_words = (
    st.text(alphabet="abc 机器学习*_`#-1.|>", min_size=1, max_size=12).map(str.strip).filter(bool)
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["h", "p", "ul", "ol", "table", "code"]))
        word = draw(_words)
        if kind == "h":
            parts.append("#" * draw(st.integers(1, 3)) + " " + word)
        elif kind == "p":
            parts.append(word + "\n" + draw(_words))
        elif kind == "ul":
            parts.append("\n".join(f"- {draw(_words)}" for _ in range(draw(st.integers(1, 3)))))
        elif kind == "ol":
            parts.append("\n".join(f"{i}. {draw(_words)}" for i in range(1, 3)))
        elif kind == "table":
            parts.append(f"| {word.replace('|', '')} | b |\n|---|---|\n| 1 | 2 |")
        else:
            parts.append(f"```\n{word}\n```")
    return "\n\n".join(parts) + "\n"


@settings(max_examples=300, deadline=None)
@given(documents())
def test_generated_documents_match_markdown_it(source: str) -> None:
    assert plain_html(to_html(parse(source))) == markdown_it().render(source)


_label = st.text(alphabet="ab 机器*:：,(（_\\!.。-", min_size=0, max_size=8)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_label, _label), min_size=1, max_size=3))
def test_strong_fast_path_matches_markdown_it(pairs: list[tuple[str, str]]) -> None:
    from jdgen.foundation.inline import to_html, to_text

    text = "".join(f"{a}**{b}**" for a, b in pairs).strip() or "x"
    to_html.cache_clear()
    tokens = markdown_it().parseInline(text)[0].children or []
    expected = markdown_it().renderer.renderInline(tokens, markdown_it().options, {})
    assert to_html(text) == expected
    plain = "".join(t.content for t in tokens if t.type in ("text", "code_inline"))
    if all(t.type in ("text", "strong_open", "strong_close") for t in tokens):
        assert to_text(text) == plain


def test_tables_mark_their_headers_and_tracks_are_lists() -> None:
    html = to_html(parse("| Skill | Jun |\n|---|:-:|\n| SQL | A |\n"))
    assert '<th scope="col">Skill</th>' in html
    assert '<th scope="row">SQL</th>' in html
    assert '<td style="text-align:center">A</td>' in html
    track = to_html(parse("```track\nA → B → C\n    ↓\n  D → E\n```\n"))
    assert track == (
        '<ol class="track">\n<li>A</li>\n<li>B\n<ol class="track">\n<li>D</li>\n'
        "<li>E</li>\n</ol>\n</li>\n<li>C</li>\n</ol>\n"
    )
