"""The five seed documents (../shared/seeds) reproduced from the roles in roles/.

Each seed is read line by line and every line must be found in the rendering in the seed's
own language: every section and every item, in its wording. The few lines left out are
listed below, each with the reason (web-page clutter, or a claim the data contradicts).
"""

from __future__ import annotations

import re

import pytest

from jdgen.project.config import find_project
from jdgen.rendering.renderer import Renderer

from .conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"

#: seed → (role, kind, the locales whose renderings carry its text).
#: Seed 001 is a Spanish page around English content, and seed 004 a Spanish page around
#: English skill names and level descriptions: their text is checked in es and en.
DOCUMENTS = {
    "000": ("ml-engineer-lima", "posting", ("es-PE",)),
    "001": ("ml-engineer", "hiring-guide", ("en", "es")),
    "002": ("ml-engineer-china", "posting", ("zh-CN",)),
    "003": ("mlops-engineer-global", "role-profile", ("es-AR",)),
    "004": ("ml-engineer-skills", "skills-matrix", ("es", "en")),
}

#: Seed lines deliberately not reproduced, and why.
LEFT_OUT = {
    "000": {
        "Requirements": "a stray English label of the job board, before 'Requisitos:'",
        "Deseable/valorado:": "a heading: the template's 'Deseable' in Spanish",
    },
    "001": {
        "Entrevista candidatos Machine Learning Engineer con IA a tu lado": "an advert",
        "Obtén preguntas de entrevista estructuradas sugeridas en tiempo real. Céntrate en "
        "el candidato.": "an advert",
    },
    "002": {
        "**官网链接**：www.company.com/jobs/ml-engineer": "links carry https:// (checked below)",
    },
    "003": {
        "Guía de Roles /": "breadcrumbs",
        "Global /": "breadcrumbs",
        "MLOps Engineer": "breadcrumbs",
        "Perfil OCEAN+ Ideal": "a heading: the template's 'Perfil de personalidad ideal'",
        "Más sobre MLOps Engineer": "a link to another page",
        "Plan de carrera, arquetipos de personalidad y roles similares en el perfil "
        "completo.": "a link to another page",
        "Ver perfil →Evaluá candidatos para MLOps Engineer en Global (1001+ empleados) con "
        "Talen.to": "an advert",
        "Usá assessments OCEAN+ para evaluar culture fit, potencial y compatibilidad de "
        "equipo.": "an advert",
        # After the advert, which contains it: entries this long are cut anywhere in a line.
        "MLOps Engineer en Global": "the seed's title reads the label Global as a place; "
        "jdgen writes 'MLOps Engineer (Global)' (issue 29)",
    },
    "004": {
        "Haga clic en una celda para ver detalles.": "an instruction for the web page",
        "125 habilidades son obligatorias.": "contradicts the data (58 skills in all)",
        "Dominios clave: Programming Fundamentals, Backend Development, Database "
        "Management.": "not modelled: 'key' is not defined by the data",
    },
}
#: From this line on, seed 004 is the page's FAQ: questions about the page, a "grade
#: calculator" and counts that contradict the data. The tech stack it lists is checked.
FAQ = "Preguntas frecuentes"


def _normal(text: str) -> str:
    """Text compared without Markdown markers, parentheses or spacing differences."""
    text = re.sub(r"^\s*(?:[-*]|\d+\.|#+)\s+", "", text, flags=re.M)
    text = re.sub(r"<([^<>\s]+[@:][^<>\s]+)>", r"\1", text)  # an autolink shows its address
    text = text.replace("**", "").replace("*", "").replace("`", "")
    # Brackets of either width: jdgen writes full-width ones around Chinese in its own
    # words (GB/T 15834; issue 16), where seed 002 has half-width ones.
    text = re.sub(r"[()（）]", "", text)
    text = re.sub(r"\s+", " ", text).replace(" .", ".")
    return text.strip().casefold()


def _seed_lines(number: str) -> list[str]:
    path = next(SEEDS.glob(f"{number}_*.txt"))
    lines: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if number == "004" and line == FAQ:
            break
        if number == "003" and line.startswith("Ver perfil → ") and "Talen.to" not in line:
            # "Ver perfil → Startup (1-50 empleados)En startups de IA, ...": a link, then
            # the context's name and size run into its note.
            line = re.sub(r"^Ver perfil → ", "", line)
            lines.extend(re.split(r"(?<=\))(?=[A-Z])", line))
            continue
        if number == "004" and "| Habilidades |" in line:
            line = line.split("|", 1)[0]  # "4 habilidades| Habilidades | Jun |..."
            # The seed's "1 habilidades" is a plural error that CLDR's rules fix.
            line = re.sub(r"^1 habilidades$", "1 habilidad", line.strip())
        if number == "003" and line.startswith("MLOps Engineer — "):
            lines.extend(line.split(" — ", 1))
            continue
        for dropped in LEFT_OUT[number]:
            if line.removeprefix("- ") == dropped or len(dropped) > 20:
                line = line.replace(dropped, "").strip()
        if re.fullmatch(r"-?\s*\d*|`+|-+|\|[-|]+\|", line) or line in LEFT_OUT[number]:
            continue
        # Two items the seed ran together on one line.
        lines.extend(re.split(r"(?<=\. )(?=Experiencia)", line))
    return [line for line in lines if line.strip()]


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(find_project(REPO))


def _rendered(renderer: Renderer, number: str) -> str:
    role, kind, locales = DOCUMENTS[number]
    return " ".join(renderer.render(role, locale, kind=kind).text for locale in locales)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
@pytest.mark.parametrize("number", sorted(DOCUMENTS))
def test_every_line_of_the_seed_is_rendered(renderer: Renderer, number: str) -> None:
    rendered = _normal(_rendered(renderer, number))
    missing = [line for line in _seed_lines(number) if _normal(line).rstrip(".:") not in rendered]
    assert missing == []


def test_seed_lines_left_out_are_really_in_the_seeds() -> None:
    """The list of left-out lines cannot silently go stale."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    for number, lines in LEFT_OUT.items():
        text = next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8")
        for line in lines:
            assert line in text, (number, line)


def test_the_chinese_posting_uses_the_locale_patterns(renderer: Renderer) -> None:
    text = renderer.render("ml-engineer-china", "zh").text
    assert "- **薪资范围**：28K-60K/月（根据经验水平）" in text
    assert "- **招聘人数**：若干" in text
    assert "**发布日期**：2026年2月" in text
    assert "- **官网链接**：<https://www.company.com/jobs/ml-engineer>" in text  # a link
    assert "ML Engineer → Senior ML Engineer → ML Expert" in text
    html = renderer.render("ml-engineer-china", "zh", fmt="html").text
    assert '<ol class="track">' in html and "→" not in html.split("<main", 1)[1]


def test_skills_matrix_counts_come_from_the_data(renderer: Renderer) -> None:
    text = renderer.render("ml-engineer-skills", "es", kind="skills-matrix").text
    assert "Tiene 58 habilidades en 5 niveles (de Junior a Principal)." in text
    assert "58 habilidades × 5 niveles." in text
    assert "125" not in text  # the seed's self-contradiction
    assert len(re.findall(r"^### ", text, re.M)) == 14
    rows = [line for line in text.splitlines() if re.match(r"\| (?!Habilidades |---)", line)]
    assert len(rows) == 58
    assert "\n1 habilidad\n" in text  # the CLDR plural, not "1 habilidades"
    en = renderer.render("ml-engineer-skills", "en", kind="skills-matrix").text
    assert "It has 58 skills across 5 levels (Junior to Principal)." in en


def test_voseo_only_in_es_ar(renderer: Renderer) -> None:
    ar = renderer.render("mlops-engineer-global", "es-AR", kind="role-profile").text
    es = renderer.render("mlops-engineer-global", "es", kind="role-profile").text
    assert "Describí el pipeline" in ar and "Contame sobre" in ar
    assert "Describe el pipeline" in es and "Cuéntame sobre" in es
    assert "Describí" not in es and "Contame" not in es


def _cjk_ascii_punctuation(text: str) -> list[str]:
    """ASCII commas, colons, semicolons and question marks right after a Chinese character."""
    return re.findall(r"[\u4e00-\u9fff][,:;?]", text)


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        ("ml-engineer", "hiring-guide"),
        ("ml-engineer-lima", "posting"),
        ("ml-engineer-china", "posting"),
        ("mlops-engineer-global", "role-profile"),
        ("ml-engineer-skills", "skills-matrix"),
    ],
)
def test_chinese_uses_full_width_punctuation(renderer: Renderer, role: str, kind: str) -> None:
    rendered = renderer.render(role, "zh", kind=kind)
    assert rendered.warnings == ()  # complete: nothing fell back to the source language
    assert _cjk_ascii_punctuation(rendered.text) == []


def test_left_out_reasons_are_given() -> None:
    assert all(reason for lines in LEFT_OUT.values() for reason in lines.values())


def test_jdgens_own_chinese_words_use_full_width_brackets() -> None:
    """Consistently: 职位描述（JD）, 28K/月（根据经验水平）, 软件（AI）. Role text keeps the
    brackets its author wrote."""
    from babel.messages.pofile import read_po

    for name in ("zh", "zh_Hant"):
        with (REPO / f"locales/{name}/LC_MESSAGES/jdgen.po").open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in strings:
                bare = re.sub(r"%\(\w+\)s|\{\w+\}", "", text or "")
                assert "(" not in bare and ")" not in bare, (name, message.id, text)
