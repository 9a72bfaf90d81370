"""The focus attributes of an interview kit, and which steps of the hiring guide assess each.

An attribute is a must-have of ``requirements.must_have`` or one a step names in its
``assesses:`` list. A step names a must-have by writing it as it is written there (case and
spacing aside), so that the kit, its scorecard and ``jdgen lint`` agree on what is assessed.
Matching is done on the role as written, never on a translation, so a translator who words
a must-have differently in the step's list and in the requirements cannot split it in two.
"""

from __future__ import annotations

from dataclasses import dataclass

from jdgen.project.model import Role


@dataclass(frozen=True)
class Attribute:
    """One focus attribute: its text as shown, whether it is a must-have, and where it is
    assessed (1-based step numbers)."""

    text: str
    must_have: bool
    steps: tuple[int, ...]
    #: Where the attribute is written (a field path, e.g. ``requirements.must_have[0].items[2]``).
    field: str = ""


@dataclass(frozen=True)
class Kit:
    """What the interview kit template needs beyond the role: the attributes of the
    scorecard, and each step's attributes as shown."""

    attributes: tuple[Attribute, ...]
    step_attributes: tuple[tuple[str, ...], ...]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def interview_kit(source: Role, shown: Role | None = None) -> Kit:
    """The attributes of ``source``'s interview kit, with their texts taken from ``shown``
    (the same role in the reader's locale; default: as written)."""
    shown = shown or source
    found: dict[str, tuple[str, bool, list[int], str]] = {}
    if source.requirements and shown.requirements:
        for g, (group, shown_group) in enumerate(
            zip(source.requirements.must_have, shown.requirements.must_have, strict=False)
        ):
            for i, (item, text) in enumerate(zip(group.items, shown_group.items, strict=False)):
                field = f"requirements.must_have[{g}].items[{i}]"
                found.setdefault(_key(item), (text, True, [], field))
    per_step: list[tuple[str, ...]] = []
    if source.hiring and shown.hiring:
        for s, (step, shown_step) in enumerate(
            zip(source.hiring.steps, shown.hiring.steps, strict=False), 1
        ):
            names: list[str] = []
            for a, (name, text) in enumerate(zip(step.assesses, shown_step.assesses, strict=False)):
                entry = found.setdefault(
                    _key(name), (text, False, [], f"hiring.steps[{s - 1}].assesses[{a}]")
                )
                if s not in entry[2]:
                    entry[2].append(s)
                names.append(entry[0])
            per_step.append(tuple(dict.fromkeys(names)))
    attributes = tuple(
        Attribute(text, must, tuple(steps), field) for text, must, steps, field in found.values()
    )
    return Kit(attributes, tuple(per_step))
