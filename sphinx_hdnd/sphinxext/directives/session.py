"""``hdnd-session``: the session at a glance (length, dates, attendance, guests)."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ...model.dataset import Dataset
from ..parts.session import session_nodes
from .base import HdndDirective


class SessionDirective(HdndDirective):
    """Renders the session overview of the đề cương."""

    uses = ("session",)
    option_spec = {"brief": directives.flag}

    def render(self, ds: Dataset) -> list[nodes.Node]:
        return session_nodes(ds, brief="brief" in self.options)
