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
from typing import Any
from xml.sax.saxutils import escape

from docutils import nodes

from .blocks import BlockWriter, ListState, PictureOf, prune
from .format import DocxFormat
from .ooxml import PPR_ORDER, element, normalize_zip, python_docx, sort_children, table_layout, w_ns, xml_safe
from .styles import S_ISSUER, S_ISSUER_MAIN, S_MOTTO, S_NATION, S_PLACE_DATE, Numbering, Styles


class DocxWriter(BlockWriter):
    """Writes one doctree as one Word document (:meth:`write`)."""

    def __init__(self, fmt: DocxFormat, picture_of: PictureOf | None = None) -> None:
        self.fmt = fmt
        self.picture_of = picture_of or (lambda node: None)
        self._template: tuple[bytes, dict[str, int]] | None = None

    # -- the document

    def write(self, doctree: nodes.document, *, title: str = "", subject: str = "") -> bytes:
        docx = python_docx()
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
        self.lists: list[ListState] = []
        self.pending: ListState | None = None
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
            paragraph._p.append(element(run.format(w=w_ns())))

    def _header_block(self, body: Any) -> None:
        """Phụ lục I: the issuer on the left, the national motto on the right, the place and
        date under the motto, in a table without borders."""
        from docx.shared import Mm

        fmt = self.fmt
        width = fmt.text_width_mm
        left, right = width * 0.4, width * 0.6
        table = body.add_table(rows=2, cols=2, width=Mm(width))
        table_layout(table, [Mm(left), Mm(right)], borders=False)
        cells = table.rows[0].cells
        issuer = list(fmt.issuer) or [""]
        self._lines(cells[0], [(line, S_ISSUER if i < len(issuer) - 1 else S_ISSUER_MAIN)
                               for i, line in enumerate(issuer)])
        # the short line under the issuer (1/3 to 1/2 of its length, centred)
        rule = cells[0].add_paragraph(style=S_ISSUER)
        pad = round(left / 3 * 56.7)
        ppr = rule._p.get_or_add_pPr()
        ppr.append(element(f'<w:pBdr {w_ns()}><w:top w:val="single" w:sz="6" w:space="1" '
                        'w:color="auto"/></w:pBdr>'))
        ppr.append(element(f'<w:spacing {w_ns()} w:before="60"/>'))
        ppr.append(element(f'<w:ind {w_ns()} w:left="{pad}" w:right="{pad}"/>'))
        sort_children(ppr, PPR_ORDER)
        motto = list(fmt.motto)
        self._lines(cells[1], [(line, S_NATION if i < len(motto) - 1 else S_MOTTO)
                               for i, line in enumerate(motto)])
        below = table.rows[1].cells
        self._lines(below[0], [("", S_ISSUER)])
        self._lines(below[1], [(fmt.place_date, S_PLACE_DATE)])
        for row in table.rows:
            row._tr.get_or_add_trPr().append(element(f'<w:cantSplit {w_ns()}/>'))

    def _lines(self, cell: Any, lines: list[tuple[str, str]]) -> None:
        first = cell.paragraphs[0]
        for i, (text, style) in enumerate(lines):
            para = first if i == 0 else cell.add_paragraph()
            para.style = self.doc.styles[style]
            if text:
                para.add_run(xml_safe(text))

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


