"""Which figures of the data reach a page: the record a build leaves, read back.

A build (``sphinxext.shown``) writes which figure records its pages show;
``hdnd validate`` reads that record back and lists, row by row, the figures
no page shows (HD170), as long as the data is still the data that was built.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Any

from .dataset import Dataset
from .records import Sourced

#: written into the doctree folder (never published: ``hdnd publish`` leaves it out)
RECORD_NAME = "hdnd-hien-thi.json"
#: the tables whose rows are figures a reader should find on some page
FIGURE_TABLES = ("indicators", "rankings", "budget")


class Coverage(StrEnum):
    CHECKED = "checked"  # the record is of this very data
    STALE = "stale"  # the data changed since the last build
    NOT_BUILT = "not-built"


def record_key(rec: Sourced) -> str | None:
    code = getattr(rec, "code", None)
    table = type(rec).table
    return f"{table}:{code}" if code and table in FIGURE_TABLES else None


def figure_records(ds: Dataset) -> dict[str, Sourced]:
    out: dict[str, Sourced] = {}
    for rec in (*ds.indicators.values(), *ds.rankings.values(), *ds.budget):
        key = record_key(rec)
        if key:
            out[key] = rec
    return out


def unshown(ds: Dataset, shown: Iterable[str]) -> list[Sourced]:
    """The figure records of the data that no page shows, in the data's order."""
    seen = set(shown)
    # a ranking's sentence says the ranks it is compared with (before a merger: the old
    # provinces'): those are shown wherever it is
    for rk in ds.rankings.values():
        if f"{rk.table}:{rk.code}" in seen:
            seen.update(f"{rk.table}:{code}" for code in rk.compare_with)
    return [rec for key, rec in figure_records(ds).items() if key not in seen]


def data_digest(root: Path) -> str:
    """The data files' contents: a record made from other data says nothing of this."""
    digest = hashlib.sha256()
    # a backup left by a command that wrote the data (hdnd.xlsx.….bak) is not data
    for path in sorted(p for p in root.iterdir() if p.is_file() and p.suffix != ".bak"):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def make_record(ds: Dataset, shown: Iterable[str]) -> dict[str, Any]:
    keys = sorted(set(shown))
    return {"data_digest": data_digest(ds.root), "shown": keys,
            "unshown": [record_key(r) for r in unshown(ds, keys)]}


def read_record(doctreedir: Path) -> dict[str, Any] | None:
    """The last build's record, or None when there is none (or it cannot be read)."""
    try:
        data = json.loads((doctreedir / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("shown"), list) else None


def check_coverage(ds: Dataset, doctreedir: Path) -> Coverage:
    """Add HD170 for each figure the last build showed on no page, if it built this data."""
    record = read_record(doctreedir)
    if record is None:
        return Coverage.NOT_BUILT
    if record.get("data_digest") != data_digest(ds.root):
        return Coverage.STALE
    for rec in unshown(ds, record["shown"]):
        name = getattr(rec, "name", "") or getattr(rec, "subject", "")
        period = getattr(rec, "period", "")
        ds.problems.report("HD170", rec.origin.with_column("code"),
                           code=rec.code, name=name, period=period)  # type: ignore[attr-defined]
    return Coverage.CHECKED
