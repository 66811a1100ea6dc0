"""Documents: Markdown from Jinja templates in one strict, sandboxed environment; Word and HTML from pandoc.

- `StrictUndefined`: a missing value stops the render with the template's name and line, never a blank
  in a letter to a government.
- Sandboxed: a template (including one a user passes with --templates) cannot reach Python internals.
- Every value from the data is escaped for Markdown when it is written out (`finalize`), so a name
  holding `*`, `[` or `<script>` stays text in Markdown, Word and HTML alike; values the templates build
  themselves (numbers, dates, links) are marked safe by their filters.
- Word and HTML come from pandoc (pypandoc-binary ships it), with SOURCE_DATE_EPOCH set from the
  document's date, so the same data and --as-of give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from ccm_stockpile.records.state import Language

from ccm_stockpile.render.markup import TEMPLATES, Safe, escape_markdown


class Format(StrEnum):
    MD = "md"
    DOCX = "docx"
    HTML = "html"


class RenderError(Exception):
    """A template could not be rendered (an undefined name, a syntax error): nothing is written."""


def _link(url: object) -> Safe:
    text = str(url)
    if not re.fullmatch(r"https?://[^\s<>]+", text):
        raise ValueError(f"not a web address: {text!r}")
    return Safe(f"<{text}>")


def environment(
    templates: Path | None = None, filters: dict[str, Callable[..., Any]] | None = None, language: Language | None = None
) -> SandboxedEnvironment:
    """The one template environment: a user's folder first (--templates), then the built-in templates; the
    messages of `language` from its catalogue (`render/i18n.py`), English when none is given."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from ccm_stockpile.render.i18n import SOURCE_LANGUAGE, gettext_callables, translations

    folders = [str(templates)] if templates else []
    env = SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(folders), FileSystemLoader(str(TEMPLATES))]),
        undefined=StrictUndefined,
        autoescape=False,  # the output is Markdown, escaped by `finalize`; HTML only ever comes from pandoc
        finalize=escape_markdown,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # A `{% trans %}` block may span lines in the template; its message is one line in the catalogue.
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(  # type: ignore[attr-defined]
        **gettext_callables(translations(language or SOURCE_LANGUAGE, templates)), newstyle=True
    )
    env.filters["link"] = _link
    env.filters["safe_text"] = Safe
    env.filters.update(filters or {})
    return env


def render_markdown(env: SandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
    """Render one template; any template error becomes a RenderError naming the template and line."""
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

    try:
        return env.get_template(name).render(**context)
    except UndefinedError as error:
        raise RenderError(f"template {name}{_line_of(error, name)}: {error.message}") from None
    except TemplateSyntaxError as error:
        raise RenderError(f"template {error.filename or name}, line {error.lineno}: {error.message}") from None
    except TemplateError as error:
        raise RenderError(f"template {name}{_line_of(error, name)}: {error}") from None
    except (ArithmeticError, LookupError, TypeError, ValueError) as error:
        # What a template's own expressions raise: `range(10**9)` (the sandbox's limit), `1 / 0`, `[][0]`.
        raise RenderError(f"template {name}{_line_of(error, name)}: {type(error).__name__}: {error}") from None


def _line_of(error: BaseException, name: str) -> str:
    """`, line N`: Jinja rewrites the traceback so that a template's frame carries its file name and line."""
    line = None
    traceback = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename.endswith(name):
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return "" if line is None else f", line {line}"


REFERENCE_DOCX = TEMPLATES / "reference.docx"


def convert(markdown: str, output: Format, title: str, day: dt.date, language: str, resource_path: Path | None = None) -> bytes:
    """Markdown as Markdown, Word (with the reference document's styles) or standalone HTML, byte for byte
    the same for the same input. Images are looked up in `resource_path` and embedded."""
    if output == Format.MD:
        return markdown.encode("utf-8")
    import tempfile

    import pypandoc

    epoch = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
    arguments = [f"--metadata=lang:{language}", "--wrap=none"]
    if resource_path is not None:
        arguments += (
            [f"--resource-path={resource_path}", "--embed-resources"]
            if output == Format.HTML
            else [f"--resource-path={resource_path}"]
        )
    if output == Format.DOCX:
        arguments.append(f"--reference-doc={REFERENCE_DOCX}")
    else:  # the heading is the document's own; `pagetitle` only names the browser tab
        arguments += ["--standalone", f"--metadata=pagetitle:{title}"]
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / f"out.{output.value}"
            pypandoc.convert_text(markdown, output.value, format="markdown", outputfile=str(target), extra_args=arguments)
            return target.read_bytes()
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
