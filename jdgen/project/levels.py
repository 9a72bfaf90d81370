"""Levels of a skills matrix compared: what changes from one level to another.

Plain data, computed from the role's ``skills:`` section: the level-diff document, its
charts and the lint notes on a ladder all read it. A mark's rank is how much it asks
(``rank:`` in the legend, else its place in the legend; a mark of dashes only, "—",
means "not expected" and ranks 0).
"""

from __future__ import annotations

from dataclasses import dataclass

from jdgen.errors import Position, Problem, UsageError
from jdgen.project.kinds import Level, SkillsMatrix

#: How a skill changes between two levels, in the order a reader wants them.
CHANGES = ("new", "rises", "lowers", "dropped", "same")


def mark_ranks(matrix: SkillsMatrix) -> dict[str, int]:
    """Each mark of the legend and its rank (0: not expected at that level)."""
    ranks: dict[str, int] = {}
    order = 0
    for mark in matrix.legend:
        if mark.rank is not None:
            ranks[mark.mark] = mark.rank
        elif mark.mark.strip("-—–‐ ") == "":
            ranks[mark.mark] = 0
        else:
            order += 1
            ranks[mark.mark] = order
    return ranks


def find_level(matrix: SkillsMatrix, name: str, where: Position | None = None) -> int:
    """The index of the level called ``name`` (its code or its name, any case)."""
    wanted = name.strip().casefold()
    for i, level in enumerate(matrix.levels):
        if wanted in (level.code.casefold(), level.name.casefold()):
            return i
    known = ", ".join(f"{lv.code} ({lv.name})" for lv in matrix.levels)
    raise UsageError(
        Problem(
            f'no level "{name}" in this skills matrix',
            where,
            hint=f"levels, by code or name: {known}",
        )
    )


@dataclass(frozen=True)
class SkillChange:
    skill: str
    before: str  # the mark at the first level
    after: str  # the mark at the second level
    change: str  # one of CHANGES


@dataclass(frozen=True)
class DomainChange:
    name: str
    skills: tuple[SkillChange, ...]
    #: The mean rank of the domain's skills at each level, for the charts.
    before_score: float
    after_score: float

    @property
    def changed(self) -> tuple[SkillChange, ...]:
        return tuple(s for s in self.skills if s.change != "same")


@dataclass(frozen=True)
class LevelDiff:
    before: Level
    after: Level
    domains: tuple[DomainChange, ...]
    #: The highest rank any mark has: the outer ring of a chart.
    top_rank: int

    def count(self, change: str) -> int:
        return sum(1 for d in self.domains for s in d.skills if s.change == change)

    @property
    def total_changes(self) -> int:
        return sum(len(d.changed) for d in self.domains)


def _change(before: int, after: int) -> str:
    if before == after:
        return "same"
    if before == 0:
        return "new"
    if after == 0:
        return "dropped"
    return "rises" if after > before else "lowers"


def compare(matrix: SkillsMatrix, first: str, second: str) -> LevelDiff:
    """What changes from level ``first`` to level ``second`` (codes or names)."""
    return compare_at(matrix, find_level(matrix, first), find_level(matrix, second))


def compare_at(matrix: SkillsMatrix, a: int, b: int) -> LevelDiff:
    """What changes from the level at index ``a`` to the one at ``b``."""
    ranks = mark_ranks(matrix)
    domains = []
    for domain in matrix.domains:
        changes = []
        for skill in domain.skills:
            marks = skill.marks
            x, y = marks[a], marks[b]
            changes.append(SkillChange(skill.name, x, y, _change(ranks[x], ranks[y])))
        n = len(domain.skills)
        domains.append(
            DomainChange(
                domain.name,
                tuple(changes),
                sum(ranks[s.marks[a]] for s in domain.skills) / n,
                sum(ranks[s.marks[b]] for s in domain.skills) / n,
            )
        )
    return LevelDiff(
        matrix.levels[a], matrix.levels[b], tuple(domains), max(ranks.values(), default=1) or 1
    )


def mark_words(matrix: SkillsMatrix) -> dict[str, str]:
    """Each mark as a word: its meaning up to the first colon ("Práctica" for
    "Práctica: lo usa con autonomía…"), so that tables and charts speak, not code."""
    words = {}
    for mark in matrix.legend:
        meaning = mark.meaning
        for colon in (":", "："):
            meaning = meaning.split(colon, 1)[0]
        # The word keeps the type of the text it came from: role content stays content,
        # which the templates escape.
        words[mark.mark] = type(mark.meaning)(meaning.strip() or mark.mark)
    return words


def ring_words(matrix: SkillsMatrix) -> list[str]:
    """The words of ranks 1, 2, … (a chart's rings), the first mark of each rank."""
    ranks, words = mark_ranks(matrix), mark_words(matrix)
    by_rank: dict[int, str] = {}
    for mark in matrix.legend:
        by_rank.setdefault(ranks[mark.mark], words[mark.mark])
    top = max(ranks.values(), default=0)
    return [by_rank.get(r, str(r)) for r in range(1, top + 1)]


def domain_scores(matrix: SkillsMatrix) -> list[tuple[str, list[float]]]:
    """Each domain with the mean rank of its skills at every level (a thermometer each)."""
    ranks = mark_ranks(matrix)
    return [
        (
            d.name,
            [
                sum(ranks[s.marks[i]] for s in d.skills) / len(d.skills)
                for i in range(len(matrix.levels))
            ],
        )
        for d in matrix.domains
    ]


@dataclass(frozen=True)
class LadderNote:
    """Something in a ladder a reviewer should look at: ``field`` is the dotted path."""

    field: str
    message: str
    hint: str


def ladder_notes(matrix: SkillsMatrix, field: str = "skills") -> list[LadderNote]:
    """Levels whose focus repeats the level below word for word, and skills whose mark
    goes down from one level to the next."""
    notes: list[LadderNote] = []
    levels = matrix.levels
    for i in range(1, len(levels)):
        low, high = levels[i - 1], levels[i]
        if low.focus and high.focus and " ".join(low.focus.split()) == " ".join(high.focus.split()):
            notes.append(
                LadderNote(
                    f"{field}.levels[{i}].focus",
                    f"the focus of {high.name} repeats {low.name} word for word",
                    f"say what {high.name} adds to {low.name}",
                )
            )
    ranks = mark_ranks(matrix)
    for d, domain in enumerate(matrix.domains):
        for s, skill in enumerate(domain.skills):
            marks = skill.marks
            for i in range(1, min(len(marks), len(levels))):
                if ranks.get(marks[i], 0) < ranks.get(marks[i - 1], 0):
                    notes.append(
                        LadderNote(
                            f"{field}.domains[{d}].skills[{s}].levels",
                            f'"{skill.name}" goes down from {marks[i - 1]} at'
                            f" {levels[i - 1].name} to {marks[i]} at {levels[i].name}",
                            "a higher level usually asks at least as much; if the drop is"
                            " meant (the skill hands over to others), say so in the focus",
                        )
                    )
                    break  # one note a skill
    return notes
