"""``hdnd-chart``: a chart of indicators (plan vs actual, areas, trend), drawn at build time
(the figure and its files: :mod:`sphinx_hdnd.sphinxext.parts.chart`)."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ... import charts
from ...model.dataset import Dataset
from ...model.records import Indicator
from ..parts.chart import chart_nodes
from ..parts.indicators import PROVINCE, filter_indicators
from .base import HdndDirective, code_list

# An environment can be shared by builders (``-b html`` then ``-b latex`` with one
# doctree folder): a page read for HTML has only SVG charts, so a builder that needs
# another variant re-reads the pages whose charts lack it.


class ChartDirective(HdndDirective):
    """Options: ``:kind: plan|areas|trend`` (default plan), ``:codes:``, ``:topic:``,
    ``:area:`` (plan, trend: whose figures, ``toan-tinh`` for the province; areas: the
    area to highlight), ``:period:``, ``:key:`` (the plan's key indicators), ``:title:``."""

    uses = ("indicators", "areas")
    option_spec = {
        "kind": directives.unchanged,
        "codes": code_list,
        "topic": code_list,
        "area": directives.unchanged,
        "period": directives.unchanged,
        "key": directives.flag,
        "title": directives.unchanged,
    }

    def render(self, ds: Dataset) -> list[nodes.Node]:
        kind = self.choice("kind", charts.KINDS, "plan")
        codes = self.known("codes", self.options.get("codes", []), ds.indicators, "chỉ tiêu")
        topics = self.known("topic", self.options.get("topic", []), ds.topics, "lĩnh vực")
        area = self.options.get("area")
        if area is not None and area not in ds.areas and not (area == PROVINCE
                                                              and kind != "areas"):
            self.warn(f"tùy chọn :area: địa bàn “{area}” không tồn tại", "reference")
            area = None
        period = self.options.get("period")
        if period is not None and period not in {i.period for i in ds.indicators.values()}:
            self.warn(f"tùy chọn :period: kỳ số liệu “{period}” không có trong dữ liệu chỉ tiêu",
                      "reference")
            period = None
        title = (self.options.get("title") or "").strip()
        chart = self.build(ds, kind, codes, topics, area, period, title)
        if chart is None:
            self.warn(f"không có số liệu để vẽ biểu đồ loại “{kind}” với các tùy chọn đã cho")
            return [nodes.paragraph("", "Không có số liệu để vẽ biểu đồ.",
                                    classes=["hdnd-empty"])]
        return chart_nodes(self.env, ds, chart)

    def build(self, ds: Dataset, kind: str, codes: list[str], topics: list[str],
              area: str | None, period: str | None, title: str) -> charts.Chart | None:
        key_only = "key" in self.options
        if kind == "areas":
            chosen = filter_indicators(ds, topics, [], codes, key_only, period)
            if not codes:
                chosen = [i for i in chosen if i.area is not None]
            measures = charts.shared_measures(ds, area) if not (codes or topics or period) \
                else [m for m in charts.shared_measures(ds)
                      if any(charts.same_measure(m, c) for c in chosen)]
            return charts.areas_chart(ds, measures, focus=area, title=title)
        areas = [area] if area else []
        chosen = filter_indicators(ds, topics, areas, codes, key_only, period)
        if kind == "trend":
            if codes:
                # a code stands for its measure: every period of the same name, unit and area
                wanted = [ds.indicators[c] for c in codes]
                chosen = [i for i in ds.indicators.values()
                          if any(_same_series(i, w) for w in wanted)]
            elif period:
                # a period picks the measures it has; the trend shows all their periods
                chosen = [i for i in ds.indicators.values()
                          if any(_same_series(i, c) for c in chosen)]
            groups = charts.trend_groups(chosen)
            if codes:  # in the order the author listed them
                wanted = [ds.indicators[c] for c in codes]
                groups.sort(key=lambda g: next(
                    (n for n, w in enumerate(wanted) if _same_series(g[0], w)), len(wanted)))
            return charts.trend_chart(groups, title=title)
        if codes:
            for ind in chosen:
                if charts.plan_chart([ind]) is None:
                    self.warn(f"chỉ tiêu “{ind.code}” không có số kế hoạch để so sánh, "
                              "không vẽ trên biểu đồ")
        return charts.plan_chart(chosen, title=title)


def _same_series(a: Indicator, b: Indicator) -> bool:
    return a.series_key == b.series_key
