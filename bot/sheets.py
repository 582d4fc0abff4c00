"""A file a data desk received (CSV, .xlsx, .xls, .ods) as rows of text, numbered as its editor shows them.

Why python-calamine for sheets: one maintained reader (Rust's calamine) for Excel and OpenDocument,
with no hand parsing of XML; it gives typed cells, which are turned back into the text a person sees
(95.0 -> "95"). CSV goes through the same strict reader as data/ (bot/csvfile.py), with the
delimiters and encodings spreadsheet programs actually write.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .csvfile import CsvProblem, decode, parse

SHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".tsv", ".txt"}


class SheetProblem(Exception):
    """The file cannot be read as a table: the message names the file (and row) and the reason."""


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """Every non-empty row as (its row or line number, its cells as text); the header is the first."""
    path = Path(path)
    if path.is_dir():
        raise SheetProblem(f"{path}: is a folder; give the release's file")
    if not path.is_file():
        raise SheetProblem(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in SHEET_SUFFIXES:
        return _sheet_rows(path)
    if suffix in CSV_SUFFIXES or not suffix:
        return _csv_rows(path)
    raise SheetProblem(f"{path}: a {suffix} file is not a table this reads (use CSV, .xlsx, .xls or .ods)")


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    raw = path.read_bytes()
    try:
        text = decode(raw)
    except CsvProblem:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows is not UTF-8
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first.count)  # what spreadsheet programs write, by locale
    try:
        records = parse(text, delimiter)
    except CsvProblem as problem:
        raise SheetProblem(f"{path} line {problem.line}: {problem.reason}") from None
    if not any(any(f.strip() for f in fields) for _, fields in records):
        raise SheetProblem(f"{path}: the file is empty")
    return [(line, [f.strip() for f in fields]) for line, fields in records if any(f.strip() for f in fields)]


def _sheet_rows(path: Path) -> list[tuple[int, list[str]]]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            # skip_empty_area=False keeps row 1 as row 1, so row numbers are the ones the editor sees
            cells = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            rows = [(i + 1, [_text(c) for c in row]) for i, row in enumerate(cells)]
            rows = [(n, row) for n, row in rows if any(row)]
            if rows:
                return [(n, _trim(row)) for n, row in rows]
    except (CalamineError, OSError, ValueError) as exc:
        raise SheetProblem(f"{path}: cannot be read as a spreadsheet ({type(exc).__name__}: {exc})") from None
    raise SheetProblem(f"{path}: every sheet is empty")


def _trim(row: list[str]) -> list[str]:
    while row and row[-1] == "":
        row = row[:-1]
    return row


def _text(cell) -> str:
    """A cell as a person reads it: whole numbers without '.0', dates as ISO text."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, (dt.datetime, dt.date)):
        return cell.isoformat()[:10]
    return str(cell).strip()
