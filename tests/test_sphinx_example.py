"""The Điện Biên example built by Sphinx: the đề cương (issue 3) and the briefings (issue 4).

The example (``examples/dien-bien``) is copied into a temporary folder once
per session (without ``_build`` and the generated ``tiep-xuc``) and built
once per builder; every test reads those shared builds. Expected values are
read from the example's data files (with ``csv``/``yaml``, not through
sphinx-hdnd's loader) or from the seed đề cương in ``../shared/seeds``
(tests that need the seed skip when it is absent).
"""

from __future__ import annotations

import csv
import itertools
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from briefing_rules import briefing_pages, broken_rules
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "dien-bien"
DATA = EXAMPLE / "data"
SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
DE_CUONG = SEEDS / "002_dc2d63f5c0c22c7e.txt"
TOPICS_DEFAULT = ROOT / "sphinx_hdnd" / "model" / "default_topics.yaml"
GENERATED = "tiep-xuc"


# ------------------------------------------------------------------ data, read independently


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def read_yaml(name: str):  # type: ignore[no-untyped-def]
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def current_areas() -> list[dict[str, str]]:
    """Areas that hold meetings: those without an end date."""
    return [a for a in read_csv("areas.csv") if not (a.get("valid_to") or "").strip()]


def audiences() -> list[dict]:
    return read_yaml("audiences.yaml")


def topic_names() -> dict[str, str]:
    """Topic name -> code, from the data's topics.yaml or the package's default vocabulary."""
    path = DATA / "topics.yaml"
    topics = yaml.safe_load((path if path.is_file() else TOPICS_DEFAULT).read_text("utf-8"))
    return {t["name"]: t["code"] for t in topics}


def full_name(area: dict[str, str]) -> str:
    return f"{area['level']} {area['name']}"


def illustrative_sources() -> set[str]:
    return {s["code"] for s in read_csv("sources.csv") if (s.get("illustrative") or "").strip()}


# ------------------------------------------------------------------ building


@dataclass
class Built:
    builder: str
    srcdir: Path
    outdir: Path
    warnings: str
    statuscode: int
    parallel_read: bool = False
    package: tuple[object, object] = (None, None)  # state of sphinx_hdnd before, after
    _soups: dict[str, BeautifulSoup] = field(default_factory=dict)

    def soup(self, rel: str) -> BeautifulSoup:
        """The page's main content (the theme's navigation is left out: it is large)."""
        if rel not in self._soups:
            page = (self.outdir / rel).read_text("utf-8")
            m = re.search(r"<article\b[^>]*\brole=\"main\".*?</article>", page, re.S)
            self._soups[rel] = BeautifulSoup(m.group(0) if m else page, "html.parser")
        return self._soups[rel]

    def doc(self, docname: str) -> BeautifulSoup:
        """The page of a document, for the html and dirhtml builders."""
        if self.builder == "dirhtml" and docname != "index" and not docname.endswith("/index"):
            return self.soup(f"{docname}/index.html")
        return self.soup(f"{docname}.html")

    def pages(self) -> list[str]:
        return sorted(p.relative_to(self.outdir).as_posix()
                      for p in self.outdir.rglob("*.html")
                      if not p.relative_to(self.outdir).as_posix().startswith("_"))


def copy_example(target: Path) -> Path:
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("_build", GENERATED))
    return target


def package_state() -> dict[str, int]:
    """Modification times of sphinx_hdnd's files: builds made while someone edits the
    checkout (its CSS, say) differ for that reason alone."""
    return {p.as_posix(): p.stat().st_mtime_ns for p in (ROOT / "sphinx_hdnd").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


class Background:
    """``sphinx-build -W -b BUILDER`` in another process, on its own copy of the example.

    The builds other than HTML run beside the in-process ones; dirhtml also runs with
    another string-hash seed than this process, for the test that two builds agree.
    """

    def __init__(self, builder: str, root: Path) -> None:
        self.builder = builder
        self.src = copy_example(root / "src")
        self.out = root / builder
        seed = "4242" if os.environ.get("PYTHONHASHSEED") != "4242" else "1717"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", builder,
             "-d", str(root / "doctrees"), str(self.src), str(self.out)],
            env={**os.environ, "PYTHONHASHSEED": seed}, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        self.built: Built | None = None

    def result(self) -> Built:
        if self.built is None:
            _out, err = self.proc.communicate(timeout=1800)
            self.built = Built(self.builder, self.src, self.out, err, self.proc.returncode)
        return self.built


BACKGROUND = ["dirhtml", "text", "latex", "singlehtml", "epub"]


@pytest.fixture(scope="session")
def build_example(tmp_path_factory: pytest.TempPathFactory, sphinx_run
                  ) -> Iterator[Callable[..., Built]]:
    """``build_example("html", parallel=2)``: a fresh ``-W`` build, done once per session."""
    src = copy_example(tmp_path_factory.mktemp("dien-bien") / "src")
    background = {b: Background(b, tmp_path_factory.mktemp(f"bg-{b}")) for b in BACKGROUND}
    cache: dict[tuple[str, int, int], Built] = {}

    def build(builder: str, parallel: int = 0, again: int = 0) -> Built:
        if builder in background and not parallel:
            return background[builder].result()
        key = (builder, parallel, again)
        if key not in cache:
            builddir = tmp_path_factory.mktemp(f"build-{builder}-j{parallel or 1}")
            before = package_state()
            run = sphinx_run(builder, src, builddir, parallel=parallel)
            cache[key] = Built(builder, src, run.outdir, run.warnings, run.statuscode,
                               run.parallel_read, package=(before, package_state()))
        return cache[key]

    yield build
    for job in background.values():
        if job.proc.poll() is None:
            job.proc.kill()
            job.proc.communicate()


@pytest.fixture(scope="session")
def html(build_example: Callable[..., Built]) -> Built:
    return build_example("html")


def main(soup: BeautifulSoup) -> Tag:
    return soup.select_one("[role=main]") or soup.body or soup


def clean(text: str) -> str:
    return " ".join(text.replace("¶", " ").split())


def heading_text(h: Tag) -> str:
    return clean("".join(t for t in h.find_all(string=True)
                         if not (t.parent and "headerlink" in (t.parent.get("class") or []))))


def headings(root: Tag) -> list[tuple[Tag, str]]:
    return [(h, heading_text(h)) for h in root.find_all(re.compile(r"^h[1-6]$"))]


def section_of(root: Tag, pattern: str) -> Tag:
    """The <section> whose heading matches ``pattern`` (a regex, from the start)."""
    for h, text in headings(root):
        if re.match(pattern, text):
            assert h.parent.name == "section", text
            return h.parent
    raise AssertionError(f"no heading matching {pattern!r}")


# ------------------------------------------------------------------ the seed


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    if not DE_CUONG.is_file():
        pytest.skip(f"seed documents not available ({SEEDS})")
    # NFC: the converted text spells some capitals with combining accents
    text = unicodedata.normalize("NFC", DE_CUONG.read_text(encoding="utf-8"))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_text(seed_lines: list[str]) -> str:
    return " ".join(seed_lines)


ROMAN = r"(?:VIII|VII|VI|IV|V|IX|X|I{1,3})"


def _is_upper(line: str) -> bool:
    return any(c.isalpha() for c in line) and line == line.upper()


def seed_parts(lines: list[str]) -> list[tuple[str, str]]:
    """(numeral, heading) of the seed's parts: "I. VỀ TÌNH HÌNH …" and its capitalised lines."""
    out = []
    for i, line in enumerate(lines):
        m = re.match(rf"^({ROMAN})\.\s+(.*)$", line)
        if m and _is_upper(m.group(2)):
            title = m.group(2)
            for nxt in lines[i + 1:]:
                if not _is_upper(nxt):
                    break
                title += " " + nxt
            out.append((m.group(1), title))
    return out


def seed_markers(lines: list[str], start: str, stop: str) -> list[int]:
    """The (n) markers opening lines between the line starting ``start`` and ``stop``."""
    i = next(k for k, line in enumerate(lines) if line.startswith(start))
    out = []
    for line in lines[i + 1:]:
        if line.startswith(stop):
            break
        m = re.match(r"^\((\d+)\)", line)
        if m:
            out.append(int(m.group(1)))
    return out


def seed_tasks(lines: list[str]) -> list[tuple[str, str]]:
    """("2.1", title) … of the seed: a title runs on while the next line starts in lower case."""
    out = []
    for i, line in enumerate(lines):
        m = re.match(r"^(2\.\d)\.\s+(.*)$", line)
        if m:
            title = m.group(2)
            for nxt in lines[i + 1:]:
                if not nxt[:1].islower():
                    break
                title += " " + nxt
            out.append((m.group(1), " ".join(title.split())))
    return out


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", text.casefold())}


# ------------------------------------------------------------------ 1. -W clean builds


BUILDERS = ["html", "text", "singlehtml", "latex", "dirhtml", "epub"]
@pytest.mark.parametrize("builder", BUILDERS)
def test_builds_clean_with_W(build_example, builder):
    built = build_example(builder)
    assert built.warnings == "", built.warnings
    assert built.statuscode == 0
    files = [p for p in built.outdir.rglob("*") if p.is_file()]
    assert files, f"{builder} wrote nothing"
    if builder == "latex":
        tex = list(built.outdir.glob("*.tex"))
        assert tex and "Kết quả nổi bật" in tex[0].read_text("utf-8")
    if builder == "text":
        assert (built.outdir / GENERATED / "muong-nhe" / "bien-gioi.txt").is_file()
    if builder in ("html", "dirhtml"):
        assert any(GENERATED in p.as_posix() for p in files)


# ------------------------------------------------------------------ 2. the outline, in the seed's order


def outline_root(built: Built) -> Tag:
    return main(built.soup("index.html"))


def test_outline_parts_in_seed_order(html, seed_lines):
    expected = seed_parts(seed_lines)
    assert [n for n, _ in expected] == ["I", "II", "III", "IV", "V"]
    got = [(m.group(1), m.group(2)) for _, t in headings(outline_root(html))
           if (m := re.match(rf"^({ROMAN})\.\s+(.*)$", t))]
    assert [n for n, _ in got] == [n for n, _ in expected]
    for (numeral, title), (_, seed_title) in zip(got, expected, strict=True):
        seed_words, page_words = words(seed_title), words(title)
        share = len(seed_words & page_words) / len(seed_words)
        assert share >= 0.7, f"{numeral}. {title!r} vs seed {seed_title!r} ({share:.0%})"
        # and it is not a better match for another part of the seed
        best = max(expected, key=lambda e: len(words(e[1]) & page_words) / len(words(e[1])))
        assert best[0] == numeral, f"{numeral}. {title!r} reads like seed part {best[0]}"


def _top_items(sec: Tag, css: str = "ol") -> list[Tag]:
    lst = sec.find(css)
    assert lst is not None
    return lst.find_all("li", recursive=False)


def test_highlights_and_shortcomings_numbered_like_the_seed(html, build_example, seed_lines):
    narrative = read_yaml("narrative.yaml")
    seed_highlights = seed_markers(seed_lines, "1.1.", "1.2.")
    seed_shortcomings = seed_markers(seed_lines, "1.2.", "2.")
    assert seed_highlights == list(range(1, len(seed_highlights) + 1))
    assert seed_shortcomings == list(range(1, len(seed_shortcomings) + 1))
    assert len(narrative["highlights"]) == len(seed_highlights) == 8
    assert len(narrative["shortcomings"]) == len(seed_shortcomings) == 6

    root = outline_root(html)
    for pattern, count in ((r"1\.1\. Kết quả nổi bật", len(seed_highlights)),
                           (r"1\.2\. Tồn tại, hạn chế", len(seed_shortcomings))):
        sec = section_of(root, pattern)
        lst = sec.find("ol")
        assert lst.get("start") in (None, "1")
        assert "hdnd-paren" in lst["class"]
        assert len(lst.find_all("li", recursive=False)) == count
    # HTML numbers these lists "(1)", "(2)" … with a CSS counter
    css = (html.outdir / "_static" / "hdnd.css").read_text("utf-8")
    assert re.search(r'ol\.hdnd-paren\s*>\s*li::before\s*\{[^}]*content:\s*"\("\s*counter\(',
                     css)
    assert re.search(r"ol\.hdnd-paren\s*\{[^}]*list-style:\s*none", css)
    # "(10)" … "(14)" stay on one line (they wrapped as "(10" / ")" on a phone)
    assert re.search(r"ol\.hdnd-paren\s*>\s*li::before\s*\{[^}]*white-space:\s*nowrap", css)
    # LaTeX writes the labels itself
    tex = next(build_example("latex").outdir.glob("*.tex")).read_text("utf-8")
    part = tex.split("{1.1. Kết quả nổi bật}", 1)[1].split("{1.2. Tồn tại, hạn chế}", 1)[0]
    assert r"\sphinxsetlistlabels{\arabic}{enumi}{enumii}{(}{)}" in part
    assert part.count(r"\item ") == len(seed_highlights)


def test_tasks_titles_are_the_seeds(html, seed_lines):
    expected = [f"{n}. {t}" for n, t in seed_tasks(seed_lines)]
    assert [e.split(".")[1] for e in expected] == [str(i) for i in range(1, 7)]
    sec = section_of(outline_root(html), r"2\. Nhiệm vụ, giải pháp trọng tâm")
    got = [t for _, t in headings(sec) if re.match(r"^2\.\d\. ", t)]
    assert got == expected


def test_resolutions_are_the_csv_titles(html, seed_text):
    rows = sorted(read_csv("resolutions.csv"), key=lambda r: int(r["number"]))
    m = re.search(r"đã thông qua (\d+) Nghị quyết", seed_text)
    assert m and len(rows) == int(m.group(1)) == 14
    sec = section_of(outline_root(html), r"IV\. ")
    titles = [clean(s.get_text()) for s in sec.select(".hdnd-resolution-title")]
    assert titles == [clean(r["title"]) for r in rows]
    assert len(_top_items(sec)) == 14


# ------------------------------------------------------------------ 3. every key figure, Vietnamese style


KEY_FIGURES = [
    "8,75%", "1,39 điểm %", "2,18 lần", "2,26 lần", "12,5%", "63,64%", "15.788,94 tỷ đồng",
    "24,22%", "45/50", "90%", "631 tỷ 600 triệu đồng", "32,82%", "7.922 tỷ đồng", "55,82%",
    "5.803 tỷ 878 triệu đồng", "40,71%", "400", "31.860", "1.490", "08 đại biểu",
    "05 đại biểu", "07 vấn đề", "5.000", "10/63", "20/63", "34/61",
]

_NUM = r"\d{1,3}(?:\.\d{3})*(?:,\d+)?"
SEED_FIGURE_PATTERNS = [
    rf"{_NUM} điểm %",
    rf"{_NUM}%",
    rf"{_NUM} lần",
    rf"{_NUM} tỷ(?: \d+ triệu)? đồng",
    r"(?<![\d/])\d+/\d+(?![\d/])",
    r"\b0\d (?:đại biểu|vấn đề)",
    r"\d{1,3}(?:\.\d{3})+(?![,\d])",
    r"\b\d+(?= cuộc)",
]


def contains_figure(text: str, fig: str) -> bool:
    """``fig`` written as such: not inside a longer number ("112,5%", "1.400")."""
    after = r"(?!\d|[.,]\d)" if fig[-1].isdigit() else ""
    return re.search(r"(?<![\d.,])" + re.escape(fig) + after, text) is not None


def seed_figures(seed_text: str) -> list[str]:
    found: list[str] = []
    for pattern in SEED_FIGURE_PATTERNS:
        for m in re.finditer(pattern, seed_text):
            fig = m.group(0)
            before = seed_text[max(0, m.start() - 12):m.start()]
            if re.search(r"(?:ngày|số)\s*$", before):  # dates and document numbers
                continue
            if fig not in found:
                found.append(fig)
    return found


def test_key_figures_of_the_seed_in_the_index(html, seed_text):
    page = clean(main(html.soup("index.html")).get_text(" "))
    missing_in_seed = [f for f in KEY_FIGURES if not contains_figure(seed_text, f)]
    assert missing_in_seed == []
    extracted = seed_figures(seed_text)
    assert set(KEY_FIGURES) <= set(extracted), set(KEY_FIGURES) - set(extracted)
    missing = [f for f in extracted if not contains_figure(page, f)]
    assert missing == [], missing


def test_a_figure_can_be_missing():
    """The check above fails on a page that lacks a figure or writes it another way."""
    assert not contains_figure("tăng 112,5% kế hoạch", "12,5%")
    assert not contains_figure("đạt 8.75%", "8,75%")
    assert not contains_figure("1.400 cuộc", "400")
    assert contains_figure("đạt 8,75%.", "8,75%")


# ------------------------------------------------------------------ 4. links to sources, badges


def test_every_figure_links_to_its_source_on_the_same_page(html):
    figures = 0
    for rel in html.pages():
        soup = html.soup(rel)
        ids = {t["id"]: t for t in soup.find_all(id=True)}
        for a in soup.select("a.hdnd-figure, a.hdnd-cite"):
            href = a.get("href", "")
            assert href.startswith("#"), (rel, href)
            target = ids.get(href[1:])
            assert target is not None, (rel, href)
            listing = target.find_parent(class_="hdnd-sources")
            assert listing is not None, (rel, href)
            rubric = listing.find(class_="rubric")
            assert rubric is not None and clean(rubric.get_text()) == "Nguồn số liệu"
            figures += "hdnd-figure" in a["class"]
        # a figure that has a known source is always a link
        assert soup.select("span.hdnd-figure") == [], rel
    assert figures > 5 * len(expected_briefings())  # several per briefing, and the outline's


def test_illustrative_content_carries_the_badge(html):
    illustrative = {f"hdnd-nguon-{code}" for code in illustrative_sources()}
    assert illustrative
    real_paragraphs = badged = 0
    for rel in html.pages():
        soup = html.soup(rel)
        for p in soup.find_all("p"):
            cites = {a["href"][1:] for a in p.select("a.hdnd-cite")}
            if not cites:
                continue
            has_badge = p.select_one(".hdnd-illustrative-badge") is not None
            if cites & illustrative or p.select_one(".hdnd-illustrative"):
                assert has_badge, (rel, clean(p.get_text())[:120])
                badged += 1
            else:
                assert not has_badge, (rel, clean(p.get_text())[:120])
                real_paragraphs += 1
        for entry in soup.select(".hdnd-sources li p[id]"):
            badge = entry.select_one(".hdnd-illustrative-badge") is not None
            assert badge == (entry["id"] in illustrative), (rel, entry["id"])
    assert badged > 0 and real_paragraphs > 0


# ------------------------------------------------------------------ 8. -j 2 gives the same bytes


def test_parallel_build_is_byte_identical(html, build_example):
    parallel = build_example("html", parallel=2)
    assert parallel.warnings == "" and parallel.statuscode == 0
    assert parallel.parallel_read, "the -j 2 build did not read in parallel"
    serial = html
    if serial.package[0] != parallel.package[1]:
        # sphinx_hdnd itself was edited between the two builds: build -j 1 again, now
        serial = build_example("html", again=1)
        if parallel.package[0] != serial.package[1]:
            pytest.skip("sphinx_hdnd was edited during the builds; cannot compare them")
    pages = serial.pages()
    assert pages == parallel.pages()
    differ = [rel for rel in pages
              if (serial.outdir / rel).read_bytes() != (parallel.outdir / rel).read_bytes()]
    assert differ == []
    # what the pages show, merged from the parallel readers, is what one reader saw
    from sphinx_hdnd.model.coverage import read_record

    records = [read_record(b.outdir.parent / "doctrees") for b in (serial, parallel)]
    assert records[0] is not None and records[0] == records[1]


# ------------------------------------------------------------------ 9. one briefing per area x audience


def applies(area: dict[str, str], aud: dict) -> bool:
    """An audience with ``applies_to`` has briefings only in areas with one of those
    attributes (or codes); read from the CSV and YAML, not through sphinx-hdnd."""
    wanted = set(aud.get("applies_to") or [])
    attrs = {a.strip() for a in (area.get("attributes") or "").split(";") if a.strip()}
    return not wanted or bool(wanted & (attrs | {area["code"]}))


def pairs() -> list[tuple[dict[str, str], dict]]:
    return [(a, aud) for a in current_areas() for aud in audiences() if applies(a, aud)]


def expected_briefings() -> set[str]:
    return {f"{GENERATED}/{a['code']}/{aud['code']}.html" for a, aud in pairs()}


def test_one_briefing_per_area_and_audience(html):
    expected = expected_briefings()
    border = [a["code"] for a in current_areas() if applies(a, {"applies_to": ["bien-gioi"]})]
    # border voters only where there is a border: not the city nor the three inland districts
    assert 0 < len(border) < len(current_areas())
    assert not {"dien-bien-phu", "muong-lay", "muong-ang", "tuan-giao"} & set(border)
    assert len(expected) == len(current_areas()) * (len(audiences()) - 1) + len(border)
    on_disk = {rel for rel in html.pages()
               if rel.startswith(GENERATED + "/") and rel.count("/") == 2
               and not rel.endswith("/index.html")}
    assert on_disk == expected


def _links(built: Built, rel: str, root: Tag) -> set[str]:
    out = set()
    for a in root.select("a[href]"):
        href = a["href"].split("#", 1)[0]
        if href and "://" not in href:
            out.add(os.path.normpath(os.path.join(os.path.dirname(rel), href)).replace(os.sep, "/"))
    return out


def test_every_briefing_reachable_from_the_grid(html):
    grid = html.soup("index.html").select_one(".hdnd-grid")
    assert grid is not None
    reached = _links(html, "index.html", grid)
    area_pages = {f"{GENERATED}/{a['code']}/index.html" for a in current_areas()}
    assert area_pages <= reached
    for page in area_pages:
        reached |= _links(html, page, main(html.soup(page)))
    assert expected_briefings() <= reached
    assert all((html.outdir / rel).is_file() for rel in reached)


def test_landing_page_picker_first_then_the_outline_link(html):
    """Issue 22: the picker comes first (not four screens of cards), the link to the
    province's đề cương right after it, and the link reaches the outline's section."""
    root = main(html.soup("index.html"))
    picker = root.select_one(".hdnd-grid.hdnd-picker")
    assert picker is not None
    sections = [clean(heading_text(h)) for h in root.select("section > h2")]
    assert sections[0] == "Đề cương theo địa bàn và đối tượng cử tri", sections
    assert picker.find_parent("section").find("h2").get_text(strip=True).startswith(
        "Đề cương theo địa bàn")
    follower = picker.find_next_sibling()
    link = follower.select_one("a[href='#de-cuong-chung']") if follower else None
    assert link is not None and clean(link.get_text()) == "Đề cương chung toàn tỉnh", follower
    outline = root.select_one("section#de-cuong-chung")
    assert outline is not None and clean(heading_text(outline.find("h2"))) == (
        "Đề cương chung toàn tỉnh")
    assert "I." in outline.get_text()  # the outline's parts are in it


# ------------------------------------------------------------------ 10. order and selection in "Điểm cần nói"


@dataclass
class PointLine:
    text: str
    why: str

    def part(self, prefix: str) -> str:
        """One part of the staff note "Lý do chọn: nói về … · lĩnh vực … (trọng số 1)"."""
        body = self.why.removeprefix("Lý do chọn: ")
        return next((p[len(prefix):] for p in body.split(" · ") if p.startswith(prefix)), "")

    @property
    def local(self) -> bool:
        return bool(self.part("nói về "))

    def weights(self) -> list[tuple[str, Decimal]]:
        return [(m.group(1).strip(), Decimal(m.group(2).replace(",", ".")))
                for m in re.finditer(r"([^;]+?) \(trọng số ([\d,]+)\)", self.part("lĩnh vực "))]


def points_of(built: Built, area: str, audience: str) -> list[PointLine]:
    page = main(built.doc(f"{GENERATED}/{area}/{audience}"))
    sec = section_of(page, "Điểm cần nói$")
    out = []
    for li in _top_items(sec):
        why = li.select_one(".hdnd-staff .hdnd-why")
        assert why is not None
        first = li.find("p")
        for sup in first.find_all("sup"):
            sup.extract()
        for badge in first.select(".hdnd-badge"):
            badge.extract()
        out.append(PointLine(clean(first.get_text()), clean(why.get_text())))
    return out


def local_section_text(built: Built, area: dict[str, str], audience: str) -> str:
    page = main(built.doc(f"{GENERATED}/{area['code']}/{audience}"))
    try:
        sec = section_of(page, re.escape(f"Tình hình tại {full_name(area)}") + "$")
    except AssertionError:
        return ""
    return clean(sec.get_text(" "))


def test_local_points_come_first(html):
    mixed = 0
    for area, aud in pairs():
        points = points_of(html, area["code"], aud["code"])
        assert 3 <= len(points) <= 6, (area["code"], aud["code"])
        flags = [p.local for p in points if "Văn phòng chọn" not in p.why]
        assert flags == sorted(flags, reverse=True), (area["code"], aud["code"], flags)
        for p in points:
            if p.local:  # local to this very area (the example has no nested areas)
                assert full_name(area) in p.part("nói về "), p.why
        mixed += any(flags) and not all(flags)
    assert mixed >= 3, "fewer than three briefings mix local and province-wide points"


def test_targets_of_one_period_are_said_in_one_sentence(html):
    """Tuần Giáo's farmers read "Năm 2024, tỉnh phấn đấu …" twice in a row: the province's
    two targets for 2024 are one point, each figure as the data has it."""
    from sphinx_hdnd.model import load_dataset

    ds = load_dataset(DATA)
    grain, communes = ds.indicators["luong_thuc_kh_2024"], ds.indicators["xa_ntm_moi_kh_2024"]
    said = [p.text for p in points_of(html, "tuan-giao", "nong-dan")]
    tonnes = f"{int(grain.plan):,}".replace(",", ".")
    assert (f"Năm 2024, tỉnh phấn đấu tổng sản lượng lương thực đạt {tonnes} tấn và có "
            f"thêm {int(communes.plan):02d} xã đạt chuẩn nông thôn mới.") in said
    for area, aud in pairs():  # nowhere two such points in a row
        texts = [p.text for p in points_of(html, area["code"], aud["code"])]
        assert not [a for a, b in itertools.pairwise(texts)
                    if a.startswith("Năm 2024, tỉnh phấn đấu")
                    and b.startswith("Năm 2024, tỉnh phấn đấu")], (area["code"], aud["code"])


def test_a_task_of_the_plan_is_said_as_what_the_province_will_do(html):
    """'Tháo gỡ vướng mắc, đẩy nhanh các dự án trọng điểm …' read aloud is an order with no
    one to carry it out; as a point it is what the province will do in the next period."""
    from sphinx_hdnd.model import load_dataset

    ds = load_dataset(DATA)
    period = ds.session.next_period
    openings = {" ".join(t.text.split()[:4]) for g in ds.narrative.tasks for t in g.items}
    said = 0
    for area, aud in pairs():
        for point in points_of(html, area["code"], aud["code"]):
            assert " ".join(point.text.split()[:4]) not in openings, point.text
            said += point.text.startswith(f"Trong {period}, tỉnh tập trung ")
    assert said >= 5  # the example's briefings with a task among their points (15)


def test_an_invented_meeting_is_marked_where_it_is_printed(html):
    """The example's schedule is illustrative: a delegate must not read its date and place
    as the real ones, in the briefing's head or in the schedule."""
    with open(DATA / "meetings.csv", encoding="utf-8") as f:
        meetings = list(csv.DictReader(f))
    assert meetings and all(m["illustrative"] == "x" for m in meetings)
    for m in (m for m in meetings if m["audience"]):  # one with voters of every kind
        page = main(html.doc(f"{GENERATED}/{m['area']}/{m['audience']}"))
        line = next(p for p in page.select("p.hdnd-meeting") if m["place"] in p.get_text())
        assert line.select_one(".hdnd-illustrative-badge").get_text() == "minh họa"
    schedule = main(html.doc("lich-tiep-xuc"))
    rows = schedule.select("table.hdnd-meetings tbody tr")
    assert len(rows) == len(meetings)
    assert all(r.select_one(".hdnd-illustrative-badge") for r in rows)


BORDER_GATE = re.compile(r"A Pa Chải.{0,80}Long Phú")


def test_border_gate_is_local_to_muong_nhe_only(html, seed_text):
    assert BORDER_GATE.search(seed_text)
    areas = {a["code"]: a for a in current_areas()}
    for aud in audiences():
        for code, expected in (("muong-nhe", True), ("tua-chua", False)):
            if not applies(areas[code], aud):
                continue
            points = " ".join(p.text for p in points_of(html, code, aud["code"]))
            local = local_section_text(html, areas[code], aud["code"])
            # one A Pa Chải item (the gate or its flag pole: one subject) is said here
            found = "A Pa Chải" in points or "A Pa Chải" in local
            assert found is expected, (code, aud["code"])


def test_zero_weight_topics_never_make_a_point(html):
    names = topic_names()
    checked_zero = 0
    for aud in audiences():
        weights = {k: Decimal(str(v)) for k, v in (aud.get("weights") or {}).items()}
        zero = {code for code, w in weights.items() if w == 0}
        checked_zero += bool(zero)
        for area in (a for a in current_areas() if applies(a, aud)):
            for p in points_of(html, area["code"], aud["code"]):
                if "Văn phòng chọn" in p.why:
                    continue  # the office may choose anything
                listed = p.weights()
                assert listed, (area["code"], aud["code"], p.why)
                for name, w in listed:
                    assert name in names, name
                    assert w == weights.get(names[name], Decimal(0)), (aud["code"], name, w)
                # the point is there for a topic this audience weighs
                assert max(w for _, w in listed) > 0, (area["code"], aud["code"], p.text)
                assert names[listed[0][0]] not in zero
    assert checked_zero == len(audiences())


# ------------------------------------------------------------------ 11. two builds, one order


def all_points(built: Built) -> dict[str, list[str]]:
    return {f"{a['code']}/{aud['code']}": [p.text for p in points_of(built, a["code"], aud["code"])]
            for a, aud in pairs()}


def test_two_builds_give_the_same_order(html, build_example):
    """The in-process build, the -j 2 build and a build in another process with another
    string-hash seed (dirhtml) list the same points in the same order."""
    first = all_points(html)
    assert sum(len(v) for v in first.values()) > 100
    assert all_points(build_example("html", parallel=2)) == first
    other = build_example("dirhtml")
    assert other.statuscode == 0, other.warnings
    assert all_points(other) == first


def test_no_briefing_section_is_a_heading_over_nothing(html):
    empty = []
    for rel in html.pages():
        if not rel.startswith(GENERATED + "/"):
            continue
        for sec in main(html.soup(rel)).find_all("section"):
            content = [c for c in sec.children if isinstance(c, Tag)
                       and not re.match(r"^h[1-6]$", c.name)]
            if not content:
                empty.append((rel, heading_text(sec.find(re.compile(r"^h[1-6]$")))))
    assert empty == []


def test_every_briefing_is_short_and_says_nothing_twice(html):
    """Issue 14: ≤ 2,000 words (median ≤ 1,500), no paragraph twice, no weight in sight,
    no answer serving two questions, on each of the example's briefings."""
    assert len(briefing_pages(html.outdir)) == len(expected_briefings())
    assert broken_rules(html.outdir) == {}
    css = (html.outdir / "_static" / "hdnd.css").read_text("utf-8")
    assert re.search(r"^\.hdnd-staff \{ display: none; \}", css, re.M)
    notes = briefing_pages(html.outdir)[0].main.select(".hdnd-staff")
    assert notes and any("trọng số" in n.get_text() for n in notes)  # there, for the staff


def test_every_indicator_of_the_data_is_shown_somewhere(html):
    """Issue 15: each figure typed into indicators.csv (its value, or its target when it
    has no value yet) reaches some page of the site, in the documents' number style."""
    from sphinx_hdnd.model import load_dataset
    from sphinx_hdnd.phrasing import format_value

    ds = load_dataset(DATA)
    pages = [html.soup(p) for p in html.pages()]
    text = "\n".join(" ".join(main(s).get_text(" ").split()) for s in pages).casefold()
    figures = {code: format_value(i.value if i.value is not None else i.plan, i.unit)
               for code, i in ds.indicators.items()
               if i.value is not None or i.plan is not None}
    assert len(figures) > 100
    unseen = sorted(code for code, fig in figures.items() if fig.casefold() not in text)
    assert unseen == [], [(c, figures[c]) for c in unseen]
    # and as the build recorded it for hdnd validate (HD170): every figure record of the
    # data, rankings and budget lines too, is drawn on by some page
    from sphinx_hdnd.model.coverage import figure_records, read_record

    record = read_record(html.outdir.parent / "doctrees")
    assert record is not None and record["unshown"] == []
    assert set(record["shown"]) == set(figure_records(ds))


def test_part_v_reads_as_the_seed_lists_it(html):
    """Issue 15: V.2 says the broadcast once; V.3 has its lead-in, then one report a
    line ending in ";" and the last in "."; no capital letter after a colon."""
    sec = section_of(outline_root(html), r"V\. ")
    text = clean(sec.get_text(" "))
    assert text.count("được phát thanh, truyền hình trực tiếp") == 2  # debate, questioning
    assert text.count("Phiên chất vấn được phát thanh") == 1
    box = sec.select_one(".hdnd-oversight")
    assert box is not None and clean(box.find("p").get_text()).startswith(
        "HĐND tỉnh giám sát thông qua xem xét các báo cáo:")
    reports = [clean(li.get_text()) for li in box.select("li")]
    oversight = read_yaml("session.yaml")["oversight"]
    assert len(reports) == len(oversight) == 7
    assert all(r.endswith(";") for r in reports[:-1]) and reports[-1].endswith(".")
    # what follows a colon continues the sentence (names and titles keep their capitals)
    assert "tập trung vào: tình hình" in text
    assert all(r[:1].islower() for r in reports)


def test_the_session_overview_is_said_once_on_the_landing_page(html):
    page = main(html.soup("index.html"))
    text = clean(page.get_text(" "))
    assert text.count("diễn ra trong 1,5 ngày") == 1
    assert "từ ngày 10/07/2024 đến sáng ngày 11/07/2024" in text
    assert "Đề cương ghi năm 2023, đã sửa thành 2024" in text  # the correction, disclosed
    assert "Những nét chính của kỳ họp" in text and "Kỳ họp trong nét chính" not in text
    front = section_of(outline_root(html), r"III\. ")
    assert clean(front.get_text(" ")).count("phối hợp tổ chức") == 1


def test_the_document_style_holds_in_sources_and_local_tables(html):
    """Issue 15: the illustrative mark said once in a source line; a period in
    parentheses is lower-case ("(năm 2023)")."""
    page = main(html.soup(f"{GENERATED}/muong-nhe/dan-toc-thieu-so.html"))
    lines = [clean(li.get_text(" ")) for li in page.select(".hdnd-sources li")]
    assert lines and any("minh họa" in line for line in lines)
    for line in lines:
        assert line.count("minh họa") <= 1 + ("(không lấy từ văn bản thật)" in line), line
        assert not ("không lấy từ văn bản thật" in line and "không phải văn bản thật" in line)
    labels = [clean(tr.find("td").get_text()) for tr in page.select(".hdnd-local-indicators tbody tr")]
    assert labels and all("(năm 2023)" in label for label in labels), labels


def test_each_petition_is_listed_once_on_the_petitions_page(html):
    """Issue 15: the three real petitions were under two headings."""
    page = main(html.soup("kien-nghi.html"))
    texts = [clean(p.get_text(" ")) for p in page.select(".hdnd-petition .hdnd-petition-text")]
    assert len(texts) >= 10
    assert len(texts) == len(set(texts)), [t for t in texts if texts.count(t) > 1][:2]


def _seed_numbered_items(lines: list[str], start: str, stop: str) -> list[str]:
    """The text of each "(n)" item between the lines starting ``start`` and ``stop``."""
    i = next(k for k, line in enumerate(lines) if line.startswith(start))
    items: list[str] = []
    for line in lines[i + 1:]:
        if line.startswith(stop):
            break
        if re.match(r"^\(\d+\)", line):
            items.append(line)
        elif items:
            items[-1] += " " + line
    return [" ".join(t.split()) for t in items]


def test_the_province_page_holds_the_seed_section_by_section(html, seed_lines):
    """Issue 15, the fidelity walk: for each part I–V of the seed, every figure, rank and
    count it states is in the same part of the built page, digit for digit; for each
    numbered result and shortcoming "(n)" of I.1, its figures are in the page's item n.
    (The titles of IV, in order: test_resolutions_are_the_csv_titles and
    test_seed_fidelity.py.)"""
    root = outline_root(html)
    full = "\n".join(seed_lines)
    marks = list(re.finditer(r"(?m)^(I|II|III|IV|V)\. (?=[A-ZĐ])", full))
    assert [m.group(1) for m in marks] == ["I", "II", "III", "IV", "V"]
    # the page's parts follow the seed's order
    titles = [t for _h, t in headings(root) if re.match(r"(I|II|III|IV|V)\. ", t)]
    assert [t.split(".")[0] for t in titles] == ["I", "II", "III", "IV", "V"], titles
    checked = 0
    for n, m in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(full)
        part_figures = seed_figures(" ".join(full[m.end():end].split()))
        page_part = clean(section_of(root, rf"{m.group(1)}\. ").get_text(" "))
        missing = [f for f in part_figures if not contains_figure(page_part, f)]
        assert missing == [], (m.group(1), missing)
        checked += len(part_figures)
    for start, stop, pattern in (("1.1.", "1.2.", r"1\.1\. Kết quả nổi bật"),
                                 ("1.2.", "2.", r"1\.2\. Tồn tại, hạn chế")):
        seed_items = _seed_numbered_items(seed_lines, start, stop)
        page_items = _top_items(section_of(root, pattern))
        assert len(seed_items) == len(page_items)
        for k, (seed_item, li) in enumerate(zip(seed_items, page_items, strict=True), 1):
            text = clean(li.get_text(" "))
            missing = [f for f in seed_figures(seed_item) if not contains_figure(text, f)]
            assert missing == [], (start, k, missing)
            checked += len(seed_figures(seed_item))
    assert checked > 50


def test_the_theme_speaks_vietnamese(html):
    """Issue 22: no English word of the theme around the pages ("On this page", "Next",
    "Back to top", "Made with Sphinx and @pradyunsg's Furo"); the search box says
    "Tìm kiếm" (Sphinx's own catalogue has "Tìm Kiếm")."""
    for page in ("index.html", "chi-tieu.html", f"{GENERATED}/muong-nhe/dan-toc-thieu-so.html"):
        soup = BeautifulSoup((html.outdir / page).read_text("utf-8"), "html.parser")
        text = clean(soup.get_text(" "))
        for english in ("On this page", "Back to top", "Made with", "pradyunsg", "Next",
                        "Previous", "Skip to content", "Tìm Kiếm"):
            assert english not in text, (page, english)
        assert "Lên đầu trang" in text and "Giao diện: Furo" in text
        assert soup.select_one("input[placeholder='Tìm kiếm']") is not None
    text = clean(BeautifulSoup((html.outdir / "chi-tieu.html").read_text("utf-8"),
                               "html.parser").get_text(" "))
    assert "Trên trang này" in text and ("Trang sau" in text or "Trang trước" in text)


def test_a_point_made_of_a_figure_is_not_all_in_bold(html):
    """A talking point whose whole sentence links to its source is read as text: only
    figures inside prose are bold (clerk review)."""
    page = main(html.soup(f"{GENERATED}/muong-nhe/dan-toc-thieu-so.html"))
    sentences = page.select(".hdnd-points .hdnd-figure-sentence")
    assert sentences and "phấn đấu" in clean(sentences[0].get_text())
    css = (html.outdir / "_static" / "hdnd.css").read_text("utf-8")
    assert re.search(r"\.hdnd-figure\.hdnd-figure-sentence\s*\{\s*font-weight:\s*inherit", css)
