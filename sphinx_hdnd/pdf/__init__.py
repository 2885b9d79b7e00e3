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

The parts: :mod:`.names` (which pages, the booklets' names and scopes), :mod:`.paper` (what
of a built page goes on paper), :mod:`.fetch` (what a booklet may read), :mod:`.printer` (one
booklet after another in one process); here, the whole set: what changed, the process pool,
the digests, the copies into the site.

This package imports neither Sphinx nor WeasyPrint at import time: the Sphinx extension
(:mod:`sphinx_hdnd.sphinxext.booklets`) and the ``hdnd build`` command both call
:func:`build_booklets`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from .fetch import make_fetcher
from .names import BOOKLET_KEY, OUTLINE, SCOPES, Booklet, ascii_name, booklet_of, in_scope, report_docs
from .paper import paper_html, stylesheet_links
from .printer import Printed, Printer, quiet_weasyprint, render_booklet, render_job, start_worker

__all__ = [
    "BOOKLET_KEY", "HASHES", "OUTLINE", "SCOPES", "Booklet", "Printed", "Printer", "Progress",
    "Result", "ascii_name", "booklet_of", "build_booklets", "digest", "in_scope", "make_fetcher",
    "paper_html", "quiet_weasyprint", "report_docs", "stylesheet_links",
]

#: bump when the printed output changes for the same HTML (invalidates every stored digest)
FORMAT_VERSION = "4"
HTML_PDF_DIR = "_pdf"
HASHES = ".hashes.json"


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

    report = progress or _no_progress
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
                                 initializer=start_worker) as pool:
            futures: dict[Future[Printed], tuple[str, str, str, str]] = {}
            try:
                for a in args:
                    futures[pool.submit(render_job, a)] = a
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
    return result
