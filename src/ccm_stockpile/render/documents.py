"""Documents: Markdown from Jinja templates in one strict, sandboxed environment; Word and HTML from pandoc.

- `StrictUndefined`: a missing value stops the render with the template's name and line, never a blank
  in a letter to a government.
- Sandboxed: a template (including one a user passes with --templates) cannot reach Python internals.
- Every value from the data is escaped for Markdown when it is written out (`finalize`), so a name
  holding `*`, `[` or `<script>` stays text in Markdown, Word and HTML alike; values the templates build
  themselves (numbers, dates, links) are marked safe by their filters.
- Word and HTML come from pandoc (pypandoc-binary ships it), with SOURCE_DATE_EPOCH set from the
  document's date, so the same data and --as-of give the same bytes.
- PDF comes from pandoc's Typst output compiled by the `typst` package (a wheel with the compiler and its
  fonts: no TeX, no system library), on A4, with the document's date as the PDF's date and only the
  fonts the package embeds, so the bytes do not depend on the machine.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
    PDF = "pdf"


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


_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_RULE = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$")
EMPTY_CELLS = frozenset({"", "--"})


def drop_empty_columns(markdown: str) -> str:
    """Pipe tables without the columns that are empty (or "--") in every body row."""
    lines = markdown.split("\n")
    index = 0
    while index < len(lines) - 1:
        if not (lines[index].startswith("|") and _RULE.match(lines[index + 1])):
            index += 1
            continue
        end = index + 2
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        rows = [_CELL_SPLIT.split(line.strip())[1:-1] for line in lines[index:end]]
        width = len(rows[0])
        if all(len(row) == width for row in rows) and end > index + 2:
            keep = [i for i in range(width) if any(row[i].strip() not in EMPTY_CELLS for row in rows[2:])]
            if len(keep) < width:
                lines[index:end] = ["|" + "|".join(row[i] for i in keep) + "|" for row in rows]
        index = end
    return "\n".join(lines)


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
_HTML_STYLE = Path(__file__).resolve().parent / "document.css.html"

# The text width of the reference document (A4, 22 mm margins) in twentieths of a point, and what one
# character of 10-point table text and a cell's padding take: enough to give every column its longest word.
_TEXT_WIDTH = 11906 - 2 * 1247
_CHAR, _PADDING = 110, 230
_BREAKS = re.compile(r"\s+|(?<=-)")  # a line may break at a space or after a hyphen, never inside a word


def finish_docx(content: bytes, title: str) -> bytes:
    """What pandoc leaves to do in a Word file: the document title filled in, table columns as wide as their
    longest word (no "Cameroo n"), header rows repeated on each page and rows kept whole. Deterministic:
    the archive is rewritten with the same entries, order and dates."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = re.sub(
                    r"<w:tbl>.*?</w:tbl>", lambda match: _fit_table(match.group(0)), data.decode("utf-8"), flags=re.S
                ).encode("utf-8")
            elif info.filename == "docProps/core.xml":
                data = data.replace(b"<dc:title></dc:title>", f"<dc:title>{_xml_text(title)}</dc:title>".encode())
            target.writestr(info, data)
    return buffer.getvalue()


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell_text(cell: str) -> str:
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", cell))
    return text + "00" * cell.count("<w:footnoteReference")  # a footnote mark is about two digits wide


def _fit_table(table: str) -> str:
    rows = re.findall(r"<w:tr>.*?</w:tr>", table, flags=re.S)
    cells = [[_cell_text(cell) for cell in re.findall(r"<w:tc>.*?</w:tc>", row, flags=re.S)] for row in rows]
    columns = max((len(row) for row in cells), default=0)
    if not columns or any(len(row) != columns for row in cells):
        return table  # merged cells: leave pandoc's layout
    least = [max(max(map(len, _BREAKS.split(row[i])), default=1) for row in cells) * _CHAR + _PADDING for i in range(columns)]
    wanted = [max(len(row[i]) for row in cells) * _CHAR + _PADDING for i in range(columns)]
    if sum(wanted) <= _TEXT_WIDTH:
        widths = wanted
    elif sum(least) >= _TEXT_WIDTH:
        widths = [width * _TEXT_WIDTH // sum(least) for width in least]
    else:  # every column gets its longest word, the rest of the width goes where the text is longest
        spare, extra = _TEXT_WIDTH - sum(least), [w - m for w, m in zip(wanted, least, strict=True)]
        widths = [m + spare * e // sum(extra) for m, e in zip(least, extra, strict=True)]
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{width}" />' for width in widths) + "</w:tblGrid>"
    table = re.sub(r"<w:tblGrid>.*?</w:tblGrid>", grid, table, count=1, flags=re.S)
    table = table.replace('<w:tblW w:type="pct" w:w="5000" />', f'<w:tblW w:type="dxa" w:w="{sum(widths)}" />')
    # Keep each row on one page; the header row (pandoc marks it) repeats on every page.
    table = table.replace("<w:tr><w:trPr>", "<w:tr><w:trPr><w:cantSplit />")
    return re.sub(r"<w:tr>(?!<w:trPr>)", "<w:tr><w:trPr><w:cantSplit /></w:trPr>", table)


class ConverterMissing(RenderError):
    """The PDF converter is not installed (`pip install 'ccm-stockpile[documents]'`)."""


def convert(markdown: str, output: Format, title: str, day: dt.date, language: str, resource_path: Path | None = None) -> bytes:
    """Markdown as Markdown, Word (with the reference document's styles), standalone HTML or A4 PDF, byte for
    byte the same for the same input. Images are looked up in `resource_path` and embedded."""
    if output == Format.MD:
        return markdown.encode("utf-8")
    if output == Format.PDF:
        return _pdf(markdown, title, day, language, resource_path)
    import tempfile

    import pypandoc

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
        # Wide tables scroll inside the page instead of running off its right edge.
        arguments += [
            "--standalone",
            f"--metadata=pagetitle:{title}",
            "--variable=maxwidth:60em",
            f"--include-in-header={_HTML_STYLE}",
        ]
    with _source_date(day), tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"out.{output.value}"
        pypandoc.convert_text(markdown, output.value, format="markdown", outputfile=str(target), extra_args=arguments)
        content = target.read_bytes()
    return finish_docx(_place_and_date_on_the_right(content), title) if output == Format.DOCX else content


def _epoch(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


@contextmanager
def _source_date(day: dt.date) -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to the document's date while pandoc runs (it dates Word files from it)."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(_epoch(day))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


# The closing "Geneva, 1 June 2025" of a letter sits at the bottom right (a note verbale is then stamped and
# initialled). Templates mark it `::: {custom-style="Place and date"}`; pandoc creates that style empty, so it
# is given its alignment here, in the document's own styles, whatever the reference document holds.
_PLACE_AND_DATE = re.compile(
    r'(<w:style w:type="paragraph" w:customStyle="1" w:styleId="[^"]*">\s*<w:name w:val="Place and date"\s*/>'
    r"(?:(?!</w:style>).)*?)(</w:style>)",
    re.DOTALL,
)


def _place_and_date_on_the_right(docx: bytes) -> bytes:
    """The Word file with its "Place and date" style right-aligned, byte for byte the same for the same input."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        styles = source.read("word/styles.xml").decode("utf-8")
        if "<w:jc " in (_PLACE_AND_DATE.search(styles) or [""])[0] or not _PLACE_AND_DATE.search(styles):
            return docx
        styles = _PLACE_AND_DATE.sub(r'\1<w:pPr><w:spacing w:before="480" /><w:jc w:val="right" /></w:pPr>\2', styles, count=1)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as target:
            for info in source.infolist():
                data = styles.encode("utf-8") if info.filename == "word/styles.xml" else source.read(info)
                target.writestr(info, data, compress_type=info.compress_type)
    return buffer.getvalue()


# A4 with margins that leave room for a two-page brief; the typst package's own fonts (Libertinus Serif).
_PDF_METADATA = """papersize: a4
fontsize: 10pt
margin:
  x: 2cm
  y: 2cm
"""


def _pdf(markdown: str, title: str, day: dt.date, language: str, resource_path: Path | None) -> bytes:
    """Markdown -> Typst (pandoc) -> PDF (the `typst` package). Typst reads files under one root only, so the
    images are copied beside the Typst source."""
    import shutil
    import tempfile

    import pypandoc

    try:
        import typst
    except ImportError:
        raise ConverterMissing(
            "PDF needs the Typst compiler: pip install 'ccm-stockpile[documents]' (or pip install typst)"
        ) from None
    with _source_date(day), tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        if resource_path is not None:
            for item in sorted(resource_path.iterdir()):
                if item.is_file():
                    shutil.copyfile(item, root / item.name)
        (root / "metadata.yaml").write_text(_PDF_METADATA, encoding="utf-8")
        source = root / "document.typ"
        arguments = [
            "--standalone", f"--metadata=lang:{language}", f"--metadata=pagetitle:{title}",
            f"--metadata-file={root / 'metadata.yaml'}", "--wrap=none",
        ]  # fmt: skip
        pypandoc.convert_text(markdown, "typst", format="markdown", outputfile=str(source), extra_args=arguments)
        try:
            return bytes(typst.compile(str(source), root=str(root), timestamp=_epoch(day), ignore_system_fonts=True))
        except RuntimeError as error:  # typst's compile errors (a missing image, a font)
            raise RenderError(f"PDF: {error}") from None
