"""``hdnd validate``: every catalogue code, produced by one small slip, located exactly.

``CASES`` holds one mutation of the minimal project per code of the
catalogue; a code added to the catalogue without a case here fails
``test_every_code_has_a_case``.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import hashlib
import io
import json
import re
import string
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import sphinx_hdnd
from sphinx_hdnd.model import CATALOGUE, Severity, load_dataset

Mutation = Callable[[Path], None]

VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
                        re.IGNORECASE)


# ------------------------------------------------------------------ mutation helpers


def replace(name: str, old: str, new: str) -> Mutation:
    """Replace one exact, unique piece of text in one data file."""

    def mutate(data: Path) -> None:
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return mutate


def set_cells(name: str, code: str, cells: dict[str, str]) -> Mutation:
    """Set cells of the row whose first column is ``code``; new columns are added (blank
    in the other rows), as a clerk adds an optional column in Excel."""

    def mutate(data: Path) -> None:
        path = data / name
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        header = rows[0]
        for column in cells:
            if column not in header:
                header.append(column)
                for row in rows[1:]:
                    row.append("")
        hits = [r for r in rows[1:] if r and r[0] == code]
        assert len(hits) == 1, f"one row {code!r} in {name}"
        for column, value in cells.items():
            hits[0][header.index(column)] = value
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(rows)

    return mutate


def append(name: str, text: str) -> Mutation:
    def mutate(data: Path) -> None:
        with (data / name).open("a", encoding="utf-8") as f:
            f.write(text)

    return mutate


def write_bytes(name: str, content: bytes) -> Mutation:
    def mutate(data: Path) -> None:
        (data / name).write_bytes(content)

    return mutate


def as_workbook(name: str, shape: Callable[[Any], None], workbook: str | None = None,
                sheet: str | None = None) -> Mutation:
    """Move a CSV table into a workbook (``<table>.xlsx``, or ``workbook`` under the sheet
    ``sheet``) and let ``shape(worksheet)`` merge, hide or retype cells as Excel would."""

    def mutate(data: Path) -> None:
        import openpyxl

        source = data / name
        with source.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        source.unlink()
        book = openpyxl.Workbook()
        ws = book.active
        ws.title = sheet or source.stem
        for row in rows:
            ws.append(row)
        shape(ws)
        book.save(data / (workbook or f"{source.stem}.xlsx"))

    return mutate


def _merge_levels(ws: Any) -> None:
    ws["C3"] = None  # the second district's level, now under the merged cell
    ws.merge_cells("C2:C3")


def _hide_row_3(ws: Any) -> None:
    ws.row_dimensions[3].hidden = True


def _copy_sheet(ws: Any) -> None:
    ws.parent.copy_worksheet(ws).title = f"{ws.title} (2)"


def _raw_share(ws: Any) -> None:
    ws["G2"] = 8.751234567891  # a formula's result, pasted as a value, format General


def delete(name: str) -> Mutation:
    def mutate(data: Path) -> None:
        (data / name).unlink()

    return mutate


def header_only(name: str) -> Mutation:
    def mutate(data: Path) -> None:
        path = data / name
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")

    return mutate


def cp1258_row(name: str, row: int) -> Mutation:
    """Row ``row`` saved in Windows-1258 (as a legacy Excel would), the rest UTF-8."""

    def mutate(data: Path) -> None:
        path = data / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        raw = b"".join(
            line.encode("cp1258", errors="replace") if i == row else line.encode("utf-8")
            for i, line in enumerate(lines, 1)
        )
        path.write_bytes(raw)

    return mutate


def _edit_csv(name: str, change: Callable[[list[list[str]]], None]) -> Mutation:
    def mutate(data: Path) -> None:
        path = data / name
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        change(rows)
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)

    return mutate


def drop_column(name: str, column: str) -> Mutation:
    def change(rows: list[list[str]]) -> None:
        i = rows[0].index(column)
        for row in rows:
            del row[i]

    return _edit_csv(name, change)


def add_column(name: str, column: str, value: str) -> Mutation:
    def change(rows: list[list[str]]) -> None:
        rows[0].append(column)
        for row in rows[1:]:
            row.append(value)

    return _edit_csv(name, change)


def indicators_sheet_too(data: Path) -> None:
    """The scaffold's workbook still holds an indicators sheet beside indicators.csv."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "indicators"
    sheet.append(["code", "name", "topic", "period", "value"])
    sheet.append(["mau_cu", "Chỉ tiêu mẫu", "kinh-te", "năm 2025", 1])
    book.save(data / "hdnd.xlsx")


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


# ------------------------------------------------------------------ the cases


def fake_build_record(data: Path, missing: str) -> None:
    """The record ``hdnd build`` leaves, as if every figure but ``missing`` reached a page."""
    from sphinx_hdnd.model.coverage import RECORD_NAME, figure_records, make_record

    ds = load_dataset(data)
    record = make_record(ds, [k for k in figure_records(ds) if k != missing])
    folder = data.parent / "_build" / "html" / ".doctrees"
    folder.mkdir(parents=True)
    (folder / RECORD_NAME).write_text(json.dumps(record), encoding="utf-8")


@dataclass(frozen=True)
class Case:
    mutate: Mutation
    file: str
    row: int | None = None  # tables: spreadsheet row (header = 1)
    line: int | None = None  # YAML: 1-based line
    column: str | None = None
    also: frozenset[str] = field(default_factory=frozenset)  # other codes that may follow


#: border voters, where only a district that no longer exists had a border
BORDER_ONLY_IN_A_FORMER_AREA = (
    replace("audiences.yaml", "  name: Cử tri là nông dân\n",
            "  name: Cử tri là nông dân\n  applies_to: [bien-gioi]\n"),
    replace("areas.csv", "code,name,level,parent,order\nan-binh,An Bình,huyện,,1",
            "code,name,level,parent,order,valid_to,attributes\n"
            "an-binh,An Bình,huyện,,1,30/06/2025,bien-gioi"),
)


CASES: dict[str, Case] = {
    # files and formats
    "HD100": Case(write_bytes("areas.csv", _zip_bytes()), "data/areas.csv"),
    # one problem: the citations of the missing sources are not each reported again
    "HD101": Case(delete("sources.csv"), "data/sources.csv"),
    "HD102": Case(cp1258_row("petitions.csv", 4), "data/petitions.csv", row=4),
    "HD103": Case(header_only("resolutions.csv"), "data/resolutions.csv"),
    "HD104": Case(replace("session.yaml", "  present: 40", "\tpresent: 40"),
                  "data/session.yaml", line=14),
    "HD105": Case(append("province.yaml", "name: Tỉnh Mẫu Hai\n"), "data/province.yaml", line=14),
    "HD106": Case(replace("audiences.yaml", "  weights:\n    nong-nghiep",
                          "  weights: &w\n    nong-nghiep"), "data/audiences.yaml", line=4),
    "HD107": Case(replace("audiences.yaml", "  order: 1\n", "  order: 1\n  colour: đỏ\n"),
                  "data/audiences.yaml", line=8, column="colour"),
    "HD108": Case(indicators_sheet_too, "data/indicators.csv"),
    # columns and cells
    "HD110": Case(drop_column("areas.csv", "level"), "data/areas.csv", row=1, column="level"),
    "HD111": Case(add_column("areas.csv", "ghi_chu", "x"), "data/areas.csv", row=1,
                  column="ghi_chu"),
    "HD112": Case(replace("indicators.csv", "thu_nsnn,Thu ngân sách nhà nước,", "thu_nsnn,,"),
                  "data/indicators.csv", row=3, column="name"),
    "HD113": Case(replace("sources.csv", "15/07/2024", "32/13/2024"), "data/sources.csv", row=2,
                  column="date"),
    "HD114": Case(replace("petitions.csv", "da-tra-loi", "xong"), "data/petitions.csv", row=2,
                  column="status"),
    "HD115": Case(replace("petitions.csv", "kn005,", "KN 005,"), "data/petitions.csv", row=6,
                  column="code"),
    # numbers
    "HD120": Case(replace("indicators.csv", '"8,75"', "khoảng 9"), "data/indicators.csv", row=2,
                  column="value"),
    "HD121": Case(replace("rankings.csv", ",10,63,", ",10,1.063,"), "data/rankings.csv", row=2,
                  column="total"),
    "HD122": Case(replace("rankings.csv", ",10,63,\"tỉnh, thành phố\",5,",
                          ',10,63.0,"tỉnh, thành phố","5,0",'), "data/rankings.csv", row=2,
                  column="change"),
    # codes and references
    "HD130": Case(append("areas.csv", "binh-son,Bình Sơn Mới,huyện,,4\n"), "data/areas.csv",
                  row=5, column="code"),
    "HD131": Case(replace("petitions.csv", "kn002,binh-son", "kn002,dong-son"),
                  "data/petitions.csv", row=3, column="area"),
    "HD132": Case(replace("petitions.csv", "kn001,an-binh,nong-dan", "kn001,an-binh,cong-nhan"),
                  "data/petitions.csv", row=2, column="audience"),
    "HD133": Case(replace("resolutions.csv", "dự toán ngân sách,03/NQ-HĐND,ngan-sach",
                          "dự toán ngân sách,03/NQ-HĐND,tai-chinh-x"),
                  "data/resolutions.csv", row=4, column="topics"),
    "HD134": Case(replace("budget.csv", "ty_trieu,1,dc_mau", "ty_trieu,1,dc_khac"),
                  "data/budget.csv", row=2, column="source"),
    "HD135": Case(replace("rankings.csv", "GRDP,grdp_6t,", "GRDP,grdp_nam,"),
                  "data/rankings.csv", row=2, column="indicator"),
    "HD136": Case(replace("petitions.csv", "chua-tra-loi,k05,", "chua-tra-loi,k09,"),
                  "data/petitions.csv", row=5, column="received_session"),
    "HD137": Case(replace("areas.csv", "xã,an-binh,", "xã,huyen-x,"), "data/areas.csv", row=4,
                  column="parent"),
    "HD138": Case(append("province.yaml", "predecessors:\n  - code: tinh-mau\n    name: Mẫu\n"),
                  "data/province.yaml", line=15, column="code"),
    # consistency
    "HD140": Case(replace("indicators.csv", ',x,2.500,', ',x,0,'), "data/indicators.csv", row=3,
                  column="plan"),
    "HD141": Case(replace("indicators.csv", '"50,02"', '"60,02"'), "data/indicators.csv", row=3,
                  column="plan_pct"),
    "HD142": Case(replace("indicators.csv", '"4,65"', '"6,65"'), "data/indicators.csv", row=4,
                  column="growth"),
    "HD143": Case(replace("indicators.csv", '"35,2"', '"36,2"'), "data/indicators.csv", row=8,
                  column="share_group"),
    # the seed's own slip: a mid-2024 session dated in 2023
    "HD144": Case(replace("session.yaml", "start_date: 10/07/2024", "start_date: 11/07/2023"),
                  "data/session.yaml", line=5, column="start_date"),
    "HD145": Case(replace("session.yaml", "present: 40", "present: 50"), "data/session.yaml",
                  line=14, column="present"),
    "HD146": Case(replace("session.yaml", "end_date: 11/07/2024", "end_date: 09/07/2024"),
                  "data/session.yaml", line=6, column="end_date"),
    "HD147": Case(replace("session.yaml", "delegate_count: 2", "delegate_count: 3"),
                  "data/session.yaml", line=36, column="delegate_count"),
    "HD148": Case(replace("indicators.csv", '"2,18"', '"3,18"'), "data/indicators.csv", row=5,
                  column="ratio"),
    "HD149": Case(replace("audiences.yaml", "giam-ngheo: 0.8", "giam-ngheo: 1.8"),
                  "data/audiences.yaml", line=6, column="weights.giam-ngheo"),
    # narrative text
    "HD150": Case(replace("narrative.yaml", "kinh tế {grdp_6t}", "kinh tế {grdp_nam}"),
                  "data/narrative.yaml", line=4, column="text"),
    "HD151": Case(replace("narrative.yaml", "kinh tế {grdp_6t}", "kinh tế {grdp_6t:chart}"),
                  "data/narrative.yaml", line=4, column="text"),
    "HD155": Case(set_cells("indicators.csv", "grdp_6t", {"previous": "9",
                                                          "change_points": "-1"}),
                  "data/indicators.csv", row=2, column="change_points"),
    "HD156": Case(set_cells("indicators.csv", "grdp_6t", {"growth": "0,7"}),
                  "data/indicators.csv", row=2, column="growth"),
    "HD157": Case(lambda data: (append("sources.csv", "bc_that,Báo cáo thật,UBND tỉnh,,,\n")(data),
                                set_cells("rankings.csv", "grdp_rank", {"source": "bc_that"})(data)),
                  "data/rankings.csv", row=2, column="source_section"),
    "HD158": Case(set_cells("indicators.csv", "luong_thuc", {"value_qualifier": "ngót"}),
                  "data/indicators.csv", row=4, column="value_qualifier"),
    # "hơn {luong_thuc}" where the figure already prints "hơn 120.350 tấn"
    "HD159": Case(lambda data: (
        set_cells("indicators.csv", "luong_thuc", {"value_qualifier": "hơn"})(data),
        replace("narrative.yaml", "lương thực đạt {luong_thuc}",
                "lương thực đạt hơn {luong_thuc}")(data)),
        "data/narrative.yaml", line=9, column="text"),
    "HD154": Case(replace("narrative.yaml", "kinh tế {grdp_6t}", "kinh tế {grdp_6t:growth}"),
                  "data/narrative.yaml", line=4, column="text"),
    "HD153": Case(replace("budget.csv", "ty_trieu,1,dc_mau", "ty_trieu,1,"),
                  "data/budget.csv", row=2, column="source"),
    # what the last build showed: every figure but one reached a page
    "HD170": Case(lambda data: fake_build_record(data, missing="indicators:luong_thuc"),
                  "data/indicators.csv", row=4, column="code"),
    # following petitions up
    "HD171": Case(set_cells("petitions.csv", "kn002", {"raised_date": "10/06/2024",
                                                       "forwarded_date": "01/06/2024"}),
                  "data/petitions.csv", row=3, column="forwarded_date"),
    "HD172": Case(set_cells("petitions.csv", "kn004", {"answered_date": "01/07/2024"}),
                  "data/petitions.csv", row=5, column="status"),
    "HD173": Case(set_cells("petitions.csv", "kn005", {"repeats": "kn099"}),
                  "data/petitions.csv", row=6, column="repeats"),
    "HD174": Case(append("province.yaml", "petition_deadline_days:\n  quan: 30\n"),
                  "data/province.yaml", line=15, column="petition_deadline_days.quan"),
    # a meeting for an audience with no briefing in its area
    "HD175": Case(lambda data: (
        replace("audiences.yaml", "- code: doanh-nghiep\n",
                "- code: doanh-nghiep\n  applies_to: [khu-cong-nghiep]\n")(data),
        set_cells("areas.csv", "binh-son", {"attributes": "khu-cong-nghiep",
                                            "attributes_source": "dc_mau"})(data),
        (data / "meetings.csv").write_text(
            "code,date,place,area,audience\ntx1,18/07/2024,Chợ,an-binh,doanh-nghiep\n",
            encoding="utf-8")),
        "data/meetings.csv", row=2, column="audience"),
    # a petition pasted from a file typed in the TCVN3 font
    "HD190": Case(replace("petitions.csv", "Đề nghị sửa chữa đường liên xã.",
                          "§Ò nghÞ söa ch÷a ®\u00adêng liªn x·."),
                  "data/petitions.csv", row=2, column="text"),
    # values each field accepts but the world does not
    "HD191": Case(set_cells("areas.csv", "an-binh", {"successors": "an-binh"}),
                  "data/areas.csv", row=2, column="successors"),
    "HD192": Case(replace("session.yaml", "  present: 40", "  present: -40"),
                  "data/session.yaml", line=14, column="present"),
    "HD193": Case(set_cells("rankings.csv", "grdp_rank", {"rank": "64"}),
                  "data/rankings.csv", row=2, column="rank"),
    "HD194": Case(set_cells("indicators.csv", "thu_nsnn", {"key": "5,000"}),
                  "data/indicators.csv", row=3, column="key"),
    "HD195": Case(set_cells("sources.csv", "dc_mau", {"url": "javascript:alert(1)"}),
                  "data/sources.csv", row=2, column="url"),
    # what a workbook's layout hides from a table of cells
    "HD196": Case(as_workbook("areas.csv", _merge_levels), "data/areas.xlsx", row=2,
                  column="level"),
    "HD197": Case(as_workbook("areas.csv", _hide_row_3), "data/areas.xlsx", row=3),
    "HD198": Case(as_workbook("areas.csv", _copy_sheet, workbook="hdnd.xlsx", sheet="areas"),
                  "data/hdnd.xlsx"),
    "HD199": Case(as_workbook("indicators.csv", _raw_share), "data/indicators.xlsx", row=2,
                  column="value"),
    # audiences, and the office's choices
    "HD160": Case(replace("audiences.yaml", "  name: Cử tri là nông dân\n",
                          "  name: Cử tri là nông dân\n  applies_to: [bien-gioi]\n"),
                  "data/audiences.yaml", line=3, column="applies_to"),
    "HD162": Case(replace("audiences.yaml", "  name: Cử tri là nông dân\n",
                          "  name: Cử tri là nông dân\n  first: [khong-co]\n"),
                  "data/audiences.yaml", line=3, column="first"),
    "HD163": Case(write_bytes("editorial.csv", b"item,action\nkhong_co,ghim\n"),
                  "data/editorial.csv", row=2, column="item"),
    "HD164": Case(write_bytes("editorial.csv", b"item,action\ngrdp_6t,ghim\ngrdp_6t,bo\n"),
                  "data/editorial.csv", row=3, column="action"),
    "HD161": Case(lambda data: [m(data) for m in BORDER_ONLY_IN_A_FORMER_AREA] and None,
                  "data/audiences.yaml", line=3, column="applies_to"),
    "HD152": Case(replace("narrative.yaml", "Sản lượng lương thực đạt",
                          "Sản lượng lương thực huyện Bình Sơn đạt"),
                  "data/narrative.yaml", line=9, column="text"),
}


def _matches(problem: dict, case: Case, code: str) -> bool:
    return (problem["code"] == code and problem["file"] == case.file
            and problem["row"] == case.row and problem["line"] == case.line
            and problem["column"] == case.column)


# ------------------------------------------------------------------ tests


def test_minimal_project_is_clean(hdnd, minimal_project):
    result = hdnd("validate", str(minimal_project), "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.json == {**result.json, "errors": 0, "warnings": 0, "problems": []}


def test_minimal_project_text_output(hdnd, minimal_project):
    result = hdnd("validate", str(minimal_project))
    assert result.exit_code == 0
    assert "0 lỗi, 0 cảnh báo" in result.output


def test_every_code_has_a_case():
    assert sorted(CASES) == sorted(CATALOGUE)


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_code_is_reported_where_the_slip_is(code, copy_project, hdnd):
    case = CASES.get(code)
    assert case is not None, f"no test produces {code}: add a mutation to CASES"
    data = copy_project()
    case.mutate(data)
    result = hdnd("validate", str(data.parent), "--format", "json")
    assert "Traceback" not in result.output
    assert result.json is not None, result.output
    found = [p for p in result.problems if _matches(p, case, code)]
    assert found, (
        f"expected {code} at {case.file} row={case.row} line={case.line} column={case.column}; "
        f"got {[(p['code'], p['file'], p['row'], p['line'], p['column']) for p in result.problems]}"
    )
    unexpected = set(result.codes()) - {code} - case.also
    assert not unexpected, result.output
    problem = found[0]
    assert problem["message"].strip()
    assert VIETNAMESE.search(problem["message"] + problem["title"]), problem
    assert problem["severity"] == CATALOGUE[code].severity.value
    no_error = all(CATALOGUE[c].severity is not Severity.ERROR for c in result.codes())
    assert result.exit_code == (0 if no_error else 1)
    # the text output names the same place
    text = hdnd("validate", str(data.parent))
    assert "Traceback" not in text.output
    assert text.exit_code == result.exit_code
    assert code in text.output and case.file in text.output


def test_seed_slip_session_year(copy_project, hdnd):
    """The seed dates the 15th session 11/07/2023 while reporting on 2024."""
    data = copy_project()
    replace("session.yaml", "start_date: 10/07/2024", "start_date: 11/07/2023")(data)
    result = hdnd("validate", str(data.parent), "--format", "json")
    assert result.exit_code == 1
    (problem,) = result.problems
    assert (problem["code"], problem["file"], problem["line"], problem["column"]) == (
        "HD144", "data/session.yaml", 5, "start_date")
    assert "2024" in problem["message"] and "11/07/2023" in problem["message"]


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("code", ["HD100", "HD104", "HD122", "HD144"])
def test_validate_never_writes_to_the_data(code, copy_project, hdnd):
    data = copy_project()
    CASES[code].mutate(data)
    before = _digest(data.parent)
    mtimes = {p: p.stat().st_mtime_ns for p in data.parent.rglob("*")}
    for args in (("--format", "json"), ()):
        hdnd("validate", str(data.parent), *args)
    assert _digest(data.parent) == before
    assert {p: p.stat().st_mtime_ns for p in data.parent.rglob("*")} == mtimes


def test_validate_clean_project_writes_nothing(copy_project, hdnd):
    data = copy_project()
    before = _digest(data.parent)
    assert hdnd("validate", str(data.parent)).exit_code == 0
    assert _digest(data.parent) == before


def test_missing_folder_is_exit_2(tmp_path, hdnd):
    result = hdnd("validate", str(tmp_path / "khong-co"), "--format", "json")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_data_folder_given_directly(hdnd, minimal_data):
    result = hdnd("validate", str(minimal_data), "--format", "json")
    assert result.exit_code == 0, result.output


def test_empty_folder_lists_required_files(tmp_path, hdnd):
    result = hdnd("validate", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    missing = {p["file"] for p in result.problems if p["code"] == "HD101"}
    assert {"province.yaml", "session.yaml", "areas.csv", "audiences.yaml", "sources.csv",
            "indicators.csv"} <= {Path(f).name for f in missing}


def test_declared_style_mismatch_is_located(copy_project, hdnd):
    """A file declared vi in province.yaml that holds a plain value: HD122 at that cell."""
    data = copy_project()
    append("province.yaml", "number_styles:\n  indicators.csv: vi\n")(data)
    replace("indicators.csv", '"4,65"', "4.65")(data)
    result = hdnd("validate", str(data.parent), "--format", "json")
    assert [(p["code"], p["row"], p["column"]) for p in result.problems] == [
        ("HD122", 4, "growth")]


def test_bad_declared_style_points_at_its_line(copy_project, hdnd):
    data = copy_project()
    append("province.yaml", "number_styles:\n  indicators.csv: viet\n")(data)
    result = hdnd("validate", str(data.parent), "--format", "json")
    assert [(p["code"], p["line"], p["column"]) for p in result.problems] == [
        ("HD114", 15, "number_styles.indicators.csv")]


ALL_AT_ONCE = [c for c in sorted(CASES) if c not in {"HD100", "HD101", "HD102", "HD103",
                                                      "HD104", "HD105", "HD106", "HD110",
                                                      # one audience and one editorial file:
                                                      # these slips overwrite each other
                                                      "HD161", "HD164",
                                                      # rewrite indicators.csv with a new
                                                      # column: the other slips' exact text
                                                      # is gone
                                                      "HD155", "HD156", "HD157",
                                                      "HD158", "HD159",
                                                      # a record of the data as it was
                                                      "HD170", "HD175",
                                                      # the one ranking and the one source
                                                      # row are broken by earlier slips
                                                      "HD193", "HD195",
                                                      # move a table into a workbook
                                                      "HD196", "HD197", "HD198", "HD199"}]


def test_many_slips_at_once_never_crash(copy_project, hdnd):
    """Mutations that do not conflict, applied together: every one is still reported."""
    data = copy_project()
    applied = []
    for code in ALL_AT_ONCE:
        try:
            CASES[code].mutate(data)
        except AssertionError:  # an earlier mutation changed the same text
            continue
        applied.append(code)
    result = hdnd("validate", str(data.parent), "--format", "json")
    assert "Traceback" not in result.output
    assert result.exit_code == 1
    assert len(applied) > 20
    # a row broken by one slip hides the cross-checks of that row, nothing more
    assert len(set(result.codes()) & set(applied)) >= len(applied) - 8, result.codes()


def test_a_placeholder_without_data_never_prints_raw(tmp_path):
    """HD154 fails validation; a build that goes on anyway prints no "{…}" for the
    delegate to read aloud, and invents no figure."""
    from conftest import MINIMAL
    from hdnd_sphinx import sphinx_build, tiny_project

    project = tiny_project(tmp_path / "project", data=MINIMAL / "data")
    CASES["HD154"].mutate(project / "data")
    build = sphinx_build(project, "text")
    assert "HD154" in build.warnings and "{grdp_6t:growth}" in build.warnings
    printed = "\n".join(p.read_text("utf-8") for p in build.outdir.rglob("*.txt"))
    assert "Tăng trưởng kinh tế (chưa có số liệu)" in printed
    assert "{grdp_6t" not in printed


def test_data_problems_are_reported_on_every_build(tmp_path):
    """The second build with nothing changed re-reads no page, and still reports the
    data's problems (``-W`` fails both times), whatever Sphinx re-reads."""
    from conftest import MINIMAL
    from hdnd_sphinx import sphinx_build, tiny_project

    project = tiny_project(tmp_path / "project", data=MINIMAL / "data")
    CASES["HD154"].mutate(project / "data")
    for again in (False, True):
        build = sphinx_build(project, "html", freshenv=not again)
        assert "HD154" in build.warnings, f"build {1 + again}: {build.warnings}"
        if again:
            assert "0 source files that are out of date" in build.status, build.status


@pytest.mark.parametrize("old, new, column", [
    ("outcome: Kỳ họp hoàn thành toàn bộ nội dung chương trình.",
     "outcome: Kỳ họp hoàn thành {grdp_6t:growth}.", "outcome"),
    ("  summary: Tổ chức các cuộc tiếp xúc cử tri trước kỳ họp.",
     "  summary: Tổ chức {khong_co} cuộc tiếp xúc cử tri trước kỳ họp.", "summary"),
])
def test_placeholders_in_session_texts_are_checked_too(tmp_path, old, new, column):
    """Issue 15: every place a placeholder can appear gets the same check, located."""
    from conftest import MINIMAL
    from hdnd_sphinx import sphinx_build, tiny_project

    project = tiny_project(tmp_path / "project", data=MINIMAL / "data")
    replace("session.yaml", old, new)(project / "data")
    ds = load_dataset(project / "data")
    found = [p for p in ds.problems.items if p.code in {"HD150", "HD154"}]
    assert len(found) == 1 and found[0].origin.file == "data/session.yaml", found
    assert found[0].origin.column == column
    build = sphinx_build(project, "text")
    printed = "\n".join(p.read_text("utf-8") for p in build.outdir.rglob("*.txt"))
    assert "{" not in printed and "(chưa có số liệu)" in printed


def test_a_second_source_is_checked_like_the_first(copy_project, hdnd):
    """Issue 15: an item built from two documents cites both; the second citation gets
    the same checks as the first (declared, with its section), located at its column."""
    data = copy_project()
    append("sources.csv", "bc_that,Báo cáo thật,UBND tỉnh,,,\n")(data)
    replace("narrative.yaml", "    cites: [grdp_6t, grdp_rank]\n    source: dc_mau\n",
            "    cites: [grdp_6t, grdp_rank]\n    source: dc_mau\n"
            "    also_source: bc_that\n")(data)
    replace("narrative.yaml", "    cites: [luong_thuc]\n",
            "    cites: [luong_thuc]\n    also_source: bc_khong_co\n")(data)
    result = hdnd("validate", str(data.parent), "--format", "json")
    found = sorted((p["code"], p["line"], p["column"]) for p in result.problems)
    assert found == [("HD134", 14, "also_source"), ("HD157", 2, "also_source_section")], found


def test_a_second_source_reaches_the_page(tmp_path):
    """The paragraph cites both documents, each in the page's source list with its
    section."""
    from conftest import MINIMAL
    from hdnd_sphinx import sphinx_build, tiny_project

    project = tiny_project(tmp_path / "project", data=MINIMAL / "data")
    data = project / "data"
    append("sources.csv", "bc_that,Báo cáo thật của tỉnh,UBND tỉnh,,,\n")(data)
    replace("narrative.yaml", "    cites: [grdp_6t, grdp_rank]\n    source: dc_mau\n",
            "    cites: [grdp_6t, grdp_rank]\n    source: dc_mau\n"
            "    also_source: bc_that\n    also_source_section: Phần thứ hai, II.9\n")(data)
    assert not [p for p in load_dataset(data).problems.items if p.code.startswith("HD13")]
    build = sphinx_build(project, "text")
    printed = "\n".join(p.read_text("utf-8") for p in build.outdir.rglob("*.txt"))
    # "Phần thứ hai" names itself: no "mục" before it ("mục Phần thứ hai")
    assert "Báo cáo thật của tỉnh, UBND tỉnh; Phần thứ hai, II.9" in printed


def test_validate_lists_the_figures_no_page_shows(copy_project, hdnd):
    """Issue 15: after a build, validate names each figure of the data that no page
    shows (HD170, located at its row); before a build, or after the data changed, it says
    what to run instead of listing stale results."""
    data = copy_project()
    project = data.parent
    (project / "conf.py").write_text('extensions = ["sphinx_hdnd"]\n'
                                     'exclude_patterns = ["_build", "data"]\n'
                                     "hdnd_briefings = False\n", encoding="utf-8")
    # a page that shows one figure only: every other figure reaches no page
    (project / "index.rst").write_text("Chỉ tiêu\n========\n\nTăng trưởng :hdnd:`grdp_6t`.\n",
                                       encoding="utf-8")
    result = hdnd("validate", str(project))
    assert "Chưa xây dựng trang: chạy hdnd build" in result.output
    built = hdnd("build", str(project), "--no-pdf", "--no-docx")
    assert built.exit_code == 0, built.output
    ds = load_dataset(data)
    others = len(ds.indicators) + len(ds.rankings) + len(ds.budget) - 1
    assert f"Lưu ý: {others} số liệu không hiện trên trang nào" in built.output
    result = hdnd("validate", str(project), "--format", "json")
    assert result.exit_code == 0 and result.json["coverage"] == "checked"
    unseen = {(p["file"], p["row"]) for p in result.problems if p["code"] == "HD170"}
    assert len(unseen) == others
    assert ("data/indicators.csv", 2) not in unseen  # grdp_6t, the one on the page
    assert ("data/indicators.csv", 4) in unseen and ("data/budget.csv", 2) in unseen
    # the data changes after the build: no stale list, a hint to build again
    append("indicators.csv", "moi,Chỉ tiêu mới,kinh-te,%,Năm 2024,,1,,,,,,,,x,,dc_mau\n")(data)
    result = hdnd("validate", str(project))
    assert "HD170" not in result.output
    assert "Dữ liệu đã sửa sau lần xây dựng trang gần nhất" in result.output


# ------------------------------------------------------------------ issue 19: wording


def _problem(copy_project, hdnd, code: str) -> dict:
    data = copy_project()
    CASES[code].mutate(data)
    result = hdnd("validate", str(data.parent), "--format", "json")
    return next(p for p in result.problems if p["code"] == code)


def test_allowed_values_are_listed_in_vietnamese(copy_project, hdnd):
    message = _problem(copy_project, hdnd, "HD114")["message"]
    assert " hoặc " in message and " or " not in message
    assert "'" not in message


def test_figures_in_messages_are_written_the_vietnamese_way(copy_project, hdnd):
    message = _problem(copy_project, hdnd, "HD141")["message"]
    assert "60,02%" in message and "50,02%" in message
    # a dot groups thousands ("1.250,5"), never marks decimals ("60.02", "1250.5")
    assert not re.search(r"\d\.(\d{1,2}|\d{4,})(?!\d)", message), message


@pytest.mark.parametrize(("slip", "code", "expected"), [
    (replace("audiences.yaml", "giam-ngheo: 0.8", "giam-ngheo:"), "HD149",
     "chưa ghi trọng số: ghi một số từ 0 đến 1"),
    (append("province.yaml", "petition_deadline_days:\n  tinh:\n"), "HD113",
     "cần một số nguyên"),
    (append("province.yaml", "petition_deadline_days:\n  tinh: ba mươi\n"), "HD113",
     "“ba mươi” phải là số nguyên"),
    (append("province.yaml", "petition_deadline_days:\n  tinh: 1.5\n"), "HD113",
     "“1.5” phải là số nguyên"),
])
def test_a_blank_or_wrong_number_is_said_in_words_never_none_or_english(
        slip, code, expected, copy_project, hdnd):
    data = copy_project()
    slip(data)
    result = hdnd("validate", str(data.parent), "--format", "json")
    assert [p["message"] for p in result.problems if p["code"] == code] == [expected]
    assert not any("None" in p["message"] or "Input should" in p["message"]
                   for p in result.problems)


def test_shadowed_table_says_which_file_is_used(copy_project, hdnd):
    problem = _problem(copy_project, hdnd, "HD108")
    assert problem["severity"] == "warning"
    assert "dùng indicators.csv" in problem["message"]
    assert "bỏ qua trang tính indicators trong hdnd.xlsx" in problem["message"]


def test_session_help_names_the_field():
    assert "past_sessions" in CATALOGUE["HD136"].fix
    assert " sessions" not in CATALOGUE["HD136"].fix.replace("past_sessions", "")


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


#: codes whose every message names a value: the JSON carries it
_NAMING_VALUES = sorted(code for code, kind in CATALOGUE.items()
                        if all(_placeholders(t) for t in kind.messages.values()))


@pytest.mark.parametrize("code", _NAMING_VALUES)
def test_json_carries_the_offending_value(code, copy_project, hdnd):
    """``--format json`` gives a program the values at fault, not only a sentence: the
    values the message was written from, as text (dates in ISO 8601)."""
    data = copy_project()
    CASES[code].mutate(data)
    result = hdnd("validate", str(data.parent), "--format", "json")
    problem = next(p for p in result.problems if p["code"] == code)
    assert problem["data"], problem
    assert all(isinstance(v, str) for v in problem["data"].values()), problem
    for value in problem["data"].values():
        shown = (dt.date.fromisoformat(value).strftime("%d/%m/%Y")
                 if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else value)
        assert shown in problem["message"], (value, problem)


def test_every_message_is_a_template_of_the_catalogue():
    """Each code words each of its cases once, in the catalogue; each case reported in the
    code exists there (a missing one would be a traceback in front of a clerk)."""
    assert all(kind.messages for kind in CATALOGUE.values())
    package = Path(sphinx_hdnd.__file__).parent
    reported = 0
    for path in package.rglob("*.py"):
        for call in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            args = call.args[1:] if name == "_invalid" else call.args  # (pydantic's type, code…)
            # report(code, origin, case), TableProblem(code, case), YamlProblem(code, line,
            # case), Note.of(code, row, column, case), render(code, case), a field's
            # _invalid(type, code, case)
            at = {"report": 2, "TableProblem": 1, "YamlProblem": 2, "of": 3, "render": 1,
                  "_invalid": 1, "NumberError": 1, "ReadProblem": 1}.get(name)
            if at is None or not args or not isinstance(args[0], ast.Constant):
                continue
            if not str(args[0].value).startswith("HD"):
                continue
            case = args[at].value if len(args) > at and isinstance(args[at], ast.Constant) \
                else "" if len(args) <= at else None
            code = args[0].value
            if case is None:
                continue  # the case is chosen at run time: the corpus reaches it
            assert case in CATALOGUE[code].messages, f"{path.name}:{call.lineno} {code} {case!r}"
            reported += 1
            if name == "_invalid":  # pydantic fills it: plain {names} only, no {{ }}
                template = CATALOGUE[code].messages[case]
                assert "{{" not in template and not any(
                    spec or conv for _, _, spec, conv in string.Formatter().parse(template)), template
            names = {k.arg for k in call.keywords} - {None}
            if name == "TableProblem":
                names.discard("row")  # where, not what
            if not any(k.arg is None for k in call.keywords):  # no **values
                assert _placeholders(CATALOGUE[code].messages[case]) <= names, \
                    f"{path.name}:{call.lineno} {code} {case!r} lacks values"
    assert reported > 120, reported
    # the cases chosen at run time, each in the catalogue
    from sphinx_hdnd.model import validation_errors, yamlio

    chosen = [("HD113", case) for case in validation_errors._TYPE_CASES.values()]
    chosen += [("HD104", case) for _, case in yamlio._PROBLEMS]
    chosen += [(code, case) for code in ("HD113", "HD120") for case in ("excel-error", "no-result")]
    chosen += [(code, "hidden-sheet") for code in ("HD101", "HD197")]
    chosen += [("HD111", "blank-header"), ("HD111", "repeated-header"), ("HD193", "below-one"),
               ("HD193", "above-total"), ("HD154", ""), ("HD154", "no-figures")]
    chosen += [(code, "") for code in ("HD141", "HD142", "HD148", "HD155")]
    missing = [(code, case) for code, case in chosen if case not in CATALOGUE[code].messages]
    assert not missing, missing
    # and no message is written at the call any more: add() takes a rendered one
    for path in package.rglob("*.py"):
        text = path.read_text("utf-8")
        assert not re.search(r"\.add\(\s*\"HD\d{3}\"", text), path.name


def test_a_yaml_field_is_called_a_field_and_a_column_a_column(copy_project, hdnd):
    """"cột" reads oddly for a YAML file: there it is a field ("trường")."""
    data = copy_project()
    replace("session.yaml", "start_date: 10/07/2024", "start_date: 11/07/2023")(data)
    CASES["HD131"].mutate(data)
    out = hdnd("validate", str(data.parent)).output
    assert "dòng 5, trường start_date" in out, out
    assert re.search(r"dòng \d+, cột area", out), out


def test_the_data_holds_each_given_value_as_text():
    """Dates as ISO 8601 for a program; a value not given (None) is left out, never "None"."""
    from sphinx_hdnd.model.origin import Origin
    from sphinx_hdnd.model.problems import ProblemLog

    log = ProblemLog()
    log.report("HD193", Origin("data/rankings.csv", 2), "below-one", rank=0, total=None)
    log.report("HD146", Origin("data/areas.csv", 3), "area", end=dt.date(2025, 6, 30),
               start=dt.date(2025, 7, 1))
    below, dates = log.items
    assert below.data == {"rank": "0"} and below.message == "thứ hạng 0; thứ hạng bắt đầu từ 1"
    assert dates.data == {"end": "2025-06-30", "start": "2025-07-01"}
    assert "30/06/2025" in dates.message and "01/07/2025" in dates.message
