"""``hdnd-grid``: the landing picker: choose an area, then an audience.

On a phone, a grid of every area's card (70 links, four screens) pushed the đề cương
off the first screen. The directive now gives one block, ``.hdnd-grid.hdnd-picker``:

- the cards, folded in a ``<details>`` ("Danh sách đề cương của 10 địa bàn …"): without
  JavaScript, opening it reaches every briefing; with ``:open:`` (the generated
  ``tiep-xuc/index`` page, which is that list) they are shown unfolded;
- with JavaScript, ``hdnd-picker.js`` puts two lists in front of it (area, then audience)
  and a button that opens the chosen page, built from the cards' own links, so every
  builder resolves the links as usual and a page opened from a folder works.

Other builders see a container of cards (the ``<details>`` nodes fall back to
container and paragraph); paper, PDF and Word leave the whole block out (hdnd-print.css,
the docx writer's ``hdnd-grid``).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from ...model.dataset import Dataset
from ...phrasing.numbers import format_count
from ...tailoring import audiences_for
from ..pages import area_docname, briefing_docname, meeting_areas
from ..render import doc_link, text
from .base import HdndDirective


class fold(nodes.container):  # docutils names nodes in lower case
    """``<details>`` in HTML; a container for every other builder (Sphinx's visitor MRO)."""


class fold_title(nodes.paragraph):
    """``<summary>`` in HTML; a paragraph elsewhere."""


def visit_fold(self: Any, node: fold) -> None:
    atts = {"open": "open"} if node.get("open") else {}
    self.body.append(self.starttag(node, "details", "", **atts))


def depart_fold(self: Any, node: fold) -> None:
    self.body.append("</details>\n")


def visit_fold_title(self: Any, node: fold_title) -> None:
    self.body.append(self.starttag(node, "summary", ""))


def depart_fold_title(self: Any, node: fold_title) -> None:
    self.body.append("</summary>\n")


def setup_grid(app: Sphinx) -> None:
    """The nodes; the script (``hdnd-picker.js``) is added with the other static files."""
    app.add_node(fold, html=(visit_fold, depart_fold))
    app.add_node(fold_title, html=(visit_fold_title, depart_fold_title))


class GridDirective(HdndDirective):
    """The picker, and cards (sphinx-design classes) for every area listing its audiences.

    Option ``:open:``: the cards are shown, not folded.
    """

    uses = ("areas", "audiences")
    option_spec = {"open": directives.flag}

    def render(self, ds: Dataset) -> list[nodes.Node]:
        cfg = self.config
        grid = nodes.container(classes=["sd-container-fluid", "sd-sphinx-override", "sd-mb-4",
                                        "hdnd-area-cards"])
        row = nodes.container(classes=["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2",
                                       "sd-row-cols-lg-3", "sd-g-3"])
        grid += row
        briefings = 0
        for area in meeting_areas(ds, cfg.hdnd_areas, cfg.hdnd_exclude_areas):
            col = nodes.container(classes=["sd-col", "sd-d-flex-row"])
            card = nodes.container(classes=["sd-card", "sd-sphinx-override", "sd-w-100",
                                            "sd-shadow-sm", "hdnd-area-card"])
            body = nodes.container(classes=["sd-card-body"])
            title = nodes.paragraph(classes=["sd-card-title", "sd-font-weight-bold"])
            title += doc_link(area_docname(area.code),
                              area.full_name[:1].upper() + area.full_name[1:])
            body += title
            lst = nodes.bullet_list(bullet="-", classes=["hdnd-audience-list"])
            for aud in audiences_for(ds, area.code, cfg.hdnd_exclude_audiences):
                lst += nodes.list_item("", nodes.paragraph(
                    "", "", doc_link(briefing_docname(area.code, aud.code), aud.name)))
            body += lst
            card += body
            col += card
            row += col
            briefings += len(lst.children)
        if not row.children:
            return [nodes.paragraph("", "", text("Chưa có địa bàn nào để lập đề cương."))]
        picker = nodes.container(classes=["hdnd-grid", "hdnd-picker"])
        folded = fold(classes=["hdnd-picker-all"], open="open" in self.options)
        folded += fold_title("", text(
            f"Danh sách đề cương của {format_count(len(row.children), pad=True)} "
            f"địa bàn ({format_count(briefings, pad=True)} đề cương)"))
        folded += grid
        picker += folded
        return [picker]
