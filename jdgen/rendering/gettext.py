"""Template strings in templates: translated, formatted, and kept as data.

Jinja's own newstyle gettext marks every translation as safe HTML in an autoescaped
template (it wraps it in ``Markup``), so a translator could put a script on every page.
These callables follow the same newstyle rules (``{% trans %}``, ``_()``, ``gettext``,
``ngettext``, ``pgettext``, ``npgettext``; every string is a ``%`` format with named
placeholders) with the translation treated as text:

- in HTML, the translation is escaped, and so is every value filled into it;
- in Markdown, role content filled into a translation is escaped like role content
  anywhere else (no HTML, no block it could open).

Translations that would break their format or add markup never get this far:
:class:`~jdgen.i18n.messages.Messages` shows the source text instead, with a warning.
"""

from __future__ import annotations

from typing import Any

import jinja2
from jinja2.nodes import EvalContext
from markupsafe import Markup, escape

from jdgen.i18n.localize import Content, Localizer
from jdgen.rendering.markdown_escape import escape_markdown, escape_markdown_inline


def _fill(eval_ctx: EvalContext, text: str, variables: dict[str, Any]) -> str:
    """``text % variables``, with the text as data and role content escaped."""
    if eval_ctx.autoescape:
        return Markup(escape(text)) % variables  # Markup's % escapes every value too
    values = {}
    for name, value in variables.items():
        if isinstance(value, Content):
            at_start = text.startswith(f"%({name})")  # where it could open a block
            value = escape_markdown(value) if at_start else escape_markdown_inline(value)
        values[name] = value
    result: str = text % values
    return result


def install(env: jinja2.Environment, localizer: Localizer) -> None:
    """Make ``localizer``'s catalog the template strings' translations in ``env``."""

    @jinja2.pass_eval_context
    def gettext(eval_ctx: EvalContext, __string: str, **variables: Any) -> str:
        return _fill(eval_ctx, localizer.gettext(__string), variables)

    @jinja2.pass_eval_context
    def ngettext(
        eval_ctx: EvalContext, __singular: str, __plural: str, __num: int, **variables: Any
    ) -> str:
        variables.setdefault("num", __num)
        return _fill(eval_ctx, localizer.ngettext(__singular, __plural, __num), variables)

    @jinja2.pass_eval_context
    def pgettext(eval_ctx: EvalContext, __context: str, __string: str, **variables: Any) -> str:
        variables.setdefault("context", __context)
        return _fill(eval_ctx, localizer.pgettext(__context, __string), variables)

    @jinja2.pass_eval_context
    def npgettext(
        eval_ctx: EvalContext,
        __context: str,
        __singular: str,
        __plural: str,
        __num: int,
        **variables: Any,
    ) -> str:
        variables.setdefault("context", __context)
        variables.setdefault("num", __num)
        text = localizer.npgettext(__context, __singular, __plural, __num)
        return _fill(eval_ctx, text, variables)

    env.newstyle_gettext = True  # type: ignore[attr-defined]
    env.globals.update(gettext=gettext, ngettext=ngettext, pgettext=pgettext, npgettext=npgettext)
