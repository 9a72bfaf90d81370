"""Locale tags and CLDR fallback chains."""

from __future__ import annotations

import pytest

from jdgen.errors import NotFoundError
from jdgen.foundation.builtin import builtin_dir
from jdgen.foundation.locales import parse_locale
from jdgen.i18n.localize import resolve_locale


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
    assert "available: en, en-GB, es, es-AR, es-PE, zh" in str(err.value)
    with pytest.raises(NotFoundError):
        resolve_locale("zh-TW", dirs, (builtin_dir("templates"),))
    assert resolve_locale("es-MX", dirs, (builtin_dir("templates"),)).chain[-1] == "es"


def test_same_locale_fills_in_cldr_likely_subtags() -> None:
    from jdgen.foundation.locales import same_locale

    assert same_locale("zh", "zh-CN") and same_locale("zh-Hans", "zh")
    assert same_locale("en", "en-US") and same_locale("es-AR", "es-AR")
    assert not same_locale("es", "es-PE")  # Spain's Spanish is not Peru's
    assert not same_locale("zh-Hant", "zh")
    assert not same_locale("en", "en-GB")
