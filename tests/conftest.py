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
