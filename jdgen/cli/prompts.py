"""The questions ``jdgen new`` asks on a terminal, in the project's language. Every answer
goes through a reader of :mod:`jdgen.authoring.answers`: one it cannot use is asked
again with what to type, and never written to the role."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

import click

from jdgen.authoring.answers import (
    AnswerError,
    Choice,
    check_amount,
    country,
    currency,
    headcount,
    line,
)
from jdgen.foundation.vocabulary import EMPLOYMENT_TYPES, PERIODS, WORK_ARRANGEMENTS
from jdgen.i18n.localize import _PER as PER


def checked(read: Callable[[str], Any]) -> Callable[[str], Any]:
    """A click ``value_proc`` from a reader: its :class:`AnswerError` asks again."""

    def proc(text: str) -> Any:
        try:
            return read(text)
        except AnswerError as exc:
            raise click.BadParameter(str(exc)) from None

    return proc


def choices(loc: Any) -> dict[str, Choice]:
    """The closed choices of a role, answered in the language of ``loc``."""
    language = loc.info.language
    return {
        "employment_type": Choice(EMPLOYMENT_TYPES, language, loc.employment_type),
        "work_arrangement": Choice(WORK_ARRANGEMENTS, language, loc.work_arrangement),
        "period": Choice(PERIODS, language, lambda code: loc.pgettext(*PER[code])),
    }


def places(answer: str, info: Any) -> tuple[str, ...]:
    """The places typed, one per comma; a country after a place is that place's
    ("Toronto, Canada, Lima, Perú" is two places)."""
    from jdgen.foundation.locales import country_in

    out: list[str] = []
    for part in (p.strip() for p in re.split(r"[,，、;；]", answer)):
        if not part:
            continue
        if out and country_in(part, info.babel) and not country_in(out[-1], info.babel):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return tuple(out)


def without_country(locations: Sequence[str], info: Any) -> list[str]:
    """The places that name no country ("Madrid"; not "Lima, Perú")."""
    from jdgen.foundation.locales import country_in

    return [p for p in locations if not country_in(p, info.babel)]


def country_name(code: str, info: Any) -> str:
    """A country as the locale names it (ES → España in es)."""
    return str(info.babel.territories.get(code, code))


def confirm(loc: Any, question: str) -> bool:
    """A yes/no question answered in the project's language (sí, s, 是, 对) or in English
    (y, yes); an empty answer is yes; anything else is asked again."""
    from jdgen.i18n.localize import N_

    yes, no = loc.pgettext(*N_("prompt answer", "yes")), loc.pgettext(*N_("prompt answer", "no"))

    def read(text: str) -> bool:
        answer = line(text, "yes/no", required=False).casefold()
        if answer in {"", "y", "yes", yes.casefold(), yes[:1].casefold(), "对", "是的"}:
            return True
        if answer in {"n", "no", no.casefold(), no[:1].casefold()}:
            return False
        raise AnswerError(f"{yes} / {no} (y / n)")

    choices = f"[{yes[:1].upper()}{yes[1:]}/{no}]"  # the capital marks the default
    answer: bool = click.prompt(
        f"{question} {choices}", default="", show_default=False, value_proc=checked(read)
    )
    return answer


def ask(project: Any, info: Any, posted: dt.date, given: dict[str, Any]) -> dict[str, Any]:
    """Ask, in the project's language, for what the options did not give: the title, the
    places and their country, the kind of work, the openings, the closing date and the
    pay. A wrong answer is asked again, and no answer is lost."""
    from jdgen.foundation.locales import market
    from jdgen.i18n.amounts import AmountError, PayInput, local_currency, parse_pay
    from jdgen.i18n.localize import N_, Localizer
    from jdgen.lint.pay import usual_period
    from jdgen.project.model import Salary

    loc = Localizer(info, project.locale_dirs)
    closed = choices(loc)

    def prompt(message: tuple[str, str], **kwargs: Any) -> Any:
        return click.prompt(loc.pgettext(*message), **kwargs)

    def choose(name: str, message: tuple[str, str], default: str) -> str:
        choice = closed[name]
        question = f"{loc.pgettext(*message)} ({choice.shown()})"
        # click reads the default through value_proc too: the label becomes its code.
        answer: str = click.prompt(
            question,
            default=choice.labels[default],
            value_proc=checked(lambda text: choice.read(text, loc.pgettext(*message))),
        )
        return answer

    def read_pay(text: str) -> PayInput:
        from jdgen.authoring.answers import bounded

        try:
            pay = parse_pay(bounded(text, "pay"), info.babel)
        except AmountError as exc:
            raise AnswerError(str(exc)) from None
        check_amount(pay.min, "pay")
        check_amount(pay.max, "pay")
        return pay

    def read_date(text: str) -> dt.date:
        try:
            day = dt.date.fromisoformat(line(text, "date"))
        except ValueError:
            raise AnswerError(f"{text.strip()!r} is not a date written YYYY-MM-DD") from None
        if day < posted:
            raise AnswerError(f"the posting would close before it opens ({posted.isoformat()})")
        return day

    def ask_pay() -> tuple[Any, Any, str | None, str | None]:
        """The pay, its currency and period, read back until confirmed (or none)."""
        example = {"es": "45.000-60.000", "zh": "25K-40K"}.get(info.language, "45,000-60,000")
        while True:
            question = loc.pgettext("prompt", "Pay, e.g. {example} (empty: none)")
            pay = click.prompt(
                question.format(example=example),
                default="",
                show_default=False,
                value_proc=checked(read_pay),
            )
            if isinstance(pay, str) or pay.min is None:
                return (None, None, None, None)
            where = answers.get("country") or next(
                (c for p in answers["locations"] if (c := _country_of(p, info))), None
            )
            code = pay.currency or prompt(
                N_("prompt", "Currency"),
                default=local_currency(info.babel, where) or "EUR",
                value_proc=checked(currency),
            )
            per = pay.period or choose(
                "period", N_("prompt", "Pay period"), usual_period(info.babel, where)
            )
            shown = loc.salary(Salary(min=pay.min, max=pay.max, currency=code, period=per))
            if confirm(loc, loc.pgettext("prompt", "{pay}, correct?").format(pay=shown)):
                return (pay.min, pay.max, code, per)

    answers: dict[str, Any] = dict(given)
    if answers.get("title") is None:
        answers["title"] = prompt(
            N_("prompt", "Job title"), value_proc=checked(lambda t: line(t, "title"))
        )
    if not answers.get("locations"):
        # Required: Google's JobPosting needs a place, and so do the pay laws (a remote
        # job names where its applicants may live).
        typed = prompt(
            N_("prompt", "Locations, separated by commas"),
            value_proc=checked(lambda t: line(t, "locations")),
        )
        answers["locations"] = places(typed, info)
    lacking = without_country(answers["locations"], info)
    if lacking and not answers.get("country"):
        default = market(info.babel) or "US"
        question = loc.pgettext("prompt", "Country of {places}").format(places=loc.join(lacking))
        answers["country"] = click.prompt(
            question,
            default=country_name(default, info),
            value_proc=checked(lambda t: country(t, info.babel)),
        )
    if not answers.get("employment_type"):
        answers["employment_type"] = choose(
            "employment_type", N_("prompt", "Employment type"), "full-time"
        )
    if not answers.get("work_arrangement"):
        answers["work_arrangement"] = choose(
            "work_arrangement", N_("prompt", "Work arrangement"), "on-site"
        )
    if answers.get("pay") is None:
        answers["pay"] = ask_pay()
    if answers.get("headcount") is None:
        answers["headcount"] = prompt(
            N_("label", "Openings"), default="1", value_proc=checked(headcount)
        )
    if answers.get("valid_through") is None:
        answers["valid_through"] = click.prompt(
            f"{loc.pgettext('label', 'Apply by')} (YYYY-MM-DD)",
            default=answers["default_valid_through"].isoformat(),
            value_proc=checked(read_date),
        )
    return answers


def _country_of(place: str, info: Any) -> str | None:
    from jdgen.foundation.locales import country_in

    return country_in(place, info.babel)
