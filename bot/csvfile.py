"""Read one data CSV strictly, keeping the line each row starts on as a text editor numbers it.

Why not DuckDB's read_csv for this: its sniffer can take a quoted line break for a broken header,
and its row numbers count records, not lines, so a blank line or a two-line note shifts every later
line number. Python's csv module parses the quoting (RFC 4180) and counts physical lines as it reads
(`reader.line_num`), which is what a data editor needs to find the row.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path


class CsvProblem(Exception):
    """One reason a file cannot be read, at one line (0: the file as a whole)."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


def decode(raw: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); anything else names the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise CsvProblem(line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}): save the file as CSV UTF-8") from None


def parse(text: str, delimiter: str = ",") -> list[tuple[int, list[str]]]:
    """Every non-blank record as (the line it starts on, its fields); a broken quote names its line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    last = 0
    while True:
        start = last + 1
        try:
            fields = next(reader)
        except StopIteration:
            return records
        except csv.Error as exc:
            raise CsvProblem(start, f"not well-formed CSV ({exc}): a quoted field that starts on this line "
                                    "is not closed, or a quote sits inside an unquoted field") from None
        last = reader.line_num
        if fields:  # a blank line is no record, but it still counts as a line
            records.append((start, fields))


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CsvProblem(0, "file is missing") from None
    except OSError as exc:
        raise CsvProblem(0, f"cannot be read ({exc.strerror})") from None


def read_table(path: Path, columns: list[str]) -> list[tuple[int, list[str | None]]]:
    """The rows of a file whose header must be exactly `columns`: (line, values, '' read as None)."""
    return table_from_bytes(read_bytes(path), columns)


def table_from_bytes(raw: bytes, columns: list[str]) -> list[tuple[int, list[str | None]]]:
    records = parse(decode(raw))
    if not records:
        raise CsvProblem(1, "the file is empty: it needs the header line " + ",".join(columns))
    header_line, header = records[0]
    if header != columns:
        missing = [c for c in columns if c not in header]
        extra = [c for c in header if c not in columns]
        detail = "; ".join(filter(None, [
            "missing column(s) " + ", ".join(missing) if missing else "",
            "unexpected column(s) " + ", ".join(extra) if extra else "",
            "columns out of order" if not missing and not extra else "",
        ]))
        raise CsvProblem(header_line, f"header does not match the schema: {detail}")
    rows = []
    for line, fields in records[1:]:
        if len(fields) != len(columns):
            how = "too few" if len(fields) < len(columns) else "too many"
            raise CsvProblem(line, f"{how} fields: the row has {len(fields)}, the header has {len(columns)} "
                                   "(a missing or extra comma, or a value with a comma that is not quoted?)")
        rows.append((line, [f if f != "" else None for f in fields]))
    return rows
