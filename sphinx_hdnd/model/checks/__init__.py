"""Cross-checks over a loaded dataset: references, consistency, computed figures."""

from __future__ import annotations

from ..dataset import Dataset
from ..sanity import check_sanity
from .figures import check_budget, check_indicators, check_narrative_text, check_shares
from .petitions import check_petitions
from .references import check_references
from .structure import check_areas, check_audiences, check_predecessors, check_province, check_session


def check_dataset(ds: Dataset) -> None:
    check_province(ds)
    check_predecessors(ds)
    check_session(ds)
    check_areas(ds)
    check_audiences(ds)
    check_references(ds)
    check_indicators(ds)
    check_shares(ds)
    check_budget(ds)
    check_narrative_text(ds)
    check_petitions(ds)
    check_sanity(ds)
