"""Loading tables: encodings, delimiters, XLSX, workbooks, row numbers, broken files."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import openpyxl
import pandas as pd
import pytest
from conftest import MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import PlainValidator, TypeAdapter, ValidationError

from sphinx_hdnd.model import fields as F
from sphinx_hdnd.model import load_dataset, tables
from sphinx_hdnd.model.numbers import NumberStyle
from sphinx_hdnd.model.problems import render
from sphinx_hdnd.model.tables import TableProblem, read_csv
from sphinx_hdnd.model.validation_errors import field_errors
from sphinx_hdnd.model.workbook import read_xlsx

AREAS = "code,name,level,parent,order\nan-binh,An Bình,huyện,,1\nbinh-son,Bình Sơn,huyện,,2\n" \
        "cat-lam,Cát Lâm,xã,an-binh,3\n"


def problems(data: Path) -> list[tuple[str, str, int | None, str | None]]:
    ds = load_dataset(data)
    return [(p.code, p.origin.file, p.origin.row, p.origin.column) for p in ds.problems.items]


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]],
               hidden: tuple[str, ...] = ()) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
        if title in hidden:
            ws.sheet_state = "hidden"
    book.save(path)


# ------------------------------------------------------------------ CSV text


def test_minimal_project_loads(minimal_data):
    ds = load_dataset(minimal_data)
    assert not ds.problems.items
    assert list(ds.areas) == ["an-binh", "binh-son", "cat-lam"]
    assert ds.areas["cat-lam"].parent == "an-binh"
    assert ds.indicators["thu_nsnn"].value == Decimal("1250.5")
    assert ds.indicators["luong_thuc"].value == Decimal("120350")  # 120.350, file style vi
    assert len(ds.petitions) == 5 and len(ds.resolutions) == 3
    assert ds.files["areas"].name == "areas.csv"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_csv_with_or_without_bom(copy_project, bom):
    data = copy_project()
    (data / "areas.csv").write_bytes(bom + AREAS.encode("utf-8"))
    ds = load_dataset(data)
    assert not ds.problems.items
    assert list(ds.areas) == ["an-binh", "binh-son", "cat-lam"]  # "code" not "\ufeffcode"


def test_semicolon_delimiter(copy_project):
    data = copy_project()
    (data / "areas.csv").write_text(AREAS.replace(",", ";"), encoding="utf-8")
    path = data / "indicators.csv"
    # Excel in a Vietnamese locale writes ; and leaves 8,75 unquoted
    rows = rows_of(path)
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    ds = load_dataset(data)
    assert not ds.problems.items, [str(p) for p in ds.problems.items]
    assert ds.areas["cat-lam"].name == "Cát Lâm"
    assert ds.indicators["grdp_6t"].value == Decimal("8.75")


@pytest.mark.parametrize(("encoding", "bom"), [
    ("utf-16", ""), ("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff"),
    ("utf-16-le", ""), ("utf-16-be", ""),  # no BOM: still recognised, not "binary"
])
def test_utf16_is_hd102(copy_project, encoding, bom):
    data = copy_project()
    (data / "areas.csv").write_bytes((bom + AREAS).encode(encoding))
    got = problems(data)
    assert got[0][:2] == ("HD102", "data/areas.csv")
    assert [p[0] for p in got] == ["HD102"]  # no cascade of unknown areas


def test_windows_1258_names_the_line(copy_project):
    data = copy_project()
    raw = AREAS.encode("utf-8").splitlines(keepends=True)
    raw[2] = "binh-son,Bình Sơn,huyện,,2\n".encode("cp1258", errors="replace")
    (data / "areas.csv").write_bytes(b"".join(raw))
    ds = load_dataset(data)
    (p,) = ds.problems.items
    assert (p.code, p.origin.file, p.origin.row) == ("HD102", "data/areas.csv", 3)
    assert "dòng 3" in p.message and "UTF-8" in p.message


def test_empty_file_is_hd103(copy_project):
    data = copy_project()
    (data / "resolutions.csv").write_bytes(b"")
    assert problems(data) == [("HD103", "data/resolutions.csv", None, None)]


def test_whitespace_only_file_is_hd103(copy_project):
    data = copy_project()
    (data / "resolutions.csv").write_text("\n \n", encoding="utf-8")
    assert [p[:2] for p in problems(data)] == [("HD103", "data/resolutions.csv")]


def test_header_only_is_hd103(copy_project):
    data = copy_project()
    path = data / "resolutions.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert problems(data) == [("HD103", "data/resolutions.csv", None, None)]


def test_missing_required_column_is_hd110(copy_project):
    data = copy_project()
    path = data / "areas.csv"
    path.write_text(AREAS.replace("code,name,level,", "code,name,,"), encoding="utf-8")
    got = problems(data)
    assert ("HD110", "data/areas.csv", 1, "level") in got
    assert {p[0] for p in got} <= {"HD110", "HD111"}  # the blank header may be named too


def test_unknown_column_is_a_warning(copy_project):
    data = copy_project()
    rows = rows_of(data / "areas.csv")
    rows[0].append("dan_so")
    for r in rows[1:]:
        r.append("1000")
    with (data / "areas.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    ds = load_dataset(data)
    (p,) = ds.problems.items
    assert (p.code, p.origin.row, p.origin.column) == ("HD111", 1, "dan_so")
    assert p.severity.value == "warning"
    assert len(ds.areas) == 3


def test_row_numbers_count_blank_lines(copy_project):
    """The row is what a text editor or Excel shows, blank lines included."""
    data = copy_project()
    text = AREAS.replace("binh-son,Bình Sơn,huyện,,2\n", "\n\nbinh-son,Bình Sơn,huyện,,2\n\n")
    text = text.replace("cat-lam,Cát Lâm,xã,an-binh,3", "cat-lam,Cát Lâm,xã,huyen-x,3")
    (data / "areas.csv").write_text(text, encoding="utf-8")
    ds = load_dataset(data)
    assert ds.areas["binh-son"].origin.row == 5
    assert [(p.code, p.origin.row, p.origin.column) for p in ds.problems.items] == [
        ("HD137", 7, "parent")]


def test_row_numbers_of_read_csv(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n\n3,4\n,\n5,6\n", encoding="utf-8")
    table = read_csv(path)
    assert [row for row, _ in table.rows] == [2, 4, 6]
    assert table.rows[1][1] == {"a": "3", "b": "4"}


def test_cells_stay_text(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b,c\n007,1.490,NA\n", encoding="utf-8")
    (_, cells), = read_csv(path).rows
    assert cells == {"a": "007", "b": "1.490", "c": "NA"}


def test_csv_that_is_a_zip_is_hd100(copy_project):
    data = copy_project()
    write_xlsx(data / "areas.csv", {"areas": [["code"], ["x"]]})
    got = problems(data)
    assert got == [("HD100", "data/areas.csv", None, None)]


def test_binary_csv_is_hd100(copy_project):
    data = copy_project()
    (data / "areas.csv").write_bytes(b"\x00\x01\x02code\x00")
    assert [p[0] for p in problems(data)] == ["HD100"]


def test_unparseable_csv_is_hd100_not_a_crash(copy_project):
    data = copy_project()
    (data / "areas.csv").write_text('code,name,level\n"an-binh,An Bình,huyện\n', encoding="utf-8")
    got = problems(data)
    assert got and got[0][:2] == ("HD100", "data/areas.csv")


# ------------------------------------------------------------------ CSV: the csv module alone


def _table(text: str) -> tables.Table:
    path = Path("t.csv")
    records = tables._csv_records(text, tables._sniff_delimiter(text.splitlines()[0]))
    return tables._from_rows(path, records[0], (tuple(c.strip() for c in r) for r in records[1:]),
                             header_row=1, sheet=None)


def _by_pandas(text: str, sep: str) -> Any:
    """pandas' reading of a well-formed table (the reference the loader was once built on):
    its columns and its rows as the loader keeps them, or the error's name."""
    try:
        frame = pd.read_csv(io.StringIO(text, newline=""), sep=sep, engine="python", dtype=str,
                            keep_default_na=False, na_filter=False, skip_blank_lines=False,
                            quoting=csv.QUOTE_MINIMAL)
    except Exception as exc:
        return type(exc).__name__
    columns = [str(c).strip() for c in frame.columns]
    rows = []
    for offset, record in enumerate(frame.itertuples(index=False)):
        cells = dict(zip(columns, (v.strip() if isinstance(v, str) else "" for v in record),
                         strict=True))  # a blank line: NaN whatever na_filter says
        if any(cells.values()):
            rows.append((2 + offset, cells))
    return columns, rows


@pytest.mark.parametrize(("text", "rows"), [
    ('code,name\n"a,b"," x\ny "\n"",c\n', [(2, {"code": "a,b", "name": "x\ny"}),
                                            (3, {"code": "", "name": "c"})]),
    ("code;name\r\na;b\r\n\r\nc;\r\n", [(2, {"code": "a", "name": "b"}),
                                      (4, {"code": "c", "name": ""})]),
    ("code,name\ra,b\rc,d\r", [(2, {"code": "a", "name": "b"}),  # an old Mac file
                               (3, {"code": "c", "name": "d"})]),
    ("code,name\n , \n", []),  # a row of blanks: not a record
    ("code,name\n", []),  # a header alone
    ("code,name\na\n", [(2, {"code": "a", "name": ""})]),  # a short row: filled
    ("code,name\na,b,,\n", [(2, {"code": "a", "name": "b"})]),  # empty cells past the header
    ('code\tname\n"""a"",b"\tc\n', [(2, {"code": '"a",b', "name": "c"})]),  # quotes doubled
])
def test_csv_cells(text, rows):
    assert _table(text).rows == rows


def test_blank_and_repeated_header_cells_keep_their_column_under_its_letter():
    table = _table("code,,name,code\na,b,c,d\n")
    assert table.columns == ["code", "B", "name", "D"]
    assert table.rows == [(2, {"code": "a", "B": "b", "name": "c", "D": "d"})]
    assert table.header_notes["B"] == ("B", "blank-header", {"letter": "B"})
    assert table.header_notes["D"] == ("code", "repeated-header", {"column": "code", "letter": "D"})
    assert render("HD111", *table.header_notes["D"][1:2], **table.header_notes["D"][2])[0] == (
        "cột “code” xuất hiện lần nữa ở cột D; chỉ cột đầu tiên được đọc, hãy xóa hoặc đổi tên "
        "cột lặp")


@pytest.mark.parametrize(("text", "line", "words"), [
    ("code,name\na,b\nc,d,e\n", 3, "dòng 3 có 3 ô, nhiều hơn 2 cột của dòng tiêu đề (ô thừa: “e”)"),
    ('code,name\na,b\n"c,d\ne,f\n', 3, "dấu ngoặc kép mở ở dòng 3 không được đóng"),
    ('code,name\na,"x\ny"\n"c"d,e\n', 4, "dòng 4 có dấu ngoặc kép giữa ô"),
])
def test_a_broken_record_is_hd100_at_its_line(text, line, words):
    with pytest.raises(TableProblem) as info:
        _table(text)
    assert (info.value.code, info.value.row) == ("HD100", line)
    assert words in info.value.message


def test_a_second_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbfcode,name\na,b\n")
    assert read_csv(path).columns == ["code", "name"]


CSV_SLIPS = ['"', '""', '"x"', ",", ";", "\n", "\r\n", "\r", "\n\n", " ", "\t", "x", '"a,b"',
             '"\n"', "\\", "'", "#", ",,", '""""', "đ", "\x0c", "\u2028", "\x85"]


def _slipped_csv(data: st.DataObject, least: int) -> str:
    """One of the seed tables with ``least`` to 4 slips: a typed-in slip or a deletion."""
    text = data.draw(st.sampled_from(_csv_seeds()))
    for _ in range(data.draw(st.integers(least, 4))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text = text[:at] + data.draw(st.sampled_from(CSV_SLIPS)) + text[at:]
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 6)):]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_slipped_table_is_read_as_pandas_reads_it_or_located(data):
    """A table with slips typed into it is either read, with the cells pandas' Python
    parser reads (where the header's names are distinct, no record is wider and no blank
    line follows the header: pandas renames those, misreads these and skips that, which
    shifts its row numbers), or refused at a line of the file."""
    text = _slipped_csv(data, least=0)
    if not text.strip():
        return
    sep = tables._sniff_delimiter(text.splitlines()[0])
    try:
        table = _table(text)
    except TableProblem as exc:
        assert exc.code == "HD100" and 1 <= (exc.row or 0) <= text.count("\n") + \
            text.count("\r") + 1
        return
    header = next(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    names = [c.strip() for c in header]
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    widths = {len(r) for r in records if r}
    if all(names) and len(set(names)) == len(names) and widths == {len(header)} \
            and records[1:2] != [[]]:
        assert (table.columns, table.rows) == _by_pandas(text, sep)


@given(st.text(alphabet=list("a,;\t \n\r\x0b\x0c\x1c\x85\u2028"), min_size=1))
def test_the_header_line_is_the_first_of_splitlines(text):
    if text.strip():
        assert tables._first_line(text) == text.splitlines()[0]


def test_repeated_cells_share_one_string(tmp_path):
    """What reads the cells later hashes and encodes each distinct text once."""
    path = tmp_path / "t.csv"
    path.write_text("code,topic\na,x \nb, x\n", encoding="utf-8")
    (_, first), (_, second) = read_csv(path).rows
    assert first["topic"] == second["topic"] == "x"
    assert first["topic"] is second["topic"]


def test_a_folder_of_plain_csv_files_is_loaded_without_pandas(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from sphinx_hdnd.model import load_dataset; "
            f"ds = load_dataset({str(MINIMAL / 'data')!r}); "
            "assert not ds.problems.errors, ds.problems.items; "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path)
    assert out.stdout.strip() == "False"


@functools.cache
def _csv_seeds() -> list[str]:
    data = Path(__file__).parent / "data" / "minimal" / "data"
    texts = [p.read_text(encoding="utf-8") for p in sorted(data.glob("*.csv"))]
    return [*texts, texts[0].replace(",", ";"), texts[1].replace("\n", "\r\n")]


# ------------------------------------------------------------------ XLSX


def test_xlsx_text_numeric_and_date_cells(copy_project):
    data = copy_project()
    (data / "sources.csv").unlink()
    write_xlsx(data / "sources.xlsx", {"Nguồn": [
        ["code", "title", "issuer", "date", "illustrative"],
        ["dc_mau", "Đề cương (minh họa)", "Thường trực HĐND", dt.datetime(2024, 7, 15), "x"],
    ]})
    rows = rows_of(data / "indicators.csv")
    (data / "indicators.csv").unlink()
    header = rows[0]
    numeric = {"value", "plan", "previous", "growth", "ratio", "plan_pct"}
    sheet: list[list[object]] = [header]
    for r in rows[1:]:
        out: list[object] = []
        for column, cell in zip(header, r, strict=True):
            if column in numeric and cell:
                # Excel stores numbers as numbers; the text style no longer matters
                out.append(float(cell.replace(".", "").replace(",", ".")))
            else:
                out.append(cell or None)
        sheet.append(out)
    sheet[1][header.index("value")] = "8,75"  # a text cell among numeric ones
    write_xlsx(data / "indicators.xlsx", {"indicators": sheet})
    ds = load_dataset(data)
    assert not ds.problems.items, [str(p) for p in ds.problems.items]
    assert ds.sources["dc_mau"].date == dt.date(2024, 7, 15)
    assert ds.indicators["grdp_6t"].value == Decimal("8.75")
    assert ds.indicators["thu_nsnn"].value == Decimal("1250.5")
    assert ds.indicators["luong_thuc"].value == Decimal("120350")
    assert ds.indicators["thu_nsnn"].origin.file == "data/indicators.xlsx"
    assert ds.indicators["thu_nsnn"].origin.row == 3
    assert ds.files["indicators"].name == "indicators.xlsx"


def test_xlsx_problem_is_located_by_row_and_column(copy_project):
    data = copy_project()
    (data / "areas.csv").unlink()
    write_xlsx(data / "areas.xlsx", {"areas": [
        ["code", "name", "level", "parent"],
        ["an-binh", "An Bình", "huyện", None],
        [None, None, None, None],
        ["binh-son", "Bình Sơn", "huyện", None],
        ["cat-lam", "Cát Lâm", "xã", "huyen-x"],
    ]})
    assert problems(data) == [("HD137", "data/areas.xlsx", 5, "parent")]


def test_xlsx_hidden_first_sheet_reads_the_first_visible(copy_project):
    data = copy_project()
    (data / "areas.csv").unlink()
    write_xlsx(data / "areas.xlsx", {
        "cu": [["code", "name"], ["cu", "Cũ"]],
        "areas": [line.split(",") for line in AREAS.strip().splitlines()],
    }, hidden=("cu",))
    table = read_xlsx(data / "areas.xlsx")
    assert table.sheet == "areas"
    ds = load_dataset(data)
    # the hidden sheet is not read, and the clerk is told so (never in silence)
    assert [(p.code, p.origin.file) for p in ds.problems.items] == [("HD197", "data/areas.xlsx")]
    assert "“cu” bị ẩn" in ds.problems.items[0].message
    assert list(ds.areas) == ["an-binh", "binh-son", "cat-lam"]


def test_xlsx_that_is_text_is_hd100(copy_project):
    data = copy_project()
    (data / "areas.csv").unlink()
    (data / "areas.xlsx").write_text(AREAS, encoding="utf-8")
    assert problems(data) == [("HD100", "data/areas.xlsx", None, None)]


def test_xlsx_that_is_a_broken_zip_is_hd100(copy_project):
    data = copy_project()
    (data / "areas.csv").unlink()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    (data / "areas.xlsx").write_bytes(buf.getvalue())
    got = problems(data)
    assert [p[:2] for p in got] == [("HD100", "data/areas.xlsx")]


def test_sheets_inside_hdnd_xlsx(copy_project):
    data = copy_project()
    sheets = {}
    for name in ("areas", "petitions", "resolutions"):
        path = data / f"{name}.csv"
        sheets[name] = [[c or None for c in r] for r in rows_of(path)]
        path.unlink()
    sheets["petitions"][3][sheets["petitions"][0].index("area")] = "dong-son"
    write_xlsx(data / "hdnd.xlsx", {"ghi-chu": [["Sổ dữ liệu"]], **sheets})
    ds = load_dataset(data)
    assert list(ds.areas) == ["an-binh", "binh-son", "cat-lam"]
    assert len(ds.petitions) == 5 and len(ds.resolutions) == 3
    (p,) = ds.problems.items
    assert (p.code, p.origin.file, p.origin.sheet, p.origin.row, p.origin.column) == (
        "HD131", "data/hdnd.xlsx", "petitions", 4, "area")
    assert "trang tính petitions" in str(p)
    assert ds.files["areas"].name == "hdnd.xlsx"


def test_a_file_wins_over_a_workbook_sheet(copy_project):
    data = copy_project()
    write_xlsx(data / "hdnd.xlsx", {"areas": [["code", "name", "level"], ["x", "X", "xã"]]})
    ds = load_dataset(data)
    assert list(ds.areas) == ["an-binh", "binh-son", "cat-lam"]


def test_missing_required_table_is_hd101(copy_project):
    data = copy_project()
    (data / "areas.csv").unlink()
    got = problems(data)
    assert got == [("HD101", "data/areas.csv", None, None)]


def test_missing_optional_table_is_fine(copy_project):
    data = copy_project()
    (data / "budget.csv").unlink()
    assert problems(data) == []


def test_read_xlsx_missing_sheet(tmp_path):
    path = tmp_path / "b.xlsx"
    write_xlsx(path, {"a": [["x"], [1]]})
    with pytest.raises(TableProblem) as info:
        read_xlsx(path, sheet="b")
    assert info.value.code == "HD101"


def test_loading_never_writes(copy_project):
    data = copy_project()
    write_xlsx(data / "hdnd.xlsx", {"budget": [["code"], ["x"]]})
    before = {p: p.read_bytes() for p in data.iterdir()}
    load_dataset(data)
    assert {p: p.read_bytes() for p in data.iterdir()} == before


# ------------------------------------------------------------------ properties

cell = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
def fresh_copy(factory: pytest.TempPathFactory) -> Path:
    """A new copy per hypothesis example (function fixtures are shared between examples)."""
    root = factory.mktemp("random") / "data"
    shutil.copytree(Path(__file__).parent / "data" / "minimal" / "data", root)
    return root


COLUMNS = ["code", "name", "level", "parent", "order", "valid_to", "aliases", "x"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(st.one_of(st.sampled_from(COLUMNS), cell), min_size=1, max_size=6),
    body=st.lists(st.lists(cell, max_size=7), max_size=6),
    table=st.sampled_from(["areas", "indicators", "petitions", "budget"]),
)
def test_random_tables_never_raise(tmp_path_factory, header, body, table):
    root = fresh_copy(tmp_path_factory)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *body])
    (root / f"{table}.csv").write_text(buf.getvalue(), encoding="utf-8")
    ds = load_dataset(root)  # must not raise
    for p in ds.problems.items:
        assert p.message and p.origin.file


@settings(max_examples=40, deadline=None)
@given(raw=st.binary(max_size=200))
def test_random_bytes_never_raise(tmp_path_factory, raw):
    root = fresh_copy(tmp_path_factory)
    (root / "areas.csv").write_bytes(raw)
    (root / "session.yaml").write_bytes(raw)
    load_dataset(root)


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_utf16_yaml_is_hd102(copy_project, bom):
    data = copy_project()
    path = data / "audiences.yaml"
    path.write_bytes((bom + path.read_text(encoding="utf-8")).encode("utf-16-le"))
    assert problems(data) == [("HD102", "data/audiences.yaml", None, None)]


def test_windows_1258_yaml_names_the_line(copy_project):
    data = copy_project()
    path = data / "audiences.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_bytes(b"".join(
        line.encode("cp1258", errors="replace") if i == 9 else line.encode("utf-8")
        for i, line in enumerate(lines, 1)))
    ds = load_dataset(data)
    (p,) = ds.problems.items
    assert (p.code, p.origin.file, p.origin.line) == ("HD102", "data/audiences.yaml", 9)


def _damaged(member: str, content: bytes) -> bytes:
    good = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.append(["code", "name", "level"])
    book.active.append(["an-binh", "An Bình", "huyện"])
    book.save(good)
    zin = zipfile.ZipFile(io.BytesIO(good.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, content if info.filename == member else zin.read(info.filename))
    return out.getvalue()


@pytest.mark.parametrize("member", ["xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                    "xl/styles.xml", "[Content_Types].xml"])
def test_damaged_xlsx_is_hd100_not_a_crash(copy_project, member):
    data = copy_project()
    (data / "areas.csv").unlink()
    (data / "areas.xlsx").write_bytes(_damaged(member, b"<not xml"))
    got = problems(data)
    assert [p[:2] for p in got] == [("HD100", "data/areas.xlsx")]


def test_damaged_workbook_hdnd_xlsx_is_reported(copy_project):
    data = copy_project()
    (data / "areas.csv").unlink()
    (data / "hdnd.xlsx").write_bytes(_damaged("xl/workbook.xml", b"<not xml"))
    got = problems(data)
    assert got == [("HD100", "data/hdnd.xlsx", None, None), ("HD101", "data/areas.csv", None, None)]


def test_old_xls_or_encrypted_workbook_is_hd100(copy_project):
    data = copy_project()
    (data / "areas.csv").unlink()
    (data / "areas.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    ds = load_dataset(data)
    (p,) = ds.problems.items
    assert p.code == "HD100" and ".xls" in p.message


@pytest.mark.parametrize("name", ["areas.csv", "session.yaml"])
def test_unreadable_file_is_hd100(copy_project, monkeypatch, name):
    """A file locked by Excel or without read permission: located problem, no traceback."""
    data = copy_project()
    real = Path.read_bytes

    def locked(self: Path) -> bytes:
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", locked)
    got = problems(data)
    assert [p[:2] for p in got] == [("HD100", f"data/{name}")]


# ------------------------------------------------------------------ big tables


def _indicator_rows(data: Path, n: int) -> tuple[list[str], list[list[str]]]:
    """The minimal project's indicators, then its first one repeated ``n`` times with
    fresh codes (the rows of the copies start after the original ones)."""
    header, *original = rows_of(data / "indicators.csv")
    copies = []
    for i in range(n):
        row = list(original[0])
        row[header.index("code")] = f"ct_{i:06d}"
        copies.append(row)
    return header, [*original, *copies]


def _write_rows(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *rows])


def test_the_same_slip_is_reported_on_every_row(copy_project):
    """Parsed numbers are cached by their text: a slip repeated on many rows is still
    reported on each of them, and the good rows around it keep their values."""
    data = copy_project()
    header, rows = _indicator_rows(data, 30)
    value = header.index("value")
    slips = (10, 17, 29)
    for i in slips:
        rows[i][value] = "8,75 %"
    _write_rows(data / "indicators.csv", header, rows)
    ds = load_dataset(data)
    got = [(p.code, p.origin.row, p.origin.column, p.message) for p in ds.problems.items]
    assert got == [("HD120", i + 2, "value", "“8,75 %” có ký hiệu đơn vị; chỉ ghi con số, "
                    "đơn vị ghi ở cột đơn vị") for i in slips]
    copies = [ind for code, ind in ds.indicators.items() if code.startswith("ct_")]
    assert len(copies) == 30 - len(slips)
    assert {ind.value for ind in copies} == {Decimal("8.75")}


def test_slips_deep_inside_a_big_table_keep_their_rows(copy_project):
    """A big table is validated in one call; its slips are still reported at their own
    row and column, in row order, and every other row is loaded."""
    data = copy_project()
    header, rows = _indicator_rows(data, 50_500)
    col = header.index
    rows[49_998][col("value")] = "sai"  # row 50,000
    rows[20_000][col("topic")] = "Kinh Te"  # row 20,002
    rows[20_000][col("plan")] = "1,2,3"
    rows[-1][col("name")] = ""  # the last row
    _write_rows(data / "indicators.csv", header, rows)
    ds = load_dataset(data)
    got = [(p.code, p.origin.file, p.origin.row, p.origin.column, p.message)
           for p in ds.problems.items]
    file = "data/indicators.csv"
    assert got == [
        ("HD115", file, 20_002, "topic", "“Kinh Te” không phải mã hợp lệ (chữ thường không "
         "dấu, số, _ hoặc -, bắt đầu bằng chữ)"),
        ("HD120", file, 20_002, "plan", "“1,2,3” không phải là số (ví dụ đúng: 14.955,28 "
         "hoặc 14955.28)"),
        ("HD120", file, 50_000, "value", "“sai” không phải là số (ví dụ đúng: 14.955,28 "
         "hoặc 14955.28)"),
        ("HD112", file, len(rows) + 1, "name", "thiếu giá trị bắt buộc"),
    ]
    assert len(ds.indicators) == len(rows) - 3
    code_at = {i + 2: row[col("code")] for i, row in enumerate(rows)}
    assert ds.indicators[code_at[49_999]].origin.row == 49_999
    assert ds.indicators[code_at[50_001]].origin.row == 50_001
    # the rows that failed are known by their code: no second report from references
    failed = {code_at[20_002], code_at[50_000], code_at[len(rows) + 1]}
    assert failed <= ds.broken_codes["indicators"]
    assert not failed & set(ds.indicators)


# ------------------------------------------------------------------ field types


@pytest.mark.parametrize("value", [float("nan"), float("-inf"), Decimal("NaN"),
                                   Decimal("Infinity"), Decimal("sNaN")])
def test_a_number_field_refuses_nan_and_infinities(value):
    """As pydantic's Decimal type did when it checked the fields' values again, in the
    project's words (HD120), not pydantic's English."""
    with pytest.raises(ValidationError) as info:
        TypeAdapter(F.Num).validate_python(value)
    (error,) = field_errors(info.value)
    assert error["type"] == "hdnd_number"
    assert error["msg"].endswith("không phải là số")


def test_every_field_value_is_stripped_of_any_whitespace():
    """The fields take their validators' values as they are (pydantic strips no more)."""
    spaces = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
    for kind, value, expected in [
        (F.Text, f"{spaces}Tỷ lệ{spaces}", "Tỷ lệ"),
        (F.RequiredText, f"{spaces}Tỷ lệ{spaces}", "Tỷ lệ"),
        (F.Code, f"{spaces}kinh-te{spaces}", "kinh-te"),
        (F.OptCode, f"{spaces}kinh-te{spaces}", "kinh-te"),
        (F.OptCode, spaces, None),
        (F.Codes, f"{spaces}a{spaces};{spaces}b{spaces}", ["a", "b"]),
        (F.Texts, f"{spaces}a{spaces};{spaces}b{spaces}", ["a", "b"]),
        (F.Texts, [f"{spaces}a{spaces}"], ["a"]),
    ]:
        assert TypeAdapter(kind).validate_python(value) == expected, kind


def _read(kind, value, **context):
    """A field's value, or the (type, message) of its one error as the loader reports it."""
    try:
        return TypeAdapter(kind).validate_python(value, context=context or None)
    except ValidationError as exc:
        errors = field_errors(exc)
        assert len(errors) == 1, errors  # the native reader's own error is never among them
        return errors[0]["type"], errors[0]["msg"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="abcxyz019_-. ABC\t\x1c\u3000"), st.none(),
                 st.integers(), st.booleans()))
def test_a_code_field_reads_as_its_own_reader_whether_pydantic_takes_it_or_not(value):
    """Code and OptCode take a clean code natively (in Rust) and anything else through
    their Python reader: the value, or the error, is the reader's in every case."""
    for kind, reader in ((F.Code, F._to_code), (F.OptCode, F._to_optional_code)):
        try:
            expected = reader(value)
        except Exception as exc:  # the reader's PydanticCustomError
            expected = (exc.type, exc.message())
        assert _read(kind, value) == expected


@given(st.one_of(st.decimals(), st.floats(), st.integers(),
                 st.sampled_from(["8,75", "1.490", "14.955,28", "x", "1e400", "-0"])))
@settings(max_examples=300, deadline=None)
def test_a_number_field_reads_as_its_own_reader_whether_pydantic_takes_it_or_not(value):
    """A Decimal (a workbook's number, a cell read by read_number_cells) is taken natively:
    refused exactly when the reader refuses it (not finite, more than MAX_DIGITS)."""
    try:
        expected = TypeAdapter(Annotated[Decimal | None, PlainValidator(F._to_decimal)]
                               ).validate_python(value)
    except ValidationError as exc:
        (err,) = exc.errors()
        expected = (err["type"], err["msg"])
    got = _read(F.Num, value)
    assert got == expected and (not isinstance(got, Decimal) or str(got) == str(expected))


def test_number_cells_are_read_once_and_a_bad_text_is_left_for_its_row():
    rows = [{"value": "8,75", "plan": "1.490", "unit": "%"}, {"value": "8,75 %"}, {}]
    F.read_number_cells(rows, {"value", "plan"}, NumberStyle.VI)
    assert rows == [{"value": Decimal("8.75"), "plan": Decimal("1490"), "unit": "%"},
                    {"value": "8,75 %"}, {}]
    # the text left is reported by the field, with the reader's words
    assert _read(F.Num, rows[1]["value"], number_style=NumberStyle.VI)[0] == "hdnd_number"
