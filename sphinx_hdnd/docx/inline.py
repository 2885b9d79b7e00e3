"""Inline content as runs: character styles (nested ones kept), hyperlinks, citations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from docutils import nodes

from .ooxml import element, w_ns, xml_safe
from .styles import C_CITE, C_FIGURE, C_ILLUSTRATIVE, C_META, C_STATUS

#: containers and inline elements that are never on paper (as in hdnd-print.css)
DROPPED_CLASSES = frozenset({"hdnd-staff", "hdnd-staff-toggle", "hdnd-nav", "hdnd-audience-links",
                             "hdnd-grid", "hdnd-pdf-link", "toctree-wrapper", "hdnd-tag",
                             "hdnd-tag-chosen"})
STATUS_PREFIX = "hdnd-status-"


def classes_of(node: nodes.Node) -> list[str]:
    return node.get("classes", []) if isinstance(node, nodes.Element) else []


class InlineWriter:
    """Runs of a paragraph; the document's style ids are set by :class:`DocxWriter`."""

    style_ids: dict[str, str]
    _style_stack: list[str]

    @contextmanager
    def _styled(self, style: str) -> Iterator[None]:
        stack = self.__dict__.setdefault("_style_stack", [])
        stack.append(style)
        try:
            yield
        finally:
            stack.pop()

    def _run(self, para: Any, text: str) -> None:
        text = xml_safe(text)
        if not text:
            return
        stack = self.__dict__.get("_style_stack") or []
        style = stack[-1] if stack else None
        target = self.__dict__.get("_hyperlink")
        run = para.add_run()
        if style:
            run._r.style = self.style_ids[style]
        if "Strong" in stack[:-1] and style != "Strong":
            run.bold = True  # a figure inside bold text: a run has one character style
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if i:
                run.add_break()
            if line:
                run._r.add_t(line)
        if target is not None:
            target.append(run._r)

    def _inline_into(self, para: Any, node: nodes.Node) -> None:
        for child in node.children if isinstance(node, nodes.Element) else [node]:
            self._inline(para, child)

    def _inline(self, para: Any, node: nodes.Node) -> None:
        if isinstance(node, nodes.Text):
            self._run(para, node.astext())
            return
        if not isinstance(node, nodes.Element):
            return
        classes = set(classes_of(node))
        if classes & DROPPED_CLASSES:
            return
        style: str | None = None
        if isinstance(node, nodes.strong):
            style = "Strong"
        elif isinstance(node, nodes.emphasis):
            style = "Emphasis"
        elif isinstance(node, nodes.superscript):
            style = C_CITE
        elif "hdnd-figure" in classes and "hdnd-figure-sentence" not in classes:
            style = C_FIGURE  # a whole sentence that is a figure's link reads as text
        elif "hdnd-illustrative-badge" in classes:
            style = C_ILLUSTRATIVE
        elif any(c.startswith(STATUS_PREFIX) for c in classes):
            style = C_STATUS
        elif "hdnd-meta" in classes:
            style = C_META
        if isinstance(node, nodes.image):
            if node.get("alt"):
                self._run(para, node["alt"])
            return
        if isinstance(node, nodes.footnote_reference):
            with self._styled(C_CITE):
                self._run(para, f"[{node.astext()}]")
            return
        uri = node.get("refuri", "") if isinstance(node, nodes.reference) else ""
        if uri.startswith(("https://", "http://", "mailto:")) and \
                self.__dict__.get("_hyperlink") is None:
            self._hyperlink_into(para, node, uri, style)
            return
        if style is None:
            self._inline_into(para, node)
            return
        # a label the page shows as a badge is bracketed on paper, or it runs into the
        # text: "Đã có lộ trình Trả lời quá hạn 24 ngày Cử tri là …"
        label = style in (C_STATUS, C_ILLUSTRATIVE)
        if label:
            self._run(para, "[")
        with self._styled(style):
            self._inline_into(para, node)
        if label:
            self._run(para, "]")

    def _hyperlink_into(self, para: Any, node: nodes.Element, uri: str, style: str | None
                        ) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        r_id = para.part.relate_to(uri, RT.HYPERLINK, is_external=True)
        link = element(f'<w:hyperlink {w_ns()} xmlns:r="http://schemas.openxmlformats.org/'
                    f'officeDocument/2006/relationships" r:id="{r_id}"/>')
        para._p.append(link)
        self.__dict__["_hyperlink"] = link
        try:
            with self._styled(style or "Hyperlink"):
                self._inline_into(para, node)
        finally:
            self.__dict__["_hyperlink"] = None



