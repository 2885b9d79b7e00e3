"""Tests for sphinx_hdnd.phrasing.numbers (Vietnamese number style)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_hdnd.phrasing import (
    decimals_of,
    format_count,
    format_date,
    format_date_range,
    format_duration_days,
    format_fraction,
    format_money,
    format_number,
    format_percent,
    format_permille,
    format_points,
    format_value,
)

D = Decimal

# Exactly: optional "-", groups of three separated by ".", optional ",digits".
NUMBER_RE = re.compile(r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?")


def parse_vi(text: str) -> Decimal:
    """Inverse of format_number: drop thousand dots, turn the comma into a point."""
    assert NUMBER_RE.fullmatch(text), text
    return Decimal(text.replace(".", "").replace(",", "."))


def parse_ty_trieu(text: str) -> Decimal:
    """Inverse of format_money(style="ty_trieu"), value in tỷ đồng."""
    m = re.fullmatch(r"(-?)(?:([\d.]+) tỷ)? ?(?:(\d{1,3}) triệu)? đồng", text)
    if m is None:  # decimal fallback
        number, unit = text.rsplit(" ", 2)[0], text.split(" ", 1)[1]
        assert unit == "tỷ đồng", text
        return parse_vi(number)
    sign, ty, trieu = m.groups()
    value = Decimal(ty.replace(".", "") if ty else 0) + Decimal(trieu or 0) / 1000
    return -value if sign else value


# --- decimals_of --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("3798.254"), 3),
        (D("14955.28"), 2),
        (D("8"), 0),
        (D("1.50"), 2),
        (D("0.000"), 3),
        (D("-2.5"), 1),
        (D("1E+5"), 0),
        (D("1.23E-7"), 9),
        (42, 0),
    ],
)
def test_decimals_of(value, expected):
    assert decimals_of(value) == expected


# --- format_number ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("3798.254"), "3.798,254"),
        (D("14955.28"), "14.955,28"),
        (D("31860"), "31.860"),
        (D("1.50"), "1,50"),
        (D("8.75"), "8,75"),
        (D("0"), "0"),
        (D("0.00"), "0,00"),
        (D("-0.00"), "0,00"),
        (D("-3.10"), "-3,10"),
        (D("-1234567890.5"), "-1.234.567.890,5"),
        (D("1234567890.5"), "1.234.567.890,5"),
        (D("999"), "999"),
        (D("1000"), "1.000"),
        (D("0.123456789"), "0,123456789"),
        (D("1E+5"), "100.000"),
        (D("1.23E-7"), "0,000000123"),
        (
            D("123456789012345678901234567890.123456789"),
            "123.456.789.012.345.678.901.234.567.890,123456789",
        ),
        (1490, "1.490"),
        (-7, "-7"),
    ],
)
def test_format_number_own_precision(value, expected):
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (D("101.335"), 2, "101,34"),  # half-up, not half-even
        (D("101.345"), 2, "101,35"),
        (D("0.125"), 2, "0,13"),
        (D("-0.125"), 2, "-0,13"),  # half away from zero
        (D("-0.004"), 2, "0,00"),  # no negative zero
        (D("2.5"), 0, "3"),
        (D("8"), 2, "8,00"),
        (8, 1, "8,0"),
        (D("14955.28"), 0, "14.955"),
        (D("99999.995"), 2, "100.000,00"),
        (D("12345678901234567890123456789.5"), 0, "12.345.678.901.234.567.890.123.456.790"),
    ],
)
def test_format_number_fixed_decimals(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_number_uses_hyphen_minus():
    text = format_number(D("-5"))
    assert text == "-5"
    assert "\u2212" not in text


@pytest.mark.parametrize("bad", [1.5, float("nan"), True, None])
def test_format_number_rejects_non_exact(bad):
    with pytest.raises(TypeError):
        format_number(bad)


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_format_number_rejects_non_finite(bad):
    with pytest.raises(ValueError):
        format_number(bad)


def test_format_number_rejects_negative_decimals():
    with pytest.raises(ValueError):
        format_number(D("1.5"), -1)


# --- percent / permille / points ---------------------------------------------


def test_percent_permille_points():
    assert format_percent(D("8.75")) == "8,75%"
    assert format_percent(D("95.00")) == "95,00%"
    assert format_percent(D("7.856"), 2) == "7,86%"
    assert format_percent(100) == "100%"
    assert format_percent(D("0.5"), 2) == "0,50%"
    assert format_permille(D("0.5")) == "0,5‰"
    assert format_permille(D("12.25"), 1) == "12,3‰"
    assert format_points(D("1.39")) == "1,39 điểm %"
    assert format_points(D("0.5"), 2) == "0,50 điểm %"


# --- counts and fractions -----------------------------------------------------


@pytest.mark.parametrize(
    ("n", "pad", "expected"),
    [
        (8, True, "08"),
        (5, True, "05"),
        (8, False, "8"),
        (0, True, "0"),
        (0, False, "0"),
        (10, True, "10"),
        (1490, False, "1.490"),
        (31860, True, "31.860"),
        (-3, True, "-3"),
    ],
)
def test_format_count(n, pad, expected):
    assert format_count(n, pad=pad) == expected


def test_format_count_rejects_non_int():
    with pytest.raises(TypeError):
        format_count(D("1.5"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("part", "whole", "pad", "expected"),
    [
        (45, 50, False, "45/50"),
        (8, 10, True, "08/10"),
        (8, 10, False, "8/10"),
        (10, 63, True, "10/63"),
        (3, 14, False, "3/14"),
        (1490, 1500, True, "1.490/1.500"),
    ],
)
def test_format_fraction(part, whole, pad, expected):
    assert format_fraction(part, whole, pad=pad) == expected


# --- money --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (D("14955.28"), "tỷ đồng", "14.955,28 tỷ đồng"),
        (D("15788.94"), "tỷ đồng", "15.788,94 tỷ đồng"),
        (D("52.5"), "triệu đồng/người/năm", "52,5 triệu đồng/người/năm"),
        (D("120"), "triệu USD", "120 triệu USD"),
        (D("-3.5"), "tỷ đồng", "-3,5 tỷ đồng"),
    ],
)
def test_format_money_decimal(value, unit, expected):
    assert format_money(value, unit) == expected
    assert format_money(value, unit, style="decimal") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("631.6"), "631 tỷ 600 triệu đồng"),
        (D("5803.878"), "5.803 tỷ 878 triệu đồng"),
        (D("7922"), "7.922 tỷ đồng"),
        (D("7922.000"), "7.922 tỷ đồng"),
        (D("0.5"), "500 triệu đồng"),
        (D("631.005"), "631 tỷ 5 triệu đồng"),
        (D("0.001"), "1 triệu đồng"),
        (D("-631.6"), "-631 tỷ 600 triệu đồng"),
        (D("0"), "0 tỷ đồng"),
        (D("631.6005"), "631,6005 tỷ đồng"),  # finer than 1 triệu: decimal fallback
        (D("1234567890.5"), "1.234.567.890 tỷ 500 triệu đồng"),
    ],
)
def test_format_money_ty_trieu(value, expected):
    assert format_money(value, "tỷ đồng", style="ty_trieu") == expected


def test_format_money_errors():
    with pytest.raises(ValueError):
        format_money(D("1"), style="words")
    with pytest.raises(ValueError):
        format_money(D("1"), unit="triệu đồng", style="ty_trieu")


# --- format_value -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (D("8.75"), "%", "8,75%"),
        (D("0.5"), "‰", "0,5‰"),
        (D("2.18"), "lần", "2,18 lần"),
        (D("14955.28"), "tỷ đồng", "14.955,28 tỷ đồng"),
        (D("52.5"), "triệu đồng/người/năm", "52,5 triệu đồng/người/năm"),
        (D("1.39"), "điểm %", "1,39 điểm %"),
        (D("31860"), "lao động", "31.860 lao động"),
        (D("31860"), "", "31.860"),
        (D("-3.10"), "%", "-3,10%"),
    ],
)
def test_format_value(value, unit, expected):
    assert format_value(value, unit) == expected


# --- dates --------------------------------------------------------------------


def test_format_date():
    assert format_date(datetime.date(2024, 1, 27)) == "27/01/2024"
    assert format_date(datetime.date(2024, 7, 10)) == "10/07/2024"
    assert format_date(datetime.datetime(2023, 12, 31, 23, 59)) == "31/12/2023"


def test_format_date_range():
    start, end = datetime.date(2024, 7, 10), datetime.date(2024, 7, 11)
    assert format_date_range(start, end) == "10/07/2024 - 11/07/2024"
    assert format_date_range(start, start) == "10/07/2024"
    assert (
        format_date_range(datetime.date(2023, 12, 30), datetime.date(2024, 1, 2))
        == "30/12/2023 - 02/01/2024"
    )
    with pytest.raises(ValueError):
        format_date_range(end, start)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (D("1.5"), "1,5 ngày"),
        (D("2"), "02 ngày"),
        (2, "02 ngày"),
        (D("2.0"), "02 ngày"),
        (D("0.5"), "0,5 ngày"),
        (D("12"), "12 ngày"),
        (D("10.25"), "10,25 ngày"),
    ],
)
def test_format_duration_days(days, expected):
    assert format_duration_days(days) == expected


def test_format_duration_days_negative():
    with pytest.raises(ValueError):
        format_duration_days(D("-1"))


# --- properties ---------------------------------------------------------------

BOUND = D("1e15")


def decimals_strategy(places: int | None = None):
    if places is None:
        return st.integers(0, 4).flatmap(decimals_strategy)
    return st.decimals(
        min_value=-BOUND, max_value=BOUND, places=places, allow_nan=False, allow_infinity=False
    )


@given(decimals_strategy())
def test_format_number_round_trips_exactly(value):
    text = format_number(value)
    parsed = parse_vi(text)
    assert parsed == value
    assert decimals_of(parsed) == decimals_of(value)


@given(decimals_strategy(), st.integers(0, 4))
def test_format_number_fixed_places_shape(value, places):
    text = format_number(value, places)
    assert decimals_of(parse_vi(text)) == places
    assert abs(parse_vi(text) - value) <= D(1).scaleb(-places) / 2


@given(
    st.integers(0, 4).flatmap(
        lambda p: st.decimals(
            min_value=-BOUND, max_value=BOUND, places=p, allow_nan=False, allow_infinity=False
        )
    )
)
def test_format_money_ty_trieu_never_loses_digits(value):
    text = format_money(value, "tỷ đồng", style="ty_trieu")
    assert parse_ty_trieu(text) == value


@given(decimals_strategy())
def test_output_alphabet(value):
    for text in (
        format_number(value),
        format_percent(value),
        format_value(value, "tỷ đồng"),
        format_money(value, style="ty_trieu"),
    ):
        assert "E" not in text and "e+" not in text.lower()
        assert "\u00a0" not in text and "\u202f" not in text and "\u2212" not in text
    assert NUMBER_RE.fullmatch(format_number(value))


def test_a_small_count_has_two_digits_as_in_the_documents():
    """Issue 15: one rule, from the seeds (146 padded, 3 not): "07 dự án", "01 vụ"; not
    for measures, money, rates, or ten and above."""
    from decimal import Decimal

    from sphinx_hdnd.phrasing.numbers import format_value

    assert format_value(Decimal(7), "dự án") == "07 dự án"
    assert format_value(Decimal(1), "vụ") == "01 vụ"
    assert format_value(Decimal(3), "chương trình") == "03 chương trình"
    assert format_value(Decimal(25), "ca") == "25 ca"
    assert format_value(Decimal(7), "tỷ đồng") == "7 tỷ đồng"
    assert format_value(Decimal(2), "lần") == "2 lần"
    assert format_value(Decimal("1.5"), "ngày") == "1,5 ngày"
    assert format_value(Decimal(5), "%") == "5%"
    assert format_value(Decimal(3), "bác sĩ/vạn dân") == "3 bác sĩ/vạn dân"


def test_seconds_in_vietnamese_number_style():
    from sphinx_hdnd.phrasing.numbers import format_seconds

    assert format_seconds(305.46) == "305,5 giây"
    assert format_seconds(7) == "7,0 giây"


def test_progress_lines_when_the_output_is_not_a_terminal():
    """Issue 22: a log or CI job sees the count and the time left at every tenth, in
    Vietnamese number style, not five silent minutes."""
    from sphinx_hdnd.cli import progress_lines

    now = [0.0]
    lines: list[str] = []
    out = []
    for booklet in progress_lines(iter(range(76)), 76, "In bản PDF", "cuốn", lines.append,
                                  clock=lambda: now[0]):
        now[0] += 2.0  # each booklet takes 2 s
        out.append(booklet)
    assert out == list(range(76))  # every booklet passes through, in order
    assert len(lines) == 10
    assert lines[0] == "In bản PDF: 8/76 cuốn (10%), còn khoảng 136,0 giây"
    assert lines[-1] == "In bản PDF: 76/76 cuốn (100%), xong trong 152,0 giây"
