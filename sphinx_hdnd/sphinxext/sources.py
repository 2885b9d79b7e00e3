"""Number each page's sources in reading order and list them at the page's end.

Runs at ``doctree-read`` (in the reading process, so ``-j`` is safe): every
pending :class:`~.nodes.source_ref` becomes a superscript ``[n]`` linking to
the n-th entry of the page's "Nguồn số liệu" list.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..phrasing import format_date
from ..phrasing.sentences import section_reference
from .nodes import source_anchor, source_ref
from .state import get_dataset

SOURCES_TITLE = "Nguồn số liệu"


def number_sources(app: Sphinx, doctree: nodes.document) -> None:
    refs = list(doctree.findall(source_ref))
    if not refs:
        return
    ds = get_dataset(app.env)
    order: dict[str, int] = {}
    sections: dict[str, list[str]] = {}
    for ref in refs:
        code = ref["source"]
        number = order.setdefault(code, len(order) + 1)
        for part in (ref.get("section") or "").split("; "):
            if part and part not in sections.setdefault(code, []):
                sections[code].append(part)
        sections.setdefault(code, [])
        link = nodes.reference("", f"[{number}]", internal=True, refid=source_anchor(code),
                               classes=["hdnd-cite"])
        ref.replace_self(nodes.superscript("", "", link))

    listing = nodes.container(classes=["hdnd-sources"])
    listing += nodes.rubric(SOURCES_TITLE, SOURCES_TITLE)
    lst = nodes.enumerated_list(enumtype="arabic", prefix="[", suffix="]")
    for code in order:
        src = ds.sources.get(code)
        para = nodes.paragraph(ids=[source_anchor(code)])
        if src is None:
            para += nodes.Text(code)
        else:
            parts = [src.title]
            if src.issuer:
                parts.append(src.issuer)
            if src.number:
                parts.append(f"số {src.number}")
            if src.date:
                parts.append(f"ngày {format_date(src.date)}")
            para += nodes.Text(", ".join(parts))
            if sections[code]:
                para += nodes.Text("; " + section_reference(sections[code]))
            if src.illustrative:
                # the mark, once: a title that already says "minh họa" gets the short badge
                said = "minh họa" in src.title.casefold()
                para += nodes.Text(" ")
                para += nodes.inline("", "minh họa" if said
                                     else "số liệu minh họa, không phải văn bản thật",
                                     classes=["hdnd-badge", "hdnd-illustrative-badge"])
            if src.url:
                para += nodes.Text(" (")
                # only web addresses become links: a "javascript:" URL stays text
                if src.url.startswith(("https://", "http://")):
                    para += nodes.reference("", src.url, refuri=src.url)
                else:
                    para += nodes.Text(src.url)
                para += nodes.Text(")")
        lst += nodes.list_item("", para)
    listing += lst

    top = doctree.next_node(nodes.section)
    (top if top is not None else doctree).append(listing)
