"""Tests for sphinx_hdnd.phrasing.sentences (phrases in the documents' register)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_hdnd.phrasing import (
    achieved_phrase,
    attendance_phrase,
    comparison_phrase,
    gap_points_phrase,
    growth_phrase,
    plan_phrase,
    rank_change_phrase,
    rank_phrase,
    ratio_phrase,
)

D = Decimal


def parse_vi(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


# --- achieved -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "estimate", "expected"),
    [
        (D("8.75"), "%", True, "ước đạt 8,75%"),
        (D("8.75"), "%", False, "đạt 8,75%"),
        (D("15788.94"), "tỷ đồng", True, "ước đạt 15.788,94 tỷ đồng"),
        (D("2.18"), "lần", False, "đạt 2,18 lần"),
        (D("31860"), "", False, "đạt 31.860"),
        (D("0.5"), "‰", True, "ước đạt 0,5‰"),
    ],
)
def test_achieved_phrase(value, unit, estimate, expected):
    assert achieved_phrase(value, unit, estimate) == expected


# --- growth / ratio -----------------------------------------------------------


@pytest.mark.parametrize(
    ("pct", "reference", "expected"),
    [
        (D("24.22"), "cùng kỳ", "tăng 24,22% so với cùng kỳ"),
        (D("24.22"), "cùng kỳ năm trước", "tăng 24,22% so với cùng kỳ năm trước"),
        (D("-3.10"), "cùng kỳ", "giảm 3,10% so với cùng kỳ"),
        (D("63.64"), "cùng kỳ năm 2023", "tăng 63,64% so với cùng kỳ năm 2023"),
        (D("0"), "cùng kỳ", "bằng cùng kỳ"),
        (D("0.00"), "năm 2023", "bằng năm 2023"),
        (D("-0.5"), "năm 2023", "giảm 0,5% so với năm 2023"),
    ],
)
def test_growth_phrase(pct, reference, expected):
    assert growth_phrase(pct, reference) == expected


def test_growth_phrase_default_reference():
    assert growth_phrase(D("1.5")) == "tăng 1,5% so với cùng kỳ"


@pytest.mark.parametrize(
    ("ratio", "reference", "expected"),
    [
        (D("2.18"), "cùng kỳ", "tăng gấp 2,18 lần so với cùng kỳ"),
        (D("2.18"), "cùng kỳ năm 2023", "tăng gấp 2,18 lần so với cùng kỳ năm 2023"),
        (D("0.85"), "cùng kỳ", "bằng 0,85 lần so với cùng kỳ"),
        (D("1"), "cùng kỳ", "bằng cùng kỳ"),
        (D("1.00"), "năm 2023", "bằng năm 2023"),
        (D("1.01"), "cùng kỳ", "tăng gấp 1,01 lần so với cùng kỳ"),
    ],
)
def test_ratio_phrase(ratio, reference, expected):
    assert ratio_phrase(ratio, reference) == expected


def test_ratio_phrase_negative():
    with pytest.raises(ValueError):
        ratio_phrase(D("-1"))


# --- plan ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pct", "label", "style", "expected"),
    [
        (D("101.34"), "kế hoạch", "dat", "đạt 101,34% kế hoạch"),
        (D("32.82"), "dự toán HĐND tỉnh giao", "dat", "đạt 32,82% dự toán HĐND tỉnh giao"),
        (D("112.5"), "kế hoạch năm", "vuot", "vượt 12,5% kế hoạch năm"),
        (D("112.50"), "kế hoạch", "vuot", "vượt 12,50% kế hoạch"),
        (D("95.00"), "kế hoạch", "vuot", "đạt 95,00% kế hoạch"),
        (D("100"), "kế hoạch", "vuot", "hoàn thành 100% kế hoạch"),
        (D("100.00"), "kế hoạch năm", "vuot", "hoàn thành 100% kế hoạch năm"),
        (D("100"), "kế hoạch", "dat", "đạt 100% kế hoạch"),
        (D("250"), "kế hoạch", "vuot", "vượt 150% kế hoạch"),
    ],
)
def test_plan_phrase(pct, label, style, expected):
    assert plan_phrase(pct, label, style) == expected


def test_plan_phrase_defaults_and_errors():
    assert plan_phrase(D("101.34")) == "đạt 101,34% kế hoạch"
    with pytest.raises(ValueError):
        plan_phrase(D("101"), style="hoan_thanh")


# --- gap in points ------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "target", "label", "expected"),
    [
        (D("8.75"), D("10.14"), "kịch bản", "thấp hơn kịch bản 1,39 điểm %"),
        (D("5.9"), D("13.64"), "kịch bản", "thấp hơn kịch bản 7,74 điểm %"),
        (D("10.5"), D("10"), "kế hoạch", "cao hơn kế hoạch 0,5 điểm %"),
        (D("10.50"), D("10"), "kế hoạch", "cao hơn kế hoạch 0,50 điểm %"),
        (D("7"), D("7.00"), "kế hoạch", "bằng kế hoạch"),
        (D("-1.2"), D("0.8"), "kế hoạch", "thấp hơn kế hoạch 2,0 điểm %"),
        (D("8"), D("10"), "mục tiêu", "thấp hơn mục tiêu 2 điểm %"),
    ],
)
def test_gap_points_phrase(actual, target, label, expected):
    assert gap_points_phrase(actual, target, label) == expected


def test_gap_points_phrase_default_label():
    assert gap_points_phrase(D("9.5"), D("10.0")) == "thấp hơn kế hoạch 0,5 điểm %"


# --- ranks --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rank", "total", "scope", "expected"),
    [
        (10, 63, "tỉnh, thành phố", "xếp thứ 10/63 tỉnh, thành phố"),
        (
            3,
            14,
            "tỉnh vùng trung du và miền núi phía Bắc",
            "xếp thứ 3/14 tỉnh vùng trung du và miền núi phía Bắc",
        ),
        (
            1,
            8,
            "tỉnh khu vực Tây Bắc mở rộng",
            "xếp thứ nhất trong 08 tỉnh khu vực Tây Bắc mở rộng",
        ),
        (1, 63, "tỉnh, thành phố", "xếp thứ nhất trong 63 tỉnh, thành phố"),
        (31, None, "toàn quốc", "xếp thứ 31 toàn quốc"),
        (1, None, "toàn quốc", "xếp thứ nhất toàn quốc"),
        (63, 63, "tỉnh, thành phố", "xếp thứ 63/63 tỉnh, thành phố"),
    ],
)
def test_rank_phrase(rank, total, scope, expected):
    assert rank_phrase(rank, total, scope) == expected


@pytest.mark.parametrize(("rank", "total"), [(0, 63), (64, 63), (-1, None)])
def test_rank_phrase_invalid(rank, total):
    with pytest.raises(ValueError):
        rank_phrase(rank, total, "tỉnh, thành phố")


@pytest.mark.parametrize(
    ("change", "reference", "expected"),
    [
        (31, "năm 2022", "tăng 31 bậc so với năm 2022"),
        (-3, "năm 2022", "giảm 3 bậc so với năm 2022"),
        (0, "năm 2022", "giữ nguyên thứ hạng so với năm 2022"),
        (1, "năm trước", "tăng 1 bậc so với năm trước"),
    ],
)
def test_rank_change_phrase(change, reference, expected):
    assert rank_change_phrase(change, reference) == expected


# --- comparison ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "other", "unit", "expected"),
    [
        (D("9.1"), D("7.86"), "%", "cao hơn mức chung của tỉnh (7,86%)"),
        (D("5.2"), D("7.86"), "%", "thấp hơn mức chung của tỉnh (7,86%)"),
        (D("7.86"), D("7.860"), "%", "bằng mức chung của tỉnh"),
        (
            D("60"),
            D("52.5"),
            "triệu đồng/người/năm",
            "cao hơn mức chung của tỉnh (52,5 triệu đồng/người/năm)",
        ),
        (D("1200"), D("31860"), "", "thấp hơn mức chung của tỉnh (31.860)"),
    ],
)
def test_comparison_phrase(value, other, unit, expected):
    assert comparison_phrase(value, other, unit, "mức chung của tỉnh") == expected


# --- attendance ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("present", "total", "expected"),
    [
        (45, 50, "45/50 đại biểu, đạt 90%"),
        (45, 49, "45/49 đại biểu, đạt 91,84%"),
        (50, 50, "50/50 đại biểu, đạt 100%"),
        (8, 10, "08/10 đại biểu, đạt 80%"),
        (0, 50, "0/50 đại biểu, đạt 0%"),
        (1, 3, "01/3 đại biểu, đạt 33,33%"),
        (2, 3, "02/3 đại biểu, đạt 66,67%"),
        (181, 200, "181/200 đại biểu, đạt 90,5%"),
        (1, 8, "01/8 đại biểu, đạt 12,5%"),  # 12,5 exactly, no rounding
        (1, 16, "01/16 đại biểu, đạt 6,25%"),
        (1, 32, "01/32 đại biểu, đạt 3,13%"),  # 3,125 rounds half-up
    ],
)
def test_attendance_phrase(present, total, expected):
    assert attendance_phrase(present, total) == expected


@pytest.mark.parametrize(("present", "total"), [(1, 0), (51, 50), (-1, 50)])
def test_attendance_phrase_invalid(present, total):
    with pytest.raises(ValueError):
        attendance_phrase(present, total)


# --- properties ---------------------------------------------------------------

RATE = st.decimals(
    min_value=D("-100"), max_value=D("1000"), places=2, allow_nan=False, allow_infinity=False
)


@given(RATE)
def test_growth_phrase_sign_and_magnitude(pct):
    text = growth_phrase(pct)
    if pct == 0:
        assert text == "bằng cùng kỳ"
        return
    m = re.fullmatch(r"(tăng|giảm) ([\d.,]+)% so với cùng kỳ", text)
    assert m is not None, text
    assert (m.group(1) == "tăng") == (pct > 0)
    assert parse_vi(m.group(2)) == abs(pct)


@given(RATE, RATE)
def test_gap_points_phrase_is_exact(actual, target):
    text = gap_points_phrase(actual, target)
    if actual == target:
        assert text == "bằng kế hoạch"
        return
    m = re.fullmatch(r"(thấp hơn|cao hơn) kế hoạch ([\d.,]+) điểm %", text)
    assert m is not None, text
    gap = parse_vi(m.group(2))
    assert gap == abs(target - actual)
    assert (m.group(1) == "thấp hơn") == (actual < target)


@given(st.integers(1, 10_000).flatmap(lambda t: st.tuples(st.integers(0, t), st.just(t))))
def test_attendance_phrase_percent_is_rounded_half_up(pair):
    present, total = pair
    text = attendance_phrase(present, total)
    m = re.fullmatch(r"([\d.]+)/([\d.]+) đại biểu, đạt ([\d.,]+)%", text)
    assert m is not None, text
    assert int(m.group(1).replace(".", "")) == present
    assert int(m.group(2).replace(".", "")) == total
    shown = parse_vi(m.group(3))
    # |shown - exact| <= 0.005, checked with integers only.
    assert abs(shown * 100 * total - present * 10000) * 200 <= total * 100
    assert not m.group(3).endswith("0") or "," not in m.group(3)


@given(st.integers(1, 200), st.integers(0, 200))
def test_rank_phrase_mentions_total(rank, extra):
    total = rank + extra
    text = rank_phrase(rank, total, "tỉnh")
    if rank == 1:
        assert text.startswith("xếp thứ nhất trong ")
    else:
        assert text == f"xếp thứ {rank}/{total} tỉnh"


def test_a_rate_compares_with_its_previous_period_in_points():
    """Issue 15: "giảm 4,00 điểm % so với năm 2023", never a growth in per cent."""
    from sphinx_hdnd.model.records import Indicator
    from sphinx_hdnd.phrasing.figures import indicator_sentence, versus_previous_text

    poor = Indicator(code="hn", name="Tỷ lệ hộ nghèo", topic="giam-ngheo", unit="%",
                     period="Năm 2024", value="22,03", previous="26,03",
                     previous_label="năm 2023", higher_is_better=False)
    assert versus_previous_text(poor) == "giảm 4,00 điểm % so với năm 2023"
    assert indicator_sentence(poor).endswith("giảm 4,00 điểm % so với năm 2023")
    stated = poor.model_copy(update={"change_points": Decimal("-3.92"), "previous": None})
    assert versus_previous_text(stated) == "giảm 3,92 điểm % so với năm 2023"
    wrong = poor.model_copy(update={"growth": Decimal("0.7"), "previous": None})
    assert versus_previous_text(wrong) == ""  # and validation says HD156


def test_the_documents_qualifier_stays_with_its_figure():
    """Issue 15: "hơn 171 tỷ đồng" as the report writes it, never a bare "171 tỷ đồng"
    that claims more precision than the document gives."""
    from sphinx_hdnd.model.records import Indicator
    from sphinx_hdnd.phrasing.figures import indicator_sentence, value_text

    paid = Indicator(code="dvmtr", name="Tiền dịch vụ môi trường rừng", topic="lam-nghiep",
                     unit="tỷ đồng", period="Từ năm 2013 đến năm 2022", value="171",
                     value_qualifier="hơn")
    assert value_text(paid) == "hơn 171 tỷ đồng"
    assert indicator_sentence(paid) == "đạt hơn 171 tỷ đồng"
    cases = paid.model_copy(update={"higher_is_better": False, "value_qualifier": "gần",
                                    "unit": "ca", "estimate": True})
    assert indicator_sentence(cases) == "ước gần 171 ca"
    assert value_text(paid.model_copy(update={"value_qualifier": ""})) == "171 tỷ đồng"


def test_a_budget_estimate_of_another_period_says_so():
    """Issue 15: six months' revenue against the year's estimate names the estimate's
    own period."""
    from sphinx_hdnd.model.records import BudgetLine
    from sphinx_hdnd.phrasing.figures import budget_sentence

    line = BudgetLine(code="thu", kind="thu", name="Thu ngân sách", period="6 tháng đầu năm 2024",
                      estimate="1.924,6", actual="631,6", money_style="ty_trieu")
    assert budget_sentence(line) == ("thực hiện 631 tỷ 600 triệu đồng, đạt 32,82% dự toán HĐND "
                                     "tỉnh giao")
    yearly = line.model_copy(update={"estimate_period": "Năm 2024"})
    assert budget_sentence(yearly) == ("thực hiện 631 tỷ 600 triệu đồng, đạt 32,82% dự toán HĐND "
                                       "tỉnh giao năm 2024")


@pytest.mark.parametrize(("sections", "said"), [
    (["II.9"], "mục II.9"),
    (["Mục 1", "Mục 2"], "Mục 1; Mục 2"),
    (["Phụ lục 2"], "Phụ lục 2"),
    (["Bảng 1.1", "I.1.2"], "Bảng 1.1; mục I.1.2"),
    (["Phần thứ hai, II.9"], "Phần thứ hai, II.9"),
    (["Phần mở đầu"], "Phần mở đầu"),
])
def test_section_reference_says_mục_once(sections, said):
    from sphinx_hdnd.phrasing.sentences import section_reference

    assert section_reference(sections) == said


def test_a_rate_is_judged_by_its_change_in_points():
    """A rate with a previous period and no plan got "—" while amounts got a badge."""
    from sphinx_hdnd.model.records import Indicator
    from sphinx_hdnd.phrasing.figures import assessment

    def rate(value: str, previous: str, higher_is_better: bool) -> Indicator:
        return Indicator(code="r", name="Tỷ lệ", topic="giam-ngheo", unit="%", period="Năm 2025",
                         value=value, previous=previous, higher_is_better=higher_is_better)

    falling_poverty = assessment(rate("4,12", "5,3", higher_is_better=False))
    assert falling_poverty is not None and falling_poverty.good
    assert falling_poverty.label == "Tốt hơn kỳ trước"
    slower_disbursement = assessment(rate("60", "66,4", higher_is_better=True))
    assert slower_disbursement is not None and not slower_disbursement.good
    assert assessment(rate("5", "5", higher_is_better=True)) is None  # no change: no verdict
