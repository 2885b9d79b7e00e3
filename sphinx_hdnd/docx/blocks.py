"""Block content: headings, paragraphs, lists, cards, tables, figures and pictures, after
what is not printed is pruned."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx import addnodes

from .format import DocxFormat
from .inline import DROPPED_CLASSES, InlineWriter, classes_of
from .ooxml import PPR_ORDER, element, qn, sort_children, table_layout, w_ns, xml_safe
from .styles import S_CARD_TITLE, S_NOTE, S_PICTURE, S_SOURCE, S_TABLE_HEAD, S_TABLE_TEXT, Numbering

#: a chart: (PNG bytes, natural width and height in points); None when it cannot be drawn
Picture = tuple[bytes, float, float]
PictureOf = Callable[[nodes.image], Picture | None]


def prune(doctree: nodes.document) -> None:
    """Remove what is not printed: the same as ``hdnd-print.css`` hides on paper."""
    for node in list(doctree.findall(nodes.Element)):
        if node.parent is None and node is not doctree:
            continue  # already removed with an ancestor
        classes = set(classes_of(node))
        if isinstance(node, nodes.section) and any(
                isinstance(c, nodes.container) and "hdnd-grid" in classes_of(c) for c in node.children):
            if not any(isinstance(c, nodes.section) for c in node.children):
                node.parent.remove(node)  # the grid of briefings: navigation
                continue
            for child in list(node.children):
                if isinstance(child, nodes.paragraph):
                    node.remove(child)
        if classes & DROPPED_CLASSES or isinstance(node, nodes.comment | addnodes.toctree
                                                   | nodes.target | nodes.substitution_definition
                                                   | nodes.raw | nodes.system_message):
            if node.parent is not None:
                node.parent.remove(node)
            continue
        if isinstance(node, nodes.paragraph) and "hdnd-meta" in classes:
            following = node.next_node(descend=False, siblings=True)
            if isinstance(following, nodes.container) and \
                    "hdnd-audience-links" in classes_of(following):
                node.parent.remove(node)


@dataclass
class ListState:
    """The list being written: its numbering instance, level and paragraph style."""

    num_id: int
    level: int
    style: str


class BlockWriter(InlineWriter):
    """Block content into a document body or a table cell; the document, its numbering and
    the state of lists are set by :class:`DocxWriter` for each document."""

    fmt: DocxFormat
    picture_of: PictureOf
    doc: Any
    numbering: Numbering
    lists: list[ListState]
    pending: ListState | None
    first_title: bool
    pictures: int

    # -- blocks

    def _blocks(self, parent: Any, children: Iterable[nodes.Node], depth: int) -> None:
        for child in children:
            self._block(parent, child, depth)

    def _block(self, parent: Any, node: nodes.Node, depth: int) -> None:
        classes = set(classes_of(node))
        if isinstance(node, nodes.Text):
            if node.astext().strip():
                self._paragraph(parent, "Normal").add_run(xml_safe(node.astext()))
        elif isinstance(node, nodes.section):
            self._blocks(parent, node.children, depth + 1)
        elif isinstance(node, nodes.title):
            if depth <= 1 and self.first_title:
                self.first_title = False
                style = "Title"
            else:
                style = f"Heading {min(max(depth - 1, 1), 4)}"
            self._inline_into(self._paragraph(parent, style), node)
        elif isinstance(node, nodes.rubric):
            self._inline_into(self._paragraph(parent, f"Heading {min(max(depth, 1), 4)}"), node)
        elif isinstance(node, nodes.paragraph):
            self._inline_into(self._paragraph(parent, self._paragraph_style(node)), node)
        elif isinstance(node, nodes.enumerated_list | nodes.bullet_list):
            self._list(parent, node, depth)
        elif isinstance(node, nodes.table):
            self._table(parent, node, depth)
        elif isinstance(node, nodes.figure):
            self._figure(parent, node)
        elif isinstance(node, nodes.image):
            self._picture(parent, node)
        elif isinstance(node, nodes.caption):
            self._inline_into(self._paragraph(parent, "Caption"), node)
        elif isinstance(node, nodes.container) and "hdnd-cards" in classes:
            self._cards(parent, node, depth)
        elif isinstance(node, nodes.container) and "hdnd-sources" in classes:
            self._sources(parent, node, depth)
        elif isinstance(node, nodes.literal_block | nodes.doctest_block):
            for line in node.astext().splitlines() or [""]:
                self._paragraph(parent, S_NOTE).add_run(xml_safe(line))
        elif isinstance(node, nodes.line_block):
            for line in node.findall(nodes.line):
                self._inline_into(self._paragraph(parent, "Normal"), line)
        elif isinstance(node, nodes.definition_list):
            for item in node.children:
                for part in item.children:
                    if isinstance(part, nodes.term):
                        para = self._paragraph(parent, "Normal")
                        with self._styled("Strong"):
                            self._inline_into(para, part)
                    elif isinstance(part, nodes.definition):
                        self._blocks(parent, part.children, depth)
        elif isinstance(node, nodes.Admonition):
            for part in node.children:
                if isinstance(part, nodes.title):
                    para = self._paragraph(parent, "Normal")
                    with self._styled("Strong"):
                        self._inline_into(para, part)
                else:
                    self._block(parent, part, depth)
        elif isinstance(node, nodes.Element) and _is_inline(node):
            self._inline_into(self._paragraph(parent, "Normal"), node)
        elif isinstance(node, nodes.Element):
            # containers, block quotes, compound paragraphs, petitions: their content
            self._blocks(parent, node.children, depth)

    def _paragraph_style(self, node: nodes.paragraph) -> str:
        classes = set(classes_of(node))
        if "hdnd-meta" in classes:
            parent = node.parent
            index = parent.index(node) if parent is not None else 0
            if index and isinstance(parent[index - 1], nodes.title) and \
                    isinstance(parent, nodes.section) and isinstance(parent.parent, nodes.document):
                return "Subtitle"
            return S_NOTE
        if "hdnd-card-title" in classes:
            return S_CARD_TITLE
        return "Normal"

    def _paragraph(self, parent: Any, style: str) -> Any:
        """A new paragraph of ``style`` in ``parent``; the first one of a list item takes the
        item's number (the list's style). In a table cell, body text takes the table's style."""
        if _in_cell(parent) and style == "Normal":
            style = S_TABLE_TEXT
        pending, self.pending = self.pending, None
        if pending is not None and style in ("Normal", S_NOTE, S_TABLE_TEXT):
            para = self._new_paragraph(parent, pending.style)
            _number_paragraph(para, pending.num_id, pending.level)
            return para
        if pending is not None:
            self.pending = pending  # a heading or a picture first: the number waits
        return self._new_paragraph(parent, style)

    def _new_paragraph(self, parent: Any, style: str) -> Any:
        """python-docx looks a style up by name through every style on each call (most of the
        time of a booklet): the ids are looked up once per document."""
        para = parent.add_paragraph()
        para._p.style = self.style_ids[style]
        return para

    def _list(self, parent: Any, node: nodes.Element, depth: int) -> None:
        if isinstance(node, nodes.bullet_list):
            kind = "bullet"
        else:
            prefix, suffix = node.get("prefix", ""), node.get("suffix", ".")
            kind = {"(": "paren", "[": "bracket"}.get(prefix, "dot")
            if node.get("enumtype") in ("loweralpha", "upperalpha"):
                kind = "alpha"
            elif suffix == ")" and not prefix:
                kind = "alpha" if node.get("enumtype") != "arabic" else "dot"
        level = min(len(self.lists), 2)
        num_id = self.numbering.new(kind, int(node.get("start", 1)))
        base = "List Bullet" if kind == "bullet" else "List Number"
        style = S_TABLE_TEXT if _in_cell(parent) else base + (" 2" if level >= 1 else "")
        state = ListState(num_id, level, style)
        self.lists.append(state)
        try:
            for item in node.children:
                if not isinstance(item, nodes.list_item):
                    continue
                self.pending = state
                self._blocks(parent, item.children, depth)
                if self.pending is state:  # an empty item
                    self._paragraph(parent, "Normal")
                self.pending = None
        finally:
            self.lists.pop()

    def _cards(self, parent: Any, node: nodes.Element, depth: int) -> None:
        """The session's key figures: two cards a row, as on paper."""
        from docx.shared import Mm

        cards = [c for c in node.children if isinstance(c, nodes.container)]
        if not cards:
            return
        columns = 2 if len(cards) > 1 else 1
        rows = (len(cards) + columns - 1) // columns
        table = _add_table(parent, rows, columns, self.fmt)
        table.style = self.doc.styles["Table Grid"]
        width = self.fmt.text_width_mm
        table_layout(table, [Mm(width / columns)] * columns)
        for i, card in enumerate(cards):
            self._cell(table.rows[i // columns].cells[i % columns], card, S_TABLE_TEXT, depth)
        for row in table.rows:
            row._tr.get_or_add_trPr().append(element(f'<w:cantSplit {w_ns()}/>'))
        self._spacer(parent)

    def _sources(self, parent: Any, node: nodes.Element, depth: int) -> None:
        """The end list of sources, numbered [n] as the page."""
        for child in node.children:
            if isinstance(child, nodes.rubric):
                self._inline_into(self._paragraph(parent, f"Heading {min(max(depth, 1), 4)}"),
                                  child)
            elif isinstance(child, nodes.enumerated_list):
                num_id = self.numbering.new("bracket", int(child.get("start", 1)))
                for item in child.children:
                    paras = [p for p in item.children if isinstance(p, nodes.paragraph)]
                    for i, p in enumerate(paras):
                        para = self._paragraph(parent, S_SOURCE)
                        if i == 0:
                            _number_paragraph(para, num_id, 0)
                        self._inline_into(para, p)
            else:
                self._block(parent, child, depth)

    def _spacer(self, parent: Any) -> None:
        """An empty paragraph after a table: two tables never join, and text never sticks to
        a table's bottom border."""
        self._new_paragraph(parent, S_TABLE_TEXT)

    # -- tables

    def _table(self, parent: Any, node: nodes.table, depth: int) -> None:
        from docx.shared import Mm

        group = node.next_node(nodes.tgroup)
        if group is None:
            return
        colspecs = [c for c in group.children if isinstance(c, nodes.colspec)]
        head = [r for t in group.children if isinstance(t, nodes.thead) for r in t.children
                if isinstance(r, nodes.row)]
        body = [r for t in group.children if isinstance(t, nodes.tbody) for r in t.children
                if isinstance(r, nodes.row)]
        n_cols = int(group.get("cols", len(colspecs) or 1))
        weights = [float(c.get("colwidth", 1) or 1) for c in colspecs][:n_cols]
        weights += [1.0] * (n_cols - len(weights))
        for title in node.children:
            if isinstance(title, nodes.title):
                self._inline_into(self._paragraph(parent, "Caption"), title)
        table = _add_table(parent, len(head) + len(body), n_cols, self.fmt)
        table.style = self.doc.styles["Table Grid"]
        width = self.fmt.text_width_mm
        total = sum(weights)
        table_layout(table, [Mm(width * w / total) for w in weights])
        for index, row in enumerate(head + body):
            tr = table.rows[index]
            trpr = tr._tr.get_or_add_trPr()
            trpr.append(element(f'<w:cantSplit {w_ns()}/>'))
            if index < len(head):
                trpr.append(element(f'<w:tblHeader {w_ns()}/>'))
            column = 0
            for entry in row.children:
                if not isinstance(entry, nodes.entry) or column >= n_cols:
                    continue
                cell = tr.cells[column]
                span = int(entry.get("morecols", 0))
                if span:
                    cell = cell.merge(tr.cells[min(column + span, n_cols - 1)])
                style = S_TABLE_HEAD if index < len(head) else S_TABLE_TEXT
                self._cell(cell, entry, style, depth)
                column += 1 + span
        self._spacer(parent)

    def _cell(self, cell: Any, entry: nodes.Element, style: str, depth: int) -> None:
        with _filled(cell):
            for child in entry.children:
                if isinstance(child, nodes.paragraph):
                    if "hdnd-card-title" in classes_of(child):
                        self._inline_into(self._paragraph(cell, S_CARD_TITLE), child)
                    else:
                        self._inline_into(self._paragraph(cell, style), child)
                else:
                    self._block(cell, child, depth)

    # -- figures and pictures

    def _figure(self, parent: Any, node: nodes.figure) -> None:
        for child in node.children:
            if isinstance(child, nodes.image):
                self._picture(parent, child)
            elif isinstance(child, nodes.caption):
                self._inline_into(self._paragraph(parent, "Caption"), child)
            elif isinstance(child, nodes.legend):
                self._blocks(parent, child.children, 0)

    def _picture(self, parent: Any, node: nodes.image) -> None:
        from docx.shared import Mm, Pt

        alt = xml_safe(node.get("alt", "") or "")
        picture = self.picture_of(node)
        if picture is None:
            # no picture: its text alternative, which carries every figure it shows
            if alt:
                self._paragraph(parent, S_NOTE).add_run(alt)
            return
        data, width_pt, height_pt = picture
        max_w, max_h = self.fmt.text_width_mm / 25.4 * 72, 170 / 25.4 * 72
        if _in_cell(parent):
            max_w = int(parent.width or Mm(self.fmt.text_width_mm)) / 12700
        scale = min(1.0, max_w / width_pt, max_h / height_pt)
        para = self._paragraph(parent, S_PICTURE)
        run = para.add_run()
        shape = run.add_picture(io.BytesIO(data), width=Pt(width_pt * scale),
                                height=Pt(height_pt * scale))
        self.pictures += 1
        doc_pr = shape._inline.docPr
        doc_pr.set("name", f"Biểu đồ {self.pictures}")
        doc_pr.set("descr", alt)
        title = node.parent.next_node(nodes.caption) if isinstance(node.parent, nodes.figure) \
            else None
        if title is not None:
            doc_pr.set("title", xml_safe(title.astext()))



def _in_cell(parent: Any) -> bool:
    return hasattr(parent, "_tc")


@contextmanager
def _filled(cell: Any) -> Iterator[None]:
    """Content into a new cell: its first, empty paragraph goes, and a cell always ends with
    a paragraph (Word requires one)."""
    for para in list(cell.paragraphs):
        if not para._p.findall(qn("w:r")):
            cell._tc.remove(para._p)
    yield
    last = cell._tc[-1] if len(cell._tc) else None
    if last is None or last.tag != qn("w:p"):
        para = cell.add_paragraph()
        para._p.style = cell.part.document.styles[S_TABLE_TEXT].style_id


def _add_table(parent: Any, rows: int, cols: int, fmt: DocxFormat) -> Any:
    from docx.shared import Mm

    if _in_cell(parent):
        return parent.add_table(rows, cols)
    return parent.add_table(rows, cols, Mm(fmt.text_width_mm))


def _number_paragraph(para: Any, num_id: int, level: int) -> None:
    ppr = para._p.get_or_add_pPr()
    ppr.append(element(f'<w:numPr {w_ns()}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
                    "</w:numPr>"))
    sort_children(ppr, PPR_ORDER)


def _is_inline(node: nodes.Element) -> bool:
    return isinstance(node, nodes.Inline | nodes.TextElement) and not isinstance(
        node, nodes.paragraph | nodes.title | nodes.rubric | nodes.caption)

