"""Filled meeting forms back into the petitions table: checked, coded, duplicates flagged.

``plan_import`` reads forms and says what it would add, never writing; ``write_import``
appends the new rows to the petitions table wherever it lives (CSV, its own XLSX, or a
sheet of ``hdnd.xlsx``) after a backup, never rewriting a row a person wrote. Codes
come from the form (area, date, row), so importing a form twice adds nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .meeting_form import FACTS_SHEET, SAYINGS_SHEET, VoterSaying
from .model.dataset import Dataset
from .model.records import Petition, PetitionStatus
from .model.validation_errors import field_errors
from .schema import fields_of

#: a text this close to an existing petition of the same area is flagged, not added
SIMILAR = 0.6


@dataclass(frozen=True)
class FormProblem:
    file: str
    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file, f"trang tính {self.sheet}"] if self.sheet else [self.file]
        if self.row:
            where.append(f"dòng {self.row}")
        if self.column:
            where.append(f"cột {self.column}")
        return ", ".join(where) + f": {self.message}"


@dataclass
class ImportPlan:
    new: list[dict[str, Any]] = field(default_factory=list)
    present: list[str] = field(default_factory=list)  # codes already in the table
    flagged: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # (row, like)
    problems: list[FormProblem] = field(default_factory=list)


def _facts(ws: Any) -> dict[str, Any]:
    return {r[0]: r[1] for r in ws.iter_rows(min_row=1, max_col=2, values_only=True) if r[0]}


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
            try:
                return dt.datetime.strptime(value.strip(), fmt).date()
            except ValueError:
                continue
    return None


def plan_import(ds: Dataset, forms: list[Path]) -> ImportPlan:
    from openpyxl import load_workbook

    plan = ImportPlan()
    existing = {p.code: p for p in ds.petitions}
    columns = [f.name for f in fields_of(VoterSaying)]
    current = ds.session.code if ds.session is not None else ""
    for path in forms:
        name = path.name

        def problem(message: str, sheet: str = "", row: int | None = None,
                    column: str | None = None, _name: str = name) -> None:
            plan.problems.append(FormProblem(_name, sheet, row, column, message))

        try:
            book = load_workbook(path)  # formulas kept as formulas: reported below
        except Exception:  # not an xlsx at all, or a broken one: one clear line
            problem("không đọc được tệp Excel (.xlsx) này; tạo phiếu bằng hdnd meeting-form")
            continue
        if FACTS_SHEET not in book.sheetnames or SAYINGS_SHEET not in book.sheetnames:
            problem(f"không phải phiếu tiếp xúc cử tri: cần các trang tính {FACTS_SHEET} và "
                    f"{SAYINGS_SHEET} (tạo phiếu bằng hdnd meeting-form)")
            continue
        facts = _facts(book[FACTS_SHEET])
        session = str(facts.get("Mã kỳ họp") or "")
        area = str(facts.get("Mã địa bàn") or "")
        audience = str(facts.get("Mã đối tượng") or "") or None
        day = _date(facts.get("Ngày tiếp xúc"))
        before = len(plan.problems)
        if session != current:
            problem(f"phiếu của kỳ họp “{session}”, không phải kỳ họp này ({current})",
                    FACTS_SHEET, column="Mã kỳ họp")
        if area not in ds.areas:
            problem(f"địa bàn “{area}” không có trong dữ liệu của dự án này", FACTS_SHEET,
                    column="Mã địa bàn")
        if audience is not None and audience not in ds.audiences:
            problem(f"đối tượng “{audience}” không có trong dữ liệu", FACTS_SHEET,
                    column="Mã đối tượng")
        if day is None:
            problem("ngày tiếp xúc cần ghi dạng dd/mm/yyyy", FACTS_SHEET,
                    column="Ngày tiếp xúc")
        ws = book[SAYINGS_SHEET]
        header = [c.value for c in ws[1]]
        if header[:len(columns)] != columns:
            problem("dòng tên cột đã bị sửa: cần " + ", ".join(columns), SAYINGS_SHEET, 1)
        for merged in ws.merged_cells.ranges:
            problem(f"ô gộp {merged.coord}: bỏ gộp ô, mỗi ô một giá trị", SAYINGS_SHEET,
                    merged.min_row)
        if len(plan.problems) > before:
            continue
        rows = 0
        for cells in ws.iter_rows(min_row=2, max_col=len(columns)):
            r = cells[0].row
            values = {}
            for col, cell in zip(columns, cells, strict=True):
                if cell.data_type == "f":
                    problem("ô chứa công thức: ghi giá trị", SAYINGS_SHEET, r, col)
                values[col] = cell.value
            if all(v is None or str(v).strip() == "" for v in values.values()):
                continue
            rows += 1
            try:
                saying = VoterSaying.model_validate(
                    {k: v for k, v in values.items() if v is not None})
            except ValidationError as exc:
                for err in field_errors(exc):
                    where = str(err["loc"][0]) if err["loc"] else None
                    got = values.get(where or "")
                    problem(_message(err) + (f" (nhận “{got}”)" if got is not None else ""),
                            SAYINGS_SHEET, r, where)
                continue
            for topic in saying.topics:
                if topic not in ds.topics:
                    problem(f"lĩnh vực “{topic}” không có trong danh mục: chọn trong danh "
                            "sách thả xuống", SAYINGS_SHEET, r, "topics")
            if any(p.row == r and p.file == name for p in plan.problems):
                continue
            assert day is not None
            code = f"kn_{area.replace('-', '_')}_{day:%Y%m%d}_{r - 1:02d}"
            row = {"code": code, "area": area, "audience": audience or "",
                   "topics": "; ".join(saying.topics), "committee": saying.committee,
                   "text": saying.text, "status": PetitionStatus.PENDING.value,
                   "received_session": current, "kind": saying.kind.value,
                   "raised_date": f"{day:%d/%m/%Y}",
                   "level": saying.level.value if saying.level else "",
                   "delegation": str(facts.get("Đại biểu dự") or "")}
            if code in existing:
                plan.present.append(code)
                continue
            like = _similar(ds, area, saying.text)
            if like is not None:
                plan.flagged.append((row, like.code))
            else:
                plan.new.append(row)
        if rows == 0:
            problem("phiếu chưa có ý kiến, kiến nghị nào", SAYINGS_SHEET)
    return plan


def _message(err: Any) -> str:
    """pydantic's own messages are English: say what was expected, in Vietnamese."""
    if err["type"] == "missing":
        return "thiếu giá trị"
    if err["type"] == "enum":
        return "cần một trong: " + str(err.get("ctx", {}).get("expected", "")).replace("'", "")
    return str(err["msg"])  # our own validators speak Vietnamese (fields.py)


def _similar(ds: Dataset, area: str, text: str) -> Petition | None:
    best, score = None, SIMILAR
    for pet in ds.petitions:
        if pet.area != area:
            continue
        ratio = difflib.SequenceMatcher(None, pet.text.casefold(), text.casefold()).ratio()
        if ratio >= score:
            best, score = pet, ratio
    return best


def write_import(ds: Dataset, rows: list[dict[str, Any]], stamp: str) -> tuple[Path, Path]:
    """Append ``rows`` to the petitions table; returns (the table, its backup)."""
    return append_rows(ds, "petitions", rows, stamp)


def append_rows(ds: Dataset, table: str, rows: list[dict[str, Any]],
                stamp: str) -> tuple[Path, Path]:
    """Append ``rows`` to ``table`` wherever it lives (its CSV, its own XLSX or a sheet of
    a workbook) after copying the file to ``<file>.<stamp>.bak``; no row is rewritten.
    Returns (the table's file, its backup)."""
    path = ds.files.get(table) or ds.root / f"{table}.csv"
    backup = path.with_name(f"{path.name}.{stamp}.bak")
    if path.exists():
        shutil.copy2(path, backup)
    if path.suffix == ".csv":
        _append_csv(path, rows)
    else:
        _append_sheet(path, rows, table)
    return path, backup


def _append_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    header = next(csv.reader(io.StringIO(text)), []) if text else []
    missing = [k for k in rows[0] if k not in header] if rows else []
    if missing:  # new optional columns: the header grows, every old row keeps its cells
        table = list(csv.reader(io.StringIO(text))) if text else [[]]
        header = [*table[0], *missing]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for old in table[1:]:
            writer.writerow([*old, *([""] * (len(header) - len(old)))])
        text = out.getvalue()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([row.get(k, "") for k in header])
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + out.getvalue(), encoding="utf-8")


def _append_sheet(path: Path, rows: list[dict[str, Any]], table: str = "petitions") -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    ws = book[table] if table in book.sheetnames else book.active
    header = [c.value for c in ws[1]]
    for key in (k for k in (rows[0] if rows else {}) if k not in header):
        ws.cell(row=1, column=len(header) + 1, value=key)
        header.append(key)
    for row in rows:
        ws.append([row.get(k, "") if k else None for k in header])
    book.save(path)
