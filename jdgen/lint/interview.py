"""The interview kit's coverage check: every must-have assessed by at least one step of the
hiring guide, ideally by two (what each check says: ``rules/interview.yaml``)."""

from __future__ import annotations

from jdgen.errors import Position
from jdgen.lint.rules import Finding, rule
from jdgen.project.interview import interview_kit
from jdgen.project.resolve import ResolvedRole


def kit_checks(resolved: ResolvedRole) -> list[Finding]:
    """A warning for each must-have that no step assesses, a note for each one that only
    one step does. A role without must-haves or without steps has nothing to check."""
    role = resolved.role
    if not (role.hiring and role.hiring.steps and role.requirements):
        return []
    out: list[Finding] = []
    for attribute in interview_kit(role).attributes:
        if not attribute.must_have or len(attribute.steps) > 1:
            continue
        where = _position(resolved, attribute.field)
        if attribute.steps:
            step = role.hiring.steps[attribute.steps[0] - 1].title
            message = f'the must-have "{attribute.text}" is assessed only in step "{step}"'
            out.append(Finding(rule("kit.assessed-once"), message, where, attribute.field))
        else:
            message = f'no interview step assesses the must-have "{attribute.text}"'
            out.append(Finding(rule("kit.unassessed"), message, where, attribute.field))
    return out


def _position(resolved: ResolvedRole, field: str) -> Position:
    # A must-have written as a plain string is a group of one: its position is the group's.
    group = field.rsplit(".items[", 1)[0]
    return (
        resolved.positions.get(field) or resolved.positions.get(group) or Position(resolved.display)
    )
