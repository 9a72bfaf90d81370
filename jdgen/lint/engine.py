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
import json
import multiprocessing
import signal
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jdgen.errors import JdgenError, Position, Problem, Severity, UsageError
from jdgen.foundation.locales import parse_locale
from jdgen.lint.apply import apply_findings
from jdgen.lint.channels import Ending, channels_of, repeated_endings, role_channels
from jdgen.lint.checks import data_checks
from jdgen.lint.ladder import ladder_findings
from jdgen.lint.lawdocs import laws_markdown
from jdgen.lint.lemmas import preload
from jdgen.lint.rules import SEVERITIES, Finding, offset_position, pack
from jdgen.lint.spanish import Hit
from jdgen.lint.wording import (
    BALANCE,
    coded_verdict,
    finding_order,
    lint_text,
    scan_fields,
)
from jdgen.project.config import Project
from jdgen.project.model import Role
from jdgen.project.resolve import ResolvedRole
from jdgen.project.schema import map_text


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # inputs that could not be read
    # What was not checked, and why (a language with no rule pack): said, never failing.
    notices: list[Problem] = field(default_factory=list)

    def failing(self, level: str) -> list[Finding]:
        floor = SEVERITIES.index(level)
        return [
            f for f in self.findings if not f.suppressed and SEVERITIES.index(f.severity) >= floor
        ]


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
        for path, hits in scan_fields(texts, info.language, style).items():
            text = texts[path]
            source = resolved.texts.get(path)
            base = source.position if source else resolved.positions.get(path, where)
            written = source is not None and source.text == text
            for hit in hits:
                locale_hits.append(hit)
                pos = offset_position(base, hit.start, text) if written else base
                findings.append(Finding(hit.rule, hit.message, pos, path, tag, hit.text))
        findings.extend(coded_verdict(locale_hits, where, tag))
    findings.extend(data_checks(resolved, project, today, style))
    findings.extend(apply_findings(resolved))
    findings.extend(ladder_findings(resolved))
    return sorted(_suppress(role, findings), key=finding_order)


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


def lint_paths(
    project: Project,
    paths: Sequence[Path] = (),
    locales: Sequence[str] = (),
    today: dt.date | None = None,
    stdin: str | None = None,
    jobs: int = 1,
    channels: Sequence[str] = (),
) -> Report:
    """Lint roles (default: every role of the project), and text or Markdown files and
    standard input in the language of ``locales[0]``; with ``channels``, by the rules of
    those job boards too (jdgen/lint/channels.py)."""
    from jdgen.project.load import read_text
    from jdgen.project.resolve import ROLE_SUFFIXES, role_files

    day = project.today(today)
    style = project.config.lint.spanish_style if project.config.lint else "slash"
    report = Report()
    tags = [parse_locale(t).tag for t in locales]
    roles: list[Path] = []
    texts: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            roles.extend(sorted(role_files(path, None, skipped, project.root).values()))
        elif path.suffix in ROLE_SUFFIXES:
            roles.append(path)
        else:
            texts.append(path)
    if not paths and stdin is None:
        roles = sorted(role_files(project.roles_dir, None, skipped, project.root).values())
    report.problems.extend(
        Problem(f"{why}; it was not read", Position(project.display(Path(file))))
        for file, why in skipped
    )
    if (texts or stdin is not None) and not tags:
        raise UsageError(Problem("a text to lint needs --locale (its language), e.g. --locale en"))
    language = parse_locale(tags[0]).language if tags else ""
    if stdin is not None:
        report.findings.extend(lint_text(stdin, language, "<stdin>", style))
    for path in texts:
        try:
            text = read_text(path, project.display(path))
        except JdgenError as exc:
            report.problems.extend(exc.problems)
            continue
        report.findings.extend(lint_text(text, language, project.display(path), style))
    wanted = tags or [parse_locale(t).tag for t in project.config.locales]
    for tag in dict.fromkeys(wanted):
        if not pack(parse_locale(tag).language):
            report.notices.append(
                Problem(
                    f"no rule pack for {parse_locale(tag).language} ({tag}): its wording is "
                    "not checked; the checks on the data still ran",
                    severity=Severity.WARNING,
                    hint="rule packs exist for en, es and zh (jdgen/lint/rules/<language>.yaml)",
                )
            )
    boards = channels_of(channels, project.config)
    endings: list[tuple[str, Ending]] = []
    if len(roles) <= 2 * CHUNK or jobs <= 1:
        findings, problems, ends = lint_roles(project, roles, wanted, day, style, boards)
        report.findings.extend(findings)
        report.problems.extend(problems)
        endings.extend(ends)
    else:
        chunks = [roles[i : i + CHUNK] for i in range(0, len(roles), CHUNK)]
        if multiprocessing.get_start_method() == "fork":
            preload(parse_locale(tag).language for tag in wanted)
        with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts) as pool:
            n = len(chunks)
            done = pool.map(
                _lint_chunk,
                [project.root] * n,
                chunks,
                [wanted] * n,
                [day] * n,
                [style] * n,
                [boards] * n,
            )
            for findings, problems, ends in done:
                report.findings.extend(findings)
                report.problems.extend(problems)
                endings.extend(ends)
    report.findings.extend(repeated_endings(endings, boards))
    return report


CHUNK = 50  # roles per worker task


def lint_roles(
    project: Project,
    roles: Sequence[Path],
    wanted: Sequence[str],
    day: dt.date,
    style: str,
    channels: Sequence[str] = (),
) -> tuple[list[Finding], list[Problem], list[tuple[str, Ending]]]:
    from jdgen.rendering.renderer import Renderer

    findings: list[Finding] = []
    problems: list[Problem] = []
    endings: list[tuple[str, Ending]] = []  # for the boards' shared-ending rule
    if not roles:
        return findings, problems, endings
    renderer = Renderer(project, day)
    for path in roles:
        if renderer.index.is_family(path):
            findings.extend(_family_findings(renderer, path, problems))
            continue
        try:
            resolved = renderer.index.resolve(path)
        except JdgenError as exc:
            problems.extend(exc.problems)
            continue

        def localized(tag: str, r: ResolvedRole = resolved) -> Role:
            return renderer.localizer(tag).localize_role(r)[0]

        findings.extend(lint_role(resolved, wanted, project, localized, day, style))
        if channels:
            found, ends = role_channels(renderer, resolved, wanted, channels)
            findings.extend(_suppress(resolved.role, found))
            endings.extend(ends)
    return findings, problems, endings


def _family_findings(renderer: Any, path: Path, problems: list[Problem]) -> list[Finding]:
    """A family is never posted; what it holds for every role of it (a skills matrix)
    is still checked."""
    try:
        return ladder_findings(renderer.index.resolve(path, family_ok=True))
    except JdgenError as exc:
        problems.extend(exc.problems)
        return []


def _lint_chunk(
    root: Path,
    roles: Sequence[Path],
    wanted: Sequence[str],
    day: dt.date,
    style: str,
    channels: Sequence[str] = (),
) -> tuple[list[Finding], list[Problem], list[tuple[str, Ending]]]:
    """A worker's task: some roles, with one renderer."""
    from jdgen.project.config import find_project

    return lint_roles(find_project(root), roles, wanted, day, style, channels)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
                "not_checked": [p.message for p in report.notices],
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
        "",
        "A rule fires on a requirement or a preference about the candidate, not on a word.",
        "Each match is read in its clause (`jdgen/lint/context.py`, cues in",
        "`jdgen/lint/rules/context.yaml`): it is not reported when it is negated in the",
        'language\'s own way ("regardless of age", "sin importar la edad", "不限男女",',
        '"男女不限"), quoted, part of an equal-opportunity statement, or, for the rules that',
        'ask, a benefit ("maternity leave", "可协助办理上海户口落户"), about the product\'s users',
        '("涉及18岁以下用户"), a named person, or a product name ("CMake and Ninja"). Terms',
        'such as "married", "nacionalidad" or "户籍" count only in a clause that states a',
        'requirement or a preference ("applicants must be…", "se valorará…", "要求…").',
        "An explicit requirement about a characteristic the law protects is an error; wording",
        "that signals one is a warning; coded words are notes (`info`), and a strongly",
        "masculine-coded English posting with no communal wording to balance it is a warning",
        "(the cut-offs are data in `rules/en.yaml`). A rule's `senses` (data, each with its",
        'reason) leave alone a technical term ("Unicorn workers", a "hero section"), the',
        "trade's own words (beer at a brewery, pregnancy in a midwife's job) and people who",
        'are not the hire (a girls\' school); welcoming wording ("recent graduates welcome")',
        "is not a limit. A Chinese match must start and end between words (jieba): 生活照 is",
        "not a finding inside 生活照料. The Chinese rules are frames around word classes",
        "(`classes:` in `rules/zh.yaml`, each with its reason): a class of provinces and",
        "regions, peoples, faiths, family statuses, looks or illnesses before a refusal",
        "(“……请勿投递”“……不予考虑”), after a requirement (“只招……”) or before a preference",
        "(“……优先”), so that a wording nobody has written yet is caught. Traditional Chinese is",
        "read as Simplified, one character for one (`rules/zh-hant.yaml`).",
        "",
        "Spanish and English rules also match on lemmas (`jdgen/lint/lemmas.py`, simplemma's",
        'dictionaries): one pattern for "casado" catches "casadas" and "se casó", one for',
        '"marry" catches "married". Their patterns name classes of words kept in the pack',
        "with their sources (`classes:` in `rules/<language>.yaml`: an age in figures or",
        "words, marital status, children, religion, health, looks, demonyms, elite schools),",
        'so that a rule is a frame and a class ("se requiere" + a marital status, "only" +',
        "an elite school) rather than a list of phrases.",
    ]
    titles = {
        "en": "English",
        "es": "Spanish",
        "zh": "Chinese",
        "checks": "Checks on the data: pay and hygiene",
        "interview": "Checks on the interview kit",
        "channels": "Job boards (`jdgen lint --channel <board>`)",
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
            if r.category == "pay-transparency":
                continue  # in the table of laws below
            cells = [f"`{r.id}`", r.severity, r.reason, r.fix, r.source]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(out) + "\n\n" + laws_markdown()


if __name__ == "__main__":  # python -m jdgen.lint.engine > docs/lint.md
    print(rules_markdown(), end="")
