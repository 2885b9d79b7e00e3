"""What a figure belongs to: its section, period, name, and a suggested code and topic.

* **Section**: the numbered headings above the figure, as the data writes them
  ("Phần thứ nhất, A.I.1.1"): "Phần thứ …", then ``A.``, ``I.``, ``1.``/``1.1.``,
  ``a)``; a paragraph that opens with "1.3. Chăn nuôi:" is a heading too.
* **Period**: a period named in the sentence before the figure ("năm 2023",
  "6 tháng đầu năm 2024", "quý I/2024", "từ năm 2013 - 2021"), never one after
  "so với"; otherwise the year of the nearest heading that names one year.
* **Name**: the words before the value in its clause, without the verbs and
  the period ("ước đạt", "năm 2023"), the subject of the clause in brackets
  ("Diện tích gieo trồng (Cây Lúa)"); for a counted noun with no words before
  it, the noun and what follows it ("xã đạt chuẩn nông thôn mới").
"""

from __future__ import annotations

import re

from ..vietnamese import fold

_PART = re.compile(r"^(Phần thứ \w+)", re.I)
_LETTER = re.compile(r"^([A-Z])\.\s")
_ROMAN = re.compile(r"^([IVX]+)\.\s")
_ARABIC = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")
_SUB = re.compile(r"^([a-zđ])\)\s")
INLINE_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.\s+([^:.;]{2,90}):\s*")
_YEAR = re.compile(r"năm\s+(\d{4})", re.I)


class Sections:
    """The heading path as headings go by."""

    def __init__(self) -> None:
        self.part = ""
        self.letter = ""
        self.roman = ""
        self.arabic = ""
        self.sub = ""
        self.titles: dict[str, str] = {}
        self.period = ""

    def heading(self, text: str) -> bool:
        """Take a heading; False when ``text`` is not one."""
        years = set(_YEAR.findall(text))
        if m := _PART.match(text):
            self.part, self.letter, self.roman, self.arabic, self.sub = m.group(1), "", "", "", ""
            self.part = self.part[0].upper() + self.part[1:].lower()
            self.period = ""
        elif m := _ROMAN.match(text):  # before letters: "I." is a Roman one
            self.roman, self.arabic, self.sub = m.group(1), "", ""
        elif m := _LETTER.match(text):
            self.letter, self.roman, self.arabic, self.sub = m.group(1), "", "", ""
        elif m := _ARABIC.match(text):
            self.arabic, self.sub = m.group(1), ""
        elif m := _SUB.match(text):
            self.sub = m.group(1)
        elif not (text.upper() == text and any(c.isalpha() for c in text)):
            return False
        self.titles[self.path] = text
        if len(years) == 1:
            self.period = f"Năm {years.pop()}"
        return True

    @property
    def path(self) -> str:
        dotted = ".".join(x for x in (self.letter, self.roman, self.arabic) if x)
        if self.sub:
            dotted += f" {self.sub}"
        return ", ".join(x for x in (self.part, dotted) if x)

    def trail(self) -> str:
        """The titles of the headings above, for a topic."""
        return " ".join(self.titles.get(k, "") for k in list(self.titles)[-4:])


def looks_like_heading(text: str) -> bool:
    """A short numbered line with no sentence in it (a PDF has no heading styles)."""
    if len(text) > 160 or text.endswith((".", ";", ",")):
        return False
    return bool(
        _PART.match(text)
        or _LETTER.match(text)
        or _ROMAN.match(text)
        or re.match(r"^\d+(?:\.\d+)*\.\s+[A-ZĐÂĂÊÔƠƯ]", text)
        or _SUB.match(text)
        or (text.upper() == text and sum(c.isalpha() for c in text) > 8)
    )


_PERIODS = [
    (
        re.compile(r"(\d+|sáu|06)\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})", re.I),
        lambda m: f"6 tháng {m.group(2).lower()} năm {m.group(3)}",
    ),
    (
        re.compile(r"quý\s+([IV]+)\s*(?:/|năm)\s*(\d{4})", re.I),
        lambda m: f"Quý {m.group(1)} năm {m.group(2)}",
    ),
    (
        re.compile(r"từ năm\s+(\d{4})\s*(?:-|–|đến năm|đến)\s*(\d{4})", re.I),
        lambda m: f"Từ năm {m.group(1)} đến năm {m.group(2)}",
    ),
    (re.compile(r"(?<![\d/])năm\s+(\d{4})", re.I), lambda m: f"Năm {m.group(1)}"),
]
_COMPARED = re.compile(r"(so\s+(với\s+)?|với\s+|bằng\s+|hơn\s+|gấp\s+)[^,;:()]*", re.I)


def period_of(before: str, default: str) -> str:
    """The last period named in ``before`` (the sentence up to the figure) that is not a
    comparison; else ``default``."""
    text = _COMPARED.sub(" ", before)
    found = [(m.end(), -m.start(), make(m)) for pattern, make in _PERIODS for m in pattern.finditer(text)]
    best = max(found, default=None)  # the last to end; of those, the longest
    return best[2] if best else default


_LEAD = re.compile(
    r"^(?:[-–•+,.;()\s]|(?:và|trong đó|cụ thể|bao gồm|đồng thời|dự ước|ước thực hiện|ước tính|ước|"
    r"dự kiến|nâng|đạt|có thêm|thêm|đã|toàn tỉnh|trên địa bàn|hiện nay|đến nay|tới nay|tuy nhiên|"
    r"ngoài ra|với|cho|tiếp tục)(?=[\s,:]|$))+",
    re.I,
)
_TRAIL = re.compile(
    r"(?:[\s,(]|\b(?:ước đạt|đạt được|đạt|là|(?<!hiện )có|được|chiếm|khoảng|hơn|"
    r"trên|dưới|gần|ước thực hiện|ước tính|ước|dự kiến|với|tổng cộng|chỉ|"
    r"đạt tỷ lệ|bằng|lên|xuống|tăng|giảm|toàn tỉnh|trên địa bàn tỉnh)\b)+$",
    re.I,
)
_TIME_WORDS = re.compile(
    r"(?:đến hết|đến|tới|trong|cả|tính đến)?\s*(?:6 tháng (?:đầu|cuối) )?"
    r"năm\s+\d{4}|(?:đến|tới) (?:nay|thời điểm hiện tại)|hiện nay|"
    r"(?:đến|tính đến) (?:ngày )?\d{1,2}/\d{1,2}/\d{4}",
    re.I,
)
_CAUSE = re.compile(r".*\b(?:dẫn đến|nên|khiến|làm cho)\s+", re.I)
_LONG_BRACKETS = re.compile(r"\(([^()]*)\)")
_WORDS = re.compile(r"[^\W\d_]+")


def clean_name(raw: str, areas: list[str]) -> str:
    text = re.sub(r"\s+", " ", raw).strip()
    text = _LONG_BRACKETS.sub(lambda m: m.group(0) if len(_WORDS.findall(m.group(1))) <= 4 else " ", text)
    for spelled in areas:  # the area has its own column
        text = re.sub(r"(?:(?:tại|ở|của)\s+)?" + re.escape(spelled), " ", text, flags=re.I)
    text = _CAUSE.sub("", text)
    if " với " in f" {text} ":
        text = text.rsplit(" với ", 1)[-1] if not text.startswith("với ") else text[4:]
    text = _TIME_WORDS.sub(" ", text)
    text = re.sub(r"^\s*so\s+(với\s+)?[^,]*,", "", text)
    segments = _top_level_commas(text)
    kept = [_tidy(segments[-1])] if segments else []
    for seg in reversed(segments[:-1]):
        seg = _tidy(seg)
        size, so_far = len(_WORDS.findall(seg)), len(_WORDS.findall(" ".join(kept)))
        # a list of a few words ("Khu vực nông, lâm nghiệp") or a name cut after a comma
        if not seg or not (size <= 4 or (so_far <= 2 and size <= 8)):
            break
        kept.insert(0, seg)
    return _tidy(", ".join(k for k in kept if k))


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    for _ in range(3):
        text = _TRAIL.sub("", _LEAD.sub("", text)).strip(" ,:-")
    return text


def _top_level_commas(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        depth += c == "("
        depth -= c == ")" and depth > 0
        if c == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def full_name(name: str, subject: str, tail: str, unit: str) -> tuple[str, bool]:
    """The figure's name and whether it came from the words around it (not before it)."""
    guessed = False
    subject = _tidy(_TIME_WORDS.sub(" ", subject))
    if tail:
        name = f"{unit} {tail}"
    elif not name and subject:
        name, subject, guessed = subject, "", True
    elif not name and unit and unit[0].isalpha():
        name, guessed = unit, True
    if subject and fold(subject) not in fold(name):
        name = f"{name} ({subject})"
    return (name[:1].upper() + name[1:]) if name else "", guessed


_TOPICS = [
    ("nong-thon-moi", "nông thôn mới|ntm|ocop"),
    ("lam-nghiep", "rừng|lâm nghiệp|dvmtr"),
    (
        "nong-nghiep",
        "lúa|ngô|lương thực|chăn nuôi|gia súc|gia cầm|đàn|thủy sản|cà phê|cao su|chè|mắc ca|cây|nông nghiệp",
    ),
    ("kinh-te", "grdp|tăng trưởng|cơ cấu kinh tế|khu vực|thuế sản phẩm"),
    ("dau-tu", "vốn đầu tư|đầu tư công|giải ngân|dự án đầu tư"),
    (
        "ngan-sach",
        "ngân sách|thu nội địa|chi thường xuyên|chi đầu tư|tín dụng|dư nợ|nợ xấu|vốn huy động|tài chính",
    ),
    ("cong-nghiep", "công nghiệp|thủy điện|điện|xây dựng|công suất"),
    (
        "thuong-mai-du-lich",
        "bán lẻ|du lịch|vận tải|luân chuyển|xuất khẩu|nhập khẩu|"
        "xuất nhập khẩu|thương mại|bưu chính|viễn thông|thuê bao",
    ),
    ("giam-ngheo", "hộ nghèo|giảm nghèo|việc làm|lao động|an sinh|bảo trợ"),
    ("y-te", "y tế|bệnh|bác sĩ|bảo hiểm y tế|dân số|hiv|ngộ độc|tiêm"),
    ("giao-duc", "giáo dục|trường|học sinh|giáo viên|lớp"),
    ("van-hoa", "văn hóa|thể thao|di tích|lễ hội"),
    ("chuyen-doi-so", "khoa học|công nghệ|chuyển đổi số|internet"),
    ("dat-dai-moi-truong", "đất|khoáng sản|môi trường|tài nguyên|thiên tai"),
    ("dan-toc-ton-giao", "dân tộc|tôn giáo|di cư"),
    ("cai-cach-hanh-chinh", "cải cách hành chính|thủ tục hành chính|công chức|viên chức"),
    ("tu-phap", "tư pháp|thanh tra|khiếu nại|tố cáo|tham nhũng"),
    ("quoc-phong-an-ninh", "quốc phòng|an ninh|ma túy|tội phạm|đối ngoại|biên giới"),
]


def suggest_topic(name: str, trail: str, topics: set[str] | None) -> str:
    """The first topic whose words are in the figure's name, else in its headings."""
    for text in (name, trail):
        low = text.lower()
        for code, words in _TOPICS:
            if (topics is None or code in topics) and re.search(rf"\b(?:{words})\b", low):
                return code
    return ""


def suggest_code(name: str, period: str, area: str) -> str:
    """grdp_binh_quan_dau_nguoi_2023: the name's first words, the area, the period's year."""
    base = re.sub(r"\([^)]*\)", " ", name)
    words = [w for w in re.findall(r"[a-z0-9]+", fold(base)) if w not in {"cua", "va", "cac"}]
    year = re.findall(r"\d{4}", period)
    parts = [*words[:6], *([area.replace("-", "_")] if area else []), *year[-1:]]
    return "_".join(parts) or "chi_tieu"
