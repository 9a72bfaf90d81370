"""Whether a law reaches a role, by the law's own tests (its file's ``covers``): the job
is done there (an on-site or hybrid location, or a remote one naming a place in it); a
remote job could be done there (a remote location naming only a country, or none, is
open to applicants anywhere in it: a role that names no country is open everywhere);
the job reports to a supervisor or office there; a remote job works predominantly for an
office there; the employer is based there. And whether the employer is large enough, by
the figure the law counts: every employee, or only those in its place.

A test that needs a fact the role does not give (no reporting office, no employer seat,
no staff count for the place) is answered "unknown", and says which fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from jdgen.lint.laws import Law
from jdgen.lint.places import REMOTE, Where, could_be, exact, home_country, where_of
from jdgen.project.model import Location, Role


@dataclass(frozen=True)
class Coverage:
    at: tuple[int, ...]  # the locations under the law (every one for a role-wide test)
    why: str  # how the law reaches them, in words
    role_wide: bool = False  # reached through the role (its office, its seat), not a place


@dataclass(frozen=True)
class Unknown:
    fact: str  # the field that would decide it
    message: str


def _in(law: Law, loc: Location | None, home: str) -> bool:
    return loc is not None and exact(law, where_of(loc, home))


def coverage(law: Law, role: Role) -> Coverage | Unknown | None:
    """How the law reaches the role, or the fact it needs to decide, or None."""
    home = home_country(role)
    remote = is_remote(role)
    places = [where_of(loc, home) for loc in role.locations]
    everywhere = remote and not role.locations  # a remote role naming no place
    done = tuple(i for i, where in enumerate(places) if exact(law, where))
    if done:
        return Coverage(done, f"the job is done in {law.name}")
    if remote and law.remote:
        open_here = tuple(i for i, where in enumerate(places) if could_be(law, where))
        if open_here or everywhere:
            return Coverage(open_here, f"the remote job could be done in {law.name}", everywhere)
    if "reports-to" in law.covers and _in(law, role.reports_to, home):
        return Coverage(_all(role), f"the job reports to {law.name}", True)
    if "office" in law.covers and remote and _in(law, role.reports_to, home):
        return Coverage(_all(role), f"the remote job works for an office in {law.name}", True)
    seat = "employer-seat" in law.covers and _in(law, role.employer_seat, home)
    if seat and remote and (everywhere or _in_country(law, places)):
        return Coverage(_all(role), f"the employer is based in {law.name}", True)
    return _unknown(law, role, remote, places, everywhere)


def is_remote(role: Role) -> bool:
    """A remote role: so arranged, or, with no arrangement given, placed "Remote"."""
    if role.work_arrangement is not None:
        return role.work_arrangement == "remote"
    return any(REMOTE.search(loc.name or "") for loc in role.locations)


def _in_country(law: Law, places: list[Where]) -> bool:
    """Whether a remote role is open somewhere in the law's country (or everywhere)."""
    countries = {c for p in law.places for c in p.countries}
    return any(w.country in countries or not (w.country or w.region or w.city) for w in places)


def _all(role: Role) -> tuple[int, ...]:
    return tuple(range(len(role.locations)))


def _unknown(
    law: Law, role: Role, remote: bool, places: list[Where], everywhere: bool
) -> Unknown | None:
    """The fact a remote role would need to give for a test the law uses."""
    if not remote:
        return None
    if not (everywhere or _in_country(law, places)):
        return None
    if role.reports_to is None and law.covers & {"reports-to", "office"}:
        test = "works predominantly for" if "office" in law.covers else "reports to"
        return Unknown(
            "reports_to",
            f"{law.name}'s law covers a remote job that {test} a supervisor or office in "
            f"{law.name}; the role does not say where it reports (set reports_to)",
        )
    if role.employer_seat is None and "employer-seat" in law.covers:
        return Unknown(
            "employer_seat",
            f"{law.name}'s law covers the remote jobs of employers based in {law.name}; "
            "the role does not say where the employer is based (set employer_seat)",
        )
    return None


@dataclass(frozen=True)
class Size:
    covered: bool
    note: str  # which figure was used, for the finding


def size(law: Law, role: Role, overall: int | None) -> Size:
    """Whether the employer is large enough for the law, by the figure it counts."""
    if not law.employees or law.employees <= 1:
        return Size(True, "")
    home = home_country(role)
    here = [s.employees for s in role.staff if _in(law, s.place, home)]
    rule = f" ({law.counting_rule})" if law.counting_rule else ""
    need = f"{law.name}'s law covers employers with {law.employees}+ employees{rule}"
    if law.counting == "place" and here:
        figure = max(here)
        counted = f"; counted {figure} in {law.name} (staff){rule}"
        return Size(figure >= law.employees, counted)
    if overall is not None:
        if law.counting == "place":
            # The overall figure bounds the count in the place: below the threshold, so is it.
            note = (
                f"; {need}, and the role gives no count for there (staff), so the overall "
                f"{overall} (organization.employees) was used"
            )
            return Size(overall >= law.employees, note)
        counted = f"; counted {overall} overall (organization.employees){rule}"
        return Size(overall >= law.employees, counted)
    if here and max(here) >= law.employees:
        return Size(True, f"; counted {max(here)} in {law.name} (staff)")
    where = " (staff)" if law.counting == "place" else " (organization.employees in jdgen.yaml)"
    return Size(True, f" ({need}; set the count{where} if yours is smaller)")
