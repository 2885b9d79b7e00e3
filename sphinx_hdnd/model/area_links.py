"""Areas named in text: "huyện Mường Nhé", "Mường Nhé", "thành phố Điện Biên Phủ".

An item whose text names an area is linked to that area unless the item
says ``no_area_links``. The names looked for are the area's full name
("huyện Mường Nhé") and its aliases ("Mường Nhé"), so staff decide which bare
names are safe; the longest name wins, so "huyện Điện Biên Đông" is never
read as "huyện Điện Biên". ``hdnd validate`` lists the
links so staff can review them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .origin import Origin
from .records import NarrativeItem, Resolution

if TYPE_CHECKING:  # the dataset keeps what this module finds (Dataset.item_areas)
    from .dataset import Dataset


@dataclass(frozen=True, slots=True)
class AreaLink:
    origin: Origin
    area: str
    matched: str  # the words found in the text


def _matcher(ds: Dataset) -> tuple[re.Pattern[str], dict[str, str]] | None:
    spellings: dict[str, str] = {}
    for area in ds.areas.values():
        # a bare name is matched only when the data lists it as an alias: "Điện Biên Phủ"
        # alone may be the victory, not the city
        for name in (area.full_name, *area.aliases):
            key = name.casefold().strip()
            if key and key not in spellings:
                spellings[key] = area.code
    if not spellings:
        return None
    alternatives = sorted(spellings, key=len, reverse=True)  # longest first
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)",
                         re.IGNORECASE)
    return pattern, spellings


def _linkable(ds: Dataset) -> list[NarrativeItem | Resolution]:
    return [*ds.narrative.all_items(), *ds.resolutions]


def find_links(ds: Dataset) -> dict[int, list[AreaLink]]:
    """Areas named in each item's text that its ``areas`` column does not list."""
    got = _matcher(ds)
    if got is None:
        return {}
    pattern, spellings = got
    out: dict[int, list[AreaLink]] = {}
    for rec in _linkable(ds):
        if isinstance(rec, NarrativeItem) and rec.no_area_links:
            continue
        text = f"{rec.title} {rec.text}" if isinstance(rec, NarrativeItem) else rec.title
        found: list[AreaLink] = []
        for m in pattern.finditer(text):
            code = spellings[m.group(1).casefold()]
            if code not in rec.areas and code not in {f.area for f in found}:
                found.append(AreaLink(rec.origin, code, m.group(1)))
        if found:
            out[id(rec)] = found
    return out


def linked_areas(ds: Dataset) -> dict[int, list[str]]:
    """Each linkable record's areas: declared ones, then those named in its text."""
    links = find_links(ds)
    return {id(rec): [*rec.areas, *(link.area for link in links.get(id(rec), []))]
            for rec in _linkable(ds)}


def effective_areas(ds: Dataset) -> dict[int, list[str]]:
    """:func:`linked_areas`, found once per dataset and kept on it."""
    return ds.item_areas
