"""Which meetings with voters a page is for: this session's, by area and audience."""

from __future__ import annotations

import re

from .dataset import Dataset
from .records import Meeting


def _clock(time: str) -> tuple[int, int]:
    """"8 giờ 00", "14h30", "7:30" -> (8, 0), (14, 30), (7, 30); unknown last."""
    found = re.match(r"\s*(\d{1,2})\s*(?:giờ|h|:)?\s*(\d{1,2})?", time)
    if not found:
        return (99, 0)
    return (int(found.group(1)), int(found.group(2) or 0))


def this_sessions(ds: Dataset) -> list[Meeting]:
    current = ds.session.code if ds.session is not None else None
    return sorted((m for m in ds.meetings if (m.session or current) == current),
                  key=lambda m: (m.date, _clock(m.time), m.area, m.code))


def meetings_of(ds: Dataset, area: str, audience: str | None = None) -> list[Meeting]:
    """This session's meetings in an area: for one audience, or open to every voter."""
    return [m for m in this_sessions(ds)
            if m.area == area and (audience is None or m.audience in (None, audience))]
