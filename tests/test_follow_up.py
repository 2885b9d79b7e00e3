"""Issue 16: petitions followed up across sessions (model/follow_up.py, HD171–HD174).

Each rule on the minimal project, changed cell by cell as a clerk would: the
deadline from the province's rule or the petition's own, on time, late, overdue
as of the session's date (never the wall clock), days and sessions open, the
chain of repeats and the history per session.
"""

from __future__ import annotations

import datetime as dt
import re

from test_validate import append, replace, set_cells

from sphinx_hdnd.model import load_dataset
from sphinx_hdnd.model.follow_up import buckets, follow_up, latest_petitions

RULE = "petition_deadline_days:\n  tinh: 30\n  tat-ca: 45\n"


def _pet(ds, code):
    return next(p for p in ds.petitions if p.code == code)


def _codes(ds):
    return sorted((p.code, p.origin.column) for p in ds.problems.items)


def test_old_petitions_validate_and_follow_up_to_nothing(copy_project):
    """Today's columns only: no new problem, and no deadline or overdue invented."""
    ds = load_dataset(copy_project())
    assert ds.problems.items == []
    for pet in ds.petitions:
        fu = follow_up(ds, pet)
        assert fu.deadline is None and not fu.overdue and not fu.late and not fu.on_time
        assert fu.days_open is None
    # sessions open still follow from the session codes: k04 to k05 (this session)
    assert follow_up(ds, _pet(ds, "kn002")).sessions_open == 1
    assert follow_up(ds, _pet(ds, "kn003")).sessions_open == 0  # raised at this session


def test_deadline_from_the_provinces_rule_by_level(copy_project):
    data = copy_project()
    append("province.yaml", RULE)(data)
    set_cells("petitions.csv", "kn002", {"level": "tinh", "forwarded_date": "01/04/2024"})(data)
    set_cells("petitions.csv", "kn005", {"level": "xa", "forwarded_date": "01/04/2024",
                                         "deadline": "20/04/2024"})(data)
    set_cells("petitions.csv", "kn003", {"level": "trung-uong",
                                         "forwarded_date": "01/04/2024"})(data)
    ds = load_dataset(data)
    assert ds.problems.items == []
    assert follow_up(ds, _pet(ds, "kn002")).deadline == dt.date(2024, 5, 1)  # tinh: 30
    assert follow_up(ds, _pet(ds, "kn005")).deadline == dt.date(2024, 4, 20)  # its own
    assert follow_up(ds, _pet(ds, "kn003")).deadline == dt.date(2024, 5, 16)  # tat-ca: 45


def test_on_time_late_and_overdue_as_of_the_sessions_date(copy_project):
    data = copy_project()
    append("province.yaml", RULE)(data)
    set_cells("petitions.csv", "kn001", {"level": "tinh", "forwarded_date": "01/04/2024",
                                         "answered_date": "25/04/2024"})(data)
    set_cells("petitions.csv", "kn002", {"level": "tinh", "forwarded_date": "01/04/2024",
                                         "status": "chua-tra-loi", "response": ""})(data)
    set_cells("petitions.csv", "kn005", {"level": "tinh", "forwarded_date": "01/04/2024",
                                         "deadline": "10/04/2024"})(data)
    set_cells("petitions.csv", "kn003", {"kind": "y-kien", "forwarded_date": "01/04/2024"})(data)
    ds = load_dataset(data)
    assert ds.problems.items == []
    today = ds.session.start_date
    on_time = follow_up(ds, _pet(ds, "kn001"))
    assert on_time.on_time and not on_time.late and on_time.days_open == 24
    overdue = follow_up(ds, _pet(ds, "kn002"))
    assert overdue.overdue and overdue.days_late == (today - dt.date(2024, 5, 1)).days
    assert overdue.days_open == (today - dt.date(2024, 4, 1)).days
    assert buckets(overdue) == {"received", "overdue"}  # open for one session, not two
    opinion = follow_up(ds, _pet(ds, "kn003"))
    assert opinion.deadline is None and not opinion.overdue  # no answer is owed
    # replied ("chưa bố trí được nguồn lực") with no date: neither on time nor overdue
    replied = follow_up(ds, _pet(ds, "kn005"))
    assert replied.replied and not replied.overdue and not replied.on_time and not replied.late
    # the reply's date after its own deadline: late, by how many days, settled or not
    set_cells("petitions.csv", "kn005", {"answered_date": "30/04/2024"})(data)
    late = follow_up(load_dataset(data), _pet(load_dataset(data), "kn005"))
    assert late.late and late.days_late == 20 and not late.on_time and not late.answered
    # a reply dated in the history, before the deadline: on time, though not settled
    set_cells("petitions.csv", "kn005", {"answered_date": ""})(data)
    (data / "petition_history.csv").write_text(
        "petition,session,status,date,note,source\n"
        "kn005,k05,dang-giai-quyet,05/04/2024,Sở đang rà soát biên chế.,dc_mau\n",
        encoding="utf-8")
    ds = load_dataset(data)
    early = follow_up(ds, _pet(ds, "kn005"))
    assert early.on_time and early.replied_on == dt.date(2024, 4, 5) and not early.overdue


def test_the_as_of_date_is_the_datas_not_the_clock(copy_project):
    data = copy_project()
    set_cells("petitions.csv", "kn002", {"deadline": "01/05/2024", "status": "chua-tra-loi",
                                         "response": ""})(data)
    before = load_dataset(data)
    replace("session.yaml", "start_date: 10/07/2024",
            "start_date: 10/07/2024\npetitions_as_of: 30/04/2024")(data)
    early = load_dataset(data)
    assert follow_up(before, _pet(before, "kn002")).overdue
    assert not follow_up(early, _pet(early, "kn002")).overdue


def test_a_repeated_petition_is_shown_once_with_its_history(copy_project):
    data = copy_project()
    set_cells("petitions.csv", "kn005", {"repeats": "kn002", "raised_date": "05/06/2024"})(data)
    set_cells("petitions.csv", "kn002", {"raised_date": "01/12/2023"})(data)
    (data / "petition_history.csv").write_text(
        "petition,session,status,date,note,source\n"
        "kn005,k05,chua-co-nguon,,Chưa bố trí được biên chế.,dc_mau\n"
        "kn002,k04,dang-giai-quyet,10/03/2024,Sở đang rà soát quy hoạch mạng lưới.,dc_mau\n",
        encoding="utf-8")
    ds = load_dataset(data)
    assert ds.problems.items == []
    fu = follow_up(ds, _pet(ds, "kn005"))
    assert [p.code for p in fu.earlier] == ["kn002"] and fu.first.code == "kn002"
    # in session order, whatever the order of the rows
    assert [(e.petition, e.session) for e in fu.history] == [("kn002", "k04"), ("kn005", "k05")]
    assert fu.sessions_open == 1  # since k04, when it was first raised (kn005 came at k05)
    shown = [p.code for p in latest_petitions(ds, ds.petitions)]
    assert "kn002" not in shown and "kn005" in shown


def test_validate_catches_each_follow_up_slip(copy_project):
    data = copy_project()
    # a cycle of repeats
    set_cells("petitions.csv", "kn002", {"repeats": "kn005"})(data)
    set_cells("petitions.csv", "kn005", {"repeats": "kn002"})(data)
    # answered with dates in use but no date; an answer after the session's as-of date
    set_cells("petitions.csv", "kn001", {"forwarded_date": "01/04/2024"})(data)
    set_cells("petitions.csv", "kn003", {"status": "da-tra-loi",
                                         "answered_date": "01/08/2024"})(data)
    # a history row of an unknown petition and of an unknown session
    (data / "petition_history.csv").write_text(
        "petition,session,status\nkn099,k05,dang-giai-quyet\nkn002,k09,dang-giai-quyet\n",
        encoding="utf-8")
    # a rule by level, and a forwarded petition whose level it does not cover
    append("province.yaml", "petition_deadline_days:\n  tinh: 30\n")(data)
    set_cells("petitions.csv", "kn004", {"forwarded_date": "01/04/2024", "level": "xa"})(data)
    ds = load_dataset(data)
    found = {(p.code, p.origin.file, p.origin.row, p.origin.column) for p in ds.problems.items}
    assert found == {
        ("HD173", "data/petitions.csv", 3, "repeats"),
        ("HD173", "data/petitions.csv", 6, "repeats"),
        ("HD172", "data/petitions.csv", 2, "answered_date"),
        ("HD171", "data/petitions.csv", 4, "answered_date"),
        ("HD173", "data/petition_history.csv", 2, "petition"),
        ("HD173", "data/petition_history.csv", 3, "session"),
        ("HD174", "data/petitions.csv", 5, "level"),
        ("HD174", "data/petitions.csv", 2, "level"),  # kn001: forwarded, no level at all
    }, sorted(found)
    messages = " ".join(p.message for p in ds.problems.items)
    assert "quay về chính nó" in messages and "kn099" in messages and "k09" in messages


# ------------------------------------------------------------------ the follow-up page

FOLLOW_UP_INDEX = """\
Theo dõi
========

.. hdnd-follow-up::

Kiến nghị
=========

.. hdnd-petitions::
"""


def _dated_project(tmp_path):
    """The minimal project, its petitions followed up with dates, a repeat and a history."""
    from conftest import MINIMAL
    from hdnd_sphinx import tiny_project

    project = tiny_project(tmp_path / "p", data=MINIMAL / "data", index=FOLLOW_UP_INDEX)
    data = project / "data"
    append("province.yaml", RULE)(data)
    set_cells("petitions.csv", "kn001", {"level": "tinh", "agency": "Sở Giao thông vận tải",
                                         "raised_date": "20/03/2024",
                                         "forwarded_date": "01/04/2024",
                                         "answered_date": "25/04/2024"})(data)  # on time
    set_cells("petitions.csv", "kn002", {"level": "tinh", "forwarded_date": "01/04/2024",
                                         "agency": "Sở Giáo dục và Đào tạo",
                                         "status": "chua-tra-loi",
                                         "response": ""})(data)  # overdue: no reply
    set_cells("petitions.csv", "kn005", {"level": "tinh", "forwarded_date": "01/04/2024",
                                         "agency": "Sở Giáo dục và Đào tạo",
                                         "repeats": "kn003"})(data)
    set_cells("petitions.csv", "kn003", {"raised_date": "01/11/2023",
                                         "received_session": "k04"})(data)
    (data / "petition_history.csv").write_text(
        "petition,session,status,date,note,source\n"
        "kn003,k04,dang-giai-quyet,15/12/2023,Đang khảo sát nhu cầu giống.,dc_mau\n",
        encoding="utf-8")
    return project


def test_follow_up_page_counts_are_the_datas_and_link_to_their_petitions(tmp_path):
    from bs4 import BeautifulSoup
    from hdnd_sphinx import sphinx_build

    from sphinx_hdnd.sphinxext.directives.follow_up import BUCKET_TITLES, group_of, requests

    project = _dated_project(tmp_path)
    ds = load_dataset(project / "data")
    assert ds.problems.items == []
    build = sphinx_build(project, "html")
    assert build.warning_lines() == [], build.warnings
    soup = BeautifulSoup((build.outdir / "index.html").read_text("utf-8"), "html.parser")
    table = soup.select_one("table.hdnd-follow-up-table")
    heads = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    assert heads[1:] == list(BUCKET_TITLES.values())
    items = requests(ds)
    assert "kn003" not in {fu.petition.code for fu in items}  # shown once, as kn005
    checked = 0
    *groups, total = table.select("tbody tr")
    assert [td.get_text(strip=True) for td in total.find_all("td")] == ["Tổng cộng", *(
        f"{n:02d}" if n else "—" for n in (sum(b in buckets(fu) for fu in items)
                                          for b in BUCKET_TITLES))]
    for tr in groups:
        cells = tr.find_all("td")
        agency = cells[0].get_text(strip=True)
        group = [fu for fu in items if group_of(fu, "agency") == agency]
        assert group, agency
        for cell, bucket in zip(cells[1:], BUCKET_TITLES, strict=True):
            n = sum(bucket in buckets(fu) for fu in group)
            link = cell.find("a")
            if not n:
                assert cell.get_text(strip=True) == "—" and link is None
                continue
            assert cell.get_text(strip=True) == f"{n:02d}"
            target = soup.find(id=link["href"].removeprefix("#"))
            assert target is not None and len(target.select("li")) == n, (agency, bucket)
            checked += 1
    assert checked >= 4
    summary = soup.select_one(".hdnd-follow-up-summary").get_text(" ", strip=True)
    assert "Tính đến ngày 10/07/2024" in summary
    # a part that counts none is left out ("00 quá hạn"), and no count reads "00"
    assert not re.search(r"\b00\b", summary), summary
    assert ("đã trả lời 02 kiến nghị (01 đúng hạn, 01 chưa ghi ngày trả lời), "
            "trong đó 01 kiến nghị đã giải quyết xong; 02 kiến nghị chưa được trả lời, trong "
            "đó 01 kiến nghị đã quá hạn") in summary
    assert "theo quy định của tỉnh ghi trong dữ liệu: cấp tỉnh 30 ngày, mọi cấp 45 ngày" in summary
    # the longest-waiting list, by the time since voters first raised it: kn005, repeating
    # kn003 of 01/11/2023, before kn002 (forwarded 01/04/2024), overdue with its days
    waiting = [" ".join(b.get_text(" ").split())
               for b in soup.select("#theo-doi-chua-xong .hdnd-petition")]
    assert "bổ sung bác sĩ" in waiting[0] and "phòng học" in waiting[1], waiting
    days = (ds.session.start_date - dt.date(2024, 5, 1)).days
    assert f"Quá hạn {days} ngày" in waiting[1]


def test_a_petition_reads_its_history_as_the_delegate_says_it(tmp_path):
    from bs4 import BeautifulSoup
    from hdnd_sphinx import sphinx_build

    project = _dated_project(tmp_path)
    build = sphinx_build(project, "html")
    soup = BeautifulSoup((build.outdir / "index.html").read_text("utf-8"), "html.parser")
    boxes = [b for b in soup.select(".hdnd-petition")
             if "bổ sung bác sĩ" in b.get_text()]  # kn005, repeating kn003
    text = " ".join(boxes[-1].get_text(" ").split())
    assert "Cử tri đã kiến nghị từ trước kỳ họp thứ Bốn (cuộc tiếp xúc ngày 01/11/2023), " \
           "nay tiếp tục kiến nghị" in text
    # the repeat's own route, not read as the first petition's
    assert "nay tiếp tục kiến nghị; lần này đã chuyển Sở Giáo dục và Đào tạo ngày 01/04/2024; " \
           "hạn trả lời 01/05/2024." in text
    assert "Kỳ họp thứ Bốn: đang giải quyết (15/12/2023): đang khảo sát nhu cầu giống." in text
    on_time = [b for b in soup.select(".hdnd-petition") if "đường liên xã" in b.get_text()]
    assert "Đã trả lời ngày 25/04/2024, đúng hạn." in on_time[-1].get_text(" ")


def test_a_briefing_gives_the_track_compactly(tmp_path):
    """In a briefing (two or three pages): who must answer, by when, what happened, and
    only the last earlier session's status; an interim reply is not called silence."""
    from sphinx_hdnd.sphinxext.parts.petitions import petition_nodes

    project = _dated_project(tmp_path)
    data = project / "data"
    (data / "petition_history.csv").write_text(
        "petition,session,status,date,note,source\n"
        "kn003,k04,chua-tra-loi,01/12/2023,Chưa có văn bản trả lời.,dc_mau\n"
        "kn003,k04,dang-giai-quyet,15/12/2023,Đang khảo sát nhu cầu giống.,dc_mau\n",
        encoding="utf-8")
    ds = load_dataset(data)
    repeat = " ".join(petition_nodes(ds, _pet(ds, "kn005"), compact=True).astext().split())
    assert "Cử tri kiến nghị từ kỳ họp thứ Bốn, nay tiếp tục kiến nghị; lần này đã chuyển Sở " \
           "Giáo dục và Đào tạo ngày 01/04/2024; hạn trả lời 01/05/2024." in repeat
    assert "cuộc tiếp xúc" not in repeat
    assert "khảo sát nhu cầu giống" in repeat and "có văn bản" not in repeat  # the last one only
    full = " ".join(petition_nodes(ds, _pet(ds, "kn005")).astext().split())
    assert "có văn bản" in full and "khảo sát nhu cầu giống" in full
    # kn005 has a reply ("Chưa bố trí được biên chế."), not a settlement: never "chưa trả lời"
    assert "Đã có trả lời; chưa giải quyết dứt điểm." in repeat
    assert "Chưa trả lời" not in repeat


def test_a_repeat_reads_its_earlier_reply_once_under_its_own_session():
    """Điện Biên Đông's kn_dbd_04 (15th session) repeats kn_dbd_01 (13th), whose reply of
    the 14th session ('chưa bố trí được nguồn lực') is its answer: the card is headed by
    the 15th session and gives that reply once, with its date, not also as a history line."""
    from pathlib import Path

    from sphinx_hdnd.phrasing.follow_up import history_line, session_name
    from sphinx_hdnd.sphinxext.parts.petitions import petition_nodes

    data = Path(__file__).parents[1] / "examples" / "dien-bien" / "data"
    ds = load_dataset(data)
    repeat, first = _pet(ds, "kn_dbd_04"), _pet(ds, "kn_dbd_01")
    reply = [e for e in ds.petition_history if e.petition == first.code][-1]
    assert reply.status is first.status and first.response and not repeat.response
    for compact in (True, False):
        box = petition_nodes(ds, repeat, compact=compact)
        head = box.next_node(lambda n: "hdnd-petition-head" in n.get("classes", [])).astext()
        assert f"gửi tới {session_name(ds, repeat.received_session)}" in head
        assert f"gửi tới {session_name(ds, first.received_session)}" not in head
        card = " ".join(box.astext().split())
        assert (f"Trả lời lần trước ({first.responder}, {reply.date:%d/%m/%Y}): "
                f"{first.response}") in card
        assert history_line(ds, reply) not in card  # "Kỳ họp thứ Mười bốn: chưa bố trí …"


def test_a_repeat_not_yet_answered_keeps_the_earlier_reply():
    """Điện Biên's kn_mn_04 repeats kn_mn_01 (raised at the 13th session, "đang giải
    quyết" at the 13th and 14th, answered by UBND tỉnh) and has no answer of its own yet:
    the briefing says the matter is unsettled, not unanswered, and gives the last answer."""
    from pathlib import Path

    from sphinx_hdnd.sphinxext.parts.petitions import petition_nodes

    data = Path(__file__).parents[1] / "examples" / "dien-bien" / "data"
    ds = load_dataset(data)
    repeat, first = _pet(ds, "kn_mn_04"), _pet(ds, "kn_mn_01")
    assert repeat.repeats == first.code and not repeat.response and first.response
    fu = follow_up(ds, repeat)
    assert fu.replied_before and fu.earlier_answer == first and fu.sessions_open == 2
    card = " ".join(petition_nodes(ds, repeat, compact=True).astext().split())
    assert "Chưa giải quyết dứt điểm qua 02 kỳ họp." in card
    assert "Chưa trả lời sau" not in card
    last = [e for e in ds.petition_history if e.petition == first.code][-1]
    assert (f"Trả lời lần trước ({first.responder}, {last.date:%d/%m/%Y}): "
            f"{first.response}") in card
    assert "nay tiếp tục kiến nghị; lần này đã chuyển Sở Ngoại vụ ngày 26/06/2024" in card
    # a chain never answered is still said to be so
    never = load_dataset(data)
    never.petition_history = [e for e in never.petition_history if e.petition != first.code]
    never.petitions = [p.model_copy(update={"status": repeat.status, "response": ""})
                       if p.code == first.code else p for p in never.petitions]
    fu_never = follow_up(never, _pet(never, "kn_mn_04"))
    assert not fu_never.replied_before and fu_never.earlier_answer is None
    card = " ".join(petition_nodes(never, _pet(never, "kn_mn_04"), compact=True)
                    .astext().split())
    assert "Chưa trả lời sau 02 kỳ họp." in card and "lần trước" not in card


def test_the_follow_up_table_downloads_one_row_per_petition(tmp_path):
    """The CSV/XLSX beside the pages: each petition once (a repeat carries its earlier
    one), its deadline, timing and the chain, as the page computes them."""
    import io

    import openpyxl
    import pandas as pd

    from sphinx_hdnd.downloads import follow_up_table, to_csv, to_xlsx

    project = _dated_project(tmp_path)
    ds = load_dataset(project / "data")
    sheet = follow_up_table(ds)
    assert sheet.column("Mã kiến nghị") == ["kn001", "kn002", "kn004", "kn005"]
    rows = {row[0]: dict(zip(sheet.columns, row, strict=True)) for row in sheet.rows}
    assert rows["kn001"]["Đúng hạn, quá hạn"] == "Trả lời đúng hạn"
    assert rows["kn002"]["Hạn trả lời"] == "01/05/2024"
    assert rows["kn002"]["Đúng hạn, quá hạn"].startswith("Quá hạn ")
    assert rows["kn005"]["Nhắc lại kiến nghị"] == "kn003"
    # read back by another reader: the same header and cells
    again = pd.read_csv(io.BytesIO(to_csv(sheet)), dtype=str, keep_default_na=False)
    assert tuple(again.columns) == sheet.columns
    assert again.values.tolist() == [list(row) for row in sheet.rows]
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(sheet, "Theo dõi")))
    assert [[c.value or "" for c in row] for row in book.active.iter_rows()] == \
        [list(sheet.columns), *map(list, sheet.rows)]
    assert to_xlsx(sheet, "Theo dõi") == to_xlsx(sheet, "Theo dõi")  # byte-stable


def test_the_first_reply_meets_the_deadline_not_the_settlement(copy_project):
    """A reply within the deadline, the matter settled later: on time (clerk review:
    'quá hạn 80 ngày' for a petition answered in a week was not believable)."""
    from sphinx_hdnd.phrasing.follow_up import track_sentence

    data = copy_project()
    append("province.yaml", RULE)(data)
    set_cells("petitions.csv", "kn001", {"level": "tinh", "forwarded_date": "01/04/2024",
                                         "answered_date": "20/06/2024"})(data)
    (data / "petition_history.csv").write_text(
        "petition,session,status,date,note,source\n"
        "kn001,k04,dang-giai-quyet,10/04/2024,Đang lập dự toán sửa chữa.,dc_mau\n",
        encoding="utf-8")
    ds = load_dataset(data)
    fu = follow_up(ds, _pet(ds, "kn001"))
    assert fu.on_time and not fu.late and fu.replied_on == dt.date(2024, 4, 10)
    # the first reply is said to be an interim one; the answer's date follows it, and
    # nothing says "settled" beyond the data's own status (a clerk, 07/12); the interim
    # one is a document, not a second answer ("Có trả lời …; đã trả lời …", a clerk, 08/12)
    assert track_sentence(ds, fu).endswith(
        "Có văn bản ngày 10/04/2024 (đang giải quyết), đúng hạn; trả lời ngày 20/06/2024.")
    # not answered yet: the interim reply, and the matter still open
    set_cells("petitions.csv", "kn001", {"answered_date": "", "status": "dang-giai-quyet"})(data)
    ds = load_dataset(data)
    fu = follow_up(ds, _pet(ds, "kn001"))
    assert fu.on_time and not fu.answered
    assert "Có văn bản ngày 10/04/2024 (đang giải quyết), đúng hạn; chưa giải quyết dứt điểm" \
        in track_sentence(ds, fu)
    # the card's badge is the answer's: no "Trả lời đúng hạn" over an interim document
    assert "Trả lời đúng hạn" not in head_of(ds, "kn001")
    # an answer with no earlier reply keeps its plain words, and its badge
    (data / "petition_history.csv").write_text("petition,session,status,date,note,source\n",
                                               encoding="utf-8")
    set_cells("petitions.csv", "kn001", {"answered_date": "20/04/2024", "status": "da-tra-loi"})(data)
    ds = load_dataset(data)
    assert track_sentence(ds, follow_up(ds, _pet(ds, "kn001"))).endswith(
        "Đã trả lời ngày 20/04/2024, đúng hạn.")
    assert "Trả lời đúng hạn" in head_of(ds, "kn001")


def head_of(ds, code: str) -> str:  # type: ignore[no-untyped-def]
    """The head line of a petition's card: its status and timing badges, where, when."""
    from sphinx_hdnd.sphinxext.parts.petitions import petition_nodes

    box = petition_nodes(ds, _pet(ds, code), compact=True)
    return box.next_node(lambda n: "hdnd-petition-head" in n.get("classes", [])).astext()


def test_the_summary_lead_splits_requests_and_opinions_only_when_both(tmp_path):
    """All requests: no "(02 kiến nghị, 00 ý kiến)" after the total."""
    from bs4 import BeautifulSoup
    from conftest import MINIMAL
    from hdnd_sphinx import sphinx_build, tiny_project

    from sphinx_hdnd.model import load_dataset

    index = "Tổng hợp\n========\n\n.. hdnd-petition-summary::\n"
    project = tiny_project(tmp_path / "project", MINIMAL / "data", index=index)
    ds = load_dataset(project / "data")
    this_round = [p for p in ds.petitions if p.received_session == ds.session.code]
    assert this_round and all(p.kind.value == "kien-nghi" for p in this_round)
    build = sphinx_build(project, "html")
    soup = BeautifulSoup((build.outdir / "index.html").read_text("utf-8"), "html.parser")
    lead = " ".join(soup.select_one(".hdnd-summary-lead").get_text(" ").split())
    assert f"{len(this_round):02d} ý kiến, kiến nghị, trong đó:" in lead, lead
    assert "00" not in lead


def test_the_follow_up_lead_when_nothing_is_answered_yet(tmp_path):
    """No reply at all: said once, with no "00" count and no second "chưa được trả lời"."""
    from bs4 import BeautifulSoup
    from hdnd_sphinx import sphinx_build

    project = _dated_project(tmp_path)
    data = project / "data"
    for code in ("kn001", "kn002", "kn003", "kn004", "kn005"):
        set_cells("petitions.csv", code, {"status": "chua-tra-loi", "response": "",
                                          "answered_date": "", "answered_session": ""})(data)
    build = sphinx_build(project, "html")
    soup = BeautifulSoup((build.outdir / "index.html").read_text("utf-8"), "html.parser")
    summary = " ".join(soup.select_one(".hdnd-follow-up-summary").get_text(" ").split())
    assert "Chưa có kiến nghị nào được trả lời" in summary, summary
    assert summary.count("chưa được trả lời") == 0 and not re.search(r"\b00\b", summary), summary


def test_an_answer_that_names_its_body_is_not_headed_by_it_again():
    """'Trả lời (Sở Văn hóa, Thể thao và Du lịch): Sở Văn hóa, Thể thao và Du lịch phối
    hợp …' named the body twice; an answer that does not name it keeps the heading."""
    from pathlib import Path

    data = Path(__file__).parents[1] / "examples" / "dien-bien" / "data"
    ds = load_dataset(data)
    naming = [p for p in ds.petitions if p.responder and p.response.startswith(p.responder)]
    plain = [p for p in ds.petitions if p.responder and p.response
             and not p.response.startswith(p.responder)]
    assert naming and plain
    for pet in naming:
        assert f"Trả lời: {pet.response}" in card_of(ds, pet)
    for pet in plain:
        assert f"Trả lời ({pet.responder}): {pet.response}" in card_of(ds, pet)


def card_of(ds, pet) -> str:  # type: ignore[no-untyped-def]
    from sphinx_hdnd.sphinxext.parts.petitions import petition_nodes

    return " ".join(petition_nodes(ds, pet, compact=True).astext().split())
