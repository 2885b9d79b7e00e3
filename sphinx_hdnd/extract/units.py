"""Units after a number: "tỷ đồng", "triệu USD", "nghìn con", "triệu đồng/người/năm", "ha".

A unit is the longest known unit at the number (with a magnitude word before it:
nghìn, triệu, tỷ), then any "/người/năm" that follows; an unknown word is taken
as the unit only when it is a plain lower-case word that is not a function word
("so", "và", "tăng" …). Counted nouns (xã, dự án, doanh nghiệp …) are units too:
the words after them say what is counted.
"""

from __future__ import annotations

import re

#: measures: the number says how much, not how many of what
MEASURES = [
    "tỷ đồng",
    "triệu đồng",
    "nghìn đồng",
    "đồng",
    "usd",
    "tỷ usd",
    "triệu usd",
    "ha",
    "km",
    "m",
    "m2",
    "m3",
    "tấn",
    "kg",
    "tạ",
    "mw",
    "kw",
    "kwh",
    "lượt hk.km",
    "tấn.km",
    "hk.km",
    "lượt người",
    "lượt",
    "ngày",
    "tháng",
    "giờ",
    "%",
    "‰",
]
#: counted nouns: "48 xã đạt chuẩn …", "30 doanh nghiệp"
COUNTED = [
    "xã",
    "phường",
    "thị trấn",
    "huyện",
    "thôn, bản",
    "thôn bản",
    "thôn",
    "bản",
    "tổ dân phố",
    "hộ",
    "hộ gia đình",
    "nhân khẩu",
    "người",
    "lao động",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "bác sĩ",
    "con",
    "cây",
    "dự án",
    "công trình",
    "doanh nghiệp",
    "hợp tác xã",
    "htx",
    "tổ hợp tác",
    "nhà máy",
    "sản phẩm",
    "thuê bao",
    "điểm",
    "tuyến",
    "đợt",
    "vụ",
    "ca",
    "cuộc",
    "trường",
    "lớp",
    "cơ sở",
    "đơn vị",
    "cơ quan",
    "chủ rừng",
    "tiêu chí",
    "căn",
    "căn nhà",
    "nhà",
    "hồ sơ",
    "thủ tục",
    "văn bản",
    "chương trình",
    "mô hình",
    "đề án",
    "tổ chức",
    "vị trí",
    "hợp đồng",
    "quyết định",
    "giấy phép",
    "giấy chứng nhận",
    "đối tượng",
    "suất",
    "chiếc",
    "phương án",
    "đồ án",
    "giường bệnh",
    "trạm",
    "đơn thư",
    "đơn",
    "vụ việc",
    "video",
    "tập gấp",
    "bản đồ",
    "cuốn",
    "đầu sách",
    "buổi",
    "lượt xe",
    "xe",
    "tấn hàng",
    "km đường",
    "trẻ em",
    "gia đình",
    "đoàn",
    "tỉnh",
    "nghị quyết",
    "đại biểu",
    "ý kiến",
    "kiến nghị",
]
MAGNITUDES = ["nghìn", "ngàn", "triệu", "tỷ", "vạn", "trăm"]
#: glued to the number in the text: "505,42ha", "15MW"
_GLUED = ["ha", "mw", "kw", "km", "kg", "m2", "m3", "tấn"]
_FUNCTION = {
    "so",
    "và",
    "tăng",
    "giảm",
    "đạt",
    "trong",
    "với",
    "chiếm",
    "của",
    "là",
    "tại",
    "bằng",
    "được",
    "có",
    "các",
    "những",
    "đã",
    "đang",
    "sẽ",
    "thì",
    "năm",
    "trên",
    "dưới",
    "từ",
    "đến",
    "cho",
    "về",
    "theo",
    "vượt",
    "gấp",
    "ước",
    "như",
    "khi",
    "hoặc",
    "hay",
    "nhưng",
    "mà",
}
_ALL = sorted({*MEASURES, *COUNTED}, key=len, reverse=True)
_COUNTED = set(COUNTED)
_END = r"(?![\wÀ-ỹ]|\.[\wÀ-ỹ])"
_UNIT = re.compile(
    r"\s*(?:(" + "|".join(MAGNITUDES) + r")\s+)?(" + "|".join(re.escape(u) for u in _ALL) + r")" + _END, re.I
)
_PER = re.compile(r"(?:\s*[^\W\d_]+){0,2}?(?:/[^\W\d_]+)+", re.I)
_WORD = re.compile(r"\s*([a-zà-ỹđ]+)" + _END)


def read_unit(after: str) -> tuple[str, int]:
    """The unit at the start of ``after`` and how many characters it takes ("" and 0: none)."""
    m = _UNIT.match(after)
    if m is None:
        glued = re.match(r"(" + "|".join(_GLUED) + r")", after, re.I)
        if glued:
            rest = re.match(r"[\wÀ-ỹ]*", after[glued.end() :])
            return glued.group(1), glued.end() + (rest.end() if rest else 0)
        word = _WORD.match(after)
        if word and word.group(1) not in _FUNCTION and word.group(1) not in MAGNITUDES:
            m2 = word
            return _with_per(after, m2.group(1), m2.end())
        return "", 0
    unit = after[m.start(1) if m.group(1) else m.start(2) : m.end()].strip()
    return _with_per(after, unit, m.end())


def _with_per(after: str, unit: str, end: int) -> tuple[str, int]:
    per = _PER.match(after, end)
    if per and per.group(0).strip():
        return unit + after[end : per.end()].rstrip(), per.end()
    return re.sub(r"\s+", " ", unit), end


def count_noun(unit: str) -> bool:
    """A counted thing ("xã", "dự án"), whose following words may name the figure."""
    return unit.lower() in _COUNTED
