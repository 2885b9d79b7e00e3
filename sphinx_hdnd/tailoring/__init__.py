"""Tailoring: what a briefing for one area and one audience contains, and in what order.

Pure and deterministic, no Sphinx. The rules, which the page shows the office
staff (never the voters):

* an item is **local** when one of its areas is the meeting's area, an area
  inside it, the area it belongs to, or an old area it replaced (so data
  organised by districts still reaches the communes that succeeded them); an
  item that names most of the areas of one level (half or more, and at least
  three) is **province-wide**: the area's own figure from it is what goes local;
* its **weight** is the audience's highest weight over the item's topics, and
  the audience may name what it wants first (``first``: topics or indicators);
* "Điểm cần nói" takes the office's pinned items, then local points, then
  province-wide points the audience wants first or weighs most, within the
  budget; never two points on the same subject (the same indicator, the same
  named project or place, or near-identical text), never a topic the audience
  gives no weight as a point's main topic; figures of the session's own period
  come before older ones;
* a likely question is answered by a task of the same subject, and an answer
  serves one question; without one the page says the delegate takes note;
* nothing appears twice in one briefing; everything else is in the province
  đề cương, linked.

Modules: :mod:`.areas` (scope of an area), :mod:`.relevance`, :mod:`.subjects`
(what an item is about), :mod:`.local` (the area's own indicators),
:mod:`.briefing` (what a briefing holds), :mod:`.budget` (how much),
:mod:`.selection` (building one), :mod:`.questions`.
"""


from .areas import area_scope, audience_order, audiences_for, is_broad, siblings
from .briefing import Briefing, Point, Question
from .budget import DEFAULT_BUDGET, Budget
from .local import LocalIndicator, local_codes, local_indicators
from .relevance import Ranked, Relevance
from .selection import build_briefing

__all__ = [
    "DEFAULT_BUDGET",
    "Briefing",
    "Budget",
    "LocalIndicator",
    "Point",
    "Question",
    "Ranked",
    "Relevance",
    "area_scope",
    "audience_order",
    "audiences_for",
    "build_briefing",
    "is_broad",
    "local_codes",
    "local_indicators",
    "siblings",
]
