"""A resolved docutils doctree as a Word document (python-docx), in the national format.

Editable: every paragraph and run takes a named style (Normal, Title, Heading 1-4, List
Number, List Bullet, Caption, Table Grid, and a few of our own with Vietnamese names, shown so
in Word's Styles pane), so an office restyles a whole booklet from the Styles pane. Direct
formatting is kept to what a style cannot say: a list's own numbering (so that each list
starts at its number), a table's column widths and repeated header row, a picture's size.

What is printed is what the PDF prints: the office's notes (``.hdnd-staff``), the topic tags,
the navigation between pages, the grid of briefings and the table of contents are left out.
Text from the data only ever becomes the text of runs (python-docx escapes it), never markup.

Byte-stable: the same doctree and settings give the same bytes (fixed document properties,
zip entries in a fixed order with a fixed date; pictures are named by their order).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from docutils import nodes
from sphinx import addnodes

from .format import DocxFormat

# python-docx is imported when a document is made (see _docx()), not with this module

#: a chart: (PNG bytes, natural width and height in points); None when it cannot be drawn
Picture = tuple[bytes, float, float]
PictureOf = Callable[[nodes.image], Picture | None]

#: containers and inline elements that are never on paper (as in hdnd-print.css)
DROPPED_CLASSES = frozenset({"hdnd-staff", "hdnd-staff-toggle", "hdnd-nav", "hdnd-audience-links",
                             "hdnd-grid", "hdnd-pdf-link", "toctree-wrapper", "hdnd-tag",
                             "hdnd-tag-chosen"})
STATUS_PREFIX = "hdnd-status-"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# our own styles (Vietnamese names: an office sees them in Word's Styles pane)
S_NOTE = "Ghi chú"
S_TABLE_TEXT = "Chữ trong bảng"
S_TABLE_HEAD = "Tiêu đề cột"
S_PICTURE = "Hình"
S_CARD_TITLE = "Tên chỉ tiêu nổi bật"
S_SOURCE = "Nguồn số liệu"
S_ISSUER = "Cơ quan chủ quản"
S_ISSUER_MAIN = "Cơ quan ban hành"
S_NATION = "Quốc hiệu"
S_MOTTO = "Tiêu ngữ"
S_PLACE_DATE = "Địa danh, ngày tháng"
C_FIGURE = "Số liệu"
C_ILLUSTRATIVE = "Nhãn minh họa"
C_STATUS = "Tình trạng kiến nghị"
C_META = "Chữ ghi chú"
C_CITE = "Endnote Reference"  # a Word built-in: the superscript [n] of a source


def _docx() -> Any:
    import docx

    return docx


def xml_safe(text: str) -> str:
    """Characters XML 1.0 cannot hold (control characters from a spreadsheet cell) dropped."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


def _classes(node: nodes.Node) -> list[str]:
    return node.get("classes", []) if isinstance(node, nodes.Element) else []


def prune(doctree: nodes.document) -> None:
    """Remove what is not printed: the same as ``hdnd-print.css`` hides on paper."""
    for node in list(doctree.findall(nodes.Element)):
        if node.parent is None and node is not doctree:
            continue  # already removed with an ancestor
        classes = set(_classes(node))
        if isinstance(node, nodes.section) and any(
                isinstance(c, nodes.container) and "hdnd-grid" in _classes(c) for c in node.children):
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
                    "hdnd-audience-links" in _classes(following):
                node.parent.remove(node)


# ---------------------------------------------------------------- styles


def _set(parent: Any, tag: str, **attrs: str) -> Any:
    """The child ``tag`` of ``parent`` (made if missing, in schema order), with ``attrs``."""
    from docx.oxml.ns import qn

    child = parent.find(qn(tag))
    if child is None:
        from docx.oxml import OxmlElement

        child = OxmlElement(tag)
        parent.append(child)
    for key, value in attrs.items():
        child.set(qn(key), value)
    order = RPR_ORDER if parent.tag == qn("w:rPr") else PPR_ORDER
    if parent.tag in (qn("w:rPr"), qn("w:pPr")):
        _sort_children(parent, order)
    return child


def _fonts(rpr: Any, font: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    old = rpr.find(qn("w:rFonts"))
    if old is not None:
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), font)
    rpr.insert(0, fonts)
    _sort_children(rpr, RPR_ORDER)


class Styles:
    """Sets up the document's styles for a format (python-docx's default template's styles,
    reset to the national format, and our own)."""

    def __init__(self, document: Any, fmt: DocxFormat) -> None:
        self.doc, self.fmt = document, fmt
        from docx.enum.style import WD_STYLE_TYPE

        self.types = WD_STYLE_TYPE

    def _clean(self, style: Any, keep_numbering: bool = False) -> Any:
        """No formatting of the template's own (theme fonts, colours, spacing)."""
        from docx.oxml.ns import qn

        el = style.element
        for tag in ("w:rPr", "w:pPr", "w:tblPr", "w:tcPr", "w:trPr", "w:tblStylePr"):
            for child in el.findall(qn(tag)):
                if tag == "w:pPr" and keep_numbering and child.find(qn("w:numPr")) is not None:
                    for sub in list(child):
                        if sub.tag != qn("w:numPr"):
                            child.remove(sub)
                    continue
                el.remove(child)
        return style

    def paragraph(self, name: str, base: str | None = "Normal", *, size: float | None = None,
                  bold: bool | None = None, italic: bool | None = None,
                  underline: bool | None = None, caps: bool | None = None,
                  align: str | None = None, indent: float | None = None,
                  before: float | None = None, after: float | None = None,
                  spacing: float | None = None, keep_next: bool | None = None,
                  left_cm: float | None = None, clean: bool = True) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        styles = self.doc.styles
        try:
            style = styles[name]
            if clean:
                self._clean(style, keep_numbering=name.startswith("List"))
        except KeyError:
            style = styles.add_style(name, self.types.PARAGRAPH)
        if base is not None:
            style.base_style = styles[base]
        style.quick_style = True
        font, pf = style.font, style.paragraph_format
        if size is not None:
            font.size = Pt(size)
        if bold is not None:
            font.bold = bold
        if italic is not None:
            font.italic = italic
        if underline is not None:
            font.underline = underline
        if caps is not None:
            font.all_caps = caps
        if align is not None:
            pf.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
        if indent is not None:
            pf.first_line_indent = Cm(indent)
        if left_cm is not None:
            pf.left_indent = Cm(left_cm)
        if before is not None:
            pf.space_before = Pt(before)
        if after is not None:
            pf.space_after = Pt(after)
        if spacing is not None:
            pf.line_spacing = spacing
        if keep_next is not None:
            pf.keep_with_next = keep_next
        return style

    def character(self, name: str, *, bold: bool | None = None, italic: bool | None = None,
                  superscript: bool | None = None, size: float | None = None,
                  border: bool = False, underline: bool | None = None) -> Any:
        from docx.shared import Pt

        styles = self.doc.styles
        try:
            style = self._clean(styles[name])
        except KeyError:
            style = styles.add_style(name, self.types.CHARACTER)
        style.base_style = styles["Default Paragraph Font"]
        style.quick_style = True
        if bold is not None:
            style.font.bold = bold
        if italic is not None:
            style.font.italic = italic
        if superscript is not None:
            style.font.superscript = superscript
        if underline is not None:
            style.font.underline = underline
        if size is not None:
            style.font.size = Pt(size)
        if border:
            rpr = style.element.get_or_add_rPr()
            _set(rpr, "w:bdr", **{"w:val": "single", "w:sz": "4", "w:space": "0",
                                  "w:color": "auto"})
        return style

    def setup(self) -> None:
        from docx.oxml.ns import qn
        from docx.shared import Pt

        fmt = self.fmt
        size = fmt.font_size
        small = max(size - 2, 9.0)
        # document defaults: the font for everything, Vietnamese for the spelling checker
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _fonts(rpr, fmt.font)
        _set(rpr, "w:sz", **{"w:val": str(round(size * 2))})
        _set(rpr, "w:szCs", **{"w:val": str(round(size * 2))})
        _set(rpr, "w:lang", **{"w:val": "vi-VN", "w:eastAsia": "vi-VN", "w:bidi": "ar-SA"})
        normal = self._clean(self.doc.styles["Normal"])
        normal.font.name = fmt.font
        _fonts(normal.element.get_or_add_rPr(), fmt.font)
        normal.font.size = Pt(size)
        self.paragraph("Normal", None, clean=False, align="justify", indent=fmt.indent_cm,
                       before=0, after=fmt.space_after_pt, spacing=fmt.line_spacing)
        # headings: bold, black, the body font; Heading 1 in capitals as the documents' parts
        self.paragraph("Title", "Normal", size=size, bold=True, align="center", indent=0,
                       before=6, after=6, keep_next=True)
        self.paragraph("Subtitle", "Normal", size=size, italic=True, align="center", indent=0,
                       after=12, keep_next=True)
        self.paragraph("Heading 1", "Normal", size=size, bold=True, caps=True, before=12,
                       after=6, keep_next=True, align="left", indent=fmt.indent_cm)
        self.paragraph("Heading 2", "Normal", size=size, bold=True, before=6, after=6,
                       keep_next=True, align="left", indent=fmt.indent_cm)
        self.paragraph("Heading 3", "Normal", size=size, bold=True, italic=True, before=6,
                       after=6, keep_next=True, align="left", indent=fmt.indent_cm)
        self.paragraph("Heading 4", "Normal", size=size, italic=True, before=6, after=6,
                       keep_next=True, align="left", indent=fmt.indent_cm)
        for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4"):
            style = self.doc.styles[name]
            level = int(name[-1]) - 1
            ppr = style.element.get_or_add_pPr()
            _set(ppr, "w:outlineLvl", **{"w:val": str(level)})
        # lists: the number or dash starts at the paragraph's first-line indent, as in the
        # council's documents; the numbering itself is per list (see Numbering)
        for name in ("List Number", "List Bullet", "List Number 2", "List Bullet 2"):
            self.paragraph(name, "Normal")
        self.paragraph("Caption", "Normal", size=small, italic=True, align="center", indent=0,
                       after=fmt.space_after_pt, bold=False)
        self.paragraph(S_PICTURE, "Normal", align="center", indent=0, after=2, keep_next=True)
        self.paragraph(S_NOTE, "Normal", size=small, italic=True, indent=0)
        self.paragraph(S_TABLE_TEXT, "Normal", size=small, align="left", indent=0, after=0,
                       spacing=1.0)
        self.paragraph(S_TABLE_HEAD, S_TABLE_TEXT, bold=True, align="center", keep_next=True)
        self.paragraph(S_CARD_TITLE, S_TABLE_TEXT, bold=True, after=2)
        self.paragraph(S_SOURCE, "Normal", size=small, indent=0, after=2, spacing=1.0)
        # the header block (Phụ lục I): issuer and Quốc hiệu 12 pt, Tiêu ngữ 13 pt when the
        # body is 14 pt (the format allows 12-13 and 13-14: the Quốc hiệu stays on one line)
        block = max(size - 2, 9.0)
        self.paragraph(S_ISSUER, "Normal", size=block, align="center", indent=0, after=0,
                       spacing=1.0)
        self.paragraph(S_ISSUER_MAIN, S_ISSUER, bold=True)
        self.paragraph(S_NATION, S_ISSUER, bold=True)
        self.paragraph(S_MOTTO, S_ISSUER, size=block + 1, bold=True, underline=True)
        self.paragraph(S_PLACE_DATE, S_ISSUER, size=size, italic=True, before=6)
        self.paragraph("Header", "Normal", size=max(size - 1, 9.0), align="center", indent=0,
                       after=0, spacing=1.0)
        self.character("Strong", bold=True)
        self.character("Emphasis", italic=True)
        self.character(C_FIGURE, bold=True)
        self.character(C_CITE, superscript=True)
        self.character(C_ILLUSTRATIVE, italic=True, size=small, border=True)
        self.character(C_STATUS, bold=True, border=True)
        self.character(C_META, italic=True)
        self.character("Hyperlink", underline=True)
        table = self.doc.styles["Table Grid"]
        table.font.size = Pt(small)


# ---------------------------------------------------------------- numbering


#: numbering formats: (numFmt, lvlText), "%1" is the number
LIST_FORMATS = {
    "bullet": ("bullet", "-"),
    "dot": ("decimal", "%1."),
    "paren": ("decimal", "(%1)"),
    "bracket": ("decimal", "[%1]"),
    "alpha": ("lowerLetter", "%1)"),
}


class Numbering:
    """One abstract numbering per format (the number at the first-line indent, a space after
    it); one numbering instance per list, so that every list starts at its own number."""

    def __init__(self, document: Any, fmt: DocxFormat) -> None:
        self.part = document.part.numbering_part.element
        self.fmt = fmt
        self.abstract: dict[str, int] = {}
        existing = [int(a.get(_qn("w:abstractNumId"))) for a in
                    self.part.findall(_qn("w:abstractNum"))]
        self.next_abstract = max(existing, default=0) + 1
        self.default: dict[str, int] = {}

    def _abstract(self, kind: str) -> int:
        if kind in self.abstract:
            return self.abstract[kind]
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        num_fmt, text = LIST_FORMATS[kind]
        ident = self.next_abstract
        self.next_abstract += 1
        indent = round(self.fmt.indent_cm * 567)
        levels = []
        for level in range(3):
            step = 567 * level
            levels.append(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{num_fmt}"/>'
                f'<w:suff w:val="space"/>'
                f'<w:lvlText w:val="{escape(text.replace("%1", f"%{level + 1}"))}"/>'
                f'<w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{step}" w:firstLine="{indent}"/></w:pPr>'
                + ('<w:rPr><w:rFonts w:ascii="{0}" w:hAnsi="{0}"/></w:rPr>'.format(
                    escape(self.fmt.font)) if num_fmt == "bullet" else "")
                + "</w:lvl>")
        element = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ident}">'
            f'<w:nsid w:val="{0x48440000 + ident:08X}"/><w:multiLevelType w:val="multilevel"/>'
            + "".join(levels) + "</w:abstractNum>")
        first_num = self.part.find(_qn("w:num"))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self.part.append(element)
        self.abstract[kind] = ident
        return ident

    def new(self, kind: str, start: int = 1) -> int:
        """A numbering instance for one list (numId)."""
        num = self.part.add_num(self._abstract(kind))
        if LIST_FORMATS[kind][0] != "bullet":
            for level in range(3):
                override = num.add_lvlOverride(ilvl=level)
                override.add_startOverride(start if level == 0 else 1)
        return int(num.numId)

    def style_default(self, style: Any, kind: str) -> None:
        """A list style numbers on its own (an office applying it to a new paragraph)."""
        if kind not in self.default:
            self.default[kind] = int(self.part.add_num(self._abstract(kind)).numId)
        ppr = style.element.get_or_add_pPr()
        numpr = ppr.find(_qn("w:numPr"))
        if numpr is not None:
            ppr.remove(numpr)
        ppr.append(_xml(f'<w:numPr {_w()}><w:numId w:val="{self.default[kind]}"/></w:numPr>'))
        _sort_children(ppr, PPR_ORDER)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _w() -> str:
    from docx.oxml.ns import nsdecls

    return nsdecls("w")


def _xml(text: str) -> Any:
    from docx.oxml import parse_xml

    return parse_xml(text)


# ---------------------------------------------------------------- the writer


@dataclass
class _ListState:
    num_id: int
    level: int
    style: str


class DocxWriter:
    """Writes one doctree as one Word document (:meth:`write`)."""

    def __init__(self, fmt: DocxFormat, picture_of: PictureOf | None = None) -> None:
        self.fmt = fmt
        self.picture_of = picture_of or (lambda node: None)
        self._template: tuple[bytes, dict[str, int]] | None = None

    # -- the document

    def write(self, doctree: nodes.document, *, title: str = "", subject: str = "") -> bytes:
        docx = _docx()
        doctree = doctree.deepcopy()
        prune(doctree)
        if self._template is None:
            # the styles, numbering and page of this format, made once for every document
            self.doc = docx.Document()
            self._drop_thumbnail()
            Styles(self.doc, self.fmt).setup()
            numbering = Numbering(self.doc, self.fmt)
            numbering.style_default(self.doc.styles["List Number"], "dot")
            numbering.style_default(self.doc.styles["List Bullet"], "bullet")
            self._page_setup()
            raw = io.BytesIO()
            self.doc.save(raw)
            self._template = raw.getvalue(), dict(numbering.abstract)
        self.doc = docx.Document(io.BytesIO(self._template[0]))
        self.numbering = Numbering(self.doc, self.fmt)
        self.numbering.abstract.update(self._template[1])
        self.style_ids = {s.name: s.style_id for s in self.doc.styles}
        body = self.doc._body
        # python-docx's template starts with one empty paragraph-less body: keep sectPr last
        self._header_block(body)
        self.lists: list[_ListState] = []
        self.pending: _ListState | None = None
        self.first_title = True
        self.pictures = 0
        self._blocks(body, doctree.children, depth=0)
        self._properties(title or self._title(doctree), subject)
        raw = io.BytesIO()
        self.doc.save(raw)
        return normalize_zip(raw.getvalue(), self._core_xml(title or self._title(doctree),
                                                            subject))

    @staticmethod
    def _title(doctree: nodes.document) -> str:
        node = doctree.next_node(nodes.title)
        return node.astext() if node is not None else ""

    def _drop_thumbnail(self) -> None:
        """The template's thumbnail is of another document, and its copy of the styles for
        Word 2010 (stylesWithEffects) would not be ours."""
        package = self.doc.part.package
        for r_id, rel in list(package.rels.items()):
            if rel.reltype.endswith("/thumbnail"):
                del package.rels[r_id]
        for r_id, rel in list(self.doc.part.rels.items()):
            if rel.reltype.endswith("/stylesWithEffects"):
                del self.doc.part.rels[r_id]

    def _page_setup(self) -> None:
        from docx.shared import Mm

        section = self.doc.sections[0]
        m = self.fmt.margins
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
        section.left_margin, section.right_margin = Mm(m["left"]), Mm(m["right"])
        section.header_distance = Mm(max(5.0, min(12.0, m["top"] / 2)))
        section.footer_distance = Mm(max(5.0, min(12.0, m["bottom"] / 2)))
        section.gutter = Mm(0)
        # the page number: centred in the top margin, from the second page on
        section.different_first_page_header_footer = True
        header = section.header
        header.is_linked_to_previous = False
        para = header.paragraphs[0]
        para.style = self.doc.styles["Header"]
        self._field(para, "PAGE", "2")
        first = section.first_page_header
        first.is_linked_to_previous = False
        first.paragraphs[0].style = self.doc.styles["Header"]

    @staticmethod
    def _field(paragraph: Any, code: str, shown: str) -> None:
        """A complex field (begin, instruction, separate, result, end): Word and LibreOffice
        both update it."""
        runs = [
            '<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r {{w}}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>',
            '<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
            f'<w:r {{w}}><w:t>{shown}</w:t></w:r>',
            '<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>',
        ]
        for run in runs:
            paragraph._p.append(_xml(run.format(w=_w())))

    def _header_block(self, body: Any) -> None:
        """Phụ lục I: the issuer on the left, the national motto on the right, the place and
        date under the motto, in a table without borders."""
        from docx.shared import Mm

        fmt = self.fmt
        width = fmt.text_width_mm
        left, right = width * 0.4, width * 0.6
        table = body.add_table(rows=2, cols=2, width=Mm(width))
        self._table_layout(table, [Mm(left), Mm(right)], borders=False)
        cells = table.rows[0].cells
        issuer = list(fmt.issuer) or [""]
        self._lines(cells[0], [(line, S_ISSUER if i < len(issuer) - 1 else S_ISSUER_MAIN)
                               for i, line in enumerate(issuer)])
        # the short line under the issuer (1/3 to 1/2 of its length, centred)
        rule = cells[0].add_paragraph(style=S_ISSUER)
        pad = round(left / 3 * 56.7)
        ppr = rule._p.get_or_add_pPr()
        ppr.append(_xml(f'<w:pBdr {_w()}><w:top w:val="single" w:sz="6" w:space="1" '
                        'w:color="auto"/></w:pBdr>'))
        ppr.append(_xml(f'<w:spacing {_w()} w:before="60"/>'))
        ppr.append(_xml(f'<w:ind {_w()} w:left="{pad}" w:right="{pad}"/>'))
        _sort_children(ppr, PPR_ORDER)
        motto = list(fmt.motto)
        self._lines(cells[1], [(line, S_NATION if i < len(motto) - 1 else S_MOTTO)
                               for i, line in enumerate(motto)])
        below = table.rows[1].cells
        self._lines(below[0], [("", S_ISSUER)])
        self._lines(below[1], [(fmt.place_date, S_PLACE_DATE)])
        for row in table.rows:
            row._tr.get_or_add_trPr().append(_xml(f'<w:cantSplit {_w()}/>'))

    def _lines(self, cell: Any, lines: list[tuple[str, str]]) -> None:
        first = cell.paragraphs[0]
        for i, (text, style) in enumerate(lines):
            para = first if i == 0 else cell.add_paragraph()
            para.style = self.doc.styles[style]
            if text:
                para.add_run(xml_safe(text))

    def _table_layout(self, table: Any, widths: list[Any], borders: bool = True) -> None:
        tbl = table._tbl
        tblpr = tbl.tblPr
        for tag in ("w:tblW", "w:tblLayout", "w:tblBorders"):
            old = tblpr.find(_qn(tag))
            if old is not None:
                tblpr.remove(old)
        total = sum(int(w) for w in widths)
        tblpr.append(_xml(f'<w:tblW {_w()} w:w="{round(total / 635)}" w:type="dxa"/>'))
        if not borders:
            tblpr.append(_xml(
                f'<w:tblBorders {_w()}>' + "".join(
                    f'<w:{side} w:val="nil"/>' for side in
                    ("top", "left", "bottom", "right", "insideH", "insideV"))
                + "</w:tblBorders>"))
        tblpr.append(_xml(f'<w:tblLayout {_w()} w:type="fixed"/>'))
        _sort_children(tblpr, TBLPR_ORDER)
        table.autofit = False
        grid = tbl.tblGrid
        for col, width in zip(grid.findall(_qn("w:gridCol")), widths, strict=False):
            col.set(_qn("w:w"), str(round(int(width) / 635)))
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = width

    def _properties(self, title: str, subject: str) -> None:
        props = self.doc.core_properties
        props.title = title
        props.subject = subject
        props.author = self.fmt.author
        props.last_modified_by = self.fmt.author
        props.comments = ""
        props.keywords = ""
        props.category = ""
        props.revision = 1
        props.language = "vi-VN"
        props.created = self.fmt.date
        props.modified = self.fmt.date

    def _core_xml(self, title: str, subject: str) -> bytes:
        """docProps/core.xml written whole: nothing in it depends on when or where."""
        stamp = self.fmt.date.strftime("%Y-%m-%dT%H:%M:%SZ")
        return (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
            'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(xml_safe(title))}</dc:title>"
            f"<dc:subject>{escape(xml_safe(subject))}</dc:subject>"
            f"<dc:creator>{escape(xml_safe(self.fmt.author))}</dc:creator>"
            f"<cp:lastModifiedBy>{escape(xml_safe(self.fmt.author))}</cp:lastModifiedBy>"
            "<cp:revision>1</cp:revision><dc:language>vi-VN</dc:language>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>").encode()

    # -- blocks

    def _blocks(self, parent: Any, children: Iterable[nodes.Node], depth: int) -> None:
        for child in children:
            self._block(parent, child, depth)

    def _block(self, parent: Any, node: nodes.Node, depth: int) -> None:
        classes = set(_classes(node))
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
        classes = set(_classes(node))
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
        state = _ListState(num_id, level, style)
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
        self._table_layout(table, [Mm(width / columns)] * columns)
        for i, card in enumerate(cards):
            self._cell(table.rows[i // columns].cells[i % columns], card, S_TABLE_TEXT, depth)
        for row in table.rows:
            row._tr.get_or_add_trPr().append(_xml(f'<w:cantSplit {_w()}/>'))
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
        self._table_layout(table, [Mm(width * w / total) for w in weights])
        for index, row in enumerate(head + body):
            tr = table.rows[index]
            trpr = tr._tr.get_or_add_trPr()
            trpr.append(_xml(f'<w:cantSplit {_w()}/>'))
            if index < len(head):
                trpr.append(_xml(f'<w:tblHeader {_w()}/>'))
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
                    if "hdnd-card-title" in _classes(child):
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

    # -- inline

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
        classes = set(_classes(node))
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
        with self._styled(style):
            self._inline_into(para, node)

    def _hyperlink_into(self, para: Any, node: nodes.Element, uri: str, style: str | None
                        ) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        r_id = para.part.relate_to(uri, RT.HYPERLINK, is_external=True)
        link = _xml(f'<w:hyperlink {_w()} xmlns:r="http://schemas.openxmlformats.org/'
                    f'officeDocument/2006/relationships" r:id="{r_id}"/>')
        para._p.append(link)
        self.__dict__["_hyperlink"] = link
        try:
            with self._styled(style or "Hyperlink"):
                self._inline_into(para, node)
        finally:
            self.__dict__["_hyperlink"] = None


def _in_cell(parent: Any) -> bool:
    return hasattr(parent, "_tc")


@contextmanager
def _filled(cell: Any) -> Iterator[None]:
    """Content into a new cell: its first, empty paragraph goes, and a cell always ends with
    a paragraph (Word requires one)."""
    for para in list(cell.paragraphs):
        if not para._p.findall(_qn("w:r")):
            cell._tc.remove(para._p)
    yield
    last = cell._tc[-1] if len(cell._tc) else None
    if last is None or last.tag != _qn("w:p"):
        para = cell.add_paragraph()
        para._p.style = cell.part.document.styles[S_TABLE_TEXT].style_id


def _add_table(parent: Any, rows: int, cols: int, fmt: DocxFormat) -> Any:
    from docx.shared import Mm

    if _in_cell(parent):
        return parent.add_table(rows, cols)
    return parent.add_table(rows, cols, Mm(fmt.text_width_mm))


def _number_paragraph(para: Any, num_id: int, level: int) -> None:
    ppr = para._p.get_or_add_pPr()
    ppr.append(_xml(f'<w:numPr {_w()}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
                    "</w:numPr>"))
    _sort_children(ppr, PPR_ORDER)


def _is_inline(node: nodes.Element) -> bool:
    return isinstance(node, nodes.Inline | nodes.TextElement) and not isinstance(
        node, nodes.paragraph | nodes.title | nodes.rubric | nodes.caption)


#: the order of a paragraph's properties that Word requires (the ones we set)
PPR_ORDER = ["w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
             "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
             "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
             "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
             "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
             "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
             "w:sectPr", "w:pPrChange"]
RPR_ORDER = ["w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
             "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
             "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
             "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
             "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
             "w:eastAsianLayout", "w:specVanish", "w:oMath"]
TBLPR_ORDER = ["w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
               "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
               "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
               "w:tblCaption", "w:tblDescription"]


def _sort_children(parent: Any, order: list[str]) -> None:
    rank = {_qn(tag): i for i, tag in enumerate(order)}
    children = list(parent)
    children.sort(key=lambda c: rank.get(c.tag, len(rank)))
    for child in children:
        parent.remove(child)
    for child in children:
        parent.append(child)


def normalize_zip(data: bytes, core_xml: bytes | None = None) -> bytes:
    """The package again with fixed entry dates and modes, ``[Content_Types].xml`` first and
    the other entries in name order, and (when given) ``docProps/core.xml`` replaced: the
    same document always gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    infos = sorted(source.infolist(), key=lambda i: (i.filename != "[Content_Types].xml",
                                                     i.filename))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in infos:
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml" and core_xml is not None:
                content = core_xml
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            target.writestr(fixed, content)
    return out.getvalue()

