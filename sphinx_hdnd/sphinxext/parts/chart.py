"""A chart as nodes, and its files.

The files are written by :func:`sphinx_hdnd.charts.write_chart` into the
build's own folder (``<doctreedir>/_hdnd_charts``), never into the sources,
one file per variant (named by a hash of what is drawn), in the one format
the builder shows: SVG for HTML and EPUB, PDF for LaTeX (drawing both cost
twice the time for a file nobody opens). The image node points at
``<key>.*``, which Sphinx's image collector resolves; text builders print
the alternative text. Under the image: the figures as a list, each
citing its source, so the numbers are there without the picture.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ... import charts
from ...model.dataset import Dataset
from ..render import Cites, citations
from ..state import build_state

CHART_DIR = "_hdnd_charts"


def chart_dir(env: BuildEnvironment) -> Path:
    return Path(env.doctreedir) / CHART_DIR


def chart_nodes(env: BuildEnvironment, ds: Dataset, chart: charts.Chart) -> list[nodes.Node]:
    """The figure: image (alt text with every figure), caption, and the figures as a list."""
    directory = chart_dir(env)
    state = build_state(env)
    charts.write_chart(chart, directory, (state.chart_format,))
    state.note_chart_format(env.docname, state.chart_format)
    # a path relative to the document, which the image collector resolves and globs
    doc_dir = Path(env.doc2path(env.docname)).parent
    uri = os.path.relpath(directory / f"{chart.key}.*", doc_dir).replace(os.sep, "/")
    box = nodes.container(classes=["hdnd-chart", f"hdnd-chart-{chart.kind}"])
    fig = nodes.figure(classes=["hdnd-chart-figure"])
    fig += nodes.image(uri=uri, alt=chart.alt, classes=["hdnd-chart-image"])
    fig += nodes.caption(chart.title, chart.title)
    box += fig
    # the figures again as text, each with its source: for print, text builders, search
    data = nodes.container(classes=["hdnd-chart-data"])
    data += nodes.paragraph("", "Số liệu trên biểu đồ:", classes=["hdnd-meta"])
    items = nodes.bullet_list(bullet="-")
    for fact in chart.facts:
        cites = Cites()
        for rec in fact.records:
            cites.add(rec)
        para = nodes.paragraph()
        if fact.label:
            para += nodes.strong("", fact.label + ": ")
        para += nodes.Text(fact.text)
        para.extend(citations(ds, cites))
        items += nodes.list_item("", para)
    data += items
    box += data
    return [box]


def outdated_for_builder(app: Sphinx, env: BuildEnvironment, added: set[str],
                         changed: set[str], removed: set[str]) -> list[str]:
    state = build_state(env)
    return sorted(doc for doc, drawn in state.chart_formats.items()
                  if state.chart_format not in drawn and doc in env.all_docs
                  and doc not in removed)


def setup_charts(app: Sphinx) -> None:
    app.connect("env-get-outdated", outdated_for_builder)


def area_chart_nodes(env: BuildEnvironment, ds: Dataset, area: str) -> list[nodes.Node]:
    """The ``areas`` chart of the measures that ``area`` shares with other areas, or nothing."""
    chart = charts.area_chart(ds, area)
    return chart_nodes(env, ds, chart) if chart is not None else []
