"""The search page in a real browser: Debian chromium, headless, driven by Playwright.

The example is built once per session into a temporary folder and served from
127.0.0.1; every request the page makes must go there (the site works offline).
Skipped only when chromium or the ``playwright`` package is absent.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
import unicodedata
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from sphinx_hdnd.vietnamese import fold

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
bs4 = pytest.importorskip("bs4")

from test_search import build_tiny_site  # noqa: E402

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).parents[1] / "examples" / "dien-bien"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# fetching every result page for its summary takes seconds per query: off, except where tested
NO_SUMMARIES = ("document.addEventListener('DOMContentLoaded', () => "
                "{ DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false; });")


@dataclass(frozen=True)
class Hit:
    title: str
    href: str
    score: float

    @property
    def page(self) -> str:
        """The result's file, relative to the site root, without the anchor."""
        return urllib.parse.unquote(self.href.split("#")[0])


class Site:
    """A built site served over http on 127.0.0.1, and the text of its pages."""

    def __init__(self, root: Path) -> None:
        self.root = root
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @functools.cache  # noqa: B019 (one site per session)
    def text(self, page: str) -> str:
        """The main content of ``page`` as NFC text (what the search index sees)."""
        soup = bs4.BeautifulSoup((self.root / page).read_text(encoding="utf-8"), "html.parser")
        main = soup.select_one("article[role=main]") or soup.select_one("[role=main]")
        assert main is not None, page
        for el in main.select(".headerlink, script, style"):
            el.decompose()
        return unicodedata.normalize("NFC", main.get_text(" "))

    def pages_with(self, needle: str, folded: bool = False) -> set[str]:
        found = set()
        for path in self.root.rglob("*.html"):
            page = path.relative_to(self.root).as_posix()
            if page.startswith(("_", "search.html", "genindex.html")):
                continue
            text = self.text(page)
            if (needle in fold(text)) if folded else (needle in text):
                found.add(page)
        return found

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build(src: Path, workdir: Path) -> Path:
    """Copy ``src`` (its generated pages land in the source folder) and build HTML."""
    copy = workdir / "src"
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("_build"))
    out = workdir / "html"
    run = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d",
                          str(workdir / "doctrees"), str(copy), str(out)],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = Site(build(EXAMPLE, tmp_path_factory.mktemp("example-search")))
    yield site
    site.close()


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = Site(build_tiny_site(tmp_path_factory.mktemp("tiny-search")))
    yield site
    site.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class SearchPage:
    def __init__(self, browser: object, site: Site, summaries: bool = False) -> None:
        self.site = site
        self.context = browser.new_context(service_workers="block")
        self.page = self.context.new_page()
        if not summaries:
            self.page.add_init_script(NO_SUMMARIES)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def wait(self) -> list[Hit]:
        # searchtools.js writes the status line when every result is shown
        self.page.wait_for_function(
            "() => { const s = document.querySelector('#search-results .search-summary');"
            " return s && s.innerText.trim(); }", timeout=60_000)
        hits = self.page.eval_on_selector_all(
            "#search-results ul.search > li > a",
            "els => els.map(e => [e.innerText, e.getAttribute('href'), Number(e.dataset.score)])")
        self.status = self.page.inner_text("#search-results .search-summary")
        self.heading = self.page.inner_text("#search-results h2")
        assert not self.errors, self.errors
        outside = [u for u in self.requests if not u.startswith((self.site.url, "data:", "blob:"))]
        assert not outside, f"requests outside the site: {outside}"
        return [Hit(*hit) for hit in hits]

    def search(self, query: str) -> list[Hit]:
        self.page.goto(self.site.url + "search.html?q=" + urllib.parse.quote(query))
        return self.wait()

    def type_query(self, query: str) -> list[Hit]:
        """Type into the search box of the home page and press Enter, as a reader does."""
        self.page.goto(self.site.url + "index.html")
        box = self.page.locator("input[name=q]").first
        box.fill("")
        box.press_sequentially(query)
        box.press("Enter")
        self.page.wait_for_url("**/search.html?q=*")
        return self.wait()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def on_example(browser: object, example: Site) -> Iterator[SearchPage]:
    page = SearchPage(browser, example)
    yield page
    page.close()


@pytest.fixture
def on_tiny(browser: object, tiny: Site) -> Iterator[SearchPage]:
    page = SearchPage(browser, tiny)
    yield page
    page.close()


def pages(hits: list[Hit]) -> list[str]:
    """The pages of the results, in order, each once (a page may match by title and by text)."""
    return list(dict.fromkeys(hit.page for hit in hits))


def report(query: str, hits: list[Hit]) -> None:
    top = "; ".join(f"{h.title} ({h.score:g})" for h in hits[:3])
    print(f"\n{query!r}: {len(hits)} results; top 3: {top}")


def assert_exact_first(site: Site, hits: list[Hit], exact: str) -> None:
    """Every page holding ``exact`` comes before every page that does not."""
    has = [exact.lower() in site.text(h.page).lower() for h in hits]
    assert has and has[0], hits[:3]
    assert has == sorted(has, reverse=True), [(h.title, h.score, x) for h, x in zip(hits, has, strict=True)]


# -- the Điện Biên example ------------------------------------------------------------------


def test_duong_without_and_with_diacritics(on_example: SearchPage, example: Site) -> None:
    with_word = example.pages_with("đường") | example.pages_with("Đường")
    assert with_word
    folded = on_example.search("duong")
    report("duong", folded)
    assert with_word <= set(pages(folded))
    for hit in folded:  # and nothing that has no "duong" in any spelling
        assert "duong" in fold(example.text(hit.page)), hit
    exact = on_example.type_query("đường")
    report("đường (typed)", exact)
    assert with_word <= set(pages(exact))
    assert_exact_first(example, exact, "đường")


def test_ngan_sach(on_example: SearchPage, example: Site) -> None:
    hits = on_example.search("ngan sach")
    report("ngan sach", hits)
    phrase = example.pages_with("ngân sách") | example.pages_with("Ngân sách")
    assert phrase and phrase <= set(pages(hits))
    assert_exact_first(example, hits, "ngân sách")  # the phrase before the words apart


def test_a_pa_chai(on_example: SearchPage, example: Site) -> None:
    hits = on_example.search("A Pa Chai")
    report("A Pa Chai", hits)
    muong_nhe = {p for p in example.pages_with("A Pa Chải") if p.startswith("tiep-xuc/muong-nhe/")}
    assert muong_nhe and muong_nhe <= set(pages(hits))
    for hit in hits:
        assert "a pa chai" in fold(example.text(hit.page)), hit


def test_muong_nhe(on_example: SearchPage, example: Site) -> None:
    hits = on_example.search("Muong Nhe")
    report("Muong Nhe", hits)
    area_pages = {p.relative_to(example.root).as_posix()
                  for p in (example.root / "tiep-xuc" / "muong-nhe").glob("*.html")}
    assert area_pages and area_pages <= set(pages(hits))
    # the area's own pages (its name in the title) come first
    assert set(pages(hits)[:len(area_pages)]) == area_pages


def test_figure(on_example: SearchPage, example: Site) -> None:
    hits = on_example.search("8,75")
    report("8,75", hits)
    # the province outline, and on equal scores overview pages before the briefings under them
    assert "index.html" in pages(hits)[:3]
    assert example.pages_with("8,75") <= set(pages(hits))
    for hit in hits:
        assert "8,75" in example.text(hit.page), hit


def test_road_code(on_example: SearchPage, example: Site) -> None:
    hits = on_example.search("QL279")
    report("QL279", hits)
    assert hits
    for hit in hits:
        text = example.text(hit.page)
        assert "QL279" in text or "Quốc lộ 279" in text, hit
    assert example.pages_with("Quốc lộ 279") <= set(pages(hits))


def test_summary_shows_the_word_as_written(browser: object, example: Site) -> None:
    page = SearchPage(browser, example, summaries=True)
    try:
        page.page.goto(example.url + "search.html?q=" + urllib.parse.quote("Muong Nhe"))
        page.page.wait_for_selector("#search-results p.context span.highlighted", timeout=60_000)
        marked = page.page.eval_on_selector_all(
            "#search-results p.context span.highlighted", "els => els.map(e => e.innerText)")
        assert any(fold(m) == "muong nhe" for m in marked), marked
    finally:
        page.close()


def test_one_result_per_page(on_example: SearchPage, example: Site) -> None:
    """Issue 22: "kiến nghị của cử tri" is a section title of most briefings; a page found by
    that title and by its text was listed twice (153 results on 78 pages, an 86-page site).
    One line per page, and the count says how many pages."""
    hits = on_example.search("kiến nghị của cử tri")
    report("kiến nghị của cử tri", hits)
    assert len(hits) > 10
    assert len(hits) == len(set(pages(hits))), [h.page for h in hits]
    assert on_example.status == f"Tìm xong: {len(hits)} trang có mọi từ đã gõ."
    html_pages = [p for p in example.root.rglob("*.html")
                  if not p.relative_to(example.root).as_posix().startswith(("_", "search.html",
                                                                             "genindex.html"))]
    assert len(hits) <= len(html_pages)
    # the page whose section has that title is still taken to the section
    assert any("#" in h.href for h in hits)


def test_excerpts_from_a_folder(browser: object, example: Site) -> None:
    """Issue 22: opened from a folder (file://), where a browser refuses fetch(), each
    result still has its excerpt, with the words marked as the page writes them."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        url = (example.root / "search.html").as_uri() + "?q=" + urllib.parse.quote("Muong Nhe")
        page.goto(url)
        page.wait_for_function(
            "() => { const s = document.querySelector('#search-results .search-summary');"
            " return s && s.innerText.trim(); }", timeout=60_000)
        count = page.locator("#search-results ul.search > li").count()
        assert count > 0
        page.wait_for_function(
            f"() => document.querySelectorAll('#search-results ul.search > li p.context')"
            f".length === {count}", timeout=60_000)
        marked = page.eval_on_selector_all(
            "#search-results p.context span.highlighted", "els => els.map(e => e.innerText)")
        assert any(fold(m) == "muong nhe" for m in marked), marked
        first = page.inner_text("#search-results ul.search > li p.context")
        assert "Mường Nhé" in first, first
    finally:
        context.close()
    assert errors == []
    assert requests and all(u.startswith(("file://", "data:")) for u in requests), requests
    # the page texts, not the pages themselves
    assert any("/_static/hdnd-text/" in u for u in requests)


# -- a few hand-written pages: exact ranking -------------------------------------------------


def test_tiny_exact_ranking(on_tiny: SearchPage) -> None:
    assert set(pages(on_tiny.search("duong"))) == {"duong.html", "duong-khac.html"}
    assert pages(on_tiny.search("đường")) == ["duong.html", "duong-khac.html"]
    assert pages(on_tiny.search("dương")) == ["duong-khac.html", "duong.html"]
    assert pages(on_tiny.search("ĐƯỜNG")) == ["duong.html", "duong-khac.html"]


def test_tiny_phrase_ranking(on_tiny: SearchPage) -> None:
    hits = on_tiny.search("ngan sach")
    assert pages(hits) == ["ngan-sach.html", "roi-rac.html"]
    assert hits[0].score > hits[1].score
    assert pages(on_tiny.search("nong thon moi")) == ["ngan-sach.html"]


def test_tiny_figures_and_codes(on_tiny: SearchPage) -> None:
    for query in ["8,75", "15.788,94", "15788,94", "1578894"]:
        assert pages(on_tiny.search(query)) == ["ngan-sach.html"], query
    for query in ["QL279", "ql 279", "QL 12", "quoc lo 279", "279"]:
        assert pages(on_tiny.search(query)) == ["duong.html"], query


def test_tiny_stopwords(on_tiny: SearchPage) -> None:
    # "cua" may be của (a stop word) or cửa: optional, found as cửa
    assert pages(on_tiny.search("cua khau")) == ["cua-khau.html"]
    assert pages(on_tiny.search("cửa khẩu của huyện")) == ["cua-khau.html"]
    assert pages(on_tiny.search("của")) == []
    # the page says so, in Vietnamese (Sphinx's catalogue has "" for these messages)
    assert on_tiny.status.startswith("Không có trang nào")
    assert on_tiny.heading.startswith("Kết quả tìm kiếm")
    on_tiny.search("A Pa Chai")
    assert on_tiny.status == "Tìm xong: 1 trang có mọi từ đã gõ."
    assert pages(on_tiny.search("A Pa Chai")) == ["cua-khau.html"]
