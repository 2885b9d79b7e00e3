"""One booklet after another in one process (a worker of the pool, or the caller's)."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .fetch import OWN_CSS, Gate, make_fetcher, url_path
from .paper import paper_html, stylesheet_links


@dataclass
class Printed:
    name: str
    pages: int
    seconds: float
    resources: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def quiet_weasyprint() -> None:
    # CSS the printer does not know (browser-only rules of the print stylesheet) is expected
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


class _ImageCache(dict[str, Any]):
    """WeasyPrint's image cache (``cache=`` of ``render``), kept from one booklet to the next in
    a process: an area's chart, in each of the area's briefings, is read and parsed once.

    A file's image is served from here only while the file holds the bytes it was read from,
    and each time it is, the booklet's gate records the file, so the booklet's digest still
    covers it. Images of refused URLs are never kept: each booklet's gate must refuse (and
    report) them itself. WeasyPrint's own entries (keys without a URL scheme: the data of
    raster images) are kept as they are."""

    #: images kept at most (booklets come area by area, so an area's chart is reused while it
    #: is kept); each one holds on to the layout of the booklet that first read it (~6 MB)
    LIMIT = 8

    def __init__(self) -> None:
        super().__init__()
        self.versions: dict[str, bytes] = {}  #: file URL -> digest of the file when read
        self.gate: Gate | None = None  #: of the booklet being printed

    def start(self, gate: Gate) -> None:
        """Before a booklet (never during one: its raster images read their data from here)."""
        if len(self.versions) >= self.LIMIT:
            self.clear()
            self.versions.clear()
        self.gate = gate

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or not super().__contains__(key):
            return False
        if urlsplit(key).scheme in ("", "data"):
            return True
        try:
            path = url_path(key)
            unchanged = (self.gate is not None and path is not None
                         and self.gate.check(key) == "file"
                         and _file_version(path) == self.versions.get(key))
        except (OSError, ValueError):
            unchanged = False
        if not unchanged:
            self.pop(key)
            self.versions.pop(key, None)
        return unchanged

    def __setitem__(self, key: str, value: Any) -> None:
        scheme = urlsplit(key).scheme
        if scheme == "file":
            path = url_path(key)
            if value is None or path is None:
                return  # a file that could not be read: tried again by the next booklet
            try:
                self.versions[key] = _file_version(path)
            except OSError:
                return
        elif scheme not in ("", "data"):
            return  # refused
        super().__setitem__(key, value)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _file_version(path: Path) -> bytes:
    return _digest(path.read_bytes())


class Printer:
    """Prints booklets one after the other in one process, keeping between them what does not
    change from one booklet to the next: the font configuration (fontconfig's font list,
    Pango's font and glyph caches), sphinx-hdnd's stylesheets once parsed, and the images
    already read (:class:`_ImageCache`)."""

    def __init__(self) -> None:
        self.font_config: Any = None  # made on first use: WeasyPrint is imported only then
        self.images = _ImageCache()
        #: stylesheet file -> (digest of its bytes, the parsed weasyprint.CSS)
        self.stylesheets: dict[Path, tuple[bytes, Any]] = {}

    def own_stylesheets(self, html: str, base_url: str, gate: Gate) -> tuple[str, list[Any]]:
        """The page without its links to sphinx-hdnd's stylesheets, and those stylesheets,
        parsed once per process (about 40 ms a booklet otherwise), in the page's order.

        WeasyPrint applies them as user stylesheets rather than the page's own: the same
        result here, as the page's other rules on paper (its inline ``<style>``: the running
        head, the theme's colour variables) set no property that these set too."""
        from weasyprint import CSS

        sheets: list[Any] = []
        kept: list[str] = []
        done = 0
        for link, href in stylesheet_links(html):
            url = urljoin(base_url, href)
            path = url_path(url)
            if path is None or not OWN_CSS.match(path.name):
                continue
            try:
                if gate.check(url) != "file":
                    continue
                data = path.read_bytes()
            except (OSError, ValueError):
                continue  # left to WeasyPrint, which reports it as it always did
            version = _digest(data)
            known = self.stylesheets.get(path)
            if known is None or known[0] != version:
                text = data.decode("utf-8")
                if "@counter-style" in text:
                    continue  # bound to the document it is parsed for: not kept
                known = version, CSS(string=text, base_url=url, media_type="print",
                                     font_config=self.font_config)
                self.stylesheets[path] = known
            sheets.append(known[1])
            kept.append(html[done:link.start()])
            done = link.end()
        return "".join(kept) + html[done:], sheets

    def render(self, html_dir: str, page: str, target: str, name: str) -> Printed:
        """Print one page to ``target`` (written atomically)."""
        from weasyprint import HTML
        from weasyprint.text.fonts import FontConfiguration

        quiet_weasyprint()
        start = time.perf_counter()
        if self.font_config is None:
            self.font_config = FontConfiguration()
        root = Path(html_dir)
        source = root / page
        fetcher = make_fetcher(root)
        self.images.start(fetcher.gate)
        base_url = source.resolve().as_uri()
        try:
            with fewer_collections():
                page_html, stylesheets = self.own_stylesheets(
                    paper_html(source.read_text(encoding="utf-8")), base_url, fetcher.gate)
                document = HTML(string=page_html, base_url=base_url, url_fetcher=fetcher,
                                media_type="print", encoding="utf-8").render(
                                    stylesheets=stylesheets, font_config=self.font_config,
                                    cache=self.images)
                out = Path(target)
                out.parent.mkdir(parents=True, exist_ok=True)
                tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
                with fixed_font_dates():
                    document.write_pdf(tmp)
        finally:
            self.images.gate = None
        os.replace(tmp, out)
        return Printed(name, len(document.pages), time.perf_counter() - start,
                       sorted(fetcher.used), fetcher.refused)


#: the date written into the fonts embedded in a booklet (1980-01-01, as in the Word files'
#: packages), unless the caller sets SOURCE_DATE_EPOCH
FONT_DATE_EPOCH = "315532800"


@contextmanager
def fixed_font_dates() -> Iterator[None]:
    """fontTools stamps each font subset it writes with the current time (its ``head``
    table), unless SOURCE_DATE_EPOCH is set: set it while the PDF is written, so that the
    same page gives the same booklet, and restore it (Sphinx reads it for the copyright
    year of later builds in this process)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = before or FONT_DATE_EPOCH
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]


@contextmanager
def fewer_collections(threshold: int = 50_000) -> Iterator[None]:
    """Within the block, the cyclic garbage collector runs every ``threshold`` new objects
    instead of every 700: a booklet makes millions of small objects, and the default had the
    collector take a tenth of a booklet's time."""
    before = gc.get_threshold()
    gc.set_threshold(max(threshold, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


_printer: Printer | None = None


def render_booklet(html_dir: str, page: str, target: str, name: str) -> Printed:
    """Print one page to ``target`` (written atomically) with this process's :class:`Printer`."""
    global _printer
    if _printer is None:
        _printer = Printer()
    return _printer.render(html_dir, page, target, name)


def start_worker() -> None:
    """A worker process: WeasyPrint imported once, and the objects made by importing it (fonts
    tables, stylesheets of the user agent) set aside from the garbage collector's rounds."""
    quiet_weasyprint()
    import weasyprint  # noqa: F401

    gc.freeze()


def render_job(args: tuple[str, str, str, str]) -> Printed:
    return render_booklet(*args)
