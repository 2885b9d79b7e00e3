"""Where an area stands, as paragraphs: the areas it holds and belongs to, before and after
the reform; the areas that have pages are links to them (both ways)."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..model.dataset import Dataset
from ..model.places import membership
from ..model.records import Area
from ..phrasing.places import membership_sentences
from .render import text

#: makes the link to an area's page: (area code, label) -> node
Linker = Callable[[str, str], nodes.Node]


def membership_nodes(
    ds: Dataset, code: str, link: Linker | None, classes: tuple[str, ...] = ("hdnd-membership",)
) -> list[nodes.Node]:
    """One paragraph per sentence; an area with a page of its own (a current area) is a
    link when ``link`` is given."""
    m = membership(ds, code)
    if m.empty:
        return []
    out: list[nodes.Node] = []
    council = ds.province.council_short if ds.province else "HĐND tỉnh"
    for sentence in membership_sentences(m, council):
        para = nodes.paragraph(classes=list(classes))
        for piece in sentence:
            if isinstance(piece, Area):
                if link is not None and not piece.is_former:
                    para += link(piece.code, piece.display_name)
                else:
                    para += text(piece.display_name)
            else:
                para += text(piece)
        out.append(para)
    return out


__all__ = ["Linker", "membership_nodes"]
