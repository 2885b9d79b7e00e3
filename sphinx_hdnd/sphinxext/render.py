"""Shared node builders. Text from the data only ever becomes ``nodes.Text``.

Nothing here parses markup: a petition containing ``<script>``, ``**bold**``
or ``{{ x }}`` is printed as those characters by every builder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx import addnodes

from ..model.dataset import Dataset
from ..model.placeholders import Placeholder, split_text
from ..model.records import Sourced
from ..phrasing.figures import figure
from ..phrasing.sentences import section_reference
from .nodes import source_anchor, source_ref
from .shown import marker

ILLUSTRATIVE_LABEL = "minh họa"


class Cites:
    """Collects the records a paragraph draws on, to cite them once at its end."""

    def __init__(self) -> None:
        self.records: list[Sourced] = []

    def add(self, rec: Sourced) -> None:
        self.records.append(rec)

    def illustrative(self, ds: Dataset) -> bool:
        return any(is_illustrative(ds, r) for r in self.records)


def is_illustrative(ds: Dataset, rec: Sourced) -> bool:
    if rec.illustrative:
        return True
    src = ds.sources.get(rec.source or "")
    return bool(src and src.illustrative)


def text(value: str) -> nodes.Text:
    return nodes.Text(value)


def figure_node(ds: Dataset, fig_text: str, rec: Sourced, cites: Cites) -> nodes.Node:
    """A figure: a link to its source in HTML, plain text elsewhere."""
    cites.add(rec)
    classes = ["hdnd-figure"]
    if is_illustrative(ds, rec):
        classes.append("hdnd-illustrative")
    if rec.source and rec.source in ds.sources:
        return nodes.reference("", fig_text, internal=True, refid=source_anchor(rec.source),
                               classes=classes, reftitle=_title(ds, rec))
    return nodes.inline("", fig_text, classes=classes)


def _title(ds: Dataset, rec: Sourced) -> str:
    src = ds.sources.get(rec.source or "")
    if src is None:
        return ""
    where = section_reference(rec.source_section.split("; ")) if rec.source_section else ""
    return f"Nguồn: {src.title}" + (f", {where}" if where else "")


def narrative_nodes(ds: Dataset, value: str, cites: Cites) -> list[nodes.Node]:
    """Narrative text with its ``{code}`` placeholders replaced by linked figures."""
    out: list[nodes.Node] = []
    for piece in split_text(value):
        if isinstance(piece, Placeholder):
            fig = figure(ds, piece.code, piece.form)
            if fig is None:
                # validate reports it (HD150, HD151, HD154); a delegate must never read
                # "{code}" aloud, and no figure is invented
                out.append(nodes.inline("", "(chưa có số liệu)", classes=["hdnd-missing"]))
            else:
                out.append(figure_node(ds, fig.text, fig.record, cites))
        else:
            out.append(text(piece))
    return out


def citations(ds: Dataset, cites: Cites) -> list[nodes.Node]:
    """Superscript markers for the distinct sources used, and the illustrative badge."""
    out: list[nodes.Node] = []
    # every document drawn on, in order of first use, with all its sections: a record
    # built from two documents (the report and the đề cương) cites both
    sections: dict[str, set[str]] = {}
    for rec in cites.records:
        for code, section in rec.citations:
            sections.setdefault(code, set()).update([section] if section else [])
    for code, parts in sections.items():
        out.append(source_ref("", source=code, section="; ".join(sorted(parts))))
    shown = marker(cites.records)  # which figures reach a page (``hdnd validate`` asks)
    if shown is not None:
        out.append(shown)
    if cites.illustrative(ds):
        out.append(text(" "))
        out.append(badge(ILLUSTRATIVE_LABEL, "hdnd-illustrative-badge"))
    return out


def badge(label: str, cls: str) -> nodes.inline:
    return nodes.inline("", label, classes=["hdnd-badge", cls])


def cited_paragraph(ds: Dataset, body: Iterable[nodes.Node], cites: Cites,
                    classes: Sequence[str] = ()) -> nodes.paragraph:
    para = nodes.paragraph("", "", classes=list(classes))
    para.extend(body)
    para.extend(citations(ds, cites))
    return para


def item_paragraph(ds: Dataset, rec: Sourced, value: str, prefix: str = "",
                   classes: Sequence[str] = ()) -> nodes.paragraph:
    """A narrative item: its text with figures, then its citations."""
    cites = Cites()
    cites.add(rec)
    body: list[nodes.Node] = [text(prefix)] if prefix else []
    body.extend(narrative_nodes(ds, value, cites))
    return cited_paragraph(ds, body, cites, classes)


def section(document: nodes.document, title: str, ident: str,
            classes: Sequence[str] = ()) -> nodes.section:
    """A section with a stable id that Sphinx's toctree and anchors understand."""
    sec = nodes.section("", classes=list(classes))
    sec["ids"].append(nodes.make_id(ident))
    sec += nodes.title(title, title)
    document.note_implicit_target(sec, sec)
    return sec


def enumerated(items: Iterable[nodes.Node], start: int = 1) -> nodes.enumerated_list:
    """(1) (2) … as the documents number their points."""
    lst = nodes.enumerated_list(enumtype="arabic", prefix="(", suffix=")", classes=["hdnd-paren"])
    if start != 1:
        lst["start"] = start
    for node in items:
        lst += nodes.list_item("", node)
    return lst


def bullets(items: Iterable[nodes.Node]) -> nodes.bullet_list:
    lst = nodes.bullet_list(bullet="-")
    for node in items:
        lst += nodes.list_item("", node)
    return lst


def table(headers: Sequence[str], rows: Sequence[Sequence[nodes.Node | str]],
          widths: Sequence[int] | None = None, classes: Sequence[str] = ()) -> nodes.table:
    """A plain table; cells may be nodes (figures with links) or strings."""
    tbl = nodes.table(classes=["hdnd-table", *classes])
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for w in widths or [1] * len(headers):
        group += nodes.colspec(colwidth=w)
    thead = nodes.thead()
    group += thead
    thead += _row(headers)
    tbody = nodes.tbody()
    group += tbody
    for r in rows:
        tbody += _row(r)
    return tbl


def _row(cells: Sequence[nodes.Node | str]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, str):
            entry += nodes.paragraph("", cell)
        elif isinstance(cell, nodes.paragraph | nodes.bullet_list | nodes.enumerated_list):
            entry += cell
        else:
            para = nodes.paragraph()
            para += cell
            entry += para
        row += entry
    return row


DOWNLOAD_LABELS = {".csv": "CSV", ".xlsx": "Excel (XLSX)"}


def download_links(lead: str, base: str, suffixes: Sequence[str], docname: str
                   ) -> nodes.paragraph:
    """"Tải …: CSV · Excel (XLSX)": links to files the generator wrote beside the pages
    (``base`` is their path from the source folder, without suffix)."""
    para = nodes.paragraph(classes=["hdnd-downloads"])
    para += text(lead)
    for i, suffix in enumerate(suffixes):
        if i:
            para += text(" · ")
        para += addnodes.download_reference(
            "", "", nodes.inline("", DOWNLOAD_LABELS[suffix]), reftarget=f"/{base}{suffix}",
            refdoc=docname, refexplicit=True)
    return para


def doc_link(docname: str, label: str, classes: Sequence[str] = ()) -> addnodes.pending_xref:
    """A link to another page that every builder resolves (std:doc)."""
    ref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + docname,
                                refexplicit=True, refwarn=True)
    ref += nodes.inline("", label, classes=list(classes))
    return ref
