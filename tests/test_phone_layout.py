"""A phone's layout, as the HTML carries it (issue 22); the browser checks are in
``test_browser_offline.py`` (390 px) and ``test_search_browser.py``.

- the landing picker (``hdnd-grid``): every briefing reachable from a folded list that works
  without JavaScript, the script that makes the two lists, the list unfolded with ``:open:``,
  and other builders still given the cards;
- a table of indicators: each body cell names its column (``data-label``) so that CSS can
  stack a row as a card, while the table itself and the other builders are unchanged.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import MINIMAL
from hdnd_sphinx import TINY_CONF, sphinx_build, tiny_project

from sphinx_hdnd.sphinxext.stack import STACK

CONF = TINY_CONF.replace("hdnd_briefings = False\n", "")  # the grid links to the briefings
GRID = "Đề cương\n========\n\n.. hdnd-grid::\n\n.. toctree::\n   :hidden:\n\n   tiep-xuc/index\n"
INDICATORS = "Chỉ tiêu\n========\n\n.. hdnd-indicators::\n"
CSS = Path(__file__).parents[1] / "sphinx_hdnd" / "sphinxext" / "static" / "hdnd.css"


def build(folder: Path, index: str, builder: str = "html") -> Path:
    conf = CONF if "hdnd-grid" in index else TINY_CONF
    project = tiny_project(folder, data=MINIMAL / "data", conf=conf, index=index)
    run = sphinx_build(project, builder)
    assert run.statuscode == 0 and run.warning_lines() == [], run.warnings
    return run.outdir


def soup(outdir: Path, page: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup((outdir / page).read_text("utf-8"), "html.parser")


@pytest.fixture(scope="module")
def grid_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("grid") / "p", GRID)


# ------------------------------------------------------------------ the landing picker


def test_the_cards_are_folded_behind_the_picker(grid_site: Path) -> None:
    page = soup(grid_site)
    picker = page.select_one(".hdnd-grid.hdnd-picker")
    assert picker is not None
    folded = picker.find("details", recursive=False)
    assert folded is not None and "hdnd-picker-all" in folded["class"]
    assert not folded.has_attr("open")  # a phone's first screen is not 70 links long
    summary = folded.find("summary", recursive=False)
    assert summary is not None
    briefings = [a["href"] for a in folded.select(".hdnd-audience-list a[href]")]
    areas = folded.select(".hdnd-area-card")
    assert areas and briefings
    assert re.fullmatch(r"Danh sách đề cương của \d+ địa bàn \(\d+ đề cương\)",
                        summary.get_text(" ", strip=True))
    numbers = [int(n) for n in re.findall(r"\d+", summary.get_text())]
    assert numbers == [len(areas), len(briefings)]
    # without JavaScript the folded list is the way in: every briefing is there, and exists
    generated = {p.relative_to(grid_site).as_posix()
                 for p in (grid_site / "tiep-xuc").rglob("*.html") if p.name != "index.html"}
    assert generated and {h.split("#")[0] for h in briefings} == generated


def test_the_picker_script_is_on_the_page(grid_site: Path) -> None:
    scripts = [s.get("src", "") for s in soup(grid_site).find_all("script")]
    assert any(s.split("?")[0] == "_static/hdnd-picker.js" for s in scripts), scripts
    js = (grid_site / "_static" / "hdnd-picker.js").read_text("utf-8")
    # the lists are made from the cards' links, in Vietnamese, and nothing is fetched
    for needle in (".hdnd-area-card", ".hdnd-audience-list a", "Địa bàn", "Đối tượng cử tri",
                   "Mở đề cương"):
        assert needle in js
    assert "fetch(" not in js and "XMLHttpRequest" not in js


def test_the_generated_overview_shows_the_list_unfolded(grid_site: Path) -> None:
    folded = soup(grid_site, "tiep-xuc/index.html").select_one(".hdnd-picker > details")
    assert folded is not None and folded.has_attr("open")


def test_other_builders_get_the_cards(tmp_path: Path) -> None:
    out = build(tmp_path / "p", GRID, "text")
    text = (out / "index.txt").read_text("utf-8")
    assert "Danh sách đề cương của" in text
    assert re.search(r"Huyện \w+", text), text[:500]


# ------------------------------------------------------------------ tables that stack


@pytest.fixture(scope="module")
def indicators_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("indicators") / "p", INDICATORS)


def test_every_cell_of_the_indicators_table_names_its_column(indicators_site: Path) -> None:
    table = soup(indicators_site).select_one("table.hdnd-indicators")
    assert table is not None and STACK in table["class"]
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    assert headers == ["Chỉ tiêu", "Kỳ", "Thực hiện", "Kế hoạch", "So với kế hoạch",
                       "So với kỳ trước", "Đánh giá"]
    rows = table.select("tbody tr")
    assert rows
    for row in rows:
        cells = row.find_all("td", recursive=False)
        assert [td.get("data-label") for td in cells] == headers
        for td in cells:  # a cell with nothing to say is marked, and hidden on a card
            assert td.has_attr("data-empty") == (td.get_text(strip=True) in ("", "—")), td


def test_a_table_without_the_class_is_left_alone(indicators_site: Path) -> None:
    page = soup(indicators_site)
    for table in page.select("table"):
        if STACK not in table.get("class", []):
            assert not table.select("[data-label]")
    assert not page.select("thead [data-label]")  # the header row stays as it is


def test_the_stacking_is_for_screens_only() -> None:
    """Paper (print, WeasyPrint's PDF) keeps the table: every rule that lays a stacking
    table out as cards is inside ``@media screen and (max-width: …)``."""
    css = CSS.read_text("utf-8")
    outside = css
    for block in re.finditer(r"@media screen and \(max-width: [\d.]+em\) \{", css):
        depth, i = 1, block.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[i], 0)
            i += 1
        outside = outside.replace(css[block.start():i], "")
    assert "hdnd-stack" in css and "hdnd-stack" not in outside


def test_the_text_builder_keeps_the_table(tmp_path: Path) -> None:
    text = (build(tmp_path / "p", INDICATORS, "text") / "index.txt").read_text("utf-8")
    assert "Chỉ tiêu" in text and "Đánh giá" in text and "data-label" not in text
    assert re.search(r"^\+[-+]+\+$", text, re.MULTILINE)  # still a grid table
