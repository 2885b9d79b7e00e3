"""Load a province's data folder into a :class:`Dataset`, collecting every problem.

The files, their records and the order they are read in are
:data:`.layout.FILES` (the data reference of the user guide lists them).
Every table may be a ``.csv`` or an ``.xlsx`` file of the same name, or a
sheet of that name in ``hdnd.xlsx``. Loading never raises on bad data and
never writes to the folder.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib.resources
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import fields as F
from .checks import check_dataset
from .data_folder import DataFolder
from .dataset import Dataset
from .layout import FILES, FileSpec
from .numbers import NumberStyle, resolve_style, style_of
from .origin import Origin
from .records import Record, Topic
from .tables import Table
from .validation_errors import report_errors
from .yamlio import YamlDocument, read_yaml

#: the dataset's attribute for each file whose name is not the attribute's
_ATTRIBUTES = {"editorial": "choices"}

R = TypeVar("R", bound=Record)

#: a whole number with three zero decimals, in each style: "5,000" in a Vietnamese file
_THOUSANDS_LIKE = {NumberStyle.VI: re.compile(r"^([+-]?[1-9]\d{0,2}),000$"),
                   NumberStyle.PLAIN: re.compile(r"^([+-]?[1-9]\d{0,2})\.000$")}


def _fields_read_by(model: type[BaseModel], *readers: object) -> set[str]:
    return {name for name, info in model.model_fields.items() if F.converter(info) in readers}


def _numeric_fields(model: type[BaseModel]) -> set[str]:
    return _fields_read_by(model, F._to_decimal, F._to_int)


@functools.cache
def _records_of(model: type[R]) -> TypeAdapter[list[R]]:
    """Validates a whole table at once: one call into pydantic instead of one per row."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _required_fields(model: type[BaseModel]) -> set[str]:
    return {n for n, f in model.model_fields.items() if f.is_required() and n != "origin"}


def _yaml_loc_origin(doc: YamlDocument, file: str, loc: tuple[Any, ...]) -> Origin:
    path = tuple(p for p in loc if isinstance(p, str | int))
    column = next((p for p in reversed(loc) if isinstance(p, str)), None)
    return Origin(file, line=doc.line_of(path), column=column)


class _Loader:
    """Turns the folder's files into records, each problem at its row or line."""

    def __init__(self, root: Path) -> None:
        self.ds = Dataset(root=root)
        self.log = self.ds.problems
        self.folder = DataFolder(self.ds)

    def yaml_record(self, model: type[R], data: Any, doc: YamlDocument, rel: str,
                    path: tuple[Any, ...] = (), context: dict[str, Any] | None = None) -> R | None:
        try:
            return model.model_validate(data, context=context)
        except ValidationError as exc:
            report_errors(self.log, exc, lambda loc: _yaml_loc_origin(doc, rel, (*path, *loc)))
            return None

    def yaml_list(self, model: type[R], name: str, required: bool) -> list[R]:
        got = self.folder.read_yaml_file(name, required)
        if got is None:
            return []
        data, doc, rel = got
        if isinstance(data, dict) and list(data) in ([name, "origin"], ["origin", name]):
            data = data[name]  # "audiences: [...]" as well as a bare list
            prefix: tuple[Any, ...] = (name,)
        else:
            prefix = ()
        if not isinstance(data, list):
            self.ds.failed.add(name)
            self.log.report("HD107", Origin(rel, line=1), "not-a-list")
            return []
        out = []
        for i, item in enumerate(data):
            rec = self.yaml_record(model, item, doc, rel, (*prefix, i), self.context(name))
            if rec is not None:
                out.append(rec)
            elif isinstance(item, dict) and isinstance(item.get("code"), str):
                self.ds.broken_codes.setdefault(name, set()).add(item["code"])
        return out

    def context(self, name: str, suffix: str = ".yaml") -> dict[str, Any]:
        prov = self.ds.province
        style = NumberStyle.AUTO
        if prov is not None:
            declared = prov.number_styles.get(f"{name}{suffix}") or prov.number_styles.get(name)
            style = declared or prov.number_style
        return {"number_style": style}

    def table_records(self, model: type[R], name: str, required: bool) -> list[R]:
        table = self.folder.read_table(name, required)
        if table is None:
            return []
        known = set(model.model_fields) - {"origin"}
        for column in table.columns:
            if column in table.header_notes:  # a blank or repeated header cell
                shown, case, named = table.header_notes[column]
                self.log.report("HD111", self.folder.origin(table, row=1, column=shown), case, **named)
            elif column not in known:
                self.log.report("HD111", self.folder.origin(table, row=1, column=column),
                                "unknown", column=column, table=name, allowed=", ".join(sorted(known)))
        missing = sorted(_required_fields(model) - set(table.columns))
        for column in missing:
            self.log.report("HD110", self.folder.origin(table, row=1, column=column),
                            table=name, column=column)
        if missing:
            self.ds.failed.add(name)
            return []
        style = self.table_style(model, table, name)
        self.warn_thousands_in_integers(model, table, style)
        broken = self.ds.broken_codes.setdefault(name, set())
        # a cell with no value although something is there (a formula without its
        # result, #DIV/0!) is reported and its row left out: never read as empty
        numeric = _numeric_fields(model)
        valueless: set[int] = set()
        for (row, column), (case, values) in sorted(table.bad_cells.items()):
            if column in known:
                self.log.report("HD120" if column in numeric else "HD113",
                                self.folder.origin(table, row=row, column=column), case, **values)
                valueless.add(row)
        rows: list[tuple[int, dict[str, Any]]] = []
        for row, cells in table.rows:
            if row in valueless:
                if isinstance(cells.get("code"), str) and cells["code"]:
                    broken.add(cells["code"])
                continue
            rows.append((row, cells))
        # an empty cell means "not given": the field's default applies (a row with no
        # empty cell and no unknown column, most rows, is taken as it is: the table was
        # read for this call alone, its rows' cells are not read again but for "code")
        only_known = known.issuperset(table.columns)
        data = [cells if only_known and "" not in cells.values()
                else {k: v for k, v in cells.items() if k in known and v != ""}
                for _, cells in rows]
        where = self.folder.origin(table)  # the table's file and sheet, then each row's number
        for item, (row, _) in zip(data, rows, strict=True):
            item["origin"] = Origin(where.file, row, sheet=where.sheet)
        # a number column's texts read before pydantic, which then takes each number
        # natively (fields.NativeFirst); the cells are this call's own, changed in place
        F.read_number_cells(data, _fields_read_by(model, F._to_decimal), style)
        # the whole table in one call; when rows fail, their errors are reported at their
        # rows and the other rows are validated again, without them
        context = {"number_style": style}
        try:
            return _records_of(model).validate_python(data, context=context)
        except ValidationError as exc:
            failed = self._report_rows(exc, table, rows)
        for i in failed:
            code = rows[i][1].get("code")
            if isinstance(code, str) and code:
                broken.add(code)
        good = [item for i, item in enumerate(data) if i not in failed]
        return _records_of(model).validate_python(good, context=context)

    def _report_rows(self, exc: ValidationError, table: Table,
                     rows: list[tuple[int, dict[str, Any]]]) -> set[int]:
        """Report the errors of a whole-table validation, each at its row and column (in
        the order of the rows, as row by row validation gives them); the failed indices."""
        failed: set[int] = set()

        def where(loc: tuple[Any, ...]) -> Origin:
            index, *field_loc = loc
            failed.add(index)
            return self.folder.origin(table, row=rows[index][0],
                                column=str(field_loc[0]) if field_loc else None)

        report_errors(self.log, exc, where)
        return failed

    def warn_thousands_in_integers(self, model: type[BaseModel], table: Table,
                                   style: NumberStyle) -> None:
        """``5,000`` in a count of a Vietnamese-style file reads as 5 (a decimal comma and
        three zeros), though it was most likely meant as five thousand: say so."""
        pattern = _THOUSANDS_LIKE.get(style)
        counts = [n for n, info in model.model_fields.items() if F.converter(info) is F._to_int]
        if pattern is None or not counts:
            return
        mark = "dấu phẩy" if style is NumberStyle.VI else "dấu chấm"
        for row, cells in table.rows:
            for column in counts:
                text = cells.get(column)
                if isinstance(text, str) and (m := pattern.match(text)):
                    whole = int(m.group(1))
                    self.log.report("HD194", self.folder.origin(table, row=row, column=column),
                                    text=text, whole=whole, mark=mark, thousands=whole * 1000)

    def table_style(self, model: type[BaseModel], table: Table, name: str) -> NumberStyle:
        declared = self.context(name, Path(table.path).suffix)["number_style"]
        if declared is not NumberStyle.AUTO:
            return declared  # as resolve_style decides, without listing every cell
        numeric = _numeric_fields(model)
        cells_in_order = [
            (row, c, cells[c]) for row, cells in table.rows for c in table.columns
            if c in numeric and isinstance(cells.get(c), str)
        ]
        style, reason = resolve_style([v for _, _, v in cells_in_order], declared)
        if style is None:
            # the first proving value sets the file's style; point at the first slip
            first = next(s for _, _, v in cells_in_order if (s := style_of(v)) is not None)
            row, column, _ = next(
                cell for cell in cells_in_order if style_of(cell[2]) not in (None, first))
            self.log.report("HD122", self.folder.origin(table, row=row, column=column),
                            table=name, reason=reason)
            return NumberStyle.AUTO
        return style

    def keyed(self, records: list[R]) -> dict[str, R]:
        out: dict[str, R] = {}
        for rec in records:
            code = rec.code  # type: ignore[attr-defined]
            if code in out:
                first = out[code].origin
                self.log.report("HD130", rec.origin.with_column("code"), code=code,
                                first=str(first))
                continue
            out[code] = rec
        return out

    # -- the whole folder

    def load(self) -> Dataset:
        try:
            for spec in FILES:
                self.load_file(spec)
        finally:
            self.folder.close()
        return self.ds

    def load_file(self, spec: FileSpec) -> None:
        """Read one file of the layout into its attribute of the dataset."""
        ds, name = self.ds, spec.name
        if name == "topics" and not self.folder.find(name, (".yaml", ".yml")):
            ds.default_topics = True
            ds.topics = default_topics()
            return
        attribute = _ATTRIBUTES.get(name, name)
        if not spec.tabular and not spec.yaml_list:
            got = self.folder.read_yaml_file(name, spec.required)
            if got:
                data, doc, rel = got
                record = self.yaml_record(spec.record, data, doc, rel, context=self.context(name))
                if record is not None:
                    setattr(ds, attribute, record)
            return
        records = (self.table_records(spec.record, name, spec.required) if spec.tabular
                   else self.yaml_list(spec.record, name, spec.required))
        if isinstance(getattr(ds, attribute), dict):
            setattr(ds, attribute, self.keyed(records))
        elif "code" in spec.record.model_fields:
            setattr(ds, attribute, list(self.keyed(records).values()))
        else:
            setattr(ds, attribute, records)


def default_topics() -> dict[str, Topic]:
    text = importlib.resources.files("sphinx_hdnd.model").joinpath("default_topics.yaml")
    doc = read_yaml(text.read_text(encoding="utf-8"))
    return {t["code"]: Topic.model_validate(t) for t in doc.data}


def load_dataset(root: Path | str) -> Dataset:
    """Read a data folder. Never raises on bad data: see ``Dataset.problems``."""
    with cyclic_gc_paused():
        loader = _Loader(Path(root))
        ds = loader.load()
        check_dataset(ds)
    return ds


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Loading makes millions of small objects (cells, rows, records) that form no
    cycles; Python's cyclic collector would walk all of them again at every full
    collection, a second of the time on 100,000 rows. Paused meanwhile, not turned off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
