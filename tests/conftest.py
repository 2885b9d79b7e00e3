"""Shared fixtures: the minimal valid project and a runner for ``hdnd``."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytest_plugins = ("sphinx.testing.fixtures",)

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "minimal"


@pytest.fixture
def minimal_project() -> Path:
    """The minimal valid project (read only: copy it before changing anything)."""
    return MINIMAL


@pytest.fixture
def minimal_data() -> Path:
    """The data folder of the minimal valid project (read only)."""
    return MINIMAL / "data"


@pytest.fixture
def copy_project(tmp_path: Path) -> Callable[[], Path]:
    """``copy_project()`` copies the minimal project into tmp and returns its data folder."""

    def copy() -> Path:
        target = tmp_path / "project"
        shutil.copytree(MINIMAL, target)
        return target / "data"

    return copy


@dataclass
class CliResult:
    exit_code: int
    output: str
    json: dict[str, Any] | None

    @property
    def problems(self) -> list[dict[str, Any]]:
        return self.json["problems"] if self.json else []

    def codes(self) -> list[str]:
        return [p["code"] for p in self.problems]


def run_cli(*args: str) -> CliResult:
    """Run ``hdnd ARGS``; when ``--format json`` is given, parse the output."""
    from sphinx_hdnd.cli import main

    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    output = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        output += "Traceback\n" + "".join(traceback.format_exception(result.exception))
    parsed = None
    if "json" in args and result.exit_code in (0, 1) and output.lstrip().startswith("{"):
        parsed = json.loads(output)
    return CliResult(result.exit_code, output, parsed)


@pytest.fixture
def hdnd() -> Callable[..., CliResult]:
    """``hdnd("validate", path, "--format", "json")``."""
    return run_cli


# ------------------------------------------------------------------ Sphinx builds (test_sphinx_*)


@dataclass
class SphinxRun:
    """One Sphinx build: its output, its warnings (plain text) and what it read."""

    builder: str
    srcdir: Path
    outdir: Path
    warnings: str
    statuscode: int
    parallel_read: bool
    read_docs: list[str]
    found_docs: set[str]

    def warning_lines(self) -> list[str]:
        return [line for line in self.warnings.splitlines() if "WARNING" in line]


@pytest.fixture(scope="session")
def sphinx_run() -> Callable[..., SphinxRun]:
    """``sphinx_run(builder, srcdir, builddir, parallel=0, warningiserror=True, freshenv=True,
    confoverrides=None)``: a build in this process, set up as ``sphinx-build`` sets it up
    (docutils patched, so that e.g. ``language = "vi"`` is not reported by docutils), with
    the documents read recorded from ``env-before-read-docs``."""
    import re
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    ansi = re.compile(r"\x1b\[[0-9;]*m")

    def run(builder: str, srcdir: Path, builddir: Path, *, parallel: int = 0,
            warningiserror: bool = True, freshenv: bool = True,
            confoverrides: dict[str, Any] | None = None) -> SphinxRun:
        warning = StringIO()
        read: list[str] = []
        with patch_docutils(srcdir), docutils_namespace():
            app = SphinxTestApp(builder, srcdir=srcdir, builddir=builddir, warning=warning,
                                status=StringIO(), parallel=parallel,
                                warningiserror=warningiserror, freshenv=freshenv,
                                confoverrides=confoverrides or {})
            try:
                app.connect("env-before-read-docs",
                            lambda _app, _env, docnames: read.extend(sorted(docnames)))
                parallel_read = bool(app.parallel > 1 and app.is_parallel_allowed("read"))
                app.build()
                found = set(app.env.found_docs)
            finally:
                app.cleanup()
        return SphinxRun(builder, srcdir, Path(app.outdir), ansi.sub("", warning.getvalue()),
                         app.statuscode, parallel_read, read, found)

    return run
