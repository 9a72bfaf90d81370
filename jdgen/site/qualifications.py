"""Google for Jobs' education and experience properties, from fields a role already has:
``requirements.education`` (the credential's category, by the words in
``credentials.yaml``) and ``experience[].years`` (the fewest months any level asks for).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from jdgen.foundation.data import read_data
from jdgen.foundation.inline import to_text as inline_text
from jdgen.project.model import Role

DATA = Path(__file__).resolve().parent / "credentials.yaml"


def _pattern(words: list[str]) -> re.Pattern[str]:
    # Whole words in scripts with word spaces; anywhere in Chinese.
    body = "|".join(rf"(?<![\w]){w}(?![\w])" if w.isascii() else w for w in words)
    return re.compile(body, re.IGNORECASE)


@functools.cache
def _data() -> tuple[list[tuple[str, re.Pattern[str]]], re.Pattern[str]]:
    data = read_data(DATA)
    categories = [(name, _pattern(words)) for name, words in data["categories"].items()]
    return categories, _pattern(data["equivalent"])


def credential_category(text: str) -> str | None:
    """The lowest credential ``text`` asks for, as Google names it, or None."""
    categories, _ = _data()
    return next((name for name, pattern in categories if pattern.search(text)), None)


def qualifications(role: Role) -> dict[str, Any]:
    """educationRequirements, experienceRequirements and experienceInPlaceOfEducation,
    for what the role says (nothing where it says nothing)."""
    out: dict[str, Any] = {}
    written = role.requirements.education if role.requirements else None
    education = " ".join(inline_text(written or "").split())
    category = credential_category(education) if education else None
    if category:
        out["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": category,
        }
    fewest = min((e.years.min for e in role.experience), default=0)
    if fewest:
        out["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": fewest * 12,
        }
    if category and fewest:
        out["experienceInPlaceOfEducation"] = bool(_data()[1].search(education))
    return out
