"""Page names: the folder of the generated pages, and the docnames in it.

Every part that builds a generated page's docname or reads one back (the page
generator, the directives' links, the PDF and Word booklets, the running head)
does it here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.records import Area

#: the folder of the generated pages, in the source folder and in the site
GENERATED_DIR = "tiep-xuc"
#: one file per area, holding a digest of the petitions its pages show
PETITIONS_DIGESTS = ".kien-nghi"
#: the page name of an area's overview, in its folder
AREA_INDEX = "index"


def briefing_docname(area: str, audience: str) -> str:
    return f"{GENERATED_DIR}/{area}/{audience}"


def area_docname(area: str) -> str:
    return f"{GENERATED_DIR}/{area}/{AREA_INDEX}"


class GeneratedPage(NamedTuple):
    area: str
    audience: str | None  #: None for the area's overview


def generated_page(docname: str) -> GeneratedPage | None:
    """The area and audience of a generated page's docname (None for any other page)."""
    parts = docname.split("/")
    if len(parts) != 3 or parts[0] != GENERATED_DIR:
        return None
    return GeneratedPage(parts[1], None if parts[2] == AREA_INDEX else parts[2])


def petitions_digest_path(srcdir: str | os.PathLike[str], area: str) -> Path:
    """The derived file that stands for ``petitions.csv`` in one area's pages.

    Written by the page generator only when the digest changes, so its mtime
    tells Sphinx whether *this* area's petitions changed.
    """
    return Path(srcdir) / GENERATED_DIR / PETITIONS_DIGESTS / f"{area}.sha256"


def _area_order(area: Area) -> tuple[int, str]:
    return (area.order if area.order is not None else 10**6, area.code)


def meeting_areas(ds: Dataset, include: list[str], exclude: list[str]) -> list[Area]:
    """Areas that get generated pages: current ones (no end date), as configured."""
    areas = [a for a in ds.areas.values() if a.valid_to is None]
    if include:
        areas = [a for a in areas if a.code in include]
    areas = [a for a in areas if a.code not in exclude]
    return sorted(areas, key=_area_order)
