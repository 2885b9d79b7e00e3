"""Drawing a :class:`Chart` with matplotlib, and its SVG, PDF or PNG bytes."""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence
from typing import Any

from .layout import (
    BAD_LINE,
    FONT,
    GRID,
    INK,
    LABEL_BOX,
    LEGEND,
    LINE,
    MUTED,
    POINT,
    RIGHT,
    STYLES,
    WIDTH,
    WRAP_HALF,
    WRAP_TITLE,
    ZOOM_NOTE,
    bar_limits,
    label_column,
    label_sides,
    line_limits,
    panel_height,
    rc_params,
    rows_height,
    text_width,
    tick_text,
    wrap,
)
from .model import FORMATS, Chart, Panel


class _Bars:
    """The bars of one panel, drawn as one collection per style (a hatch belongs to a
    collection, not to each bar): adding bars one by one through ``barh`` or
    ``add_patch`` updates an Axes for each and costs several times more."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, float], list[Any]] = {}

    def add(self, tone: str, y: float, width: float, height: float, linewidth: float) -> None:
        from matplotlib.patches import Rectangle

        self.groups.setdefault((tone, linewidth), []).append(
            Rectangle((min(0.0, width), y - height / 2), abs(width), height))

    def draw(self, fig: Any, data: Any, box: Any) -> None:
        from matplotlib.collections import PatchCollection

        for (tone, linewidth), rects in self.groups.items():
            style = STYLES[tone]
            bars = PatchCollection(
                rects, facecolor=style["facecolor"], edgecolor=style["edgecolor"],
                hatch=style.get("hatch"), linewidth=linewidth, zorder=3, transform=data)
            bars.set_clip_box(box)
            fig.add_artist(bars)


def _panel_transforms(fig: Any, rect: list[float], xlim: tuple[float, float],
                      ylim: tuple[float, float]) -> tuple[Any, Any, Any]:
    """The panel's box on the figure, and the transforms an Axes there would have:
    data to the page, and (x, y) in axes fraction to the page."""
    from matplotlib.transforms import Bbox, BboxTransform, BboxTransformTo, TransformedBbox

    box = TransformedBbox(Bbox.from_bounds(*rect), fig.transFigure)
    data = BboxTransform(Bbox([[xlim[0], ylim[0]], [xlim[1], ylim[1]]]), box)
    return box, data, BboxTransformTo(box)


def _draw_bars(fig: Any, rect: list[float], panel: Panel, used: set[str]) -> None:
    """A bar panel drawn on the figure itself, in the transforms an Axes would give: a
    chart of ten panels spent a fifth of its time making ten Axes, their ticks and
    grids, for bars, texts and a few lines (the look is the same to the pixel)."""
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path
    from matplotlib.ticker import MaxNLocator
    from matplotlib.transforms import blended_transform_factory

    heights = rows_height(panel)
    total = sum(heights)
    centres, y = [], 0.0
    for h in heights:
        centres.append(y + h / 2)
        y += h
    lo, hi = bar_limits(panel, rect[2] * fig.get_figwidth())
    box, data, frame = _panel_transforms(fig, rect, (lo, hi), (total, 0))
    pad = (hi - lo) * 0.01
    # names on the left and the x scale are plain texts and lines
    names = blended_transform_factory(frame, data)  # x in panel fraction, y in data
    bars = _Bars()
    for r, c in zip(panel.rows, centres, strict=True):
        weight = "bold" if r.tone in {"focus", "total"} else "normal"
        fig.text(-0.015, c, wrap(r.label), ha="right", va="center", fontsize=FONT,
                 transform=names, fontweight=weight, linespacing=1.15,
                 fontstyle="italic" if r.tone == "gap" else "normal",
                 color=MUTED if r.tone == "gap" else INK)
        if r.value is None:
            continue
        v = float(r.value)
        used.add(r.tone)
        yv = c - 0.07 if r.plan is not None else c
        bars.add(r.tone, yv, v, 0.15 if r.plan is not None else 0.19, 0.7)
        fig.text(v + (pad if v >= 0 else -pad), yv, r.text, va="center",
                 ha="left" if v >= 0 else "right", fontsize=FONT, zorder=6, bbox=LABEL_BOX,
                 fontweight=weight if r.tone == "focus" else "normal", transform=data)
        if r.plan is not None:
            p = float(r.plan)
            used.add("plan")
            bars.add("plan", c + 0.09, p, 0.1, 0.6)
            fig.text(p + (pad if p >= 0 else -pad), c + 0.09, r.plan_text, va="center",
                     ha="left" if p >= 0 else "right", fontsize=FONT - 1, color=MUTED,
                     zorder=6, bbox=LABEL_BOX, transform=data)
    bars.draw(fig, data, box)
    whole = panel.unit not in {"%", "‰"} and all(
        v == v.to_integral_value() for r in panel.rows for v in (r.value, r.plan) if v is not None)
    unit = panel.unit if panel.unit in {"%", "‰"} else ""
    ticks = [t for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=whole)
             .tick_values(lo, hi) if lo <= t <= hi]
    grid = LineCollection([[(t, 0), (t, total)] for t in ticks], colors=GRID, linewidth=0.6,
                          zorder=0, transform=data)
    grid.set_clip_box(box)
    fig.add_artist(grid)
    scale = blended_transform_factory(data, frame)  # x in data, y in panel fraction
    for t in ticks:
        fig.text(t, -0.02, tick_text(t, unit), ha="center", va="top", fontsize=FONT - 1,
                 color=MUTED, transform=scale)
    # the bottom edge, as an Axes' bottom spine draws it
    fig.add_artist(PathPatch(Path([(0, 0), (1, 0)]), transform=frame, facecolor="none",
                             edgecolor=MUTED, linewidth=0.8, capstyle="projecting",
                             zorder=2.5))
    upright = []
    if lo < 0:
        upright.append(Line2D([0, 0], [0, 1], color=MUTED, linewidth=0.8, zorder=2))
    if panel.reference is not None:
        ref = float(panel.reference)
        upright.append(Line2D([ref, ref], [0, 1], color=INK, linewidth=1.1,
                              linestyle=(0, (4, 2)), zorder=5))
        fig.text(ref, 0, panel.reference_text, ha="center", va="bottom", fontsize=FONT - 0.5,
                 fontweight="bold", transform=data)
    for line in upright:
        line.set_transform(scale)
        line.set_clip_box(box)
        fig.add_artist(line)


def _draw_line(fig: Any, rect: list[float], panel: Panel, used: set[str]) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax = fig.add_axes(rect)
    xs = list(range(len(panel.rows)))
    value_up, plan_up = label_sides(panel)
    lo, hi = line_limits(panel)
    ax.set_ylim(lo, hi)
    if lo != 0:
        ax.text(0.0, -0.02, ZOOM_NOTE.capitalize(), transform=ax.transAxes, ha="left",
                va="top", fontsize=FONT - 2, color=MUTED, style="italic")
    # room at both ends for the labels of the first and last periods
    width = rect[2] * fig.get_figwidth()
    ends = [max((text_width(t, FONT) for t in (r.text, r.plan_text) if t), default=0.0) / 2
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


def draw_figure(chart: Chart) -> Any:
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
        parts = [panel_height(p) for p in row]
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
    column = label_column(chart.panels)
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
    rc: Any = rc_params()
    with matplotlib.rc_context(rc):
        fig = draw_figure(chart)
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

