"""The typed role model: what a role file may say, one declarative line per field.

Every class here is a frozen dataclass; :data:`ROLE` validates a (resolved) role
mapping into a :class:`Role`. Prose fields use :class:`~jdgen.schema.Line` or
:class:`~jdgen.schema.Text`, which mark them as translatable for the catalogs.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import yaml
from babel.numbers import list_currencies

from jdgen.errors import Problem
from jdgen.foundation.locales import parse_locale
from jdgen.foundation.vocabulary import EMPLOYMENT_TYPES, PERIODS, WORK_ARRANGEMENTS
from jdgen.project.load import position
from jdgen.project.schema import (
    INVALID,
    Amount,
    Bool,
    Checker,
    Choice,
    Custom,
    Date,
    Int,
    Line,
    ListOf,
    Slug,
    Spec,
    Str,
    Struct,
    Text,
    describe,
    node_for,
    spec,
)

# -- reusable validators ----------------------------------------------------------------

_CURRENCY_HINTS = {
    "RMB": "CNY",
    "YUAN": "CNY",
    "$": "USD",
    "€": "EUR",
    "¥": "CNY or JPY",
    "£": "GBP",
    "US$": "USD",
    "S/": "PEN",
    "SOLES": "PEN",
    "ARS$": "ARS",
}


@functools.lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def _currency(code: str) -> str:
    if code in _currencies():
        return code
    upper = code.upper()
    if upper in _currencies():
        raise ValueError(f'"{code}" must be written in capitals', f"write {upper}")
    suggestion = _CURRENCY_HINTS.get(upper)
    raise ValueError(
        f'expected an ISO 4217 code, got "{code}"',
        f"use {suggestion}" if suggestion else "a three-letter code such as EUR, USD, CNY or PEN",
    )


CURRENCY = Custom(
    Str(r"\S{1,8}"),
    _currency,
    "an ISO 4217 currency code such as EUR",
    {"type": "string", "pattern": "^[A-Z]{3}$", "examples": ["EUR", "CNY"]},
)

_SAFE_SCHEMES = ("https://", "http://", "mailto:")


def _url(value: str) -> str:
    lowered = value.strip().lower()
    if lowered.startswith(("javascript:", "vbscript:", "data:")):
        raise ValueError(f"links may not use the {lowered.split(':')[0]}: scheme")
    if not lowered.startswith(_SAFE_SCHEMES):
        if re.fullmatch(r"[\w.-]+\.[a-z]{2,}(/\S*)?", lowered):
            raise ValueError(f'"{value}" has no scheme', f"write https://{value}")
        raise ValueError(f'expected an http(s) or mailto: link, got "{value}"')
    if any(ch.isspace() for ch in value):
        raise ValueError(f'a link may not contain spaces: "{value}"')
    return value


URL = Custom(
    Str(), _url, "an https:// link", {"type": "string", "pattern": "^(https?://|mailto:)\\S+$"}
)


def _email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise ValueError(f'expected an e-mail address, got "{value}"')
    return value


EMAIL = Custom(Str(), _email, "an e-mail address", {"type": "string", "format": "email"})


def _locale_tag(value: str) -> str:
    return parse_locale(value).tag


LOCALE_TAG = Custom(
    Str(),
    _locale_tag,
    "a locale tag such as es, es-AR or zh-CN",
    {
        "type": "string",
        "pattern": "^[a-zA-Z]{2,3}([-_][A-Za-z0-9]{2,4})*$",
        "examples": ["es", "es-AR", "zh-CN", "en"],
    },
)


def _country(value: str) -> str:
    from babel import Locale

    code = value.upper()
    if len(code) != 2 or code not in Locale("en").territories:
        raise ValueError(f'expected an ISO 3166 country code such as ES or CN, got "{value}"')
    return code


COUNTRY = Custom(
    Str(),
    _country,
    "an ISO 3166 country code such as ES",
    {"type": "string", "pattern": "^[A-Za-z]{2}$"},
)


# -- value types ------------------------------------------------------------------------


@dataclass(frozen=True)
class YearRange:
    """Years of experience: ``3-5``, or open-ended ``8+`` (``max`` is None)."""

    min: int
    max: int | None = None


class YearRangeSpec(Spec[YearRange]):
    _RE = re.compile(r"\s*(\d{1,2})\s*(?:([-–~至到])\s*(\d{1,2})|(\+))?\s*")

    def expected(self) -> str:
        return 'a number of years: 5, a range "3-5", or "8+"'

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> YearRange:
        m = self._RE.fullmatch(str(node.value)) if isinstance(node, yaml.ScalarNode) else None
        if m is None:
            return ctx.error(node, field, f"expected {self.expected()}, got {describe(node)}")
        low = int(m.group(1))
        if m.group(3) is not None:
            high = int(m.group(3))
            if high < low:
                return ctx.error(
                    node,
                    field,
                    f"the range {low}-{high} runs backwards",
                    f"write {high}-{low}",
                )
            return YearRange(low, high)
        if m.group(4):
            return YearRange(low, None)
        return YearRange(low, low)

    def json_schema(self) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": r"^\s*\d{1,2}\s*([-–~]\s*\d{1,2}|\+)?\s*$"},
            ],
            "examples": ["3-5", "8+"],
        }


UNSPECIFIED: Literal["unspecified"] = "unspecified"
Headcount = int | Literal["unspecified"]


class HeadcountSpec(Spec[Headcount]):
    """A number of openings, or ``unspecified`` (rendered as 若干 / several)."""

    def expected(self) -> str:
        return 'a number of openings, or "unspecified"'

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> Headcount:
        if isinstance(node, yaml.ScalarNode) and str(node.value).strip().lower() in (
            UNSPECIFIED,
            "several",
            "若干",
        ):
            return UNSPECIFIED
        return Int(1, 100_000).check(node, field, ctx)

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "integer", "minimum": 1}, {"const": "unspecified"}]}


@dataclass(frozen=True, kw_only=True)
class Group:
    """A list of items under an optional title (responsibilities, skills...)."""

    title: str | None = spec(Line(), "the group's heading")
    items: tuple[str, ...] = spec(ListOf(Line(), min_items=1), "the items", required=True)


GROUP = Struct(Group)


class ItemsSpec(Spec[tuple[Group, ...]]):
    """A list of lines, or of titled groups of lines, or a mix of both."""

    def expected(self) -> str:
        return "a list of items, or of groups with a title and items"

    def check(self, node: yaml.Node, field: str, ctx: Checker) -> tuple[Group, ...]:
        if not isinstance(node, yaml.SequenceNode):
            return ctx.error(
                node,
                field,
                f"expected a list, got {describe(node)}",
                "start each item on its own line with '- '",
            )
        groups: list[Group] = []
        loose: list[str] = []
        ok = True
        group_index = 0  # the model path counts groups, valid or not (families are partial)
        for i, child in enumerate(node.value):
            sub = f"{field}[{i}]"
            if isinstance(child, yaml.MappingNode):
                if loose:
                    groups.append(Group(items=tuple(loose)))
                    loose = []
                    group_index += 1
                group = GROUP.check(child, sub, ctx)
                ctx.rekey_texts(sub, f"{field}[{group_index}]")
                group_index += 1
                if group is INVALID:
                    ok = False
                else:
                    groups.append(group)
            else:
                line = Line().check(child, sub, ctx)
                ctx.rekey_texts(sub, f"{field}[{group_index}].items[{len(loose)}]")
                if line is INVALID:
                    ok = False
                loose.append(line)
        if loose:
            groups.append(Group(items=tuple(loose)))
        return tuple(groups) if ok else INVALID

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "items": {"anyOf": [Line().json_schema(), GROUP.json_schema()]}}


ITEMS = ItemsSpec()


# -- the role ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Location:
    name: str | None = spec(Line(), "how the location is shown, e.g. Lima or 海外办公室")
    city: str | None = spec(Line(), "the city")
    region: str | None = spec(Line(), "the state, province or region")
    country: str | None = spec(COUNTRY, "ISO 3166 country code, e.g. PE")

    @property
    def label(self) -> str:
        return (
            self.name or ", ".join(p for p in (self.city, self.region) if p) or (self.country or "")
        )


def _check_location(loc: Location, node: yaml.Node, field: str, ctx: Checker) -> None:
    if not (loc.name or loc.city or loc.region or loc.country):
        ctx.error(node, field, "a location needs a name, a city or a country")


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
class Step:
    title: str = spec(Line(), "the step's name", required=True)
    format: str | None = spec(Line(), "how it happens, e.g. a phone call")
    description: str | None = spec(Line(), "what happens in it")
    duration_minutes: int | None = spec(Int(1, 24 * 60), "how long it takes, in minutes")


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
class Tip:
    question: str = spec(Line(), "what to ask", required=True)
    tests: str | None = spec(Line(), "what the answer shows, if the tip says")


@dataclass(frozen=True, kw_only=True)
class HiringGuide:
    intro: str | None = spec(Text(), "what the role is, for the people hiring")
    look_for: tuple[str, ...] = spec(ListOf(Line()), "what to look for", factory=tuple)
    steps: tuple[Step, ...] = spec(ListOf(Struct(Step)), "the hiring process", factory=tuple)
    tips: tuple[Tip, ...] = spec(
        ListOf(Struct(Tip)), "interview questions and what they test", factory=tuple
    )
    red_flags: tuple[str, ...] = spec(ListOf(Line()), "warning signs", factory=tuple)


@dataclass(frozen=True, kw_only=True)
class Trait:
    name: str = spec(Line(), "the trait, e.g. Openness", required=True)
    text: str = spec(Line(), "what it looks like in this context", required=True)


@dataclass(frozen=True, kw_only=True)
class Question:
    question: str = spec(Line(), "the interview question", required=True)
    evaluates: str = spec(Line(), "what it evaluates", required=True)


@dataclass(frozen=True, kw_only=True)
class Context:
    name: str = spec(Line(), "e.g. Startup", required=True)
    size: str | None = spec(Line(), "e.g. 1-50 employees")
    note: str | None = spec(Line(), "how the role differs there")


@dataclass(frozen=True, kw_only=True)
class RoleProfile:
    context: str = spec(Line(), "the company context, e.g. Global", required=True)
    size: str | None = spec(Line(), "its size, e.g. 1001+ employees")
    summary: str | None = spec(Text(), "the role in a sentence or two")
    considerations: tuple[str, ...] = spec(
        ListOf(Line()), "what this context asks for", factory=tuple
    )
    traits: tuple[Trait, ...] = spec(
        ListOf(Struct(Trait)), "the personality profile", factory=tuple
    )
    strengths: tuple[str, ...] = spec(ListOf(Line()), "strengths", factory=tuple)
    red_flags: tuple[str, ...] = spec(ListOf(Line()), "warning signs", factory=tuple)
    questions: tuple[Question, ...] = spec(
        ListOf(Struct(Question)), "interview questions", factory=tuple
    )
    other_contexts: tuple[Context, ...] = spec(
        ListOf(Struct(Context)), "the same role in other contexts", factory=tuple
    )


@dataclass(frozen=True, kw_only=True)
class Level:
    code: str = spec(Str(max_length=8), "the short name used in the table, e.g. Sen", required=True)
    name: str = spec(Line(), "the full name, e.g. Senior", required=True)
    focus: str | None = spec(Text(), "what the level focuses on")


@dataclass(frozen=True, kw_only=True)
class Mark:
    mark: str = spec(Str(max_length=3), "the mark in the table, e.g. A", required=True)
    meaning: str = spec(Line(), "what it means", required=True)


@dataclass(frozen=True, kw_only=True)
class Skill:
    name: str = spec(Line(), "the skill", required=True)
    levels: str = spec(Str(), 'one mark per level, separated by spaces: "A W A E E"', required=True)

    @property
    def marks(self) -> tuple[str, ...]:
        return tuple(self.levels.split())


@dataclass(frozen=True, kw_only=True)
class Domain:
    name: str = spec(Line(), "the domain, e.g. Data Engineering", required=True)
    skills: tuple[Skill, ...] = spec(
        ListOf(Struct(Skill), min_items=1), "its skills", required=True
    )


@dataclass(frozen=True, kw_only=True)
class SkillsMatrix:
    family: str | None = spec(Line(), "the role family, e.g. ML & AI Engineering")
    summary: str | None = spec(Line(), "the role in one line")
    levels: tuple[Level, ...] = spec(
        ListOf(Struct(Level), min_items=1), "the levels, in order", required=True
    )
    legend: tuple[Mark, ...] = spec(
        ListOf(Struct(Mark), min_items=1), "what each mark means", required=True
    )
    domains: tuple[Domain, ...] = spec(
        ListOf(Struct(Domain), min_items=1), "domains and their skills", required=True
    )
    tech_stack: tuple[str, ...] = spec(
        ListOf(Str()), "technologies across the levels", factory=tuple
    )

    @property
    def skill_count(self) -> int:
        return sum(len(d.skills) for d in self.domains)


def _check_matrix(matrix: SkillsMatrix, node: yaml.Node, field: str, ctx: Checker) -> None:
    marks = {m.mark for m in matrix.legend}
    for d, domain in enumerate(matrix.domains):
        for s, skill in enumerate(domain.skills):
            where = f"{field}.domains[{d}].skills[{s}].levels"
            at = ctx.positions.get(where) or position(node)  # the skill's own line
            if len(skill.marks) != len(matrix.levels):
                ctx.problems.add(
                    Problem(
                        f'"{skill.name}" has {len(skill.marks)} mark(s) for'
                        f" {len(matrix.levels)} levels",
                        at,
                        where,
                        "write one mark per level, in the order of levels, e.g. "
                        + " ".join(m.mark for m in matrix.legend[:1] * len(matrix.levels)),
                    )
                )
            unknown = sorted(set(skill.marks) - marks)
            if unknown:
                ctx.problems.add(
                    Problem(
                        f'"{skill.name}" uses {", ".join(unknown)}, which the legend does not'
                        " explain",
                        at,
                        where,
                        "add it to legend, or use one of " + ", ".join(sorted(marks)),
                    )
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
    salary: Salary | None = spec(Struct(Salary, check=_check_salary), "the pay range")
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
        Struct(SkillsMatrix, check=_check_matrix), "skills by level (--kind skills-matrix)"
    )
    lint: LintSettings | None = spec(Struct(LintSettings), "lint settings for this role")
    posted: dt.date | None = spec(Date(), "when the posting was published, YYYY-MM-DD")
    valid_through: dt.date | None = spec(Date(), "the last day to apply; none: open until filled")

    @property
    def published(self) -> bool:
        return not self.abstract


ROLE = Struct(Role, ignore=frozenset({"$schema"}))
