"""Short phrase builders in the register of HĐND briefing documents.

Every function returns a Vietnamese phrase fragment without a trailing
period, e.g. ``growth_phrase(Decimal("24.22"), "cùng kỳ năm trước")`` ->
"tăng 24,22% so với cùng kỳ năm trước".  All figures go through
:mod:`sphinx_hdnd.phrasing.numbers`.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from ..model import compute
from ..model.records import Attendance
from .numbers import (
    NumberLike,
    _exact_context,
    decimals_of,
    format_count,
    format_fraction,
    format_percent,
    format_points,
    format_value,
    to_decimal,
)

__all__ = [
    "achieved_phrase",
    "attendance_phrase",
    "change_points_phrase",
    "comparison_phrase",
    "gap_points_phrase",
    "growth_phrase",
    "join_names",
    "lower_first",
    "plan_phrase",
    "rank_change_phrase",
    "rank_phrase",
    "ratio_phrase",
    "section_reference",
    "upper_first",
]


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _sub(a: Decimal, b: Decimal) -> Decimal:
    with decimal.localcontext(_exact_context()):
        return a - b


def achieved_phrase(value: NumberLike, unit: str, estimate: bool, qualifier: str = "") -> str:
    """E.g. "ước đạt 15.788,94 tỷ đồng" (estimate), "đạt 8,75%" (actual), "đạt hơn 171 tỷ
    đồng" (the document's own "hơn" stays with its figure)."""
    verb = "ước đạt" if estimate else "đạt"
    return _join(verb, qualifier, format_value(value, unit))


def growth_phrase(growth_pct: NumberLike, reference: str = "cùng kỳ") -> str:
    """E.g. "tăng 24,22% so với cùng kỳ", "giảm 3,10% so với cùng kỳ", "bằng cùng kỳ"."""
    pct = to_decimal(growth_pct)
    if pct.is_zero():
        return _join("bằng", reference)
    verb = "tăng" if pct > 0 else "giảm"
    return _join(verb, format_percent(pct.copy_abs()), "so với", reference)


def change_points_phrase(points: NumberLike, reference: str = "cùng kỳ") -> str:
    """A rate's change in percentage points: "giảm 3,92 điểm % so với năm 2025",
    "tăng 0,50 điểm % so với cùng kỳ", "bằng cùng kỳ"."""
    value = to_decimal(points)
    if value.is_zero():
        return _join("bằng", reference)
    verb = "tăng" if value > 0 else "giảm"
    return _join(verb, format_points(value.copy_abs(), max(decimals_of(value), 2)), "so với",
                 reference)


def ratio_phrase(ratio: NumberLike, reference: str = "cùng kỳ") -> str:
    """E.g. "tăng gấp 2,18 lần so với cùng kỳ"; below 1: "bằng 0,85 lần so với cùng kỳ".

    A ratio of exactly 1 reads "bằng cùng kỳ" ("tăng gấp 1 lần" is not said).
    """
    value = to_decimal(ratio)
    if value < 0:
        raise ValueError(f"ratio cannot be negative: {ratio!r}")
    if value == 1:
        return _join("bằng", reference)
    verb = "tăng gấp" if value > 1 else "bằng"
    return _join(verb, format_value(value, "lần"), "so với", reference)


def plan_phrase(pct_of_plan: NumberLike, plan_label: str = "kế hoạch", style: str = "dat") -> str:
    """Share of a plan.

    ``style="dat"``: "đạt 101,34% kế hoạch".
    ``style="vuot"``: above 100 -> "vượt 12,5% kế hoạch" (the excess, keeping
    the input's precision); below -> "đạt 95,00% kế hoạch"; exactly 100 ->
    "hoàn thành 100% kế hoạch".
    """
    pct = to_decimal(pct_of_plan)
    if style == "dat":
        return _join("đạt", format_percent(pct), plan_label)
    if style != "vuot":
        raise ValueError(f"unknown plan style: {style!r}")
    if pct > 100:
        return _join("vượt", format_percent(_sub(pct, Decimal(100))), plan_label)
    if pct == 100:
        return _join("hoàn thành", "100%", plan_label)
    return _join("đạt", format_percent(pct), plan_label)


def gap_points_phrase(
    actual: NumberLike, target: NumberLike, target_label: str = "kế hoạch"
) -> str:
    """Gap between two rates in percentage points.

    "thấp hơn kịch bản 1,39 điểm %", "cao hơn kế hoạch 0,50 điểm %",
    "bằng kế hoạch".  Shown with as many places as the more precise input.
    """
    a, t = to_decimal(actual), to_decimal(target)
    places = max(decimals_of(a), decimals_of(t))
    gap = _sub(t, a)
    if gap.is_zero():
        return _join("bằng", target_label)
    verb = "thấp hơn" if gap > 0 else "cao hơn"
    return _join(verb, target_label, format_points(gap.copy_abs(), places))


def rank_phrase(rank: int, total: int | None, scope: str) -> str:
    """E.g. "xếp thứ 10/63 tỉnh, thành phố", "xếp thứ 31 toàn quốc",
    "xếp thứ nhất trong 08 tỉnh khu vực Tây Bắc mở rộng"."""
    if rank < 1:
        raise ValueError(f"rank must be >= 1, got {rank!r}")
    if total is None:
        ordinal = "nhất" if rank == 1 else format_count(rank)
        return _join("xếp thứ", ordinal, scope)
    if rank > total:
        raise ValueError(f"rank {rank} is beyond total {total}")
    if rank == 1:
        return _join("xếp thứ nhất trong", format_count(total, pad=True), scope)
    return _join("xếp thứ", format_fraction(rank, total), scope)


def rank_change_phrase(change: int, reference: str) -> str:
    """E.g. "tăng 31 bậc so với năm 2022", "giảm 3 bậc so với ...",
    "giữ nguyên thứ hạng so với ..."."""
    if change == 0:
        return _join("giữ nguyên thứ hạng so với", reference)
    verb = "tăng" if change > 0 else "giảm"
    return _join(verb, format_count(abs(change)), "bậc so với", reference)


def comparison_phrase(value: NumberLike, other: NumberLike, unit: str, other_label: str) -> str:
    """E.g. "cao hơn mức chung của tỉnh (7,86%)", "thấp hơn ...", "bằng mức chung của tỉnh"."""
    v, o = to_decimal(value), to_decimal(other)
    if v == o:
        return _join("bằng", other_label)
    verb = "cao hơn" if v > o else "thấp hơn"
    return _join(verb, other_label, f"({format_value(o, unit)})")


def _attendance_pct(present: int, total: int) -> Decimal:
    """present/total in % by the model's rule, rounded half-up to 2 places, trailing zeros
    trimmed."""
    pct = compute.attendance_pct(Attendance(present=present, total=total))
    assert pct is not None  # total > 0
    pct = pct.quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
    while decimals_of(pct) > 0 and pct.as_tuple().digits[-1] == 0:
        pct = pct.quantize(Decimal(1).scaleb(1 - decimals_of(pct)))
    return pct


def attendance_phrase(present: int, total: int) -> str:
    """E.g. "45/50 đại biểu, đạt 90%", "45/49 đại biểu, đạt 91,84%"."""
    if total <= 0:
        raise ValueError(f"total must be positive, got {total!r}")
    if not 0 <= present <= total:
        raise ValueError(f"present must be within 0..{total}, got {present!r}")
    pct = _attendance_pct(present, total)
    return f"{format_fraction(present, total, pad=True)} đại biểu, đạt {format_percent(pct)}"


def lower_first(title: str) -> str:
    """A title continuing a sentence, after "Về" or a colon:
    'Cửa khẩu song phương …' -> 'cửa khẩu song phương …', but a name stays a name
    ('A Pa Chải …', 'Him Lam …': the second word is capitalised too)."""
    words = title.split()
    if len(words) > 1 and words[1][:1].isupper():
        return title
    if words and len(words[0]) > 1 and words[0].isupper():  # "UBND huyện …", "HĐND tỉnh …"
        return title
    return title[:1].lower() + title[1:]


def upper_first(value: str) -> str:
    return value[:1].upper() + value[1:]


#: words that open a part of a document: a section written "Mục 1" or "Phụ lục 2" names
#: itself, and "mục" before it would say it twice ("mục Mục 1")
_PART_WORDS = ("mục", "phần", "phụ lục", "chương", "điều", "khoản", "điểm", "tiết", "bảng",
               "biểu", "trang", "chú thích", "ghi chú")


def section_reference(sections: list[str]) -> str:
    """Where in a source a figure is, after the source's title: ["II.9"] -> "mục II.9";
    ["Mục 1", "Phụ lục 2"] -> "Mục 1; Phụ lục 2", as the data writes them (no "mục Mục 1")."""
    return "; ".join(part if part.casefold().startswith(tuple(w + " " for w in _PART_WORDS))
                     else f"mục {part}" for part in sections)


def join_names(names: list[str]) -> str:
    """'A', 'A và B', 'A, B và C': names in running text, as the documents list them."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]
