"""Chart files, named by the chart's key, written once and atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..files import write_if_changed
from .draw import render
from .model import Chart


def write_chart(chart: Chart, directory: Path, formats: Sequence[str] = ("svg", "pdf")
                ) -> dict[str, Path]:
    """Write the chart into ``directory`` as ``<key>.<fmt>``; files that already exist
    (same key, so same content) are not drawn again."""
    directory.mkdir(parents=True, exist_ok=True)
    out = {}
    for fmt in formats:
        path = directory / f"{chart.key}.{fmt}"
        if not path.is_file():
            write_if_changed(path, render(chart, fmt))
        out[fmt] = path
    return out
