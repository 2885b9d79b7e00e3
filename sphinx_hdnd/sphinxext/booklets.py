"""The Sphinx side of the PDF booklets.

- every HTML page gets a running head for printing (session; area and audience or page title)
  as a small ``@page`` rule in its ``<head>``, read by WeasyPrint and by browsers alike;
- pages that have a booklet link to it ("Tải bản PDF (A4)", relative, works from file://), and
  to its Word file ("Tải bản Word", :mod:`sphinx_hdnd.docx`) when ``hdnd_docx`` is on;
- with ``hdnd_pdf = True`` the booklets are printed when the HTML build finishes, so
  ``sphinx-build -b html`` gives the same PDFs as ``hdnd build``.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.display import status_iterator

from ..extras import pip_line
from ..pdf import (
    Booklet,
    Result,
    booklet_of,
    build_booklets,
    in_scope,
    quiet_weasyprint,
    report_docs,
)
from ..phrasing.numbers import format_seconds
from .events import BOOKLET_PROGRESS, BOOKLETS_PRINTED
from .pages import generated_page
from .state import build_state, get_dataset, logger

APT_LINE = "sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"


def add_print_files(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_css_file("hdnd-print.css", media="print")
        app.add_js_file("hdnd-print.js")


# ---------------------------------------------------------------- running head, PDF link


def _css_string(text: str) -> str:
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + out.replace("<", "\\3c ").replace(">", "\\3e ") + '"'


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def running_head(app: Sphinx, pagename: str, title: str) -> tuple[str, str]:
    """(left, right): the session and council; the area and audience, or the page."""
    ds = get_dataset(app.env)
    left = ""
    if ds.session is not None:
        left = _capital(ds.session.name)
        prov = ds.province
        if prov is not None:
            council = prov.council_short
            if prov.name not in council:
                council = f"{council} {prov.name}"
            left += f", {council} khóa {prov.term.code}"
    else:
        left = str(app.config.project)
    right = title
    page = generated_page(pagename)
    if pagename == "index":
        right = "Đề cương chung toàn tỉnh"
    elif page is not None and page.area in ds.areas:
        area = _capital(ds.areas[page.area].full_name)
        audience = ds.audiences.get(page.audience or "")
        right = f"{area} · {audience.name}" if audience is not None else area
    return left, right


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                 doctree: Any) -> None:
    if app.builder.format != "html":
        return
    title = html.unescape(re.sub(r"<[^>]+>", "", str(context.get("title") or "")))
    left, right = running_head(app, pagename, title)
    style = (f'<style media="print">@page {{ @top-left {{ content: {_css_string(left)} }} '
             f"@top-right {{ content: {_css_string(right)} }} }}</style>\n")
    context["metatags"] = str(context.get("metatags") or "") + style
    booklet = booklet_of(pagename, report_docs(app.env.metadata))
    if booklet is None or "body" not in context:
        return
    config = build_state(app.env).config
    pdf = config.pdf and in_scope(booklet[1], config.pdf_scope)
    word = bool(getattr(app.config, "hdnd_docx", False))  # the Word file, beside the PDF
    if not (pdf or word):
        return
    links = []
    if pdf:
        href = context["pathto"](f"_pdf/{booklet[0]}.pdf", 1)
        links.append(f'<a class="reference download" href="{html.escape(href)}"'
                     ' type="application/pdf">Tải bản PDF (A4)</a>')
    if word:
        href = context["pathto"](f"_docx/{booklet[0]}.docx", 1)
        links.append(f'<a class="reference download hdnd-docx" href="{html.escape(href)}" type='
                     '"application/vnd.openxmlformats-officedocument.wordprocessingml.document"'
                     '>Tải bản Word</a>')
    link = (f'<p class="{"hdnd-pdf-link" if pdf else "hdnd-docx-link"}">'
            + " · ".join(links) + "</p>\n")
    body = str(context["body"])
    end = body.find("</h1>")
    context["body"] = body[:end + 5] + "\n" + link + body[end + 5:] if end >= 0 else link + body


# ---------------------------------------------------------------- printing at build-finished


def site_booklets(app: Sphinx) -> list[Booklet]:
    """Every booklet of the site (whatever the scope), from the built pages."""
    builder = app.builder
    outdir = Path(builder.outdir)
    out: list[Booklet] = []
    reports = report_docs(app.env.metadata)
    for docname in sorted(app.env.found_docs):
        found = booklet_of(docname, reports)
        if found is None:
            continue
        target = Path(builder.get_outfilename(docname))  # type: ignore[attr-defined]
        out.append(Booklet(found[0], target.relative_to(outdir).as_posix(), found[1]))
    return out


def pdf_dir(app: Sphinx) -> Path:
    folder = build_state(app.env).config.pdf_dir
    if folder:
        return Path(os.path.abspath(Path(app.confdir) / folder))
    return Path(app.outdir).parent / "pdf"


def _sphinx_progress(app: Sphinx) -> Any:
    def progress(items: Iterator[tuple[Booklet, str]], total: int
                 ) -> Iterator[tuple[Booklet, str]]:
        if not total:
            return items
        return status_iterator(items, "in bản PDF... ", "darkgreen", total, app.verbosity,
                               stringify_func=lambda item: item[0].filename)
    return progress


def print_booklets(app: Sphinx, exception: BaseException | None) -> Result | None:
    config = build_state(app.env).config
    if exception is not None or not config.pdf or app.builder.format != "html":
        return None
    if not hasattr(app.builder, "get_outfilename"):
        return None
    quiet_weasyprint()  # its progress messages, through a root logger some package configured
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        logger.warning(f"không in được PDF: thiếu WeasyPrint hoặc thư viện Pango ({exc}). "
                       f"Cài: {pip_line('pdf')}; trên Debian/Ubuntu: {APT_LINE}",
                       type="hdnd", subtype="pdf")
        return None
    every = site_booklets(app)
    wanted = [b for b in every if in_scope(b.kind, config.pdf_scope)]
    result = build_booklets(Path(app.outdir), pdf_dir(app), wanted,
                            jobs=config.pdf_jobs or None, known=[b.name for b in every],
                            progress=app.emit_firstresult(BOOKLET_PROGRESS)
                            or _sphinx_progress(app))
    for name, error in sorted(result.failed.items()):
        logger.warning(f"không in được {name}.pdf: {error}", type="hdnd", subtype="pdf")
    for printed in result.built:
        for url in sorted(set(printed.refused)):
            logger.warning(f"{printed.name}.pdf: bỏ qua tài nguyên ngoài thư mục HTML ({url})",
                           type="hdnd", subtype="pdf")
    logger.info(f"sphinx-hdnd: PDF: in {len(result.built)} cuốn ({result.pages} trang), "
                f"giữ {len(result.skipped)} cuốn không đổi, trong {format_seconds(result.seconds)}: "
                f"{result.pdf_dir}")
    app.emit(BOOKLETS_PRINTED, result)
    return result


def setup_booklets(app: Sphinx) -> None:
    app.connect("builder-inited", add_print_files)
    app.connect("html-page-context", page_context)
    app.connect("build-finished", print_booklets)
