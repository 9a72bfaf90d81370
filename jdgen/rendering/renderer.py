"""Render: a resolved role, a locale and a document kind → a document → an output format.

A :class:`Renderer` belongs to one project and keeps what is costly to build (Jinja
environments, localizers, parsed roles) for as long as it lives: one command, or one
site build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from jdgen.errors import InvalidInputError, Position, Problem, Severity, UsageError
from jdgen.foundation import vocabulary
from jdgen.foundation.builtin import builtin_dir
from jdgen.foundation.inline import LANG_OPEN
from jdgen.foundation.inline import to_text as inline_text
from jdgen.foundation.locales import LocaleInfo
from jdgen.foundation.vocabulary import KIND_SECTIONS
from jdgen.i18n.localize import Localizer, resolve_locale
from jdgen.project.config import Project
from jdgen.project.interview import interview_kit
from jdgen.project.model import Role
from jdgen.project.resolve import ResolvedRole, RoleIndex
from jdgen.project.schema import fields_of
from jdgen.rendering.document import Document
from jdgen.rendering.formats import BINARY_FORMATS, FORMATS
from jdgen.rendering.formats.html import to_html
from jdgen.rendering.formats.markdown import to_markdown
from jdgen.rendering.formats.text import to_text
from jdgen.rendering.markdown_escape import escape_page
from jdgen.rendering.parser import parse
from jdgen.rendering.templates import (
    TrackingEnvironment,
    make_environment,
    render_template,
    templates_state,
)

#: Document kinds and the template each starts from.
KINDS = {kind: f"{kind}.md.j2" for kind in vocabulary.KINDS}


def kinds_of(role: Role) -> list[str]:
    """The document kinds a role has the data for (a posting, unless it is a family; an
    interview kit, if its hiring guide has steps)."""
    return [
        k
        for k in KINDS
        if (k == "posting" and not role.abstract)
        or (
            k in KIND_SECTIONS
            and getattr(role, KIND_SECTIONS[k]) is not None
            # an interview kit is made of the guide's interview steps
            and (k != "interview-kit" or bool(role.hiring and role.hiring.steps))
        )
    ]


PAGE_TEMPLATE = "page.html.j2"
PRINT_TEMPLATE = "print.html.j2"
DESCRIPTION_LENGTH = 160


@dataclass(frozen=True)
class Rendered:
    """One rendered output, and the warnings found while rendering it."""

    text: str
    document: Document
    locale: str
    kind: str
    format: str
    warnings: tuple[Problem, ...] = ()
    #: The file, for a printed format (docx, pdf); ``text`` is then empty.
    data: bytes = b""


def _model_names() -> list[str]:
    """Every field name of the model, for did-you-mean hints on template typos."""
    from jdgen.project import kinds, model, values

    names: set[str] = set()
    for module in (model, kinds, values):
        for obj in vars(module).values():
            if isinstance(obj, type) and dataclasses.is_dataclass(obj):
                names.update(fields_of(obj))
    return sorted(names | {"role", "org", "locale", "today", "kind", "kit"})


@dataclass(frozen=True)
class Rendition:
    """One role in one locale: the document, the role as shown there, and the warnings."""

    document: Document
    role: Role
    localizer: Localizer
    warnings: list[Problem]
    #: How many texts the document shows with no translation into this locale (their
    #: source text, or an unreviewed draft, is shown marked): a site publishes a locale
    #: only where this is 0.
    untranslated: int = 0


@dataclass
class Renderer:
    """Renders the roles of one project. Not thread-safe; one per process."""

    project: Project
    today: dt.date | None = None
    index: RoleIndex = field(init=False)
    _localizers: dict[str, Localizer] = field(default_factory=dict, init=False)
    _envs: dict[str, TrackingEnvironment] = field(default_factory=dict, init=False)
    _states: dict[str, str] = field(default_factory=dict, init=False)
    _locales: dict[str, LocaleInfo] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.index = RoleIndex.of(self.project)
        if self.today is None:
            self.today = self.project.config.today

    # -- locales ------------------------------------------------------------------------

    def locale(self, tag: str) -> LocaleInfo:
        if tag not in self._locales:
            self._locales[tag] = resolve_locale(
                tag, self.project.locale_dirs, self.project.template_dirs
            )
        return self._locales[tag]

    def localizer(self, tag: str) -> Localizer:
        info = self.locale(tag)
        if info.tag not in self._localizers:
            self._localizers[info.tag] = Localizer(info, self.project.locale_dirs)
        return self._localizers[info.tag]

    def environment(self, tag: str) -> TrackingEnvironment:
        localizer = self.localizer(tag)
        key = localizer.info.tag
        if key not in self._envs:
            own = self.project.root / self.project.config.templates_dir
            # In jdgen's own repository its templates are the built-in ones, never an
            # installed copy that may be stale.
            source = self.project.is_jdgen_source
            builtin = (own if source else builtin_dir("templates")).resolve()
            project_dir = own.resolve() if own.resolve() != builtin else None
            self._envs[key] = make_environment(project_dir, builtin, localizer)
        return self._envs[key]

    # -- what a rendering used ----------------------------------------------------------

    def start_tracking(self) -> None:
        """Forget which templates and template strings were used so far."""
        for env in self._envs.values():
            env.used.clear()
        for localizer in self._localizers.values():
            localizer.messages.used.clear()

    def tracked(self) -> dict[str, list[Any]]:
        """The templates and template strings used since :meth:`start_tracking`, by locale
        (as JSON: ``{tag: [[template, ...], [[msgctxt, msgid], ...]]}``)."""
        uses: dict[str, list[Any]] = {}
        for tag in sorted(set(self._envs) | set(self._localizers)):
            env, localizer = self._envs.get(tag), self._localizers.get(tag)
            templates = sorted(env.used) if env else []
            keys = sorted(localizer.messages.used, key=repr) if localizer else []
            if templates or keys:
                uses[tag] = [templates, [list(k) for k in keys]]
        return uses

    def uses_state(self, uses: dict[str, list[Any]]) -> str:
        """What the templates and template strings in ``uses`` (:meth:`tracked`) are now,
        as one hash: a page whose uses have the same state would render the same."""
        key = json.dumps(uses, sort_keys=True)
        if key not in self._states:
            h = hashlib.sha256()
            for tag in sorted(uses):
                templates, keys = uses[tag]
                messages = self.localizer(tag).messages
                h.update(f"{tag}\0{templates_state(self.environment(tag), templates)}\n".encode())
                for ctx, msgid in keys:
                    h.update(f"{ctx}\0{msgid}\0{messages.state((ctx, msgid))}\n".encode())
            self._states[key] = h.hexdigest()
        return self._states[key]

    # -- rendering ----------------------------------------------------------------------

    def document(
        self, resolved: ResolvedRole, locale: str, kind: str = "posting"
    ) -> tuple[Document, list[Problem]]:
        """Render a role's template for a locale and parse it into a document."""
        rendition = self.rendition(resolved, locale, kind)
        return rendition.document, rendition.warnings

    def rendition(self, resolved: ResolvedRole, locale: str, kind: str = "posting") -> Rendition:
        """A role rendered for a locale: its document, the localized role, the warnings."""
        if kind not in KINDS:
            raise UsageError(
                Problem(f'unknown document kind "{kind}"', hint="kinds: " + ", ".join(KINDS))
            )
        if kind not in kinds_of(resolved.role):
            what = (
                f"has no {KIND_SECTIONS[kind]}: section"
                if kind in KIND_SECTIONS
                else "is a role family"
            )
            if kind == "interview-kit" and resolved.role.hiring is not None:
                what = "has no interview steps (hiring.steps)"
            raise InvalidInputError(
                Problem(
                    f"{resolved.role.id} {what}, so it has no {kind}",
                    Position(resolved.display),
                    hint="kinds this role has: " + (", ".join(kinds_of(resolved.role)) or "none"),
                )
            )
        extra = None
        if kind == "skills-matrix" and self.project.config.skills_diffs:
            from jdgen.rendering.leveldiff import matrix_diffs

            extra = matrix_diffs(self.project, resolved)
        return self.rendition_with(resolved, locale, kind, KINDS[kind], extra)

    def rendition_with(
        self,
        resolved: ResolvedRole,
        locale: str,
        kind: str,
        template: str,
        extra: dict[str, Any] | Callable[[Role], dict[str, Any]] | None = None,
    ) -> Rendition:
        """A role rendered from ``template`` with more context: ``extra``, or what it gives
        for the role as localized (a document made from a role, such as a level diff)."""
        localizer = self.localizer(locale)
        env = self.environment(locale)
        role, content_warnings = localizer.localize_role(resolved)
        context: dict[str, Any] = {
            "role": role,
            "org": self.project.config.organization,
            "locale": localizer.info.tag,
            "language": localizer.info.language,
            "kind": kind,
            "today": self.today,
        }
        if extra is not None:
            context.update(extra(role) if callable(extra) else extra)
        if kind == "interview-kit":  # which step assesses what, matched on the role as written
            context["kit"] = interview_kit(resolved.role, role)
        before = set(localizer.messages.misses)
        markdown = escape_page(render_template(env, template, context, _model_names()))
        document = parse(markdown)
        warnings = content_warnings + self._warnings(resolved, localizer, before)
        # What the page shows, not what the role holds: a posting never shows its
        # family's hiring guide, so those texts do not hold the posting back. Every text
        # shown in another language (or as an unreviewed draft) is marked (LANG_OPEN).
        untranslated = markdown.count(LANG_OPEN)
        return Rendition(document, role, localizer, warnings, untranslated)

    def _warnings(
        self, resolved: ResolvedRole, localizer: Localizer, before: set[tuple[str | None, str]]
    ) -> list[Problem]:
        warnings: list[Problem] = list(localizer.messages.warnings)
        new = sorted(localizer.messages.misses - before, key=lambda k: (k[0] or "", k[1]))
        if localizer.locale.language != "en":
            for ctx, msgid in new:
                what = f'"{msgid}"' + (f" (context {ctx})" if ctx else "")
                warnings.append(
                    Problem(
                        f"no {localizer.info.tag} translation for template string {what}; "
                        "the English text is shown",
                        Position(resolved.display),
                        severity=Severity.WARNING,
                        hint=localizer.translate_hint("jdgen"),
                    )
                )
        role = resolved.role
        if role.valid_through and self.today and role.valid_through < self.today:
            warnings.append(
                Problem(
                    f"the posting expired on {role.valid_through.isoformat()}",
                    resolved.positions.get("valid_through", Position(resolved.display)),
                    "valid_through",
                    severity=Severity.WARNING,
                    hint="update valid_through or remove the role",
                )
            )
        return warnings

    def render(
        self,
        ref: str | Path,
        locale: str | None = None,
        kind: str = "posting",
        fmt: str = "markdown",
        width: int | None = None,
    ) -> Rendered:
        """Render one role (an id or a path) in one locale, kind and format."""
        if fmt not in FORMATS + BINARY_FORMATS:
            raise UsageError(
                Problem(
                    f'unknown format "{fmt}"',
                    hint="formats: " + ", ".join(FORMATS + BINARY_FORMATS),
                )
            )
        resolved = self.index.resolve(ref, family_ok=kind != "posting")
        tag = locale or resolved.role.language
        document, warnings = self.document(resolved, tag, kind)
        localizer = self.localizer(tag)
        if fmt in BINARY_FORMATS:
            name = f"{kind} of {resolved.role.id} in {localizer.info.tag}"
            at = Position(resolved.display)
            data = self.printed(document, fmt, localizer, name, at)
            return Rendered("", document, localizer.info.tag, kind, fmt, tuple(warnings), data)
        text = self.format(document, fmt, localizer, width)
        return Rendered(text, document, localizer.info.tag, kind, fmt, tuple(warnings))

    def format(
        self, document: Document, fmt: str, localizer: Localizer, width: int | None = None
    ) -> str:
        if fmt == "markdown":
            return to_markdown(document)
        if fmt == "text":
            columns = (
                width
                if width is not None  # 0: the paste form, unwrapped
                else localizer.conventions.text_width or self.project.config.text_width
            )
            return to_text(document, columns)
        return self.page(document, localizer)

    def printed(
        self,
        document: Document,
        fmt: str,
        localizer: Localizer,
        name: str = "the document",
        at: Position | None = None,
    ) -> bytes:
        """A printed document (``docx``, or ``pdf`` with the ``jdgen[pdf]`` extra) as bytes.
        ``name`` and ``at`` (the role file) say which document an error is about."""
        from jdgen.rendering.formats.fonts import print_locale

        where = print_locale(localizer.info.tag, self.project.config.fonts)
        title = inline_text(document.title).replace("\n", " ")
        org = self.project.config.organization
        day = self.today or self.project.today()  # the build date, in every file's dates
        if fmt == "docx":
            from jdgen.rendering.formats.docx import DocxMeta, to_docx

            return to_docx(document, where, DocxMeta(title, org.name if org else "", day))
        if fmt == "pdf":
            from jdgen.rendering.formats.pdf import css_families, to_pdf

            context = {
                "lang": localizer.info.tag,
                "title": title,
                "description": "",
                "body": Markup(to_html(document)),
                "org": org,
                "fonts": Markup(css_families(where.stack)),
                "created": day.isoformat(),
            }
            page = render_template(self.environment(localizer.info.tag), PRINT_TEMPLATE, context)
            return to_pdf(
                page, document, where, name, at or Position(self.project.display(self.project.root))
            )
        raise UsageError(
            Problem(f'unknown format "{fmt}"', hint="formats: " + ", ".join(BINARY_FORMATS))
        )

    def page(self, document: Document, localizer: Localizer) -> str:
        """A complete HTML5 page around the document."""
        env = self.environment(localizer.info.tag)
        title = inline_text(document.title).replace("\n", " ")
        description = " ".join(inline_text(document.summary()).split())
        if len(description) > DESCRIPTION_LENGTH:
            description = description[: DESCRIPTION_LENGTH - 1].rstrip() + "…"
        context = {
            "lang": localizer.info.tag,
            "title": title,
            "description": description,
            "body": Markup(to_html(document)),
            "org": self.project.config.organization,
        }
        return render_template(env, PAGE_TEMPLATE, context)
