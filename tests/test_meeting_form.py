"""Issue 17: ``hdnd meeting-form``, the Excel form a clerk takes to one meeting."""

from __future__ import annotations

import datetime as dt
import hashlib

import openpyxl
from test_meetings import MEETINGS

from sphinx_hdnd.meeting_form import FACTS_SHEET, SAYINGS_SHEET, VoterSaying
from sphinx_hdnd.model import load_dataset
from sphinx_hdnd.schema import fields_of


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_one_form_per_planned_meeting_prefilled_from_the_data(copy_project, hdnd, tmp_path):
    data = copy_project()
    (data / "meetings.csv").write_text(MEETINGS, encoding="utf-8")
    before = _digest(data)
    out = tmp_path / "forms"
    result = hdnd("meeting-form", str(data.parent), "--all", "--out", str(out))
    assert result.exit_code == 0, result.output
    # this session's two meetings (the k04 one is past), named by area, audience, date
    assert sorted(p.name for p in out.iterdir()) == [
        "tiep-xuc-an-binh-nong-dan-20240718.xlsx", "tiep-xuc-cat-lam-20240718.xlsx"]
    assert _digest(data) == before  # the data is never written
    book = openpyxl.load_workbook(out / "tiep-xuc-an-binh-nong-dan-20240718.xlsx")
    assert book.sheetnames[:2] == [FACTS_SHEET, SAYINGS_SHEET]
    facts = {r[0]: r[1] for r in book[FACTS_SHEET].iter_rows(min_row=4, values_only=True)
             if r[0]}
    ds = load_dataset(data)
    assert facts["Mã kỳ họp"] == ds.session.code
    assert facts["Địa bàn"] == ds.areas["an-binh"].full_name
    assert facts["Đối tượng cử tri"] == ds.audiences["nong-dan"].name
    assert facts["Ngày tiếp xúc"].date() == dt.date(2024, 7, 18)
    assert facts["Địa điểm"] == "Nhà văn hóa thôn 2" and facts["Giờ"] == "14 giờ 00"
    assert facts["Đại biểu dự"] == "Đại biểu A; Đại biểu B"
    assert "Số cử tri dự" in facts and "Người chủ trì" in facts  # the minutes' own facts
    sheet = book[SAYINGS_SHEET]
    assert [c.value for c in sheet[1]] == [f.name for f in fields_of(VoterSaying)]
    assert all(c.comment is not None and c.comment.text.strip() for c in sheet[1])
    lists = book["danh-muc"]
    listed = {lists.cell(row=1, column=c).value: [
        lists.cell(row=r, column=c).value for r in range(2, lists.max_row + 1)
        if lists.cell(row=r, column=c).value] for c in range(1, lists.max_column + 1)}
    assert listed["topics"] == list(ds.topics)
    assert set(listed["committee"]) == {p.committee for p in ds.petitions if p.committee}
    checked = {str(dv.sqref).split(":")[0][0] for dv in sheet.data_validations.dataValidation}
    assert checked == {"C", "D", "E", "F"}  # topics, kind, level, committee


def test_a_form_for_one_meeting_and_what_it_refuses(copy_project, hdnd, tmp_path):
    data = copy_project()
    out = tmp_path / "forms"
    args = ("meeting-form", str(data.parent), "--out", str(out))
    ok = hdnd(*args, "--area", "binh-son", "--date", "20/07/2024", "--place", "Chợ")
    assert ok.exit_code == 0, ok.output
    made = out / "tiep-xuc-binh-son-20240720.xlsx"
    stamp = made.stat().st_mtime_ns
    again = hdnd(*args, "--area", "binh-son", "--date", "20/07/2024")
    assert "giữ nguyên" in again.output and made.stat().st_mtime_ns == stamp
    for bad, said in ((("--area", "binh-son", "--date", "2024-07-20"), "dd/mm/yyyy"),
                      (("--area", "khong-co", "--date", "20/07/2024"), "không có địa bàn"),
                      (("--area", "binh-son", "--audience", "x", "--date", "20/07/2024"),
                       "không có đối tượng"),
                      (("--date", "20/07/2024"), "cần --area"),
                      (("--all",), "chưa có cuộc tiếp xúc")):
        result = hdnd(*args, *bad)
        assert result.exit_code == 2 and said in result.output, (bad, result.output)
        assert "Traceback" not in result.output
    # data with errors: no form from it
    (data / "petitions.csv").write_text(
        (data / "petitions.csv").read_text("utf-8").replace("da-tra-loi", "xong"), "utf-8")
    broken = hdnd(*args, "--area", "cat-lam", "--date", "20/07/2024")
    assert broken.exit_code == 1 and "hdnd validate" in broken.output
    assert not (out / "tiep-xuc-cat-lam-20240720.xlsx").exists()
