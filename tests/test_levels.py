"""Levels side by side (issue 34): the level diff as a document and its charts, the ladder
notes, and a role's change log between two git revisions.

Golden files: seed 004's role (roles/ml-engineer-skills.yaml), Mid → Senior, in es, zh and
en; refresh with ``pytest tests/test_levels.py --update-goldens``.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from jdgen.cli import main
from jdgen.project.config import Fonts, find_project
from jdgen.project.kinds import Domain, Level, Mark, Skill, SkillsMatrix
from jdgen.project.levels import CHANGES, compare, ladder_notes, mark_ranks
from jdgen.rendering.formats import EXTENSIONS, FORMATS
from jdgen.rendering.formats.charts import to_svg, with_fonts
from jdgen.rendering.formats.fonts import print_locale
from jdgen.rendering.leveldiff import render_level_diff
from jdgen.rendering.renderer import Renderer

from .conftest import GOLDEN, REPO, check_golden

SVG = "{http://www.w3.org/2000/svg}"
LEGEND = (
    Mark(mark="A", meaning="Aware: knows it"),
    Mark(mark="W", meaning="Working: uses it"),
    Mark(mark="E", meaning="Expert: teaches it"),
    Mark(mark="—", meaning="Not expected"),
)


def matrix(rows: dict[str, list[str]], focus: tuple[str, ...] = ()) -> SkillsMatrix:
    n = len(next(iter(rows.values())))
    levels = tuple(
        Level(code=f"L{i}", name=f"Level {i}", focus=focus[i] if i < len(focus) else None)
        for i in range(n)
    )
    skills = tuple(Skill(name=name, levels=" ".join(marks)) for name, marks in rows.items())
    return SkillsMatrix(levels=levels, legend=LEGEND, domains=(Domain(name="D", skills=skills),))


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(find_project(REPO))


# -- the comparison ---------------------------------------------------------------------


def test_ranks_follow_the_legend_and_dashes_mean_not_expected() -> None:
    assert mark_ranks(matrix({"x": ["A"]})) == {"A": 1, "W": 2, "E": 3, "—": 0}
    ranked = SkillsMatrix(
        levels=(Level(code="a", name="a"),),
        legend=(Mark(mark="X", meaning="x", rank=5), Mark(mark="Y", meaning="y")),
        domains=(Domain(name="D", skills=(Skill(name="s", levels="X"),)),),
    )
    assert mark_ranks(ranked) == {"X": 5, "Y": 1}


def test_each_kind_of_change_is_counted() -> None:
    m = matrix(
        {
            "rises": ["A", "E"],
            "new": ["—", "W"],
            "lowers": ["E", "A"],
            "dropped": ["W", "—"],
            "same": ["W", "W"],
        }
    )
    diff = compare(m, "L0", "level 1")  # a code, or a name in any case
    assert {c.skill: c.change for c in diff.domains[0].skills} == {c: c for c in CHANGES}
    assert [diff.count(c) for c in CHANGES] == [1, 1, 1, 1, 1]
    assert diff.total_changes == 4


marks = st.sampled_from(["A", "W", "E", "—"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(marks, marks), min_size=1, max_size=12))
def test_the_diff_back_is_the_mirror_of_the_diff_forth(pairs: list[tuple[str, str]]) -> None:
    m = matrix({f"s{i}": [a, b] for i, (a, b) in enumerate(pairs)})
    forth, back = compare(m, "L0", "L1"), compare(m, "L1", "L0")
    assert forth.count("rises") + forth.count("new") == back.count("lowers") + back.count("dropped")
    assert forth.count("new") == back.count("dropped")
    assert forth.total_changes == back.total_changes
    assert compare(m, "L0", "L0").total_changes == 0


@pytest.mark.usefixtures("in_repo")
def test_an_unknown_level_lists_the_known_ones() -> None:
    code, _, err = _cli("diff", "ml-engineer-skills", "--from", "Int", "--to", "Staff")
    assert code == 2
    assert 'no level "Staff"' in err
    assert "Jr (Junior), Int (Intermedio), Sr (Senior), Líder (Líder), Ppal (Principal)" in err
    # Named as a locale's translation names them: the English words work with -l en, and
    # the error lists both.
    code, _, err = _cli("diff", "ml-engineer-skills", "-l", "en", "--from", "Mid", "--to", "Staff")
    assert code == 2 and "in en: Jr (Junior), Mid (Mid-level)" in err
    code, out, _ = _cli("diff", "ml-engineer-skills", "-l", "en", "--from", "mid", "--to", "senior")
    assert code == 0 and out.startswith("# ML Engineer: from Mid-level to Senior")
    assert "Traceback" not in err


@pytest.mark.usefixtures("in_repo")
def test_a_role_without_a_matrix_says_so() -> None:
    code, _, err = _cli("diff", "ml-engineer-lima", "--from", "a", "--to", "b")
    assert code == 1
    assert "has no skills: section" in err


@pytest.mark.parametrize(
    "args",
    [
        ("--from", "Int"),
        ("--rev", "HEAD", "--from", "Int"),
        ("--from", "Int", "--to", "Sr", "-f", "github"),
        ("--rev", "--output=x..HEAD"),
        ("--rev", "..HEAD"),
    ],
)
@pytest.mark.usefixtures("in_repo")
def test_command_line_mistakes_exit_2(args: tuple[str, ...]) -> None:
    code, _, err = _cli("diff", "ml-engineer-skills", *args)
    assert code == 2, err
    assert "Traceback" not in err


# -- the document -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("locale", ["es", "zh", "en"])
def test_golden(renderer: Renderer, locale: str, fmt: str, update_goldens: bool) -> None:
    # Seed 004's Mid → Senior: the role file (Spanish) calls them Int and Sr.
    result = render_level_diff(renderer, "ml-engineer-skills", "Int", "Senior", locale, fmt)
    path = GOLDEN / "levels" / f"ml-engineer-skills.Mid-Senior.{locale}{EXTENSIONS[fmt]}"
    check_golden(path, result.text, update_goldens, "pytest tests/test_levels.py --update-goldens")


def test_the_tables_speak_in_words_not_codes(renderer: Renderer) -> None:
    text = render_level_diff(renderer, "ml-engineer-skills", "Int", "Sr", "es").text
    assert "| Cursor IDE | Práctica | → | Conocimiento |" in text
    assert "| W |" not in text and "| Mid |" not in text
    zh = render_level_diff(renderer, "ml-engineer-skills", "Int", "Sr", "zh").text
    assert "中级" in zh and "高级" in zh


def _svgs(html: str) -> list[etree._Element]:
    out, at = [], 0
    while (start := html.find("<svg", at)) >= 0:
        end = html.index("</svg>", start) + len("</svg>")
        out.append(etree.fromstring(html[start:end].encode()))
        at = end
    return out


@pytest.mark.parametrize("locale", ["es", "zh", "en"])
def test_the_charts_are_accessible_svg(renderer: Renderer, locale: str) -> None:
    html = render_level_diff(renderer, "ml-engineer-skills", "Int", "Sr", locale, "html").text
    svgs = _svgs(html)
    assert len(svgs) == 2  # a radar and a thermometer
    ids = set()
    for svg in svgs:
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None and title.text and desc is not None and desc.text
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        ids |= {title.get("id"), desc.get("id")}
        assert svg.find(f".//{SVG}script") is None
        # Colours come from the page's variables: both colour modes follow the page.
        assert "var(--accent" in etree.tostring(svg).decode()
    assert len(ids) == 4  # unique on the page
    radar = svgs[0]
    labels = [t.text for t in radar.iter(f"{SVG}text")]
    assert len(list(radar.iter(f"{SVG}polygon"))) == 3 + 2  # rings + two levels
    if locale == "zh":
        assert "专家" in labels or any("专家" in (x or "") for x in labels)


def test_role_text_in_a_chart_is_data_not_markup() -> None:
    hostile = '{"type":"radar","title":"<script>x</script>","description":"a & b",'
    hostile += '"axes":["<b onload=x>","]]>","d"],"rings":["1","2"],'
    hostile += '"series":[{"name":"</svg><img src=x>","values":[1,2,1]}]}'
    svg = to_svg(hostile)
    tree = etree.fromstring(svg.split("\n", 1)[1].rsplit("</figure>", 1)[0].encode())
    assert tree.find(f".//{SVG}script") is None
    assert not [e for e in tree.iter() if e.tag.endswith(("img", "b"))]
    assert "&lt;script&gt;" in svg
    assert to_svg("not json") == "" and to_svg("[1]") == ""


def test_the_matrix_page_shows_the_diff_the_config_asks_for(tmp_path: Path) -> None:
    project = _copy_project(tmp_path)
    config = project / "jdgen.yaml"
    config.write_text(config.read_text() + 'skills_diffs: ["Int..Senior"]\n')
    result = Renderer(find_project(project)).render(
        "ml-engineer-skills", "en", kind="skills-matrix", fmt="html"
    )
    assert "from Mid-level to Senior" in result.text.replace("From", "from")
    assert result.text.count("<svg") == 2
    config.write_text(config.read_text().replace("Int..Senior", "Int..Staff"))
    code, _, err = _cli("-C", str(project), "render", "ml-engineer-skills", "-k", "skills-matrix")
    assert code == 1
    assert "skills_diffs" in err and 'no level "Staff"' in err


# -- ladder lint ------------------------------------------------------------------------


def test_a_level_that_repeats_the_one_below_is_noted() -> None:
    same = "Builds pipelines.  Owns  models."
    notes = ladder_notes(matrix({"x": ["A", "A", "W"]}, (same, " ".join(same.split()), "Leads.")))
    assert [n.field for n in notes] == ["skills.levels[1].focus"]
    near = ladder_notes(matrix({"x": ["A", "W"]}, (same, same + " Mentors.")))
    assert near == []


def test_a_skill_that_goes_down_is_noted_once() -> None:
    notes = ladder_notes(
        matrix({"down": ["W", "A", "—"], "up": ["—", "A", "E"], "flat": ["E"] * 3})
    )
    assert [n.field for n in notes] == ["skills.domains[0].skills[0].levels"]
    assert "goes down from W at Level 0 to A at Level 1" in notes[0].message


@pytest.mark.usefixtures("in_repo")
def test_lint_reports_ladder_notes_at_their_line() -> None:
    code, out, _ = _cli("lint", "roles/ml-engineer-skills.yaml")
    assert code == 0
    line = next(x for x in out.splitlines() if '"Cursor IDE" goes down' in x)
    assert line.startswith("roles/ml-engineer-skills.yaml:45:")
    assert "info hyg.skill-goes-down" in line


# -- the change log between revisions ----------------------------------------------------

ROLE = """\
    title: Data Engineer
    language: en
    employment_type: full-time
    locations:
      - {city: Denver, region: CO, country: US}
    salary: {min: 90000, max: 120000, currency: USD, period: year}
    summary: You build our pipelines.
    requirements:
      must_have:
        - items: [3+ years of Python, SQL]
    """


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_a_revision_diff_explains_the_change_by_meaning(tmp_path: Path) -> None:
    root = tmp_path / "careers"
    (root / "roles").mkdir(parents=True)
    (root / "jdgen.yaml").write_text("locales: [en, es]\n")
    role = root / "roles" / "data-engineer.yaml"
    role.write_text(textwrap.dedent(ROLE))
    es = root / "locales" / "es" / "LC_MESSAGES"
    es.mkdir(parents=True)
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "first")
    # A translation of the summary, as `jdgen i18n update` and a translator leave it.
    (es / "role-data-engineer.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "data-engineer:summary"\nmsgid "You build our pipelines."\n'
        'msgstr "Construyes nuestros pipelines."\n'
    )
    role.write_text(
        textwrap.dedent(ROLE)
        .replace("Data Engineer", "Senior Data Engineer")
        .replace("90000", "100000")
        .replace("our pipelines", "and run our pipelines")
        .replace("3+ years of Python", "7+ years of Python, Kafka")
    )
    _git(root, "commit", "-qam", "second")
    code, out, err = _cli("-C", str(root), "diff", "data-engineer", "--rev", "HEAD~1..HEAD")
    assert code == 0, err
    assert "- **salary**: 90000-120000 USD/year → 100000-120000 USD/year" in out
    assert "Colorado" in out  # the pay law to check again
    assert "- Data Engineer → Senior Data Engineer" in out
    assert "feeds keep every job's id" in out
    assert "years of experience asked: 3 → 7" in out
    assert "The requirements grew" in out
    assert "- **es**: 1 translated text changed in the source and goes fuzzy" in out
    assert "summary" in out  # among the other fields
    code, gh, _ = _cli("-C", str(root), "diff", "data-engineer", "--rev", "HEAD~1", "-f", "github")
    assert code == 0 and gh.startswith("<!-- jdgen diff -->\n# Changes to")
    # Nothing changed since: it says so.
    code, same, _ = _cli("-C", str(root), "diff", "data-engineer", "--rev", "HEAD")
    assert "Nothing a reader sees has changed." in same
    code, _, err = _cli("-C", str(root), "diff", "data-engineer", "--rev", "nosuch..HEAD")
    assert code == 2 and "git:" in err and "Traceback" not in err


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    project.mkdir()
    for name in ("jdgen.yaml", "roles", "locales", "templates"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, project / name)
        else:
            shutil.copy(src, project / name)
    return project


def test_a_level_diff_prints_as_word_and_pdf(tmp_path: Path) -> None:
    """Word carries the tables and native charts (tests/test_docx_charts.py), the PDF
    draws the charts too, with their ring words in the document's CJK font: Simplified
    Chinese glyphs, never WeasyPrint's default Japanese face."""
    import docx  # type: ignore[import-untyped]

    word, pdf = tmp_path / "d.docx", tmp_path / "d.pdf"
    for out in (word, pdf):
        code, _, err = _cli(
            "-C", str(REPO), "diff", "ml-engineer-skills", "--from", "Int", "--to", "Sr",
            "-l", "zh", "-f", out.suffix[1:], "-o", str(out),
        )  # fmt: skip
        assert code == 0, err
    document = docx.Document(str(word))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "从中级到高级" in text and '{"' not in text  # no chart data as code
    assert len(document.tables) == 14  # one per domain
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    assert "熟练" in shown.stdout and "AI辅助开发" in shown.stdout
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "CJK-SC" in fonts and "JP" not in fonts, fonts
    code, _, err = _cli("-C", str(REPO), "diff", "ml-engineer-skills", "--from", "Int",
                        "--to", "Sr", "-f", "docx")  # fmt: skip
    assert code == 2 and "-o FILE" in err


def test_printed_charts_name_the_locales_fonts() -> None:
    """WeasyPrint's SVG renderer does not inherit the page's fonts: the charts name them."""
    svg = to_svg('{"type":"radar","axes":["a","b","c"],"rings":["x"],"series":[]}')
    page = f"<p>&lt;svg xmlns=&quot;x&quot;</p>{svg}{svg}"
    for tag, face in (("zh", "Noto Sans CJK SC"), ("zh-Hant", "Noto Sans CJK TC")):
        shown = with_fonts(page, print_locale(tag, Fonts()).stack)
        assert shown.count(f'font-family=\'"{face}", "Noto Sans"\'') == 2
        assert shown.startswith("<p>&lt;svg xmlns=&quot;x&quot;</p>")  # role text untouched
    es = with_fonts(svg, print_locale("es", Fonts()).stack)
    assert 'font-family=\'"Noto Sans", "Noto Sans CJK SC"\'' in es
    assert etree.fromstring(es.split("\n", 1)[1].rsplit("</figure>", 1)[0].encode()) is not None
