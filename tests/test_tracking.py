"""A change to a template or a template string re-renders only the pages that use it,
and the site is still the one a build without a cache gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdgen.project.config import find_project
from jdgen.site.build import build_site

from .conftest import Builder
from .test_integrity import clean_build
from .test_site import tree_hash

SITE = {
    "jdgen.yaml": "locales: [en, es]\nbase_url: https://jobs.example.org\ntoday: 2026-03-01\n"
    "fallback_pages: true\n",
    **{
        f"roles/r{i:02}.yaml": f"title: Role {i}\nposted: 2026-02-01\nlocations: [Madrid]\n"
        for i in range(6)
    },
    # One role shows its pay; the others have no salary line.
    "roles/paid.yaml": "title: Paid\nposted: 2026-02-01\nlocations: [Madrid]\n"
    "salary: {min: 40000, max: 50000, currency: EUR, period: year}\n",
}

PO = """\
msgid ""
msgstr ""
"Language: es\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""


def catalog(root: Path, entries: dict[tuple[str, str], str]) -> None:
    """The project's own es template catalog (over the built-in one)."""
    text = PO + "".join(
        f'msgctxt "{ctx}"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n\n'
        for (ctx, msgid), msgstr in entries.items()
    )
    path = root / "locales/es/LC_MESSAGES/jdgen.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def read(root: Path, page: str) -> str:
    return (root / "site" / page).read_text(encoding="utf-8")


def rendered_pages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The listing pages rendered from now on (by their URL), not taken from the last build."""
    from jdgen.site import indexes

    rendered: list[str] = []
    real = indexes.render_template
    monkeypatch.setattr(
        indexes,
        "render_template",
        lambda env, name, context, *a: (
            rendered.append(context["canonical"]) or real(env, name, context, *a)
        ),
    )
    return rendered


@pytest.fixture
def built(build_tree: Builder) -> Path:
    root = build_tree(SITE)
    assert build_site(find_project(root)).rendered == len(SITE) - 1
    return root


def test_a_site_string_rebuilds_the_pages_that_show_it_and_no_posting(
    built: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    rendered = rendered_pages(monkeypatch)
    catalog(built, {("site", "Open positions"): "Puestos que buscamos"})
    report = build_site(find_project(built))
    assert (report.rendered, report.changed) == (0, True)
    assert "Puestos que buscamos" in read(built, "es/index.html")
    # The es index, and the front page, which names every locale's list; no en page.
    pages = sorted(url.removeprefix("https://jobs.example.org/") for url in rendered)
    assert pages == ["", "es/"]
    assert tree_hash(built / "site") == clean_build(built, tmp_path_factory.mktemp("clean"))


def test_a_posting_string_rebuilds_only_the_postings_that_show_it(
    built: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    catalog(built, {("label", "Salary"): "Sueldo"})
    report = build_site(find_project(built))
    assert report.rendered == 1  # only "paid" has a salary line
    assert "Sueldo" in read(built, "es/paid/index.html")
    assert tree_hash(built / "site") == clean_build(built, tmp_path_factory.mktemp("clean"))
    # A string every posting shows: every posting.
    catalog(built, {("label", "Salary"): "Sueldo", ("heading", "About the job"): "El puesto"})
    assert build_site(find_project(built)).rendered == len(SITE) - 1
    assert "El puesto" in read(built, "es/r03/index.html")
    assert tree_hash(built / "site") == clean_build(built, tmp_path_factory.mktemp("clean"))


def test_a_translation_added_removed_or_made_fuzzy_is_noticed(built: Path) -> None:
    catalog(built, {("label", "Salary"): "Sueldo"})
    assert build_site(find_project(built)).rendered == 1
    path = built / "locales/es/LC_MESSAGES/jdgen.po"
    path.write_text(path.read_text(encoding="utf-8").replace("msgctxt", "#, fuzzy\nmsgctxt"))
    assert build_site(find_project(built)).rendered == 1
    assert "Sueldo" not in read(built, "es/paid/index.html")
    path.unlink()
    assert build_site(find_project(built)).rendered == 0  # back to the built-in words


@pytest.mark.parametrize(
    ("template", "rendered"),
    [
        ("templates/default/hiring-guide.md.j2", 0),  # the site publishes postings only
        ("templates/default/site/index.html.j2", 0),  # the pages made from all postings
        ("templates/es/posting.md.j2", len(SITE) - 1),  # shadows the built-in, in es
    ],
)
def test_a_template_rebuilds_the_pages_that_use_it(
    built: Path, tmp_path_factory: pytest.TempPathFactory, template: str, rendered: int
) -> None:
    name = template.split("/", 2)[2]
    source = (Path(__file__).parents[1] / "templates/default" / name).read_text(encoding="utf-8")
    target = built / template
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(source.replace("</h1>", "</h1><!-- own -->", 1) + "\n", encoding="utf-8")
    report = build_site(find_project(built))
    assert report.rendered == rendered
    assert tree_hash(built / "site") == clean_build(built, tmp_path_factory.mktemp("clean"))
    if rendered:
        assert build_site(find_project(built)).rendered == 0  # and then it is kept


def test_one_posting_changed_renders_only_the_lists_it_is_on(
    build_tree: Builder, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The index and filter pages are taken from the last build where what they list is
    the same: a Lima posting retitled re-renders the lists that show it, not Bogotá's."""
    cities = ["Lima", "Bogotá", "Quito"]
    root = build_tree(
        {
            **SITE,
            **{
                f"roles/c{i:02}.yaml": f"title: City role {i}\nposted: 2026-02-01\n"
                f"locations: [{cities[i % 3]}]\nteam: Team {i % 2}\n"
                for i in range(9)
            },
        }
    )
    build_site(find_project(root))
    rendered = rendered_pages(monkeypatch)
    path = root / "roles/c00.yaml"  # in Lima, team 0
    path.write_text(path.read_text(encoding="utf-8").replace("City role", "Town role"), "utf-8")
    assert build_site(find_project(root)).rendered == 1
    pages = sorted(url.removeprefix("https://jobs.example.org/") for url in rendered)
    assert pages == sorted(
        f"{tag}/{page}" for tag in ("en", "es") for page in ("", "location/lima/", "team/team-0/")
    )
    assert "Town role 0" in read(root, "en/location/lima/index.html")
    assert tree_hash(root / "site") == clean_build(root, tmp_path_factory.mktemp("clean"))
