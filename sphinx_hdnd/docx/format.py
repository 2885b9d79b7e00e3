"""The page and type settings of the Word booklets: by default the national format of
administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I), each setting changeable in
``conf.py``.

Pure: no Sphinx, no python-docx. :func:`check_values` validates the ``hdnd_docx_*`` values
(one message per bad value, in Vietnamese, and the default in its place);
:func:`docx_format` makes the settings of one build from the values and the dataset.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: the national motto (Quốc hiệu and Tiêu ngữ)
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
FONT = "Times New Roman"
FONT_SIZE = 14.0
#: millimetres; Phụ lục I: top and bottom 20-25, left 30-35, right 15-20
MARGINS = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}
LINE_SPACING = 1.15
INDENT_CM = 1.0
SPACE_AFTER_PT = 6.0

#: (lowest, highest) accepted; outside, the default is used and the build warns
FONT_SIZE_RANGE = (8.0, 20.0)
MARGIN_RANGE = (5.0, 60.0)
LINE_SPACING_RANGE = (1.0, 3.0)
INDENT_RANGE = (0.0, 3.0)


@dataclass(frozen=True)
class DocxFormat:
    """What a booklet looks like on paper, and what its header block says."""

    issuer: tuple[str, ...] = ()  #: left of the header block, top to bottom
    motto: tuple[str, ...] = MOTTO  #: right: Quốc hiệu, Tiêu ngữ
    place_date: str = ""  #: under the motto, italic ("Điện Biên, ngày 11 tháng 7 năm 2024")
    font: str = FONT
    font_size: float = FONT_SIZE  #: points, body text
    margins: Mapping[str, float] = field(default_factory=lambda: dict(MARGINS))  #: mm
    line_spacing: float = LINE_SPACING  #: a multiple of single spacing
    indent_cm: float = INDENT_CM  #: first-line indent of body paragraphs
    space_after_pt: float = SPACE_AFTER_PT
    author: str = ""  #: the document's author (core properties)
    date: dt.datetime = dt.datetime(2000, 1, 1)  #: created and modified (core properties)

    @property
    def text_width_mm(self) -> float:
        return 210.0 - self.margins["left"] - self.margins["right"]

    @property
    def text_height_mm(self) -> float:
        return 297.0 - self.margins["top"] - self.margins["bottom"]


def document_date(day: dt.date) -> str:
    """'ngày 11 tháng 7 năm 2024'; Phụ lục I: days below 10 and the months 1 and 2 take a
    leading zero ('ngày 05 tháng 02 năm 2025')."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$|^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_date(text: str) -> dt.date | None:
    """'11/07/2024' or '2024-07-11' as a date; anything else None."""
    m = _DATE.match(text)
    if m is None:
        return None
    try:
        if m.group(1):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    except ValueError:
        return None


# ---------------------------------------------------------------- configuration values

#: name, default, description (the description is shown by Sphinx)
CONFIG: list[tuple[str, Any, str]] = [
    ("hdnd_docx", False,
     "Sau khi xây dựng HTML, ghi bản Word (.docx) cho từng đề cương theo thể thức văn bản "
     "hành chính (Nghị định 30/2020/NĐ-CP)"),
    ("hdnd_docx_dir", "",
     "Thư mục bản Word, tính từ thư mục chứa conf.py (để trống: thư mục docx cạnh thư mục HTML)"),
    ("hdnd_docx_issuer", [],
     "Tên cơ quan ở góc trái, từng dòng (để trống: “HĐND TỈNH …” và “THƯỜNG TRỰC” theo dữ liệu)"),
    ("hdnd_docx_motto", list(MOTTO), "Quốc hiệu và tiêu ngữ ở góc phải, từng dòng"),
    ("hdnd_docx_place", "", "Địa danh ghi trước ngày tháng (để trống: tên tỉnh trong dữ liệu)"),
    ("hdnd_docx_date", "",
     "Ngày ghi trên văn bản: dd/mm/yyyy, hoặc nguyên văn (“ngày … tháng 7 năm 2024”); để "
     "trống: ngày bế mạc kỳ họp"),
    ("hdnd_docx_font", FONT, "Phông chữ của bản Word"),
    ("hdnd_docx_font_size", FONT_SIZE, "Cỡ chữ phần nội dung (pt), thể thức: 13 đến 14"),
    ("hdnd_docx_margins", dict(MARGINS),
     "Lề trang (mm): top, bottom (20 đến 25), left (30 đến 35), right (15 đến 20)"),
    ("hdnd_docx_line_spacing", LINE_SPACING, "Khoảng cách dòng (lần dòng đơn), từ 1 đến 1,5"),
    ("hdnd_docx_indent", INDENT_CM, "Thụt đầu dòng đoạn văn (cm), thể thức: 1 đến 1,27"),
]

DEFAULTS = {name: default for name, default, _doc in CONFIG}

#: warn(name, message): one located message for one configuration value
Warn = Callable[[str, str], None]


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None


def _fmt(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _lines(value: Any) -> list[str] | None:
    if isinstance(value, str):
        value = value.split("\n") if "\n" in value else [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return None
    return [v.strip() for v in value if v.strip()]


def check_values(values: Mapping[str, Any], warn: Warn) -> dict[str, Any]:
    """The ``hdnd_docx_*`` values, each checked; a bad one is reported through ``warn`` and
    replaced by its default."""
    out: dict[str, Any] = {}
    for name, default, _doc in CONFIG:
        out[name] = values.get(name, default)

    def bad(name: str, why: str) -> None:
        warn(name, f"cấu hình {name} = {values.get(name)!r} không hợp lệ ({why}); dùng giá trị "
                   f"mặc định {DEFAULTS[name]!r}")
        out[name] = DEFAULTS[name]

    value = out["hdnd_docx"]
    if isinstance(value, str):  # -D hdnd_docx=1 on the command line
        out["hdnd_docx"] = value.strip().lower() in ("1", "true", "yes", "on")
    elif not isinstance(value, bool):
        bad("hdnd_docx", "cần True hoặc False")
    for name in ("hdnd_docx_dir", "hdnd_docx_place", "hdnd_docx_date"):
        if not isinstance(out[name], str):
            bad(name, "cần một chuỗi")
    font = out["hdnd_docx_font"]
    if not isinstance(font, str) or not font.strip():
        bad("hdnd_docx_font", "cần tên một phông chữ")
    else:
        out["hdnd_docx_font"] = font.strip()
    for name in ("hdnd_docx_issuer", "hdnd_docx_motto"):
        lines = _lines(out[name])
        if lines is None:
            bad(name, "cần danh sách các dòng chữ")
        elif name == "hdnd_docx_motto" and not lines:
            bad(name, "cần ít nhất một dòng")
        else:
            out[name] = lines
    for name, (low, high), unit in (("hdnd_docx_font_size", FONT_SIZE_RANGE, "pt"),
                                    ("hdnd_docx_line_spacing", LINE_SPACING_RANGE, "lần"),
                                    ("hdnd_docx_indent", INDENT_RANGE, "cm")):
        number = _number(out[name])
        if number is None:
            bad(name, "cần một số")
        elif not low <= number <= high:
            bad(name, f"cần từ {_fmt(low)} đến {_fmt(high)} {unit}")
        else:
            out[name] = number
    margins = out["hdnd_docx_margins"]
    if not isinstance(margins, Mapping):
        bad("hdnd_docx_margins", "cần một dict, ví dụ {'top': 20, 'left': 30}")
    else:
        unknown = sorted(str(k) for k in margins if k not in MARGINS)
        numbers = {k: _number(v) for k, v in margins.items() if k in MARGINS}
        wrong = sorted(k for k, v in numbers.items()
                       if v is None or not MARGIN_RANGE[0] <= v <= MARGIN_RANGE[1])
        if unknown:
            bad("hdnd_docx_margins", f"không có lề “{', '.join(unknown)}”; chỉ có top, bottom, "
                                     "left, right")
        elif wrong:
            bad("hdnd_docx_margins", f"lề {', '.join(wrong)} cần là số mm từ "
                                     f"{_fmt(MARGIN_RANGE[0])} đến {_fmt(MARGIN_RANGE[1])}")
        else:
            out["hdnd_docx_margins"] = {**MARGINS, **numbers}
    date = out["hdnd_docx_date"]
    if isinstance(date, str) and re.fullmatch(r"\s*[\d/.-]+\s*", date) and parse_date(date) is None:
        bad("hdnd_docx_date", "cần ngày dd/mm/yyyy có thật, hoặc một dòng chữ")
    return out


def docx_format(values: Mapping[str, Any], province: Any = None, session: Any = None
                ) -> DocxFormat:
    """The settings of a build, from checked values (:func:`check_values`), the dataset's
    province and session (either may be missing: a project without data still builds)."""
    name = getattr(province, "name", "") or ""
    issuer = list(values.get("hdnd_docx_issuer") or [])
    if not issuer:
        council = (getattr(province, "council_short", "") or "HĐND tỉnh").strip()
        issuer = [f"{council} {name}".strip().upper() if name and name not in council
                  else council.upper(), "THƯỜNG TRỰC"]
    place = (values.get("hdnd_docx_place") or name).strip()
    day: dt.date | None = getattr(session, "end_date", None) or getattr(session, "start_date",
                                                                        None)
    text = (values.get("hdnd_docx_date") or "").strip()
    if text:
        parsed = parse_date(text)
        if parsed is not None:
            day, text = parsed, document_date(parsed)
    elif day is not None:
        text = document_date(day)
    place_date = ", ".join(p for p in (place, text) if p)
    created = dt.datetime(day.year, day.month, day.day) if day is not None else \
        dt.datetime(2000, 1, 1)
    author = getattr(province, "standing_committee", "") or ""
    if author and name and name not in author:
        author = f"{author} {name}"
    return DocxFormat(
        issuer=tuple(issuer),
        motto=tuple(values.get("hdnd_docx_motto") or MOTTO),
        place_date=place_date,
        font=values.get("hdnd_docx_font") or FONT,
        font_size=float(values.get("hdnd_docx_font_size") or FONT_SIZE),
        margins=dict(values.get("hdnd_docx_margins") or MARGINS),
        line_spacing=float(values.get("hdnd_docx_line_spacing") or LINE_SPACING),
        indent_cm=float(values.get("hdnd_docx_indent", INDENT_CM)),
        author=author,
        date=created,
    )
