"""The template engine: layered lookup, strict variables, and role content kept as data.

Lookup for a template name, for locale ``es-AR`` (chain ``es_AR, es_419, es``): the
project's ``templates/es_AR/``, ``es_419/``, ``es/`` and ``default/``, then the same
built-in directories. A name with a ``!`` prefix skips the project's directories, so an
override can extend the built-in template it replaces (``{% extends "!posting.md.j2"
%}``); a ``layer:`` prefix names one layer (``{% import "default:macros.md.j2" %}``).

Role text reaches templates as :class:`~jdgen.localize.Content`. It is printed, never
evaluated; in Markdown it is escaped so that it cannot open a heading, list or fence.
"""

from __future__ import annotations

import hashlib
import re
import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from jdgen.errors import InvalidInputError, NotFoundError, Position, Problem, did_you_mean, relpath
from jdgen.foundation.write import sha256
from jdgen.i18n.localize import Content, Localizer
from jdgen.project.load import decode_utf8
from jdgen.rendering import gettext
from jdgen.rendering.markdown_escape import escape_markdown
from jdgen.rendering.template_cache import bytecode_cache

DEFAULT_DIR = "default"
BUILTIN_PREFIX = "!"

ARROW = " → "


def chart_block(data: Any) -> str:
    """A chart's data as the one line of JSON a ``chart`` code block holds."""
    from jdgen.foundation.inline import strip_language
    from jdgen.rendering.formats.charts import chart_block as dump

    return strip_language(dump(dict(data)))


def track_diagram(track: Any) -> str:
    """A career track as arrows; a branch drops from its step with a ↓, aligned by display
    width so that it lines up in Chinese too."""
    from jdgen.foundation.inline import strip_language
    from jdgen.rendering.formats.width import width

    steps = [strip_language(str(step)) for step in track.steps]
    lines = [ARROW.join(steps)]
    if track.branch is not None:
        after = strip_language(str(track.branch.after))
        start = 0
        for step in steps:
            if step == after:
                break
            start += width(step) + width(ARROW)
        column = start + max(width(after) // 2 - 1, 0)
        lines.append(" " * column + "↓")
        branch = [strip_language(str(step)) for step in track.branch.steps]
        lines.append(" " * max(column - width(branch[0]) // 2, 0) + ARROW.join(branch))
    return "\n".join(lines)


#: Sentence ends that carry their own space: the full-width stops of Chinese and Japanese.
FULL_WIDTH_STOPS = "。！？"


def join_sentences(sentences: Any) -> str:
    """Sentences in a row: a space after "." and "?", none after "。", whatever the locale."""
    out = ""
    for sentence in (str(s) for s in sentences if s):
        if out and not out.endswith(tuple(FULL_WIDTH_STOPS)):
            out += " "
        out += sentence
    return out


_HTTPS = re.compile(r"https://[^\s<>\\]+")
_EMAIL = re.compile(r"(?:mailto:)?[^\s<>@\\:]+@[^\s<>@\\]+\.[^\s<>@\\]+")


def autolink(value: Any) -> Any:
    """A link a candidate can click: an ``https:`` address or an e-mail address becomes a
    Markdown autolink; anything else (``http:``, a phone number) stays text."""
    text = str(value)
    if _HTTPS.fullmatch(text) or _EMAIL.fullmatch(text):
        return f"<{text}>"
    return value


def escape_cell(text: Any) -> str:
    """A value for a pipe-table cell: pipes escaped, on one line."""
    value = str(text).replace("\n", " ").replace("|", "\\|")
    return Content(value) if isinstance(text, Content) else value


class LayeredLoader(jinja2.BaseLoader):
    """Finds a template in the first layer that has it.

    ``layers`` are (name, directory, built-in?) triples, most specific first. A name
    ``default:macros.md.j2`` looks only in layers called ``default``; ``!posting.md.j2``
    only in the built-in layers.
    """

    def __init__(self, layers: Sequence[tuple[str, Path, bool]]) -> None:
        self.layers = list(layers)

    def searched(self, name: str) -> list[Path]:
        if name.startswith(BUILTIN_PREFIX):
            return [d / name[1:] for _, d, builtin in self.layers if builtin]
        layer, sep, rest = name.partition(":")
        if sep:
            return [d / rest for n, d, _ in self.layers if n == layer]
        return [d / name for _, d, _ in self.layers]

    def locate(self, template: str) -> tuple[int, Path] | None:
        """Which of the searched files holds ``template`` (its rank and path), if any."""
        for rank, path in enumerate(self.searched(template)):
            if path.is_file():
                return rank, path
        return None

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        if ".." in re.split(r"[/:\\]", template) or template.lstrip("!").startswith("/"):
            raise jinja2.TemplateNotFound(template, f"{template!r} is not a template name")
        for path in self.searched(template):
            if path.is_file():
                mtime = path.stat().st_mtime_ns
                source = decode_utf8(path.read_bytes(), relpath(path), "template")
                return source, str(path), lambda p=path, m=mtime: _unchanged(p, m)
        tried = "\n".join(f"  {relpath(p)}" for p in self.searched(template))
        raise jinja2.TemplateNotFound(
            template, f"template {template!r} not found; searched, in order:\n{tried}"
        )


class TrackingEnvironment(jinja2.Environment):
    """An environment that notes every template name it is asked for (the page's own,
    and what it extends, includes and imports), so that a site build knows which pages
    a template change touches."""

    used: set[str]

    def get_template(
        self,
        name: str | jinja2.Template,
        parent: str | None = None,
        globals: Any = None,
    ) -> jinja2.Template:
        if isinstance(name, str):
            self.used.add(name)
        return super().get_template(name, parent, globals)


def templates_state(env: jinja2.Environment, names: Iterable[str]) -> str:
    """What the templates ``names`` are now, as one hash: which file each comes from (by
    its rank in the lookup, never by a path of this machine) and its contents."""
    loader = env.loader
    assert isinstance(loader, LayeredLoader)
    h = hashlib.sha256()
    for name in sorted(names):
        found = loader.locate(name)
        state = f"{found[0]}:{sha256(found[1].read_bytes())}" if found else "-"
        h.update(f"{name}\0{state}\n".encode())
    return h.hexdigest()


def _unchanged(path: Path, mtime: int) -> bool:
    try:
        return path.stat().st_mtime_ns == mtime
    except OSError:
        return False


def make_environment(
    project_template_dir: Path | None, builtin_template_dir: Path, localizer: Localizer
) -> TrackingEnvironment:
    """A Jinja environment for one locale: its lookup chain, filters and catalog."""
    # Templates hold layout, not words: a Traditional Chinese posting is laid out as a
    # Chinese one (templates/zh/), with its words from its own catalogs.
    language = str(localizer.locale.language)
    names = (*dict.fromkeys((*localizer.info.chain, language)), DEFAULT_DIR)
    layers = (
        [(n, project_template_dir / n, False) for n in names]
        if project_template_dir is not None
        else []
    )
    layers += [(n, builtin_template_dir / n, True) for n in names]
    env = TrackingEnvironment(
        loader=LayeredLoader(layers),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "html.j2", "xml.j2"), default_for_string=False
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        finalize=_finalize,
        auto_reload=False,
        bytecode_cache=bytecode_cache(),
    )
    env.used = set()
    gettext.install(env, localizer)
    loc = localizer
    env.filters.update(
        {
            "money": lambda amount, currency: loc.money(_need(amount, "money"), currency),
            "number": lambda v: loc.number(_need(v, "number")),
            "salary": lambda s, period=True: loc.salary(_need(s, "salary"), period),
            "month_year": lambda d: loc.month_year(_need(d, "month_year")),
            "posted": lambda d: loc.posted(_need(d, "posted")),
            "date": lambda d: loc.date(_need(d, "date")),
            "join_list": lambda items, style="standard": loc.join(items, style),
            "years": lambda y: loc.years(_need(y, "years")),
            "duration": lambda m: loc.duration(_need(m, "duration")),
            "headcount": loc.headcount,
            "employment_type": lambda c: loc.employment_type(_need(c, "employment_type")),
            "work_arrangement": lambda c: loc.work_arrangement(_need(c, "work_arrangement")),
            "cell": escape_cell,
            "autolink": autolink,
            "track_diagram": track_diagram,
            "chart": chart_block,
            "sentences": join_sentences,
            "join": _join_keeping_content,
        }
    )
    return env


@jinja2.pass_eval_context
def _join_keeping_content(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> str:
    """Jinja's ``join``, except that joined role content stays role content (and escaped)."""
    items = list(value)
    joined = jinja2.filters.do_join(eval_ctx, items, d, attribute)
    return Content(joined) if any(isinstance(i, Content) for i in items) else joined


def _need(value: Any, name: str) -> Any:
    if value is None or isinstance(value, jinja2.Undefined):
        raise jinja2.TemplateRuntimeError(
            f"the {name} filter got no value; guard it with {{% if ... %}}"
        )
    return value


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Content) and not isinstance(value, Markup):
        return escape_markdown(value)
    return value


# -- errors -----------------------------------------------------------------------------


def template_problem(exc: BaseException, names: Sequence[str] = ()) -> Problem:
    """A positioned problem for an error raised while loading or rendering a template."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = Position(relpath(exc.filename), exc.lineno) if exc.filename else None
        return Problem(
            f"template syntax error: {exc.message}", where, hint=_syntax_hint(exc.message or "")
        )
    where = _template_frame(exc)
    if isinstance(exc, jinja2.TemplateNotFound):
        hint = "name a template in the template folders (templates/<locale>/ or default/)"
        return Problem(str(exc.message or exc.name), where, hint=hint if where else "")
    if isinstance(exc, RecursionError):
        return Problem(
            "the template never ends: a macro that calls itself, or a template that "
            "extends or includes itself",
            where,
            hint="give the recursion a condition that stops it, or extend another template",
        )
    message = str(exc)
    if not isinstance(exc, jinja2.TemplateError):  # 1/0, a wrong type in a filter...
        message = f"the template failed: {type(exc).__name__}: {message}"
    hint = ""
    m = re.search(r"has no attribute '(\w+)'|'(\w+)' is undefined", message)
    if m:
        missing = m.group(1) or m.group(2)
        hint = did_you_mean(missing, names)
        message = f"undefined variable: {message}"
    return Problem(message, where, hint=hint)


def _template_frame(exc: BaseException) -> Position | None:
    """The template line the exception was raised at (the innermost), if any."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return Position(relpath(frame.filename), frame.lineno or 0)
    return None


def _syntax_hint(message: str) -> str:
    if "Encountered unknown tag" in message:
        return "check the spelling of the tag and that every block is closed"
    if "unexpected end of template" in message:
        return "a {% if %} or {% for %} is missing its {% endif %} or {% endfor %}"
    return ""


def check_syntax(env: jinja2.Environment, path: Path) -> list[Problem]:
    """Compile one template file; its syntax errors as problems."""
    try:
        env.parse(decode_utf8(path.read_bytes(), relpath(path), "template"), path.name, str(path))
    except jinja2.TemplateSyntaxError as exc:
        return [template_problem(exc)]
    except InvalidInputError as exc:
        return exc.problems
    return []


def render_template(
    env: jinja2.Environment, name: str, context: dict[str, Any], names: Sequence[str] = ()
) -> str:
    """Render one template; every template error becomes a positioned InvalidInputError."""
    try:
        template = env.get_template(name)
        return template.render(context)
    except jinja2.TemplateNotFound as exc:
        raise NotFoundError(template_problem(exc)) from None
    except jinja2.TemplateError as exc:
        raise InvalidInputError(template_problem(exc, names)) from None
    except RecursionError as exc:
        problem = template_problem(exc)
        if problem.position is None:  # the recursion was in loading: name the template
            problem = Problem(problem.message, Position(_source_of(env, name)), hint=problem.hint)
        raise InvalidInputError(problem) from None
    except Exception as exc:
        if _template_frame(exc) is None:
            raise  # not in a template: a bug in jdgen, to be reported
        raise InvalidInputError(template_problem(exc, names)) from None


def _source_of(env: jinja2.Environment, name: str) -> str:
    loader = env.loader
    if isinstance(loader, LayeredLoader):
        for path in loader.searched(name):
            if path.is_file():
                return relpath(path)
    return name
