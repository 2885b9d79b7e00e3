"""The review table as a file: Excel (.xlsx) for the clerk, or CSV; and read back."""

from __future__ import annotations

import csv
from pathlib import Path

#: column widths in the workbook (characters); the rest get 12
_WIDTHS = {
    "name": 48,
    "quote": 80,
    "note": 24,
    "source_section": 22,
    "period": 16,
    "code": 30,
    "compare": 14,
    "differences": 30,
}


def write_table(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:  # Excel reads the BOM
            writer = csv.DictWriter(f, columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = "de_xuat"
    ws.append(columns)
    for row in rows:
        ws.append([row.get(c, "") for c in columns])  # text as written: "14.955,28"
    for i, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(col, 12)
        ws.cell(1, i).font = Font(bold=True)
    accept = columns.index("accept") + 1
    fill = PatternFill("solid", fgColor="FFF2CC")
    for r in range(2, len(rows) + 2):
        ws.cell(r, accept).fill = fill
        ws.cell(r, columns.index("quote") + 1).alignment = Alignment(wrap_text=False)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    book.save(path)


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a review table (every cell as text; empty cells as "")."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(f)]
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    ws = book.worksheets[0]
    cells = ws.iter_rows(values_only=True)
    header = [str(c or "") for c in next(cells, ())]
    rows = []
    for values in cells:
        if all(v in (None, "") for v in values):
            continue
        rows.append({h: _text(v) for h, v in zip(header, values, strict=False) if h})
    book.close()
    return rows


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
