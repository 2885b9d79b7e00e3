"""Each directive's filters, the ``hdnd`` role, and located, typed warnings (issue 3).

The roots ``tests/roots/test-hdnd`` and ``tests/roots/test-hdnd-warnings`` are
copied into a temporary folder with a copy of the minimal data set
(``tests/data/minimal/data``) beside them; a few cells of that copy are
changed below so that every filter has something to keep and something to
drop. Expected results are read from the copied CSV files.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
MINIMAL_DATA = TESTS / "data" / "minimal" / "data"


def make_project(root: str, target: Path) -> Path:
    project = target / root
    shutil.copytree(ROOTS / root, project)
    shutil.copytree(MINIMAL_DATA, project / "data")
    return project


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def edit_csv(path: Path, edit: Callable[[list[dict[str, str]], list[str]], None]) -> None:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    edit(rows, fields)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def codes(value: str) -> set[str]:
    return {c.strip() for c in value.split(";") if c.strip()}


def clean(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------ the filters


@pytest.fixture(scope="module")
def filters(tmp_path_factory: pytest.TempPathFactory, sphinx_run):
    project = make_project("test-hdnd", tmp_path_factory.mktemp("filters"))
    data = project / "data"

    def add_keys(rows, fields):
        # three key targets, numbered out of data order, so the order by key shows
        fields.append("key")
        keys = {"ho_ngheo": "1", "khach_du_lich": "2", "grdp_6t": "3"}
        for row in rows:
            row["key"] = keys.get(row["code"], "")

    def second_committee(rows, _fields):
        rows[-1]["committee"] = "Ban Pháp chế"

    edit_csv(data / "indicators.csv", add_keys)
    edit_csv(data / "resolutions.csv", second_committee)
    run = sphinx_run("html", project, project / "_build")
    return run, data


def page(run, name: str) -> BeautifulSoup:
    return BeautifulSoup((run.outdir / f"{name}.html").read_text("utf-8"), "html.parser")


def case(soup: BeautifulSoup, name: str) -> Tag:
    found = soup.select_one(f"div.case-{name}")
    assert found is not None, name
    return found


def test_root_builds_clean(filters):
    run, _ = filters
    assert run.warnings == "" and run.statuscode == 0


def indicator_names(box: Tag) -> list[str]:
    rows = box.select("table.hdnd-indicators tbody tr")
    return [clean(tr.find("td").get_text()) for tr in rows]


def same_names(shown: list[str], rows: list[dict[str, str]]) -> bool:
    """A table row names the indicator, followed by ", area" for an area's figure unless
    the name already says the area ("Dân số huyện An Bình" is not followed by it again)."""
    return len(shown) == len(rows) and all(
        s == r["name"] or (s.startswith(r["name"] + ", ")
                           and s[len(r["name"]) + 2:].casefold() not in r["name"].casefold())
        for s, r in zip(shown, rows, strict=True))


def test_indicators_filters(filters):
    run, data = filters
    rows = read_rows(data / "indicators.csv")
    soup = page(run, "indicators")
    expected = {
        "topic": [r for r in rows if r["topic"] in {"nong-nghiep", "giam-ngheo"}],
        "area": [r for r in rows if r["area"] == "an-binh"],
        "province": [r for r in rows if not r["area"] and r["topic"] == "kinh-te"],
        "codes": [next(r for r in rows if r["code"] == c)
                  for c in ("khach_du_lich", "grdp_6t", "ho_ngheo")],
        "key": sorted((r for r in rows if r["key"]), key=lambda r: int(r["key"])),
        "all": rows,
    }
    for name, want in expected.items():
        assert want, name
        if name != "all":
            assert len(want) < len(rows), name
        shown = indicator_names(case(soup, name))
        assert same_names(shown, want), (name, shown, [r["name"] for r in want])
    # the key order is not the data order
    assert [r["code"] for r in expected["key"]] != [r["code"] for r in rows if r["key"]]


def test_indicators_as_cards(filters):
    run, data = filters
    rows = [r for r in read_rows(data / "indicators.csv")
            if r["topic"] in {"thuong-mai-du-lich", "ngan-sach"}]
    assert rows
    box = case(page(run, "indicators"), "cards")
    assert box.select("table") == []
    cards = box.select(".hdnd-cards > .hdnd-card")
    assert [clean(c.select_one(".hdnd-card-title").get_text()) for c in cards] == \
        [r["name"] for r in rows]
    for card, row in zip(cards, rows, strict=True):
        value = clean(card.select_one(".hdnd-card-value").get_text())
        assert row["value"] in value, (row["code"], value)  # the data writes Vietnamese style
        assert card.select_one("a.hdnd-figure") is not None


def test_resolutions_filters(filters):
    run, data = filters
    rows = sorted(read_rows(data / "resolutions.csv"), key=lambda r: int(r["number"]))
    soup = page(run, "resolutions")
    expected = {
        "topic": [r for r in rows if "giam-ngheo" in codes(r["topics"])],
        "area": [r for r in rows if "cat-lam" in codes(r["areas"])],
        "committee": [r for r in rows if r["committee"] == "Ban Pháp chế"],
        "all": rows,
    }
    for name, want in expected.items():
        assert want, name
        if name != "all":
            assert len(want) < len(rows), name
        titles = [clean(s.get_text()) for s in case(soup, name).select(".hdnd-resolution-title")]
        assert titles == [r["title"] for r in want], name


def test_petitions_filters(filters):
    run, data = filters
    rows = read_rows(data / "petitions.csv")
    soup = page(run, "petitions")
    expected = {
        "area": [r for r in rows if r["area"] == "binh-son"],
        "province": [r for r in rows if not r["area"]],
        "status": [r for r in rows if r["status"] in {"dang-giai-quyet", "co-lo-trinh"}],
        "committee": [r for r in rows if r["committee"] == "Ban Văn hóa - Xã hội"],
        "audience": [r for r in rows if r["audience"] == "nong-dan"],
        "combined": [r for r in rows if r["area"] in {"an-binh", "cat-lam"}
                     and r["audience"] == "nong-dan" and r["status"] == "co-lo-trinh"],
    }
    for name, want in expected.items():
        assert want and len(want) < len(rows), name
        texts = [clean(p.get_text()) for p in case(soup, name).select(".hdnd-petition-text")]
        assert len(texts) == len(want), (name, texts)
        for text, row in zip(texts, want, strict=True):
            assert row["text"] in text, (name, row["code"])


def test_role_value_and_forms(filters):
    run, data = filters
    ind = {r["code"]: r for r in read_rows(data / "indicators.csv")}
    rank = {r["code"]: r for r in read_rows(data / "rankings.csv")}
    soup = page(run, "role")

    def figure(name: str) -> Tag:
        links = case(soup, name).select("a.hdnd-figure")
        assert len(links) == 1, name
        target = soup.find(id=links[0]["href"].lstrip("#"))
        assert target is not None and target.find_parent(class_="hdnd-sources") is not None
        return links[0]

    grdp = ind["grdp_6t"]
    assert clean(figure("value").get_text()) == f"{grdp['value']}{grdp['unit']}"
    growth = clean(figure("growth").get_text())
    assert re.match(r"^tăng\b", growth) and f"{ind['luong_thuc']['growth']}%" in growth
    r = rank["grdp_rank"]
    assert f"{r['rank']}/{r['total']}" in clean(figure("rank").get_text())


def test_plain_page_has_no_hdnd_content(filters):
    run, _ = filters
    soup = page(run, "plain")
    assert soup.select(".hdnd-sources, .hdnd-figure, [class*=hdnd]") == []


# ------------------------------------------------------------------ warnings


def expected_cases(source: Path) -> list[tuple[int, str]]:
    """(line, subtype) of each case in a page: the first line after ``.. expect: X``."""
    lines = source.read_text("utf-8").splitlines()
    out = []
    for i, line in enumerate(lines):
        m = re.match(r"^\.\. expect: (\w+)$", line)
        if m:
            j = next(k for k in range(i + 1, len(lines)) if lines[k].strip())
            out.append((j + 1, m.group(1)))
    return out


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory):
    """The warnings root with one bad cell: a value that is not a number."""
    project = make_project("test-hdnd-warnings", tmp_path_factory.mktemp("warnings"))
    csv_path = project / "data" / "indicators.csv"
    bad_code = "dan_so_an_binh"

    def break_value(rows, _fields):
        next(r for r in rows if r["code"] == bad_code)["value"] = "bốn lăm nghìn"

    edit_csv(csv_path, break_value)
    line = next(i for i, text in enumerate(csv_path.read_text("utf-8").splitlines(), 1)
                if text.startswith(bad_code + ","))
    return project, csv_path, line


WARNING = re.compile(r"^(?P<loc>\S.*?):(?P<line>\d+): WARNING: (?P<msg>.*) "
                     r"\[hdnd\.(?P<subtype>\w+)\]$")


def test_every_mistake_is_a_located_typed_warning(broken, sphinx_run, tmp_path):
    project, csv_path, bad_line = broken
    run = sphinx_run("html", project, tmp_path / "w")
    lines = run.warning_lines()
    parsed = [WARNING.match(line) for line in lines]
    assert all(parsed), [line for line, m in zip(lines, parsed, strict=True) if not m]

    bad_rst = project / "bad.rst"
    cases = expected_cases(bad_rst)
    assert len(cases) == 14
    got = {(m["loc"], int(m["line"]), m["subtype"]) for m in parsed if m}
    for line, subtype in cases:
        assert (str(bad_rst), line, subtype) in got, (line, subtype, lines)
    data_warnings = [m for m in parsed if m and m["loc"] == str(csv_path)]
    assert len(data_warnings) == 1, lines
    assert int(data_warnings[0]["line"]) == bad_line
    assert "value" in data_warnings[0]["msg"] and "bốn lăm nghìn" in data_warnings[0]["msg"]
    # nothing else: one warning per case and one for the cell
    assert len(lines) == len(cases) + 1, lines
    # -W: the same build fails
    assert run.statuscode == 1


def test_without_W_the_build_succeeds(broken, sphinx_run, tmp_path):
    project, _, _ = broken
    run = sphinx_run("html", project, tmp_path / "w", warningiserror=False)
    assert run.statuscode == 0 and run.warning_lines()


def test_suppress_warnings_silences_one_subtype(broken, sphinx_run, tmp_path):
    project, csv_path, _ = broken
    run = sphinx_run("html", project, tmp_path / "w",
                     confoverrides={"suppress_warnings": ["hdnd.reference"]})
    parsed = [WARNING.match(line) for line in run.warning_lines()]
    assert all(parsed)
    subtypes = [m["subtype"] for m in parsed if m]
    assert "reference" not in subtypes
    options = [line for line, subtype in expected_cases(project / "bad.rst")
               if subtype == "option"]
    assert subtypes.count("option") == len(options) and len(options) >= 4
    assert any(m["loc"] == str(csv_path) for m in parsed if m)  # the data problem stays
    assert run.statuscode == 1  # the other warnings still fail -W


def test_suppressing_every_hdnd_warning_passes_W(broken, sphinx_run, tmp_path):
    project, _, _ = broken
    run = sphinx_run("html", project, tmp_path / "w", confoverrides={"suppress_warnings": ["hdnd"]})
    assert run.warning_lines() == [] and run.statuscode == 0


def test_sphinx_hdnd_alone_sets_up_sphinx_design(tmp_path):
    """``extensions = ["sphinx_hdnd"]`` with nothing else: the grid's sphinx-design
    classes come with their style sheet (issue 15)."""
    from conftest import MINIMAL
    from hdnd_sphinx import TINY_CONF, sphinx_build, tiny_project

    index = "Đề cương\n========\n\n.. hdnd-grid::\n"
    conf = TINY_CONF.replace("hdnd_briefings = False\n", "")
    project = tiny_project(tmp_path / "p", data=MINIMAL / "data", conf=conf, index=index)
    assert 'extensions = ["sphinx_hdnd"]' in (project / "conf.py").read_text("utf-8")
    build = sphinx_build(project, "html")
    assert build.statuscode == 0, build.warnings
    page = (build.outdir / "index.html").read_text("utf-8")
    assert "sd-card" in page
    assert re.search(r'<link[^>]+sphinx-design[^>]*\.css', page), "no sphinx-design CSS"


def test_conf_in_another_folder_finds_the_same_data(tmp_path):
    """``sphinx-build -c CONFDIR SRCDIR OUT``: hdnd_data_dir is read from conf.py's
    folder by validation, page generation and the directives alike (issue 15)."""
    from conftest import MINIMAL
    from hdnd_sphinx import TINY_CONF

    confdir, srcdir = tmp_path / "conf", tmp_path / "src"
    confdir.mkdir()
    srcdir.mkdir()
    shutil.copytree(MINIMAL / "data", confdir / "data")
    (confdir / "conf.py").write_text(TINY_CONF, encoding="utf-8")
    (srcdir / "index.rst").write_text("Chỉ tiêu\n========\n\n.. hdnd-indicators::\n",
                                      encoding="utf-8")
    # as the user types it (sphinx.testing's app always reads conf.py from the sources)
    run = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "text", "-c",
                          str(confdir), str(srcdir), str(tmp_path / "out")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr, run.stderr
    page = (tmp_path / "out" / "index.txt").read_text("utf-8")
    assert "Không có chỉ tiêu phù hợp" not in page
    assert "Tốc độ tăng trưởng GRDP" in page and "8,75%" in page


def test_budget_table_shows_the_estimate_only_where_the_data_has_one(tmp_path):
    """Issue 15: no column of dashes when the document gives only the % of the estimate;
    an estimate of another period (the year's, against six months' figures) names it."""
    from hdnd_sphinx import sphinx_build, tiny_project

    index = "Ngân sách\n=========\n\n.. hdnd-budget::\n   :layout: table\n\n.. hdnd-budget::\n"
    project = tiny_project(tmp_path / "p", data=MINIMAL_DATA, index=index)
    budget = project / "data" / "budget.csv"

    def headers() -> tuple[list[str], str]:
        build = sphinx_build(project, "html")
        soup = BeautifulSoup((build.outdir / "index.html").read_text("utf-8"), "html.parser")
        table = soup.select_one("table.hdnd-budget")
        assert table is not None
        return [clean(th.get_text()) for th in table.select("th")], clean(soup.get_text(" "))

    def set_row(**cells: str) -> None:
        edit_csv(budget, lambda rows, fields: (
            fields.extend(c for c in cells if c not in fields), rows[0].update(cells)))

    set_row(estimate_period="Năm 2024")
    columns, page = headers()
    assert columns == ["Khoản", "Kỳ", "Dự toán", "Thực hiện", "% dự toán"]
    assert "631 tỷ 600 triệu đồng" in page and "1.924 tỷ đồng (năm 2024)" in page
    assert "đạt 32,83% dự toán HĐND tỉnh giao năm 2024" in page
    set_row(estimate="", estimate_period="")
    columns, page = headers()
    assert columns == ["Khoản", "Kỳ", "Thực hiện", "% dự toán"]
    assert "đạt 32,83% dự toán HĐND tỉnh giao" in page
