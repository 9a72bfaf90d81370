"""Lint a career ladder (a skills matrix): a level whose focus repeats the level below
word for word, and a skill whose mark goes down from one level to the next. Both are
notes: a reviewer looks, the posting is not wrong."""

from __future__ import annotations

from jdgen.errors import Position
from jdgen.lint.rules import Finding, rule
from jdgen.project.levels import ladder_notes
from jdgen.project.resolve import ResolvedRole

#: The rule of each kind of note (rules/checks.yaml).
_RULES = {"focus": "hyg.level-repeats", "levels": "hyg.skill-goes-down"}


def ladder_findings(resolved: ResolvedRole) -> list[Finding]:
    """The notes on a role's skills matrix, each at the line of what it is about."""
    matrix = resolved.role.skills
    if matrix is None:
        return []
    out = []
    for note in ladder_notes(matrix):
        where = resolved.positions.get(note.field) or resolved.positions.get(
            note.field.rsplit(".", 1)[0], Position(resolved.display)
        )
        kind = note.field.rsplit(".", 1)[-1]
        out.append(Finding(rule(_RULES[kind]), note.message, where, note.field))
    return out
