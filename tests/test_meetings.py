"""Issue 17 (first part): the meetings with voters, a schedule page, and the meeting's date
and place in the briefing's header."""

from __future__ import annotations

from bs4 import BeautifulSoup
from test_validate import replace, set_cells

from sphinx_hdnd.model import load_dataset

MEETINGS = (
    "code,date,time,place,area,audience,delegates,delegation,session,note\n"
    "tx02,18/07/2024,14 giờ 00,Nhà văn hóa thôn 2,an-binh,nong-dan,Đại biểu A; Đại biểu B,,,\n"
    "tx01,18/07/2024,8 giờ 00,Hội trường UBND xã Cát Lâm,cat-lam,,,Tổ đại biểu số 1,,\n"
    "tx00,10/12/2023,8 giờ 00,Hội trường cũ,an-binh,nong-dan,,,k04,\n"
)
CONF = """\
extensions = ["sphinx_hdnd"]
exclude_patterns = ["_build", "data"]
"""
INDEX = """\
Lịch
====

.. hdnd-meetings::

.. toctree::

   tiep-xuc/index
"""


def test_meetings_are_checked_where_they_are(copy_project):
    data = copy_project()
    # business voters only where an area has the attribute; An Bình has none
    replace("audiences.yaml", "- code: doanh-nghiep\n",
            "- code: doanh-nghiep\n  applies_to: [khu-cong-nghiep]\n")(data)
    set_cells("areas.csv", "binh-son", {"attributes": "khu-cong-nghiep",
                                        "attributes_source": "dc_mau"})(data)
    (data / "meetings.csv").write_text(
        MEETINGS + "tx03,19/07/2024,,Chợ,khong-co,,,,,\n"
        "tx04,19/07/2024,,Chợ,an-binh,cong-nhan,,,,\n"
        "tx05,,,Chợ,an-binh,,,,k09,\n"
        "tx06,20/07/2024,,Chợ,an-binh,doanh-nghiep,,,,\n", encoding="utf-8")
    found = sorted((p.code, p.origin.row, p.origin.column)
                   for p in load_dataset(data).problems.items)
    assert found == [("HD112", 7, "date"), ("HD131", 5, "area"), ("HD132", 6, "audience"),
                     ("HD175", 8, "audience")], found


def test_schedule_links_each_meeting_to_its_briefing_and_the_header_says_when(tmp_path):
    from conftest import MINIMAL
    from hdnd_sphinx import sphinx_build, tiny_project

    project = tiny_project(tmp_path / "p", data=MINIMAL / "data", conf=CONF, index=INDEX)
    (project / "data" / "meetings.csv").write_text(MEETINGS, encoding="utf-8")
    build = sphinx_build(project, "html")
    assert build.warning_lines() == [], build.warnings
    soup = BeautifulSoup((build.outdir / "index.html").read_text("utf-8"), "html.parser")
    rows = soup.select("table.hdnd-meetings tbody tr")
    # this session's meetings only, by day and hour (8 giờ before 14 giờ)
    assert [" ".join(r.find_all("td")[0].get_text(" ").split()) for r in rows] == [
        "18/07/2024, 8 giờ 00", "18/07/2024, 14 giờ 00"]
    # who goes: the delegates by name as in running text, or the delegation
    assert [" ".join(r.find_all("td")[4].get_text(" ").split()) for r in rows] == [
        "Tổ đại biểu số 1", "Đại biểu A và Đại biểu B"]
    links = [r.select_one("a")["href"] for r in rows]
    assert links == ["tiep-xuc/cat-lam/index.html", "tiep-xuc/an-binh/nong-dan.html"]
    for href in links:
        assert (build.outdir / href).is_file()
    page = BeautifulSoup((build.outdir / links[1]).read_text("utf-8"), "html.parser")
    meeting = page.select_one(".hdnd-meeting")
    assert " ".join(meeting.get_text(" ").split()) == (
        "Cuộc tiếp xúc: 14 giờ 00 ngày 18/07/2024, tại Nhà văn hóa thôn 2. "
        "Đại biểu dự: Đại biểu A và Đại biểu B.")  # names as in running text, not "A; B"
    # a briefing with no meeting planned says nothing of one
    other = (build.outdir / "tiep-xuc/binh-son/nong-dan.html").read_text("utf-8")
    assert BeautifulSoup(other, "html.parser").select_one(".hdnd-meeting") is None
