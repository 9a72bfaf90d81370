"""The closed vocabularies of a role and of the CLI: kinds, formats, employment types.

It imports nothing, so that ``jdgen --help`` can offer the choices without loading Jinja
and Babel; the model, the renderer and the CLI all read them from here.
"""

from __future__ import annotations

#: The document kinds beside the posting, and the section of a role each one needs.
KIND_SECTIONS = {
    "hiring-guide": "hiring",
    "role-profile": "profile",
    "skills-matrix": "skills",
    "interview-kit": "hiring",
}
#: Every document kind; each starts from the template ``<kind>.md.j2``.
KINDS = ("posting", *KIND_SECTIONS)
#: Kinds for the interview panel alone: exported, never published on the site.
INTERNAL_KINDS = ("interview-kit",)
#: The kinds a site may publish (``publish:`` in jdgen.yaml).
PUBLISHABLE_KINDS = tuple(k for k in KINDS if k not in INTERNAL_KINDS)

EMPLOYMENT_TYPES = (
    "full-time",
    "part-time",
    "contract",
    "temporary",
    "internship",
    "volunteer",
    "per-diem",
    "other",
)
WORK_ARRANGEMENTS = ("on-site", "hybrid", "remote")
PERIODS = ("hour", "day", "week", "month", "year")
