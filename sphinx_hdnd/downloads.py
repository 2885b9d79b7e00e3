"""A briefing's figures as a table (CSV and XLSX), byte-for-byte reproducible.

Pure: no Sphinx. The rows are every figure the briefing shows: the area's
indicators, the figures of its talking points, and the indicators and ranks
that the items it prints cite.
Raw values are written in plain style (``8.75``) for computation, beside the
text a delegate reads (``8,75%``); CSV carries a BOM so Excel opens it as UTF-8.
Each table is a :class:`Sheet` of text cells, written by the ``csv`` module and
by openpyxl itself: a build writes one pair for every briefing (3,200 files for
200 communes x 8 audiences), and going through pandas cost twice the time.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from .model import compute
from .model.dataset import Dataset
from .model.placeholders import Placeholder, split_text
from .model.places import place_name
from .model.records import Indicator, NarrativeItem
from .phrasing.figures import indicator_sentence, shown, value_text
from .tailoring import Briefing

COLUMNS = {
    "ma": "Mã",
    "chi_tieu": "Chỉ tiêu",
    "ky": "Kỳ",
    "dia_ban": "Địa bàn",
    "gia_tri": "Giá trị",
    "don_vi": "Đơn vị",
    "ke_hoach": "Kế hoạch",
    "ty_le_ke_hoach": "% kế hoạch",
    "tang_truong": "Tăng so với kỳ trước (%)",
    "dien_giai": "Diễn giải",
    "nguon": "Nguồn",
    "muc": "Mục",
    "minh_hoa": "Minh họa",
}

FIXED_TIME = datetime(2000, 1, 1)


#: a cell's text; None where the data has nothing (no cell in the XLSX, empty in the CSV)
Cell = str | None


@dataclass(frozen=True)
class Sheet:
    """A downloadable table: its header and its rows of text cells."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    @classmethod
    def of(cls, labels: Mapping[str, str], rows: Sequence[Mapping[str, Cell]]) -> Sheet:
        """Rows keyed by the ``labels``' keys, under the labels' values as the header."""
        return cls(tuple(labels.values()), tuple(tuple(row[k] for k in labels) for row in rows))

    def column(self, label: str) -> list[Cell]:
        i = self.columns.index(label)
        return [row[i] for row in self.rows]


def _cited_codes(items: list[NarrativeItem]) -> list[str]:
    codes: list[str] = []
    for item in items:
        codes.extend(item.cites)
        codes.extend(p.code for p in split_text(item.text) if isinstance(p, Placeholder))
    return list(dict.fromkeys(codes))


def _plain(value: object) -> str:
    return "" if value is None else format(value, "f")


def _indicator_row(ds: Dataset, ind: Indicator) -> dict[str, str]:
    pct = compute.plan_pct(ind)
    growth = compute.growth(ind)
    src = ds.sources.get(ind.source or "")
    return {
        "ma": ind.code,
        "chi_tieu": ind.name,
        "ky": ind.period,
        "dia_ban": place_name(ds, ind.area) or "Toàn tỉnh",
        "gia_tri": _plain(ind.value),
        "don_vi": ind.unit,
        "ke_hoach": _plain(ind.plan),
        "ty_le_ke_hoach": _plain(shown(pct)) if pct else "",
        "tang_truong": _plain(shown(growth)) if growth else "",
        "dien_giai": indicator_sentence(ind)
        or value_text(ind),
        "nguon": src.title if src else "",
        "muc": ind.source_section,
        "minh_hoa": "x" if (ind.illustrative or (src and src.illustrative)) else "",
    }


def briefing_table(ds: Dataset, b: Briefing) -> Sheet:
    shown_items = b.printed_items()
    codes = [li.indicator.code for li in b.indicators]
    codes += [p.record.code for p in b.points if isinstance(p.record, Indicator)]
    codes += [li.province.code for li in b.indicators if li.province is not None]
    codes += _cited_codes(shown_items)
    rows = [_indicator_row(ds, ds.indicators[c]) for c in dict.fromkeys(codes)
            if c in ds.indicators]
    for code in dict.fromkeys(codes):
        rk = ds.rankings.get(code)
        if rk is not None:
            src = ds.sources.get(rk.source or "")
            rows.append({"ma": rk.code, "chi_tieu": rk.subject, "ky": rk.period,
                         "dia_ban": "Toàn tỉnh", "gia_tri": str(rk.rank), "don_vi": "thứ hạng",
                         "ke_hoach": "", "ty_le_ke_hoach": "", "tang_truong": "",
                         "dien_giai": f"{rk.rank}/{rk.total} {rk.scope}" if rk.total
                         else f"{rk.rank} {rk.scope}",
                         "nguon": src.title if src else "", "muc": rk.source_section,
                         "minh_hoa": "x" if rk.illustrative else ""})
    return Sheet.of(COLUMNS, rows)


#: what a spreadsheet reads as the start of a formula (OWASP "CSV injection"): a text
#: cell from the data that begins so is written with a leading apostrophe in the CSV,
#: which Excel and LibreOffice show as text; a plain number ("-29.06") is left alone
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def _inert(cell: object) -> object:
    if not isinstance(cell, str):
        return cell
    if cell.startswith(FORMULA_START) and not _PLAIN_NUMBER.match(cell):
        cell = "'" + cell
    # a lone CR is a line break to a CSV reader, and the csv module (lines end in
    # "\n") does not quote it
    return cell.replace("\r\n", "\n").replace("\r", "\n")


def to_csv(sheet: Sheet) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(sheet.columns)
    writer.writerows([_inert(cell) for cell in row] for row in sheet.rows)
    return out.getvalue().encode("utf-8-sig")


#: the width of columns A to M, in characters (the briefing table's columns)
COLUMN_WIDTHS = (18, 40, 18, 22, 14, 12, 14, 12, 14, 50, 40, 20, 9)


def to_xlsx(sheet: Sheet, title: str) -> bytes:
    """XLSX with fixed document times and zip entry dates, so equal data gives equal bytes."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    page = book.active
    page.title = "So lieu"
    page.append(sheet.columns)
    for row in sheet.rows:
        # a control character pasted into the data (a bell, an escape) cannot be stored
        # in a worksheet's XML: it is dropped, as it shows nothing anyway
        page.append([cell and ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
    for cells in page.iter_rows(min_row=2):
        for cell in cells:
            if cell.data_type == "f":  # openpyxl makes any text "=…" a live formula
                cell.data_type = "s"
    for col, width in zip("ABCDEFGHIJKLM", COLUMN_WIDTHS, strict=True):
        page.column_dimensions[col].width = width
    props = book.properties
    props.created = props.modified = FIXED_TIME
    props.title = title
    props.creator = "sphinx-hdnd"
    raw = io.BytesIO()
    # stored, not compressed: the entries are compressed once, below, in a fixed order
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
        ExcelWriter(book, archive).save()
    src = zipfile.ZipFile(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps "modified" with the current time whatever we set
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              r"\g<1>2000-01-01T00:00:00Z\g<2>", text)
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return out.getvalue()


FOLLOW_UP_COLUMNS = {
    "ma": "Mã kiến nghị", "dia_ban": "Địa bàn", "noi_dung": "Nội dung kiến nghị",
    "cap": "Cấp trả lời", "co_quan": "Cơ quan giải quyết", "ban": "Ban HĐND theo dõi",
    "ky_hop": "Kỳ họp tiếp nhận", "ngay_tiep_xuc": "Ngày tiếp xúc", "ngay_chuyen": "Ngày chuyển",
    "han": "Hạn trả lời", "ngay_tra_loi": "Ngày trả lời", "tinh_trang": "Tình trạng",
    "dung_han": "Đúng hạn, quá hạn", "so_ngay": "Số ngày", "so_ky_hop": "Số kỳ họp chưa xong",
    "nhac_lai": "Nhắc lại kiến nghị", "minh_hoa": "Minh họa",
}


def follow_up_table(ds: Dataset) -> Sheet:
    """The standing committee's follow-up, one petition a row, for its own spreadsheet."""
    from .model.follow_up import follow_up, latest_petitions
    from .model.records import ANSWER_LEVEL_LABELS, PETITION_STATUS_LABELS
    from .phrasing.follow_up import timing_label

    def day(d: object) -> str:
        return f"{d:%d/%m/%Y}" if d is not None else ""

    rows = []
    for pet in latest_petitions(ds, ds.petitions):
        fu = follow_up(ds, pet)
        src = ds.sources.get(pet.source or "")
        rows.append({
            "ma": pet.code, "dia_ban": place_name(ds, pet.area) or "Toàn tỉnh",
            "noi_dung": pet.text, "cap": ANSWER_LEVEL_LABELS[pet.level] if pet.level else "",
            "co_quan": pet.agency or pet.responder, "ban": pet.committee,
            "ky_hop": pet.received_session, "ngay_tiep_xuc": day(pet.raised_date),
            "ngay_chuyen": day(pet.forwarded_date), "han": day(fu.deadline),
            "ngay_tra_loi": day(pet.answered_date),
            "tinh_trang": PETITION_STATUS_LABELS[pet.status], "dung_han": timing_label(fu),
            "so_ngay": "" if fu.days_open is None else str(fu.days_open),
            "so_ky_hop": "" if fu.answered or fu.sessions_open is None else str(fu.sessions_open),
            "nhac_lai": "; ".join(p.code for p in fu.earlier),
            "minh_hoa": "x" if (pet.illustrative or (src and src.illustrative)) else "",
        })
    return Sheet.of(FOLLOW_UP_COLUMNS, rows)


SUMMARY_COLUMNS = ("Cấp trả lời", "Lĩnh vực", "Địa bàn", "Nội dung", "Loại", "Mã kiến nghị")


def summary_table(ds: Dataset) -> Sheet:
    """The office's summary of this session's round: level, field, area, words, kind."""
    from .model.follow_up import round_of, summary_groups

    rows = [(level, field, place_name(ds, pet.area) or "Toàn tỉnh", pet.text,
             "Ý kiến" if pet.kind.value == "y-kien" else "Kiến nghị", pet.code)
            for level, fields in summary_groups(ds, round_of(ds)).items()
            for field, items in fields.items() for pet in items]
    return Sheet(SUMMARY_COLUMNS, tuple(rows))
