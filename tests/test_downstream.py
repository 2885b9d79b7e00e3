"""What passes validation must not crash, leak or mislead further down: charts,
downloads, number formatting. Each test feeds one class of input that the
validator accepts (or now refuses with a located problem) through the code that
used to break on it."""

from __future__ import annotations

import csv
import io
import unicodedata
import xml.etree.ElementTree as ET
from decimal import Decimal as D

import openpyxl
import pytest
from test_corpus import make_case

from sphinx_hdnd import charts
from sphinx_hdnd.downloads import Sheet, to_csv, to_xlsx
from sphinx_hdnd.model import load_dataset
from sphinx_hdnd.model.numbers import NumberError, NumberStyle, parse_number
from sphinx_hdnd.model.records import Indicator

SVG = "{http://www.w3.org/2000/svg}"


def _indicator(name: str, value: str, plan: str) -> Indicator:
    return Indicator(code="ct", name=name, topic="kinh-te", unit="%", period="Năm 2024",
                     value=D(value), plan=D(plan))


@pytest.mark.parametrize("name", [r"Tăng $\foo{$ và $x^$", r"$\frac{a}{b}$ \alpha", "$$", "50$"])
def test_a_label_is_plain_text_never_tex(name):
    chart = charts.plan_chart([_indicator(name, "8.75", "10.14")])
    assert chart is not None
    root = ET.fromstring(charts.render(chart, "svg"))
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert name in texts  # written as typed, "$" and "\" included
    charts.render(chart, "pdf")  # the PDF variant draws the same text


@pytest.mark.parametrize(("value", "plan"), [("999999999999999", "0.000001"),
                                             ("0.0000000001", "999999999999999"),
                                             ("-999999999999999", "999999999999999")])
def test_extreme_values_within_the_limit_draw(value, plan):
    chart = charts.plan_chart([_indicator("Chỉ tiêu", value, plan)])
    assert chart is not None
    assert charts.render(chart, "svg").startswith(b"<?xml")


def test_tick_labels_of_any_magnitude():
    assert charts.tick_text(1e39) == "1" + ".000" * 13
    assert charts.tick_text(123456789012345.0) == "123.456.789.012.345"


@pytest.mark.parametrize("text", ["9" * 16, "1.000.000.000.000.000", "1000000000000000,5"])
def test_a_number_past_fifteen_digits_is_refused(text):
    with pytest.raises(NumberError, match="quá lớn"):
        parse_number(text, NumberStyle.VI)


def test_fifteen_digits_still_read():
    assert parse_number("999.999.999.999.999,99", NumberStyle.VI) == D("999999999999999.99")


FORMULAS = ['=HYPERLINK("http://x","Bấm")', "+84 912 345 678", "-x", "@SUM(A1)", "\tTAB",
            "\rCR", "=1+1"]


def test_control_characters_do_not_stop_the_workbook():
    sheet = Sheet(("Chỉ tiêu",), (("Chuông\x07 báo",), ("\x1bThoát",)))
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(sheet, "t")))
    assert [c.value for c in book.active["A"][1:]] == ["Chuông báo", "Thoát"]


def test_downloads_carry_no_live_formula():
    sheet = Sheet(("Chỉ tiêu", "Giá trị"), tuple(zip(
        [*FORMULAS, "Thu ngân sách"], ["-29.06", "8.75", "+3", "", "", "", "", "-0.5"],
        strict=True)))
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(sheet, "t")))
    cells = [c for row in book.active.iter_rows(min_row=2) for c in row]
    assert all(c.data_type in {"s", "n"} for c in cells if c.value is not None), \
        [(c.value, c.data_type) for c in cells]
    assert [c.value for c in book.active["A"][1:]] == [*FORMULAS, "Thu ngân sách"]
    text = to_csv(sheet).decode("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(text, newline=""))
    assert header == ["Chỉ tiêu", "Giá trị"]
    for written, original in zip([r[0] for r in rows], [*FORMULAS, "Thu ngân sách"],
                                 strict=True):
        if original[0] in "=+-@\t\r":
            # shown as text by Excel and LibreOffice; a CR inside a cell is a line break
            assert written == "'" + original.replace("\r", "\n")
        else:
            assert written == original
    # a plain number keeps its sign: it is a figure, not a formula
    assert [r[1] for r in rows] == ["-29.06", "8.75", "+3", "", "", "", "", "-0.5"]


def test_names_typed_with_combining_tones_are_read_precomposed(tmp_path):
    _, project = make_case("unicode-nfd-area-names", tmp_path / "p")
    raw = (project / "data" / "areas.csv").read_text(encoding="utf-8")
    assert "An Bình" not in raw and unicodedata.normalize("NFC", raw).count("An Bình") == 1
    ds = load_dataset(project / "data")
    assert ds.areas["an-binh"].name == "An Bình"  # the same string as typed precomposed
    assert not ds.problems.items


def test_yaml_text_stays_as_written(tmp_path):
    _, project = make_case("yaml-yes-no-as-text", tmp_path / "p")
    ds = load_dataset(project / "data")
    assert (ds.audiences["nong-dan"].name, ds.audiences["nong-dan"].description) == ("No", "Yes")
    _, project = make_case("yaml-leading-zero-text", tmp_path / "q")
    session = load_dataset(project / "data").session
    assert session is not None and session.guests == ["010"]
    assert session.attendance is not None and session.attendance.present == 40


@pytest.mark.parametrize(("case", "value"), [("xlsx-float-shown-two-decimals", "25.30"),
                                             ("xlsx-float-percent-format", "25.3"),
                                             ("xlsx-float-general-noise", "0.3")])
def test_an_excel_number_reads_as_its_cell_shows_it(tmp_path, case, value):
    _, project = make_case(case, tmp_path / "p")
    ds = load_dataset(project / "data")
    shown = ds.indicators["ho_ngheo"].value
    assert shown is not None and str(shown) == value  # digits as shown, not the float


def test_a_merged_cell_gives_its_value_to_every_row(tmp_path):
    _, project = make_case("xlsx-merged-area-over-petitions", tmp_path / "p")
    ds = load_dataset(project / "data")
    assert [p.area for p in ds.petitions][:2] == ["an-binh", "an-binh"]
    _, project = make_case("xlsx-merged-data-cells", tmp_path / "q")
    assert [a.level for a in load_dataset(project / "data").areas.values()][:2] == ["huyện"] * 2
