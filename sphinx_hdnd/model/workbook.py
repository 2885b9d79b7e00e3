"""Reading XLSX sheets into tables, as the clerk sees them in Excel.

openpyxl opens the workbook once in full mode, which knows what a table of cells
does not: merged ranges, hidden rows and sheets, each cell's number format. So:

* a number is read at the precision its cell shows: ``55,82`` in a cell formatted
  ``0.00`` is 55.82, whatever binary float Excel stored (55.81947241368134);
  a percentage cell (``0.00%``) holds 0.5582 and shows 55,82%: it reads 55.82.
  A "General" cell shows what it holds: float noise past 15 digits is dropped,
  and a value with more than :data:`MAX_GENERAL_DECIMALS` decimals is reported;
* a range merged down a data column gives its value to every row it covers;
* hidden rows are read, and said; hidden sheets are not read, and said;
* columns past the last named one that hold nothing (Excel keeps formatted empty
  columns) are not columns at all.

Cells are not interpreted further here: the record fields decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from .problems import render
from .tables import MAX_BYTES, Table, TableProblem, _from_rows, column_letter, read_bytes

#: more decimals than this in a "General" cell is most likely a formula's raw result
MAX_GENERAL_DECIMALS = 6
_DECIMALS = re.compile(r"\.([0#?]+)")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
#: Excel's own name for a copied sheet, "petitions (2)"
_COPY = re.compile(r"^(.+?)\s*\(\d+\)$")


@dataclass
class Note:
    """Something the clerk should know about a sheet: a catalogue code, where, what."""

    code: str
    row: int | None
    column: str | None
    message: str
    data: dict[str, str]

    @classmethod
    def of(cls, code: str, row: int | None, column: str | None, case: str = "", /,
           **data: object) -> Note:
        """A note in the catalogue's words."""
        return cls(code, row, column, *render(code, case, **data))


def _open(path: Path, read_only: bool = False, data_only: bool = True) -> Any:
    raw_head = read_bytes(path)[:8]
    if raw_head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise TableProblem("HD100", "xls")
    if raw_head[:4] != b"PK\x03\x04":
        raise TableProblem("HD100", "not-xlsx")
    if path.stat().st_size > MAX_BYTES:
        raise TableProblem("HD100", "too-big", limit=MAX_BYTES // 1024 // 1024)
    # a damaged workbook can fail anywhere inside openpyxl (zip, XML, styles):
    # whatever the cause, it is one located problem with the file, never a traceback
    try:
        import openpyxl

        return openpyxl.load_workbook(path, read_only=read_only, data_only=data_only)
    except Exception as exc:
        raise TableProblem("HD100", "excel-unreadable", reason=exc) from None


def copy_of(title: str) -> str | None:
    """The sheet a title names a copy of ("petitions (2)" -> "petitions"), or None."""
    m = _COPY.match(title.strip())
    return m.group(1) if m else None


class Workbook:
    """An ``.xlsx`` file whose sheets are read: opened once for what its cells show (full
    mode: formats, merged ranges, hidden rows), once read-only for its sheets' states and
    cells, once for its formulas (openpyxl reads a formula or its result, never both),
    however many of its sheets are read. Close it when done (``with``).

    A file that does not open is a :class:`TableProblem` at each use, as each table
    read from it is."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._books: dict[tuple[bool, bool], Any] = {}

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for book in self._books.values():
            book.close()
        self._books.clear()

    def _book(self, read_only: bool = False, data_only: bool = True) -> Any:
        key = (read_only, data_only)
        if key not in self._books:
            self._books[key] = _open(self.path, read_only=read_only, data_only=data_only)
        return self._books[key]

    def sheet_states(self) -> dict[str, bool]:
        """Each sheet -> whether it is visible; raises :class:`TableProblem`."""
        return {ws.title: ws.sheet_state == "visible"
                for ws in self._book(read_only=True).worksheets}

    def table(self, sheet: str | None = None) -> Table:
        """One sheet (the named one, or the first visible one) as a table, with its notes."""
        book = self._book()
        states = {ws.title: ws.sheet_state == "visible" for ws in book.worksheets}
        notes: list[Note] = []
        if sheet is None:
            visible = [t for t, shown in states.items() if shown]
            if not visible:
                raise TableProblem("HD100", "no-visible-sheet")
            sheet = visible[0]
            notes += [Note.of("HD197", None, None, "other-sheet", sheet=t, read=sheet)
                      for t, shown in states.items() if not shown]
        elif sheet not in states:
            raise TableProblem("HD101", "no-sheet", sheet=sheet)
        try:
            table, sheet_notes = _sheet_table(self.path, book[sheet])
        except TableProblem:
            raise
        except Exception as exc:  # see _open: damaged workbooks
            raise TableProblem("HD100", "sheet-unreadable", sheet=sheet, reason=exc) from None
        table.notes = [*notes, *sheet_notes]
        table.bad_cells = self._valueless_cells(sheet, table.columns)
        table.find_legacy_cells()
        return table

    def _valueless_cells(self, sheet: str,
                         columns: list[str]) -> dict[tuple[int, str], tuple[str, dict[str, object]]]:
        """Cells that read as empty although they are not: formulas without a saved result
        (openpyxl and many export tools write them so) and Excel errors (#DIV/0!, #REF!)."""
        out: dict[tuple[int, str], tuple[str, dict[str, object]]] = {}
        try:
            values = self._book(read_only=True)
            formulas = self._book(read_only=True, data_only=False)
        except TableProblem:  # already opened once for the table: nothing more to learn
            return out
        value_rows = values[sheet].iter_rows(min_row=2, min_col=1, max_col=len(columns))
        formula_rows = formulas[sheet].iter_rows(min_row=2, min_col=1, max_col=len(columns))
        for row, (vrow, frow) in enumerate(zip(value_rows, formula_rows, strict=False), 2):
            for column, vcell, fcell in zip(columns, vrow, frow, strict=False):
                if getattr(vcell, "data_type", None) == "e":
                    out[(row, column)] = ("excel-error", {"error": vcell.value})
                    continue
                formula = getattr(fcell.value, "text", fcell.value)
                if vcell.value is None and isinstance(formula, str) and formula.startswith("="):
                    out[(row, column)] = ("no-result", {"formula": formula})
        return out


def read_xlsx(path: Path, sheet: str | None = None) -> Table:
    """One sheet of a workbook read for it alone (see :meth:`Workbook.table`)."""
    with Workbook(path) as book:
        return book.table(sheet)


def _sheet_table(path: Path, ws: Any) -> tuple[Table, list[Note]]:
    notes: list[Note] = []
    grid = [list(row) for row in ws.iter_rows()]
    width = max((len(r) for r in grid), default=0)
    values = [[_shown(c, notes) for c in row] + [""] * (width - len(row)) for row in grid]
    _fill_merged(ws, values, notes)
    header = [str(v).strip() if v != "" else "" for v in (values[0] if values else [])]
    # Excel keeps formatted empty columns: a column with no name and no value is none
    while header and not header[-1] and all(len(r) < len(header) or r[len(header) - 1] == ""
                                            for r in values[1:]):
        header.pop()
    keep = len(header)
    for note in notes:  # a cell's note knew its column's number, not its name
        if note.column and note.column.startswith("#"):
            index = int(note.column[1:]) - 1
            note.column = header[index] if index < keep and header[index] \
                else column_letter(index)
    for r in range(2, len(values) + 1):
        dims = ws.row_dimensions.get(r) if hasattr(ws.row_dimensions, "get") else None
        if dims is not None and dims.hidden and any(v != "" for v in values[r - 1][:keep]):
            notes.append(Note.of("HD197", r, None, "hidden-row", row=r))
    rows = ([v.strip() if isinstance(v, str) else v for v in row[:keep]] for row in values[1:])
    return _from_rows(path, header, rows, header_row=1, sheet=ws.title), notes


def _fill_merged(ws: Any, values: list[list[Any]], notes: list[Note]) -> None:
    """A range merged down the data rows holds its value in its first cell only: every
    row it covers gets that value (the clerk merged them to say so)."""
    for rng in ws.merged_cells.ranges:
        if rng.max_row < 2 or rng.min_row < 2:
            continue  # a merged title or header: the header check speaks of it
        top = values[rng.min_row - 1][rng.min_col - 1]
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                values[r - 1][c - 1] = top
        if rng.max_row > rng.min_row and top != "":
            name = str(values[0][rng.min_col - 1] or column_letter(rng.min_col - 1))
            notes.append(Note.of("HD196", rng.min_row, name, cells=rng.coord, value=top,
                                 rows=rng.max_row - rng.min_row + 1))


def _shown(cell: Any, notes: list[Note]) -> Any:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, float | int):
        return value  # dates and times keep their type
    fmt = (cell.number_format or "General").split(";")[0]
    plain = _QUOTED.sub("", fmt)
    percent = "%" in plain
    number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    if percent:
        number = number.scaleb(2)
    if "E" in plain.upper() or plain.strip().lower() == "general" or not re.search(r"[0#?]",
                                                                                   plain):
        if isinstance(value, float):
            number = Decimal(f"{float(number):.15g}")  # Excel keeps 15 significant digits
            exponent = number.as_tuple().exponent  # an int: the number is finite
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            if places > MAX_GENERAL_DECIMALS:
                notes.append(Note.of("HD199", cell.row, f"#{cell.column}", cell=cell.coordinate,
                                     places=places, number=number))
        return number
    m = _DECIMALS.search(plain)
    places = len(m.group(1)) if m else 0
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
