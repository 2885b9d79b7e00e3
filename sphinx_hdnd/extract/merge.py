"""Accepted candidate rows into the project's indicators table, never over a row.

``plan_merge`` says what would be added and why a row is left out; only rows whose
``accept`` cell is marked (x, có, 1 …) are taken. A row is left out when its code
is already in the table, when the data already has the same indicator (the
comparison of :mod:`.compare`, done again on the data as it is now), or when it
does not make a valid indicator row (a missing topic, an unknown area …). The
source is the ``--source`` given, or the project's only source whose title the
report's first heading matches; the section is the candidate's own.
``write_merge`` appends the rows after a backup (``<file>.<stamp>.bak``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ..model.numbers import NumberStyle
from ..model.records import Indicator
from ..model.validation_errors import field_errors
from .compare import DIFFER, MATCH, differences, find_existing

if TYPE_CHECKING:
    from ..model.dataset import Dataset

ACCEPTED = {"x", "có", "co", "1", "yes", "y", "đồng ý", "nhận", "ok", "v", "✓", "true"}
#: the indicators columns a merged row fills, in the table's order
WRITTEN = [
    "code",
    "name",
    "topic",
    "unit",
    "period",
    "area",
    "value",
    "value_qualifier",
    "estimate",
    "plan",
    "previous",
    "growth",
    "ratio",
    "change_points",
    "plan_pct",
    "note",
    "source",
    "source_section",
]


@dataclass
class MergePlan:
    new: list[dict[str, str]] = field(default_factory=list)
    skipped: list[tuple[dict[str, str], str]] = field(default_factory=list)  # (row, why)


def accepted(row: dict[str, str]) -> bool:
    return row.get("accept", "").strip().casefold() in ACCEPTED


def plan_merge(ds: Dataset, rows: list[dict[str, str]], source: str) -> MergePlan:
    plan = MergePlan()
    taken: set[str] = set()
    for number, row in enumerate(rows, 2):  # the table's row 1 is its header
        if not accepted(row):
            continue
        code = row.get("code", "").strip()
        where = f"dòng {number} ({code or 'chưa có mã'})"
        if not code:
            plan.skipped.append((row, f"{where}: chưa có mã chỉ tiêu (cột code)"))
            continue
        if code in ds.indicators or code in taken:
            plan.skipped.append(
                (row, f"{where}: mã đã có trong bảng chỉ tiêu, không ghi đè; đổi mã nếu là chỉ tiêu khác")
            )
            continue
        full = {k: row.get(k, "") for k in ("name", "unit", "period", "area", "value", "growth", "plan_pct")}
        same = find_existing(full, ds)
        if same is not None:
            state = DIFFER if differences(full, same) else MATCH
            plan.skipped.append(
                (
                    row,
                    f"{where}: {state} ở chỉ tiêu {same.code}"
                    + (" (sửa tay dòng đó nếu báo cáo đúng)" if state == DIFFER else ""),
                )
            )
            continue
        out = _indicator_row(row, source)
        problem = _check(out, ds)
        if problem:
            plan.skipped.append((row, f"{where}: {problem}"))
            continue
        taken.add(code)
        plan.new.append(out)
    return plan


def _indicator_row(row: dict[str, str], source: str) -> dict[str, str]:
    out = {k: row.get(k, "").strip() for k in WRITTEN}
    change = row.get("change", "").strip()
    if change and out["unit"] in {"%", "‰"}:
        out["change_points"] = change  # a rate's change is in points
    elif change:
        out["note"] = "; ".join(x for x in (out["note"], f"thay đổi {change} {out['unit']}") if x)
    out["source"] = source
    return out


def _check(out: dict[str, str], ds: Dataset) -> str:
    if not out["topic"]:
        return "chưa có lĩnh vực (cột topic)"
    if ds.topics and out["topic"] not in ds.topics:
        return f"lĩnh vực “{out['topic']}” không có trong danh mục"
    if out["area"] and out["area"] not in ds.areas:
        return f"địa bàn “{out['area']}” không có trong dữ liệu"
    try:
        Indicator.model_validate(
            {k: v for k, v in out.items() if v}, context={"number_style": NumberStyle.VI}
        )
    except ValidationError as exc:
        err = field_errors(exc)[0]
        return f"cột {err['loc'][0] if err['loc'] else '?'}: {err['msg']}"
    return ""


def guess_source(ds: Dataset, title: str) -> str | None:
    """The one source whose title is most like the report's first heading."""
    import difflib

    from ..vietnamese import fold

    best, score = None, 0.6
    for src in ds.sources.values():
        ratio = difflib.SequenceMatcher(None, fold(title), fold(src.title)).ratio()
        if ratio >= score:
            best, score = src.code, ratio
    return best


def write_merge(ds: Dataset, plan: MergePlan, stamp: str) -> tuple[Path, Path]:
    from ..meeting_import import append_rows

    rows: list[dict[str, Any]] = plan.new
    if not any(r.get("change_points") for r in rows):  # no new column for nothing
        rows = [{k: v for k, v in r.items() if k != "change_points"} for r in rows]
    return append_rows(ds, "indicators", rows, stamp)
