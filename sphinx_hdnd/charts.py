"""Charts of indicators, drawn with matplotlib at build time. Pure: no Sphinx.

model -> :class:`Chart` (what is drawn, every label already phrased in
Vietnamese by :mod:`sphinx_hdnd.phrasing`) -> matplotlib figure -> SVG, PDF
or PNG bytes.

Three kinds:

* ``plan``: plan against actual. Amounts as horizontal bars of "% of plan"
  with a 100% line; rates (unit % or ‰), which the documents compare by the
  gap in points, as a pair of bars (actual, plan).
* ``areas``: one measure (same name, unit and period) for every area that
  reports it, the province figure as a line (rates) or a bar (amounts), one
  area highlighted.
* ``trend``: one measure over several periods (same name and unit,
  different period), actual values joined by a line, plans as hollow marks.

Good or bad (from ``higher_is_better``) is said by colour *and* by a second
cue that survives greyscale print: hatching and a ▲/▼ in the bar's label;
on trend lines solid or dashed segments. Every figure drawn is also in
:attr:`Chart.facts` (sentences) and :attr:`Chart.alt`, the text alternative.

Output is deterministic: same chart, same bytes (fixed SVG hash salt, no
dates or creator in the metadata). :attr:`Chart.key` hashes everything that
is drawn, so each variant gets its own file name.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import re
import tempfile
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from .model import compute
from .model.loader import Dataset
from .model.measures import Measure, measure_index, same_measure, shared_measures
from .model.records import Indicator
from .phrasing.figures import assessment, indicator_sentence, plan_text, shown, value_text
from .phrasing.numbers import format_number, format_percent

__all__ = [
    "FORMATS",
    "KINDS",
    "Chart",
    "Fact",
    "Panel",
    "Row",
    "area_chart",
    "areas_chart",
    "period_key",
    "plan_chart",
    "render",
    "same_measure",
    "shared_measures",
    "trend_chart",
    "trend_groups",
    "write_chart",
]

#: part of every file name: a change to the drawing code (or to matplotlib) never reuses a
#: file drawn by the old code
CHART_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]

KINDS = ("plan", "areas", "trend")

#: output format -> (matplotlib format, file suffix)
FORMATS = {"svg": "svg", "pdf": "pdf", "png": "png"}

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


# ------------------------------------------------------------------ what is drawn


@dataclass(frozen=True, slots=True)
class Row:
    """One bar (or one point of a trend)."""

    label: str  # indicator, area or period name
    value: Decimal | None  # bar length / point height
    text: str  # the label printed next to it, Vietnamese style
    tone: str  # key of STYLES
    plan: Decimal | None = None  # second bar (rates) or hollow mark (trend)
    plan_text: str = ""


@dataclass(frozen=True, slots=True)
class Panel:
    style: str  # "pct" | "pair" | "bars" | "line"
    title: str
    unit: str
    rows: tuple[Row, ...]
    reference: Decimal | None = None  # a vertical line (100% of plan, province rate)
    reference_text: str = ""
    higher_is_better: bool = True


@dataclass(frozen=True, slots=True)
class Fact:
    """One sentence of the text alternative, with the record it comes from."""

    label: str
    text: str
    records: tuple[Indicator, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Chart:
    kind: str
    title: str
    panels: tuple[Panel, ...]
    facts: tuple[Fact, ...]

    @property
    def alt(self) -> str:
        """The text alternative: the title and every figure the chart shows."""
        body = "; ".join(f"{f.label}: {f.text}" if f.label else f.text for f in self.facts)
        return f"Biểu đồ: {self.title}. {body}." if body else f"Biểu đồ: {self.title}."

    @property
    def records(self) -> list[Indicator]:
        return [r for f in self.facts for r in f.records]

    def canonical(self) -> dict[str, Any]:
        def row(r: Row) -> list[Any]:
            return [r.label, _s(r.value), r.text, r.tone, _s(r.plan), r.plan_text]

        return {
            "version": [CHART_VERSION, _matplotlib_version()],
            "kind": self.kind,
            "title": self.title,
            "panels": [[p.style, p.title, p.unit, [row(r) for r in p.rows], _s(p.reference),
                        p.reference_text, p.higher_is_better] for p in self.panels],
            "facts": [[f.label, f.text] for f in self.facts],
        }

    @property
    def key(self) -> str:
        """A hash of (kind, title, every value and label drawn): the file name."""
        blob = json.dumps(self.canonical(), ensure_ascii=False, sort_keys=True)
        return f"{self.kind}-" + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _matplotlib_version() -> str:
    # importlib.metadata scans the installed distributions: ~10 ms a call, 3 calls a chart
    from importlib.metadata import version

    return version("matplotlib")


def _s(d: Decimal | None) -> str | None:
    return None if d is None else str(d)


# ------------------------------------------------------------------ periods and measures


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def period_key(period: str) -> tuple[int, Decimal]:
    """Chronological sort key of a period as the documents write it:
    "Quý I năm 2024" < "6 tháng đầu năm 2024" < "9 tháng năm 2024" <
    "6 tháng cuối năm 2024" < "Năm 2024". Unknown shapes sort by year only."""
    s = period.lower()
    years = re.findall(r"(?:19|20)\d\d", s)
    year = int(years[-1]) if years else 0
    end = Decimal(12)
    quarter = re.search(r"quý\s+(iv|iii|ii|i)\b", s)
    months = re.search(r"(\d+)\s*tháng", s)
    if quarter:
        end = Decimal(3 * _ROMAN[quarter.group(1)])
    elif months and "cuối" not in s:
        end = Decimal(int(months.group(1)))
    elif months:
        end = Decimal("11.9")  # "6 tháng cuối": ends with the year, before the whole year
    return (year, end)


def trend_groups(indicators: Iterable[Indicator]) -> list[list[Indicator]]:
    """Indicators of the same name, unit and area over two or more periods,
    in chronological order (data order breaks ties)."""
    groups: dict[tuple[str, str, str | None], list[Indicator]] = {}
    for ind in indicators:
        if ind.value is None and ind.plan is None:
            continue
        groups.setdefault(ind.series_key, []).append(ind)
    out = []
    for items in groups.values():
        if len({i.period for i in items}) < 2:
            continue
        order = {id(i): n for n, i in enumerate(items)}
        out.append(sorted(items, key=lambda i: (period_key(i.period), order[id(i)])))
    return out


# ------------------------------------------------------------------ building charts


def _tone(ind: Indicator) -> str:
    a = assessment(ind)
    if a is None:
        return "neutral"
    return "good" if a.good else "bad"


def _marked(text: str, tone: str) -> str:
    return MARK.get(tone, "") + text


def _sentence(ind: Indicator, with_plan: bool = False) -> str:
    text = indicator_sentence(ind)
    if with_plan and ind.plan is not None:
        text += f" ({ind.plan_name} {plan_text(ind)})"
    return text or "không có số liệu"


def plan_chart(indicators: Sequence[Indicator], title: str = "") -> Chart | None:
    """Plan against actual. Indicators without a plan comparison are left out;
    None when nothing is left."""
    pct_rows: list[Row] = []
    pair_rows: dict[str, list[Row]] = {}
    facts: list[Fact] = []
    labels: set[str] = set()
    for ind in indicators:
        pct = compute.plan_pct(ind)
        if not ind.is_rate and pct is not None:
            tone = _tone(ind)
            value = shown(pct)
            pct_rows.append(Row(ind.name, value, _marked(format_percent(value), tone), tone))
            facts.append(Fact(ind.name, _sentence(ind, with_plan=True), (ind,)))
            labels.add(ind.plan_name)
        elif ind.is_rate and ind.value is not None and ind.plan is not None:
            tone = _tone(ind)
            pair_rows.setdefault(ind.unit, []).append(Row(
                ind.name, ind.value, _marked(value_text(ind), tone), tone,
                ind.plan, f"{ind.plan_name} {plan_text(ind)}"))
            facts.append(Fact(ind.name, _sentence(ind, with_plan=True), (ind,)))
    panels: list[Panel] = []
    if pct_rows:
        label = labels.pop() if len(labels) == 1 else "kế hoạch"
        panels.append(Panel("pct", f"Tỷ lệ thực hiện so với {label} (%)", "%", tuple(pct_rows),
                            Decimal(100), f"100% {label}"))
    for unit, rows in pair_rows.items():
        panels.append(Panel("pair", f"Thực hiện so với kế hoạch, kịch bản ({unit})", unit,
                            tuple(rows)))
    if not panels:
        return None
    return Chart("plan", title or "Thực hiện so với kế hoạch", tuple(panels), tuple(facts))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


#: above this many areas, an area's chart shows a window instead of every area
AREA_WINDOW_ABOVE = 15
#: ... the best and the worst few, and the neighbours on each side of the area itself
AREA_WINDOW_ENDS = 3
AREA_WINDOW_NEAR = 2


def _best_first(ds: Dataset, measure: Measure, ind: Indicator) -> tuple[int, int, str]:
    """Rank, then the areas' own order: ties keep the order of areas.csv."""
    a = ds.areas.get(ind.area or "")
    order = a.order if a is not None and a.order is not None else 10**6
    return (measure.rank(ind) or 1, order, ind.area or "")


def _window(n: int, focus: int | None) -> list[int]:
    """Positions (best first) drawn for one measure of ``n`` areas: all of them, or for a
    large province the ends and the focus area's neighbourhood. A chart of 150 communes
    is unreadable, and drawing it on each commune's page would grow with the square of
    the communes."""
    if focus is None or n <= AREA_WINDOW_ABOVE:
        return list(range(n))
    keep = {*range(AREA_WINDOW_ENDS), *range(n - AREA_WINDOW_ENDS, n),
            *range(max(0, focus - AREA_WINDOW_NEAR), min(n, focus + AREA_WINDOW_NEAR + 1))}
    return sorted(keep)


def areas_chart(ds: Dataset, measures: Sequence[Indicator], focus: str | None = None,
                title: str = "") -> Chart | None:
    """For each measure, every area that reports it (best first), and the province figure.
    With a focus area in a large province, the best and worst few and the focus area's
    neighbours, each with its rank, and a row saying how many are not drawn."""
    level = ds.province.area_level_label if ds.province else "địa bàn"
    index = measure_index(ds)
    distinct: list[Indicator] = []
    for m in measures:
        if not any(same_measure(m, d) for d in distinct):
            distinct.append(m)
    several = len(distinct) > 1
    panels: list[Panel] = []
    facts: list[Fact] = []
    for m in distinct:
        measure = index.of(m)
        if not measure.peers:
            continue
        province = measure.province if measure.province is not None \
            and measure.province.value is not None else None

        ranked = sorted(measure.peers, key=partial(_best_first, ds, measure))
        at = next((n for n, p in enumerate(ranked) if p.area == focus), None)
        shown_at = _window(len(ranked), at)
        windowed = len(shown_at) < len(ranked)
        # "… 140 xã khác": the peers' own level when they share one
        levels = {a.level for p in ranked if (a := ds.areas.get(p.area or "")) is not None}
        others = f"{levels.pop() if len(levels) == 1 else level} khác"
        rows: list[Row] = []
        parts, cited = [], []
        previous = -1
        for n in shown_at:
            if n > previous + 1:
                rows.append(Row(f"… {n - previous - 1} {others}", None, "", "gap"))
            previous = n
            p = ranked[n]
            a = ds.areas.get(p.area or "")
            name = (f"{a.name} (cũ)" if a.is_former else a.name) if a is not None else (p.area or "")
            assert p.value is not None
            tone = "focus" if p.area == focus else "neutral"
            value = value_text(p)
            rank = measure.rank(p)
            rows.append(Row(f"{rank}. {name}" if windowed else name, p.value, value, tone))
            parts.append(f"{a.display_name if a is not None else name} {value}"
                         + (f" (thứ {rank}/{len(ranked)})" if windowed else ""))
            cited.append(p)
        if previous < len(ranked) - 1:
            rows.append(Row(f"… {len(ranked) - 1 - previous} {others}", None, "", "gap"))
        if windowed:
            parts.append(f"{len(ranked) - len(shown_at)} {others} không thể hiện trên biểu đồ")
        reference, reference_text = None, ""
        if province is not None:
            assert province.value is not None
            ptext = value_text(province)
            if m.is_rate:
                reference, reference_text = province.value, f"Toàn tỉnh {ptext}"
            else:
                rows.insert(0, Row("Toàn tỉnh", province.value, ptext, "total"))
            parts.append(f"toàn tỉnh {ptext}")
            cited.append(province)
        facts.append(Fact(f"{m.name} ({_lower_first(m.period)})", "; ".join(parts), tuple(cited)))
        unit = f", {m.unit}" if m.unit and m.unit not in {"%", "‰"} else ""
        panels.append(Panel("bars", f"{m.name} ({m.period}{unit})", m.unit, tuple(rows),
                            reference, reference_text, m.higher_is_better))
    if not panels:
        return None
    if not title:
        title = (f"{distinct[0].name} theo {level}, {_lower_first(distinct[0].period)}"
                 if not several else f"Các chỉ tiêu theo {level}, so với toàn tỉnh")
    return Chart("areas", title, tuple(panels), tuple(facts))


def area_chart(ds: Dataset, area: str) -> Chart | None:
    """The chart of the measures ``area`` shares with other areas, highlighting it: the
    same on the area's page and on its audiences' briefings, so made once per dataset."""
    cache: dict[str, Chart | None] = ds.__dict__.setdefault("_hdnd_area_charts", {})
    if area not in cache:
        measures = shared_measures(ds, area)
        cache[area] = areas_chart(ds, measures, focus=area) if measures else None
    return cache[area]


def follow_up_chart(open_by_group: Sequence[tuple[str, int, int]], title: str
                    ) -> Chart | None:
    """Open petitions per agency, most first: (agency, open, of which overdue)."""
    ordered = [g for g in sorted(open_by_group, key=lambda g: (-g[1], -g[2], g[0])) if g[1]]
    rows = [Row(name, Decimal(n), f"{n:02d}" + (f" ({late:02d} quá hạn)" if late else ""),
                "overdue" if late else "open") for name, n, late in ordered]
    if not rows:
        return None
    facts = tuple(Fact(name, f"{n:02d} kiến nghị chưa giải quyết xong"
                       + (f", trong đó {late:02d} quá hạn" if late else ""))
                  for name, n, late in ordered)
    return Chart("follow-up", title, (Panel("bars", title, "kiến nghị", tuple(rows)),), facts)


def trend_chart(groups: Sequence[Sequence[Indicator]], title: str = "") -> Chart | None:
    """One panel per measure: actual values over periods, plans as hollow marks."""
    panels: list[Panel] = []
    facts: list[Fact] = []
    for items in groups:
        if len({i.period for i in items}) < 2:
            continue
        first = items[0]
        rows = []
        parts = []
        for ind in items:
            vtext = value_text(ind)
            if vtext and ind.estimate:
                vtext += " (ước)"
            ptext = f"{ind.plan_name} {plan_text(ind)}" if ind.plan is not None else ""
            rows.append(Row(ind.period, ind.value, vtext, "neutral", ind.plan, ptext))
            parts.append(f"{_lower_first(ind.period)} " + ", ".join(t for t in (vtext, ptext) if t))
        unit = f" ({first.unit})" if first.unit else ""
        panel = Panel("line", f"{first.name}{unit}", first.unit, tuple(rows),
                      higher_is_better=first.higher_is_better)
        if _line_limits(panel)[0] != 0:
            parts[-1] += f" ({ZOOM_NOTE})"
        facts.append(Fact(first.name, "; ".join(parts), tuple(items)))
        panels.append(panel)
    if not panels:
        return None
    if not title:
        title = (f"{groups[0][0].name} qua các kỳ" if len(panels) == 1
                 else "Các chỉ tiêu qua các kỳ")
    return Chart("trend", title, tuple(panels), tuple(facts))


# ------------------------------------------------------------------ drawing


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


def _rc() -> dict[str, Any]:
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


def _rows_height(panel: Panel) -> list[float]:
    heights = []
    for r in panel.rows:
        lines = wrap(r.label).count("\n") + 1
        base = 0.5 if panel.style == "pair" else 0.3
        if r.tone == "gap":  # "… 140 xã khác": a line of text, no bar
            heights.append(LINE + 0.06)
            continue
        heights.append(max(base, LINE * lines + 0.12))
    return heights


def _panel_height(panel: Panel) -> tuple[float, float, float]:
    """(header, body, footer) in inches."""
    header = 0.26 + (0.18 if panel.reference is not None else 0)
    if panel.style == "line":
        return header, 1.35, 0.5
    return header, sum(_rows_height(panel)), 0.3


def _text_width(text: str, size: float = FONT) -> float:
    """An estimate of a label's width in inches (DejaVu Sans: digits 0,64 em, letters less)."""
    digits = sum(c.isdigit() for c in text)
    return (digits * 0.64 + (len(text) - digits) * 0.58) * size / 72 + 0.08


def _span(panel: Panel, axes_width: float) -> tuple[float, float]:
    """x limits that keep every bar's label inside the axes."""
    ends: list[tuple[float, float]] = []  # (bar end, label width in inches)
    for r in panel.rows:
        if r.value is not None:
            ends.append((float(r.value), _text_width(r.text)))
        if r.plan is not None:
            ends.append((float(r.plan), _text_width(r.plan_text, FONT - 1)))
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


def _label_column(panels: Iterable[Panel]) -> float:
    """Inches for the names on the left: as wide as the longest line, at most LABEL_COLUMN."""
    longest = max((len(line) for p in panels if p.style != "line" for r in p.rows
                   for line in wrap(r.label).split("\n")), default=0)
    return min(LABEL_COLUMN, longest * 0.6 * FONT / 72 + 0.3)


class _Bars:
    """The bars of one panel, drawn as one collection per style (a hatch belongs to a
    collection, not to each bar): adding bars one by one through ``barh`` or
    ``add_patch`` updates the axes for each and costs several times more."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, float], list[Any]] = {}

    def add(self, tone: str, y: float, width: float, height: float, linewidth: float) -> None:
        from matplotlib.patches import Rectangle

        self.groups.setdefault((tone, linewidth), []).append(
            Rectangle((min(0.0, width), y - height / 2), abs(width), height))

    def draw(self, ax: Any) -> None:
        from matplotlib.collections import PatchCollection

        for (tone, linewidth), rects in self.groups.items():
            style = STYLES[tone]
            ax.add_collection(PatchCollection(
                rects, facecolor=style["facecolor"], edgecolor=style["edgecolor"],
                hatch=style.get("hatch"), linewidth=linewidth, zorder=3), autolim=False)


def _draw_bars(fig: Any, rect: list[float], panel: Panel, used: set[str]) -> None:
    from matplotlib.ticker import MaxNLocator

    ax = fig.add_axes(rect)
    heights = _rows_height(panel)
    total = sum(heights)
    centres, y = [], 0.0
    for h in heights:
        centres.append(y + h / 2)
        y += h
    lo, hi = _span(panel, rect[2] * fig.get_figwidth())
    ax.set_xlim(lo, hi)
    ax.set_ylim(total, 0)
    pad = (hi - lo) * 0.01
    # names on the left and the x scale are plain texts and lines: matplotlib's tick
    # objects cost more than everything else in a panel
    names = ax.get_yaxis_transform()  # x in axes fraction, y in data
    bars = _Bars()
    for r, c in zip(panel.rows, centres, strict=True):
        weight = "bold" if r.tone in {"focus", "total"} else "normal"
        ax.text(-0.015, c, wrap(r.label), ha="right", va="center", fontsize=FONT,
                transform=names, fontweight=weight, linespacing=1.15,
                fontstyle="italic" if r.tone == "gap" else "normal",
                color=MUTED if r.tone == "gap" else INK)
        if r.value is None:
            continue
        v = float(r.value)
        used.add(r.tone)
        yv = c - 0.07 if r.plan is not None else c
        bars.add(r.tone, yv, v, 0.15 if r.plan is not None else 0.19, 0.7)
        ax.text(v + (pad if v >= 0 else -pad), yv, r.text, va="center",
                ha="left" if v >= 0 else "right", fontsize=FONT, zorder=6, bbox=LABEL_BOX,
                fontweight=weight if r.tone == "focus" else "normal")
        if r.plan is not None:
            p = float(r.plan)
            used.add("plan")
            bars.add("plan", c + 0.09, p, 0.1, 0.6)
            ax.text(p + (pad if p >= 0 else -pad), c + 0.09, r.plan_text, va="center",
                    ha="left" if p >= 0 else "right", fontsize=FONT - 1, color=MUTED, zorder=6,
                    bbox=LABEL_BOX)
    bars.draw(ax)
    whole = panel.unit not in {"%", "‰"} and all(
        v == v.to_integral_value() for r in panel.rows for v in (r.value, r.plan) if v is not None)
    unit = panel.unit if panel.unit in {"%", "‰"} else ""
    ticks = [t for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=whole)
             .tick_values(lo, hi) if lo <= t <= hi]
    ax.vlines(ticks, 0, total, colors=GRID, linewidth=0.6, zorder=0)
    scale = ax.get_xaxis_transform()  # x in data, y in axes fraction
    for t in ticks:
        ax.text(t, -0.02, tick_text(t, unit), ha="center", va="top", fontsize=FONT - 1,
                color=MUTED, transform=scale)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if lo < 0:
        ax.axvline(0, color=MUTED, linewidth=0.8, zorder=2)
    if panel.reference is not None:
        ref = float(panel.reference)
        ax.axvline(ref, color=INK, linewidth=1.1, linestyle=(0, (4, 2)), zorder=5)
        ax.text(ref, 0, panel.reference_text, ha="center", va="bottom", fontsize=FONT - 0.5,
                fontweight="bold", clip_on=False)


def _label_sides(panel: Panel) -> tuple[list[bool], list[bool]]:
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


def _line_limits(panel: Panel) -> tuple[float, float]:
    """The vertical axis of a trend panel: from zero when zero is near, otherwise zoomed
    on the values (and then the panel and its text alternative say so)."""
    nums = [v for r in panel.rows for v in (r.value, r.plan) if v is not None]
    top, bottom = float(max(nums)), float(min(nums))
    span = (top - bottom) or abs(top) or 1.0
    value_up, plan_up = _label_sides(panel)
    low_label = any(
        (r.value is not None and float(r.value) == bottom and not value_up[i])
        or (r.plan is not None and float(r.plan) == bottom and not plan_up[i])
        for i, r in enumerate(panel.rows))
    lo = 0.0 if 0 <= bottom <= span * 1.5 and not low_label else bottom - span * 0.4
    return lo, top + span * 0.4


def _draw_line(fig: Any, rect: list[float], panel: Panel, used: set[str]) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax = fig.add_axes(rect)
    xs = list(range(len(panel.rows)))
    value_up, plan_up = _label_sides(panel)
    lo, hi = _line_limits(panel)
    ax.set_ylim(lo, hi)
    if lo != 0:
        ax.text(0.0, -0.02, ZOOM_NOTE.capitalize(), transform=ax.transAxes, ha="left",
                va="top", fontsize=FONT - 2, color=MUTED, style="italic")
    # room at both ends for the labels of the first and last periods
    width = rect[2] * fig.get_figwidth()
    ends = [max((_text_width(t, FONT) for t in (r.text, r.plan_text) if t), default=0.0) / 2
            for r in (panel.rows[0], panel.rows[-1])]
    left = right = 0.45
    for _ in range(3):
        per_unit = width / (len(xs) - 1 + left + right)
        left, right = (min(0.8, max(0.45, (e + 0.04) / per_unit)) for e in ends)
    ax.set_xlim(-left, len(xs) - 1 + right)
    points = [(x, float(r.value)) for x, r in zip(xs, panel.rows, strict=True)
              if r.value is not None]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        better = (y1 > y0) == panel.higher_is_better or y1 == y0
        used.add("trend-good" if better else "trend-bad")
        ax.plot([x0, x1], [y0, y1], color=STYLES["good"]["facecolor"] if better else BAD_LINE,
                linewidth=2, linestyle="-" if better else (0, (5, 2.5)), zorder=3)
    # a plan after the last actual: a dotted line from the actual to the target
    if points:
        lx, ly = points[-1]
        for x, r in zip(xs, panel.rows, strict=True):
            if r.plan is not None and r.value is None and x > lx:
                ax.plot([lx, x], [ly, float(r.plan)], color=MUTED, linewidth=1,
                        linestyle=(0, (1, 2)), zorder=2)
    for x, r in zip(xs, panel.rows, strict=True):
        if r.value is not None:
            used.add("value")
            up = value_up[x]
            ax.plot([x], [float(r.value)], marker="o", markersize=7, color=POINT,
                    markeredgecolor="white", markeredgewidth=1, zorder=4, linestyle="none")
            ax.annotate(r.text, (x, float(r.value)), xytext=(0, 7 if up else -7),
                        textcoords="offset points", ha="center", va="bottom" if up else "top",
                        fontsize=FONT, fontweight="bold", zorder=6, bbox=LABEL_BOX)
        if r.plan is not None:
            used.add("plan-mark")
            up = plan_up[x]
            ax.plot([x], [float(r.plan)], marker="s", markersize=7, markerfacecolor="white",
                    markeredgecolor=INK, markeredgewidth=1.3, zorder=4, linestyle="none")
            ax.annotate(r.plan_text, (x, float(r.plan)), xytext=(0, 7 if up else -7),
                        textcoords="offset points", ha="center", va="bottom" if up else "top",
                        fontsize=FONT - 1, color=MUTED, zorder=6, bbox=LABEL_BOX)
    ax.set_xticks(xs, labels=[wrap(r.label, 18, 3) for r in panel.rows])
    ax.tick_params(axis="x", length=0, labelsize=FONT - 0.5)
    nums = [v for r in panel.rows for v in (r.value, r.plan) if v is not None]
    whole = all(v == v.to_integral_value() for v in nums) and panel.unit not in {"%", "‰"}
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10], integer=whole))
    unit = panel.unit if panel.unit in {"%", "‰"} else ""
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: tick_text(y, unit)))
    ax.tick_params(axis="y", labelsize=FONT - 1)
    ax.grid(axis="y", color=GRID, linewidth=0.6, zorder=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _legend_handles(used: set[str]) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    for tone in ("good", "bad", "plan", "focus", "neutral", "total"):
        if tone in used:
            s = STYLES[tone]
            handles.append(Patch(facecolor=s["facecolor"], edgecolor=s["edgecolor"],
                                 hatch=s["hatch"], linewidth=0.7, label=LEGEND[tone]))
    if "value" in used:
        handles.append(Line2D([], [], marker="o", color=POINT, linestyle="none",
                              markersize=6, label="Thực hiện"))
    if "plan-mark" in used:
        handles.append(Line2D([], [], marker="s", markerfacecolor="white", color=INK,
                              linestyle="none", markersize=6, label="Kế hoạch"))
    if "trend-good" in used:
        handles.append(Line2D([], [], color=STYLES["good"]["facecolor"], linewidth=2,
                              label="Tốt lên (nét liền)"))
    if "trend-bad" in used:
        handles.append(Line2D([], [], color=BAD_LINE, linewidth=2, linestyle=(0, (5, 2.5)),
                              label="Kém đi (nét đứt)"))
    return handles


def _legend_keys(chart: Chart) -> set[str]:
    """The legend entries the drawing will use (known before drawing, to size the figure)."""
    keys: set[str] = set()
    for p in chart.panels:
        if p.style != "line":
            keys |= {r.tone for r in p.rows if r.value is not None}
            keys |= {"plan"} if any(r.plan is not None for r in p.rows) else set()
            continue
        values = [float(r.value) for r in p.rows if r.value is not None]
        keys |= {"value"} if values else set()
        keys |= {"plan-mark"} if any(r.plan is not None for r in p.rows) else set()
        for y0, y1 in itertools.pairwise(values):
            keys.add("trend-good" if (y1 > y0) == p.higher_is_better or y1 == y0
                     else "trend-bad")
    return keys


def _line_cells(panels: Sequence[Panel]) -> int:
    """Trend panels go two to a row when the chart is wide enough for two."""
    return 2 if len(panels) > 1 and WIDTH >= 6.5 else 1


def figure(chart: Chart) -> Any:
    """The matplotlib Figure of ``chart`` (no pyplot: no global state kept)."""
    from matplotlib.figure import Figure

    # rows of the layout: a bar panel alone, trend panels two by two
    layout: list[list[Panel]] = []
    lines = [p for p in chart.panels if p.style == "line"]
    per_row = _line_cells(lines)
    for panel in chart.panels:
        if panel.style == "line" and layout and layout[-1][0].style == "line" \
                and len(layout[-1]) < per_row:
            layout[-1].append(panel)
        else:
            layout.append([panel])
    sizes = []
    for row in layout:
        parts = [_panel_height(p) for p in row]
        if row[0].style == "line":
            # titles wrap in narrow cells: give the header the room of the longest
            width = WRAP_TITLE if per_row == 1 else WRAP_HALF
            extra = max(wrap(p.title, width, 3).count("\n") for p in row) * LINE * 1.1
            parts = [(h + extra, b, f) for h, b, f in parts]
        sizes.append(max(parts, key=sum))
    gap = 0.14
    legend_rows = -(-len(_legend_handles(_legend_keys(chart))) // 3)
    legend = 0.16 + 0.2 * legend_rows
    height = sum(h + b + f for h, b, f in sizes) + gap * (len(sizes) - 1) + legend
    fig = Figure(figsize=(WIDTH, height))
    used: set[str] = set()
    column = _label_column(chart.panels)
    top = height
    for row, (h, b, f) in zip(layout, sizes, strict=True):
        cell = (WIDTH - 0.08) / (per_row if row[0].style == "line" else 1)
        for n, panel in enumerate(row):
            x0 = 0.08 + n * cell
            if panel.style == "line":
                width = WRAP_TITLE if per_row == 1 else WRAP_HALF
                fig.text(x0 / WIDTH, (top - 0.06) / height, wrap(panel.title, width, 3),
                         ha="left", va="top", fontsize=FONT + 0.5, fontweight="bold")
                left, right = x0 + 0.62, x0 + cell - (0.3 if per_row > 1 else RIGHT)
            else:
                fig.text(x0 / WIDTH, (top - 0.06) / height, panel.title, ha="left", va="top",
                         fontsize=FONT + 0.5, fontweight="bold")
                left, right = column, WIDTH - RIGHT
            rect = [left / WIDTH, (top - h - b) / height, (right - left) / WIDTH, b / height]
            if panel.style == "line":
                _draw_line(fig, rect, panel, used)
            else:
                _draw_bars(fig, rect, panel, used)
        top -= h + b + f + gap
    handles = _legend_handles(used)
    if handles:
        fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.08 / WIDTH, 0.04 / height),
                   ncols=min(len(handles), 3), frameon=False, fontsize=FONT - 0.5,
                   handlelength=1.8, columnspacing=1.4, borderaxespad=0)
    return fig


def render(chart: Chart, fmt: str = "svg") -> bytes:
    """The chart as SVG, PDF or PNG bytes; the same chart always gives the same bytes."""
    import matplotlib

    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format: {fmt!r}")
    metadata: dict[str, Any]
    if fmt == "svg":
        metadata = {"Date": None, "Creator": None}
    elif fmt == "pdf":
        metadata = {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}
    else:
        metadata = {"Software": None}
    rc: Any = _rc()
    with matplotlib.rc_context(rc):
        fig = figure(chart)
        buf = io.BytesIO()
        fig.savefig(buf, format=FORMATS[fmt], metadata=metadata, dpi=200 if fmt == "png" else 72,
                    facecolor="white")
    data = buf.getvalue()
    if fmt == "svg":
        data = _svg_accessible(data, chart)
    return data


def _svg_accessible(data: bytes, chart: Chart) -> bytes:
    """role="img", a <title> and a <desc> carrying the figures, for an SVG opened on its own."""
    from xml.sax.saxutils import escape

    text = data.decode("utf-8")
    head = text.find("<svg")
    close = text.find(">", head)
    if head < 0 or close < 0:
        return data
    tag = text[head:close]
    if "role=" not in tag:
        tag += ' role="img" aria-labelledby="hdnd-title hdnd-desc"'
    extra = (f'\n <title id="hdnd-title">{escape(chart.title)}</title>'
             f'\n <desc id="hdnd-desc">{escape(chart.alt)}</desc>')
    return (text[:head] + tag + ">" + extra + text[close + 1:]).encode("utf-8")


# ------------------------------------------------------------------ files


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` unless it already holds exactly that; atomically, so that
    parallel builds never read a half-written file (temporary names start with a dot, so a
    ``name.*`` glob never sees them)."""
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_chart(chart: Chart, directory: Path, formats: Sequence[str] = ("svg", "pdf")
                ) -> dict[str, Path]:
    """Write the chart into ``directory`` as ``<key>.<fmt>``; files that already exist
    (same key, so same content) are not drawn again."""
    directory.mkdir(parents=True, exist_ok=True)
    out = {}
    for fmt in formats:
        path = directory / f"{chart.key}.{fmt}"
        if not path.is_file():
            _write_atomic(path, render(chart, fmt))
        out[fmt] = path
    return out
