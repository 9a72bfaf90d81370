"""A new careers team's first hour, end to end, as the docs tell it: the commands run as
the quickstart and the generated workflow give them, in a fresh directory, through the
installed ``jdgen`` command; ``jdgen new`` answered on a real pseudo-terminal.

- a recruiter (in Madrid writing Spanish, in Shanghai writing Chinese, in London writing
  English): init, new, validate, lint as CI runs it, build; the role's JobPosting meets
  Google's rules;
- a translator: i18n update, the new role's catalogs translated, i18n check and status,
  validate --strict; the translated role is published in every locale;
- CI: every jdgen step of the generated workflow, as written, passes; the pre-commit hook
  lets an untranslated role through, CI's validate --strict does not.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from jdgen.site.pages import missing_required
from tests.conftest import REPO
from tests.terminal import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")

ENV = {
    **os.environ,
    "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    "COLUMNS": "100",
    "LC_ALL": "C.UTF-8",
}
ENV.pop("SOURCE_DATE_EPOCH", None)  # a team's first hour runs on today's date
WORKFLOW = ".github/workflows/careers-site.yml"
#: What Google recommends beside what it requires, and jdgen new asks for.
RECOMMENDED = ("validThrough", "employmentType", "baseSalary", "jobLocation")


def sh(cwd: Path, command: str) -> tuple[int, str]:
    """``command`` run as a person types it in a shell; exit code and what it showed."""
    done = subprocess.run(
        ["bash", "-c", f"{command} 2>&1"], cwd=cwd, env=ENV, capture_output=True, text=True
    )
    return done.returncode, done.stdout


def ok(cwd: Path, command: str) -> str:
    code, shown = sh(cwd, command)
    assert code == 0, f"$ {command}\n{shown}"
    return shown


def quickstart_init(first: str) -> str:
    """The quickstart's `jdgen init` line for a team writing in ``first``."""
    text = (REPO / "docs" / "quickstart.md").read_text(encoding="utf-8")
    lines = re.findall(r"^`?(jdgen init [^`\n]*?)`?\.?$", text, re.MULTILINE)
    found = [line for line in lines if f"--locale {first} " in line.split("--org")[0][:40]]
    assert found, f"docs/quickstart.md has no `jdgen init ... --locale {first}` line"
    return found[0]


@dataclass(frozen=True)
class Recruiter:
    """A recruiter's session with ``jdgen new``: (question shown, answer typed)."""

    language: str
    init: str
    role_id: str
    session: tuple[tuple[str, str], ...]
    expected: dict[str, object]


MADRID = Recruiter(
    "es",
    quickstart_init("es"),
    "analista-datos",
    (
        ("Título del puesto", "Analista de datos sénior"),
        ("Ubicaciones", "Madrid, Barcelona"),
        ("País de Madrid y Barcelona [España]", ""),
        ("Tipo de contrato (Tiempo completo", "jornada completa"),
        ("Modalidad de trabajo", "híbrido"),
        ("Salario, p. ej. 45.000-60.000", "45.000-60.000"),
        ("Moneda [EUR]", ""),
        ("Periodo de pago", ""),
        ("45.000-60.000\xa0€ al año, ¿correcto? [Sí/no]", "sí"),
        ("Vacantes [1]", "2"),
        ("Fecha límite", ""),
    ),
    {
        "employment_type": "full-time",
        "work_arrangement": "hybrid",
        "locations": [{"city": "Madrid", "country": "ES"}, {"city": "Barcelona", "country": "ES"}],
        "salary": {"min": 45000, "max": 60000, "currency": "EUR", "period": "year"},
        "headcount": 2,
    },
)
SHANGHAI = Recruiter(
    "zh",
    quickstart_init("zh"),
    "ml-engineer-sh",
    (
        ("职位名称", "机器学习工程师"),
        ("工作地点", "上海、北京"),
        ("上海和北京所在国家 [中国]", ""),
        ("工作性质 (全职", "全职"),
        ("工作方式", "混合"),
        ("薪资，例如 25K-40K", "25K-40K"),
        ("币种 [CNY]", ""),
        ("计薪周期", ""),
        ("25K-40K/月，对吗？ [是/否]", "是"),
        ("招聘人数 [1]", "3"),
        ("有效期", ""),
    ),
    {
        "employment_type": "full-time",
        "work_arrangement": "hybrid",
        "locations": [{"city": "上海", "country": "CN"}, {"city": "北京", "country": "CN"}],
        "salary": {"min": 25000, "max": 40000, "currency": "CNY", "period": "month"},
        "headcount": 3,
    },
)
LONDON = Recruiter(
    "en",
    'jdgen init careers --locale en --locale es --locale zh --org "Acme"',
    "data-engineer",
    (
        ("Job title", "Data Engineer"),
        ("Locations", "London"),
        ("Country of London", "United Kingdom"),
        ("Employment type", "part time"),
        ("Work arrangement", "remote"),
        ("Pay, e.g.", "50,000-65,000"),
        ("Currency [GBP]", ""),
        ("Pay period", "annual"),
        ("correct?", "y"),
        ("Openings [1]", ""),
        ("Apply by", ""),
    ),
    {
        "employment_type": "part-time",
        "work_arrangement": "remote",
        "locations": [{"city": "London", "country": "GB"}],
        "salary": {"min": 50000, "max": 65000, "currency": "GBP", "period": "year"},
        "headcount": 1,
    },
)


def start(tmp_path: Path, recruiter: Recruiter) -> Path:
    """The quickstart's first step: the project, made by `jdgen init`."""
    ok(tmp_path, recruiter.init)
    return tmp_path / "careers"


def new_on_a_terminal(project: Path, recruiter: Recruiter) -> dict[str, object]:
    """`jdgen new ROLE` answered question by question on a pseudo-terminal."""
    terminal = Terminal(["jdgen", "new", recruiter.role_id], project, ENV)
    for question, typed in recruiter.session:
        terminal.answer(question, typed)
    terminal.expect(f"created roles/{recruiter.role_id}.yaml")
    assert terminal.finish() == 0, terminal.screen
    role: dict[str, object] = yaml.safe_load(
        (project / "roles" / f"{recruiter.role_id}.yaml").read_text(encoding="utf-8")
    )
    return role


def workflow_steps(project: Path) -> list[str]:
    """The jdgen commands of the generated workflow, as written."""
    workflow = yaml.safe_load((project / WORKFLOW).read_text(encoding="utf-8"))
    steps = [s["run"] for job in workflow["jobs"].values() for s in job["steps"] if "run" in s]
    return [
        line.strip()
        for run in steps
        for line in run.splitlines()
        if line.strip().startswith("jdgen ")
    ]


def job_posting(project: Path, locale: str, role_id: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(
        (project / "site" / locale / role_id / "posting.json").read_text(encoding="utf-8")
    )
    return data


def meets_googles_rules(posting: dict[str, object]) -> None:
    assert missing_required(posting) == [], posting
    remote = posting.get("jobLocationType") == "TELECOMMUTE"
    for key in RECOMMENDED:
        if key == "jobLocation" and remote:  # a remote job names where applicants may be
            key = "applicantLocationRequirements"
        assert posting.get(key), f"the JobPosting lacks {key}: {posting}"


@pytest.mark.parametrize("recruiter", [MADRID, SHANGHAI, LONDON], ids=lambda r: r.language)
def test_a_recruiter_makes_a_role_that_passes_ci_and_google(
    tmp_path: Path, recruiter: Recruiter
) -> None:
    project = start(tmp_path, recruiter)
    role = new_on_a_terminal(project, recruiter)
    for key, value in recruiter.expected.items():
        assert role[key] == value, key
    assert role["valid_through"] and role["posted"]
    shown = ok(project, "jdgen validate")  # the quickstart's check: warnings, no errors
    # Every hint names a file that exists, or the command that makes it.
    for path in re.findall(r"translate (?:it|them) in (\S+\.po)", shown):
        assert (project / path).is_file(), shown
    assert "jdgen i18n update" in shown  # the next step, for the untranslated locales
    lint = next(s for s in workflow_steps(project) if s.startswith("jdgen lint"))
    ok(project, lint)  # as the generated CI runs it: the laws of the places are met
    built = ok(project, "jdgen build")
    assert "source text is shown" not in built  # a page left out is said once, as left out
    meets_googles_rules(job_posting(project, recruiter.language, recruiter.role_id))


def translate(catalog: Path, words: dict[str, str]) -> None:
    """What a translator does in an editor: every empty entry translated, and each
    suggestion from the memory checked (no longer fuzzy)."""
    text = catalog.read_text(encoding="utf-8")
    text = re.sub(r"^#, fuzzy\n", "", text, flags=re.MULTILINE)

    def fill(m: re.Match[str]) -> str:
        source = m.group(1)
        return f'msgid "{source}"\nmsgstr "{words[source]}"'

    text = re.sub(r'msgid "([^"\n]+)"\nmsgstr ""(?=\n\n|\n?$)', fill, text)
    catalog.write_text(text, encoding="utf-8")


#: A translator's work on each recruiter's role: locale → source text → translation.
WORDS = {
    "es": {
        "zh": {
            "Analista de datos sénior": "高级数据分析师",
            "Madrid": "马德里",
            "Barcelona": "巴塞罗那",
        },
        "en": {
            "Analista de datos sénior": "Senior Data Analyst",
            "Madrid": "Madrid",
            "Barcelona": "Barcelona",
        },
    },
    "zh": {
        "en": {"机器学习工程师": "Machine Learning Engineer", "上海": "Shanghai", "北京": "Beijing"}
    },
    "en": {
        "es": {"Data Engineer": "Ingeniero/a de datos", "London": "Londres"},
        "zh": {"Data Engineer": "数据工程师", "London": "伦敦"},
    },
}


@pytest.mark.parametrize("recruiter", [MADRID, SHANGHAI, LONDON], ids=lambda r: r.language)
def test_a_translator_publishes_the_new_role_in_every_locale(
    tmp_path: Path, recruiter: Recruiter
) -> None:
    project = start(tmp_path, recruiter)
    new_on_a_terminal(project, recruiter)
    code, shown = sh(project, "jdgen validate --strict")
    assert code == 1 and "jdgen i18n update" in shown  # not yet: nothing is translated
    updated = ok(project, "jdgen i18n update")
    words = WORDS[recruiter.language]
    for locale, translations in words.items():
        catalog = f"locales/{locale}/LC_MESSAGES/role-{recruiter.role_id}.po"
        assert f"created {catalog}" in updated
        translate(project / catalog, translations)
    ok(project, "jdgen i18n check")
    ok(project, "jdgen i18n status --fail-under 100")
    ok(project, "jdgen validate --strict")  # translated: no warning left
    built = ok(project, "jdgen build")
    assert "not published" not in built
    title = str(dict(recruiter.session)[recruiter.session[0][0]])
    titles = {recruiter.language: title} | {loc: t[title] for loc, t in words.items()}
    for locale, shown_title in titles.items():
        posting = job_posting(project, locale, recruiter.role_id)
        assert posting["title"] == shown_title
        meets_googles_rules(posting)
        page = project / "site" / locale / recruiter.role_id / "index.html"
        assert shown_title in page.read_text(encoding="utf-8")


def test_ci_runs_the_generated_workflow_as_written(tmp_path: Path) -> None:
    project = start(tmp_path, MADRID)
    steps = workflow_steps(project)
    assert len(steps) >= 5
    for step in steps:  # the example role, translated by init: every step passes
        ok(project, step)
    assert (project / "site" / "index.html").is_file()
    # A recruiter's new role, not yet translated: the pre-commit hook lets the commit
    # through; CI's validate --strict stops the release until it is translated.
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h["entry"] for h in hooks if h["id"] == "jdgen-validate")
    args = ["--title", "Analista", "--location", "Sevilla, España", "--salary-min", "30.000"]
    ok(project, f"jdgen new analista {shlex.join(args)} --salary-max 40.000")
    ok(project, hook)
    strict = next(s for s in steps if s.startswith("jdgen validate"))
    code, shown = sh(project, strict)
    assert code == 1 and "no zh translation" in shown, shown


def test_outside_a_project_every_command_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    commands = ("validate", "build", "lint", "render data-analyst", "i18n status", "new x")
    for command in (*commands, "serve --port 0", "export --check"):
        code, shown = sh(tmp_path, f"timeout 60 jdgen {command}")  # serve must not start
        assert code == 2, (command, shown)
        assert "no jdgen.yaml found" in shown and "jdgen init" in shown, (command, shown)
    assert list(tmp_path.iterdir()) == []  # no .jdgen-cache/, no site/


def test_a_law_finding_asks_only_for_what_is_missing(tmp_path: Path) -> None:
    project = start(tmp_path, SHANGHAI)
    args = "--title 数据分析师 --location 上海，中国 --salary-min 20K --salary-max 30K"
    ok(project, f"jdgen new analyst -l zh {args}")
    role = project / "roles/analyst.yaml"
    text = role.read_text(encoding="utf-8")
    role.write_text(re.sub(r"^headcount: .*\n", "", text, flags=re.M), encoding="utf-8")
    _, shown = sh(project, "jdgen lint roles/analyst.yaml")
    assert "comp.cn" in shown, shown
    finding = next(line for line in shown.splitlines() if "comp.cn" in line)
    assert "(add a number for headcount)" in finding  # the salary is there: not asked for
