"""The drop-down lists of ``hdnd.xlsx``, regenerated from the data (``hdnd update-lists``).

The sheet ``danh-muc`` holds the values the drop-downs of the data sheets offer:
topics, audiences, session codes, the words for yes/no. When the office adds an
audience to ``audiences.yaml`` or a past session to ``session.yaml`` the sheet
is out of date; this module says what differs and, asked to, rewrites that
sheet alone (after a backup), never a data sheet. No Sphinx here.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .model.dataset import Dataset
from .scaffold.workbook import LISTS_SHEET, _lists
from .schema import WORKBOOK

#: the Vietnamese name of each list, for the report
LIST_NAMES = {
    "topics": "lĩnh vực",
    "audiences": "đối tượng cử tri",
    "sessions": "kỳ họp",
    "flags": "có/không",
}


class NoWorkbook(Exception):
    """The data folder has no ``hdnd.xlsx`` (or it cannot be read)."""


@dataclass(frozen=True)
class ListChange:
    name: str  # topics, audiences, sessions, flags
    added: list[str]
    removed: list[str]


def wanted_lists(ds: Dataset) -> dict[str, list[str]]:
    """The lists as the data declares them now."""
    sessions: list[str] = []
    if ds.session is not None:
        sessions = [ds.session.code, *(p.code for p in ds.session.past_sessions)]
    return _lists(list(ds.topics), list(ds.audiences), sessions)


def workbook_path(ds: Dataset) -> Path:
    return ds.root / WORKBOOK


def current_lists(path: Path) -> dict[str, list[str]]:
    """The lists the workbook's sheet holds now (column header -> values)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise NoWorkbook(f"không đọc được {path.name}: {exc}") from exc
    try:
        if LISTS_SHEET not in book.sheetnames:
            return {}
        out: dict[str, list[str]] = {}
        rows = list(book[LISTS_SHEET].iter_rows(values_only=True))
        for column in zip(*rows, strict=False) if rows else ():
            if not column or column[0] is None:
                continue
            out[str(column[0])] = [str(v) for v in column[1:] if v not in (None, "")]
        return out
    finally:
        book.close()


def plan_lists(ds: Dataset) -> list[ListChange]:
    """What differs between the workbook's lists and the data's (empty: up to date)."""
    path = workbook_path(ds)
    if not path.is_file():
        raise NoWorkbook(f"thư mục dữ liệu không có tệp {WORKBOOK}")
    have = current_lists(path)
    changes = []
    for name, values in wanted_lists(ds).items():
        old = have.get(name, [])
        added = [v for v in values if v not in old]
        removed = [v for v in old if v not in values]
        if added or removed or name not in have:
            changes.append(ListChange(name, added, removed))
    return changes


def write_lists(ds: Dataset, stamp: str) -> tuple[Path, Path]:
    """Rewrite the sheet of lists (only it) after a backup; returns (workbook, backup).

    The drop-downs of the data sheets point at whole columns of this sheet (row 2 to
    the last row they cover), so they offer the new values as they are."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font, PatternFill

    path = workbook_path(ds)
    backup = path.with_name(f"{path.name}.{stamp}.bak")
    shutil.copy2(path, backup)
    book = load_workbook(path)
    if LISTS_SHEET in book.sheetnames:
        sheet = book[LISTS_SHEET]
        sheet.delete_rows(1, sheet.max_row)
    else:
        sheet = book.create_sheet(LISTS_SHEET)
    for c, (name, values) in enumerate(wanted_lists(ds).items(), start=1):
        head = sheet.cell(row=1, column=c, value=name)
        head.font = Font(bold=True, color="FFFFFF")
        head.fill = PatternFill("solid", fgColor="1F4E79")
        for r, value in enumerate(values, start=2):
            sheet.cell(row=r, column=c, value=value)
    book.save(path)
    return path, backup


__all__ = ["LIST_NAMES", "ListChange", "NoWorkbook", "plan_lists", "wanted_lists", "write_lists"]
