"""The typed role model: what a role file may say, one declarative line per field.

Every class here is a frozen dataclass; :data:`ROLE` validates a (resolved) role
mapping into a :class:`Role`. Prose fields use :class:`~jdgen.schema.Line` or
:class:`~jdgen.schema.Text`, which mark them as translatable for the catalogs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import yaml

from jdgen.foundation.vocabulary import EMPLOYMENT_TYPES, PERIODS, WORK_ARRANGEMENTS
from jdgen.project.checking import Checker
from jdgen.project.kinds import HiringGuide, RoleProfile, SkillsMatrix, Step, check_matrix
from jdgen.project.schema import Struct, node_for, spec
from jdgen.project.validators import Amount, Bool, Choice, Date, Int, Line, ListOf, Slug, Str, Text
from jdgen.project.values import (
    COUNTRY,
    CURRENCY,
    EMAIL,
    ITEMS,
    LOCALE_TAG,
    URL,
    Group,
    Headcount,
    HeadcountSpec,
    YearRange,
    YearRangeSpec,
)

# -- the role ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Salary:
    min: Decimal | None = spec(Amount(), "the lowest pay of the range")
    max: Decimal | None = spec(Amount(), "the highest pay of the range")
    currency: str = spec(CURRENCY, "ISO 4217 currency code, e.g. EUR, CNY, PEN", required=True)
    period: str = spec(
        Choice(
            *PERIODS,
            aliases={
                "hourly": "hour",
                "daily": "day",
                "weekly": "week",
                "monthly": "month",
                "yearly": "year",
                "annual": "year",
                "annually": "year",
            },
        ),
        "what the amounts pay for: hour, day, week, month or year",
        required=True,
    )
    months_per_year: int | None = spec(Int(12, 24), "salaries paid per year, e.g. 14 or 16")
    note: str | None = spec(Line(), "a short note, e.g. depending on experience")


def _check_salary(salary: Salary, node: yaml.Node, field: str, ctx: Checker) -> None:
    if salary.min is None and salary.max is None:
        ctx.error(node, field, "a salary needs a min, a max or both")
    elif salary.min is not None and salary.max is not None and salary.min > salary.max:
        ctx.error(
            node_for(node, "min") or node,
            f"{field}.min",
            f"the minimum ({salary.min}) is above the maximum ({salary.max})",
            "swap min and max",
        )


@dataclass(frozen=True, kw_only=True)
class Location:
    id: str | None = spec(
        Slug(),
        "a stable id for the place in job-board feeds and structured data, kept when it is "
        "renamed (default: its country and city, e.g. pe-lima)",
    )
    name: str | None = spec(Line(), "how the location is shown, e.g. Lima or 海外办公室")
    city: str | None = spec(Line(), "the city")
    region: str | None = spec(Line(), "the state, province or region")
    country: str | None = spec(
        COUNTRY, "ISO 3166 country code, e.g. PE (Google requires it for every job location)"
    )
    street: str | None = spec(Line(), "the street address, for the structured data")
    postal_code: str | None = spec(Line(), "the postal code, for the structured data")
    pay: Salary | None = spec(
        Struct(Salary, check=_check_salary),
        "the pay range here, where it differs from the role's salary (pay by location or "
        "zone: give each place its range; a YAML anchor shares one range between places)",
    )

    @property
    def label(self) -> str:
        return (
            self.name or ", ".join(p for p in (self.city, self.region) if p) or (self.country or "")
        )


def _check_location(loc: Location, node: yaml.Node, field: str, ctx: Checker) -> None:
    if not (loc.name or loc.city or loc.region or loc.country):
        ctx.error(node, field, "a location needs a name, a city or a country")


@dataclass(frozen=True, kw_only=True)
class Staff:
    """How many people the employer has in one place, for the laws that count only those
    (Massachusetts, Minnesota, Cleveland...)."""

    name: str | None = spec(Line(), "the place, e.g. Massachusetts or Cleveland, OH")
    city: str | None = spec(Line(), "the city, where the count is a city's")
    region: str | None = spec(Line(), "the state, province or region")
    country: str | None = spec(COUNTRY, "ISO 3166 country code, e.g. US")
    employees: int = spec(Int(0, 10_000_000), "how many people work there", required=True)

    @property
    def place(self) -> Location:
        return Location(name=self.name, city=self.city, region=self.region, country=self.country)


def _check_staff(staff: Staff, node: yaml.Node, field: str, ctx: Checker) -> None:
    if not (staff.name or staff.city or staff.region or staff.country):
        ctx.error(node, field, "a staff count needs a name, a city, a region or a country")


@dataclass(frozen=True, kw_only=True)
class Fact:
    label: str = spec(Line(), "what it is, e.g. Base salary", required=True)
    text: str = spec(Line(), "what it says", required=True)


@dataclass(frozen=True, kw_only=True)
class Requirements:
    must_have: tuple[Group, ...] = spec(ITEMS, "what every candidate needs", factory=tuple)
    nice_to_have: tuple[Group, ...] = spec(ITEMS, "what is a plus", factory=tuple)
    intro: str | None = spec(Text(), "a sentence before the requirements")
    education: str | None = spec(Line(), "the education asked for, if any")
    notes: tuple[Fact, ...] = spec(
        ListOf(Struct(Fact)), "other requirements, as label and text", factory=tuple
    )


@dataclass(frozen=True, kw_only=True)
class Experience:
    level: str = spec(Line(), "the seniority level, e.g. Senior", required=True)
    years: YearRange = spec(
        YearRangeSpec(), 'years of experience, e.g. "3-5" or "8+"', required=True
    )
    description: str | None = spec(Line(), "what the experience is in")


@dataclass(frozen=True, kw_only=True)
class Contact:
    label: str = spec(Line(), "what the contact is for, e.g. Applications", required=True)
    email: str | None = spec(EMAIL, "an e-mail address")
    phone: str | None = spec(
        Str(r"[+0-9 ()./X-]{3,30}", hint="digits, spaces, + ( ) - ."), "a phone number"
    )
    url: str | None = spec(URL, "a link")
    address: str | None = spec(Line(), "a postal address")


def _check_contact(contact: Contact, node: yaml.Node, field: str, ctx: Checker) -> None:
    if not (contact.email or contact.phone or contact.url or contact.address):
        ctx.error(node, field, "a contact needs an email, a phone, a url or an address")


@dataclass(frozen=True, kw_only=True)
class Apply:
    url: str | None = spec(URL, "where to apply")
    email: str | None = spec(EMAIL, "where to send applications")
    instructions: str | None = spec(Text(), "how to apply, in a sentence or two")
    include: tuple[str, ...] = spec(
        ListOf(Line()), "what to mention in the application", factory=tuple
    )
    contacts: tuple[Contact, ...] = spec(
        ListOf(Struct(Contact, check=_check_contact)), "people or inboxes to contact", factory=tuple
    )


@dataclass(frozen=True, kw_only=True)
class Branch:
    after: str = spec(Line(), "the step the branch leaves from", required=True)
    steps: tuple[str, ...] = spec(ListOf(Line(), min_items=1), "where it leads", required=True)


@dataclass(frozen=True, kw_only=True)
class Track:
    title: str = spec(Line(), "the track's name, e.g. Technical track", required=True)
    steps: tuple[str, ...] = spec(
        ListOf(Line(), min_items=2), "the roles along it, in order", required=True
    )
    branch: Branch | None = spec(Struct(Branch), "a second path that leaves the track")


@dataclass(frozen=True, kw_only=True)
class Stack:
    category: str = spec(Line(), "e.g. ML frameworks", required=True)
    items: tuple[str, ...] = spec(
        ListOf(Str(), min_items=1), "tools and technologies", required=True
    )


@dataclass(frozen=True, kw_only=True)
class Suppression:
    rule: str = spec(
        Str(r"[a-z]+\.[a-z0-9-]+", hint="a rule id such as en.jargon-title"),
        "the id of the lint rule to silence for this role",
        required=True,
    )
    reason: str = spec(Str(), "why the finding is right for this role: required", required=True)


@dataclass(frozen=True, kw_only=True)
class LintSettings:
    suppress: tuple[Suppression, ...] = spec(
        ListOf(Struct(Suppression)), "lint findings to silence, each with a reason", factory=tuple
    )


@dataclass(frozen=True, kw_only=True)
class Source:
    ats: str = spec(Slug(), "the system the role was imported from, e.g. greenhouse", required=True)
    id: str = spec(Str(), "the posting's id there", required=True)


@dataclass(frozen=True, kw_only=True)
class Role:
    """One role file, after ``extends`` has been resolved."""

    id: str = spec(Slug(), "the role's id; defaults to the file name", required=True)
    extends: str | None = spec(Slug(), "the id of the role family this role builds on")
    abstract: bool = spec(
        Bool(), "true for a role family that is only extended, never published", default=False
    )
    language: str = spec(
        LOCALE_TAG, "the language the role is written in, e.g. es-PE", required=True
    )
    title: str = spec(Line(), "the job title", required=True)
    full_title: str | None = spec(Line(), "the title with more detail, where a posting shows it")
    organization: str | None = spec(Line(), "the hiring company")
    team: str | None = spec(Line(), "the team")
    summary: str | None = spec(Text(), "what the role is about, in a paragraph or two")
    employment_type: str | None = spec(
        Choice(
            *EMPLOYMENT_TYPES,
            aliases={
                "fulltime": "full-time",
                "parttime": "part-time",
                "contractor": "contract",
                "intern": "internship",
                "temp": "temporary",
            },
        ),
        "full-time, part-time, contract...",
    )
    work_arrangement: str | None = spec(
        Choice(
            *WORK_ARRANGEMENTS,
            aliases={"onsite": "on-site", "office": "on-site", "in-office": "on-site"},
        ),
        "on-site, hybrid or remote",
    )
    locations: tuple[Location, ...] = spec(
        ListOf(Struct(Location, shorthand="name", check=_check_location)),
        "where the job is; a name, or city/region/country",
        factory=tuple,
    )
    headcount: Headcount | None = spec(
        HeadcountSpec(), 'openings; "unspecified" shows 若干 / several'
    )
    salary: Salary | None = spec(
        Struct(Salary, check=_check_salary),
        "the pay range (where a location gives its own pay, the range everywhere else)",
    )
    ai_screening: bool | None = spec(
        Bool(),
        "whether software (AI) screens, assesses or selects applicants; the posting says "
        "so (Ontario requires it)",
    )
    vacancy: str | None = spec(
        Choice("existing", "future"),
        "existing: the posting fills an open position; future: it gathers candidates for "
        "later (Ontario requires the posting to say which)",
    )
    reports_to: Location | None = spec(
        Struct(Location, shorthand="name", check=_check_location),
        "the office or supervisor the job reports to, where that is not where it is done "
        "(New York State and Illinois cover jobs reporting to one there; Vermont, remote "
        "jobs working predominantly for an office there)",
    )
    employer_seat: Location | None = spec(
        Struct(Location, shorthand="name", check=_check_location),
        "where the employer is based, its headquarters (Delaware covers the remote jobs "
        "of employers based there)",
    )
    staff: tuple[Staff, ...] = spec(
        ListOf(Struct(Staff, check=_check_staff)),
        "how many people the employer has in a place, for the laws that count only those "
        "(organization.employees in jdgen.yaml is the overall figure)",
        factory=tuple,
    )
    applications_ongoing: bool | None = spec(
        Bool(),
        "applications are taken on an ongoing basis, with no deadline (Colorado accepts "
        "the posting saying so in place of one)",
    )
    responsibilities: tuple[Group, ...] = spec(ITEMS, "what the person will do", factory=tuple)
    requirements: Requirements | None = spec(Struct(Requirements), "must-haves and nice-to-haves")
    experience: tuple[Experience, ...] = spec(
        ListOf(Struct(Experience)), "years of experience by seniority", factory=tuple
    )
    benefits: tuple[Group, ...] = spec(ITEMS, "benefits and perks", factory=tuple)
    process: tuple[Step, ...] = spec(
        ListOf(Struct(Step)), "the hiring process, step by step", factory=tuple
    )
    apply: Apply | None = spec(Struct(Apply), "how to apply")
    pay_structure: tuple[Fact, ...] = spec(
        ListOf(Struct(Fact)), "how pay is made up: base, bonus, equity...", factory=tuple
    )
    career_tracks: tuple[Track, ...] = spec(
        ListOf(Struct(Track)), "where the role can lead", factory=tuple
    )
    growth: tuple[Group, ...] = spec(ITEMS, "learning and growth opportunities", factory=tuple)
    tech_stack: tuple[Stack, ...] = spec(
        ListOf(Struct(Stack)), "the tools, by category", factory=tuple
    )
    culture: tuple[Group, ...] = spec(ITEMS, "how the team works", factory=tuple)
    status: str | None = spec(Line(), "a note on the opening, e.g. urgently hiring")
    hiring: HiringGuide | None = spec(
        Struct(HiringGuide), "a hiring guide for the role (jdgen render --kind hiring-guide)"
    )
    profile: RoleProfile | None = spec(
        Struct(RoleProfile), "the role in a company context (--kind role-profile)"
    )
    skills: SkillsMatrix | None = spec(
        Struct(SkillsMatrix, check=check_matrix), "skills by level (--kind skills-matrix)"
    )
    lint: LintSettings | None = spec(Struct(LintSettings), "lint settings for this role")
    locales: tuple[str, ...] = spec(
        ListOf(LOCALE_TAG),
        "the locales the role is posted in, e.g. [es, en] (default: every locale of the site)",
        factory=tuple,
    )
    posted: dt.date | None = spec(Date(), "when the posting was published, YYYY-MM-DD")
    valid_through: dt.date | None = spec(Date(), "the last day to apply; none: open until filled")
    source: Source | None = spec(
        Struct(Source), "where `jdgen import` took the role from; its next import updates it"
    )

    @property
    def published(self) -> bool:
        return not self.abstract

    def pay_groups(self) -> list[tuple[Salary | None, tuple[int, ...]]]:
        """The locations (by index) grouped by the pay that applies there: their own,
        else the salary; in the order of their first location. A role without locations
        is one group, with its salary."""
        if not self.locations:
            return [(self.salary, ())]
        groups: dict[Salary | None, list[int]] = {}
        for i, loc in enumerate(self.locations):
            groups.setdefault(loc.pay or self.salary, []).append(i)
        return [(pay, tuple(at)) for pay, at in groups.items()]

    def pay_by_place(self) -> list[tuple[Salary, tuple[Location, ...]]]:
        """What templates show: each pay with the locations it applies to (none where
        the role has no locations); locations without any pay are left out."""
        return [
            (pay, tuple(self.locations[i] for i in at))
            for pay, at in self.pay_groups()
            if pay is not None
        ]


ROLE = Struct(Role, ignore=frozenset({"$schema"}))
