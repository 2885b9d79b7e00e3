"""Number, percent, money and date formatting in the documents' Vietnamese style.

Conventions (see the seed documents): thousands are grouped with ".", decimals
are separated with ",", small counts are zero-padded ("08/10", "05 đại biểu"),
per-mille uses "‰" and dates are written ``dd/mm/yyyy``.

All functions are pure and exact: values are :class:`decimal.Decimal` or
``int`` and never pass through ``float``.  Rounding, when asked for, is
``ROUND_HALF_UP`` (the way people round by hand), never Babel's default
half-even.  Babel's ``vi`` locale supplies the symbols, always driven by an
explicit pattern so that Babel never chooses the precision itself.
"""

from __future__ import annotations

import datetime
import decimal
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal as _babel_format_decimal

__all__ = [
    "decimals_of",
    "format_count",
    "format_date",
    "format_date_range",
    "format_duration_days",
    "format_fraction",
    "format_money",
    "format_number",
    "format_percent",
    "format_permille",
    "format_points",
    "format_seconds",
    "format_value",
    "to_decimal",
]

LOCALE = "vi"
DATE_PATTERN = "dd/MM/yyyy"

#: Units rendered with their symbol glued to the number ("8,75%").
_GLUED_UNITS = {"%": "%", "‰": "‰"}

NumberLike = Decimal | int


def _exact_context() -> decimal.Context:
    """A context in which addition, subtraction, multiplication and quantize
    are exact (no rounding to 28 significant digits)."""
    ctx = decimal.Context(
        prec=decimal.MAX_PREC,
        Emax=decimal.MAX_EMAX,
        Emin=decimal.MIN_EMIN,
        rounding=ROUND_HALF_UP,
    )
    ctx.traps[decimal.Inexact] = False
    return ctx


def to_decimal(value: NumberLike | str) -> Decimal:
    """Convert ``value`` to a finite Decimal without ever going through float.

    Strings are accepted as a convenience (``"14955.28"``); floats and bools
    are rejected because they would silently lose or distort precision.
    """
    if isinstance(value, bool):
        raise TypeError("bool is not a number here")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except decimal.InvalidOperation as exc:
            raise ValueError(f"not a decimal number: {value!r}") from exc
    else:
        raise TypeError(f"expected Decimal or int, got {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def decimals_of(value: NumberLike) -> int:
    """Number of decimal places ``value`` carries (never negative).

    >>> decimals_of(Decimal("3798.254")), decimals_of(Decimal("1.50"))
    (3, 2)
    """
    exponent = to_decimal(value).as_tuple().exponent
    assert isinstance(exponent, int)  # finite, checked by to_decimal
    return max(0, -exponent)


def _quantize(value: Decimal, places: int) -> Decimal:
    with decimal.localcontext(_exact_context()):
        result = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if result.is_zero():
        # Never print "-0" or "-0,00".
        result = result.copy_abs()
    return result


def format_number(value: NumberLike, decimals: int | None = None) -> str:
    """Format ``value`` the Vietnamese way: "3.798,254", "-1.234,50".

    ``decimals=None`` keeps the value's own precision; ``decimals=k`` rounds
    half-up to ``k`` places and always shows exactly ``k`` places.
    """
    number = to_decimal(value)
    if decimals is None:
        places = decimals_of(number)
    else:
        if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
            raise ValueError(f"decimals must be a non-negative int, got {decimals!r}")
        places = decimals
    # str() keeps the exponent (Decimal("1.0") == Decimal("1.00") but prints differently)
    return _format_places(str(number), places)


# a site prints the same few thousand figures on hundreds of pages
@lru_cache(maxsize=1 << 15)
def _format_places(digits_text: str, places: int) -> str:
    number = _quantize(Decimal(digits_text), places)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    # Babel quantizes again with the ambient context; give it enough
    # precision so that huge values are not rounded or rejected.
    digits = len(number.as_tuple().digits)
    ctx = decimal.Context(prec=max(28, digits + places + 2), rounding=ROUND_HALF_UP)
    with decimal.localcontext(ctx):
        text = _babel_format_decimal(number, format=pattern, locale=LOCALE)
    # Babel's vi symbols are "." / "," / "-" today; pin them down anyway.
    return text.replace("\u2212", "-").replace("\u00a0", ".").replace("\u202f", ".")


def format_percent(value: NumberLike, decimals: int | None = None) -> str:
    """E.g. "8,75%" (no space before the sign)."""
    return format_number(value, decimals) + "%"


def format_permille(value: NumberLike, decimals: int | None = None) -> str:
    """E.g. "0,5‰"."""
    return format_number(value, decimals) + "‰"


def format_points(value: NumberLike, decimals: int | None = None) -> str:
    """Percentage points: "1,39 điểm %"."""
    return format_number(value, decimals) + " điểm %"


def format_count(n: int, pad: bool = False) -> str:
    """A count: "1.490"; with ``pad`` 1..9 become "01".."09" like the documents."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"count must be an int, got {type(n).__name__}")
    if pad and 0 < n < 10:
        return f"0{n}"
    return format_number(n)


def format_fraction(part: int, whole: int, pad: bool = False) -> str:
    """E.g. "45/50", "08/10" (``pad`` applies to ``part`` only), "10/63"."""
    return f"{format_count(part, pad=pad)}/{format_count(whole)}"


def format_money(value: NumberLike, unit: str = "tỷ đồng", style: str = "decimal") -> str:
    """Money expressed in ``unit``.

    ``style="decimal"``: "14.955,28 tỷ đồng".
    ``style="ty_trieu"`` (unit "tỷ đồng" only): whole tỷ plus remaining triệu,
    "631 tỷ 600 triệu đồng", "7.922 tỷ đồng", "500 triệu đồng".  A value with
    precision finer than one triệu falls back to the decimal style.
    """
    number = to_decimal(value)
    if style == "decimal":
        return f"{format_number(number)} {unit}".rstrip()
    if style != "ty_trieu":
        raise ValueError(f"unknown money style: {style!r}")
    if unit != "tỷ đồng":
        raise ValueError(f"style 'ty_trieu' needs unit 'tỷ đồng', got {unit!r}")
    with decimal.localcontext(_exact_context()):
        millions = number.copy_abs() * 1000
        if millions != millions.to_integral_value():
            return format_money(number, unit, "decimal")
        ty, trieu = divmod(int(millions), 1000)
    sign = "-" if number < 0 and (ty or trieu) else ""
    if ty and trieu:
        body = f"{format_count(ty)} tỷ {trieu} triệu đồng"
    elif trieu:
        body = f"{trieu} triệu đồng"
    else:
        body = f"{format_count(ty)} tỷ đồng"
    return sign + body


#: units of amounts measured, not counted (a count of "dự án", "xã", "vụ" is counted)
MEASURED_UNITS = ("đồng", "usd", "ha", "tấn", "km", "m2", "m3", "m²", "m³", "kwh", "mw", "lít",
                  "lần", "ngày", "tháng", "năm", "tuổi", "/")


def is_counted(unit: str) -> bool:
    """A unit that counts things ("07 dự án", "25 ca"), not a measure or a rate."""
    unit = unit.strip().casefold()
    return bool(unit) and unit not in _GLUED_UNITS and unit != "điểm %" and not any(
        m in unit for m in MEASURED_UNITS)


def format_value(value: NumberLike, unit: str) -> str:
    """``value`` with its unit: "8,75%", "0,5‰", "2,18 lần", "14.955,28 tỷ đồng".

    A count below ten is written with two digits, as the documents write it ("07 dự
    án", "03 chương trình", "01 vụ"; in seeds 000 and 002, 146 padded against 3 not).
    An empty unit gives just the number.
    """
    unit = unit.strip()
    if unit in _GLUED_UNITS:
        return format_number(value) + _GLUED_UNITS[unit]
    if unit == "điểm %":
        return format_points(value)
    if not unit:
        return format_number(value)
    number = to_decimal(value)
    if is_counted(unit) and number == number.to_integral() and 0 < number < 10:
        return f"{format_count(int(number), pad=True)} {unit}"
    return f"{format_number(value)} {unit}"


def format_seconds(seconds: float) -> str:
    """A duration for the build's messages: "305,5 giây"."""
    return f"{format_number(Decimal(str(round(seconds, 1))), 1)} giây"


def format_date(d: datetime.date) -> str:
    """E.g. "27/01/2024"."""
    if isinstance(d, datetime.datetime):
        d = d.date()
    return _babel_format_date(d, format=DATE_PATTERN, locale=LOCALE)


def format_date_range(start: datetime.date, end: datetime.date) -> str:
    """E.g. "10/07/2024 - 11/07/2024", or a single date when both are equal."""
    if end < start:
        raise ValueError(f"date range ends before it starts: {start} > {end}")
    if start == end:
        return format_date(start)
    return f"{format_date(start)} - {format_date(end)}"


def format_duration_days(days: NumberLike) -> str:
    """E.g. "1,5 ngày"; whole days below 10 zero-padded: "02 ngày"."""
    number = to_decimal(days)
    if number < 0:
        raise ValueError(f"negative duration: {days!r}")
    if number == number.to_integral_value():
        return f"{format_count(int(number), pad=True)} ngày"
    return f"{format_number(number)} ngày"
