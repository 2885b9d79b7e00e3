"""WordprocessingML details python-docx has no API for: elements from XML text, the order
Word requires of properties, fixed table layouts, a byte-stable package."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def python_docx() -> Any:
    """python-docx, imported when a document is made, not with these modules."""
    import docx

    return docx


def xml_safe(text: str) -> str:
    """Characters XML 1.0 cannot hold (control characters from a spreadsheet cell) dropped."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


def qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def w_ns() -> str:
    from docx.oxml.ns import nsdecls

    return nsdecls("w")


def element(text: str) -> Any:
    from docx.oxml import parse_xml

    return parse_xml(text)


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


def sort_children(parent: Any, order: list[str]) -> None:
    rank = {qn(tag): i for i, tag in enumerate(order)}
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


def table_layout(table: Any, widths: list[Any], borders: bool = True) -> None:
    """Fixed column widths (the same in Word and LibreOffice), optionally no borders."""
    tbl = table._tbl
    tblpr = tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblBorders"):
        old = tblpr.find(qn(tag))
        if old is not None:
            tblpr.remove(old)
    total = sum(int(w) for w in widths)
    tblpr.append(element(f'<w:tblW {w_ns()} w:w="{round(total / 635)}" w:type="dxa"/>'))
    if not borders:
        tblpr.append(element(
            f'<w:tblBorders {w_ns()}>' + "".join(
                f'<w:{side} w:val="nil"/>' for side in
                ("top", "left", "bottom", "right", "insideH", "insideV"))
            + "</w:tblBorders>"))
    tblpr.append(element(f'<w:tblLayout {w_ns()} w:type="fixed"/>'))
    sort_children(tblpr, TBLPR_ORDER)
    table.autofit = False
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(round(int(width) / 635)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width
