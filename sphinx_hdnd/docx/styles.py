"""The document's named styles (the national format, and our own with Vietnamese names) and
its list numbering."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from .format import DocxFormat
from .ooxml import PPR_ORDER, RPR_ORDER, element, qn, sort_children, w_ns

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
        sort_children(parent, order)
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
    sort_children(rpr, RPR_ORDER)


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
        existing = [int(a.get(qn("w:abstractNumId"))) for a in
                    self.part.findall(qn("w:abstractNum"))]
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
        first_num = self.part.find(qn("w:num"))
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
        numpr = ppr.find(qn("w:numPr"))
        if numpr is not None:
            ppr.remove(numpr)
        ppr.append(element(f'<w:numPr {w_ns()}><w:numId w:val="{self.default[kind]}"/></w:numPr>'))
        sort_children(ppr, PPR_ORDER)

