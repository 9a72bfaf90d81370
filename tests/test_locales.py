"""Locale tags and CLDR fallback chains."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from jdgen import cli
from jdgen.errors import NotFoundError
from jdgen.foundation.builtin import builtin_dir
from jdgen.foundation.locales import parse_locale, same_writing
from jdgen.i18n.localize import resolve_locale

from .conftest import Builder


@pytest.mark.parametrize(
    ("tag", "canonical", "chain"),
    [
        ("es-AR", "es-AR", ("es_AR", "es_419", "es")),
        ("es_ar", "es-AR", ("es_AR", "es_419", "es")),
        ("en_GB", "en-GB", ("en_GB", "en_001", "en")),
        ("zh-CN", "zh-CN", ("zh_Hans_CN", "zh_CN", "zh_Hans", "zh")),
        ("zh-Hant", "zh-Hant", ("zh_Hant",)),
        ("zh-TW", "zh-TW", ("zh_Hant_TW", "zh_TW", "zh_Hant")),
    ],
)
def test_chains_follow_cldr(tag: str, canonical: str, chain: tuple[str, ...]) -> None:
    info = parse_locale(tag)
    assert info.tag == canonical
    assert info.chain == chain


def test_traditional_chinese_never_falls_back_to_simplified() -> None:
    for tag in ("zh-Hant", "zh-TW", "zh-HK", "zh-MO"):
        assert "zh" not in parse_locale(tag).chain


@pytest.mark.parametrize("tag", ["xx", "e", "es-ARGH1", ""])
def test_malformed_or_unknown_tags_are_refused(tag: str) -> None:
    with pytest.raises(ValueError, match="locale"):
        parse_locale(tag)


def test_unknown_locale_lists_the_available_ones() -> None:
    dirs = (builtin_dir("locales"),)
    with pytest.raises(NotFoundError) as err:
        resolve_locale("fr", dirs, (builtin_dir("templates"),))
    assert "available: en, en-GB, es, es-AR, es-ES, es-PE, zh, zh-Hant, zh-TW" in str(err.value)
    with pytest.raises(NotFoundError):
        resolve_locale("pt-BR", dirs, (builtin_dir("templates"),))
    assert resolve_locale("zh-HK", dirs, (builtin_dir("templates"),)).chain[-1] == "zh_Hant"
    assert resolve_locale("es-MX", dirs, (builtin_dir("templates"),)).chain[-1] == "es"


def test_same_locale_fills_in_cldr_likely_subtags() -> None:
    from jdgen.foundation.locales import same_locale

    assert same_locale("zh", "zh-CN") and same_locale("zh-Hans", "zh")
    assert same_locale("en", "en-US") and same_locale("es-AR", "es-AR")
    assert not same_locale("es", "es-PE")  # Spain's Spanish is not Peru's
    assert not same_locale("zh-Hant", "zh")
    assert not same_locale("en", "en-GB")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("es", "es-PE", True),
        ("zh", "zh-CN", True),
        ("zh-CN", "zh-SG", True),
        ("zh-CN", "zh-TW", False),
        ("zh", "zh-Hant", False),
        ("zh-TW", "zh-HK", True),
        ("en", "es", False),
    ],
)
def test_text_reads_as_it_is_only_in_its_own_language_and_script(
    a: str, b: str, same: bool
) -> None:
    assert same_writing(a, b) is same


TAIWAN_ROLE = """\
language: zh-TW
title: 資料工程師
locations: [{city: 台北, country: TW}]
salary: {min: 45000, max: 60000, currency: TWD, period: month}
headcount: 2
summary: 打造我們的資料平台。
"""
CHINA_ROLE = """\
language: zh-CN
title: 数据工程师
locations: [{city: 上海, country: CN}]
summary: 打造我们的数据平台。
"""


def test_a_taiwanese_posting_reads_as_taiwan_writes_it(build_tree: Builder) -> None:
    build_tree({"jdgen.yaml": "locales: [zh-TW]\n", "roles/tw.yaml": TAIWAN_ROLE})
    result = CliRunner().invoke(cli.main, ["render", "tw", "--strict"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "# 資料工程師職務說明" in text  # the Chinese layout, Taiwan's words
    assert "**薪資待遇**：月薪 NT$45,000～60,000" in text
    assert "**需求人數**：2" in text
    simplified = set("职资范围点经验语数据发")  # characters that differ in Traditional
    assert not simplified & set(text), sorted(simplified & set(text))


def test_simplified_text_is_never_shown_unmarked_in_traditional(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": "locales: [zh-CN, zh-TW]\n", "roles/cn.yaml": CHINA_ROLE})
    runner = CliRunner()
    assert runner.invoke(cli.main, ["i18n", "init", "zh-TW"]).exit_code == 0
    assert (root / "locales/zh_TW/LC_MESSAGES/role-cn.po").is_file()
    result = runner.invoke(cli.main, ["render", "cn", "-l", "zh-TW", "-f", "html"])
    assert result.exit_code == 0
    assert '<span lang="zh-CN">数据工程师</span>' in result.stdout
    assert "texts have no zh-TW translation" in result.stderr
    assert "locales/zh_TW/LC_MESSAGES/role-cn.po" in result.stderr  # where init put it
    strict = runner.invoke(cli.main, ["render", "cn", "-l", "zh-TW", "--strict"])
    assert strict.exit_code != 0
    status = runner.invoke(cli.main, ["i18n", "status", "--format", "json"])
    rows = {(r["locale"], r["catalog"]): r for r in json.loads(status.stdout)}
    assert rows[("zh-TW", "role-cn")]["translated"] == 0


SPAIN_ROLE = """\
language: es
title: Ingeniero/a de datos
employment_type: full-time
work_arrangement: remote
locations: [{city: Madrid, country: ES}]
apply: {url: "https://empleo.example/datos"}
"""


@pytest.mark.parametrize(
    ("locale", "says", "not_says"),
    [
        ("es-ES", ["Jornada completa", "Teletrabajo", "Cómo presentar tu candidatura"], ["postul"]),
        ("es", ["Tiempo completo", "Remoto", "Cómo postularse"], ["candidatura"]),
    ],
)
def test_spain_reads_spanish_as_spain_writes_it(
    build_tree: Builder, locale: str, says: list[str], not_says: list[str]
) -> None:
    build_tree({"jdgen.yaml": "locales: [es, es-ES]\n", "roles/r.yaml": SPAIN_ROLE})
    result = CliRunner().invoke(cli.main, ["render", "r", "-l", locale, "--strict"])
    assert result.exit_code == 0, result.output
    for words in says:
        assert words in result.stdout
    for words in not_says:
        assert words not in result.stdout.lower()


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        ("en", "**Posted**: February 1, 2026"),
        ("es", "**Publicado**: 1 de febrero de 2026"),
        ("zh-CN", "**发布日期**：2026年2月"),  # Chinese postings give the month
    ],
)
def test_a_posting_shows_the_day_it_was_posted(
    build_tree: Builder, locale: str, shown: str
) -> None:
    build_tree(
        {
            "jdgen.yaml": "locales: [en, es, zh-CN]\n",
            "roles/r.yaml": "title: X\nposted: 2026-02-01\n",
        }
    )
    result = CliRunner().invoke(cli.main, ["render", "r", "-l", locale])
    assert shown in result.stdout
