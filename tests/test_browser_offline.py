"""The built example in a real browser (Debian's chromium through Playwright), offline.

The site is opened from ``file://`` (a folder, a USB stick) and from a local
HTTP server on 127.0.0.1. Every request the browser makes is recorded and
none may leave the machine. A delegate's path is followed: landing grid ->
an area -> an audience's briefing -> show and hide the staff notes -> download
the figures (CSV) -> print preview, where the navigation is hidden.
Screenshots are kept in the build folder (``_build/screenshots/``).

Skipped only when Playwright or chromium is missing (``noxfile.py`` installs
both in CI; Playwright's own browser download is never used).
"""

from __future__ import annotations

import csv
import http.server
import io
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from hdnd_sphinx import sphinx_build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="Playwright is not installed (pip install playwright)")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)

EXAMPLE = Path(__file__).parent.parent / "examples" / "dien-bien"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL = re.compile(r"^(file://|http://127\.0\.0\.1(:\d+)?/|data:|blob:|about:)")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A clean build of the example; returns its project folder."""
    project = tmp_path_factory.mktemp("browser") / "site"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("_build", "tiep-xuc"))
    build = sphinx_build(project, "html")
    assert build.statuscode == 0, build.warnings
    (project / "_build" / "screenshots").mkdir(parents=True, exist_ok=True)
    return project


@pytest.fixture(scope="module")
def server(site) -> Iterator[str]:
    html = site / "_build" / "html"

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            super().__init__(*args, directory=str(html), **kwargs)

        def log_message(self, *args):  # type: ignore[no-untyped-def]
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _local_file(page_url: str, href: str) -> Path:
    """The file a relative link of a file:// page points at."""
    base = Path(unquote(urlparse(page_url).path)).parent
    return (base / unquote(href.split("#")[0])).resolve()


@pytest.mark.parametrize("mode", ["file", "http"])
def test_a_delegates_path_offline(mode, site, server, browser, tmp_path):
    html = site / "_build" / "html"
    shots = site / "_build" / "screenshots"
    start = (html / "index.html").as_uri() if mode == "file" else server + "index.html"
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    try:
        page.goto(start, wait_until="load")
        page.screenshot(path=str(shots / f"{mode}-1-landing.png"), full_page=False)
        # the landing grid -> an area page
        grid = page.locator(".hdnd-grid")
        assert grid.count() == 1
        area_link = grid.locator("a[href$='index.html']").first
        assert area_link.count() == 1, grid.inner_html()[:500]
        area_link.click()
        page.wait_for_load_state("load")
        assert "/tiep-xuc/" in page.url and page.url.endswith("/index.html"), page.url
        page.screenshot(path=str(shots / f"{mode}-2-area.png"))
        # the area page -> one audience's briefing
        hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.getAttribute('href'))")
        siblings = [h for h in hrefs if re.fullmatch(r"[a-z0-9-]+\.html", h) and h != "index.html"]
        assert siblings, hrefs
        target = [page.locator(f"article a[href='{siblings[0]}']").first]
        target[0].click()
        page.wait_for_load_state("load")
        assert re.search(r"/tiep-xuc/[a-z0-9-]+/[a-z0-9-]+\.html$", page.url), page.url
        # the office's notes ("why this item") are hidden until a staff member asks
        note = page.locator(".hdnd-staff").first
        assert note.count() == 1, "the briefing has no staff note"
        assert not note.is_visible()
        assert "trọng số" not in page.locator("article").inner_text()
        page.locator("button.hdnd-staff-toggle").click()
        assert note.is_visible()
        assert "trọng số" in page.locator("article").inner_text()
        page.locator("button.hdnd-staff-toggle").click()  # and hidden again (remembered)
        assert not note.is_visible()
        page.screenshot(path=str(shots / f"{mode}-3-briefing.png"), full_page=True)
        # the figures as CSV ("Tải số liệu")
        para = page.locator(".hdnd-downloads", has_text="Tải số liệu")
        assert para.count() >= 1
        link = para.locator("a[href$='.csv']").first
        href = link.get_attribute("href")
        try:
            with page.expect_download(timeout=10_000) as info:
                link.click()
            saved = tmp_path / f"{mode}.csv"
            info.value.save_as(saved)
            raw = saved.read_bytes()
        except playwright_api.TimeoutError:  # file:// pages may open the file instead
            assert mode == "file"
            raw = _local_file(page.url, href).read_bytes()
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0][:5] == ["Mã", "Chỉ tiêu", "Kỳ", "Địa bàn", "Giá trị"], rows[0]
        assert len(rows) > 1 and all(r[0] for r in rows[1:]), rows[:5]
        # printing: no navigation
        page.emulate_media(media="print")
        for selector in (".sidebar-drawer", ".toc-drawer", ".mobile-header", ".related-pages"):
            for el in page.locator(selector).all():
                assert not el.is_visible(), selector
        page.screenshot(path=str(shots / f"{mode}-4-print.png"), full_page=True)
    finally:
        context.close()
    leaving = [u for u in requests if not LOCAL.match(u)]
    assert requests and leaving == [], leaving
    if mode == "http":
        assert all(u.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
                   for u in requests)
    print(f"{mode}: {len(requests)} requests, {len(leaving)} leaving the machine")


@pytest.mark.parametrize("docname", ["muong-nhe/dan-toc-thieu-so", "dien-bien-phu/doanh-nghiep",
                                     "muong-nhe/bien-gioi", "tuan-giao/thanh-nien"])
def test_a_briefing_fits_a_phone(docname, site, browser):
    """At 390 px nothing runs off the screen: no sideways scrolling, every talking
    point and its tag inside the article's width."""
    page_file = site / "_build" / "html" / "tiep-xuc" / f"{docname}.html"
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(page_file.as_uri(), wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{docname}: the page is {width} px wide"
        article = page.locator("article").bounding_box()
        tags = page.locator(".hdnd-points .hdnd-tag, .hdnd-points .hdnd-tag-chosen")
        assert tags.count() >= 3
        for i in range(tags.count()):
            box = tags.nth(i).bounding_box()
            assert box["x"] + box["width"] <= article["x"] + article["width"] + 1, (
                docname, tags.nth(i).inner_text())
        page.screenshot(path=str(site / "_build" / "screenshots"
                                 / f"phone-{docname.replace('/', '-')}.png"), full_page=True)
    finally:
        context.close()


def test_no_page_loads_anything_from_another_host(site):
    """Belt and braces: no page or style sheet of the site loads a resource from outside.

    Links a reader may follow (the theme's "Made with Sphinx") are not requests; scripts,
    style sheets, images, fonts and frames are.
    """
    from bs4 import BeautifulSoup

    html = site / "_build" / "html"
    remote = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
    css_remote = re.compile(r"""(url\(\s*["']?|@import\s+["'])(https?:)?//""", re.IGNORECASE)
    found = []
    for p in html.rglob("*.html"):
        soup = BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("link", "href"), ("object", "data")):
            for el in soup.find_all(tag):
                if tag == "link" and not {"stylesheet", "preload", "icon", "prefetch",
                                          "modulepreload"} & set(el.get("rel") or []):
                    continue
                if remote.match(el.get(attr) or ""):
                    found.append(f"{p.relative_to(html)}: {el}")
        for style in soup.find_all("style"):
            if css_remote.search(style.get_text()):
                found.append(f"{p.relative_to(html)}: <style>")
    for p in html.rglob("*.css"):
        if css_remote.search(p.read_text(encoding="utf-8", errors="replace")):
            found.append(str(p.relative_to(html)))
    assert found == []


def test_the_published_zip_opens_offline(site, browser, tmp_path):
    """Issue 22: ``hdnd publish --zip``, unzipped as from a USB stick, opens from file://
    with nothing fetched from elsewhere, and its briefings' PDF links resolve."""
    import zipfile

    from click.testing import CliRunner

    from sphinx_hdnd.cli import main

    target = tmp_path / "de-cuong.zip"
    result = CliRunner().invoke(main, ["publish", str(site), "--zip", str(target)])
    assert result.exit_code == 0, result.output
    usb = tmp_path / "usb"
    with zipfile.ZipFile(target) as zf:
        assert not [n for n in zf.namelist() if n.startswith(".doctrees")]
        zf.extractall(usb)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    try:
        page.goto((usb / "index.html").as_uri(), wait_until="load")
        assert page.locator(".hdnd-grid").count() == 1
        page.goto((usb / "tiep-xuc" / "muong-nhe" / "dan-toc-thieu-so.html").as_uri(),
                  wait_until="load")
        assert "Điểm cần nói" in page.locator("article").inner_text()
        hrefs = page.eval_on_selector_all("a[href$='.pdf'], a[href$='.docx']",
                                          "els => els.map(e => e.getAttribute('href'))")
        for href in hrefs:
            assert _local_file(page.url, href).is_file(), href
    finally:
        context.close()
    leaving = [u for u in requests if not LOCAL.match(u)]
    assert requests and leaving == [], leaving
