"""One Sphinx build helper for the reliability tests (corpus, injection, reproducibility…).

``sphinx_build(project)`` builds a project folder in this process with
:class:`sphinx.testing.util.SphinxTestApp` (which cleans docutils' global
registries afterwards, so many builds can run in one pytest process) and
returns the status code, the warnings as plain text and the output folder.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp

ANSI = re.compile(r"\x1b\[[0-9;]*m")

TINY_CONF = """\
extensions = ["sphinx_hdnd"]
exclude_patterns = ["_build", "data"]
hdnd_briefings = False
"""

TINY_INDEX = """\
Đề cương
========

.. hdnd-outline::
"""


@dataclass
class Build:
    statuscode: int
    warnings: str
    status: str
    outdir: Path

    def warning_lines(self) -> list[str]:
        return [line for line in self.warnings.splitlines() if "WARNING" in line]


def tiny_project(folder: Path, data: Path | None = None, conf: str = TINY_CONF,
                 index: str = TINY_INDEX) -> Path:
    """conf.py + index.rst with ``hdnd-outline``; ``data`` is copied to ``folder/data``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.py").write_text(conf, encoding="utf-8")
    (folder / "index.rst").write_text(index, encoding="utf-8")
    if data is not None and not (folder / "data").exists():
        shutil.copytree(data, folder / "data")
    return folder


def sphinx_build(project: Path, builder: str = "text", *, warningiserror: bool = False,
                 builddir: Path | None = None, parallel: int = 0,
                 confoverrides: dict[str, Any] | None = None,
                 freshenv: bool = True, connect: dict[str, Any] | None = None) -> Build:
    """Build ``project`` (its own conf.py) with ``builder``; never raises on warnings.
    ``connect``: event name → handler, connected before the build."""
    builddir = builddir or project / "_build"
    status, warning = StringIO(), StringIO()
    app = SphinxTestApp(builder, srcdir=project, builddir=builddir, freshenv=freshenv,
                        confoverrides=confoverrides or {}, status=status, warning=warning,
                        warningiserror=warningiserror, parallel=parallel)
    for event, handler in (connect or {}).items():
        app.connect(event, handler)
    try:
        app.build()
        code = app.statuscode
    finally:
        app.cleanup()
    return Build(code, ANSI.sub("", warning.getvalue()), ANSI.sub("", status.getvalue()),
                 Path(app.outdir))
