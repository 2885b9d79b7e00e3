"""The figures of one sentence: a value with its unit, and what the sentence says of it.

A sentence is read number by number, left to right. Each number is classed by
the words before it and the sign after it (the rules, in the user guide's how-to):

* ``tăng X%`` / ``giảm X%``: growth on the previous period, signed; for a value
  in % (a share, a rate) it is a change in points, so it goes to ``change``;
* ``tăng X ha`` / ``giảm X ha``: a stated absolute change, signed (``change``);
* ``gấp X lần``: a ratio on the previous period (``ratio``);
* ``đạt X% kế hoạch`` (or dự toán, chỉ tiêu, mục tiêu, KH): ``plan_pct`` X;
  ``vượt X% kế hoạch``: ``plan_pct`` 100 + X;
* ``bằng X% cùng kỳ``: growth X - 100;
* ``chiếm X%`` after a value: a share, kept in ``note``;
* any other number with a unit (or a %) is a new figure's value; ``hơn``,
  ``trên``, ``khoảng``, ``gần``, ``dưới`` before it are its qualifier;
  ``N/M`` is N of M (M in ``note``).

A modifier belongs to the figure before it in the same clause (``;`` ends a
clause; what is said in brackets belongs to the figure outside them); a
modifier with no figure before it, or after a new subject, is a figure of its
own with no value (``công nghiệp - xây dựng tăng 15,51%``). Years, dates,
document numbers, scales (``tỷ lệ 1/500``) and numbers in proper names
(``Mường Luân 2``) are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .units import count_noun, read_unit

_NUMBER = re.compile(
    r"(?<![\w.,/\-])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+)(?![\d,]\d)"
)
_DATE_AFTER = re.compile(r"^/\d{1,2}(?:/\d{2,4})?|^/\d{4}")
_FRACTION = re.compile(r"^\s*(?:[a-zA-Z]{0,2})?/(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)")
_YEAR_BEFORE = re.compile(
    r"(năm|giai đoạn|đoạn|niên độ|khóa|quý|tháng|ngày|số|lần thứ|tỷ lệ|"
    r"đường|QL|ĐT|tuyến|Nghị định|Quyết định|Thông tư)\s*$",
    re.I,
)
_RANGE_BEFORE = re.compile(r"\d{4}\s*[-–]\s*$")
_PERCENT = re.compile(r"^\s*%")
_PERMILLE = re.compile(r"^\s*‰")
_TIMES = re.compile(r"^\s*lần\b")
_PLAN_AFTER = re.compile(
    r"^\s*%?\s*(?:so\s+(?:với\s+)?)?(?:kế hoạch|KH\b|dự toán|chỉ tiêu|mục tiêu|"
    r"nhiệm vụ)",
    re.I,
)
_SAME_PERIOD_AFTER = re.compile(r"^\s*%?\s*(?:so\s+(?:với\s+)?)?(?:cùng kỳ|năm trước|năm 20\d\d)", re.I)
_QUALIFIER = re.compile(r"(khoảng trên|khoảng|hơn|trên|gần|dưới|xấp xỉ|ít nhất|tối thiểu)\s*$", re.I)
_DELTA = re.compile(r"(tăng thêm|tăng|giảm đi|giảm)\s*(?:khoảng\s+|hơn\s+|trên\s+)?$", re.I)
_TIMES_BEFORE = re.compile(r"gấp\s*(?:khoảng\s+|hơn\s+)?$", re.I)
_OVER = re.compile(r"vượt\s*(?:mức\s+)?$", re.I)
_EQUAL = re.compile(r"bằng\s*$", re.I)
_SHARE = re.compile(r"(chiếm|đạt tỷ lệ|tỷ lệ|bằng)\s*(?:khoảng\s+)?$", re.I)
_PROPER_BEFORE = re.compile(r"(?:^|\s)[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*\s*$")
_WORDS = re.compile(r"[^\W\d_]+")
_SKIP_UNITS = {"sao", "tuổi", "giờ", "phút"}


@dataclass
class Figure:
    """One figure of a sentence, before the period, area and name rules are applied."""

    start: int  # where the figure's words start in the sentence (for its name)
    end: int  # where its value (or first modifier) starts
    value: Decimal | None = None
    value_text: str = ""
    unit: str = ""
    qualifier: str = ""
    growth: Decimal | None = None
    change: Decimal | None = None
    ratio: Decimal | None = None
    plan_pct: Decimal | None = None
    notes: list[str] = field(default_factory=list)
    subject: str = ""  # a short "Cây Lúa:" before the clause
    tail: str = ""  # the words after a counted unit ("dự án đầu tư thuộc …")
    clause: int = 0  # where its clause starts: figures of one clause share an area


def to_decimal(text: str) -> Decimal:
    if "," in text or re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        return Decimal(text.replace(".", "").replace(",", "."))
    return Decimal(text)  # "897.72": a dot before two digits is a decimal point


def _sign(word: str) -> int:
    return -1 if word.lower().startswith("giảm") else 1


def _gap_has_subject(gap: str) -> bool:
    """Words enough between two numbers to name another figure (not "so với …", "và")."""
    gap = re.sub(r"so\s+(với\s+)?[^,;()]*", " ", gap)
    gap = re.sub(
        r"\b(và|đạt|ước|được|trong đó|cụ thể|bao gồm|kế hoạch|năm|cùng kỳ|đồng thời)\b", " ", gap, flags=re.I
    )
    return len(_WORDS.findall(gap)) >= 2


def figures_of(sentence: str) -> list[Figure]:
    """The figures of ``sentence`` (footnote marks already replaced by spaces)."""
    found: list[Figure] = []
    current: Figure | None = None
    stack: list[Figure | None] = []
    subject = ""
    clause_start = 0
    last_end = 0
    for m in _NUMBER.finditer(sentence):
        gap = sentence[last_end : m.start()]
        before = sentence[max(0, m.start() - 40) : m.start()]
        after = sentence[m.end() : m.end() + 60]
        # clause, bracket and subject changes in the words since the last number
        for i, c in enumerate(gap):
            if c == "(":
                stack.append(current)
            elif c == ")" and stack:
                current = stack.pop()
            elif c == ";" and not stack:
                current, clause_start = None, last_end + i + 1
            elif c == ":":
                head = sentence[clause_start : last_end + i].strip(" -,")
                head = head.rsplit(";", 1)[-1].strip(" -,")
                words = _WORDS.findall(head)
                if 0 < len(words) <= 6 and not re.fullmatch(
                    r"(?i)(trong đó|cụ thể|bao gồm|gồm|như sau|kết quả)", head
                ):
                    subject = head
                current, clause_start = None, last_end + i + 1
        if m.start() < last_end or _skip(sentence, m, before, after):
            continue
        text = m.group(1)
        number = to_decimal(text)
        name_start = max(clause_start, last_end)
        pct = bool(_PERCENT.match(after))
        if _TIMES_BEFORE.search(before) and _TIMES.match(after):
            kind = "ratio"
        elif pct and _PLAN_AFTER.match(after):
            kind = "plan"
        elif pct and _DELTA.search(before):
            kind = "delta_pct"
        elif pct and _EQUAL.search(before) and _SAME_PERIOD_AFTER.match(after):
            kind = "same_period"
        elif (
            pct
            and current is not None
            and current.value is not None
            and _SHARE.search(before)
            and not _gap_has_subject(gap.split("(")[-1])
        ):
            kind = "share"
        elif _DELTA.search(before) and current is not None:
            kind = "delta"
        else:
            kind = "value"
        end = m.end() + (len(after) - len(after.lstrip())) + 1 if pct else m.end()
        if kind == "value":
            total = re.match(r"/(\d[\d.,]*)\s", after) if not pct else None
            if total:  # "08/10 đơn vị": 8 of 10
                after = after[total.end() - 1 :]
            unit, used = ("%", 1) if pct else ("‰", 1) if _PERMILLE.match(after) else read_unit(after)

            if not unit and (_PROPER_BEFORE.search(before) or _YEAR_BEFORE.search(before)):
                continue  # "Mường Luân 2", "Khoản 3"
            if unit.lower() in _SKIP_UNITS:
                continue
            qual = _QUALIFIER.search(before)
            current = Figure(
                start=name_start,
                end=m.start() - (len(qual.group(0)) if qual else 0),
                value=number,
                value_text=text,
                unit=unit,
                qualifier=qual.group(1).lower() if qual else "",
                subject=subject,
                clause=clause_start,
            )
            rest = after[used:]
            frac = total or _FRACTION.match(rest)
            if frac and not pct:
                current.notes.append(f"trên tổng số {frac.group(1)}")
            skip = 0
            if frac and not total:  # "79.618,19ha/84.886,24ha": the total is no figure
                skip = frac.end() + read_unit(rest[frac.end() :])[1]
                rest = rest[skip:]
            tail_end = 0
            if count_noun(unit):
                current.tail, tail_end = _tail(rest)
            found.append(current)
            end = m.end() + used + skip + tail_end + (total.end() - 1 if total else 0)
        else:
            new = current is None or (
                _gap_has_subject(gap)
                and kind in {"delta_pct", "plan"}
                and (current.growth is not None if kind == "delta_pct" else current.plan_pct is not None)
            )
            if new:
                trigger = (
                    _DELTA.search(before)
                    or _OVER.search(before)
                    or re.search(r"(đạt|bằng|chỉ đạt|chỉ bằng)\s*$", before, re.I)
                )
                cut = m.start() - (len(trigger.group(0)) if trigger else 0)
                current = Figure(start=name_start, end=cut, subject=subject, clause=clause_start)
                found.append(current)
            assert current is not None
            if kind == "ratio":
                current.ratio = number
            elif kind == "plan":
                current.plan_pct = number + 100 if _OVER.search(before) else number
            elif kind == "delta_pct":
                signed = number * _sign(_DELTA.search(before).group(1))  # type: ignore[union-attr]
                if current.unit in {"%", "‰"}:
                    current.change = signed
                else:
                    current.growth = signed
            elif kind == "same_period":
                current.growth = number - 100
            elif kind == "share":
                current.notes.append(f"chiếm {text}%")
            elif kind == "delta":
                current.change = number * _sign(_DELTA.search(before).group(1))  # type: ignore[union-attr]
        last_end = end
        if kind != "value":
            last_end = _after_comparison(sentence, end)
    return found


def _skip(sentence: str, m: re.Match[str], before: str, after: str) -> bool:
    """Years, dates, ranges of years, document numbers, scales."""
    text = m.group(1)
    if before.endswith("(") and after.startswith(")"):
        return True  # a list's "(1)"
    if re.match(r"\s*tháng\s+(?:đầu|cuối)\b", after, re.I):
        return True  # "6 tháng đầu năm 2024" is a period
    if _DATE_AFTER.match(after) and not re.match(r"^/\d+\s+\D", after):
        return True  # 31/12/2023, 05/GP-UBND
    if re.match(r"^/\d", after) and re.search(r"(ngày|tỷ lệ|số)\s*$", before, re.I):
        return True  # ngày 23/10, tỷ lệ 1/500
    if re.match(r"^\s*[-–]\s*\d{4}", after) and re.fullmatch(r"(19|20)\d\d", text):
        return True  # 2021 - 2025
    if _RANGE_BEFORE.search(before) or (re.fullmatch(r"(19|20)\d\d", text) and not _PERCENT.match(after)):
        return True
    if _YEAR_BEFORE.search(before) and not _PERCENT.match(after):
        return not re.search(r"tỷ lệ\s*$", before, re.I) or bool(re.match(r"^/", after))
    if re.match(r"^[A-Za-z]*/[A-ZĐ]", after) or re.match(r"^[-–][A-ZĐ]", after):
        return True  # 952-TB/TU
    return False


def _tail(rest: str) -> tuple[str, int]:
    """The words after a counted unit that say what is counted ("đạt chuẩn nông thôn mới"),
    and where they end; "và" ends them only before another number."""
    stop = re.search(
        r"[,;.()]|\s(?:với|tại|trên địa bàn|so với|tăng|giảm|chiếm|bao gồm|gồm|"
        r"trong đó|là|nâng tổng|của|cho|đang|đã|ước)\s|\svà\s+(?=\d|\S+\s+\d)",
        rest + " ",
    )
    cut = stop.start() if stop else len(rest)
    words = re.sub(r"\s+", " ", rest[:cut]).strip()
    return (words, cut) if len(_WORDS.findall(words)) <= 10 else ("", 0)


def _after_comparison(sentence: str, end: int) -> int:
    """Past "so với cùng kỳ năm trước" and "kế hoạch năm": those words name no figure."""
    m = re.match(
        r"\s*%?\s*(?:(?:so\s+(?:với\s+)?|với\s+)[^,;()\d]*|(?:kế hoạch|dự toán|KH|cùng kỳ)"
        r"[^,;()\d]*)",
        sentence[end:],
        re.I,
    )
    return end + (m.end() if m else 0)
