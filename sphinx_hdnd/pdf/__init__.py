"""PDF booklets: one A4 booklet per built page of interest, printed from the HTML by WeasyPrint.

Which pages: every area x audience briefing (``tiep-xuc/<area>/<audience>``), every area
overview (``tiep-xuc/<area>/index``) and the province-wide đề cương (``index``). File names are
ASCII: ``de-cuong-toan-tinh.pdf``, ``muong-nhe.pdf``, ``muong-nhe--dan-toc-thieu-so.pdf``.

How: WeasyPrint reads the built HTML page with the print stylesheets of sphinx-hdnd only (the
theme's CSS is not loaded: its screen layout is of no use on paper, and it makes WeasyPrint
slower by two orders of magnitude). Nothing is fetched from outside the HTML folder, so a build
never makes a network request. Booklets are printed in parallel processes; a booklet whose page
and every file the page used (stylesheets, images) are unchanged since the last build is not
printed again (digests in ``<pdf folder>/.hashes.json``). Each process prints many booklets
with one :class:`Printer`, which keeps the fonts and the images it read between them.

The PDFs land in the PDF folder (``_build/pdf``) and are copied into the site
(``_build/html/_pdf``), so the site folder alone works from a USB stick.

This module imports neither Sphinx nor WeasyPrint at import time: the Sphinx extension and the
``hdnd build`` command both call :func:`build_booklets`.
"""

from __future__ import annotations

import gc
import hashlib
import html as html_text
import json
import logging
import os
import re
import shutil
import time
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from ..sphinxext.pages import generated_page

#: bump when the printed output changes for the same HTML (invalidates every stored digest)
FORMAT_VERSION = "3"
OUTLINE = "de-cuong-toan-tinh"
HTML_PDF_DIR = "_pdf"
HASHES = ".hashes.json"
SCOPES = ("all", "areas", "outline")
#: stylesheets WeasyPrint loads: ours; the theme's and other extensions' are left out
OWN_CSS = re.compile(r"^hdnd[\w.-]*\.css$")


@dataclass(frozen=True)
class Booklet:
    name: str  #: ASCII file stem
    page: str  #: HTML file, relative to the HTML folder (posix)
    kind: str  #: "outline", "area", "briefing" or "report"

    @property
    def filename(self) -> str:
        return f"{self.name}.pdf"


def ascii_name(text: str) -> str:
    """'Mường Nhé' -> 'muong-nhe': file names that survive any USB stick and e-mail."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "trang"


#: a page's metadata key that makes it a booklet of its own (the office's summary)
BOOKLET_KEY = "hdnd-booklet"


def report_docs(metadata: Mapping[str, Mapping[str, Any]]) -> frozenset[str]:
    """Pages a directive marked as a report to print (``env.metadata``, kept per page by
    Sphinx itself, so re-reads and ``-j`` stay right)."""
    return frozenset(d for d, m in metadata.items() if m.get(BOOKLET_KEY) == "report")


def booklet_of(docname: str, reports: Collection[str] = ()) -> tuple[str, str] | None:
    """(name, kind) of the booklet printed from a page, or None for other pages."""
    if docname == "index":
        return OUTLINE, "outline"
    if docname in reports:
        return ascii_name(docname.replace("/", "-")), "report"
    page = generated_page(docname)
    if page is None:
        return None
    area = ascii_name(page.area)
    if page.audience is None:
        return area, "area"
    return f"{area}--{ascii_name(page.audience)}", "briefing"


def in_scope(kind: str, scope: str) -> bool:
    """``all``: every booklet; ``areas``: the area overviews and the outline; ``outline``."""
    if scope == "outline":
        return kind == "outline"
    if scope == "areas":
        return kind in ("area", "outline", "report")
    return True


# ---------------------------------------------------------------- fetching: local files only


def _url_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    return Path(unquote(parts.path))


class _Gate:
    """Which URLs a booklet may read: files under the HTML folder, and data: URLs."""

    def __init__(self, root: Path) -> None:
        self.base = root.resolve()
        self.used: set[str] = set()
        self.refused: list[str] = []

    def check(self, url: str) -> str:
        """'data', 'empty' (a stylesheet not used on paper) or 'file'; raises when refused."""
        if url.startswith("data:"):
            return "data"
        path = _url_path(url)
        resolved = path.resolve() if path is not None else None
        if resolved is None or not resolved.is_relative_to(self.base):
            self.refused.append(url)
            raise ValueError(f"sphinx-hdnd: không tải tài nguyên ngoài thư mục HTML: {url}")
        if resolved.suffix == ".css" and not OWN_CSS.match(resolved.name):
            # the theme's screen layout: not used on paper (and very slow to lay out)
            return "empty"
        self.used.add(resolved.relative_to(self.base).as_posix())
        return "file"


def make_fetcher(root: Path) -> Any:
    """A WeasyPrint URL fetcher that serves files under ``root`` and refuses anything else
    (``.used``: the files read, relative to ``root``; ``.refused``: the URLs refused;
    ``.gate``: the :class:`_Gate` that decides)."""
    gate = _Gate(root)
    try:  # WeasyPrint 66 and later: a URLFetcher class
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except ImportError:  # earlier: a function returning a dict
        from weasyprint import default_url_fetcher  # type: ignore[attr-defined]

        def fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
            if gate.check(url) == "empty":
                return {"string": b"", "mime_type": "text/css"}
            return dict(default_url_fetcher(url, *args, **kwargs))

        fetch.used, fetch.refused = gate.used, gate.refused  # type: ignore[attr-defined]
        fetch.gate = gate  # type: ignore[attr-defined]
        return fetch

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        used, refused = gate.used, gate.refused

        def fetch(self, url: str, headers: Any = None) -> Any:
            if gate.check(url) == "empty":
                return URLFetcherResponse(url, b"", {"Content-Type": "text/css"})
            return super().fetch(url, headers)

    fetcher = LocalFetcher(timeout=1, allowed_protocols=("file", "data"))
    fetcher.gate = gate
    return fetcher


# ---------------------------------------------------------------- one booklet (worker process)


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


#: a link to another page of the site: on paper it would be a file:// URI of the build folder,
#: dead on any other machine (and different in every folder); same-page links (#…) and web
#: addresses stay clickable
_SITE_LINK = re.compile(r'(<a\b[^>]*?)\shref="(?!#.|https?:|mailto:|tel:)([^"]*)"')
_MAIN = re.compile(r'<(\w+)\b[^>]*\brole="main"[^>]*>')
_HEAD = re.compile(r"^.*?</head>", re.S)


def paper_links(html: str) -> str:
    """The page with its links to other pages of the site made plain text."""
    return _SITE_LINK.sub(r'\1 data-hdnd-href="\2"', html)


def _main_element(html: str) -> str | None:
    """The element with role="main" (every Sphinx theme marks the page body so)."""
    start = _MAIN.search(html)
    if start is None:
        return None
    tag = start.group(1)
    tags = re.compile(rf"<(/?){tag}\b[^>]*>", re.I)
    depth = 0
    for m in tags.finditer(html, start.start()):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return html[start.start():m.end()]
    return None


def paper_html(html: str) -> str:
    """What goes on paper: the page's <head> (its stylesheets, running head) and its main
    content only, so no theme's navigation, sidebar, search or footer is printed, whatever the
    theme; links to other pages of the site made plain text."""
    head = _HEAD.match(html)
    main = _main_element(html)
    if head is not None and main is not None:
        html = f'{head.group(0)}\n<body class="hdnd-paper">\n{main}\n</body>\n</html>\n'
    return paper_links(html)


_LINK = re.compile(r"<link\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def stylesheet_links(html: str) -> Iterator[tuple[re.Match[str], str]]:
    """The ``<link rel="stylesheet">`` tags of the page's head that apply on paper, each with
    its ``href`` (as WeasyPrint reads them: no ``alternate``, type text/css, media all or
    print)."""
    head_end = html.find("</head>")
    for link in _LINK.finditer(html, 0, head_end if head_end >= 0 else len(html)):
        attributes = {m.group(1).lower(): html_text.unescape(next(
            v for v in m.groups()[1:] if v is not None)) for m in _ATTRIBUTE.finditer(link[0])}
        rel = attributes.get("rel", "").lower().split()
        media = [m.strip().lower() for m in (attributes.get("media") or "all").split(",")]
        if ("stylesheet" in rel and "alternate" not in rel and attributes.get("href")
                and attributes.get("type", "text/css").split(";")[0].strip() == "text/css"
                and ("all" in media or "print" in media)):
            yield link, attributes["href"]


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
        self.gate: _Gate | None = None  #: of the booklet being printed

    def start(self, gate: _Gate) -> None:
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
            path = _url_path(key)
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
            path = _url_path(key)
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

    def own_stylesheets(self, html: str, base_url: str, gate: _Gate) -> tuple[str, list[Any]]:
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
            path = _url_path(url)
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
                document.write_pdf(tmp)
        finally:
            self.images.gate = None
        os.replace(tmp, out)
        return Printed(name, len(document.pages), time.perf_counter() - start,
                       sorted(fetcher.used), fetcher.refused)


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


def _start_worker() -> None:
    """A worker process: WeasyPrint imported once, and the objects made by importing it (fonts
    tables, stylesheets of the user agent) set aside from the garbage collector's rounds."""
    quiet_weasyprint()
    import weasyprint  # noqa: F401

    gc.freeze()


def _render_job(args: tuple[str, str, str, str]) -> Printed:
    return render_booklet(*args)


# ---------------------------------------------------------------- the whole set


def digest(html_dir: Path, booklet: Booklet, resources: Iterable[str]) -> str:
    """Of the page, every file it used, the printer's version and this module's format."""
    try:
        from weasyprint import __version__ as wp_version
    except ImportError:  # pragma: no cover - reported when printing
        wp_version = "?"
    h = hashlib.sha256(f"{FORMAT_VERSION}\0{wp_version}\0{booklet.page}\0".encode())
    h.update((html_dir / booklet.page).read_bytes())
    for rel in sorted(set(resources)):
        path = html_dir / rel
        h.update(f"\0{rel}\0".encode())
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
    return h.hexdigest()


@dataclass
class Result:
    built: list[Printed] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    pdf_dir: Path = Path()

    @property
    def pages(self) -> int:
        return sum(p.pages for p in self.built)


#: progress over the booklets: called once with the total, then once per finished booklet
Progress = Callable[[Iterator[tuple[Booklet, str]], int], Iterator[tuple[Booklet, str]]]


def _no_progress(items: Iterator[tuple[Booklet, str]], total: int
                 ) -> Iterator[tuple[Booklet, str]]:
    return items


_reporting: list[tuple[Progress, list[Result]]] = []


@contextmanager
def reporting(progress: Progress) -> Iterator[list[Result]]:
    """Within the block, :func:`build_booklets` reports through ``progress`` by default and
    appends its result to the list given (``hdnd build`` shows its progress bar and summary
    through the Sphinx build this way)."""
    results: list[Result] = []
    _reporting.append((progress, results))
    try:
        yield results
    finally:
        _reporting.pop()


def current_progress() -> Progress | None:
    return _reporting[-1][0] if _reporting else None


def _load_hashes(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    booklets = data.get("booklets") if isinstance(data, dict) else None
    return booklets if isinstance(booklets, dict) else {}


def _copy_into_site(src: Path, dst: Path) -> None:
    if dst.is_file() and dst.stat().st_size == src.stat().st_size and \
            dst.stat().st_mtime_ns == src.stat().st_mtime_ns:
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)


def build_booklets(html_dir: Path, pdf_dir: Path, booklets: list[Booklet], *,
                   jobs: int | None = None, known: Iterable[str] | None = None,
                   progress: Progress | None = None, force: bool = False) -> Result:
    """Print the booklets that changed; copy every PDF into ``<html_dir>/_pdf``.

    ``known``: names of every booklet the site has (in or out of the scope): PDFs of booklets
    no longer in the site are removed, those merely out of scope are kept.
    """
    start = time.perf_counter()
    html_dir, pdf_dir = Path(html_dir), Path(pdf_dir)
    pdf_dir.mkdir(parents=True, exist_ok=True)
    site_dir = html_dir / HTML_PDF_DIR
    hashes_file = pdf_dir / HASHES
    stored = _load_hashes(hashes_file)
    result = Result(pdf_dir=pdf_dir)

    todo: list[Booklet] = []
    for b in booklets:
        if not (html_dir / b.page).is_file():
            result.failed[b.name] = f"không có trang {b.page}"
            continue
        entry = stored.get(b.name)
        pdf = pdf_dir / b.filename
        if (not force and isinstance(entry, dict) and pdf.is_file()
                and entry.get("hash") == digest(html_dir, b, entry.get("resources", []))):
            result.skipped.append(b.name)
            _copy_into_site(pdf, site_dir / b.filename)
        else:
            todo.append(b)

    report = progress or current_progress() or _no_progress
    by_name = {b.name: b for b in todo}
    args = [(str(html_dir), b.page, str(pdf_dir / b.filename), b.name) for b in todo]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))

    def finished() -> Iterator[tuple[Booklet, str]]:
        if workers == 1:
            for a in args:
                yield from _collect(a, partial(render_booklet, *a))
            return
        # spawn, not fork: safe whatever threads the caller runs. Should the workers fail to
        # start (a caller's script without the ``if __name__ == "__main__"`` idiom), the
        # booklets are printed here, one after the other, instead of being lost.
        retry: list[tuple[str, str, str, str]] = []
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                                 initializer=_start_worker) as pool:
            futures: dict[Future[Printed], tuple[str, str, str, str]] = {}
            try:
                for a in args:
                    futures[pool.submit(_render_job, a)] = a
            except BrokenProcessPool:
                retry.extend(a for a in args if a not in futures.values())
            for future in as_completed(futures):
                if isinstance(future.exception(), BrokenProcessPool):
                    retry.append(futures[future])
                    continue
                yield from _collect(futures[future], future.result)
        for a in retry:
            yield from _collect(a, partial(render_booklet, *a))

    def _collect(a: tuple[str, str, str, str], get: Callable[[], Printed]
                 ) -> Iterator[tuple[Booklet, str]]:
        b = by_name[a[3]]
        try:
            printed = get()
        except Exception as exc:  # one broken page must not lose the other booklets
            result.failed[b.name] = f"{type(exc).__name__}: {exc}"
            stored.pop(b.name, None)
            yield b, "lỗi"
            return
        result.built.append(printed)
        stored[b.name] = {"page": b.page, "hash": digest(html_dir, b, printed.resources),
                          "resources": printed.resources, "pages": printed.pages}
        _copy_into_site(pdf_dir / b.filename, site_dir / b.filename)
        yield b, f"{printed.pages} trang"

    for _ in report(finished(), len(todo)):
        pass

    if known is not None:
        keep = set(known)
        for name in sorted(set(stored) - keep):
            for folder in (pdf_dir, site_dir):
                (folder / f"{name}.pdf").unlink(missing_ok=True)
            stored.pop(name)
            result.removed.append(name)

    hashes_file.write_text(json.dumps({"format": FORMAT_VERSION, "booklets": stored},
                                      ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                           encoding="utf-8")
    result.seconds = time.perf_counter() - start
    if _reporting:
        _reporting[-1][1].append(result)
    return result
