"""Is a candidate already in the project's indicators? "đã có, khớp", "đã có, khác", "mới".

A candidate is the same indicator as a row of the data when both are for the same
period and area and their names are alike (one contains the other, or they share
most of their words), or when a figure of four or more digits is the same with the
same unit. Then the figures both state are compared: the value, the growth, the %
of plan (and a growth stated alone against a row whose value is that growth, in %).
Any difference is a transcription error to look at, listed in ``differences``.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import TYPE_CHECKING

from ..phrasing.numbers import format_number
from ..vietnamese import fold
from .figures import to_decimal

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.records import Indicator

MATCH = "đã có, khớp"
DIFFER = "đã có, khác"
NEW = "mới"
#: names this alike (difflib ratio of the folded names) are the same indicator
ALIKE = 0.85


def _num(text: str) -> Decimal | None:
    return to_decimal(text) if text else None


def _name_score(a: str, b: str) -> float:
    a, b = fold(a), fold(b)
    if not a or not b:
        return 0.0
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) >= 0.6 * len(long_):  # "Kim ngạch xuất khẩu" in "… (2023)"
        return 1.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def _same_period(row: dict[str, str], ind: Indicator) -> bool:
    return fold(row["period"]) == fold(ind.period) and (row["area"] or None) == ind.area


def find_existing(row: dict[str, str], ds: Dataset) -> Indicator | None:
    value = _num(row["value"])
    best, score = None, ALIKE
    for ind in ds.indicators.values():
        if not _same_period(row, ind):
            continue
        if row["unit"] and ind.unit and fold(row["unit"]) != fold(ind.unit):
            continue
        s = _name_score(row["name"], ind.name)
        if (
            value is not None
            and ind.value == value
            and len(value.as_tuple().digits) >= 4
            and fold(ind.unit) == fold(row["unit"])
        ):
            s = max(s, 0.99)
        if s >= score:
            best, score = ind, s
    return best


def differences(row: dict[str, str], ind: Indicator) -> list[str]:
    stated = {"value": _num(row["value"]), "growth": _num(row["growth"]), "plan_pct": _num(row["plan_pct"])}
    theirs: dict[str, Decimal | None] = {"value": ind.value, "growth": ind.growth, "plan_pct": ind.plan_pct}
    if stated["value"] is None and stated["growth"] is not None and ind.unit == "%":
        stated["value"], stated["growth"] = stated["growth"], None  # "tăng 3,49%" vs 3,49 %
    found = []
    for key, mine in stated.items():
        other = theirs[key]
        if mine is not None and other is not None and mine != other:
            found.append(f"{key}: dữ liệu {format_number(other)}, báo cáo {format_number(mine)}")
    return found


def compare_rows(rows: list[dict[str, str]], ds: Dataset) -> None:
    """Fill ``compare``, ``existing`` and ``differences`` of every candidate row."""
    for row in rows:
        ind = find_existing(row, ds)
        if ind is None:
            row.update(compare=NEW, existing="", differences="")
            continue
        diff = differences(row, ind)
        row.update(compare=DIFFER if diff else MATCH, existing=ind.code, differences="; ".join(diff))
