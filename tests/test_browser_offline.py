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
        # the landing picker -> an area page (its audiences' common page)
        assert page.locator(".hdnd-grid").count() == 1
        area = page.locator("form.hdnd-picker-form select").first
        area.select_option(index=1)
        page.locator("form.hdnd-picker-form select").nth(1).select_option(
            label="Mọi đối tượng (trang chung của địa bàn)")
        page.locator("form.hdnd-picker-form button").click()
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


# as ``hdnd build`` writes it under the title of a page that has a PDF and a Word file
DOWNLOAD_LINE = ("document.querySelector('article h1').insertAdjacentHTML('afterend', "
                 "'<p class=\"hdnd-pdf-link\"><a href=\"#\">Tải bản PDF (A4)</a> · "
                 "<a href=\"#\">Tải bản Word</a></p>')")
PHONE = {"width": 390, "height": 844}


def _on_first_screen(page, locator) -> None:
    assert locator.count() == 1 and locator.is_visible(), locator
    box = locator.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (locator, box)
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (locator, box)


def test_the_landing_page_on_a_phone(site, browser):
    """Issue 22: at 390 px the first screen holds the picker (area, audience, the button)
    and the link to the province's đề cương, even with the download line that ``hdnd build``
    adds; choosing an area and an audience opens that briefing, from a folder."""
    html = site / "_build" / "html"
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((html / "index.html").as_uri(), wait_until="load")
        page.evaluate(DOWNLOAD_LINE)
        form = page.locator("form.hdnd-picker-form")
        area, audience = form.locator("select").nth(0), form.locator("select").nth(1)
        for element in (area, audience, form.locator("button"),
                        page.locator("label", has_text="Địa bàn").first,
                        page.locator("article a[href='#de-cuong-chung']:not(.headerlink)")):
            _on_first_screen(page, element)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.screenshot(path=str(site / "_build" / "screenshots" / "phone-landing.png"))
        # the outline's heading is where the link goes
        assert page.locator("#de-cuong-chung h2, section#de-cuong-chung > h2").count() >= 1
        # the lists: every area of the cards, then that area's audiences
        cards = page.locator(".hdnd-area-card")
        assert area.locator("option").count() == cards.count() + 1  # and "— Chọn địa bàn —"
        assert audience.is_disabled() and form.locator("button").is_disabled()
        area.select_option(label="Huyện Mường Nhé")
        names = audience.locator("option").all_inner_texts()
        assert "Cử tri vùng biên giới" in names, names
        audience.select_option(label="Cử tri vùng biên giới")
        form.locator("button").click()
        page.wait_for_load_state("load")
        assert page.url == (html / "tiep-xuc" / "muong-nhe" / "bien-gioi.html").as_uri()
        assert "Điểm cần nói" in page.locator("article").inner_text()
    finally:
        context.close()
    assert errors == []


def test_the_landing_page_without_javascript(site, browser):
    """Without JavaScript the picker is the folded list: its title on the first screen,
    and opened, every briefing of every area one tap away."""
    html = site / "_build" / "html"
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto((html / "index.html").as_uri(), wait_until="load")
        assert page.locator("form.hdnd-picker-form").count() == 0
        summary = page.locator(".hdnd-picker summary")
        _on_first_screen(page, summary)
        _on_first_screen(page, page.locator("article a[href='#de-cuong-chung']:not(.headerlink)"))
        links = page.locator(".hdnd-picker .hdnd-audience-list a")
        assert links.count() > 0 and not links.first.is_visible()
        summary.click()
        hrefs = links.evaluate_all("els => els.filter(e => e.offsetParent !== null)"
                                   ".map(e => e.getAttribute('href'))")
        briefings = {p.relative_to(html).as_posix() for p in (html / "tiep-xuc").rglob("*.html")
                     if p.name != "index.html"}
        assert {h.split("#")[0] for h in hrefs} == briefings
        links.first.click()
        page.wait_for_load_state("load")
        assert "/tiep-xuc/" in page.url
    finally:
        context.close()


def test_the_indicators_table_on_a_phone(site, browser):
    """Issue 22: at 390 px the table of indicators (748 px wide before, its last column out
    of sight) is one card per row, nothing wider than the screen; on a desktop and on paper
    it is still a table."""
    page_file = site / "_build" / "html" / "chi-tieu.html"
    measure = """() => [...document.querySelectorAll('table.hdnd-indicators')].map(t => ({
        table: t.scrollWidth, room: t.parentElement.clientWidth,
        right: Math.max(...[...t.querySelectorAll('td')].filter(td => td.offsetParent)
                        .map(td => td.getBoundingClientRect().right)),
        display: getComputedStyle(t.querySelector('tbody td')).display,
        head: getComputedStyle(t.querySelector('thead th')).display}))"""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(page_file.as_uri(), wait_until="load")
        tables = page.evaluate(measure)
        assert tables
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        for t in tables:
            assert t["table"] <= t["room"] and t["right"] <= PHONE["width"], t
            assert t["display"] == "block", t
        # every assessment (the last column) is on screen, with its column's name
        badges = page.locator("table.hdnd-indicators td[data-label='Đánh giá'] .hdnd-badge")
        assert badges.count() > 0
        for i in range(badges.count()):
            box = badges.nth(i).bounding_box()
            assert box["x"] + box["width"] <= PHONE["width"]
        label = page.evaluate("getComputedStyle(document.querySelector("
                              "'table.hdnd-indicators td[data-label=\"Kỳ\"]'), '::before').content")
        assert label == '"Kỳ: "', label
        page.locator("table.hdnd-indicators").nth(0).screenshot(
            path=str(site / "_build" / "screenshots" / "phone-indicators.png"))
        page.emulate_media(media="print")
        assert {t["display"] for t in page.evaluate(measure)} == {"table-cell"}
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 1366, "height": 900})
        wide = page.evaluate(measure)
        assert {t["display"] for t in wide} == {"table-cell"}
        assert {t["head"] for t in wide} == {"table-cell"}
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
