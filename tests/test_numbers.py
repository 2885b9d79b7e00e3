"""Reading numbers: Vietnamese (``14.955,28``) and plain (``14955.28``) styles."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_hdnd.model import load_dataset
from sphinx_hdnd.model.numbers import (
    NumberError,
    NumberStyle,
    is_ambiguous,
    parse_number,
    resolve_style,
    style_of,
)

VI, PLAIN, AUTO = NumberStyle.VI, NumberStyle.PLAIN, NumberStyle.AUTO


@pytest.mark.parametrize(("text", "expected"), [
    ("14.955,28", Decimal("14955.28")),
    ("3.798,254", Decimal("3798.254")),
    ("8,75", Decimal("8.75")),
    ("1.234.567", Decimal("1234567")),
    ("31860", Decimal("31860")),
    ("1.490", Decimal("1490")),
    ("-2,5", Decimal("-2.5")),
    ("−1.200,5", Decimal("-1200.5")),  # typographic minus
    ("+7,86", Decimal("7.86")),
    (" 14.955,28 ", Decimal("14955.28")),
    ("14 955,28", Decimal("14955.28")),
    ("14\u00a0955,28", Decimal("14955.28")),
    ("14\u202f955,28", Decimal("14955.28")),
    ("0,50", Decimal("0.50")),
])
def test_vietnamese_style(text, expected):
    got = parse_number(text, VI)
    assert got == expected
    assert got.as_tuple() == expected.as_tuple()  # precision kept: 0,50 keeps two places


@pytest.mark.parametrize(("text", "expected"), [
    ("14955.28", Decimal("14955.28")),
    ("14,955.28", Decimal("14955.28")),
    ("3798.254", Decimal("3798.254")),
    ("2.5", Decimal("2.5")),
    ("1,490", Decimal("1490")),
    ("-0.75", Decimal("-0.75")),
    ("1\u00a0000.5", Decimal("1000.5")),
])
def test_plain_style(text, expected):
    got = parse_number(text, PLAIN)
    assert got == expected and got.as_tuple() == expected.as_tuple()


def test_precision_is_kept():
    assert str(parse_number("3.798,254", VI)) == "3798.254"
    assert str(parse_number("1,50", VI)) == "1.50"


@pytest.mark.parametrize(("text", "style"), [
    ("8,75", VI), ("1.234.567", VI), ("14.955,28", VI), ("-2,5", VI),
    ("2.5", PLAIN), ("14955.28", PLAIN), ("1,234,567", PLAIN), ("14,955.28", PLAIN),
    ("1.490", None), ("1,490", None), ("31860", None), ("-7", None),
])
def test_style_of_one_value(text, style):
    assert style_of(text) == style


@pytest.mark.parametrize("text", ["1.490", "1,490", "12.345", "-1.490", "999,000"])
def test_ambiguous_values(text):
    assert is_ambiguous(text)


@pytest.mark.parametrize("text", ["1.4900", "14.90", "1490", "1.490,5", "1,490.5"])
def test_not_ambiguous(text):
    assert not is_ambiguous(text)


def test_ambiguous_reads_by_the_declared_style():
    assert parse_number("1.490", VI) == Decimal("1490")
    assert parse_number("1.490", PLAIN) == Decimal("1.490")
    assert parse_number("1,490", VI) == Decimal("1.490")
    assert parse_number("1,490", PLAIN) == Decimal("1490")


@pytest.mark.parametrize("text", ["8,75%", "8,75 %", "2‰", "tám", "8,75 tỷ", "1e5", "nan", "inf",
                                  "", "  ", "1..2", "1,2,3", "--1", "12.34.5", "0x10"])
def test_not_a_number(text):
    for style in (VI, PLAIN):
        with pytest.raises(NumberError) as info:
            parse_number(text, style)
        assert str(info.value)
        assert info.value.code == "HD120"


def test_percent_sign_names_the_unit_column():
    with pytest.raises(NumberError, match="đơn vị"):
        parse_number("8,75%", VI)


def test_other_style_in_a_file_of_one_style_is_hd122():
    with pytest.raises(NumberError) as info:
        parse_number("2.5", VI)
    assert info.value.code == "HD122"
    with pytest.raises(NumberError) as info:
        parse_number("8,75", PLAIN)
    assert info.value.code == "HD122"


# ------------------------------------------------------------------ per file


def test_resolve_style_per_file():
    assert resolve_style(["1.490", "8,75", "31860"], AUTO)[0] is VI
    assert resolve_style(["1,490", "2.5"], AUTO)[0] is PLAIN
    assert resolve_style(["1.490", "31860"], AUTO)[0] is AUTO  # nothing proves a style
    assert resolve_style(["1.490"], VI) == (VI, "khai báo")
    style, reason = resolve_style(["8,75", "2.5"], AUTO)
    assert style is None and "8,75" in reason and "2.5" in reason


def _table(data: Path, name: str, text: str) -> None:
    (data / name).write_text(text, encoding="utf-8")


RANKING_HEADER = "code,subject,topic,period,rank,total,scope,change,source\n"
#: the minimal project's one ranking (the narrative cites it), with a given total
PCI = "grdp_rank,PCI,kinh-te,2023,10,{},tỉnh,5,dc_mau\n"


def _rankings_problems(copy_project, rows: str, province_extra: str = ""):
    data = copy_project()
    _table(data, "rankings.csv", RANKING_HEADER + rows)
    if province_extra:
        with (data / "province.yaml").open("a", encoding="utf-8") as f:
            f.write(province_extra)
    ds = load_dataset(data)
    return ds, [(p.code, p.origin.row, p.origin.column) for p in ds.problems.items]


def test_ambiguous_only_file_is_an_error_not_a_guess(copy_project):
    ds, problems = _rankings_problems(copy_project, PCI.format("1.063"))
    assert problems == [("HD121", 2, "total")]
    assert "grdp_rank" not in ds.rankings


@pytest.mark.parametrize(("declared", "expected"), [
    ("number_styles:\n  rankings.csv: vi\n", Decimal(1063)),
    ("number_styles:\n  rankings: vi\n", Decimal(1063)),
])
def test_declared_style_resolves_the_ambiguity(copy_project, declared, expected):
    data = copy_project()
    text = (data / "province.yaml").read_text(encoding="utf-8")
    text = text.replace("number_style: auto\n", "")
    (data / "province.yaml").write_text(text + declared, encoding="utf-8")
    _table(data, "rankings.csv", RANKING_HEADER + PCI.format("1.063"))
    ds = load_dataset(data)
    assert not ds.problems.items, [str(p) for p in ds.problems.items]
    assert ds.rankings["grdp_rank"].total == expected


def test_yaml_floats_are_yaml_numbers_whatever_the_style(copy_project):
    """``number_style: vi`` governs text numbers; YAML's own ``0.8`` stays 0.8 (exactly)."""
    data = copy_project()
    text = (data / "province.yaml").read_text(encoding="utf-8")
    (data / "province.yaml").write_text(text.replace("number_style: auto", "number_style: vi"),
                                        encoding="utf-8")
    _table(data, "rankings.csv", RANKING_HEADER + PCI.format("1.063"))
    ds = load_dataset(data)
    assert ds.rankings["grdp_rank"].total == 1063
    assert not ds.problems.items, [str(p) for p in ds.problems.items]
    weights = [w for a in ds.audiences.values() for w in a.weights.values()]
    assert Decimal("0.8") in weights and all(isinstance(w, Decimal) for w in weights)


def test_declared_plain_reads_1_490_as_one_and_a_half(copy_project):
    data = copy_project()
    with (data / "province.yaml").open("a", encoding="utf-8") as f:
        f.write("number_styles:\n  rankings.csv: plain\n")
    # a decimal total is not an integer: the plain reading is really used
    _table(data, "rankings.csv", RANKING_HEADER + PCI.format("1.490"))
    ds = load_dataset(data)
    assert [(p.code, p.origin.column) for p in ds.problems.items] == [("HD113", "total")]


def test_style_detected_from_other_values_in_the_file(copy_project):
    ds, problems = _rankings_problems(
        copy_project, PCI.format("1.063") + 'r2,PAR,kinh-te,2023,"3,0",63,tỉnh,,dc_mau\n')
    assert problems == []
    assert ds.rankings["grdp_rank"].total == 1063


def test_mixed_styles_in_one_file_is_hd122_at_the_slip(copy_project):
    _, problems = _rankings_problems(
        copy_project,
        "grdp_rank,PCI,kinh-te,2023,10,63,tỉnh,\"5,0\",dc_mau\n"
        "r2,PAR,kinh-te,2023,12,63.0,tỉnh,2,dc_mau\n")
    assert problems == [("HD122", 3, "total")]


def test_mixed_styles_never_guess_the_ambiguous_values(copy_project):
    _, problems = _rankings_problems(
        copy_project,
        "grdp_rank,PCI,kinh-te,2023,10,1.063,tỉnh,\"5,0\",dc_mau\n"
        "r2,PAR,kinh-te,2023,12,63.0,tỉnh,2,dc_mau\n")
    assert ("HD122", 3, "total") in problems
    assert ("HD121", 2, "total") in problems


@pytest.mark.parametrize(("field", "written", "code"), [
    ("attendees", "9.500", "HD121"),  # a YAML float, but ambiguous: never 9.5 nor 9500
    ("attendees", '"9.500"', "HD121"),
    ("attendees", '"9.500 người"', "HD120"),
    ("attendees", "9.5", "HD113"),  # plain 9.5 people is not a whole number
])
def test_yaml_numbers_are_never_guessed(copy_project, field, written, code):
    data = copy_project()
    text = (data / "session.yaml").read_text(encoding="utf-8")
    (data / "session.yaml").write_text(text.replace(f"{field}: 9500", f"{field}: {written}"),
                                       encoding="utf-8")
    ds = load_dataset(data)
    assert [(p.code, p.origin.line, p.origin.column) for p in ds.problems.items] == [
        (code, 21, field)]


def test_yaml_ambiguous_float_follows_the_declared_style(copy_project):
    data = copy_project()
    text = (data / "session.yaml").read_text(encoding="utf-8")
    (data / "session.yaml").write_text(text.replace("attendees: 9500", "attendees: 9.500"),
                                       encoding="utf-8")
    with (data / "province.yaml").open("a", encoding="utf-8") as f:
        f.write("number_styles:\n  session.yaml: vi\n")
    ds = load_dataset(data)
    assert not ds.problems.items, [str(p) for p in ds.problems.items]
    assert ds.session is not None and ds.session.front is not None
    assert ds.session.front.attendees == 9500


# ------------------------------------------------------------------ properties


def _format_vi(d: Decimal) -> str:
    sign = d.as_tuple().sign
    text = f"{abs(d):f}"
    whole, _, frac = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    out = grouped + ("," + frac if frac else "")
    return ("-" if sign else "") + out


def _format_plain(d: Decimal, grouped: bool) -> str:
    sign = d.as_tuple().sign
    whole, _, frac = f"{abs(d):f}".partition(".")
    whole = f"{int(whole):,}" if grouped else whole
    return ("-" if sign else "") + whole + ("." + frac if frac else "")


decimals = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=None,
                       allow_nan=False, allow_infinity=False).filter(
    lambda d: -d.as_tuple().exponent <= 6 if isinstance(d.as_tuple().exponent, int) else False)


@given(decimals)
def test_vi_round_trip(d):
    text = _format_vi(d)
    got = parse_number(text, VI)
    assert got == d
    assert got.as_tuple().exponent == min(d.as_tuple().exponent, 0)  # same decimals


@given(decimals, st.booleans())
def test_plain_round_trip(d, grouped):
    assert parse_number(_format_plain(d, grouped), PLAIN) == d


def _only_number_error(text: str) -> None:
    for style in (VI, PLAIN):
        try:
            got = parse_number(text, style)
        except NumberError as exc:
            assert exc.code in {"HD120", "HD122"}
        else:
            assert isinstance(got, Decimal) and got.is_finite()
    style_of(text)
    is_ambiguous(text)


@given(st.text(max_size=30))
def test_random_text_raises_only_number_error(text):
    _only_number_error(text)


@given(st.text(alphabet="0123456789.,-+ %\u00a0e\u2212", max_size=20))
def test_number_like_text_raises_only_number_error(text):
    _only_number_error(text)


@pytest.mark.parametrize(("text", "style"), [("0.001", NumberStyle.PLAIN), ("0,001", NumberStyle.VI),
                                             ("-0.250", NumberStyle.PLAIN)])
def test_a_lone_zero_is_never_a_thousands_group(text, style):
    """Found by the random-table property: with a file proved Vietnamese by another cell,
    ``0.001`` was read as 1. A thousands group never follows a lone 0."""
    assert style_of(text) is style
    assert not is_ambiguous(text)
    other = NumberStyle.VI if style is NumberStyle.PLAIN else NumberStyle.PLAIN
    with pytest.raises(NumberError):
        parse_number(text, other)
