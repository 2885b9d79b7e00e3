"""Reading CSV tables into rows of raw cells, with their row numbers (XLSX sheets:
:mod:`.workbook`, into the same :class:`Table`).

Cells are not interpreted here: a CSV cell stays text, so the record fields decide how
``1.490`` is read; Excel's own numbers and dates keep their types.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .legacy_fonts import legacy_font, maybe_legacy
from .problems import ReadProblem

MAX_BYTES = 50 * 1024 * 1024


class TableProblem(ReadProblem):
    """A problem with a table's file, at ``row`` when it is one row's."""

    def __init__(self, code: str, case: str = "", /, *, row: int | None = None,
                 **data: object) -> None:
        super().__init__(code, case, **data)
        self.row = row


@dataclass
class Table:
    path: Path
    columns: list[str]
    rows: list[tuple[int, dict[str, Any]]]  # (row number as Excel shows it, cells)
    sheet: str | None = None
    #: cells that hold no value although something was written there (an Excel
    #: formula saved without its result, an error such as #DIV/0!): (row, column) -> the
    #: case of its message (HD120 or HD113) and the values it names.
    #: They must be reported, never read as empty.
    bad_cells: dict[tuple[int, str], tuple[str, dict[str, object]]] = field(default_factory=dict)
    #: a blank or repeated header cell: column key -> (column as the user sees it, the case
    #: of its HD111 message, the values it names)
    header_notes: dict[str, tuple[str, str, dict[str, str]]] = field(default_factory=dict)
    #: text cells that look typed in a legacy Vietnamese font: (row, column) -> font
    legacy_cells: dict[tuple[int, str], str] = field(default_factory=dict)
    #: what a workbook's layout tells the clerk (merged, hidden, rounded): workbook.Note
    notes: list[Any] = field(default_factory=list)

    def find_legacy_cells(self) -> None:
        for row, cells in self.rows:
            for column, value in cells.items():
                if isinstance(value, str) and (kind := legacy_font(value)):
                    self.legacy_cells[(row, column)] = kind


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a file the system cannot read (permissions, a lock) is HD100."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TableProblem("HD100", "unreadable", reason=exc.strerror or exc) from None


#: what a file really is, by its first bytes, when it is not text
_MAGIC = (
    (b"%PDF", "tệp PDF"),
    (b"PK\x03\x04", "tệp nén (Excel .xlsx, Word .docx hoặc .zip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "tệp Office cũ (.xls, .doc)"),
    (b"\x89PNG", "tệp ảnh PNG"),
    (b"\xff\xd8\xff", "tệp ảnh JPEG"),
    (b"GIF8", "tệp ảnh GIF"),
)


def binary_kind(raw: bytes) -> str | None:
    """A name for a file that is not text at all (a PDF, a workbook, an image), or None."""
    return next((name for magic, name in _MAGIC if raw.startswith(magic)), None)


def decode_text(raw: bytes) -> str:
    """UTF-8 with or without BOM; anything else is a located error, not a guess."""
    if kind := binary_kind(raw):
        raise TableProblem("HD100", "not-text", kind=kind)
    if _looks_utf16(raw[:4096]):
        raise TableProblem("HD102", "utf16")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TableProblem("HD102", "not-utf8", row=line, line=line) from None
    # one form for every letter: a name typed with combining tones (NFD, as some Mac and
    # Word exports write it) must match and link like the same name typed precomposed
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _looks_utf16(head: bytes) -> bool:
    """A UTF-16 BOM, or text whose every other byte is NUL (UTF-16 without BOM)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return any(half.count(0) >= 0.9 * len(half) for half in (even, odd))


def _sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path) -> Table:
    """A CSV file, read by the :mod:`csv` module alone (strict): every cell is text."""
    raw = read_bytes(path)
    if len(raw) > MAX_BYTES:
        raise TableProblem("HD100", "too-big", limit=MAX_BYTES // 1024 // 1024)
    if raw[:4] == b"PK\x03\x04":
        raise TableProblem("HD100", "csv-is-excel")
    if _looks_utf16(raw[:4096]):
        raise TableProblem("HD102", "utf16-csv")
    if b"\x00" in raw[:4096]:
        raise TableProblem("HD100", "binary")
    # a file saved twice by two tools may carry a second byte order mark
    text = decode_text(raw).lstrip("\ufeff")
    if not text.strip():
        raise TableProblem("HD103", "empty")
    records = _csv_records(text, _sniff_delimiter(_first_line(text)))
    cells_by_row = (list(map(str.strip, record)) for record in records[1:])
    table = _from_rows(path, records[0], cells_by_row, header_row=1, sheet=None)
    if maybe_legacy(text):  # one pass over the text; cell by cell only when it may tell
        table.find_legacy_cells()
    return table


def _first_line(text: str) -> str:
    """``text.splitlines()[0]``, without splitting a big file into all its lines."""
    end = text.find("\n")
    return text[: end + 1 if end >= 0 else len(text)].splitlines()[0]


def _csv_records(text: str, sep: str) -> list[list[str]]:
    """Every record, each as wide as the header: a short record is filled with empty
    cells, empty cells past the header's width are dropped; a record with more values
    than the header has columns, or a quote out of place, is HD100 at its line."""
    # newline="": every line end (CRLF, LF, a lone CR of old Mac files) ends a line, and
    # one inside quotes stays in its cell, as the csv module's documentation asks
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    records: list[list[str]] = []
    line = 1  # where the record being read starts
    try:
        for record in reader:
            if records and len(record) != len(records[0]):
                record = _to_width(record, len(records[0]), line)
            records.append(record)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise _csv_error(str(exc), line) from None
    return records


def _to_width(record: list[str], width: int, line: int) -> list[str]:
    if len(record) < width:
        return record + [""] * (width - len(record))
    extra = [cell for cell in record[width:] if cell.strip()]
    if extra:
        raise TableProblem("HD100", "extra-cells", row=line, line=line, cells=len(record),
                           width=width, extra=extra[0])
    return record[:width]


def _csv_error(message: str, line: int) -> TableProblem:
    """The csv module's complaint in the clerk's words."""
    if "unexpected end of data" in message:
        return TableProblem("HD100", "unclosed-quote", row=line, line=line)
    if "expected after" in message:
        return TableProblem("HD100", "quote-inside", row=line, line=line)
    return TableProblem("HD100", "csv", row=line, line=line, reason=message)


def _from_rows(path: Path, header: list[str], cells_by_row: Iterable[Sequence[Any]],
               header_row: int, sheet: str | None) -> Table:
    """A table from its header cells and, for each row below, its cells (stripped).

    A blank header cell, or a name already used to its left, keeps its column under the
    column's letter, with a note for the clerk: its cells are not read as any field."""
    columns = [c.strip() for c in header]
    notes: dict[str, tuple[str, str, dict[str, str]]] = {}
    for i, name in enumerate(columns):
        if name and name not in columns[:i]:
            continue
        letter = column_letter(i)
        columns[i] = letter
        notes[letter] = (letter, "blank-header", {"letter": letter}) if not name \
            else (name, "repeated-header", {"column": name, "letter": letter})
    width = len(columns)
    # blank lines in a spreadsheet (every cell empty) are not records; the readers give
    # every row the header's width
    rows = [(row, dict(zip(columns, values, strict=True)))
            for row, values in enumerate(cells_by_row, header_row + 1)
            if values.count("") != width]
    return Table(path, columns, rows, sheet, header_notes=notes)


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA: the column as Excel names it (openpyxl imported only for a
    header that needs it: a folder of plain CSV files never does)."""
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(index + 1)
