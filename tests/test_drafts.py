"""A locale drafted from a related one (``jdgen i18n init zh-TW --from zh``, ``es-ES
--from es``): every text drafted, fuzzy; counted as not done; shown only marked; and the
Taiwan vocabulary of jdgen's own catalogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jdgen.cli import main
from jdgen.i18n.catalogs import read_catalog
from jdgen.i18n.status import status
from jdgen.project.config import find_project

from .conftest import REPO, Builder

CHINA = """\
language: zh-CN
title: 软件工程师
locations: [{city: 上海, country: CN}]
summary: 请把简历发到招聘邮箱，我们重视数据质量。
"""
NEUTRAL = "language: es\ntitle: Ingeniera de datos\nsummary: Monitorear los modelos confiables.\n"


def _run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(root), *args])
    return result.exit_code, result.output


def test_traditional_chinese_is_drafted_through_opencc_and_the_taiwan_glossary(
    build_tree: Builder,
) -> None:
    pytest.importorskip("opencc")
    root = build_tree({"jdgen.yaml": "locales: [zh-CN]\n", "roles/cn.yaml": CHINA})
    code, out = _run(root, "i18n", "init", "zh-TW", "--from", "zh")
    assert code == 0, out
    assert "role-cn.po, 3 drafted (fuzzy: review them)" in out
    catalog = read_catalog(root / "locales/zh_TW/LC_MESSAGES/role-cn.po")
    drafts = {m.id: m for m in catalog if m.id}
    assert drafts["软件工程师"].string == "軟體工程師"  # s2twp: Taiwan's word, not 軟件
    summary = drafts["请把简历发到招聘邮箱，我们重视数据质量。"]
    assert summary.fuzzy
    # The glossary: 履歷 (not 簡歷), 招募, 品質 (not 質量); OpenCC alone leaves them.
    assert summary.string == "請把履歷發到招募郵箱，我們重視資料品質。"
    rows = {r.domain: r for r in status(find_project(root)) if r.locale == "zh-TW"}
    assert rows["role-cn"].translated == 0 and rows["role-cn"].fuzzy == 3  # not done


def test_a_draft_is_shown_only_marked_and_holds_the_page_back(build_tree: Builder) -> None:
    pytest.importorskip("opencc")
    config = "locales: [zh-CN]\nbase_url: https://jobs.example.org/\n"
    root = build_tree({"jdgen.yaml": config, "roles/cn.yaml": CHINA})
    _run(root, "i18n", "init", "zh-TW", "--from", "zh")
    code, out = _run(root, "render", "cn", "--locale", "zh-TW", "--format", "html")
    assert code == 0, out
    assert '<span lang="zh-TW">軟體工程師</span>' in out  # the draft, marked
    assert "软件" not in out  # never the Simplified text
    assert "draft not yet reviewed" in out
    code, out = _run(root, "build", "--out", str(root / "site"))
    assert "not published in zh-TW" in out
    assert not (root / "site/zh-TW/cn/index.html").exists()


def test_a_region_is_drafted_from_its_parent_with_its_glossary(build_tree: Builder) -> None:
    root = build_tree(
        {
            "jdgen.yaml": "locales: [es, en]\n",
            "roles/d.yaml": NEUTRAL.replace("language: es", "language: en")
            .replace("Ingeniera de datos", "Data engineer")
            .replace("Monitorear los modelos confiables.", "Monitor reliable models."),
            "locales/es/LC_MESSAGES/role-d.po": (
                'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                'msgctxt "d:title"\nmsgid "Data engineer"\nmsgstr "Ingeniera de datos"\n\n'
                'msgctxt "d:summary"\nmsgid "Monitor reliable models."\n'
                'msgstr "Monitorear los modelos confiables."\n'
            ),
            "locales/es_ES/glossary.yaml": "monitorear: monitorizar\nconfiables: fiables\n",
        }
    )
    code, out = _run(root, "i18n", "init", "es-ES", "--from", "es")
    assert code == 0, out
    catalog = read_catalog(root / "locales/es_ES/LC_MESSAGES/role-d.po")
    found = {m.id: m for m in catalog if m.id}
    assert found["Monitor reliable models."].string == "Monitorizar los modelos fiables."
    assert found["Monitor reliable models."].fuzzy
    rows = {r.domain: r for r in status(find_project(root)) if r.locale == "es-ES"}
    assert rows["role-d"].percent < 100  # a fuzzy draft is not done


def test_drafting_across_languages_is_refused(build_tree: Builder) -> None:
    root = build_tree({"jdgen.yaml": "locales: [es]\n", "roles/d.yaml": NEUTRAL})
    code, out = _run(root, "i18n", "init", "pt-BR", "--from", "es")
    assert code == 1
    assert "different languages" in out


#: Mainland words and one wrong conversion (釋出 is "release") that Taiwan's job
#: postings do not use, with what Taiwan writes.
MAINLAND = {
    "釋出日期": "刊登日期",
    "應聘": "應徵",
    "簡歷": "履歷",
    "任職要求": "應徵條件",
    "技術棧": "技術堆疊",
    "電子郵箱": "電子郵件",
    "合同制": "約聘",
    "志願者": "志工",
    "在招": "開放職缺",
    "崗位": "職位",
    "質量": "品質",
    "畫像": "輪廓",
}


def test_the_traditional_catalogs_use_taiwan_words() -> None:
    texts = []
    for base in ("zh_Hant", "zh_TW"):
        for path in sorted((REPO / "locales" / base / "LC_MESSAGES").glob("*.po")):
            texts += [str(m.string) for m in read_catalog(path) if m.id and m.string]
    assert len(texts) > 300
    found = {word: t for word in MAINLAND for t in texts if word in t}
    assert found == {}, f"Taiwan writes: {', '.join(MAINLAND[w] for w in found)}"


def test_a_glossary_swaps_whole_words_longest_first_and_keeps_a_capital() -> None:
    from jdgen.i18n.drafts import _apply

    terms = sorted(
        {
            "monitoreo": "monitorización",
            "el monitoreo": "la monitorización",
            "costo": "coste",
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
    # "costos" is another word than "costo": only a glossary entry of its own swaps it
    assert _apply("Monitoreo y costos", terms) == "Monitorización y costos"
    assert (
        _apply("El monitoreo cuesta; el costo sube", terms)
        == "La monitorización cuesta; el coste sube"
    )
    assert _apply("acosto", terms) == "acosto"  # inside a word: not a term
    cjk = [("任職要求", "應徵條件"), ("要求", "需求")]
    assert _apply("任職要求與其他要求", cjk) == "應徵條件與其他需求"


def test_words_left_count_what_a_translator_reads() -> None:
    from jdgen.i18n.status import word_count

    assert word_count("机器学习工程师") == 7  # a character is a word, as CAT tools count
    assert word_count("Build %(name)s pipelines for {team} — fast") == 4
    assert word_count("ML系统设计 (45 min)") == 7  # ML, four characters, 45, min
