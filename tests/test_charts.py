"""Charts: the pure drawing (``sphinx_hdnd.charts``) and the ``hdnd-chart`` directive.

The SVG is checked as a person would read it: vector shapes, the labels in
the documents' number style, good and bad in different colours (and bad
hatched, for greyscale print), the same bytes for the same data, one file
per variant. The directive is built in a small Sphinx project: the image
exists for HTML (SVG) and LaTeX (PDF), its alt text and the list under it
carry the figures, and bad options are located warnings.
"""

from __future__ import annotations

import itertools
import re
import shutil
import xml.etree.ElementTree as ET
from decimal import Decimal as D
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_hdnd import charts
from sphinx_hdnd.files import write_if_changed
from sphinx_hdnd.model import load_dataset
from sphinx_hdnd.model.dataset import Dataset
from sphinx_hdnd.model.records import Area, Indicator

MINIMAL = Path(__file__).parent / "data" / "minimal" / "data"
EXAMPLE = Path(__file__).parent.parent / "examples" / "dien-bien" / "data"
SVG = "{http://www.w3.org/2000/svg}"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def ind(code: str, name: str, unit: str, value: str | None, plan: str | None = None,
        **kw: object) -> Indicator:
    return Indicator(code=code, name=name, topic="kinh-te", unit=unit,
                     period=kw.pop("period", "Năm 2024"),  # type: ignore[arg-type]
                     value=None if value is None else D(value),
                     plan=None if plan is None else D(plan), **kw)  # type: ignore[arg-type]


GOOD = ind("thu", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "15788.94", "15000")
BAD = ind("von", "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "6000", "8000")
RATE = ind("grdp", "Tốc độ tăng trưởng GRDP", "%", "8.75", "10.14", plan_label="kịch bản")


def svg_texts(data: bytes) -> tuple[ET.Element, str]:
    root = ET.fromstring(data)  # valid XML, or this raises
    return root, " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def fills(root: ET.Element) -> set[str]:
    out = set()
    for el in root.iter():  # shapes, and the background of hatch patterns
        for m in re.finditer(r"fill:\s*(#[0-9a-f]{6})", el.get("style", "")):
            out.add(m.group(1))
        if re.fullmatch(r"#[0-9a-f]{6}", el.get("fill", "")):
            out.add(el.get("fill", ""))
    return out


# ------------------------------------------------------------------ pure charts


def test_plan_chart_svg_is_vector_with_vietnamese_labels() -> None:
    chart = charts.plan_chart([GOOD, BAD, RATE], "Thực hiện so với kế hoạch")
    assert chart is not None
    root, text = svg_texts(charts.render(chart, "svg"))
    assert root.tag == f"{SVG}svg"
    assert len(list(root.iter(f"{SVG}path"))) > 10  # bars, ticks, hatches: vector shapes
    assert not list(root.iter(f"{SVG}image"))  # no embedded raster
    # % of plan for amounts, Vietnamese style, with the ▲/▼ cue
    assert "▲ 105,26%" in text  # 15.788,94 / 15.000, computed and shown with 2 places
    assert "▼ 75,00%" in text
    # a rate against its scenario: both values, the scenario named as the data names it
    assert "▼ 8,75%" in text and "kịch bản 10,14%" in text
    assert "100% kế hoạch" in text
    # wrapped names, whole words
    assert "Thu ngân sách nhà nước trên địa" in text
    # ticks in the documents' style: no "6000", no "0.5"
    assert re.search(r"\d{4,}", text) is None
    assert re.search(r"\d\.(\d{1,2}|\d{4,})(?!\d)", text) is None  # "." only groups thousands


def test_good_and_bad_differ_in_colour_and_in_greyscale() -> None:
    good = charts.plan_chart([GOOD])
    bad = charts.plan_chart([BAD])
    assert good is not None and bad is not None
    good_root, _ = svg_texts(charts.render(good))
    bad_root, _ = svg_texts(charts.render(bad))
    good_fill = charts.STYLES["good"]["facecolor"]
    bad_fill = charts.STYLES["bad"]["facecolor"]
    assert good_fill != bad_fill
    assert good_fill in fills(good_root) and bad_fill not in fills(good_root)
    assert bad_fill in fills(bad_root) and good_fill not in fills(bad_root)
    # the second cue: bad bars are hatched (a pattern), good ones are not
    assert charts.STYLES["bad"]["hatch"] and not charts.STYLES["good"]["hatch"]
    assert b"<pattern" in charts.render(bad) and b"<pattern" not in charts.render(good)

    def grey(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return 0.299 * r + 0.587 * g + 0.114 * b

    assert abs(grey(good_fill) - grey(bad_fill)) > 25  # apart in greyscale too


def test_lower_is_better_turns_the_colours() -> None:
    poverty = ind("ngheo", "Tỷ lệ hộ nghèo", "%", "22.5", "24.5", higher_is_better=False)
    chart = charts.plan_chart([poverty])
    assert chart is not None
    assert chart.panels[0].rows[0].tone == "good"
    assert chart.panels[0].rows[0].text.startswith("▲")


def test_same_data_same_bytes() -> None:
    chart = charts.plan_chart([GOOD, BAD, RATE], "Một biểu đồ")
    other = charts.plan_chart([BAD], "Biểu đồ khác")
    assert chart is not None and other is not None
    for fmt in ("svg", "pdf", "png"):
        first = charts.render(chart, fmt)
        charts.render(other, fmt)
        assert charts.render(chart, fmt) == first, fmt
    svg = charts.render(chart, "svg")
    pdf = charts.render(chart, "pdf")
    assert b"<dc:date>" not in svg and b"Matplotlib" not in svg
    assert b"/CreationDate" not in pdf and b"Matplotlib" not in pdf


def test_same_bytes_in_another_process() -> None:
    """What parallel builds and rebuilds rely on: no per-process ids or dates."""
    import subprocess
    import sys

    script = (
        "import hashlib, sys\n"
        "from pathlib import Path\n"
        "from sphinx_hdnd import charts\n"
        "from sphinx_hdnd.model import load_dataset\n"
        "ds = load_dataset(Path(sys.argv[1]))\n"
        "c = charts.areas_chart(ds, charts.shared_measures(ds, 'muong-nhe'), focus='muong-nhe')\n"
        "print(c.key, *(hashlib.sha256(charts.render(c, f)).hexdigest() for f in ('svg', 'pdf')))\n"
    )
    runs = {subprocess.run([sys.executable, "-c", script, str(EXAMPLE)], capture_output=True,
                           text=True, check=True).stdout for _ in range(2)}
    assert len(runs) == 1


def test_one_file_per_variant(tmp_path: Path) -> None:
    a = charts.plan_chart([GOOD, BAD], "A")
    b = charts.plan_chart([GOOD, BAD], "B")  # same data, another title
    c = charts.plan_chart([GOOD], "A")  # same title, other data
    changed = charts.plan_chart(
        [ind("thu", GOOD.name, "tỷ đồng", "15788.95", "15000"), BAD], "A")  # one value moves
    assert a and b and c and changed
    keys = {x.key for x in (a, b, c, changed)}
    assert len(keys) == 4
    assert charts.plan_chart([GOOD, BAD], "A").key == a.key  # type: ignore[union-attr]
    for x in (a, b, c, changed, a):
        paths = charts.write_chart(x, tmp_path)
        assert paths["svg"].name == f"{x.key}.svg" and paths["pdf"].read_bytes()[:5] == b"%PDF-"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 8  # 4 variants x (svg, pdf); no temporary files left behind
    assert all(not n.startswith(".") for n in names)


def test_rewrite_keeps_the_file_when_unchanged(tmp_path: Path) -> None:
    chart = charts.plan_chart([GOOD])
    assert chart is not None
    path = charts.write_chart(chart, tmp_path, ["svg"])["svg"]
    before = path.stat().st_mtime_ns
    assert not write_if_changed(path, charts.render(chart, "svg"))
    assert path.stat().st_mtime_ns == before
    assert write_if_changed(path, b"<svg/>") and path.read_bytes() == b"<svg/>"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary left


def test_alt_text_carries_every_figure() -> None:
    chart = charts.plan_chart([GOOD, BAD, RATE], "Kết quả")
    assert chart is not None
    alt = chart.alt
    assert alt.startswith("Biểu đồ: Kết quả.")
    for figure in ("15.788,94 tỷ đồng", "vượt 5,26% kế hoạch", "6.000 tỷ đồng",
                   "đạt 75,00% kế hoạch", "8,75%", "kịch bản 10,14%"):
        assert figure in alt, figure
    svg = charts.render(chart).decode("utf-8")
    assert 'role="img"' in svg and "<desc" in svg and "15.788,94" in svg


def test_nothing_to_plot_gives_none() -> None:
    no_plan = ind("x", "Dân số", "người", "656670")
    assert charts.plan_chart([no_plan]) is None
    assert charts.trend_chart([[no_plan]]) is None


def test_tick_labels_in_vietnamese_style() -> None:
    assert charts.tick_text(6000.0) == "6.000"
    assert charts.tick_text(282000.0) == "282.000"
    assert charts.tick_text(2.5) == "2,5"
    assert charts.tick_text(0.30000000000000004, "%") == "0,3%"
    assert charts.tick_text(100.0, "%") == "100%"
    assert charts.tick_text(-0.0) == "0"


def test_period_order() -> None:
    periods = ["Năm 2024", "6 tháng cuối năm 2024", "Năm 2023", "9 tháng năm 2024",
               "6 tháng đầu năm 2024", "Quý I năm 2024"]
    assert sorted(periods, key=charts.period_key) == [
        "Năm 2023", "Quý I năm 2024", "6 tháng đầu năm 2024", "9 tháng năm 2024",
        "6 tháng cuối năm 2024", "Năm 2024"]


def test_example_trends_and_areas() -> None:
    ds = load_dataset(EXAMPLE)
    groups = charts.trend_groups(ds.indicators.values())
    names = {g[0].name for g in groups}
    assert {"Tốc độ tăng trưởng GRDP", "Tỷ lệ hộ nghèo", "Số vụ ngộ độc thực phẩm"} <= names
    # the year 2023 and the year 2024's target, one series though the report names the
    # target "Tốc độ tăng trưởng kinh tế (GRDP)" (column series); not the half-year figure
    grdp = next(g for g in groups if g[0].series == "tang_truong_grdp")
    assert [i.period for i in grdp] == ["Năm 2023", "Năm 2024"]
    trend = charts.trend_chart([grdp])
    assert trend is not None
    _, text = svg_texts(charts.render(trend))
    assert "7,86% (ước)" in text and "kế hoạch 10,5%" in text and "10,14" not in text
    # an axis that does not start at zero says so, on the chart and in its text
    forest = next(g for g in groups if g[0].code.startswith("che_phu_rung"))
    zoomed = charts.trend_chart([forest])
    assert zoomed is not None and "trục dọc không bắt đầu từ 0" in zoomed.alt
    _, text = svg_texts(charts.render(zoomed))
    assert "Trục dọc không bắt đầu từ 0" in text

    measures = charts.shared_measures(ds, "muong-nhe")
    assert {m.name for m in measures} == {"Số vụ ngộ độc thực phẩm",
                                          "Số ca mắc ngộ độc thực phẩm"}
    chart = charts.areas_chart(ds, measures, focus="muong-nhe")
    assert chart is not None
    tones = {r.label: r.tone for p in chart.panels for r in p.rows}
    assert tones["Mường Nhé"] == "focus" and tones["Toàn tỉnh"] == "total"
    assert "huyện Mường Nhé 25 ca" in chart.alt and "toàn tỉnh 73 ca" in chart.alt
    _, text = svg_texts(charts.render(chart))
    assert "25 ca" in text and "Điện Biên Đông" in text and "73 ca" in text


def test_bar_panels_keep_to_their_own_box() -> None:
    """Bar panels are drawn on the figure, not in Axes: each panel's bars, grid and
    reference lines are clipped to its own box, every bar's end lies inside it, and the
    boxes stack without overlapping, inside the figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection, PatchCollection
    from matplotlib.lines import Line2D

    from sphinx_hdnd.charts.draw import draw_figure
    from sphinx_hdnd.charts.layout import wrap

    ds = load_dataset(EXAMPLE)
    chart = charts.area_chart(ds, "muong-nhe")
    assert chart is not None and {p.style for p in chart.panels} == {"bars"}
    fig = draw_figure(chart)
    FigureCanvasAgg(fig).draw()  # the transforms resolve against a drawn figure
    assert fig.axes == []
    clipped = [a for a in fig.artists if isinstance(a, PatchCollection | LineCollection | Line2D)]
    boxes = {a.get_clip_box().bounds for a in clipped}
    assert len(boxes) == len(chart.panels)  # one box per panel
    page = fig.bbox
    tops = sorted(boxes, key=lambda b: -b[1])
    for (_, y, _, _), (_, y2, _, h2) in itertools.pairwise(tops):
        assert y2 + h2 <= y  # the next panel lies wholly below
    for x, y, w, h in boxes:
        assert page.x0 <= x and x + w <= page.x1 and page.y0 <= y and y + h <= page.y1
    for bars in (a for a in clipped if isinstance(a, PatchCollection)):
        box = bars.get_clip_box()
        for path in bars.get_paths():
            ends = bars.get_transform().transform(path.vertices)
            assert (ends[:, 0] >= box.x0 - 1e-6).all() and (ends[:, 0] <= box.x1 + 1e-6).all()
            assert (ends[:, 1] >= box.y0 - 1e-6).all() and (ends[:, 1] <= box.y1 + 1e-6).all()
    # the rows read from the top down, each name level with its bar: the first panel's
    # names in the order of its rows, the focus bar beside "Mường Nhé"
    first = chart.panels[0]
    _, top, _, height = tops[0]
    labels = {t.get_text(): e for t in fig.texts
              if top <= (e := t.get_window_extent()).y0 and e.y1 <= top + height}
    heights = [labels[wrap(r.label)].y0 for r in first.rows]
    assert heights == sorted(heights, reverse=True)
    focus = next(r for r in first.rows if r.tone == "focus")
    bar = next(a for a in clipped if isinstance(a, PatchCollection)
               and a.get_clip_box().bounds == tops[0]
               and a.get_facecolor()[0][2] == pytest.approx(0x79 / 255))
    middle = bar.get_transform().transform(bar.get_paths()[0].vertices)[:, 1].mean()
    name = labels[wrap(focus.label)]
    assert name.y0 <= middle <= name.y1


def province_of(n: int, higher_is_better: bool = True) -> Dataset:
    """A province of ``n`` communes reporting one rate, commune k at k % (xa-1 lowest)."""

    ds = Dataset(root=Path("."))
    for k in range(1, n + 1):
        ds.areas[f"xa-{k}"] = Area(code=f"xa-{k}", name=f"Xã {k}", level="xã", order=k)
        ds.indicators[f"ho_ngheo_{k}"] = ind(f"ho_ngheo_{k}", "Tỷ lệ hộ nghèo", "%", str(k),
                                             area=f"xa-{k}", higher_is_better=higher_is_better)
    ds.indicators["ho_ngheo"] = ind("ho_ngheo", "Tỷ lệ hộ nghèo", "%", "20")
    return ds


def test_areas_chart_best_first_all_areas_when_few() -> None:
    ds = province_of(12, higher_is_better=False)
    chart = charts.areas_chart(ds, charts.shared_measures(ds, "xa-5"), focus="xa-5")
    assert chart is not None
    rows = chart.panels[0].rows
    # the lowest rate is the best: Xã 1 first; every commune drawn, no ranks in labels
    assert [r.label for r in rows] == [f"Xã {k}" for k in range(1, 13)]
    assert chart.panels[0].reference == D(20) and "thứ" not in chart.alt


@pytest.mark.parametrize("focus", [1, 2, 57, 148, 150])
def test_areas_chart_of_a_large_province_shows_a_window(focus: int) -> None:
    """150 communes: the best and worst three, the focus commune and two neighbours each
    side, ranked; gaps say how many are left out; the text alternative says the same."""
    ds = province_of(150)
    chart = charts.areas_chart(ds, charts.shared_measures(ds, f"xa-{focus}"),
                               focus=f"xa-{focus}")
    assert chart is not None
    rows = chart.panels[0].rows
    drawn = [r for r in rows if r.tone != "gap"]
    # higher is better here: commune 150 ranks first
    ranks = [151 - k for k in range(1, 151)]  # rank of commune k
    want = sorted({1, 2, 3, 148, 149, 150} | {r for r in range(ranks[focus - 1] - 2,
                                                                ranks[focus - 1] + 3)
                                              if 1 <= r <= 150})
    assert [r.label for r in drawn] == [f"{n}. Xã {151 - n}" for n in want]
    assert [r.tone for r in drawn].count("focus") == 1
    assert next(r for r in drawn if r.tone == "focus").label == f"{ranks[focus - 1]}. Xã {focus}"
    gaps = [r.label for r in rows if r.tone == "gap"]
    assert sum(int(g.split()[1]) for g in gaps) == 150 - len(want)
    assert all(g.endswith(" xã khác") for g in gaps)
    left_out = 150 - len(want)
    assert f"xã Xã {focus} {focus}% (thứ {ranks[focus - 1]}/150)" in chart.alt
    assert f"{left_out} xã khác không thể hiện trên biểu đồ" in chart.alt
    _, text = svg_texts(charts.render(chart))
    assert f"{ranks[focus - 1]}. Xã {focus}" in text and "xã khác" in text


# ------------------------------------------------------------------ the directive in Sphinx

CONF = 'extensions = ["sphinx_hdnd"]\nexclude_patterns = ["_build", "data"]\n' \
       "hdnd_briefings = False\n"

PAGE = """\
Biểu đồ
=======

.. hdnd-chart::
   :kind: plan
   :title: Thực hiện so với kế hoạch

Các huyện
---------

.. hdnd-chart::
   :kind: areas
   :area: an-binh
"""

EXTRA_ROWS = (
    "ndtp_an_binh,Số vụ ngộ độc thực phẩm,y-te,vụ,năm 2024,an-binh,3,,,,,,,,không,,dc_mau\n"
    "ndtp_binh_son,Số vụ ngộ độc thực phẩm,y-te,vụ,năm 2024,binh-son,1,,,,,,,,không,,dc_mau\n"
    "ndtp,Số vụ ngộ độc thực phẩm,y-te,vụ,năm 2024,,4,,,,,,,,không,,dc_mau\n"
)


def project(tmp_path: Path, page: str = PAGE, extra: str = EXTRA_ROWS) -> Path:
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root / "data")
    with (root / "data" / "indicators.csv").open("a", encoding="utf-8") as fh:
        fh.write(extra)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    (root / "index.rst").write_text(page, encoding="utf-8")
    return root


def build(root: Path, builder: str = "html", parallel: int = 0) -> tuple[Path, str]:
    status, warning = StringIO(), StringIO()
    app = SphinxTestApp(builder, srcdir=root, builddir=root / "_build", freshenv=True,
                        status=status, warning=warning, parallel=parallel)
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir), ANSI.sub("", warning.getvalue())


def test_directive_html_image_exists_with_figures(tmp_path: Path) -> None:
    bs4 = pytest.importorskip("bs4")
    root = project(tmp_path)
    out, warnings = build(root)
    assert "WARNING" not in warnings, warnings
    soup = bs4.BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser")
    images = soup.find_all("img")
    assert len(images) == 2
    plan, areas = images
    for img in images:
        src = out / str(img["src"])
        assert src.suffix == ".svg" and src.is_file()
        ET.fromstring(src.read_bytes())
    assert "8,75%" in plan["alt"] and "kịch bản 10,14%" in plan["alt"]
    assert "50,02%" in plan["alt"]
    # a count below ten in two digits, as the documents write it
    assert "huyện An Bình 03 vụ" in areas["alt"] and "toàn tỉnh 04 vụ" in areas["alt"]
    # the figures as text under the chart, with their source
    data = soup.select(".hdnd-chart-data")
    assert data and "8,75%" in data[0].get_text()
    assert soup.select(".hdnd-chart-data .hdnd-source-ref, .hdnd-chart-data a, "
                       ".hdnd-chart-data sup")
    # charts are written in the build folder, never in the sources
    assert not any(p.suffix in {".svg", ".pdf"} for p in root.rglob("*")
                   if "_build" not in p.parts)


def test_directive_latex_gets_pdf(tmp_path: Path) -> None:
    root = project(tmp_path)
    out, warnings = build(root, "latex")
    assert "WARNING" not in warnings, warnings
    tex = next(out.glob("*.tex")).read_text("utf-8")
    included = re.findall(r"\\sphinxincludegraphics(?:\[[^]]*\])?\{\{?([^}]+?)\}?\}", tex)
    assert included, tex[-2000:]
    assert not any(name.endswith(".svg") for name in included)
    pdfs = list(out.glob("*.pdf"))
    assert len(pdfs) == 2 and all(p.read_bytes()[:5] == b"%PDF-" for p in pdfs)


def test_shared_environment_draws_what_the_next_builder_needs(tmp_path: Path) -> None:
    """HTML draws SVG only; LaTeX on the same doctrees re-reads the chart pages for PDF."""
    root = project(tmp_path)
    doctrees = root / "_build" / "doctrees"
    for builder in ("html", "latex"):
        status, warning = StringIO(), StringIO()
        app = SphinxTestApp(builder, srcdir=root, builddir=root / "_build", status=status,
                            warning=warning, freshenv=builder == "html")
        try:
            app.build()
        finally:
            app.cleanup()
        assert "WARNING" not in warning.getvalue(), warning.getvalue()
        drawn = sorted(p.suffix for p in (doctrees / "_hdnd_charts").iterdir())
        if builder == "html":
            assert drawn == [".svg", ".svg"]
        else:
            assert "reading sources... [100%] index" in ANSI.sub("", status.getvalue())
            assert drawn == [".pdf", ".pdf", ".svg", ".svg"]
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert tex.count("sphinxincludegraphics") == 2 and ".svg" not in tex


def test_directive_text_builder_prints_the_figures(tmp_path: Path) -> None:
    root = project(tmp_path)
    out, warnings = build(root, "text")
    assert "WARNING" not in warnings, warnings
    text = (out / "index.txt").read_text("utf-8")
    assert "[image: Biểu đồ: Thực hiện so với kế hoạch." in text
    assert "Số liệu trên biểu đồ:" in text and "8,75%" in text


def test_bad_options_warn_with_location(tmp_path: Path) -> None:
    page = """\
Biểu đồ
=======

.. hdnd-chart::
   :kind: pie

.. hdnd-chart::
   :codes: grdp_6t khong_co

.. hdnd-chart::
   :kind: areas
   :area: khong-co

.. hdnd-chart::
   :period: năm 2099

.. hdnd-chart::
   :kind: trend
   :topic: khong-co
"""
    root = project(tmp_path, page)
    _, warnings = build(root)
    lines = [line for line in warnings.splitlines() if "WARNING" in line]
    index = str(root / "index.rst")

    def has(line_no: int, text: str, subtype: str) -> bool:
        return any(line.startswith(f"{index}:{line_no}:") and text in line
                   and line.rstrip().endswith(f"[hdnd.{subtype}]") for line in lines)

    assert has(4, ":kind: nhận “pie”", "option"), lines
    assert has(7, "“khong_co”", "reference"), lines
    assert has(10, "“khong-co”", "reference"), lines
    assert has(14, "“năm 2099”", "reference"), lines
    assert has(17, "“khong-co”", "reference"), lines


def test_parallel_build_shares_one_file_per_chart(tmp_path: Path) -> None:
    root = project(tmp_path)
    index = (root / "index.rst").read_text("utf-8")
    (root / "index.rst").write_text(index + "\n.. toctree::\n\n   " + "\n   ".join(
        f"trang{n}" for n in range(4)) + "\n", encoding="utf-8")
    for n in range(4):
        (root / f"trang{n}.rst").write_text(
            f"Trang {n}\n=======\n\n.. hdnd-chart::\n   :kind: plan\n", encoding="utf-8")
    out, warnings = build(root, parallel=2)
    assert "WARNING" not in warnings, warnings
    charts_dir = root / "_build" / "doctrees" / "_hdnd_charts"
    files = sorted(p.name for p in charts_dir.iterdir())
    # the index's plan chart has the default title: the same variant as the four pages
    assert len(files) == 2, files  # 2 variants (plan, areas), SVG only for HTML
    srcs = {re.search(r'src="([^"]+\.svg)"', (out / f"trang{n}.html").read_text("utf-8"))
            .group(1) for n in range(4)}  # type: ignore[union-attr]
    assert len(srcs) == 1 and (out / srcs.pop()).is_file()
