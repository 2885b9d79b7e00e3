"""The ``hdnd`` role: one figure inline, so prose cites data instead of copying numbers.

``{hdnd}`grdp_6t``` gives the value with its unit; ``{hdnd}`grdp_6t:growth```
a derived form (see :data:`~sphinx_hdnd.model.placeholders.FORMS`).
"""

from __future__ import annotations

from docutils import nodes
from docutils.nodes import Node, system_message
from sphinx.util.docutils import SphinxRole

from ..model.placeholders import FORMS
from ..phrasing.figures import figure
from .render import Cites, citations, figure_node
from .state import get_dataset, logger


class FigureRole(SphinxRole):
    def run(self) -> tuple[list[Node], list[system_message]]:
        ds = get_dataset(self.env)
        code, _, form = self.text.strip().partition(":")
        form = form or "value"
        for table in ("indicators", "rankings", "budget", "sources"):
            path = ds.files.get(table)
            if path is not None:
                self.env.note_dependency(str(path))
        if form not in FORMS:
            logger.warning(f"vai trò hdnd: dạng “{form}” không hỗ trợ; dùng "
                           + ", ".join(FORMS), type="hdnd", subtype="option",
                           location=self.get_location())
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        fig = figure(ds, code, form)
        if fig is None:
            known = code in ds.indicators or code in ds.rankings
            reason = (f"chỉ tiêu “{code}” không có số liệu dạng “{form}”" if known
                      else f"không có chỉ tiêu hay xếp hạng mã “{code}”")
            logger.warning(f"vai trò hdnd: {reason}", type="hdnd", subtype="reference",
                           location=self.get_location())
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        cites = Cites()
        return [figure_node(ds, fig.text, fig.record, cites), *citations(ds, cites)], []
