"""Figures inside narrative text: ``{grdp_6t}`` or ``{grdp_6t:growth}``.

Staff write narrative items in their own words and let the data supply the
figures, so a figure in prose can never drift from the table. Only this
exact syntax is special; every other brace prints as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_-]*)(?::([a-z_]+))?\}")

#: the forms a placeholder (and the inline role) may ask for
FORMS = {
    "value": "giá trị kèm đơn vị (8,75%)",
    "sentence": "câu đầy đủ theo văn phong văn bản (ước đạt 8,75%, thấp hơn kịch bản 1,39 điểm %)",
    "plan": "kế hoạch (10,14%)",
    "plan_pct": "tỷ lệ so với kế hoạch (đạt 101,34% kế hoạch)",
    "gap": "chênh lệch so với kế hoạch, tính bằng điểm % (thấp hơn kịch bản 1,39 điểm %)",
    "growth": "tốc độ tăng so với kỳ trước (tăng 24,22% so với cùng kỳ)",
    "ratio": "số lần so với kỳ trước (tăng gấp 2,18 lần so với cùng kỳ)",
    "change": "chỉ tiêu tỷ lệ: thay đổi so với kỳ trước, tính bằng điểm % "
              "(giảm 4,00 điểm % so với năm 2023)",
    "previous": "giá trị kỳ trước",
    "rank": "thứ hạng (xếp thứ 10/63 tỉnh, thành phố)",
}


@dataclass(frozen=True, slots=True)
class Placeholder:
    code: str
    form: str  # "value" when not given
    raw: str


def split_text(text: str) -> list[str | Placeholder]:
    """Split narrative text into literal pieces and placeholders, in order."""
    out: list[str | Placeholder] = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        if m.start() > pos:
            out.append(text[pos : m.start()])
        out.append(Placeholder(m.group(1), m.group(2) or "value", m.group(0)))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out
