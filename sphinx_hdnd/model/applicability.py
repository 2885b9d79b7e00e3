"""Where an audience applies: border voters only in border areas, and so on.

An area carries attributes (``bien-gioi``, ``do-thi`` …) in ``areas.csv``; an
audience may name, in ``applies_to``, attributes or area codes. An electoral
unit or an old district takes the attributes of the areas inside it, so a unit
with one border commune has border voters. An audience with no ``applies_to``
applies everywhere (the data of earlier releases keeps every briefing).
"""

from __future__ import annotations

from .dataset import Dataset
from .places import ancestors, descendants
from .records import Audience


def area_attributes(ds: Dataset, code: str) -> set[str]:
    """The attributes of an area and of the areas inside it."""
    return {attr for c in {code} | descendants(ds, code) if c in ds.areas for attr in ds.areas[c].attributes}


def known_attributes(ds: Dataset) -> set[str]:
    return {attr for a in ds.areas.values() for attr in a.attributes}


def applies(ds: Dataset, area: str, audience: Audience) -> bool:
    """Whether a briefing for ``audience`` is made in ``area``."""
    if not audience.applies_to:
        return True
    wanted = set(audience.applies_to)
    if wanted & ({area} | set(ancestors(ds, area)) | descendants(ds, area)):
        return True
    return bool(wanted & area_attributes(ds, area))
