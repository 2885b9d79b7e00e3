"""An area's own indicators beside the province's, as a table."""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ...model.records import Area
from ...phrasing.briefing import (
    comparison_text,
    lower_first,
    rank_text,
    upper_first,
)
from ...phrasing.figures import indicator_sentence
from ...tailoring import (
    LocalIndicator,
)
from ..render import (
    Cites,
    cited_paragraph,
    figure_node,
    table,
)


def local_rank(li: LocalIndicator, ds: Dataset | None = None) -> str:
    ind = li.indicator
    area = ds.areas.get(ind.area or "") if ds is not None else None
    # a former district's figure is ranked among the former districts: say so
    peers = "địa bàn cũ" if area is not None and area.is_former else "địa bàn"
    return rank_text(li.rank, li.of, li.level, tied=li.tied, highest=li.highest,
                     lowest=li.lowest, rate=ind.is_rate, higher_is_better=ind.higher_is_better,
                     peers=peers)


def local_indicator_table(ds: Dataset, indicators: list[LocalIndicator], area: Area
                          ) -> nodes.table:
    """An area's figures beside the province's, and where it stands among the areas."""
    rows: list[list[nodes.Node | str]] = []
    for li in indicators:
        ind = li.indicator
        label = f"{ind.name} ({lower_first(ind.period)})"
        if ind.area != area.code and ind.area in ds.areas:  # a commune inside an electoral unit
            label += f", {ds.areas[ind.area].display_name}"
        cites = Cites()
        rows.append([label,
                     cited_paragraph(ds, [figure_node(ds, indicator_sentence(ind), ind, cites)],
                                     cites),
                     comparison_text(ind, li.province),
                     local_rank(li, ds)])
    return table(["Chỉ tiêu", upper_first(area.full_name), "So với toàn tỉnh",
                  "Vị trí trong tỉnh"], rows, [30, 25, 25, 20], ["hdnd-local-indicators"])
