"""The :class:`Dataset`: everything a build needs, loaded once (see :mod:`.loader`).

A dataset never changes once loaded, so what is derived from it is computed on
first use and kept on it (``functools.cached_property``): a page's charts and
local figures are then dictionary lookups instead of scans of the province's data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from .area_links import linked_areas
from .measures import MeasureIndex, build_measure_index
from .problems import ProblemLog
from .records import (
    Area,
    Audience,
    BudgetLine,
    Choice,
    Indicator,
    Meeting,
    Narrative,
    Petition,
    PetitionEvent,
    Province,
    Ranking,
    Resolution,
    Session,
    Source,
    Topic,
)

T = TypeVar("T")


@dataclass
class Dataset:
    """Everything a build needs, loaded once."""

    root: Path
    province: Province | None = None
    session: Session | None = None
    topics: dict[str, Topic] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    audiences: dict[str, Audience] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    rankings: dict[str, Ranking] = field(default_factory=dict)
    budget: list[BudgetLine] = field(default_factory=list)
    narrative: Narrative = field(default_factory=Narrative)
    resolutions: list[Resolution] = field(default_factory=list)
    petitions: list[Petition] = field(default_factory=list)
    petition_history: list[PetitionEvent] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    #: logical table name -> the file it was read from (for dependency tracking)
    files: dict[str, Path] = field(default_factory=dict)
    problems: ProblemLog = field(default_factory=ProblemLog)
    #: codes of rows that failed to load, so references to them are not reported twice
    broken_codes: dict[str, set[str]] = field(default_factory=dict)
    #: tables and YAML lists that exist (or are required) but could not be read at all:
    #: references into them are not checked, the one problem with the file is enough
    failed: set[str] = field(default_factory=set)
    #: the topic vocabulary came from the package, not the province
    default_topics: bool = False

    def relpath(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return path.name

    @cached_property
    def item_areas(self) -> dict[int, list[str]]:
        """Each linkable record's areas (by ``id``): declared ones, then those named in
        its text (:mod:`.area_links`)."""
        return linked_areas(self)

    @cached_property
    def measure_index(self) -> MeasureIndex:
        """The measures several areas report (:mod:`.measures`)."""
        return build_measure_index(self)

    @cached_property
    def _derived(self) -> dict[str, Any]:
        return {}

    def derived(self, key: str, make: Callable[[], T]) -> T:
        """What a layer above makes once from this dataset (each area's chart, the subjects
        of the narrative), kept with it so that it lives and dies with the dataset; the
        model itself draws and phrases nothing."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]  # type: ignore[no-any-return]
