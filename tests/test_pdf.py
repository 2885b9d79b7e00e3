"""PDF booklets: printed from the built example, read back with ``pdftotext``.

One ``hdnd build --pdf-scope outline`` of a copy of the example (the HTML, the outline booklet
through the Sphinx hook, the CLI's report), then a few briefings and an area printed directly
with :func:`sphinx_hdnd.pdf.build_booklets`. Skipped only when ``pdftotext`` is missing
(``nox -s tests`` installs poppler-utils when it can).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_hdnd.pdf import (
    HASHES,
    Booklet,
    Printer,
    ascii_name,
    booklet_of,
    build_booklets,
    in_scope,
    make_fetcher,
    stylesheet_links,
)

EXAMPLE = Path(__file__).parents[1] / "examples" / "dien-bien"
SESSION = "Kỳ họp thứ Mười lăm, HĐND tỉnh Điện Biên khóa XV"
#: text of the theme's and sphinx-hdnd's navigation: never on paper
NAVIGATION = ("Tìm kiếm", "Tìm Kiếm", "Skip to content", "Made with", "Furo", "Next", "Previous",
              "Đối tượng khác tại địa bàn", "Tải số liệu của đề cương", "Tải bản PDF",
              "Chọn đối tượng cử tri", "Chọn địa bàn", "On this page", "Mục lục")

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) is not installed")


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, whitespace collapsed."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(p.split()) for p in pages]


@dataclass
class Site:
    project: Path
    html: Path
    pdf: Path
    output: str


def copy_example(target: Path) -> Path:
    target.mkdir(parents=True)
    for item in EXAMPLE.iterdir():
        if item.name in ("_build", "tiep-xuc", "__pycache__"):
            continue
        if item.is_dir():
            shutil.copytree(item, target / item.name)
        else:
            shutil.copy2(item, target / item.name)
    return target


def hdnd_build(project: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-c", "from sphinx_hdnd.cli import main; main()",
                           "build", str(project),
                           "-j", "2", *args], capture_output=True, env=env, timeout=1200)
    output = proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")
    assert proc.returncode == 0, output
    return output


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    project = copy_example(tmp_path_factory.mktemp("pdf") / "dien-bien")
    output = hdnd_build(project, "--pdf-scope", "outline")
    return Site(project, project / "_build" / "html", project / "_build" / "pdf", output)


BRIEFINGS = [Booklet("muong-nhe--dan-toc-thieu-so", "tiep-xuc/muong-nhe/dan-toc-thieu-so.html",
                     "briefing"),
             Booklet("dien-bien-phu--doanh-nghiep", "tiep-xuc/dien-bien-phu/doanh-nghiep.html",
                     "briefing"),
             Booklet("muong-nhe", "tiep-xuc/muong-nhe/index.html", "area")]


@pytest.fixture(scope="session")
def printed(site: Site) -> dict[str, list[str]]:
    result = build_booklets(site.html, site.pdf, BRIEFINGS, jobs=2)
    assert not result.failed, result.failed
    assert sorted(p.name for p in result.built) == sorted(b.name for b in BRIEFINGS)
    return {b.name: pdf_pages(site.pdf / b.filename) for b in BRIEFINGS}


# ---------------------------------------------------------------- names and scope


def test_ascii_names() -> None:
    assert ascii_name("Mường Nhé") == "muong-nhe"
    assert ascii_name("Điện Biên Đông") == "dien-bien-dong"
    assert booklet_of("index") == ("de-cuong-toan-tinh", "outline")
    assert booklet_of("tiep-xuc/muong-nhe/index") == ("muong-nhe", "area")
    assert booklet_of("tiep-xuc/muong-nhe/dan-toc-thieu-so") == (
        "muong-nhe--dan-toc-thieu-so", "briefing")
    assert booklet_of("tiep-xuc/index") is None
    assert booklet_of("chi-tieu") is None
    assert [k for k in ("outline", "area", "briefing") if in_scope(k, "areas")] == [
        "outline", "area"]
    assert [k for k in ("outline", "area", "briefing") if in_scope(k, "outline")] == ["outline"]


def test_fetcher_never_leaves_the_html_folder(tmp_path: Path) -> None:
    root = tmp_path / "html"
    (root / "_static" / "styles").mkdir(parents=True)
    (root / "_static" / "hdnd.css").write_text("p { color: red }", encoding="utf-8")
    (root / "_static" / "styles" / "furo.css").write_text("p { color: blue }", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    fetcher = make_fetcher(root)
    for url in ("https://example.com/logo.png", "http://127.0.0.1:9/x.css",
                (tmp_path / "secret.txt").as_uri(), (root / ".." / "secret.txt").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url) if hasattr(fetcher, "fetch") else fetcher(url)
    assert len(fetcher.refused) == 4


def test_external_resources_are_refused_and_the_booklet_still_prints(tmp_path: Path) -> None:
    root = tmp_path / "html"
    root.mkdir()
    (root / "page.html").write_text(
        '<html lang="vi"><head><link rel="stylesheet" href="https://example.com/x.css">'
        '</head><body><h1>Mường Nhé</h1><img src="https://example.com/chart.png">'
        '<img src="file:///etc/hostname"></body></html>', encoding="utf-8")
    result = build_booklets(root, tmp_path / "pdf", [Booklet("trang", "page.html", "briefing")],
                            jobs=1)
    assert not result.failed
    refused = result.built[0].refused
    assert "https://example.com/x.css" in refused
    assert "https://example.com/chart.png" in refused
    assert "file:///etc/hostname" in refused
    assert (tmp_path / "pdf" / "trang.pdf").is_file()
    assert (root / "_pdf" / "trang.pdf").is_file()


def test_stylesheet_links_read_as_weasyprint_does() -> None:
    """The links whose stylesheets a Printer parses once and gives WeasyPrint itself."""
    head = ('<html><head><link rel="stylesheet" href="_static/hdnd.css?v=1">'
            '<link media="print" rel="stylesheet" type="text/css" href="_static/hdnd-print.css">'
            "<link rel='stylesheet' media='screen' href='_static/screen.css'>"
            '<link rel="alternate stylesheet" href="_static/alt.css">'
            '<link rel="icon" href="_static/icon.png">'
            '<link rel="stylesheet" media="screen, print" href="a.css?x=1&amp;y=2"></head>'
            '<body><link rel="stylesheet" href="body.css"></body></html>')
    assert [href for _, href in stylesheet_links(head)] == [
        "_static/hdnd.css?v=1", "_static/hdnd-print.css", "a.css?x=1&y=2"]


# ---------------------------------------------------------------- the outline, through hdnd build


def test_cli_reports_pdf_folder(site: Site) -> None:
    assert "Thư mục PDF" in site.output
    assert str(site.pdf.resolve()) in site.output
    assert "1 cuốn mới in" in site.output
    assert (site.pdf / "de-cuong-toan-tinh.pdf").is_file()
    assert (site.html / "_pdf" / "de-cuong-toan-tinh.pdf").is_file()
    # scope "outline": nothing else printed
    assert sorted(p.name for p in site.pdf.glob("*.pdf")) == ["de-cuong-toan-tinh.pdf"]


def test_outline_booklet(site: Site) -> None:
    pages = pdf_pages(site.pdf / "de-cuong-toan-tinh.pdf")
    n = len(pages)
    assert n >= 3
    for i, text in enumerate(pages, 1):
        assert SESSION in text, f"page {i}: no running head"
        assert "Đề cương chung toàn tỉnh" in text
        assert f"Trang {i}/{n}" in text
    whole = " ".join(pages)
    assert "Đề cương báo cáo kết quả kỳ họp thứ Mười lăm" in whole
    assert "8,75%" in whole
    assert "15.788,94 tỷ đồng" in whole
    for nav in NAVIGATION:
        assert nav not in whole, nav
    # the grid of briefings is navigation: its area links are not printed
    assert "Cử tri vùng đồng bào dân tộc thiểu số Nông dân, cử tri nông thôn" not in whole


def test_html_links_to_its_pdf(site: Site) -> None:
    page = site.html / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("p.hdnd-pdf-link a")
    assert link is not None and link.get_text() == "Tải bản PDF (A4)"
    assert link["href"] == "_pdf/de-cuong-toan-tinh.pdf"
    assert (page.parent / link["href"]).is_file()
    # out of scope ("outline"): a briefing page does not link to a PDF that is not there
    briefing = site.html / "tiep-xuc" / "muong-nhe" / "dan-toc-thieu-so.html"
    assert "hdnd-pdf-link" not in briefing.read_text(encoding="utf-8")


def test_every_page_has_print_styles_and_running_head(site: Site) -> None:
    text = (site.html / "tiep-xuc" / "muong-nhe" / "dan-toc-thieu-so.html").read_text(
        encoding="utf-8")
    assert 'href="../../_static/hdnd-print.css' in text and 'media="print"' in text
    assert "hdnd-print.js" in text
    assert '@top-right { content: "Huyện Mường Nhé · Cử tri vùng đồng bào dân tộc thiểu số" }' \
        in text
    assert f'@top-left {{ content: "{SESSION}" }}' in text


# ---------------------------------------------------------------- briefings and an area


def test_briefing_running_head_and_page_numbers(printed: dict[str, list[str]]) -> None:
    pages = printed["muong-nhe--dan-toc-thieu-so"]
    n = len(pages)
    assert 2 <= n <= 20
    for i, text in enumerate(pages, 1):
        assert SESSION in text, f"page {i}: no session in the running head"
        assert "Huyện Mường Nhé · Cử tri vùng đồng bào dân tộc thiểu số" in text, f"page {i}"
        assert f"Trang {i}/{n}" in text
    assert re.search(r"Trang 1/\d+", pages[0])


def test_briefing_content(printed: dict[str, list[str]]) -> None:
    pages = printed["muong-nhe--dan-toc-thieu-so"]
    first, whole = pages[0], " ".join(pages)
    assert "Huyện Mường Nhé - Cử tri vùng đồng bào dân tộc thiểu số" in first  # the title
    assert "Điểm cần nói" in first  # on page one
    assert "Tình hình tại huyện Mường Nhé" in whole
    assert "Cử tri có thể hỏi" in whole
    assert "Kết quả giải quyết kiến nghị của cử tri" in whole
    assert "Nguồn số liệu" in whole
    # the rest of the session is a pointer to the province đề cương, not a copy
    assert "ít liên quan hơn" not in whole
    assert "15.788,94 tỷ đồng" not in whole
    assert "kiến nghị chung của cử tri toàn tỉnh (văn bản chưa nêu kết quả trả lời)" in whole
    # the session's dates, corrected from the đề cương's misprint, say so (a clerk, 08/12)
    assert "(Đề cương ghi năm 2023, đã sửa thành 2024 theo nội dung kỳ họp.)" in whole
    # the office's notes never print
    assert "Lý do chọn" not in whole and "trọng số" not in whole
    for nav in NAVIGATION:
        assert nav not in whole, nav


def test_no_link_to_the_build_folder(site: Site, printed: dict[str, list[str]]) -> None:
    """Links to other pages of the site would be file:// URIs of this machine: not printed."""
    for name in ("de-cuong-toan-tinh", "muong-nhe--dan-toc-thieu-so", "muong-nhe"):
        data = (site.pdf / f"{name}.pdf").read_bytes()
        assert b"file:" not in data, name
        assert str(site.project).encode() not in data, name


def test_other_booklets(printed: dict[str, list[str]]) -> None:
    business = printed["dien-bien-phu--doanh-nghiep"]
    assert "Thành phố Điện Biên Phủ · Doanh nghiệp, hợp tác xã và hộ kinh doanh" in business[0]
    assert "Điểm cần nói" in business[0]
    area = printed["muong-nhe"]
    assert "Huyện Mường Nhé" in area[0]
    assert f"Trang 1/{len(area)}" in area[0]
    assert "Chỉ tiêu của địa bàn" in " ".join(area)
    for nav in NAVIGATION:
        assert nav not in " ".join(area), nav


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="pdfimages is not installed")
def test_charts_stay_vector(site: Site, printed: dict[str, list[str]]) -> None:
    """The area chart is an SVG: printed as paths, not as a picture."""
    assert "Số liệu trên biểu đồ" in " ".join(printed["muong-nhe"])
    out = subprocess.run(["pdfimages", "-list", str(site.pdf / "muong-nhe.pdf")],
                         check=True, capture_output=True, text=True).stdout
    assert len(out.strip().splitlines()) == 2, out  # the header lines only: no raster image


def test_unchanged_booklets_are_not_printed_again(site: Site, printed: dict[str, list[str]]
                                                 ) -> None:
    again = build_booklets(site.html, site.pdf, BRIEFINGS, jobs=2)
    assert again.built == []
    assert sorted(again.skipped) == sorted(b.name for b in BRIEFINGS)
    hashes = json.loads((site.pdf / HASHES).read_text(encoding="utf-8"))["booklets"]
    assert "_static/hdnd-print.css" in hashes["muong-nhe--dan-toc-thieu-so"]["resources"]
    # a changed page is printed again, alone
    page = site.html / BRIEFINGS[2].page
    page.write_text(page.read_text(encoding="utf-8") + "<!-- changed -->", encoding="utf-8")
    third = build_booklets(site.html, site.pdf, BRIEFINGS, jobs=2)
    assert [p.name for p in third.built] == ["muong-nhe"]
    assert len(third.skipped) == 2


def test_second_hdnd_build_prints_nothing(site: Site) -> None:
    output = hdnd_build(site.project, "--pdf-scope", "outline")
    assert "0 cuốn mới in" in output
    assert "1 cuốn không đổi" in output


def test_long_table_repeats_its_header_and_keeps_rows_whole(tmp_path: Path) -> None:
    """A table over several pages: the header on every page, no row cut in two."""
    from sphinx_hdnd.sphinxext.extension import STATIC

    root = tmp_path / "html"
    (root / "_static").mkdir(parents=True)
    shutil.copy2(STATIC / "hdnd-print.css", root / "_static" / "hdnd-print.css")
    rows = "".join(f"<tr><td><p>Chỉ tiêu số {i}</p></td><td><p>dòng một<br>dòng hai<br>"
                   f"dòng ba của hàng {i}</p></td></tr>" for i in range(1, 121))
    (root / "page.html").write_text(
        '<html lang="vi"><head><link rel="stylesheet" media="print" '
        'href="_static/hdnd-print.css"></head><body><article role="main"><h1>Bảng dài</h1>'
        '<table class="hdnd-table"><thead><tr><th>Tên chỉ tiêu</th><th>Giá trị</th></tr>'
        f"</thead><tbody>{rows}</tbody></table></article></body></html>", encoding="utf-8")
    result = build_booklets(root, tmp_path / "pdf", [Booklet("bang", "page.html", "briefing")],
                            jobs=1)
    assert not result.failed
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pages = pdf_pages(tmp_path / "pdf" / "bang.pdf")
    assert len(pages) >= 3
    for i, text in enumerate(pages, 1):
        assert "Tên chỉ tiêu Giá trị" in text, f"page {i}: header not repeated"
        assert f"Trang {i}/{len(pages)}" in text
        # every row on the page is whole: its three lines are together
        for n in re.findall(r"Chỉ tiêu số (\d+)", text):
            assert f"dòng một dòng hai dòng ba của hàng {n}" in text, f"row {n} split"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts is not installed")
def test_text_face_is_not_liberation(site: Site) -> None:
    """No word set in two fonts: Debian's Liberation 1.x (what fontconfig gives for "Times New
    Roman" and "Arial") lacks ơ, ư, ạ, ế …, which a fallback face would then fill in. (Symbols
    such as ▲ may still come from DejaVu.)"""
    out = subprocess.run(["pdffonts", str(site.pdf / "de-cuong-toan-tinh.pdf")], check=True,
                         capture_output=True, text=True).stdout
    names = [line.split()[0].split("+", 1)[-1] for line in out.splitlines()[2:] if line.strip()]
    assert names
    assert not [n for n in names if n.startswith("Liberation")], names


def test_images_are_kept_between_booklets_until_their_file_changes(tmp_path: Path) -> None:
    """One process prints many booklets and keeps the images it read (an area's chart is in each
    of the area's briefings), but never an image whose file has changed since; each booklet
    still lists the image among the files it used, for its digest."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    root = tmp_path / "html"
    (root / "_images").mkdir(parents=True)
    svg = root / "_images" / "chart.svg"

    def draw(word: str) -> None:
        svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60">'
                       f'<text x="5" y="40" font-size="24">{word}</text></svg>', encoding="utf-8")

    for name in ("a", "b"):
        (root / f"{name}.html").write_text(
            f'<html lang="vi"><body><h1>Trang {name}</h1><img src="_images/chart.svg">'
            "</body></html>", encoding="utf-8")
    printer = Printer()
    draw("Alpha")
    uri = svg.resolve().as_uri()
    first = printer.render(str(root), "a.html", str(tmp_path / "a.pdf"), "a")
    image = dict.get(printer.images, uri)
    second = printer.render(str(root), "b.html", str(tmp_path / "b.pdf"), "b")
    assert image is not None and dict.get(printer.images, uri) is image  # read once
    assert first.resources == second.resources == ["_images/chart.svg"]
    assert list(printer.images.versions) == [uri]
    draw("Omega")
    third = printer.render(str(root), "b.html", str(tmp_path / "c.pdf"), "c")
    assert third.resources == ["_images/chart.svg"]
    assert dict.get(printer.images, uri) is not image
    assert "Alpha" in " ".join(pdf_pages(tmp_path / "b.pdf"))
    assert "Omega" in " ".join(pdf_pages(tmp_path / "c.pdf"))


def pdf_layout(path: Path) -> str:
    """The text as pdftotext lays it out: one line of text per printed line."""
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
                          check=True, capture_output=True).stdout.decode("utf-8")


def pdf_first_lines(path: Path) -> list[str]:
    """The first line of each page under its running header (pdftotext's layout)."""
    firsts = []
    for page in pdf_layout(path).split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if len(lines) > 1:
            firsts.append(lines[1])
    return firsts


#: a page that begins inside a petition: its text, track, history or answer torn from
#: the head that names its status and session
PETITION_TORN = re.compile(r"(Kiến nghị:|Ý kiến:|Trả lời( lần trước)? \(|Chuyển |Có văn bản |"
                           r"Cử tri kiến nghị từ|• Kỳ họp)")
#: a line that ends inside a session's name
SESSION_BROKEN = re.compile(r"kỳ họp(\s+thứ(\s+Mười)?)?\s*$")
#: a page that ends on the petitions' heading, or on the date their statuses hold on
PETITIONS_HEAD_ALONE = re.compile(
    r"(Kết quả giải quyết kiến nghị của cử tri|Tình trạng tính đến ngày \d\d/\d\d/\d{4}\.)$")


def test_every_briefing_fits_two_or_three_pages(site: Site) -> None:
    """Issue 14: every briefing booklet of the example is at most 4 A4 pages, median 3 at
    most, and none prints the office's notes; no page ends on the petitions' heading, and
    none begins inside a petition."""
    briefings = [Booklet(f"{p.parent.name}--{p.stem}", p.relative_to(site.html).as_posix(),
                         "briefing")
                 for p in sorted((site.html / "tiep-xuc").glob("*/*.html"))
                 if p.stem != "index"]
    assert len(briefings) >= 60
    result = build_booklets(site.html, site.pdf / "all", briefings, jobs=2)
    assert not result.failed, result.failed
    counts = {}
    for b in briefings:
        pages = pdf_pages(site.pdf / "all" / b.filename)
        counts[b.name] = len(pages)
        whole = " ".join(pages)
        assert "Lý do chọn" not in whole and "trọng số" not in whole, b.name
        # the petitions' heading and its date go over with the first petition (14 booklets
        # of the example ended page 1 on them alone)
        for number, page in enumerate(pages[:-1], 1):
            body = re.sub(r"\s*Trang \d+/\d+$", "", page)
            assert not PETITIONS_HEAD_ALONE.search(body), (b.name, number)
        # a petition is read whole, its answer with it (a clerk found "Kiến nghị" at the
        # foot of page 1 and its "Trả lời" atop page 2)
        for number, first in enumerate(pdf_first_lines(site.pdf / "all" / b.filename)[1:], 2):
            assert not PETITION_TORN.match(first), (b.name, number, first)
        # a session's name is never broken over two lines ("gửi tới kỳ họp thứ Mười / lăm")
        broken = [line for line in pdf_layout(site.pdf / "all" / b.filename).splitlines()
                  if SESSION_BROKEN.search(line)]
        assert not broken, (b.name, broken)
    assert max(counts.values()) <= 4, {k: v for k, v in counts.items() if v > 4}
    assert statistics.median(counts.values()) <= 3, counts
