"""Custom nodes that never reach a writer.

A pending citation: :mod:`.sources` replaces it during ``doctree-read`` with
standard nodes, so every builder works unchanged. A marker of the records a
paragraph shows: :mod:`.shown` takes it out at the same time.
"""

from __future__ import annotations

from docutils import nodes


class source_ref(nodes.Inline, nodes.Element):  # docutils names nodes in lower case
    """Attributes: ``source`` (code), ``section`` (text)."""


class shown_records(nodes.Invisible, nodes.Element):
    """Attribute: ``keys``, "indicators:code" and the like (see :mod:`.shown`)."""


def source_anchor(code: str) -> str:
    return f"hdnd-nguon-{code}"
