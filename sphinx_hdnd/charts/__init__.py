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

Modules, in the order data flows: :mod:`.model` (what is drawn), :mod:`.build`
(charts from the data), :mod:`.layout` (the look and the arithmetic of sizes),
:mod:`.draw` (matplotlib), :mod:`.files` (a file per chart and format).

Output is deterministic: same chart, same bytes (fixed SVG hash salt, no
dates or creator in the metadata). :attr:`Chart.key` hashes everything that
is drawn, so each variant gets its own file name.
"""

from .build import (
    area_chart,
    areas_chart,
    follow_up_chart,
    period_key,
    plan_chart,
    same_measure,
    shared_measures,
    trend_chart,
    trend_groups,
)
from .draw import render
from .files import write_chart
from .layout import STYLES, tick_text
from .model import FORMATS, KINDS, Chart, Fact, Panel, Row

__all__ = [
    "FORMATS",
    "KINDS",
    "STYLES",
    "Chart",
    "Fact",
    "Panel",
    "Row",
    "area_chart",
    "areas_chart",
    "follow_up_chart",
    "period_key",
    "plan_chart",
    "render",
    "same_measure",
    "shared_measures",
    "tick_text",
    "trend_chart",
    "trend_groups",
    "write_chart",
]
