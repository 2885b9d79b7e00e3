"""The files of a data folder: found, refused when they point outside it, read.

A table is a ``.csv`` or ``.xlsx`` file of its name, or else a sheet of that
name in ``hdnd.xlsx``; a YAML file is ``.yaml`` or ``.yml``. Every problem with
a file as a whole (missing, a link outside the folder, unreadable, empty,
hidden or copied sheets, a table in two places) is reported here; what is
wrong inside a record is the loader's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .dataset import Dataset
from .layout import FILES, WORKBOOK
from .legacy_fonts import legacy_font_data
from .origin import Origin
from .tables import Table, TableProblem, decode_text, read_bytes, read_csv
from .workbook import Workbook, copy_of, read_xlsx
from .yamlio import YamlDocument, YamlProblem, read_yaml

#: tables that are empty until the office has something to say (a new project's sheet)
MAY_BE_EMPTY = {"editorial", "petition_history", "meetings"}

_FILE_NAMES = frozenset(spec.name for spec in FILES)

#: YAML keys whose mapping values are plain data, not records
_PLAIN_MAPPINGS = {"weights", "number_styles", "petition_deadline_days"}


def _with_origins(data: Any, doc: YamlDocument, file: str, path: tuple[Any, ...] = ()) -> Any:
    """Give every YAML mapping that is a record its origin (file and line)."""
    if isinstance(data, dict):
        out = {
            k: (v if k in _PLAIN_MAPPINGS else _with_origins(v, doc, file, (*path, k)))
            for k, v in data.items()
        }
        out["origin"] = Origin(file, line=doc.line_of(path),
                               field_lines=_field_lines(data, doc, path))
        return out
    if isinstance(data, list):
        return [_with_origins(v, doc, file, (*path, i)) for i, v in enumerate(data)]
    return data


def _field_lines(data: dict[str, Any], doc: YamlDocument,
                 path: tuple[Any, ...]) -> tuple[tuple[str, int], ...]:
    """The line of each key of a record (``weights.kinh-te`` inside plain mappings)."""
    out: list[tuple[str, int]] = []
    for k, v in data.items():
        if (line := doc.lines.get((*path, k))) is not None:
            out.append((k, line))
        if k in _PLAIN_MAPPINGS and isinstance(v, dict):
            for sub in v:
                if (line := doc.lines.get((*path, k, sub))) is not None:
                    out.append((f"{k}.{sub}", line))
    return tuple(out)


class DataFolder:
    """Finds and reads the files of ``ds.root``, noting in ``ds`` which were read
    (``files``), which failed (``failed``) and every problem with a file."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.log = self.ds.problems
        self.workbook = ds.root / WORKBOOK
        self.book = Workbook(self.workbook)  # its sheets are tables: opened once for all
        self.workbook_sheets: list[str] = []
        self.hidden_sheets: list[str] = []
        self._relpaths: dict[Path, str] = {}
        if self.workbook.is_file() and self.inside(self.workbook, WORKBOOK):
            try:
                states = self.book.sheet_states()
            except TableProblem as exc:
                self.log.add(exc.code, Origin(self.ds.relpath(self.workbook)), exc.message, exc.data)
            else:
                self.workbook_sheets = [t for t, shown in states.items() if shown]
                self.hidden_sheets = [t for t, shown in states.items() if not shown]
                self.note_copied_sheets(states)

    def close(self) -> None:
        self.book.close()

    def note_copied_sheets(self, states: dict[str, bool]) -> None:
        """A copy of a table's sheet ("petitions (2)") is never read: say so, as a clerk
        who pasted this session's rows into the copy expects them on the site."""
        for title in states:
            original = copy_of(title)
            if original is not None and original in _FILE_NAMES:
                self.log.report("HD198", Origin(self.ds.relpath(self.workbook), sheet=title),
                                sheet=title, original=original)

    def find(self, name: str, suffixes: tuple[str, ...]) -> Path | None:
        for suffix in suffixes:
            p = self.ds.root / f"{name}{suffix}"
            if p.is_file():
                return p if self.inside(p, name) else None
        return None

    def inside(self, path: Path, name: str) -> bool:
        """A data file that is a link to a file outside the data folder is refused: the
        site would publish whatever it points to (the folder itself may be a link)."""
        target = path.resolve()
        if target.is_relative_to(self.ds.root.resolve()):
            return True
        self.ds.failed.add(name)
        self.log.report("HD100", Origin(self.ds.relpath(path)), "outside", target=target)
        return False

    def read_yaml_file(self, name: str, required: bool) -> tuple[Any, YamlDocument, str] | None:
        path = self.find(name, (".yaml", ".yml"))
        if path is None:
            if required and name not in self.ds.failed:
                self.ds.failed.add(name)
                self.log.report("HD101", Origin(self.ds.relpath(self.ds.root / f"{name}.yaml")),
                                "no-yaml", table=name)
            return None
        self.ds.files[name] = path
        rel = self.ds.relpath(path)
        try:
            raw = read_bytes(path)
            text = decode_text(raw)
            doc = read_yaml(text)
        except TableProblem as exc:
            self.ds.failed.add(name)
            self.log.add(exc.code, Origin(rel, line=exc.row), exc.message, exc.data)
            return None
        except YamlProblem as exc:
            self.ds.failed.add(name)
            self.log.add(exc.code, Origin(rel, line=exc.line), exc.message, exc.data)
            return None
        for key_path, kind in doc.legacy:
            column = next((str(p) for p in reversed(key_path) if isinstance(p, str)), None)
            self.log.report("HD190", Origin(rel, line=doc.line_of(key_path), column=column),
                            **legacy_font_data(kind))
        if doc.data is None:
            self.ds.failed.add(name)
            self.log.report("HD103", Origin(rel), "empty-yaml")
            return None
        return _with_origins(doc.data, doc, rel), doc, rel

    def shadowed(self, name: str, used: Path) -> None:
        """Say so when a table is in two places: only the first is read (a CSV or XLSX file
        of its name before the sheet of hdnd.xlsx), and staff may be editing the other."""
        others = [f"{p.name}" for suffix in (".csv", ".xlsx")
                  if (p := self.ds.root / f"{name}{suffix}").is_file() and p != used]
        if used != self.workbook and name in self.workbook_sheets:
            others.append(f"trang tính {name} trong {WORKBOOK}")
        if others:
            self.log.report("HD108", Origin(self.ds.relpath(used)), table=name, used=used.name,
                            others=", ".join(others))

    def read_table(self, name: str, required: bool) -> Table | None:
        path = self.find(name, (".csv", ".xlsx"))
        if path is not None:
            self.shadowed(name, path)
        try:
            if path is not None:
                self.ds.files[name] = path
                table = read_xlsx(path) if path.suffix == ".xlsx" else read_csv(path)
            elif name in self.workbook_sheets:
                self.ds.files[name] = self.workbook
                table = self.book.table(name)
            elif name in self.hidden_sheets:
                if required:
                    self.ds.failed.add(name)
                self.log.report("HD101" if required else "HD197",
                                Origin(self.ds.relpath(self.workbook), sheet=name), "hidden-sheet",
                                sheet=name, workbook=WORKBOOK)
                return None
            else:
                if required and name not in self.ds.failed:
                    self.ds.failed.add(name)
                    self.log.report("HD101", Origin(self.ds.relpath(self.ds.root / f"{name}.csv")),
                                    "no-table", table=name, workbook=WORKBOOK)
                return None
        except TableProblem as exc:
            self.ds.failed.add(name)
            where = self.ds.files.get(name, self.ds.root / f"{name}.csv")
            self.log.add(exc.code, Origin(self.ds.relpath(where), row=exc.row), exc.message,
                         exc.data)
            return None
        for note in table.notes:
            self.log.add(note.code, self.origin(table, row=note.row, column=note.column),
                         note.message, note.data)
        for (row, column), kind in table.legacy_cells.items():
            self.log.report("HD190", self.origin(table, row=row, column=column),
                            **legacy_font_data(kind))
        if not table.rows and name not in MAY_BE_EMPTY:
            self.log.report("HD103", self.origin(table), "header-only")
        return table

    def origin(self, table: Table, row: int | None = None, column: str | None = None) -> Origin:
        # one relative path per table, not per row (Path.relative_to is slow at 100,000 rows)
        rel = self._relpaths.get(table.path)
        if rel is None:
            rel = self._relpaths[table.path] = self.ds.relpath(table.path)
        return Origin(rel, row=row, column=column, sheet=table.sheet
                      if table.path.name == WORKBOOK else None)
