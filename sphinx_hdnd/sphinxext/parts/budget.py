"""Budget lines as sentences and a table."""

from __future__ import annotations

from docutils import nodes

from ...model import compute
from ...model.dataset import Dataset
from ...model.records import BudgetKind, BudgetLine
from ...phrasing import format_percent
from ...phrasing.figures import budget_sentence, money_text, shown
from ...phrasing.sentences import lower_first
from ..render import Cites, cited_paragraph, figure_node, table, text


def budget_lines(ds: Dataset, kind: BudgetKind | None = None) -> list[BudgetLine]:
    lines = [b for b in ds.budget if kind is None or b.kind is kind]
    return sorted(lines, key=lambda b: (b.order if b.order is not None else 10**6,
                                        b.origin.row or 0))


def budget_paragraph(ds: Dataset, line: BudgetLine) -> nodes.paragraph:
    cites = Cites()
    body: list[nodes.Node] = [text(f"{line.name} {line.period}: ")]
    body.append(figure_node(ds, budget_sentence(line), line, cites))
    body.append(text("."))
    return cited_paragraph(ds, body, cites)


def budget_table(ds: Dataset, lines: list[BudgetLine]) -> nodes.table:
    # a column of dashes tells the reader nothing: the estimate column only when some
    # line states its estimate (the đề cương gives only the % of it)
    with_estimate = any(line.estimate is not None for line in lines)
    rows = []
    for line in lines:
        cites = Cites()
        pct = compute.budget_pct(line)
        estimate = money_text(line, line.estimate) or "—"
        if line.estimate is not None and line.estimate_period:
            estimate += f" ({lower_first(line.estimate_period)})"
        rows.append([
            line.name,
            line.period,
            *([estimate] if with_estimate else []),
            cited_paragraph(ds, [figure_node(ds, money_text(line, line.actual), line, cites)]
                            if line.actual is not None else [text("—")], cites),
            format_percent(shown(pct)) if pct is not None else "—",
        ])
    if with_estimate:
        return table(["Khoản", "Kỳ", "Dự toán", "Thực hiện", "% dự toán"], rows,
                     [30, 14, 16, 24, 10], ["hdnd-budget"])
    return table(["Khoản", "Kỳ", "Thực hiện", "% dự toán"], rows, [38, 18, 30, 14],
                 ["hdnd-budget"])
