"""What one briefing holds: talking points, questions and the rest, for (area, audience)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.records import (
    Area,
    Audience,
    Indicator,
    NarrativeItem,
    Petition,
    Resolution,
)
from .budget import DEFAULT_BUDGET, Budget
from .local import LocalIndicator
from .relevance import Ranked, Relevance


@dataclass(frozen=True, slots=True)
class Point:
    """One talking point: a narrative item, an indicator or a resolution."""

    kind: str  # "item", "indicator", "resolution"
    record: NarrativeItem | Indicator | Resolution
    relevance: Relevance
    subjects: frozenset[str] = frozenset()
    text: str = ""  # for comparing texts


@dataclass(frozen=True, slots=True)
class Question:
    """A question voters may ask, with the task that answers it (a question nothing of
    the plan answers is not printed: the delegate would only say he takes note)."""

    kind: str  # "shortcoming", "local"
    subject: NarrativeItem
    answer: NarrativeItem
    relevance: Relevance
    #: the one concern asked, a sentence of a shortcoming that lists several (its title
    #: "Hạ tầng điện, viễn thông; giảm nghèo; tiêm chủng; an ninh"); empty: its title
    concern: str = ""
    #: the clauses of the answer's text that answer it, in order; empty: the whole text
    answer_clauses: tuple[str, ...] = ()



@dataclass
class Briefing:
    area: Area
    audience: Audience
    scope: set[str]
    budget: Budget = DEFAULT_BUDGET
    points: list[Point] = field(default_factory=list)
    indicators: list[LocalIndicator] = field(default_factory=list)
    #: further local items printed in full, then those only named (by title)
    local_items: list[Ranked[NarrativeItem]] = field(default_factory=list)
    local_titles: list[Ranked[NarrativeItem]] = field(default_factory=list)
    resolutions: list[Ranked[Resolution]] = field(default_factory=list)
    resolutions_total: int = 0
    petitions: list[Petition] = field(default_factory=list)  # within budget, in order
    petitions_total: int = 0
    open_earlier: list[Petition] = field(default_factory=list)  # of ``petitions``
    province_petitions: list[Petition] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    dropped: set[str] = field(default_factory=set)

    def printed_items(self) -> list[NarrativeItem]:
        """Every narrative item whose text the briefing prints."""
        out = [p.record for p in self.points if isinstance(p.record, NarrativeItem)]
        out += [r.item for r in self.local_items]
        out += [q.answer for q in self.questions]
        return out

