"""The one custom node: a pending citation, numbered per page after reading.

It never reaches a writer: :mod:`.sources` replaces it during
``doctree-read`` with standard nodes, so every builder works unchanged.
"""

from __future__ import annotations

from docutils import nodes


class source_ref(nodes.Inline, nodes.Element):  # docutils names nodes in lower case
    """Attributes: ``source`` (code), ``section`` (text)."""


def source_anchor(code: str) -> str:
    return f"hdnd-nguon-{code}"
