"""The sections behind the documents beside a posting: the hiring guide (``hiring:``),
the role profile (``profile:``) and the skills matrix (``skills:``)."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from jdgen.errors import Problem
from jdgen.project.checking import Checker
from jdgen.project.load import position
from jdgen.project.schema import Struct, spec
from jdgen.project.validators import Int, Line, ListOf, Str, Text


@dataclass(frozen=True, kw_only=True)
class Step:
    title: str = spec(Line(), "the step's name", required=True)
    format: str | None = spec(Line(), "how it happens, e.g. a phone call")
    description: str | None = spec(Line(), "what happens in it")
    duration_minutes: int | None = spec(Int(1, 24 * 60), "how long it takes, in minutes")


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
    code: str = spec(
        Line(max_length=8),
        "the short name used as the table's column heading, e.g. Sen; a word, so translated",
        required=True,
    )
    name: str = spec(Line(), "the full name, e.g. Senior", required=True)
    focus: str | None = spec(Text(), "what the level focuses on")


@dataclass(frozen=True, kw_only=True)
class Mark:
    mark: str = spec(
        Line(max_length=3),
        "the mark in the table, e.g. A (for Aware); a word, so translated, and every cell "
        "with it shows the translation",
        required=True,
    )
    meaning: str = spec(Line(), "what it means", required=True)
    rank: int | None = spec(
        Int(0, 99),
        "how much it asks, for comparing levels: 0 is not expected; by default the order"
        " of the legend (a mark of dashes only is 0)",
    )


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


def check_matrix(matrix: SkillsMatrix, node: yaml.Node, field: str, ctx: Checker) -> None:
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
