"""``hdnd-petition-count``: how many petitions the voters of one area sent, and how
many of them are answered.

The worked example of the architecture page (``docs/kien-truc.md``): a directive
that reads the build's dataset, names the data table it uses (so that editing that
file rebuilds the page), checks its option against the data, and returns plain
docutils nodes, so that every builder (HTML, PDF, Word, text) shows it.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from sphinx_hdnd.model.dataset import Dataset
from sphinx_hdnd.model.records import PetitionStatus
from sphinx_hdnd.phrasing import format_count
from sphinx_hdnd.sphinxext.directives.base import HdndDirective


class PetitionCountDirective(HdndDirective):
    """One sentence: the area's petitions and how many are answered."""

    uses = ("petitions", "areas")  # a change to these files makes the page outdated
    option_spec = {"area": directives.unchanged_required}

    def render(self, ds: Dataset) -> list[nodes.Node]:
        # an unknown code is a located warning (hdnd.reference), never a silent blank
        known = self.known("area", [self.options.get("area", "")], ds.areas, "địa bàn")
        if not known:
            return []
        area = ds.areas[known[0]]
        sent = [p for p in ds.petitions if p.area == area.code]
        answered = [p for p in sent if p.status is PetitionStatus.ANSWERED]
        sentence = (f"Cử tri {area.display_name} gửi {format_count(len(sent))} kiến nghị, "
                    f"trong đó {format_count(len(answered))} kiến nghị đã được trả lời.")
        return [nodes.paragraph("", sentence)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_hdnd")  # the dataset, the hdnd domain, the warnings
    app.add_directive("hdnd-petition-count", PetitionCountDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
