"""hdnd extract: the figure rules on sentences, bad input, the project comparison, --merge."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sphinx_hdnd.extract import extract_report
from sphinx_hdnd.extract.figures import figures_of
from sphinx_hdnd.model import load_dataset

EXAMPLE = Path(__file__).parents[1] / "examples" / "dien-bien"


def _one(sentence: str):  # type: ignore[no-untyped-def]
    found = figures_of(sentence)
    assert len(found) == 1, found
    return found[0]


def test_growth_is_signed_and_plan_is_read_both_ways() -> None:
    fig = _one(
        "Kim ngạch nhập khẩu năm 2023 ước đạt 25 triệu USD, giảm 29,06% so với năm 2022, đạt 62,5% kế hoạch."
    )
    assert (str(fig.value), fig.unit, str(fig.growth), str(fig.plan_pct)) == (
        "25",
        "triệu USD",
        "-29.06",
        "62.5",
    )
    fig = _one(
        "Dự ước tổng mức bán lẻ đạt 21.925,28 tỷ đồng, tăng 28,93% so với cùng kỳ và vượt 4,41% kế hoạch năm."
    )
    assert (str(fig.value), str(fig.growth), str(fig.plan_pct)) == ("21925.28", "28.93", "104.41")


def test_change_times_same_period_share_and_fraction() -> None:
    fig = _one(
        "Cây ngô: Diện tích gieo trồng ước đạt 24.423,44 ha, giảm 1.179,92 ha so với năm "
        "2022, đạt 96,06% kế hoạch."
    )
    assert (str(fig.change), fig.subject) == ("-1179.92", "Cây ngô")
    assert str(_one("Lượng khách ước đạt 500 nghìn lượt, tăng gấp 2,18 lần cùng kỳ.").ratio) == "2.18"
    fig = _one("Sản xuất điện chỉ đạt 78,02% so với kế hoạch, bằng 78,22% cùng kỳ năm trước.")
    assert (fig.value, str(fig.plan_pct), str(fig.growth)) == (None, "78.02", "-21.78")
    fig = _one("Vốn khu vực nhà nước 8.489,12 tỷ đồng, chiếm 46,31%, tăng 8,65% so với cùng kỳ.")
    assert fig.notes == ["chiếm 46,31%"] and str(fig.growth) == "8.65"
    fig = _one("Đã có 08/10 đơn vị cấp huyện thực hiện.")
    assert (str(fig.value), fig.unit, fig.notes) == ("8", "đơn vị", ["trên tổng số 10"])
    fig = _one("Tỷ lệ che phủ rừng ước đạt 44%, tăng 0,5% so với cùng kỳ năm trước.")
    assert (fig.unit, str(fig.change), fig.growth) == ("%", "0.5", None)  # points, not growth


def test_years_dates_and_names_are_not_figures() -> None:
    text = (
        "Theo Quyết định số 05/GP-UBND ngày 01/02/2016, giai đoạn 2021 - 2025, quy hoạch tỷ "
        "lệ 1/500, thủy điện Mường Luân 2, đến 31/12/2023."
    )
    assert figures_of(text) == []


def test_period_from_the_sentence_and_area_from_the_project(tmp_path: Path) -> None:
    report = tmp_path / "bao-cao.md"
    report.write_text(
        "# BÁO CÁO TÌNH HÌNH NĂM 2023\n\n"
        "## 1. Nông nghiệp\n\n"
        "Sản lượng lúa 6 tháng đầu năm 2024 ước đạt 60.984,15 tấn, đạt 104,24% kế hoạch.\n\n"
        "Tình hình di cư tự do<sup>1</sup> trong năm giảm.\n\n"
        "<sup>1</sup> Tình hình di cư tự do: huyện Mường Chà 01 hộ, 04 nhân khẩu; huyện Nậm Pồ "
        "01 hộ, 07 nhân khẩu.\n",
        encoding="utf-8",
    )
    rows = extract_report(report, load_dataset(EXAMPLE / "data"))
    assert rows[0]["period"] == "6 tháng đầu năm 2024" and rows[0]["source_section"] == "1"
    per_district = [(r["area"], r["value"], r["unit"], r["period"]) for r in rows[1:]]
    assert per_district == [
        ("muong-cha", "1", "hộ", "Năm 2023"),
        ("muong-cha", "4", "nhân khẩu", "Năm 2023"),
        ("nam-po", "1", "hộ", "Năm 2023"),
        ("nam-po", "7", "nhân khẩu", "Năm 2023"),
    ]
    assert {r["source_section"] for r in rows[1:]} == {"1, chú thích 1"}
    assert all(r["name"] == "Tình hình di cư tự do" for r in rows[1:])


def _bad(tmp_path: Path, name: str, content: bytes | None = None, size: int = 0) -> Path:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    else:
        with path.open("wb") as f:
            f.truncate(size)
    return path


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("rong.txt", lambda p: _bad(p, "rong.txt", b""), "rỗng"),
        ("lon.txt", lambda p: _bad(p, "lon.txt", size=50 * 1024 * 1024), "quá giới hạn"),
        ("gia.docx", lambda p: _bad(p, "gia.docx", bytes(range(256)) * 100), "không phải tệp Word"),
        (
            "khong-so.md",
            lambda p: _bad(
                p, "khong-so.md", "# Báo cáo\n\nCông tác được quan tâm chỉ đạo thường xuyên.\n".encode()
            ),
            "không tìm thấy số liệu",
        ),
    ],
)
def test_bad_input_gets_one_clear_line(tmp_path: Path, hdnd, name, make, expected) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = hdnd("extract", str(path), "--out", str(tmp_path / "out.xlsx"))
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output
    assert expected in result.output and name in result.output
    assert not (tmp_path / "out.xlsx").exists()


def test_scanned_pdf_is_named(tmp_path: Path, hdnd) -> None:  # type: ignore[no-untyped-def]
    from weasyprint import HTML

    scan = tmp_path / "ban-chup.pdf"  # a page with a picture and no text, as a scanner makes
    HTML(string="<div style='width:15cm;height:20cm;background:#777'></div>").write_pdf(str(scan))
    result = hdnd("extract", str(scan), "--out", str(tmp_path / "out.xlsx"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "ban-chup.pdf" in result.output and "không có lớp chữ" in result.output


def test_compare_and_merge_never_overwrite(tmp_path: Path, hdnd) -> None:  # type: ignore[no-untyped-def]
    from sphinx_hdnd.extract.table import read_table, write_table

    project = tmp_path / "dien-bien"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("_build", "tiep-xuc"))
    report = tmp_path / "bc.md"
    report.write_text(
        "# Phần thứ nhất\n\n## TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2023\n\n### A. TÌNH HÌNH\n\n"
        "### I. Về kinh tế\n\n"
        "Kim ngạch nhập khẩu năm 2023 ước đạt 25 triệu USD, giảm 29,06% so với năm 2022, đạt "
        "62,5% kế hoạch. Tổng vốn đầu tư toàn xã hội năm 2023 đạt 18.330 tỷ đồng, tăng 14,63% "
        "so với cùng kỳ. Số ngày lưu trú bình quân của khách du lịch ước đạt 2,6 ngày.\n",
        encoding="utf-8",
    )
    out = tmp_path / "de-xuat.csv"
    result = hdnd("extract", str(report), "--project", str(project), "--out", str(out))
    assert result.exit_code == 0, result.output
    # the report's name as it is, the seconds the Vietnamese way ("0,3 giây")
    assert re.search(rf"từ {re.escape(report.name)} \(.*\) trong \d+(,\d)? giây: ", result.output), \
        result.output
    rows = read_table(out)
    assert [r["compare"] for r in rows] == ["đã có, khớp", "đã có, khác", "mới"]
    assert rows[1]["existing"] == "von_dau_tu_2023" and "14,36" in rows[1]["differences"]
    for row in rows:
        row.update(accept="x", topic=row["topic"] or "thuong-mai-du-lich", source="bc_ubnd_2023")
    write_table(out, rows, list(rows[0]))
    table = project / "data" / "indicators.csv"
    before = table.read_text(encoding="utf-8")
    dry = hdnd("extract", "--merge", str(out), str(project))
    assert dry.exit_code == 0 and "1 dòng sẽ thêm, 2 dòng bỏ qua" in dry.output
    assert table.read_text(encoding="utf-8") == before  # a dry run writes nothing
    done = hdnd("extract", "--merge", str(out), str(project), "--write")
    assert done.exit_code == 0, done.output
    after = table.read_text(encoding="utf-8")
    assert after.startswith(before) and len(after.splitlines()) == len(before.splitlines()) + 1
    assert [b.read_text(encoding="utf-8") for b in table.parent.glob("indicators.csv.*.bak")] == [before]
    ds = load_dataset(project / "data")
    added = ds.indicators[rows[2]["code"]]
    assert (added.source, added.source_section, str(added.value)) == (
        "bc_ubnd_2023",
        "Phần thứ nhất, A.I",
        "2.6",
    )
    assert not ds.problems.errors
    again = hdnd("extract", "--merge", str(out), str(project), "--write")
    assert "0 dòng sẽ thêm" in again.output and table.read_text(encoding="utf-8") == after
