"""Issue 17: ``hdnd import-meetings``, filled forms back into the petitions table.

A round trip on the minimal project (schedule, form, filled with openpyxl as a
clerk would, dry run, --write, validate, build, re-import), and bad forms: each
a located error, no traceback, nothing written.
"""

from __future__ import annotations

import hashlib
import re
import shutil

import openpyxl
import pytest
from bs4 import BeautifulSoup
from test_meetings import CONF, MEETINGS

from sphinx_hdnd.meeting_form import FACTS_SHEET, SAYINGS_SHEET

INDEX = """\
Lịch
====

.. hdnd-meetings::

Theo dõi
========

.. hdnd-follow-up::

Tổng hợp
========

.. hdnd-petition-summary::

.. toctree::

   tiep-xuc/index
"""

SAYINGS = [
    ["Đề nghị làm lại cầu tràn qua suối thôn 2, mùa mưa học sinh không qua được.",
     "Ông A, thôn 2", "giao-thong", "kien-nghi", "huyen", "Ban Kinh tế - Ngân sách", None, None],
    ["Cử tri đồng tình với việc hỗ trợ giống lúa vụ mùa.", None, "nong-nghiep", "y-kien",
     None, None, None, None],
]


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def project(tmp_path):
    from conftest import MINIMAL
    from hdnd_sphinx import tiny_project

    folder = tiny_project(tmp_path / "p", data=MINIMAL / "data", conf=CONF, index=INDEX)
    (folder / "data" / "meetings.csv").write_text(MEETINGS, encoding="utf-8")
    return folder


def _form(project, hdnd, tmp_path):
    out = tmp_path / "forms"
    made = hdnd("meeting-form", str(project), "--all", "--out", str(out))
    assert made.exit_code == 0, made.output
    return out / "tiep-xuc-an-binh-nong-dan-20240718.xlsx"


def _filled(form, tmp_path, rows=SAYINGS, edit=None, name="filled.xlsx"):
    book = openpyxl.load_workbook(form)
    for row in rows:
        book[SAYINGS_SHEET].append(row)
    if edit is not None:
        edit(book)
    path = tmp_path / name
    book.save(path)
    return path


def test_round_trip_from_schedule_to_briefing(project, hdnd, tmp_path):
    from hdnd_sphinx import sphinx_build

    filled = _filled(_form(project, hdnd, tmp_path), tmp_path)
    data = project / "data"
    before = _digest(data)
    original = (data / "petitions.csv").read_bytes()
    dry = hdnd("import-meetings", str(project), str(filled))
    assert dry.exit_code == 0, dry.output
    assert "mới      kn_an_binh_20240718_01  an-binh  Đề nghị làm lại cầu tràn" in dry.output
    assert "2 kiến nghị mới, 0 có thể trùng, 0 đã có trong dữ liệu." in dry.output
    assert "Chưa ghi gì" in dry.output and _digest(data) == before
    wrote = hdnd("import-meetings", str(project), str(filled), "--write")
    assert wrote.exit_code == 0 and "Đã ghi 2 kiến nghị" in wrote.output, wrote.output
    backups = list(data.glob("petitions.csv.*.bak"))
    assert len(backups) == 1 and backups[0].read_bytes() == original
    old_rows = backups[0].read_text("utf-8").splitlines()[1:]
    new_text = (data / "petitions.csv").read_text("utf-8")
    assert all(row in new_text for row in old_rows)  # no row a person wrote is rewritten
    clean = hdnd("validate", str(project), "--format", "json")
    assert clean.exit_code == 0 and not [p for p in clean.problems if p["severity"] != "info"]
    build = sphinx_build(project, "html")
    assert build.warning_lines() == [], build.warnings
    briefing = (build.outdir / "tiep-xuc" / "an-binh" / "nong-dan.html").read_text("utf-8")
    assert "làm lại cầu tràn qua suối thôn 2" in BeautifulSoup(briefing, "html.parser").get_text()
    page = BeautifulSoup((build.outdir / "index.html").read_text("utf-8"), "html.parser")
    assert "làm lại cầu tràn qua suối thôn 2" in page.select_one(
        "table.hdnd-follow-up-table").find_parent("section").get_text()
    # in the office's summary, under the district level, as the form said
    summary = page.find(id=re.compile(r"^tong-hop-thuoc-tham-quyen-cap-huyen"))
    assert summary is not None and "làm lại cầu tràn qua suối thôn 2" in summary.get_text()
    again = hdnd("import-meetings", str(project), str(filled), "--write")
    assert "0 kiến nghị mới" in again.output and "2 đã có trong dữ liệu" in again.output
    assert (data / "petitions.csv").read_text("utf-8") == new_text


def test_a_likely_duplicate_is_flagged_not_added(project, hdnd, tmp_path):
    row = ["Đề nghị sửa chữa đường liên xã.", None, "giao-thong", "kien-nghi", "tinh", None,
           None, None]  # kn001 of An Bình says the same
    filled = _filled(_form(project, hdnd, tmp_path), tmp_path, rows=[row])
    result = hdnd("import-meetings", str(project), str(filled), "--write")
    assert "có thể trùng kn001" in result.output and "Không có gì để ghi" in result.output


def _set_fact(label, value):
    def edit(book):
        for r in book[FACTS_SHEET].iter_rows(min_row=1):
            if r[0].value == label:
                r[1].value = value
    return edit


def _not_xlsx(form, tmp_path):
    path = tmp_path / "not.xlsx"
    path.write_text("không phải tệp Excel", encoding="utf-8")
    return path


BAD_FORMS = {
    "not an xlsx": (_not_xlsx, "không đọc được tệp Excel"),
    "another workbook": (lambda f, t: _filled(f, t, edit=lambda b: (
        setattr(b[FACTS_SHEET], "title", "Sheet1"))), "không phải phiếu tiếp xúc cử tri"),
    "another session": (lambda f, t: _filled(f, t, edit=_set_fact("Mã kỳ họp", "k04")),
                        "phiếu của kỳ họp “k04”"),
    "another project's area": (lambda f, t: _filled(f, t, edit=_set_fact("Mã địa bàn", "xa-x")),
                               "địa bàn “xa-x” không có"),
    "unknown audience": (lambda f, t: _filled(f, t, edit=_set_fact("Mã đối tượng", "cong-nhan")),
                         "đối tượng “cong-nhan” không có"),
    "a date in words": (lambda f, t: _filled(f, t, edit=_set_fact("Ngày tiếp xúc",
                                                                  "ngày 18 tháng 7")),
                        "ngày tiếp xúc cần ghi dạng dd/mm/yyyy"),
    "header edited": (lambda f, t: _filled(f, t, edit=lambda b: setattr(
        b[SAYINGS_SHEET]["A1"], "value", "noi_dung")), "dòng tên cột đã bị sửa"),
    "merged cells": (lambda f, t: _filled(f, t, edit=lambda b: b[SAYINGS_SHEET].merge_cells(
        "A2:B2")), "ô gộp A2:B2"),
    "a formula": (lambda f, t: _filled(f, t, rows=[["=A1", None, "giao-thong", "kien-nghi",
                                                    None, None, None, None]]),
                  "dòng 2, cột text: ô chứa công thức"),
    "no text": (lambda f, t: _filled(f, t, rows=[[None, "Ông B", "giao-thong", "kien-nghi",
                                                  None, None, None, None]]),
                "dòng 2, cột text: thiếu giá trị"),
    "a topic typed": (lambda f, t: _filled(f, t, rows=[["Đề nghị X.", None, "giao thong",
                                                        None, None, None, None, None]]),
                      "dòng 2, cột topics"),
    "an unknown topic": (lambda f, t: _filled(f, t, rows=[["Đề nghị X.", None, "du-lich-x",
                                                           None, None, None, None, None]]),
                         "lĩnh vực “du-lich-x” không có trong danh mục"),
    "a bad kind": (lambda f, t: _filled(f, t, rows=[["Đề nghị X.", None, None, "de-nghi",
                                                     None, None, None, None]]),
                   "dòng 2, cột kind"),
    "a bad level": (lambda f, t: _filled(f, t, rows=[["Đề nghị X.", None, None, None, "tw",
                                                      None, None, None]]),
                    "dòng 2, cột level"),
    "an empty form": (lambda f, t: _filled(f, t, rows=[]), "phiếu chưa có ý kiến, kiến nghị"),
}


@pytest.mark.parametrize("case", sorted(BAD_FORMS))
def test_a_bad_form_is_a_located_error_and_writes_nothing(case, project, hdnd, tmp_path):
    make, said = BAD_FORMS[case]
    bad = make(_form(project, hdnd, tmp_path), tmp_path)
    data = project / "data"
    before = _digest(data)
    result = hdnd("import-meetings", str(project), str(bad), "--write")
    assert result.exit_code == 1, result.output
    assert said in result.output and bad.name in result.output, result.output
    assert "Traceback" not in result.output
    assert _digest(data) == before


@pytest.mark.parametrize("edit", [
    _set_fact("Ngày tiếp xúc", "18-07-2024"),  # a date in another style is read
    lambda b: b.create_sheet("ghi-chu-cua-thu-ky"),  # an extra sheet is left alone
], ids=["date-style", "extra-sheet"])
def test_what_a_clerk_may_change_is_accepted(edit, project, hdnd, tmp_path):
    filled = _filled(_form(project, hdnd, tmp_path), tmp_path, edit=edit)
    result = hdnd("import-meetings", str(project), str(filled))
    assert result.exit_code == 0 and "2 kiến nghị mới" in result.output, result.output


def test_a_workbook_petitions_sheet_is_appended(project, hdnd, tmp_path):
    """The petitions table as a sheet of hdnd.xlsx: rows appended, a backup kept."""
    from sphinx_hdnd.model import load_dataset
    from sphinx_hdnd.scaffold import write_workbook

    data = project / "data"
    ds = load_dataset(data)
    rows = {"petitions": [{k: "; ".join(v) if isinstance(v, list) else v
                           for k, v in p.model_dump(mode="json", exclude_defaults=True).items()}
                          for p in ds.petitions]}
    (data / "petitions.csv").unlink()
    write_workbook(data / "hdnd.xlsx", rows, topics=ds.topics, audiences=ds.audiences,
                   sessions=["k04", "k05"])
    shutil.copy2(data / "hdnd.xlsx", tmp_path / "before.xlsx")
    filled = _filled(_form(project, hdnd, tmp_path), tmp_path)
    result = hdnd("import-meetings", str(project), str(filled), "--write")
    assert result.exit_code == 0, result.output
    assert list(data.glob("hdnd.xlsx.*.bak"))
    codes = [p.code for p in load_dataset(data).petitions]
    assert codes[:len(ds.petitions)] == [p.code for p in ds.petitions]
    assert codes[len(ds.petitions):] == ["kn_an_binh_20240718_01", "kn_an_binh_20240718_02"]


SUMMARY_INDEX = """\
Tổng hợp
========

.. hdnd-petition-summary::
"""


def test_the_summary_groups_a_rounds_petitions_by_level_and_field(tmp_path):
    """The office's summary: this session's petitions by the level that must answer, then
    by field, each count matching the items listed under it."""
    from bs4 import BeautifulSoup
    from conftest import MINIMAL
    from hdnd_sphinx import sphinx_build, tiny_project
    from test_validate import set_cells

    from sphinx_hdnd.downloads import summary_table
    from sphinx_hdnd.model import load_dataset

    project = tiny_project(tmp_path / "p", data=MINIMAL / "data", index=SUMMARY_INDEX)
    data = project / "data"
    set_cells("petitions.csv", "kn003", {"level": "tinh"})(data)
    set_cells("petitions.csv", "kn005", {"level": "huyen", "kind": "y-kien"})(data)
    ds = load_dataset(data)
    assert ds.problems.items == []
    this_round = [p for p in ds.petitions if p.received_session == ds.session.code]
    build = sphinx_build(project, "html")
    assert build.warning_lines() == [], build.warnings
    soup = BeautifulSoup((build.outdir / "index.html").read_text("utf-8"), "html.parser")
    lead = " ".join(soup.select_one(".hdnd-summary-lead").get_text(" ").split())
    assert lead == (f"Cử tri gửi tới kỳ họp thứ {ds.session.ordinal} {len(this_round):02d} ý "
                    "kiến, kiến nghị (02 kiến nghị, 01 ý kiến), trong đó: thuộc thẩm quyền "
                    "cấp tỉnh 01; thuộc thẩm quyền cấp huyện 01; chưa xác định cấp trả lời 01.")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in soup.select("table.hdnd-summary-table tbody tr")]
    assert rows[-1] == ["Tổng cộng", "", f"{len(this_round):02d}"]
    assert sum(int(r[2]) for r in rows[:-1]) == len(this_round)
    sheet = summary_table(ds)
    assert sorted(sheet.column("Mã kiến nghị")) == sorted(p.code for p in this_round)
    assert sheet.column("Cấp trả lời")[0] == "Thuộc thẩm quyền cấp tỉnh"


def test_the_summary_page_is_a_booklet_of_its_own():
    """Printed and written as Word like the briefings: the directive marks its page in
    Sphinx's per-page metadata, which the PDF and Word builders read."""
    from sphinx_hdnd.pdf import BOOKLET_KEY, booklet_of, in_scope, report_docs

    metadata = {"tong-hop-kien-nghi": {BOOKLET_KEY: "report"}, "chi-tieu": {}}
    reports = report_docs(metadata)
    assert reports == {"tong-hop-kien-nghi"}
    assert booklet_of("tong-hop-kien-nghi", reports) == ("tong-hop-kien-nghi", "report")
    assert booklet_of("chi-tieu", reports) is None
    assert in_scope("report", "areas") and not in_scope("report", "outline")
