"""The look of a chart (sizes, colours, legend texts) and the arithmetic of its layout;
no matplotlib."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from decimal import Decimal, localcontext
from typing import Any

from ..phrasing.numbers import format_number
from .model import Panel

# ------------------------------------------------------------------ look

WIDTH = 4.8  # inches, shown at natural size: fits A4, and a phone shrinks it to ~80%, text stays readable
FONT = 9  # points
LINE = FONT * 1.3 / 72  # one line of label text, inches
LABEL_COLUMN = 1.85  # inches at most for the wrapped names on the left
RIGHT = 0.15
WRAP = 24  # characters per line of a wrapped name
WRAP_TITLE = 60  # characters per line of a panel title
WRAP_HALF = 30  # ... in a half-width cell
MAX_LINES = 4

INK = "#1f2933"
MUTED = "#52606d"
GRID = "#d9e2ec"
#: tone -> bar style. "bad" is lighter and hatched so it differs from "good" in greyscale.
STYLES: dict[str, dict[str, Any]] = {
    "good": {"facecolor": "#2e7d32", "edgecolor": "#1b4d1f", "hatch": None},
    "bad": {"facecolor": "#e8836f", "edgecolor": "#8a1c0c", "hatch": "////"},
    "neutral": {"facecolor": "#a9bdd3", "edgecolor": "#5c7a99", "hatch": None},
    "focus": {"facecolor": "#1f4e79", "edgecolor": "#0f2740", "hatch": None},
    # a line hatch: a dotted one is a 256 KB pattern that WeasyPrint redraws for each bar
    "total": {"facecolor": "#ffffff", "edgecolor": "#3e4c59", "hatch": "----"},
    "plan": {"facecolor": "#e4e7eb", "edgecolor": "#3e4c59", "hatch": None},
    # petitions followed up: still open, and open past the deadline
    "open": {"facecolor": "#a9bdd3", "edgecolor": "#5c7a99", "hatch": None},
    "overdue": {"facecolor": "#e8836f", "edgecolor": "#8a1c0c", "hatch": "////"},
}
LEGEND = {
    "good": "Đạt hoặc vượt",
    "bad": "Chưa đạt (gạch chéo)",
    "plan": "Kế hoạch, kịch bản",
    "focus": "Địa bàn đang xem",
    "neutral": "Địa bàn khác",
    "total": "Toàn tỉnh",
    "open": "Chưa giải quyết xong, chưa quá hạn",
    "overdue": "Có kiến nghị quá hạn (gạch chéo)",
}
POINT = "#1f4e79"
BAD_LINE = "#c0392b"
MARK = {"good": "▲ ", "bad": "▼ "}
#: a white box behind value labels, so a reference line never runs through the figures
LABEL_BOX = {"boxstyle": "square,pad=0.08", "facecolor": "white", "edgecolor": "none"}


# ------------------------------------------------------------------ sizes


def wrap(label: str, width: int = WRAP, max_lines: int = MAX_LINES) -> str:
    lines = textwrap.wrap(label, width=width, break_long_words=False, break_on_hyphens=False)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,;") + " …"
    return "\n".join(lines) or label


def tick_text(x: float, unit: str = "") -> str:
    """A tick label in the documents' style: "300.000", "2,5", "100%"."""
    d = Decimal(repr(round(float(x), 6))).normalize()
    if d == d.to_integral_value():
        with localcontext(prec=60):  # the default 28 digits cannot quantize 1e39
            d = d.quantize(Decimal(1))
    text = format_number(d)
    return text + unit if unit in {"%", "‰"} else text


def rc_params() -> dict[str, Any]:
    return {
        "svg.hashsalt": "sphinx-hdnd",
        "svg.fonttype": "none",
        "pdf.fonttype": 3,  # vector glyphs; Type 42 subsetting costs ~2 s a chart
        "pdf.compression": 6,
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans"],
        "font.size": FONT,
        "axes.edgecolor": MUTED,
        "axes.labelcolor": INK,
        "xtick.color": MUTED,
        "ytick.color": INK,
        "text.color": INK,
        "hatch.linewidth": 0.8,
        "axes.unicode_minus": False,
        "path.simplify": False,
        "text.parse_math": False,  # a label is plain text: "$" or "\\" in a name is no TeX
    }


def rows_height(panel: Panel) -> list[float]:
    heights = []
    for r in panel.rows:
        lines = wrap(r.label).count("\n") + 1
        base = 0.5 if panel.style == "pair" else 0.3
        if r.tone == "gap":  # "… 140 xã khác": a line of text, no bar
            heights.append(LINE + 0.06)
            continue
        heights.append(max(base, LINE * lines + 0.12))
    return heights


def panel_height(panel: Panel) -> tuple[float, float, float]:
    """(header, body, footer) in inches."""
    header = 0.26 + (0.18 if panel.reference is not None else 0)
    if panel.style == "line":
        return header, 1.35, 0.5
    return header, sum(rows_height(panel)), 0.3


def text_width(text: str, size: float = FONT) -> float:
    """An estimate of a label's width in inches (DejaVu Sans: digits 0,64 em, letters less)."""
    digits = sum(c.isdigit() for c in text)
    return (digits * 0.64 + (len(text) - digits) * 0.58) * size / 72 + 0.08


def bar_limits(panel: Panel, axes_width: float) -> tuple[float, float]:
    """x limits that keep every bar's label inside the axes."""
    ends: list[tuple[float, float]] = []  # (bar end, label width in inches)
    for r in panel.rows:
        if r.value is not None:
            ends.append((float(r.value), text_width(r.text)))
        if r.plan is not None:
            ends.append((float(r.plan), text_width(r.plan_text, FONT - 1)))
    nums = [v for v, _ in ends]
    if panel.reference is not None:
        nums.append(float(panel.reference))
    lo, hi = min([0.0, *nums]), max([0.0, *nums])
    if hi == lo:
        hi = lo + 1.0
    for _ in range(3):  # the width of a label in data units depends on the span itself
        per_inch = (hi - lo) / axes_width
        hi = max([hi, *(v + w * per_inch for v, w in ends if v >= 0)])
        lo = min([lo, *(v - w * per_inch for v, w in ends if v < 0)])
    return lo, hi


def label_column(panels: Iterable[Panel]) -> float:
    """Inches for the names on the left: as wide as the longest line, at most LABEL_COLUMN."""
    longest = max((len(line) for p in panels if p.style != "line" for r in p.rows
                   for line in wrap(r.label).split("\n")), default=0)
    return min(LABEL_COLUMN, longest * 0.6 * FONT / 72 + 0.3)

def label_sides(panel: Panel) -> tuple[list[bool], list[bool]]:
    """Above (True) or below (False) for each value label and each plan label: away from
    the line's neighbours, and a plan's label away from the value at the same period."""
    values = [None if r.value is None else float(r.value) for r in panel.rows]
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    # a plan with no actual is where the dotted line goes: a neighbour too
    line = [(i, v if v is not None else float(r.plan or 0)) for i, (v, r) in
            enumerate(zip(values, panel.rows, strict=True)) if v is not None or r.plan is not None]
    value_up, plan_up = [], []
    for i, r in enumerate(panel.rows):
        v = values[i]
        if v is None:
            value_up.append(True)
            before = [y for j, y in known if j < i]
            plan_up.append(not before or before[-1] <= float(r.plan or 0))
            continue
        near = [y for j, y in line if abs(j - i) == 1]
        up = not near or all(y <= v for y in near) or not all(y >= v for y in near)
        if r.plan is not None:  # the plan at the same period takes the other side
            up = float(r.plan) < v
        value_up.append(up)
        plan_up.append(r.plan is not None and float(r.plan) >= v)
    return value_up, plan_up


ZOOM_NOTE = "trục dọc không bắt đầu từ 0"


def line_limits(panel: Panel) -> tuple[float, float]:
    """The vertical axis of a trend panel: from zero when zero is near, otherwise zoomed
    on the values (and then the panel and its text alternative say so)."""
    nums = [v for r in panel.rows for v in (r.value, r.plan) if v is not None]
    top, bottom = float(max(nums)), float(min(nums))
    span = (top - bottom) or abs(top) or 1.0
    value_up, plan_up = label_sides(panel)
    low_label = any(
        (r.value is not None and float(r.value) == bottom and not value_up[i])
        or (r.plan is not None and float(r.plan) == bottom and not plan_up[i])
        for i, r in enumerate(panel.rows))
    lo = 0.0 if 0 <= bottom <= span * 1.5 and not low_label else bottom - span * 0.4
    return lo, top + span * 0.4

