"""Which pages are printed, and the booklets' names."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from ..sphinxext.pages import generated_page
from ..vietnamese import ascii_slug

OUTLINE = "de-cuong-toan-tinh"
SCOPES = ("all", "areas", "outline")


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
    return ascii_slug(text) or "trang"


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
