"""Tables that stack into cards on a phone: each body cell says which column it is in.

A table with the class ``hdnd-stack`` stays an ordinary table in the doctree and on
every builder; in HTML, each body cell gets ``data-label="<its column's header>"`` so
that ``hdnd.css`` can lay a row out, below 40em of screen width, as a card: the first
cell as its title, then one "label: value" line per cell. The label is the header's
own text, so it is the same words the reader sees on a desktop, escaped like any text.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

STACK = "hdnd-stack"
#: a body cell that holds only this says nothing on a card, and is hidden there
EMPTY = ("", "—", "-")


def _header_labels(tgroup: nodes.Element) -> list[str]:
    """The text of each logical column of the table's last header row ('' where none)."""
    heads = [c for c in tgroup.children if isinstance(c, nodes.thead)]
    if not heads or not heads[0].children:
        return []
    labels: list[str] = []
    for entry in heads[0].children[-1].children:
        label = " ".join(entry.astext().split())
        labels.extend([label] * (1 + int(entry.get("morecols", 0))))
    return labels


def _labelled(node: nodes.entry) -> tuple[str, bool] | None:
    """(label, empty) for a body cell of a stacking table, else None."""
    row = node.parent
    body = row.parent if row is not None else None
    tgroup = body.parent if body is not None else None
    table = tgroup.parent if tgroup is not None else None
    if not isinstance(body, nodes.tbody) or not isinstance(table, nodes.table):
        return None
    if STACK not in table.get("classes", []):
        return None
    labels = _header_labels(tgroup)
    column = getattr(row, "column", 0)
    label = labels[column] if column < len(labels) else ""
    return label, node.astext().strip() in EMPTY


def visit_entry(self: Any, node: nodes.entry) -> None:
    found = _labelled(node)
    type(self).visit_entry(self, node)  # the writer's own cell, then our attribute on it
    if found is None:
        return
    label, empty = found
    tag = self.body[-1]
    if not tag.startswith("<td"):
        return  # a stub column (th) is the row's own title
    extra = f' data-label="{html.escape(label, quote=True)}"' if label else ""
    if empty:
        extra += ' data-empty=""'
    self.body[-1] = "<td" + extra + tag[3:]


def depart_entry(self: Any, node: nodes.entry) -> None:
    type(self).depart_entry(self, node)


def setup_stack(app: Sphinx) -> None:
    # every HTML builder (html, dirhtml, singlehtml fall back to the format's handlers)
    app.add_node(nodes.entry, override=True, html=(visit_entry, depart_entry))
