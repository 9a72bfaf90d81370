"""Lint: a posting a candidate cannot act on. Without an apply link or address the page
has no apply button, and job boards refuse it (Indeed, LinkedIn and Google ask where to
apply)."""

from __future__ import annotations

from jdgen.errors import Position
from jdgen.lint.rules import Finding, rule
from jdgen.project.resolve import ResolvedRole


def apply_findings(resolved: ResolvedRole) -> list[Finding]:
    """A warning for a posting with no apply channel: no ``apply.url``, no
    ``apply.email`` and no contact with a link or an address."""
    role = resolved.role
    if role.abstract:
        return []
    a = role.apply
    if a is not None and (a.url or a.email or any(c.url or c.email for c in a.contacts)):
        return []
    where = resolved.positions.get("apply", Position(resolved.display))
    return [Finding(rule("hyg.no-apply"), "the posting says nowhere how to apply", where, "apply")]
