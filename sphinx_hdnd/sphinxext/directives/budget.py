"""``hdnd-budget``: revenue and spending against the council's estimate."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ...model.dataset import Dataset
from ...model.records import BudgetKind
from ..parts.budget import budget_lines, budget_paragraph, budget_table
from .base import HdndDirective


class BudgetDirective(HdndDirective):
    """Budget lines as sentences (default) or as a table."""

    uses = ("budget",)
    option_spec = {"kind": directives.unchanged, "layout": directives.unchanged}

    def render(self, ds: Dataset) -> list[nodes.Node]:
        kind_value = self.choice("kind", ["thu", "chi", "all"], "all")
        kind = None if kind_value == "all" else BudgetKind(kind_value)
        layout = self.choice("layout", ["text", "table"], "text")
        lines = budget_lines(ds, kind)
        if layout == "table":
            return [budget_table(ds, lines)] if lines else []
        return [budget_paragraph(ds, line) for line in lines]
