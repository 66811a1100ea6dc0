"""Tables written as CSV (one table, for scripts), JSON (every table) or an Excel workbook (a sheet per table).

The same data gives the same bytes in every format: the workbook carries a fixed date, not the time it
was written.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

from ccm_stockpile.domain.export import Table

_FIXED = (2000, 1, 1, 0, 0, 0)  # the date every workbook part carries, so that a file changes only with the data
_WIDEST = 60  # characters; longer text wraps in its cell
# Characters an .xlsx file cannot hold (openpyxl refuses them); the reader lets YAML escapes such as "\x07" through.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# What a spreadsheet takes for the start of a formula (OWASP's list: =, +, -, @, and the tab and carriage return
# some spreadsheets skip before one). A name `=HYPERLINK(...)` would otherwise become a live link.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # tells Excel and LibreOffice the file is UTF-8 (without it, accented names come out garbled)


def neutralised(value: object) -> object:
    """Text a spreadsheet would read as a formula, with a leading apostrophe: shown as written, never run.
    Numbers and empty cells are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(table: Table, spreadsheet: bool = False) -> str:
    """One table as CSV: a header row, then one row per item; an empty cell is *not known*.

    Plain by default, for scripts: UTF-8 without a byte-order mark, every value as it is. With `spreadsheet`,
    for Excel and LibreOffice: a byte-order mark first, and text that would start a formula neutralised."""
    out = io.StringIO()
    if spreadsheet:
        out.write(BOM)
    writer = csv.DictWriter(out, fieldnames=table.columns, lineterminator="\n")
    writer.writeheader()
    if spreadsheet:
        writer.writerows({column: neutralised(value) for column, value in row.items()} for row in table.rows)
    else:
        writer.writerows(table.rows)
    return out.getvalue()


def to_json(tables: dict[str, Table]) -> str:
    """Every table: {"tables": {name: [rows]}}, `null` where a figure is not known."""
    payload = {"tables": {name: table.rows for name, table in tables.items()}}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def to_xlsx(tables: dict[str, Table]) -> bytes:
    """A workbook with a sheet per table: bold, frozen header row with filters, set column widths."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for table in tables.values():
        sheet = workbook.create_sheet(table.name)
        sheet.append(table.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        widths = [len(column) for column in table.columns]
        for row in table.rows:
            values = [row[column] for column in table.columns]
            sheet.append([_cell_value(column, value) for column, value in zip(table.columns, values, strict=True)])
            for index, value in enumerate(values):
                if isinstance(sheet.cell(row=sheet.max_row, column=index + 1).value, dt.date):
                    sheet.cell(row=sheet.max_row, column=index + 1).number_format = "yyyy-mm-dd"
                elif isinstance(value, str):
                    cell = sheet.cell(row=sheet.max_row, column=index + 1)
                    cell.data_type = "s"  # text from the data is never a formula, even when it starts with "="
                    if "\n" in value or len(value) > _WIDEST:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
                longest = max((len(line) for line in str(value).splitlines()), default=0) if value is not None else 0
                widths[index] = max(widths[index], longest)
        for index, width in enumerate(widths):
            sheet.column_dimensions[get_column_letter(index + 1)].width = min(width, _WIDEST) + 2
        sheet.freeze_panes = "A2"
        # Printed: landscape A4, as wide as the page (as many pages down as it takes), the header on each page.
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_title_rows = "1:1"
        if table.rows:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    fixed = dt.datetime(*_FIXED)
    workbook.properties.created = fixed
    workbook.properties.modified = fixed
    workbook.properties.creator = "ccm-stockpile"
    raw = io.BytesIO()
    workbook.save(raw)
    return _fixed_dates(raw.getvalue(), fixed)


# The columns that hold dates (a partial date, `2016-04` or `2016`, stays text: a spreadsheet has no such date).
_DATE_COLUMNS = frozenset(
    {
        "signed",
        "consent_date",
        "entry_into_force",
        "withdrawal_notified",
        "withdrawal_effective",
        "deadline",
        "completed",
        "submitted",
        "date",
        "reply_by",
        "found",
        "reported",
        "granted",
        "new_deadline",
    }
)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _cell_value(column: str, value: object) -> object:
    """What a workbook cell holds: a full date in a date column as a date (sorted and filtered as one), text
    without the characters a workbook cannot hold, anything else as it is."""
    import datetime as dt

    if isinstance(value, str) and column in _DATE_COLUMNS and _FULL_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return _ILLEGAL.sub("", value) if isinstance(value, str) else value


def _fixed_dates(data: bytes, fixed: object) -> bytes:
    """The workbook with every zip entry dated `_FIXED` and its core properties' modified date fixed too."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2000-01-01T00:00:00Z\g<2>", content
                )
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, content)
    return out.getvalue()
