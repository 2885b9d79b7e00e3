"""Reading CSV tables into rows of raw cells, with their row numbers (XLSX sheets:
:mod:`.workbook`, into the same :class:`Table`).

Cells are not interpreted here: text stays text (pandas ``dtype=str``), so
the record fields decide how ``1.490`` is read. Excel's own numbers and
dates keep their types.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .legacy_fonts import legacy_font, maybe_legacy

if TYPE_CHECKING:  # imported where used: a folder of plain CSV files never needs pandas
    import pandas as pd

MAX_BYTES = 50 * 1024 * 1024


class TableProblem(Exception):
    def __init__(self, code: str, message: str, row: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.row = row


@dataclass
class Table:
    path: Path
    columns: list[str]
    rows: list[tuple[int, dict[str, Any]]]  # (row number as Excel shows it, cells)
    sheet: str | None = None
    #: cells that hold no value although something was written there (an Excel
    #: formula saved without its result, an error such as #DIV/0!): (row, column) -> why.
    #: They must be reported, never read as empty.
    bad_cells: dict[tuple[int, str], str] = field(default_factory=dict)
    #: header problems pandas hides: column key -> (column as the user sees it, message)
    header_notes: dict[str, tuple[str, str]] = field(default_factory=dict)
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
        raise TableProblem("HD100", f"không mở được tệp: {exc.strerror or exc}") from None


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
        raise TableProblem("HD100", f"đây là {kind}, không phải tệp văn bản; "
                           "hãy lưu dữ liệu đúng định dạng theo phần mở rộng của tệp")
    if _looks_utf16(raw[:4096]):
        raise TableProblem("HD102", "tệp mã hóa UTF-16; hãy lưu lại dưới dạng UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TableProblem(
            "HD102",
            f"byte không hợp lệ theo UTF-8 tại dòng {line} (có thể là Windows-1258 hoặc TCVN3); "
            "hãy lưu lại tệp với mã hóa UTF-8 (trong Excel: CSV UTF-8)",
            row=line,
        ) from None
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
    raw = read_bytes(path)
    if len(raw) > MAX_BYTES:
        raise TableProblem("HD100", f"tệp lớn hơn {MAX_BYTES // 1024 // 1024} MB")
    if raw[:4] == b"PK\x03\x04":
        raise TableProblem("HD100", "tệp có đuôi .csv nhưng thực chất là tệp Excel; "
                           "đổi đuôi thành .xlsx")
    if _looks_utf16(raw[:4096]):
        raise TableProblem("HD102", "tệp mã hóa UTF-16; hãy lưu lại dưới dạng UTF-8 (CSV UTF-8)")
    if b"\x00" in raw[:4096]:
        raise TableProblem("HD100", "tệp nhị phân, không phải văn bản CSV")
    text = decode_text(raw)
    if not text.strip():
        raise TableProblem("HD103", "tệp rỗng")
    sep = _sniff_delimiter(_first_line(text))
    table = _plain_table(path, text, sep)
    if table is None:
        import pandas as pd

        try:
            frame = _parse_csv(text, sep, utf8=text.encode("utf-8"))
        except (pd.errors.ParserError, ValueError, csv.Error) as exc:
            raise TableProblem("HD100", f"không đọc được bảng CSV: {exc}",
                               row=_csv_error_row(text, sep)) from None
        table = _from_frame(path, frame, header_row=1, sheet=None)
    if maybe_legacy(text):  # one pass over the text; cell by cell only when it may tell
        table.find_legacy_cells()
    return table


def _first_line(text: str) -> str:
    """``text.splitlines()[0]``, without splitting a big file into all its lines."""
    end = text.find("\n")
    return text[: end + 1 if end >= 0 else len(text)].splitlines()[0]


def _plain_table(path: Path, text: str, sep: str) -> Table | None:
    """The table of a plain CSV text (see :func:`_plain_records`), or None."""
    if (records := _plain_records(text, sep)) is None:
        return None
    stripped = _StrippedTexts().__getitem__
    cells_by_row = (tuple(map(stripped, record)) for record in records[1:])
    return _from_rows(path, records[0], cells_by_row, header_row=1, sheet=None)


def _plain_records(text: str, sep: str) -> list[list[str]] | None:
    """The records of a plain CSV text, or None.

    pandas' Python parser reads a text with the csv module (strict, with these
    options), then gives names to blank or repeated header cells, fills short rows,
    takes a wider row as an error or an index and strips a byte order mark. A text
    none of that applies to (a header of distinct names, every record as wide as it)
    is read here by the csv module alone, the same cells without importing pandas;
    any other text is None, left to pandas, which reads and words it.
    """
    if text.startswith("\ufeff"):  # a second byte order mark: pandas strips it
        return None
    reader = csv.reader(io.StringIO(text), delimiter=sep, quotechar='"', escapechar=None,
                        doublequote=True, skipinitialspace=False, quoting=csv.QUOTE_MINIMAL,
                        strict=True)
    try:
        records = list(reader)
    except csv.Error:
        return None
    header = records[0] if records else []
    if not all(header) or not header or len(set(header)) < len(header):
        return None
    width = len(header)
    if any(len(record) != width for record in records):
        return None
    return records


class _StrippedTexts(dict[str, str]):
    """A cell's text -> the text stripped, one string object for each distinct text (as
    pandas gives them): a big table repeats its codes, names and figures, and what reads
    the cells later (caches, pydantic) hashes or encodes each string object once."""

    def __missing__(self, text: str) -> str:
        self[text] = stripped = text.strip()
        return stripped


def _parse_csv(text: str, sep: str, utf8: bytes) -> pd.DataFrame:
    """The cells of a CSV text (``utf8``: the same text, as the file's bytes), every
    one as text.

    pandas' Python parser (the csv module, strict) is the reference: it decides what
    is read and words every problem. Its C parser is three times faster and reads the
    texts it reads alike; any problem it meets is left to the Python parser to report.
    """
    import pandas as pd

    options: dict[str, Any] = {"sep": sep, "dtype": str, "keep_default_na": False,
                               "skip_blank_lines": False, "quoting": csv.QUOTE_MINIMAL}
    if _c_parser_reads_alike(text, sep):
        try:
            # the C parser reads UTF-8 bytes: given text, it would encode it again
            return pd.read_csv(io.BytesIO(utf8), engine="c", encoding="utf-8", **options)
        except Exception:  # not in the Python parser's words: it reads the text again
            pass
    return pd.read_csv(io.StringIO(text), engine="python", **options)


#: a quote on the first line
_QUOTE_IN_HEADER = re.compile(r'[^\n"]*"')
#: a carriage return that does not end a line (the csv module refuses it)
_LONE_CR = re.compile(r"\r(?!\n)")
#: a header line, with no quote, followed by a blank line (the Python parser skips it)
_BLANK_AFTER_HEADER = re.compile(r'[^\n"]*\n\r?\n')


def _c_parser_reads_alike(text: str, sep: str) -> bool:
    """Whether pandas' C parser reads ``text`` as its Python parser does.

    They differ (found by comparing both on mutated tables) on quotes that do not
    enclose a whole field ("ab"c, a"b), a carriage return alone, NUL, a blank line
    right after the header and a quote in the header.
    """
    if _QUOTE_IN_HEADER.match(text) or "\x00" in text or _LONE_CR.search(text) \
            or _BLANK_AFTER_HEADER.match(text):
        return False
    quotes = text.count('"')
    if quotes == 0:
        return True
    # taken in pairs from the start, every closing quote ends its field; taken in pairs
    # from the end (the text reversed), every opening quote starts one
    closing, opening = _whole_quoted_fields(sep)
    return (quotes == 2 * len(closing.findall(text))
            and quotes == 2 * len(opening.findall(text[::-1])))


@functools.cache
def _whole_quoted_fields(sep: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A quoted field (no quote inside) followed by a separator or a line end; the
    same in the reversed text: preceded by one."""
    sep = re.escape(sep)
    return (re.compile(f'"[^"]*"(?![^\\r\\n{sep}])'),
            re.compile(f'"[^"]*"(?![^\\n{sep}])'))


def _csv_error_row(text: str, sep: str) -> int | None:
    """The line where a CSV stops making sense: a row wider than the header, an open quote."""
    reader = csv.reader(io.StringIO(text), delimiter=sep, strict=True)
    width: int | None = None
    start = 1
    try:
        for record in reader:
            if width is None:
                width = len(record)
            elif len(record) > width:
                return start
            start = reader.line_num + 1
    except csv.Error:
        return start
    return None


_MANGLED = re.compile(r"^(.*)\.(\d+)$")


def _from_frame(path: Path, frame: pd.DataFrame, header_row: int, sheet: str | None) -> Table:
    # column by column, then zipped into rows: pandas' own dict per row
    # (to_dict "records") takes seconds on 100,000 rows
    by_column = [[unicodedata.normalize("NFC", v.strip()) if isinstance(v, str) else _cell(v)
                  for v in _column_values(frame, i)] for i in range(frame.shape[1])]
    # (every column has a value for every row: no zip below can fall short)
    return _from_rows(path, [str(c) for c in frame.columns], zip(*by_column, strict=False),
                      header_row, sheet)


def _from_rows(path: Path, raw_columns: list[str], cells_by_row: Iterable[Sequence[Any]],
               header_row: int, sheet: str | None) -> Table:
    """A table from its header cells and, for each row below, its cells (stripped)."""
    columns = [c.strip() for c in raw_columns]
    notes: dict[str, tuple[str, str]] = {}
    for i, c in enumerate(columns):
        if c.startswith("Unnamed:") or not c:  # pandas' name for a blank header cell
            letter = column_letter(i)
            columns[i] = letter
            notes[letter] = (letter, f"cột {letter} có dữ liệu nhưng không có tên ở dòng tiêu đề "
                                     "(thường do ô tiêu đề bị gộp); ghi tên cột hoặc xóa cột")
        elif (m := _MANGLED.match(c)) and m.group(1) in columns[:i]:  # pandas renames repeats
            letter = column_letter(i)
            notes[c] = (m.group(1), f"cột “{m.group(1)}” xuất hiện lần nữa ở cột {letter}; "
                                    "chỉ cột đầu tiên được đọc, hãy xóa hoặc đổi tên cột lặp")
    repeated_names = len(set(columns)) < len(columns)
    rows: list[tuple[int, dict[str, Any]]] = []
    for offset, values in enumerate(cells_by_row):
        cells = dict(zip(columns, values, strict=False))  # a repeated name: the last one wins
        kept = tuple(cells.values()) if repeated_names else values
        if kept.count("") == len(kept):  # every cell empty (no None is left after _cell)
            continue  # blank lines in a spreadsheet are not records
        rows.append((header_row + 1 + offset, cells))
    return Table(path, columns, rows, sheet, header_notes=notes)


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA: the column as Excel names it (openpyxl imported only for a
    header that needs it: a folder of plain CSV files never does)."""
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(index + 1)


def _column_values(frame: pd.DataFrame, i: int) -> list[Any]:
    """The cells of column ``i`` as Python values, as ``DataFrame.to_dict`` gives them."""
    import pandas as pd

    column = frame.iloc[:, i]
    if isinstance(column.dtype, pd.StringDtype):  # every CSV column: text or NaN already
        return column.tolist()
    (values,) = frame.iloc[:, [i]].to_dict(orient="list").values()  # Excel: boxed values
    return values


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from an empty Excel cell
        return ""
    if isinstance(value, str):
        return value.strip()
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    return value
