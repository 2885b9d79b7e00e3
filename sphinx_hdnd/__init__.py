"""sphinx-hdnd: briefings for People's Council delegates' meetings with voters.

Enable with ``extensions = ["sphinx_hdnd"]``. The Sphinx layer is imported
only when Sphinx calls :func:`setup`, so the model and the CLI stay usable
without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    from .sphinxext.extension import setup as _setup

    return _setup(app)
