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
from collections.abc import Iterator
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


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class AreaNames:
    """The areas' names, found in a text as whole words, case aside, the longest first.

    Looked up word by word in a dictionary rather than by one regular expression of every
    name: compiling that expression took a tenth of a second for 1,000 areas."""

    codes: dict[str, str]  # a spelling, casefolded -> its area's code
    #: a spelling's first word -> the most words a spelling starting with it has
    widths: dict[str, int]

    @classmethod
    def of(cls, ds: Dataset) -> AreaNames | None:
        codes: dict[str, str] = {}
        for area in ds.areas.values():
            # a bare name is matched only when the data lists it as an alias: "Điện Biên Phủ"
            # alone may be the victory, not the city
            for name in (area.full_name, *area.aliases):
                key = name.casefold().strip()
                if key and key not in codes:
                    codes[key] = area.code
        widths: dict[str, int] = {}
        for key in codes:
            words = _WORD.findall(key)
            if words:
                widths[words[0]] = max(widths.get(words[0], 0), len(words))
        return cls(codes, widths) if codes else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, area code) of each name in ``text``, left to right, not overlapping;
        where two names start at the same word, the longer."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        i = 0
        while i < len(words):
            start, end = words[i]
            width = self.widths.get(text[start:end].casefold(), 0)
            for k in range(min(width, len(words) - i), 0, -1):
                code = self.codes.get(text[start:words[i + k - 1][1]].casefold())
                if code is not None:
                    yield start, words[i + k - 1][1], code
                    i += k - 1
                    break
            i += 1


def _linkable(ds: Dataset) -> list[NarrativeItem | Resolution]:
    return [*ds.narrative.all_items(), *ds.resolutions]


def find_links(ds: Dataset) -> dict[int, list[AreaLink]]:
    """Areas named in each item's text that its ``areas`` column does not list."""
    names = AreaNames.of(ds)
    if names is None:
        return {}
    out: dict[int, list[AreaLink]] = {}
    for rec in _linkable(ds):
        if isinstance(rec, NarrativeItem) and rec.no_area_links:
            continue
        text = f"{rec.title} {rec.text}" if isinstance(rec, NarrativeItem) else rec.title
        found: list[AreaLink] = []
        for start, end, code in names.finditer(text):
            if code not in rec.areas and code not in {f.area for f in found}:
                found.append(AreaLink(rec.origin, code, text[start:end]))
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
