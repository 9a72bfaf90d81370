"""The project config (``jdgen.yaml``) and how a project is found on disk."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from jdgen.errors import InvalidInputError, relpath
from jdgen.foundation.builtin import builtin_dir
from jdgen.foundation.vocabulary import KINDS
from jdgen.project.brand import dark_accent, light_accent
from jdgen.project.checking import INVALID, Checker
from jdgen.project.load import Document, load_yaml, parse_yaml
from jdgen.project.schema import Struct, spec
from jdgen.project.validators import Bool, Choice, Custom, Date, Int, Line, ListOf, Str
from jdgen.project.values import EMAIL, LOCALE_TAG, URL

CONFIG_NAME = "jdgen.yaml"


ACCENT = Custom(Str(), light_accent, "a colour as #rrggbb that reads on white (4.5:1)")
ACCENT_DARK = Custom(Str(), dark_accent, "a colour as #rrggbb that reads on the dark page (4.5:1)")


@dataclass(frozen=True, kw_only=True)
class Intro:
    locale: str = spec(LOCALE_TAG, "the language of the text, e.g. es", required=True)
    text: str = spec(Line(), "a sentence or two on who you are and why join", required=True)


@dataclass(frozen=True, kw_only=True)
class Organization:
    name: str = spec(Line(), "the organisation's name", required=True)
    url: str | None = spec(URL, "the organisation's website")
    logo: str | None = spec(URL, "a link to the organisation's logo")
    accent: str | None = spec(
        ACCENT,
        "the brand's accent colour for links and buttons, e.g. #0b57d0; checked for "
        "contrast on the light page",
    )
    accent_dark: str | None = spec(
        ACCENT_DARK,
        "the accent in dark mode; by default the accent lightened until it reads on the dark page",
    )
    intro: tuple[Intro, ...] = spec(
        ListOf(Struct(Intro)),
        "the careers site's greeting, one per language: [{locale: es, text: …}]",
        factory=tuple,
    )
    employees: int | None = spec(
        Int(1, 10_000_000),
        "how many people the organisation employs: pay-transparency laws with a size "
        "threshold (15 in California, 25 in Ontario...) apply from it; unset, jdgen lint "
        "assumes every law applies",
    )


@dataclass(frozen=True, kw_only=True)
class LintConfig:
    spanish_style: str = spec(
        Choice("slash", "doubled", "neutral"),
        "the inclusive form Spanish postings use: talentosos/as (slash), "
        "candidatos y candidatas (doubled) or la persona candidata "
        "(neutral)",
        default="slash",
    )


@dataclass(frozen=True, kw_only=True)
class LinkedInFeed:
    company_id: str | None = spec(
        Str(r"[0-9]{1,20}", hint="the number in your LinkedIn page's admin URL"),
        "the LinkedIn company page's id (LinkedIn requires it of every job)",
    )
    poster_email: str | None = spec(
        EMAIL, "the e-mail of the LinkedIn member who posts the jobs (required since 2025)"
    )


@dataclass(frozen=True, kw_only=True)
class FeedsConfig:
    indeed: bool = spec(
        Bool(),
        "write indeed.xml, Indeed's feed, which Talent.com, ZipRecruiter, Talroo and "
        "Careerjet read too",
        default=True,
    )
    atom: bool = spec(Bool(), "write an Atom feed per locale (<locale>/feed.atom)", default=True)
    linkedin: LinkedInFeed | None = spec(
        Struct(LinkedInFeed),
        "write linkedin.xml, LinkedIn's job XML: needs company_id and poster_email",
    )


@dataclass(frozen=True, kw_only=True)
class Config:
    organization: Organization | None = spec(Struct(Organization), "who is hiring")
    base_url: str | None = spec(URL, "where the careers site is published")
    locales: tuple[str, ...] = spec(
        ListOf(LOCALE_TAG, min_items=1),
        "the locales to build, e.g. [es, zh, en]",
        default=("en", "es", "zh"),
    )
    default_locale: str = spec(
        LOCALE_TAG, "the language of roles that do not say theirs", default="en"
    )
    today: dt.date | None = spec(Date(), "a fixed date for reproducible builds, YYYY-MM-DD")
    roles_dir: str = spec(Str(), "where role files are", default="roles")
    templates_dir: str = spec(Str(), "where template overrides are", default="templates")
    locales_dir: str = spec(Str(), "where translation catalogs are", default="locales")
    text_width: int = spec(Int(20, 400), "line width of plain-text output", default=80)
    lint: LintConfig | None = spec(Struct(LintConfig), "how jdgen lint judges wording")
    publish: tuple[str, ...] = spec(
        ListOf(Choice(*KINDS), min_items=1),
        "the documents the public site carries: posting by default; hiring-guide, "
        "role-profile and skills-matrix are for interviewers and are published only if "
        "listed here (jdgen export writes every document, for internal use)",
        default=("posting",),
    )
    fallback_pages: bool = spec(
        Bool(),
        "publish a document in a locale its texts are not translated into, showing them "
        "in the language they are written in (default: leave that locale out)",
        default=False,
    )
    skills_diffs: tuple[str, ...] = spec(
        ListOf(Str(r"[^.\s][^.]*\.\.[^.]*[^.\s]", hint='two levels, e.g. "Mid..Senior"')),
        'levels compared on every skills-matrix page, e.g. ["Mid..Senior"]: what changes from'
        " one to the other, with charts (jdgen diff ROLE --from Mid --to Senior)",
        factory=tuple,
    )
    feeds: FeedsConfig = spec(
        Struct(FeedsConfig),
        "the job-board feeds the site carries (docs/feeds.md)",
        factory=FeedsConfig,
    )
    plural_forms: str = spec(
        Choice("gettext", "cldr"),
        "the Plural-Forms of new catalogs: gettext's traditional forms (es: 2), which "
        "msginit, translate-toolkit and Weblate write, or CLDR's (es: 3, one for millions); "
        "existing catalogs keep their own",
        default="gettext",
    )


CONFIG = Struct(Config, ignore=frozenset({"$schema"}))


@dataclass(frozen=True)
class Project:
    """A careers project: its root directory and config."""

    root: Path
    config: Config = field(default_factory=Config)
    config_path: Path | None = None

    @property
    def roles_dir(self) -> Path:
        return self.root / self.config.roles_dir

    @property
    def is_jdgen_source(self) -> bool:
        """Whether this project is jdgen's own repository, whose ``templates/`` and
        ``locales/`` *are* the built-in ones: then an installed copy of them is never
        read, so that a preview shows the files as they are, not a stale install."""
        return (self.root / "jdgen" / "i18n" / "localize.py").is_file()

    def _with_builtin(self, own: str, builtin: str) -> tuple[Path, ...]:
        dirs = [self.root / own]
        if not self.is_jdgen_source:
            dirs.append(builtin_dir(builtin))
        return tuple(dict.fromkeys(p.resolve() for p in dirs))

    @functools.cached_property
    def template_dirs(self) -> tuple[Path, ...]:
        """Where templates are looked up, the project's own first."""
        return self._with_builtin(self.config.templates_dir, "templates")

    @functools.cached_property
    def locale_dirs(self) -> tuple[Path, ...]:
        """Where catalogs are looked up, the project's own first."""
        return self._with_builtin(self.config.locales_dir, "locales")

    def today(self, override: dt.date | None = None) -> dt.date:
        """The date expiry is judged by: ``override``, else the config's ``today``, else
        the UTC date (the machine's time zone must not change results)."""
        return override or self.config.today or dt.datetime.now(dt.UTC).date()

    def display(self, path: Path) -> str:
        """A path as shown in messages: relative to the working directory or the project."""
        return relpath(path)


def find_project(start: Path | None = None) -> Project:
    """The project containing ``start`` (a file or directory; default: the cwd).

    The nearest ``jdgen.yaml`` upwards marks the project root. Without one, the current
    directory is a project with the default config and the built-in templates.
    """
    here = (start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for candidate in (here, *here.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return Project(candidate, load_config(path), path)
    return Project(Path.cwd().resolve())


def load_config(path: Path) -> Config:
    """Load and validate a ``jdgen.yaml``; every problem is reported at once."""
    return config_of(load_yaml(path, relpath(path)))


def parse_config(text: str, display: str) -> Config:
    """Validate the text of a ``jdgen.yaml`` (an edit, before it is written)."""
    return config_of(parse_yaml(text, display))


def config_of(doc: Document) -> Config:
    if doc.root is None:
        return Config()
    ctx = Checker()
    config = CONFIG.check(doc.root, "", ctx)
    ctx.problems.raise_errors()
    if config is INVALID:  # pragma: no cover - a failed check always records a problem
        raise InvalidInputError(f"{doc.path}: invalid config")
    return config
