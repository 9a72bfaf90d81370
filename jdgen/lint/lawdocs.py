"""The table of pay-transparency laws in docs/lint.md, generated from the law files."""

from __future__ import annotations

from jdgen.lint.laws import INSTEAD, REQUIREMENTS, TESTS, Law, laws

STATUS = {
    "error": "binding: the posting must state it",
    "warning": "advisable: the law lets it be given elsewhere, or binds someone else",
    "info": "information: no national law binds yet",
}

INTRO = """\
## Pay-transparency laws

One file per jurisdiction in `jdgen/lint/rules/laws/` (its README gives the format and
the bills that are not law yet). A law reaches a role by its own tests, which differ:

{tests}

When a test needs a fact the role does not give, the finding is `info` and names the
field to set. The role is judged by the law in force on its `posted` date (else the
build date). Employer size is counted as each law counts it: `organization.employees`
in `jdgen.yaml` is the overall figure, and a role's `staff` gives the count in a place
(`{region: MA, country: US, employees: 30}`) for the laws that count only the staff in
their jurisdiction; each finding says which figure it used. Each location is judged with
its own `pay` where it gives one.

Severity means the same for every law: **error**, the law requires it of the posting
itself; **warning**, it is advisable (the law lets the pay be given before the interview
instead, binds the platform rather than the employer, or is in force but not yet
enforced); **info**, no law binds yet (a directive not transposed) or a fact the law
needs is missing. A fact no source confirmed is listed as unverified, and findings of
that law say so.
"""


#: The fact of the role each coverage test reads.
FACTS = {
    "located": "an on-site or hybrid location in the place, or a remote one naming a place in it",
    "remote": "a remote role's locations are where applicants may work from: one naming only "
    "a country (or a role naming no country at all) is open everywhere in it",
    "reports-to": "`reports_to`",
    "office": "`reports_to`, on a remote role",
    "employer-seat": "`employer_seat`, on a remote role in the country",
}


def _tests() -> str:
    rows = ["| test | the role's fact it reads |", "|---|---|"]
    rows += [f"| {TESTS[t]} | {FACTS[t]} |" for t in TESTS]
    return "\n".join(rows)


def _needs(law: Law) -> str:
    out = []
    for need in law.requires:
        text = REQUIREMENTS[need.name]
        if need.instead:
            text += " (or " + " or ".join(INSTEAD[alt] for alt in need.instead) + ")"
        if need.since:
            text += f" from {need.since}"
        if need.severity and need.severity != law.rule.severity:
            text += f" [{need.severity}]"
        out.append(text)
    if law.range.get("max_width"):
        out.append(
            f"a range at most {law.range['max_width']:,} {law.range.get('currency', '')} "
            f"wide a {law.range.get('period', 'year')}"
        )
    if law.exempt:
        out.append(
            f"no pay duty above {law.exempt['above']:,} {law.exempt['currency']} a "
            f"{law.exempt.get('period', 'year')}"
        )
    out += [f"not: {why}" for _, why in law.forbidden]
    return "; ".join(out)


def _size(law: Law) -> str:
    if not law.employees:
        return "all"
    where = "in the place" if law.counting == "place" else "anywhere"
    rule = f": {law.counting_rule}" if law.counting_rule else ""
    return f"{law.employees}+, counted {where}{rule}"


def laws_markdown() -> str:
    """The table of laws in docs/lint.md."""
    out = [
        INTRO.replace("{tests}", _tests()),
        "| rule | where | in force | employers (counting) | status | reaches | the posting must"
        " state | law and sources | checked | unverified |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for law in laws():
        since = str(law.effective) + (f" (enforced {law.enforced})" if law.enforced else "")
        since += f" until {law.until}" if law.until else ""
        sources = "; ".join(f"[{what}]({url})" for what, url in law.sources)
        cells = [
            f"`{law.rule.id}`",
            law.name,
            since,
            _size(law),
            f"{law.rule.severity} ({STATUS[law.rule.severity]})",
            "; ".join(TESTS[t] for t in TESTS if t in law.covers),
            _needs(law),
            f"{law.rule.data['law']}: {sources}",
            str(law.checked),
            "; ".join(law.unverified) or "none",
        ]
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(out) + "\n"
