"""The shared mapping of jdgen import: headings in es, zh and en, places, pay, dates and
employment types, HTML → inline Markdown, and the board-wide intro and closing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdgen.foundation.inline import to_text
from jdgen.importers import pay
from jdgen.importers.fields import date, detect_language, employment_type, slug
from jdgen.importers.html import Block, blocks, md_escape, squash
from jdgen.importers.places import parse_places
from jdgen.importers.posting import Posting
from jdgen.importers.sections import board_wide, classify, split, strip_board_wide


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("What You’ll Do", "responsibilities"),
        ("Your day-to-day:", "responsibilities"),
        ("Key Responsibilities", "responsibilities"),
        ("¿Qué harás?", "responsibilities"),
        ("Tus funciones", "responsibilities"),
        ("工作职责", "responsibilities"),
        ("【岗位职责】", "responsibilities"),
        ("Requirements", "must_have"),
        ("What we're looking for", "must_have"),
        ("Requisitos mínimos:", "must_have"),
        ("Perfil que buscamos", "must_have"),
        ("任职要求：", "must_have"),
        ("任职资格", "must_have"),
        ("Nice to have", "nice_to_have"),
        ("Bonus points if you have", "nice_to_have"),
        ("Preferred Qualifications", "nice_to_have"),
        ("Se valorará", "nice_to_have"),
        ("Deseable", "nice_to_have"),
        ("加分项", "nice_to_have"),
        ("Benefits & Perks", "benefits"),
        ("What we offer", "benefits"),
        ("Lo que ofrecemos", "benefits"),
        ("Beneficios", "benefits"),
        ("福利待遇", "benefits"),
        ("About the role", "summary"),
        ("Sobre el puesto", "summary"),
        ("Our office dog", None),
    ],
)
def test_headings_in_es_zh_and_en_name_their_field(heading: str, field: str | None) -> None:
    assert classify(heading) == field


def test_a_description_splits_at_its_headings() -> None:
    html = (
        "<p>Intro paragraph.</p><p><strong>Responsabilidades</strong></p>"
        "<ul><li>Diseñar</li><li>Construir</li></ul><h4>Requisitos:</h4><p>• Python<br>• SQL</p>"
        "<h4>Deseable</h4><ul><li>Spark</li></ul><p>LO QUE OFRECEMOS</p><ul><li>Seguro</li></ul>"
    )
    fields = split([(None, blocks(html))])
    assert fields.summary == ["Intro paragraph."]
    assert fields.items("responsibilities") == [(None, ["Diseñar", "Construir"])]
    assert fields.items("must_have") == [(None, ["Python", "SQL"])]
    assert fields.items("nice_to_have") == [(None, ["Spark"])]
    assert fields.items("benefits") == [(None, ["Seguro"])]


def test_a_field_under_several_headings_keeps_them_as_group_titles() -> None:
    html = "<h3>Requirements</h3><ul><li>Go</li></ul><h3>Skills</h3><ul><li>SQL</li></ul>"
    assert split([(None, blocks(html))]).items("must_have") == [
        ("Requirements", ["Go"]),
        ("Skills", ["SQL"]),
    ]


def test_inline_markup_becomes_markdown_and_the_rest_is_dropped() -> None:
    (para,) = blocks(
        '<p onclick="x()">Use <b>Go</b>, <em>Rust</em> &amp; <code>SQL</code> '
        '<a href="https://a.example/x" onmouseover="y()">docs</a> '
        '<a href="javascript:alert(1)">bad</a><img src=x onerror=alert(1)>'
        "<script>alert(2)</script><style>*{}</style></p>"
    )
    assert para.text == "Use **Go**, *Rust* & `SQL` [docs](https://a.example/x) bad"


@settings(deadline=None)  # a loaded CI machine is no bug
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co"))))
def test_escaped_text_reads_back_as_the_same_text(text: str) -> None:
    flat = squash(text).strip()
    assert to_text(md_escape(flat)) == flat


@settings(deadline=None)
@given(st.text(max_size=300))
def test_any_html_gives_blocks_without_markup(html: str) -> None:
    for block in blocks(html):
        for text in [block.text, *block.items]:
            assert "<script" not in text.lower() or "\\<" in text


def test_the_board_wide_intro_and_closing_are_cut() -> None:
    def posting(own: str) -> list[Block]:
        return blocks(
            f"<h2>About Acme</h2><p>Acme makes tools.</p><h3>The role</h3><p>{own}</p>"
            f"<h3>Requirements</h3><ul><li>Go {own}</li></ul>"
            "<p>Acme is an equal opportunity employer.</p>"
        )

    descriptions = [posting(f"Role {i}") for i in range(4)] + [blocks("<p>Only this.</p>")]
    common = board_wide(descriptions)
    kept = strip_board_wide([(None, descriptions[0])], common)
    texts = [b.plain or b.items for b in kept[0][1]]
    assert texts == ["The role", "Role 0", "Requirements", ["Go Role 0"]]
    # a lone posting, or one that is board-wide throughout, keeps everything
    assert board_wide([descriptions[0]]) == set()
    same = [posting("x"), posting("x")]
    assert strip_board_wide([(None, same[0])], board_wide(same)) == [(None, same[0])]


@pytest.mark.parametrize(
    ("text", "places", "arrangement"),
    [
        ("San Francisco, CA", [("San Francisco", "CA", "US")], None),
        ("Remote - Spain", [(None, None, "ES")], "remote"),
        ("Lima, Perú (híbrido)", [("Lima", None, "PE")], "hybrid"),
        ("Warsaw, , Poland", [("Warsaw", None, "PL")], None),
        ("上海, 中国", [("上海", None, "CN")], None),
        ("Ciudad de México, México", [("Ciudad de México", None, "MX")], None),
        ("Toronto, ON; New York, NY", [("Toronto", "ON", "CA"), ("New York", "NY", "US")], None),
        ("远程", [], "remote"),
        ("Berlin, DE", [("Berlin", None, "DE")], None),
    ],
)
def test_place_strings_become_city_region_country(
    text: str, places: list[tuple[str | None, str | None, str | None]], arrangement: str | None
) -> None:
    found, how = parse_places(text)
    assert [(p.city, p.region, p.country) for p in found] == places
    assert how == arrangement


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("60000", "75000", "EUR", "year"), ("60000", "75000", "EUR", "year")),
        ((15000000, 19000000, "usd", "1 YEAR", None, True), ("150000", "190000", "USD", "year")),
        ((30, None, "£", "per-hour-wage"), ("30", None, "GBP", "hour")),
        ((9000, 12000, "PEN", "monthly"), ("9000", "12000", "PEN", "month")),
        ((12000, 9000, "PEN", "MONTH"), ("9000", "12000", "PEN", "month")),
    ],
)
def test_pay_is_read_from_each_spelling(
    args: tuple[object, ...], expected: tuple[object, ...]
) -> None:
    got, why = pay.make(*args)  # type: ignore[arg-type]
    assert got is not None, why
    low, high, currency, period = expected
    assert got.min == (Decimal(str(low)) if low else None)
    assert got.max == (Decimal(str(high)) if high else None)
    assert (got.currency, got.period) == (currency, period)


@pytest.mark.parametrize(
    ("args", "why"),
    [
        ((None, None, "EUR", "year"), "no amount"),
        ((1, 2, "euros", "year"), "currency"),
        ((1, 2, "EUR", "2 WEEK"), "period"),
    ],
)
def test_pay_that_cannot_be_read_says_why(args: tuple[object, ...], why: str) -> None:
    got, reason = pay.make(*args)  # type: ignore[arg-type]
    assert got is None and why in reason


def test_dates_keep_the_day_the_source_wrote() -> None:
    assert date("2026-02-01T23:30:00-08:00") == dt.date(2026, 2, 1)
    assert date("Tue, 03 Feb 2026 00:15:00 +0100") == dt.date(2026, 2, 3)
    assert date(1767600000000) == dt.date(2026, 1, 5)
    assert date("not a date") is None


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("FullTime", "full-time"),
        ("FULL_TIME", "full-time"),
        ("Tiempo completo", "full-time"),
        ("全职", "full-time"),
        ("Part-time", "part-time"),
        ("CONTRACTOR", "contract"),
        ("Intern", "internship"),
        ("实习", "internship"),
        ("Prácticas", "internship"),
        ("Sometimes", None),
    ],
)
def test_employment_types_in_every_spelling(value: str, kind: str | None) -> None:
    assert employment_type(value) == kind


def test_language_is_told_from_the_text() -> None:
    assert detect_language("负责风控模型的设计与训练，与产品团队合作推动模型上线") == "zh"
    assert (
        detect_language("Buscamos una ingeniera de datos para el equipo de pagos en Lima") == "es"
    )
    assert detect_language("We are looking for an engineer to join the team and you will") == "en"
    assert detect_language("ソリューションアーキテクトとして、あなたは") == "ja"


def test_ids_from_titles_are_plain_slugs() -> None:
    assert slug("Frontend/Backend Engineer") == "frontend-backend-engineer"
    assert slug("Ingeniera de Datos Sr.") == "ingeniera-de-datos-sr"
    assert slug("机器学习工程师") == ""


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://jobs.example.com/apply/1", True),
        ("HTTPS://Jobs.Example.com/1", True),
        ("mailto:talent@example.com", True),
        ("http://jobs.example.com/apply/1", False),
        ("javascript:alert(1)", False),
        ("//jobs.example.com/1", False),
        ("https://jobs.example.com/a b", False),
    ],
)
def test_an_apply_link_is_kept_only_if_a_role_may_hold_it(url: str, kept: bool) -> None:
    posting = Posting(source="lever", id="1", title="Chef")
    posting.link(url, "applyUrl")
    assert posting.apply_url == (url if kept else None)
    # A link left out is said, with the source's field, never dropped unseen.
    assert posting.unmapped == ([] if kept else [("applyUrl", posting.unmapped[0][1])])
    assert kept or url in posting.unmapped[0][1]
