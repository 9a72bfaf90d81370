"""jdgen import: each source's recorded payload becomes role files that validate and
render in es, zh and en, with the description split into jdgen's fields.

The payloads in tests/fixtures/ats/ are written in each vendor's public shape, quirks
included (entity-escaped Greenhouse content, Lever's bare <li>, Workable's job listed
once per country, Personio's CDATA and "•" lines, Teamtailor's tt: namespace, JSON-LD
in a page); each has an English, a Spanish and a Chinese posting.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from jdgen import cli
from jdgen.authoring.scaffold import init_project

FIXTURES = Path(__file__).parent / "fixtures" / "ats"
SOURCES = {
    "greenhouse": "greenhouse-jobs.json",
    "lever": "lever-postings.json",
    "ashby": "ashby-board.json",
    "workable": "workable-account.json",
    "personio": "personio-jobs.xml",
    "smartrecruiters": "smartrecruiters-postings.json",
    "recruitee": "recruitee-offers.json",
    "teamtailor": "teamtailor-jobs.rss",
    "jsonld": "jsonld-careers.html",
}
TITLES = {"en": "Frontend/Backend Engineer", "es": "Ingeniera de Datos Sr.", "zh": "机器学习工程师"}
#: One item per field of each posting, as the role file must hold it.
ITEMS = {
    "en": {"must_have": "5+ years building web apps", "benefits": "Private health insurance"},
    "es": {"responsibilities": "Diseñar pipelines de datos", "benefits": "Seguro médico"},
    "zh": {"responsibilities": "负责风控模型的设计与训练", "must_have": "本科及以上学历"},
}


def run(project: Path, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, ["-C", str(project), *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "careers"
    init_project(root, organization="Acme")
    for role in (root / "roles").glob("*.yaml"):
        role.unlink()  # the example role: these tests count what the import writes
    return root


def roles(project: Path) -> dict[str, dict[str, Any]]:
    """Every role file, by the language its posting is written in."""
    out = {}
    for path in sorted((project / "roles").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["language"].split("-")[0]] = data | {"_file": path.name}
    return out


def texts(field: Any) -> list[str]:
    """The items of a list field, through its groups."""
    out: list[str] = []
    for entry in field or []:
        out += entry["items"] if isinstance(entry, dict) else [entry]
    return out


@pytest.mark.parametrize("source", SOURCES)
def test_a_payload_becomes_one_valid_role_per_posting(project: Path, source: str) -> None:
    code, out, err = run(project, "import", source, str(FIXTURES / SOURCES[source]))
    assert code == 0, err
    found = roles(project)
    assert sorted(found) == ["en", "es", "zh"], out
    for lang, role in found.items():
        assert role["title"] == TITLES[lang]
        assert role["source"]["ats"] == source
        assert isinstance(role["source"]["id"], str)
        for field, item in ITEMS[lang].items():
            where = (
                role.get("requirements", {}).get(field) if field == "must_have" else role.get(field)
            )
            assert any(item in t for t in texts(where)), (lang, field, role)
    code, out, err = run(project, "validate")
    assert code == 0, out + err
    assert "0 error(s)" in out + err


@pytest.mark.parametrize("source", SOURCES)
def test_nothing_hostile_or_board_wide_reaches_a_role(project: Path, source: str) -> None:
    assert run(project, "import", source, str(FIXTURES / SOURCES[source]))[0] == 0
    for path in (project / "roles").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for bad in ("alert", "onclick", "steal", "javascript", "<script", "color:red", "&nbsp;"):
            assert bad not in text, (path.name, bad)
        # the board's intro and closing (repeated in every posting) are in no role
        assert "payment tools for small shops" not in text
        assert "equal opportunity employer" not in text


@pytest.mark.parametrize("lang", ["es", "zh", "en"])
def test_imported_roles_render_in_every_locale(project: Path, lang: str) -> None:
    assert run(project, "import", "lever", str(FIXTURES / SOURCES["lever"]))[0] == 0
    for role in roles(project).values():
        code, out, err = run(project, "render", role["_file"].removesuffix(".yaml"), "-l", lang)
        assert code == 0, err
        assert role["title"].split("/")[0] in out


def test_the_fields_each_source_has_are_mapped(project: Path) -> None:
    assert run(project, "import", "ashby", str(FIXTURES / SOURCES["ashby"]))[0] == 0
    found = roles(project)
    en = found["en"]
    assert en["work_arrangement"] == "hybrid"  # workplaceType over isRemote
    assert en["employment_type"] == "full-time"
    assert en["team"] == "Platform"
    assert en["posted"].isoformat() == "2026-02-01"
    assert en["apply"]["url"].startswith("https://jobs.ashbyhq.com/")
    places = {loc.get("city"): loc for loc in en["locations"]}
    assert places["San Francisco"]["country"] == "US"
    assert places["San Francisco"]["pay"] == {
        "min": 150000,
        "max": 190000,
        "currency": "USD",
        "period": "year",
    }
    assert places["New York"]["pay"]["min"] == 140000
    assert {"label": "Equity", "text": "0.05% – 0.1%"} in en["pay_structure"]
    assert found["es"]["salary"] == {
        "min": 9000,
        "max": 12000,
        "currency": "PEN",
        "period": "month",
    }
    assert found["zh"]["employment_type"] == "internship"
    assert "Unlisted role" not in json.dumps([r["title"] for r in found.values()])


def test_greenhouse_pay_zones_become_the_pay_of_their_places(project: Path) -> None:
    code, _out, err = run(
        project, "import", "greenhouse", str(FIXTURES / "greenhouse-job-pay.json")
    )
    assert code == 0, err
    role = roles(project)["en"]
    pay = {loc.get("city") or loc.get("country"): loc["pay"] for loc in role["locations"]}
    assert pay["San Francisco"]["min"] == 150000  # cents → units
    assert pay["US"]["max"] == 165000
    assert role["work_arrangement"] == "remote"
    assert "no pay period" in err  # the assumption is told, with the posting


def test_workable_lists_one_job_per_country_as_one_role(project: Path) -> None:
    code, _out, err = run(project, "import", "workable", str(FIXTURES / SOURCES["workable"]))
    assert code == 0, err
    en = roles(project)["en"]
    assert [(loc.get("city"), loc["country"]) for loc in en["locations"]] == [
        ("San Francisco", "US"),
        ("Toronto", "CA"),  # Paris is hidden in the ATS
    ]
    assert en["work_arrangement"] == "remote"


def test_what_cannot_be_mapped_is_reported_with_the_posting(project: Path) -> None:
    code, _, err = run(project, "import", "greenhouse", str(FIXTURES / SOURCES["greenhouse"]))
    assert code == 0
    assert re.search(
        r"metadata\[Visa sponsorship\]: greenhouse posting 4001234 “Frontend/Backend", err
    )


def test_the_json_ld_of_the_built_site_carries_title_places_and_pay(project: Path) -> None:
    assert run(project, "import", "ashby", str(FIXTURES / SOURCES["ashby"]))[0] == 0
    code, _out, err = run(project, "build", "--today", "2026-03-01", "-o", str(project / "site"))
    assert code == 0, err
    role = roles(project)["en"]["_file"].removesuffix(".yaml")
    pages = sorted((project / "site").rglob(f"*{role}*/index.html")) or sorted(
        (project / "site").rglob(f"{role}.html")
    )
    assert pages, sorted(str(p) for p in (project / "site").rglob("*.html"))[:20]
    page = pages[0].read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    found: list[Any] = []
    for block in blocks:
        data = json.loads(block)
        found += data if isinstance(data, list) else [data]
    postings = [p for p in found if p.get("@type") == "JobPosting"]
    assert postings and all(p["title"] == "Frontend/Backend Engineer" for p in postings)
    flat = json.dumps(postings, ensure_ascii=False)
    assert "San Francisco" in flat and "New York" in flat
    assert "150000" in flat and "USD" in flat


def test_json_ld_is_read_from_json_too(project: Path, tmp_path: Path) -> None:
    posting = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Careers"},
            {
                "@type": ["JobPosting"],
                "title": "Analista de Datos",
                "description": "Buscamos una analista para el equipo de pagos en Lima.",
                "identifier": "an-1",
                "jobLocation": {"address": {"addressLocality": "Lima", "addressCountry": "PE"}},
                "baseSalary": {"currency": "PEN", "value": 8000, "unitText": "MONTH"},
                "employmentType": "PART_TIME",
            },
        ],
    }
    path = tmp_path / "jobs.json"
    path.write_text(json.dumps(posting), encoding="utf-8")
    code, _, err = run(project, "import", "jsonld", str(path))
    assert code == 0, err
    role = roles(project)["es"]
    assert role["source"] == {"ats": "jsonld", "id": "an-1"}
    assert role["salary"] == {"min": 8000, "currency": "PEN", "period": "month"}
    assert role["employment_type"] == "part-time"
    assert role["locations"] == [{"city": "Lima", "country": "PE"}]
