"""Reading numbers written in Vietnamese style (``14.955,28``) or plain style (``14955.28``).

Rules (documented in the user guide):

* ``vi``: ``.`` groups thousands, ``,`` marks decimals.
* ``plain``: no grouping (or ``,`` grouping), ``.`` marks decimals.
* A value that carries both marks, or one mark that cannot be a thousands
  separator (``8,75``, ``2.5``, ``1.234.567``), tells the style by itself.
* A value such as ``1.490`` or ``1,490`` is *ambiguous*: it reads as one
  thousand four hundred ninety in one style and as one and a half in the
  other. A file's style is detected from its unambiguous values; when a file
  has only ambiguous values and declares no style, it is an error, never a
  guess.

Values are parsed into :class:`decimal.Decimal`, so the source's precision is
kept (``3.798,254`` stays three decimals).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from .problems import ReadProblem


class NumberStyle(StrEnum):
    """How a file writes its numbers (``province.yaml``: number_style, number_styles)."""

    VI = "vi"
    PLAIN = "plain"
    AUTO = "auto"


class MoneyStyle(StrEnum):
    """How a budget line's amounts are printed."""

    DECIMAL = "decimal"  # 14.955,28 tỷ đồng
    TY_TRIEU = "ty_trieu"  # 631 tỷ 600 triệu đồng


class NumberError(ReadProblem, ValueError):
    """A cell that is not a number, in the catalogue's words: HD120, or HD122 for a
    figure written in the other style than its file's."""


_SPACES = re.compile(r"[\s\u00a0\u202f]")
_DIGITS = re.compile(r"^[+-]?\d+$")
# a thousands group never follows a lone 0: "0.001" is a decimal in any style
_VI_GROUPED = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")
_VI_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")
_PLAIN_GROUPED = re.compile(r"^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$")
_PLAIN_DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")
_ONE_GROUP = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")


#: no figure of a province reaches a million billion (10^15): a longer number is a slip
#: (digits typed twice, a code pasted as a value), and it would overflow what the charts
#: and Excel can show exactly
MAX_DIGITS = 15


def within_range(number: Decimal, raw: object) -> Decimal:
    """``number``, or :class:`NumberError` when its whole part has more than MAX_DIGITS."""
    if number.is_finite() and number.adjusted() >= MAX_DIGITS:
        raise NumberError("HD120", "too-big", value=raw, digits=MAX_DIGITS)
    return number


def _clean(text: str) -> str:
    text = _SPACES.sub("", text.strip())
    return text.replace("\u2212", "-")  # typographic minus from Word


@functools.lru_cache(maxsize=65_536)  # a table repeats its figures: read each text once
def style_of(text: str) -> NumberStyle | None:
    """The style a single value proves, or None if it proves nothing.

    ``1.490`` proves nothing (ambiguous); ``8,75`` proves ``vi``; ``2.5``
    proves ``plain``; ``1.234.567`` proves ``vi``; ``31860`` proves nothing.
    """
    s = _clean(text)
    if _DIGITS.match(s) or _ONE_GROUP.match(s):
        return None
    if _VI_GROUPED.match(s) or _VI_DECIMAL.match(s):
        return NumberStyle.VI
    if _PLAIN_GROUPED.match(s) or _PLAIN_DECIMAL.match(s):
        return NumberStyle.PLAIN
    return None


def is_ambiguous(text: str) -> bool:
    return bool(_ONE_GROUP.match(_clean(text)))


def parse_number(text: str, style: NumberStyle) -> Decimal:
    """Parse one cell. ``style`` must be VI or PLAIN (resolve AUTO per file first).

    Raises :class:`NumberError` with a Vietnamese message.
    """
    raw = text
    s = _clean(text)
    if not s:
        raise NumberError("HD120", "blank")
    if s.endswith("%") or s.endswith("‰"):
        raise NumberError("HD120", "unit", value=raw)
    if _DIGITS.match(s):
        return within_range(Decimal(s), raw)
    if style is NumberStyle.VI:
        if _VI_GROUPED.match(s) or _VI_DECIMAL.match(s):
            return within_range(Decimal(s.replace(".", "").replace(",", ".")), raw)
        if _PLAIN_DECIMAL.match(s) or _PLAIN_GROUPED.match(s):
            raise NumberError("HD122", "plain-in-vi", value=raw)
    elif style is NumberStyle.PLAIN:
        if _PLAIN_DECIMAL.match(s) or _PLAIN_GROUPED.match(s):
            return within_range(Decimal(s.replace(",", "")), raw)
        if _VI_GROUPED.match(s) or _VI_DECIMAL.match(s):
            raise NumberError("HD122", "vi-in-plain", value=raw)
    else:  # pragma: no cover - callers resolve AUTO first
        raise ValueError("style must be resolved before parsing")
    try:
        Decimal(s)
    except InvalidOperation:
        pass
    else:
        if "e" in s.lower() or s.lower() in {"nan", "inf", "infinity", "-inf"}:
            raise NumberError("HD120", "unusual", value=raw)
    raise NumberError("HD120", "not-a-number", value=raw)


def resolve_style(values: list[str], declared: NumberStyle) -> tuple[NumberStyle | None, str]:
    """Decide the style of one file.

    Returns (style, reason). ``style`` is None when the file mixes styles; the
    reason then names two conflicting values. A file without any proving
    value gets ``vi`` (the documents' style) unless a value is ambiguous, in
    which case the caller reports each ambiguous value.
    """
    if declared is not NumberStyle.AUTO:
        return declared, "khai báo"
    seen: dict[NumberStyle, str] = {}
    for v in values:
        st = style_of(v)
        if st is not None and st not in seen:
            seen[st] = v
            if len(seen) == 2:
                break  # mixed: the first value of each style is the example
    if len(seen) == 2:
        return None, f"“{seen[NumberStyle.VI]}” (kiểu Việt Nam) và “{seen[NumberStyle.PLAIN]}” (kiểu quốc tế)"
    if seen:
        (style, example), = seen.items()
        return style, f"nhận biết từ “{example}”"
    return NumberStyle.AUTO, "chưa xác định"
