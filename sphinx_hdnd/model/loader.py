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
from .dataset import Dataset
from .layout import FILES, WORKBOOK, FileSpec
from .legacy_fonts import legacy_message
from .numbers import NumberStyle, resolve_style, style_of
from .origin import Origin
from .problems import ProblemLog
from .records import Record, Topic
from .tables import Table, TableProblem, decode_text, read_bytes, read_csv
from .workbook import copy_of, read_xlsx, sheet_states
from .yamlio import YamlDocument, YamlProblem, read_yaml

#: the dataset's attribute for each file whose name is not the attribute's
_ATTRIBUTES = {"editorial": "choices"}

_FILE_NAMES = frozenset(spec.name for spec in FILES)

#: tables that are empty until the office has something to say (a new project's sheet)
MAY_BE_EMPTY = {"editorial", "petition_history", "meetings"}

R = TypeVar("R", bound=Record)

#: a whole number with three zero decimals, in each style: "5,000" in a Vietnamese file
_THOUSANDS_LIKE = {NumberStyle.VI: re.compile(r"^([+-]?[1-9]\d{0,2}),000$"),
                   NumberStyle.PLAIN: re.compile(r"^([+-]?[1-9]\d{0,2})\.000$")}

#: YAML keys whose mapping values are plain data, not records
_PLAIN_MAPPINGS = {"weights", "number_styles", "petition_deadline_days"}


# ------------------------------------------------------------------ errors


def _numeric_fields(model: type[BaseModel]) -> set[str]:
    numeric = {F._to_decimal, F._to_int}
    return {name for name, info in model.model_fields.items()
            if F.converter(info) in numeric}


@functools.cache
def _records_of(model: type[R]) -> TypeAdapter[list[R]]:
    """Validates a whole table at once: one call into pydantic instead of one per row."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _required_fields(model: type[BaseModel]) -> set[str]:
    return {n for n, f in model.model_fields.items() if f.is_required() and n != "origin"}


_ERROR_CODES = {
    "missing": "HD112",
    "hdnd_number": "HD120",
    "hdnd_ambiguous": "HD121",
    "hdnd_mixed": "HD122",
    "hdnd_code": "HD115",
    "enum": "HD114",
    "extra_forbidden": "HD107",
}

_TYPE_WORDS = {
    "dict_type": "cần một mục gồm các trường (tên: giá trị)",
    "model_type": "cần một mục gồm các trường (tên: giá trị)",
    "model_attributes_type": "cần một mục gồm các trường (tên: giá trị)",
    "list_type": "cần một danh sách (các dòng bắt đầu bằng “- ”)",
    "decimal_parsing": "cần một số",
    "decimal_type": "cần một số",
    "string_type": "cần một đoạn văn bản",
}


def _message(err: Any) -> str:
    kind = err["type"]
    if kind == "missing":
        return "thiếu giá trị bắt buộc"
    if kind == "enum":
        # pydantic says "'a', 'b' or 'c'": the allowed values, in the office's words
        allowed = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        listed = (", ".join(allowed[:-1]) + " hoặc " + allowed[-1]) if len(allowed) > 1 \
            else "".join(allowed)
        return f"“{err.get('input')}” không thuộc các giá trị cho phép: {listed}"
    if kind == "extra_forbidden":
        return f"trường “{err['loc'][-1]}” không có trong mẫu dữ liệu"
    if kind.startswith("hdnd_"):
        return str(err["msg"])
    return _TYPE_WORDS.get(kind, f"giá trị không hợp lệ ({err['msg']})")


def _report(log: ProblemLog, exc: ValidationError, where: Any) -> None:
    """``where(loc)`` gives the Origin of an error location."""
    for err in exc.errors():
        loc = tuple(err["loc"])
        code = _ERROR_CODES.get(err["type"], "HD113")
        log.add(code, where(loc), _message(err))


# ------------------------------------------------------------------ YAML


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


def _yaml_loc_origin(doc: YamlDocument, file: str, loc: tuple[Any, ...]) -> Origin:
    path = tuple(p for p in loc if isinstance(p, str | int))
    column = next((p for p in reversed(loc) if isinstance(p, str)), None)
    return Origin(file, line=doc.line_of(path), column=column)


class _Loader:
    def __init__(self, root: Path) -> None:
        self.ds = Dataset(root=root)
        self.log = self.ds.problems
        self.workbook = root / WORKBOOK
        self.workbook_sheets: list[str] = []
        self.hidden_sheets: list[str] = []
        self._relpaths: dict[Path, str] = {}
        if self.workbook.is_file() and self.inside(self.workbook, WORKBOOK):
            try:
                states = sheet_states(self.workbook)
            except TableProblem as exc:
                self.log.add(exc.code, Origin(self.ds.relpath(self.workbook)), exc.message)
            else:
                self.workbook_sheets = [t for t, shown in states.items() if shown]
                self.hidden_sheets = [t for t, shown in states.items() if not shown]
                self.note_copied_sheets(states)

    # -- files

    def note_copied_sheets(self, states: dict[str, bool]) -> None:
        """A copy of a table's sheet ("petitions (2)") is never read: say so, as a clerk
        who pasted this session's rows into the copy expects them on the site."""
        for title in states:
            original = copy_of(title)
            if original is not None and original in _FILE_NAMES:
                self.log.add("HD198", Origin(self.ds.relpath(self.workbook), sheet=title),
                             f"trang tính “{title}” là bản sao của “{original}” và không được "
                             f"đọc; chép các dòng cần dùng sang trang “{original}” rồi xóa "
                             "trang này")

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
        self.log.add("HD100", Origin(self.ds.relpath(path)),
                     f"tệp là liên kết tới {target}, nằm ngoài thư mục dữ liệu; chép tệp vào "
                     "thư mục dữ liệu thay cho liên kết")
        return False

    def read_yaml_file(self, name: str, required: bool) -> tuple[Any, YamlDocument, str] | None:
        path = self.find(name, (".yaml", ".yml"))
        if path is None:
            if required and name not in self.ds.failed:
                self.ds.failed.add(name)
                self.log.add("HD101", Origin(self.ds.relpath(self.ds.root / f"{name}.yaml")),
                             f"không tìm thấy tệp {name}.yaml trong thư mục dữ liệu")
            return None
        self.ds.files[name] = path
        rel = self.ds.relpath(path)
        try:
            raw = read_bytes(path)
            text = decode_text(raw)
            doc = read_yaml(text)
        except TableProblem as exc:
            self.ds.failed.add(name)
            self.log.add(exc.code, Origin(rel, line=exc.row), exc.message)
            return None
        except YamlProblem as exc:
            self.ds.failed.add(name)
            self.log.add(exc.code, Origin(rel, line=exc.line), exc.message)
            return None
        for path, kind in doc.legacy:
            column = next((str(p) for p in reversed(path) if isinstance(p, str)), None)
            self.log.add("HD190", Origin(rel, line=doc.line_of(path), column=column),
                         legacy_message(kind))
        if doc.data is None:
            self.ds.failed.add(name)
            self.log.add("HD103", Origin(rel), "tệp YAML rỗng")
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
            self.log.add("HD108", Origin(self.ds.relpath(used)),
                         f"bảng {name} có ở {used.name} và ở {', '.join(others)}: dùng "
                         f"{used.name}, bỏ qua {', '.join(others)}")

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
                table = read_xlsx(self.workbook, sheet=name)
            elif name in self.hidden_sheets:
                if required:
                    self.ds.failed.add(name)
                self.log.add("HD101" if required else "HD197",
                             Origin(self.ds.relpath(self.workbook), sheet=name),
                             f"trang tính “{name}” trong {WORKBOOK} bị ẩn nên không được đọc; "
                             "bỏ ẩn trang (chuột phải vào tên trang, chọn Unhide)")
                return None
            else:
                if required and name not in self.ds.failed:
                    self.ds.failed.add(name)
                    self.log.add("HD101", Origin(self.ds.relpath(self.ds.root / f"{name}.csv")),
                                 f"không tìm thấy bảng {name} (.csv, .xlsx hoặc trang tính "
                                 f"trong {WORKBOOK})")
                return None
        except TableProblem as exc:
            self.ds.failed.add(name)
            where = self.ds.files.get(name, self.ds.root / f"{name}.csv")
            self.log.add(exc.code, Origin(self.ds.relpath(where), row=exc.row), exc.message)
            return None
        for note in table.notes:
            self.log.add(note.code, self._origin(table, row=note.row, column=note.column),
                         note.message)
        for (row, column), kind in table.legacy_cells.items():
            self.log.add("HD190", self._origin(table, row=row, column=column),
                         legacy_message(kind))
        if not table.rows and name not in MAY_BE_EMPTY:
            self.log.add("HD103", self._origin(table), "bảng chỉ có dòng tiêu đề, chưa có dữ liệu")
        return table

    def _origin(self, table: Table, row: int | None = None, column: str | None = None) -> Origin:
        # one relative path per table, not per row (Path.relative_to is slow at 100,000 rows)
        rel = self._relpaths.get(table.path)
        if rel is None:
            rel = self._relpaths[table.path] = self.ds.relpath(table.path)
        return Origin(rel, row=row, column=column, sheet=table.sheet
                      if table.path.name == WORKBOOK else None)

    # -- records

    def yaml_record(self, model: type[R], data: Any, doc: YamlDocument, rel: str,
                    path: tuple[Any, ...] = (), context: dict[str, Any] | None = None) -> R | None:
        try:
            return model.model_validate(data, context=context)
        except ValidationError as exc:
            _report(self.log, exc, lambda loc: _yaml_loc_origin(doc, rel, (*path, *loc)))
            return None

    def yaml_list(self, model: type[R], name: str, required: bool) -> list[R]:
        got = self.read_yaml_file(name, required)
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
            self.log.add("HD107", Origin(rel, line=1),
                         "cần một danh sách các mục (dòng bắt đầu bằng “- ”)")
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
            style = _style_or_auto(declared or prov.number_style)
        return {"number_style": style}

    def table_records(self, model: type[R], name: str, required: bool) -> list[R]:
        table = self.read_table(name, required)
        if table is None:
            return []
        known = set(model.model_fields) - {"origin"}
        for column in table.columns:
            if column in table.header_notes:  # a blank or repeated header cell
                shown, why = table.header_notes[column]
                self.log.add("HD111", self._origin(table, row=1, column=shown), why)
            elif column not in known:
                self.log.add("HD111", self._origin(table, row=1, column=column),
                             f"cột “{column}” không thuộc bảng {name}; các cột hợp lệ: "
                             + ", ".join(sorted(known)))
        missing = sorted(_required_fields(model) - set(table.columns))
        for column in missing:
            self.log.add("HD110", self._origin(table, row=1, column=column),
                         f"bảng {name} thiếu cột bắt buộc “{column}”")
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
        for (row, column), why in sorted(table.bad_cells.items()):
            if column in known:
                self.log.add("HD120" if column in numeric else "HD113",
                             self._origin(table, row=row, column=column), why)
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
        where = self._origin(table)  # the table's file and sheet, then each row's number
        for item, (row, _) in zip(data, rows, strict=True):
            item["origin"] = Origin(where.file, row, sheet=where.sheet)
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
            return self._origin(table, row=rows[index][0],
                                column=str(field_loc[0]) if field_loc else None)

        _report(self.log, exc, where)
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
                    self.log.add("HD194", self._origin(table, row=row, column=column),
                                 f"“{text}” đọc là {whole} ({mark} là dấu thập phân theo kiểu "
                                 f"ghi số của tệp); nếu là {whole * 1000} thì ghi {whole * 1000}")

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
            self.log.add("HD122", self._origin(table, row=row, column=column),
                         f"bảng {name} trộn hai kiểu ghi số: {reason}")
            return NumberStyle.AUTO
        return style

    def keyed(self, records: list[R]) -> dict[str, R]:
        out: dict[str, R] = {}
        for rec in records:
            code = rec.code  # type: ignore[attr-defined]
            if code in out:
                first = out[code].origin
                self.log.add("HD130", rec.origin.with_column("code"),
                             f"mã “{code}” đã dùng ở {first}")
                continue
            out[code] = rec
        return out

    # -- the whole folder

    def load(self) -> Dataset:
        for spec in FILES:
            self.load_file(spec)
        return self.ds

    def load_file(self, spec: FileSpec) -> None:
        """Read one file of the layout into its attribute of the dataset."""
        ds, name = self.ds, spec.name
        if name == "topics" and not self.find(name, (".yaml", ".yml")):
            ds.default_topics = True
            ds.topics = default_topics()
            return
        attribute = _ATTRIBUTES.get(name, name)
        if not spec.tabular and not spec.yaml_list:
            got = self.read_yaml_file(name, spec.required)
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


def _style_or_auto(value: str) -> NumberStyle:
    try:
        return NumberStyle(value)
    except ValueError:
        return NumberStyle.AUTO


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
