"""``hdnd-questions``: the debate and the questioning session (section V of the đề cương)."""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ..parts.questions import debate_paragraph, questioning_paragraphs
from .base import HdndDirective


class QuestionsDirective(HdndDirective):
    """Debate, questioning and oversight facts of the session."""

    uses = ("session",)

    def render(self, ds: Dataset) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        debate = debate_paragraph(ds)
        if debate is not None:
            out.append(debate)
        out.extend(questioning_paragraphs(ds))
        return out
