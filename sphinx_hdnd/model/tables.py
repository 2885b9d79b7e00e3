"""Reading CSV and XLSX tables into rows of raw cells, with their row numbers.

Cells are not interpreted here: text stays text (pandas ``dtype=str``), so
the record fields decide how ``1.490`` is read. Excel's own numbers and
dates keep their types.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a file the system cannot read (permissions, a lock) is HD100."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TableProblem("HD100", f"không mở được tệp: {exc.strerror or exc}") from None


def decode_text(raw: bytes) -> str:
    """UTF-8 with or without BOM; anything else is a located error, not a guess."""
    if _looks_utf16(raw[:4096]):
        raise TableProblem("HD102", "tệp mã hóa UTF-16; hãy lưu lại dưới dạng UTF-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TableProblem(
            "HD102",
            f"byte không hợp lệ theo UTF-8 tại dòng {line} (có thể là Windows-1258 hoặc TCVN3); "
            "hãy lưu lại tệp dưới dạng CSV UTF-8",
            row=line,
        ) from None


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
    first_line = text.splitlines()[0]
    sep = _sniff_delimiter(first_line)
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=sep, dtype=str, keep_default_na=False,
            skip_blank_lines=False, quoting=csv.QUOTE_MINIMAL, engine="python",
        )
    except (pd.errors.ParserError, ValueError, csv.Error) as exc:
        raise TableProblem("HD100", f"không đọc được bảng CSV: {exc}") from None
    return _from_frame(path, frame, header_row=1, sheet=None)


def read_xlsx(path: Path, sheet: str | None = None) -> Table:
    raw_head = read_bytes(path)[:8]
    if raw_head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise TableProblem("HD100", "tệp Excel cũ (.xls) hoặc có đặt mật khẩu; hãy mở bằng Excel "
                           "và lưu lại dưới dạng .xlsx không mật khẩu")
    if raw_head[:4] != b"PK\x03\x04":
        raise TableProblem("HD100", "tệp có đuôi .xlsx nhưng không phải tệp Excel (.xlsx)")
    # a damaged workbook can fail anywhere inside openpyxl (zip, XML, styles):
    # whatever the cause, it is one located problem with the file, never a traceback
    try:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise TableProblem("HD100", f"không mở được tệp Excel: {exc}") from None
    try:
        names = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    finally:
        book.close()
    if sheet is None:
        if not names:
            raise TableProblem("HD100", "tệp Excel không có trang tính hiển thị")
        sheet = names[0]
    elif sheet not in names:
        raise TableProblem("HD101", f"không có trang tính “{sheet}”")
    try:
        frame = pd.read_excel(path, sheet_name=sheet, dtype=object, engine="openpyxl",
                              keep_default_na=False)
    except Exception as exc:  # see above: damaged workbooks
        raise TableProblem("HD100", f"không đọc được trang tính “{sheet}”: {exc}") from None
    return _from_frame(path, frame, header_row=1, sheet=sheet)


def xlsx_sheets(path: Path) -> list[str]:
    """The visible sheets of a workbook; raises :class:`TableProblem` if it cannot be opened."""
    import openpyxl

    if read_bytes(path)[:4] != b"PK\x03\x04":
        raise TableProblem("HD100", f"{path.name} không phải tệp Excel (.xlsx)")
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception as exc:  # damaged workbook: see read_xlsx
        raise TableProblem("HD100", f"không mở được tệp Excel: {exc}") from None
    try:
        return [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    finally:
        book.close()


def _from_frame(path: Path, frame: pd.DataFrame, header_row: int, sheet: str | None) -> Table:
    columns = [str(c).strip() for c in frame.columns]
    if any(c.startswith("Unnamed:") for c in columns) and not all(
        c.startswith("Unnamed:") for c in columns
    ):
        pass  # blank header cells are reported by the loader as unknown columns
    frame.columns = columns
    rows: list[tuple[int, dict[str, Any]]] = []
    for offset, record in enumerate(frame.to_dict(orient="records")):
        cells = {str(k): _cell(v) for k, v in record.items()}
        if all(v is None or v == "" for v in cells.values()):
            continue  # blank lines in a spreadsheet are not records
        rows.append((header_row + 1 + offset, cells))
    return Table(path, columns, rows, sheet)


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
