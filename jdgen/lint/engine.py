"""Lint postings: inclusive wording, pay-transparency law, and posting hygiene.

Rules are data (``jdgen/lint/rules/<language>.yaml``): each has an id, a severity, the reason,
a fix, and its source (a paper or a law article). Word rules match whole word forms in
English and Spanish, and without word spaces in Chinese. A role is linted in every
locale it renders to, on its translated text; every finding names the locale and the
field, at the line where the text was written. Checks on the data (which laws apply,
where the job is; expiry; structured data) are in ``rules/checks.yaml``.

Suppressions live in the role: ``lint: {suppress: [{rule: en.jargon-title, reason: …}]}``.
A suppressed finding is still listed, with its reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from jdgen.errors import JdgenError, Position, Problem, UsageError
from jdgen.foundation.inline import to_text as inline_text
from jdgen.foundation.locales import parse_locale
from jdgen.project.config import Project
from jdgen.project.model import Role
from jdgen.project.resolve import ResolvedRole
from jdgen.project.schema import map_text

RULES_DIR = Path(__file__).resolve().parent / "rules"
SEVERITIES = ("info", "warning", "error")
EU = frozenset(
    (
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    )
)
NYC = ("new york", "nyc", "brooklyn", "queens", "manhattan", "bronx", "staten island")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    category: str
    reason: str
    fix: str
    source: str
    language: str
    pattern: re.Pattern[str] | None = None
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Finding:
    """One thing a rule found, where, and whether it is suppressed (and why)."""

    rule: Rule
    message: str
    position: Position | None
    field: str = ""
    locale: str = ""
    match: str = ""
    suppressed: str | None = None  # the reason written in the role

    @property
    def severity(self) -> str:
        return self.rule.severity

    def line(self) -> str:
        where = f"{self.position}: " if self.position else ""
        context = "".join(f"[{x}] " for x in (self.locale, self.field) if x)
        text = f"{where}{self.severity} {self.rule.id}: {context}{self.message} ({self.rule.fix})"
        return text + (f" [suppressed: {self.suppressed}]" if self.suppressed else "")

    def to_json(self) -> dict[str, Any]:
        pos = self.position
        return {
            "rule": self.rule.id,
            "severity": self.severity,
            "category": self.rule.category,
            "message": self.message,
            "fix": self.rule.fix,
            "reason": self.rule.reason,
            "source": self.rule.source,
            "path": pos.path if pos else None,
            "line": pos.line if pos else None,
            "column": pos.column if pos else None,
            "locale": self.locale or None,
            "field": self.field or None,
            "match": self.match or None,
            "suppressed": self.suppressed,
        }

    def github(self) -> str:
        level = {"error": "error", "warning": "warning"}.get(self.severity, "notice")
        pos = self.position
        where = (
            f" file={pos.path},line={pos.line},col={pos.column}"
            if pos and pos.line
            else f" file={pos.path}"
            if pos
            else ""
        )
        text = self.line().split(": ", 1)[-1] if pos else self.line()
        return f"::{level}{where},title={self.rule.id}::{text}".replace("\n", " ")


# -- rule packs -------------------------------------------------------------------------


def _compile(language: str, patterns: Sequence[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    if language == "zh":
        return re.compile(body)
    return re.compile(rf"(?<![\w@])(?:{body})(?![\w@])", re.IGNORECASE)


@functools.cache
def pack(language: str) -> tuple[Rule, ...]:
    """The rules of one language (en, es, zh), or of data checks ("checks")."""
    path = RULES_DIR / f"{language}.yaml"
    if not path.is_file():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = []
    for item in data["rules"]:
        known = ("id", "severity", "category", "reason", "fix", "source", "patterns")
        rules.append(
            Rule(
                item["id"],
                item["severity"],
                item["category"],
                item["reason"],
                item["fix"],
                item["source"],
                language,
                _compile(language, item.get("patterns", ())),
                {k: v for k, v in item.items() if k not in known},
            )
        )
    return tuple(rules)


def rule(rule_id: str) -> Rule:
    language = rule_id.split(".", 1)[0]
    for r in pack("checks" if language in ("comp", "hyg") else language):
        if r.id == rule_id:
            return r
    raise KeyError(rule_id)


def all_rule_ids() -> list[str]:
    return [r.id for language in ("en", "es", "zh", "checks") for r in pack(language)]


# -- matching text ----------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    rule: Rule
    start: int
    end: int
    text: str
    message: str


def _spanish_masculine(rule_: Rule, text: str, style: str) -> list[Hit]:
    """The generic masculine for the candidate, judged against the project's style."""
    hits = []
    suggestions = {"slash": "{m}/a", "doubled": "{m}s y {f}s", "neutral": "la persona {f}"}
    candidates = rule_.data.get("candidate_nouns", [])
    roles = rule_.data.get("role_nouns", [])
    stems = "|".join(re.escape(n[:-1] if n.endswith("o") else n) for n in candidates + roles)
    pattern = re.compile(
        rf"(?<![\w/])(?P<article>(?:el|los|un|unos|al|del)\s+)?(?P<noun>(?:{stems})(?:o|os|or|ores|es)?)"
        rf"(?P<after>/as?|\(as?\)|\s+(?:y|e|o)\s+\w+as\b)?(?![\w/])",
        re.IGNORECASE,
    )
    for m in pattern.finditer(text):
        noun = m.group("noun").lower()
        base = next(
            (n for n in candidates + roles if noun.startswith(n[:-1] if n.endswith("o") else n)),
            None,
        )
        if base is None or m.group("after") or noun.endswith(("a", "as")):
            continue
        invariable = not base.endswith(("o", "or"))
        if invariable:
            continue  # analista, líder: the same word for everyone
        is_candidate = base in candidates
        if not is_candidate and not (m.group("article") and not noun.endswith("s")):
            continue  # role nouns count when they name the person hired: "un ingeniero"
        fem = base[:-1] + "a" if base.endswith("o") else base + "a"
        hint = suggestions[style].format(m=base, f=fem)
        hits.append(
            Hit(
                rule_,
                m.start("noun"),
                m.end("noun"),
                m.group("noun"),
                f'"{m.group(0).strip()}" es masculino genérico; escribe "{hint}"',
            )
        )
    return hits


def scan(text: str, language: str, style: str = "slash") -> list[Hit]:
    """Every word-rule hit in ``text`` (inline Markdown is read as plain text)."""
    plain = inline_text(text) if any(c in text for c in "*_[`") else text
    hits: list[Hit] = []
    for r in pack(language):
        if r.id == "es.generic-masculine":
            hits.extend(_spanish_masculine(r, plain, style))
        elif r.pattern is not None:
            for m in r.pattern.finditer(plain):
                hits.append(Hit(r, m.start(), m.end(), m.group(0), f'"{m.group(0)}": {r.reason}'))
    return hits


def _balance(hits: Iterable[Hit]) -> tuple[int, int]:
    masculine = sum(1 for h in hits if h.rule.id.endswith("masculine-coded"))
    feminine = sum(1 for h in hits if h.rule.id.endswith("feminine-coded"))
    return masculine, feminine


BALANCE = Rule(
    "en.coded-balance",
    "warning",
    "coded",
    "Postings with more masculine- than feminine-coded words draw fewer women.",
    "replace some masculine-coded words, or describe the collaborative side of the job",
    "Gaucher, Friesen & Kay (2011), studies 3 and 4",
    "en",
)


# -- linting ----------------------------------------------------------------------------


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # inputs that could not be read

    def failing(self, level: str) -> list[Finding]:
        floor = SEVERITIES.index(level)
        return [
            f for f in self.findings if not f.suppressed and SEVERITIES.index(f.severity) >= floor
        ]


def _position(base: Position | None, offset: int, source: str) -> Position | None:
    """Where a match is: on the value's line, ``offset`` characters in when the text is
    written as it is in the file (a single line)."""
    if base is None:
        return None
    if "\n" in source or not base.column:
        return base
    return Position(base.path, base.line, base.column + offset)


def lint_text(text: str, language: str, display: str, style: str = "slash") -> list[Finding]:
    """Lint a plain text or Markdown file (or stdin): every hit, with its line and column."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    findings = []
    hits = scan(text, language, style)
    for hit in hits:
        line = max(i for i, s in enumerate(starts) if s <= hit.start)
        pos = Position(display, line + 1, hit.start - starts[line] + 1)
        findings.append(Finding(hit.rule, hit.message, pos, match=hit.text))
    findings.extend(_coded_verdict(hits, Position(display), ""))
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[str, int, int, str]:
    pos = finding.position or Position("")
    return (pos.path, pos.line, pos.column, finding.rule.id)


def _coded_verdict(hits: Sequence[Hit], where: Position | None, locale: str) -> list[Finding]:
    masculine, feminine = _balance(hits)
    if masculine - feminine >= 3:
        return [
            Finding(
                BALANCE,
                f"{masculine} masculine-coded and {feminine} feminine-coded "
                "words: the posting reads as masculine-coded",
                where,
                locale=locale,
            )
        ]
    return []


def lint_role(
    resolved: ResolvedRole,
    locales: Sequence[str],
    project: Project,
    localize: Any,
    today: dt.date,
    style: str = "slash",
) -> list[Finding]:
    """Every finding for one role: its wording in each locale, and its data."""
    role = resolved.role
    findings: list[Finding] = []
    where = Position(resolved.display)
    for tag in dict.fromkeys((role.language, *locales)):
        info = parse_locale(tag)
        if not pack(info.language):
            continue
        shown = localize(tag) if tag != role.language else role
        texts = _texts(shown)
        locale_hits: list[Hit] = []
        for path, text in texts.items():
            source = resolved.texts.get(path)
            base = source.position if source else resolved.positions.get(path, where)
            written = source is not None and source.text == text
            for hit in scan(text, info.language, style):
                locale_hits.append(hit)
                pos = _position(base, hit.start, text) if written else base
                findings.append(Finding(hit.rule, hit.message, pos, path, tag, hit.text))
        findings.extend(_coded_verdict(locale_hits, where, tag))
    findings.extend(_checks(resolved, project, today, style))
    return sorted(_suppress(role, findings), key=_order)


def _texts(role: Role) -> dict[str, str]:
    """Every translatable text of a role, by field path."""
    texts: dict[str, str] = {}

    def collect(path: str, text: str, translatable: bool) -> str:
        if translatable:
            texts[path] = text
        return text

    map_text(role, collect)
    return texts


def _suppress(role: Role, findings: list[Finding]) -> list[Finding]:
    reasons = {s.rule: s.reason for s in (role.lint.suppress if role.lint else ())}
    return [
        replace(f, suppressed=reasons[f.rule.id]) if f.rule.id in reasons else f for f in findings
    ]


# -- checks on the data -----------------------------------------------------------------


def jurisdictions(role: Role) -> set[str]:
    """Where pay-transparency laws apply: "EU", "NYC", "CO", "CA", "WA", "CN"."""
    found: set[str] = set()
    for loc in role.locations:
        country = (loc.country or "").upper()
        region = (loc.region or "").strip().lower()
        place = " ".join(x for x in (loc.name, loc.city) if x).lower()
        if country in EU:
            found.add("EU")
        if country == "CN" or (
            not country
            and role.language.startswith("zh")
            and parse_locale(role.language).babel.script != "Hant"
        ):
            found.add("CN")
        if country in ("US", ""):
            if any(n in place for n in NYC):
                found.add("NYC")
            for code, name in (("co", "colorado"), ("ca", "california"), ("wa", "washington")):
                if region in (code, name):
                    found.add(code.upper())
    return found


def _checks(resolved: ResolvedRole, project: Project, today: dt.date, style: str) -> list[Finding]:
    role = resolved.role
    out: list[Finding] = []

    def at(key: str) -> Position:
        return resolved.positions.get(key) or Position(resolved.display)

    def add(rule_id: str, message: str, key: str = "") -> None:
        out.append(
            Finding(rule(rule_id), message, at(key) if key else Position(resolved.display), key)
        )

    places = jurisdictions(role)
    salary = role.salary
    ranged = salary is not None and salary.min is not None and salary.max is not None
    if "EU" in places:
        if not ranged:
            add(
                "comp.eu-pay-range",
                "the job is in the EU but the posting has no pay range",
                "salary" if salary else "title",
            )
        title_hits = [
            h
            for h in scan(role.title, role.language.split("-")[0], style)
            if h.rule.category == "gender"
        ]
        if role.language.startswith("es"):
            title_hits += _spanish_masculine(
                rule("es.generic-masculine"), "un " + role.title, style
            )
        if title_hits:
            add("comp.eu-neutral-title", f'the title "{role.title}" is not gender-neutral', "title")
    if "NYC" in places and not ranged:
        add(
            "comp.nyc-pay-range",
            "the job is in New York City but the posting lacks a minimum or a maximum pay",
            "salary" if salary else "title",
        )
    if "CO" in places:
        missing = [
            name
            for name, ok in (
                ("a pay range", ranged),
                ("benefits", role.benefits),
                ("an application deadline", role.valid_through),
                ("how to apply", role.apply),
            )
            if not ok
        ]
        if missing:
            add(
                "comp.colorado",
                "the job is in Colorado but the posting lacks " + ", ".join(missing),
            )
    for state in ("CA", "WA"):
        if state in places and not ranged:
            add(
                "comp.ca-wa-pay-range",
                f"the job is in {state} but the posting has no pay range",
                "salary" if salary else "title",
            )
    # Structured data that Google requires.
    org = role.organization or (
        project.config.organization.name if project.config.organization else None
    )
    for prop, lacking in (
        ("datePosted (posted)", not role.posted),
        ("hiringOrganization (organization)", not org),
        ("jobLocation (locations)", not role.locations),
    ):
        if lacking:
            add("hyg.structured-data", f"the JobPosting lacks {prop}")
    if role.valid_through and role.valid_through < today:
        add(
            "hyg.expired",
            f"the posting expired on {role.valid_through.isoformat()}",
            "valid_through",
        )
    if len(role.title) > 80:
        add("hyg.title-length", f"the title is {len(role.title)} characters long", "title")
    if re.search(r"\d+\s*[kK]\b|[$€¥£]\s*\d|\d[\d.,]*\s*(?:EUR|USD|CNY|€)", role.title) or any(
        loc.label and len(loc.label) > 2 and loc.label.lower() in role.title.lower()
        for loc in role.locations
    ):
        add("hyg.title-extras", f'the title "{role.title}" holds pay or a location', "title")
    out.extend(_counts(resolved))
    return out


_COUNTED = {
    "locations": r"(\d+)\s*(?:locations|offices|cities|ubicaciones|sedes|ciudades"
    r"|个?(?:城市|办公地点))",
    "headcount": r"(\d+)\s*(?:openings|positions|vacantes|plazas|个?(?:职位|岗位)|名)",
}


def _counts(resolved: ResolvedRole) -> list[Finding]:
    """Numbers in the text that disagree with the data they count."""
    role = resolved.role
    actual = {
        "locations": len(role.locations),
        "headcount": role.headcount if isinstance(role.headcount, int) else None,
    }
    out = []
    for path, source in resolved.texts.items():
        for key, pattern in _COUNTED.items():
            for m in re.finditer(pattern, source.text, re.IGNORECASE):
                claimed, real = int(m.group(1)), actual[key]
                if real is not None and real and claimed != real:
                    out.append(
                        Finding(
                            rule("hyg.count-mismatch"),
                            f'the text says "{m.group(0)}" but the role has {real} {key}',
                            _position(source.position, m.start(), source.text),
                            path,
                        )
                    )
    return out


# -- running ----------------------------------------------------------------------------


def lint_paths(
    project: Project,
    paths: Sequence[Path] = (),
    locales: Sequence[str] = (),
    today: dt.date | None = None,
    stdin: str | None = None,
) -> Report:
    """Lint roles (default: every role of the project), and text or Markdown files and
    standard input in the language of ``locales[0]``."""
    from jdgen.project.resolve import ROLE_SUFFIXES, role_files
    from jdgen.rendering.renderer import Renderer

    day = project.today(today)
    style = project.config.lint.spanish_style if project.config.lint else "slash"
    report = Report()
    tags = [parse_locale(t).tag for t in locales]
    roles: list[Path] = []
    texts: list[Path] = []
    for path in paths:
        if path.is_dir():
            roles.extend(sorted(role_files(path).values()))
        elif path.suffix in ROLE_SUFFIXES:
            roles.append(path)
        else:
            texts.append(path)
    if not paths and stdin is None:
        roles = sorted(role_files(project.roles_dir).values())
    if (texts or stdin is not None) and not tags:
        raise UsageError(Problem("a text to lint needs --locale (its language), e.g. --locale en"))
    language = parse_locale(tags[0]).language if tags else ""
    if stdin is not None:
        report.findings.extend(lint_text(stdin, language, "<stdin>", style))
    for path in texts:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            report.problems.append(Problem(f"cannot read: {exc}", Position(str(path))))
            continue
        report.findings.extend(lint_text(text, language, project.display(path), style))
    if roles:
        renderer = Renderer(project, day)
        wanted = tags or [parse_locale(t).tag for t in project.config.locales]
        for path in roles:
            if renderer.index.is_family(path):
                continue
            try:
                resolved = renderer.index.resolve(path)
            except JdgenError as exc:
                report.problems.extend(exc.problems)
                continue

            def localized(tag: str, r: ResolvedRole = resolved) -> Role:
                return renderer.localizer(tag).localize_role(r)[0]

            report.findings.extend(lint_role(resolved, wanted, project, localized, day, style))
    return report


def render_json(report: Report) -> str:
    counts = {
        s: sum(1 for f in report.findings if f.severity == s and not f.suppressed)
        for s in SEVERITIES
    }
    return (
        json.dumps(
            {
                "findings": [f.to_json() for f in report.findings],
                "suppressed": sum(1 for f in report.findings if f.suppressed),
                "counts": counts,
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def rules_markdown() -> str:
    """docs/lint.md: every rule, from the packs themselves."""
    out = [
        "# Lint rules",
        "",
        "<!-- Generated by `python -m jdgen.lint.engine`; do not edit. A test fails when it is out",
        "     of date. -->",
        "",
        "`jdgen lint` applies the pack of each locale's language to the role's text in that",
        "locale, and the checks on the data to every role. A role may silence a rule with a",
        "written reason (`lint: {suppress: [{rule: <id>, reason: <why>}]}`); the finding is",
        "still listed, as suppressed. Spanish postings are judged against the project's",
        "inclusive style: `lint: {spanish_style: slash | doubled | neutral}` in `jdgen.yaml`.",
    ]
    titles = {
        "en": "English",
        "es": "Spanish",
        "zh": "Chinese",
        "checks": "Checks on the data: pay transparency and hygiene",
    }
    for language, title in titles.items():
        out += [
            "",
            f"## {title}",
            "",
            "| rule | severity | why | fix | source |",
            "|---|---|---|---|---|",
        ]
        rules = list(pack(language)) + ([BALANCE] if language == "en" else [])
        for r in rules:
            cells = [f"`{r.id}`", r.severity, r.reason, r.fix, r.source]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # python -m jdgen.lint.engine > docs/lint.md
    print(rules_markdown(), end="")
