"""Hostile roles (issue 25): markup written into any text field of a role, in any shape,
is refused at load or shown as text in every format. A Markdown output is read back by a
renderer that lets raw HTML through, as the tools people paste ``.md`` files into do.

The corpus: each payload in a different set of fields, so that every field meets every
kind of payload across the roles; text put together by a template (a location's city and
region, a group's title in bold) is covered as well as text shown as it is.
"""

from __future__ import annotations

import json
import re

import pytest
from markdown_it import MarkdownIt

from jdgen.errors import JdgenError
from jdgen.project.config import find_project
from jdgen.rendering.renderer import Renderer

from .test_translation_safety import live_markup

PAYLOADS = [
    "<b onmouseover=alert(1)>hover</b>",
    "<IMG SRC=x OnError=alert(2)>",
    "<svg/onload=alert(3)>",
    "</p><script>alert(4)</script>",
    "<iframe srcdoc='<script>alert(5)</script>'>",
    "<!-- hidden --><script>alert(6)</script>",
    "<?php echo 7 ?>",
    "<![CDATA[<script>alert(8)</script>]]>",
    "<a href=javascript:alert(9)>x</a>",
    "<details open ontoggle=alert(10)>",
    "<math><mi xlink:href=javascript:alert(11)>x</mi></math>",
    "<style>body{display:none}</style>",
    "<object data=x.swf></object>",
    "<input autofocus onfocus=alert(12)>",
    "x <body onload=alert(13)> y",
    "\\\\<script>alert(14)</script>",
    "`code` then <kbd onclick=alert(15)>k</kbd>",
    "**<u>bold</u>**",
    "<javascript:alert(16)> and <https://ok.example>",
    "<scr<script>ipt>alert(17)</script>",
    "_<em>x</em>_ and <EM>",
    "[x](<javascript:alert(18)>)",
    "![i](data:text/html;base64,PHNjcmlwdD4=)",
    "[v](vbscript:msgbox(19))",
    "<table><tr><td>20</td></tr></table>",
    "<p\tonclick=alert(21)>tab</p>",
    "a < b > c <3 <-- arrows",
    "<x-custom-element onclick=alert(22)>",
]

#: Where a payload goes: a role's YAML with {p} for it (a JSON string is YAML too).
FIELDS = [
    "title: {p}",
    "full_title: {p}",
    "summary: {p}",
    "team: {p}",
    "organization: {p}",
    "status: {p}",
    "locations: [{{city: {p}, region: {p}, country: US}}]",
    "locations: [{{name: {p}}}, {{city: Lima, region: {p}, country: PE}}]",
    "locations: [{{region: {p}, country: MX}}, {{city: {p}, country: ES}}]",
    "responsibilities: [{{title: {p}, items: [{p}, plain]}}]",
    "requirements: {{must_have: [{p}], nice_to_have: [{{title: {p}, items: [x]}}], "
    "education: {p}, intro: {p}}}",
    "benefits: [{p}, {{title: {p}, items: [{p}]}}]",
    "salary: {{min: 100, max: 200, currency: USD, period: hour, note: {p}}}",
    "apply: {{instructions: {p}, contacts: [{{label: {p}, address: {p}}}]}}",
    "experience: [{{level: {p}, years: 3, description: {p}}}]",
    "pay_structure: [{{label: {p}, text: {p}}}]",
]
SAFE_SCHEMES = ("https:", "mailto:")


def _role(n: int) -> str:
    """Role ``n``: payload n % len(PAYLOADS) in three fields that change with n."""
    payload = json.dumps(PAYLOADS[n % len(PAYLOADS)])
    chosen = {FIELDS[(n + k * 5) % len(FIELDS)] for k in range(3)}
    lines = {"title: Data Engineer", "posted: 2026-02-01"}
    keys = {line.split(":", 1)[0] for line in chosen}
    lines = {line for line in lines if line.split(":", 1)[0] not in keys}
    return "\n".join(sorted(lines) + [f.format(p=payload) for f in sorted(chosen)]) + "\n"


ROLES = {f"roles/r{n:03d}.yaml": _role(n) for n in range(96)}


def raw_html(markdown: str) -> list[str]:
    """What a Markdown renderer that allows raw HTML passes through: HTML tokens, and
    links to any scheme but https and mailto."""
    found = []
    tokens = MarkdownIt("commonmark", {"html": True}).parse(markdown)
    for token in tokens:
        for t in [token, *(token.children or [])]:
            if t.type in ("html_inline", "html_block"):
                found.append(t.content.strip())
            href = str(t.attrs.get("href") or t.attrs.get("src") or "")
            scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", href)
            if scheme and not href.lower().startswith(SAFE_SCHEMES):
                found.append(href)
    return found


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Renderer:
    root = tmp_path_factory.mktemp("hostile")
    (root / "roles").mkdir()
    (root / "jdgen.yaml").write_text("locales: [en, es]\n", encoding="utf-8")
    for name, text in ROLES.items():
        (root / name).write_text(text, encoding="utf-8")
    return Renderer(find_project(root))


def test_the_corpus_is_large_and_varied() -> None:
    assert len(ROLES) >= 80
    placed = {(n % len(PAYLOADS), f) for n in range(len(ROLES)) for f in _role(n).splitlines()}
    assert len({p for p, _ in placed}) == len(PAYLOADS)


@pytest.mark.parametrize("name", sorted(ROLES))
def test_no_hostile_role_puts_markup_in_any_format(hostile: Renderer, name: str) -> None:
    role = name.removeprefix("roles/").removesuffix(".yaml")
    for locale in ("en", "es"):
        try:
            markdown = hostile.render(role, locale, fmt="markdown").text
        except JdgenError as exc:  # refused at load, with a position: as good as escaped
            assert all(p.position for p in exc.problems), exc
            return
        assert raw_html(markdown) == [], (ROLES[name], markdown)
        html = hostile.render(role, locale, fmt="html").text
        assert live_markup(html) == [], (ROLES[name], html)
        text = hostile.render(role, locale, fmt="text").text
        assert "<script" not in text.replace("\\<script", "") or "<script" in ROLES[name]


def test_a_payload_reads_as_written(hostile: Renderer) -> None:
    """Escaped, not removed: the text a reader sees is the text the author wrote."""
    html = hostile.render("r000", "en", fmt="html").text
    assert "&lt;b onmouseover=alert(1)&gt;hover&lt;/b&gt;" in html
