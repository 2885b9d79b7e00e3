"""The events sphinx-hdnd emits for a program that runs the build itself (``hdnd build``).

Connect to them after creating the :class:`sphinx.application.Sphinx` application:

- ``hdnd-booklet-progress`` ``(app)``: return how to show the printing of the booklets (a
  :data:`sphinx_hdnd.pdf.Progress`), or ``None`` for Sphinx's own status line;
- ``hdnd-booklets-printed`` ``(app, result)``: the PDFs are done (a :class:`sphinx_hdnd.pdf.Result`);
- ``hdnd-word-written`` ``(app, result)``: the Word files are done
  (a :class:`sphinx_hdnd.docx.DocxResult`).
"""

from __future__ import annotations

from typing import Any

BOOKLET_PROGRESS = "hdnd-booklet-progress"
BOOKLETS_PRINTED = "hdnd-booklets-printed"
WORD_WRITTEN = "hdnd-word-written"


def add_events(app: Any) -> None:
    for name in (BOOKLET_PROGRESS, BOOKLETS_PRINTED, WORD_WRITTEN):
        app.add_event(name)
