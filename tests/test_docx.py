"""Word booklets: the example built once with ``hdnd_docx = True``, every .docx opened with
python-docx and compared with the HTML page it comes from.

The example's HTML is built once for the module (with the 77 Word files); two more builds of
one area in two folders at the same depth check that the bytes do not change.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from hdnd_sphinx import TINY_INDEX, sphinx_build, tiny_project

from sphinx_hdnd.docx.format import DEFAULTS, check_values, document_date, docx_format
from sphinx_hdnd.docx.ooxml import normalize_zip
from sphinx_hdnd.docx.styles import C_ILLUSTRATIVE
from sphinx_hdnd.docx.writer import DocxWriter
from sphinx_hdnd.pdf import booklet_of

EXAMPLE = Path(__file__).parents[1] / "examples" / "dien-bien"
MINIMAL = Path(__file__).parent / "data" / "minimal"
#: what is never on paper (hdnd-print.css), so never in the Word file either
HIDDEN = (".hdnd-staff, .hdnd-staff-toggle, .hdnd-nav, .hdnd-audience-links, .hdnd-grid, "
          ".hdnd-tag, .hdnd-tag-chosen, .toctree-wrapper, .hdnd-pdf-link, .hdnd-docx-link, "
          ".headerlink")
ISSUER = ("HĐND TỈNH ĐIỆN BIÊN", "THƯỜNG TRỰC")
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PLACE_DATE = "Điện Biên, ngày 11 tháng 7 năm 2024"


def copy_example(target: Path) -> Path:
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("_build", "tiep-xuc",
                                                                   "__pycache__"))
    return target


def squash(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Site:
    project: Path
    html: Path
    docx: Path
    warnings: str


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    project = copy_example(tmp_path_factory.mktemp("docx") / "dien-bien")
    build = sphinx_build(project, "html", parallel=2, confoverrides={"hdnd_docx": True})
    assert build.statuscode == 0, build.warnings
    return Site(project, build.outdir, build.outdir.parent / "docx", build.warnings)


@pytest.fixture(scope="module")
def booklets(site: Site) -> dict[str, tuple[Path, Path]]:
    """Every booklet: name -> (its .docx, its HTML page)."""
    out = {}
    pages = sorted(site.html.rglob("*.html"))
    # the office's summary is a booklet of its own (its directive marks the page)
    reports = {p.relative_to(site.html).with_suffix("").as_posix() for p in pages
               if "hdnd-summary-lead" in p.read_text(encoding="utf-8")}
    for page in pages:
        docname = page.relative_to(site.html).with_suffix("").as_posix()
        found = booklet_of(docname, reports)
        if found is not None:
            out[found[0]] = (site.docx / f"{found[0]}.docx", page)
    return out


def body_text(document: Document) -> str:
    """Every paragraph's text, tables included, whitespace collapsed."""
    paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t")))
                  for p in document.element.body.iter(qn("w:p"))]
    return squash(" ".join(paragraphs))


def printed_html(page: Path) -> BeautifulSoup:
    """The page's main content less what is never printed."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one('[role="main"]') or soup
    for section in main.select("section"):
        if section.find(class_="hdnd-grid", recursive=False) and not section.find(
                "section", recursive=False):
            section.decompose()
    for node in main.select(HIDDEN):
        node.decompose()
    return main


# ---------------------------------------------------------------- pure parts


def test_document_date_as_the_format_writes_it() -> None:
    import datetime as dt

    assert document_date(dt.date(2024, 7, 11)) == "ngày 11 tháng 7 năm 2024"
    assert document_date(dt.date(2025, 2, 5)) == "ngày 05 tháng 02 năm 2025"
    assert document_date(dt.date(2025, 12, 1)) == "ngày 01 tháng 12 năm 2025"


def test_bad_settings_are_reported_and_replaced() -> None:
    said: list[tuple[str, str]] = []
    values = check_values({"hdnd_docx_font_size": 40, "hdnd_docx_margins": {"top": 2, "left": 30},
                           "hdnd_docx_issuer": ["UBND TỈNH", 3], "hdnd_docx_font": "  ",
                           "hdnd_docx_line_spacing": "1,5", "hdnd_docx_date": "31/02/2024"},
                          lambda name, message: said.append((name, message)))
    names = [n for n, _ in said]
    assert names == ["hdnd_docx_font", "hdnd_docx_issuer", "hdnd_docx_font_size",
                     "hdnd_docx_margins", "hdnd_docx_date"]
    assert "cần từ 8 đến 20 pt" in said[2][1]
    assert "lề top" in said[3][1]
    assert values["hdnd_docx_font_size"] == DEFAULTS["hdnd_docx_font_size"]
    assert values["hdnd_docx_margins"] == DEFAULTS["hdnd_docx_margins"]
    assert values["hdnd_docx_line_spacing"] == 1.5  # a Vietnamese decimal comma is read
    fmt = docx_format(values)
    assert fmt.issuer == ("HĐND TỈNH", "THƯỜNG TRỰC")  # no data: still a header block


def test_settings_in_conf_py_are_checked_with_their_line(tmp_path: Path) -> None:
    conf = ("extensions = ['sphinx_hdnd']\nexclude_patterns = ['_build', 'data']\n"
            "hdnd_briefings = False\nhdnd_docx = True\n"
            "hdnd_docx_font_size = 'to'\nhdnd_docx_margins = {'trai': 30}\n")
    project = tiny_project(tmp_path / "p", MINIMAL / "data", conf=conf)
    build = sphinx_build(project, "html")
    lines = build.warning_lines()
    size = [line for line in lines if "hdnd_docx_font_size" in line]
    margins = [line for line in lines if "hdnd_docx_margins" in line]
    assert size and "conf.py:5" in size[0] and "cần một số" in size[0], lines
    assert margins and "conf.py:6" in margins[0] and "“trai”" in margins[0], lines
    assert (build.outdir.parent / "docx" / "de-cuong-toan-tinh.docx").is_file()


def test_data_text_stays_text() -> None:
    """Markup, control characters and XML in a data string are printed as characters."""
    from docutils import nodes
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    doc = new_document("t", get_default_settings(Parser))
    sec = nodes.section(ids=["t"])
    sec += nodes.title("", "Tiêu đề")
    sec += nodes.paragraph("", "<script>alert(1)</script> **đậm** {{ x }} \\textbf{y} \x0b&amp;")
    links = nodes.paragraph()
    links += nodes.reference("", "trang của Sở", refuri="https://example.org/a?b=1&c=2")
    links += nodes.reference("", "javascript:alert(1)", refuri="javascript:alert(1)")
    sec += links
    doc += sec
    data = DocxWriter(docx_format(DEFAULTS)).write(doc)
    import io

    document = Document(io.BytesIO(data))
    text = body_text(document)
    assert "<script>alert(1)</script> **đậm** {{ x }} \\textbf{y} &amp;" in text
    assert "trang của Sở" in text and "javascript:alert(1)" in text
    targets = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert targets == ["https://example.org/a?b=1&c=2"]  # only a web address is a link


# ---------------------------------------------------------------- the example's booklets


def test_every_booklet_has_a_word_file_in_the_site(site: Site,
                                                   booklets: dict[str, tuple[Path, Path]]
                                                   ) -> None:
    assert len(booklets) == 77  # 65 briefings, 10 areas, the outline, the summary report
    assert "tong-hop-kien-nghi" in booklets
    for name, (docx, page) in booklets.items():
        assert docx.is_file(), name
        copy = site.html / "_docx" / docx.name
        assert copy.read_bytes() == docx.read_bytes(), name
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("p.hdnd-docx-link a, p.hdnd-pdf-link a.hdnd-docx")
        assert link is not None and link.get_text() == "Tải bản Word", name
        assert (page.parent / link["href"]).resolve() == copy.resolve(), name
    assert "[hdnd" not in site.warnings, site.warnings


def test_page_and_body_style_in_the_national_format(booklets: dict[str, tuple[Path, Path]]
                                                    ) -> None:
    for name, (docx, _page) in booklets.items():
        document = Document(str(docx))
        section = document.sections[0]
        assert len(document.sections) == 1, name
        assert abs(section.page_width - Mm(210)) < Mm(0.5), name
        assert abs(section.page_height - Mm(297)) < Mm(0.5), name
        for side, mm in (("top", 20), ("bottom", 20), ("left", 30), ("right", 15)):
            assert abs(getattr(section, f"{side}_margin") - Mm(mm)) < Mm(0.2), (name, side)
        normal = document.styles["Normal"]
        assert normal.font.name == "Times New Roman", name
        assert normal.font.size == Pt(14), name
        pf = normal.paragraph_format
        assert pf.first_line_indent is not None and abs(pf.first_line_indent - Mm(10)) < Mm(0.2)
        assert pf.space_after == Pt(6) and pf.line_spacing == pytest.approx(1.15)
        assert str(pf.alignment) .startswith("JUSTIFY"), name


def test_header_block_and_page_numbers(booklets: dict[str, tuple[Path, Path]]) -> None:
    for name, (docx, _page) in booklets.items():
        document = Document(str(docx))
        block = document.tables[0]
        left = [p.text for p in block.rows[0].cells[0].paragraphs if p.text]
        right = [p.text for p in block.rows[0].cells[1].paragraphs if p.text]
        assert left == list(ISSUER), name
        assert right == list(MOTTO), name
        assert block.rows[1].cells[1].paragraphs[0].text == PLACE_DATE, name
        motto = block.rows[0].cells[1].paragraphs[-1].style
        assert motto.font.bold and motto.font.underline, name
        assert block.rows[1].cells[1].paragraphs[0].style.font.italic, name
        assert document.styles[block.rows[0].cells[0].paragraphs[1].style.name].font.bold
        # the page number, centred in the header, not on the first page
        section = document.sections[0]
        assert section.different_first_page_header_footer, name
        header = section.header._element
        codes = [t.text.strip() for t in header.iter(qn("w:instrText"))]
        assert codes == ["PAGE"], name
        assert str(section.header.paragraphs[0].style.paragraph_format.alignment).startswith(
            "CENTER")
        assert not list(section.first_page_header._element.iter(qn("w:instrText"))), name
        # the body starts with the block, then the page's title
        first = next(p for p in document.paragraphs if p.text)
        assert first.style.name == "Title", name


def test_headings_are_heading_styles(booklets: dict[str, tuple[Path, Path]]) -> None:
    for name, (docx, page) in booklets.items():
        document = Document(str(docx))
        headings = [squash(p.text) for p in document.paragraphs
                    if p.style.name.startswith("Heading ")]
        html = printed_html(page)
        wanted = [squash(h.get_text()) for h in html.select("h2, h3, h4, h5, p.rubric")]
        assert wanted and headings == wanted, name
        levels = {p.style.name for p in document.paragraphs if p.style.name.startswith("Head")}
        assert "Heading 1" in levels, name
        title = [p.text for p in document.paragraphs if p.style.name == "Title"]
        assert title == [squash(html.select_one("h1").get_text())], name


def test_tables_repeat_their_header_row(booklets: dict[str, tuple[Path, Path]]) -> None:
    seen = 0
    for name, (docx, page) in booklets.items():
        document = Document(str(docx))
        html = printed_html(page)
        tables = [t for t in document.tables[1:] if t.style is not None
                  and t.style.name == "Table Grid" and t.rows[0].cells[0].paragraphs[0].style.name
                  == "Tiêu đề cột"]
        assert len(tables) == len(html.select("table.hdnd-table")), name
        for table in tables:
            seen += 1
            first = table.rows[0]._tr
            assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
            for row in table.rows:
                assert row._tr.trPr.find(qn("w:cantSplit")) is not None, name
            assert [squash(c.text) for c in table.rows[0].cells] == [
                squash(th.get_text()) for th in html.select("table.hdnd-table")[
                    tables.index(table)].select("thead th")], name
    assert seen >= 30  # the example's booklets with a table of local figures (39)


def test_every_figure_on_the_page_is_in_the_document(booklets: dict[str, tuple[Path, Path]]
                                                     ) -> None:
    counted = 0
    for name, (docx, page) in booklets.items():
        text = body_text(Document(str(docx)))
        html = printed_html(page)
        for figure in html.select(".hdnd-figure"):
            counted += 1
            assert squash(figure.get_text()) in text, (name, figure.get_text())
        for status in html.select("[class*=hdnd-status-]"):
            # bracketed, so that a label does not run into the sentence after it
            assert f"[{squash(status.get_text())}]" in text, (name, status.get_text())
        for cite in html.select("a.hdnd-cite"):
            assert squash(cite.get_text()) in text, name
        assert "Lý do chọn" not in text and "trọng số" not in text, name
        assert "Đối tượng khác tại địa bàn" not in text and "Tải số liệu" not in text, name
    assert counted > 500


def test_illustrative_marks_are_kept(booklets: dict[str, tuple[Path, Path]]) -> None:
    marked = 0
    for name, (docx, page) in booklets.items():
        document = Document(str(docx))
        runs = [r for r in document.element.body.iter(qn("w:r"))
                if (r.rPr is not None and r.rPr.rStyle is not None
                    and document.styles.element.get_by_id(r.rPr.rStyle.val).name_val
                    == C_ILLUSTRATIVE)]
        badges = printed_html(page).select(".hdnd-illustrative-badge")
        assert len(runs) == len(badges), name
        assert all("minh họa" in "".join(t.text for t in r.iter(qn("w:t"))) for r in runs)
        marked += len(runs)
    assert marked > 100


def test_charts_are_pictures_with_their_description(booklets: dict[str, tuple[Path, Path]]
                                                    ) -> None:
    name = "muong-nhe"
    docx, page = booklets[name]
    document = Document(str(docx))
    images = printed_html(page).select("img.hdnd-chart-image")
    shapes = document.inline_shapes
    assert images and len(shapes) == len(images)
    for shape, img in zip(shapes, images, strict=True):
        assert shape._inline.docPr.get("descr") == squash(img["alt"])
        assert shape.width <= Mm(165) and shape.height <= Mm(171)
    with zipfile.ZipFile(docx) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        assert media and all(n.endswith(".png") for n in media)
        from io import BytesIO

        from PIL import Image

        with Image.open(BytesIO(package.read(media[0]))) as picture:
            # print resolution: about 300 dots per inch at the size it is printed
            assert picture.width / (shapes[0].width / 914400) >= 250
    caption = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert caption


def test_lists_are_numbered_lists(booklets: dict[str, tuple[Path, Path]]) -> None:
    document = Document(str(booklets["muong-nhe--dan-toc-thieu-so"][0]))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert len(numbered) >= 6
    ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(ids) >= 2  # the talking points and the questions: each list starts at 1
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets
    sources = [p for p in document.paragraphs if p.style.name == "Nguồn số liệu"]
    assert len(sources) == 3 and all(p._p.pPr.numPr is not None for p in sources)


def test_document_properties_are_fixed(booklets: dict[str, tuple[Path, Path]]) -> None:
    import datetime as dt

    docx, _page = booklets["de-cuong-toan-tinh"]
    props = Document(str(docx)).core_properties
    assert props.created == props.modified == dt.datetime(2024, 7, 11, tzinfo=dt.UTC)
    assert props.revision == 1
    assert props.author == props.last_modified_by == "Thường trực HĐND tỉnh Điện Biên"
    assert props.title.startswith("Đề cương báo cáo kết quả kỳ họp thứ Mười lăm")
    with zipfile.ZipFile(docx) as package:
        infos = package.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in package.namelist()


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    """One area (its briefings, its overview, the outline) built in two folders."""
    found = []
    for run in ("r1", "r2"):
        project = copy_example(tmp_path / run / "dien-bien")
        build = sphinx_build(project, "html", confoverrides={"hdnd_docx": True,
                                                             "hdnd_areas": ["muong-nhe"]})
        assert build.statuscode == 0, build.warnings
        found.append({p.name: p.read_bytes()
                      for p in sorted((build.outdir.parent / "docx").glob("*.docx"))})
    assert len(found[0]) >= 7
    assert found[0].keys() == found[1].keys()
    assert [n for n in found[0] if found[0][n] != found[1][n]] == []
    # and normalising again changes nothing
    one = next(iter(found[0].values()))
    assert normalize_zip(one) == one


def test_unchanged_files_are_not_rewritten(site: Site) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in site.docx.glob("*.docx")}
    build = sphinx_build(site.project, "html", confoverrides={"hdnd_docx": True},
                         freshenv=False)
    assert build.statuscode == 0, build.warnings
    after = {p.name: p.stat().st_mtime_ns for p in site.docx.glob("*.docx")}
    assert after == before
    assert "giữ 77 tệp không đổi" in build.status


def test_minimal_project_through_hdnd_build(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    project = tiny_project(tmp_path / "p", MINIMAL / "data", index=TINY_INDEX)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-c", "from sphinx_hdnd.cli import main; main()",
                           "build", str(project), "--no-pdf"], capture_output=True, env=env,
                          timeout=600)
    output = proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")
    assert proc.returncode == 0, output
    folder = (project / "_build" / "docx").resolve()
    assert re.search(r"Bản Word: 1 tệp \(1 tệp mới ghi, 0 tệp không đổi\), \d+,\d giây\. "
                     rf"Thư mục Word: {re.escape(str(folder))}", output), output
    assert (folder / "de-cuong-toan-tinh.docx").is_file()
    again = subprocess.run([sys.executable, "-c", "from sphinx_hdnd.cli import main; main()",
                            "build", str(project), "--no-pdf", "--no-docx"],
                           capture_output=True, env=env, timeout=600)
    assert again.returncode == 0
    assert "Bản Word" not in again.stdout.decode("utf-8")


def test_a_page_that_did_not_change_keeps_its_word_file_unresolved(tmp_path: Path,
                                                                    monkeypatch) -> None:
    """A build with nothing changed writes no Word file and resolves no page for one; a
    changed page, or a changed Word format, writes its file again."""
    from sphinx_hdnd.docx import DocxResult
    from sphinx_hdnd.sphinxext.events import WORD_WRITTEN

    project = tiny_project(tmp_path / "p", MINIMAL / "data", index=TINY_INDEX)
    written: list[str] = []
    real_write = DocxWriter.write

    def counting_write(self, doctree, **kwargs):  # type: ignore[no-untyped-def]
        written.append(doctree["source"])
        return real_write(self, doctree, **kwargs)

    monkeypatch.setattr(DocxWriter, "write", counting_write)

    def build(**overrides: object) -> DocxResult:
        heard: list[DocxResult] = []
        done = sphinx_build(project, "html", freshenv=False,
                            confoverrides={"hdnd_docx": True, **overrides},
                            connect={WORD_WRITTEN: lambda _app, r: heard.append(r)})
        assert done.statuscode == 0, done.warnings
        (result,) = heard
        return result

    first = build()
    assert (first.written, len(written)) == (["de-cuong-toan-tinh"], 1)
    again = build()
    assert (again.written, again.unchanged, len(written)) == ([], ["de-cuong-toan-tinh"], 1)
    (project / "index.rst").write_text(TINY_INDEX + "\nMột đoạn mới.\n", encoding="utf-8")
    edited = build()
    assert (edited.written, len(written)) == (["de-cuong-toan-tinh"], 2)
    bigger = build(hdnd_docx_font_size=13)
    assert (bigger.written, len(written)) == (["de-cuong-toan-tinh"], 3)
    # a Word file deleted by hand is written again
    (project / "_build" / "docx" / "de-cuong-toan-tinh.docx").unlink()
    assert build(hdnd_docx_font_size=13).written == ["de-cuong-toan-tinh"]
