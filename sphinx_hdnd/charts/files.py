"""Chart files, named by the chart's key, written once and atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .draw import render
from .model import Chart


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` unless it already holds exactly that; atomically, so that
    parallel builds never read a half-written file (temporary names start with a dot, so a
    ``name.*`` glob never sees them)."""
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_chart(chart: Chart, directory: Path, formats: Sequence[str] = ("svg", "pdf")
                ) -> dict[str, Path]:
    """Write the chart into ``directory`` as ``<key>.<fmt>``; files that already exist
    (same key, so same content) are not drawn again."""
    directory.mkdir(parents=True, exist_ok=True)
    out = {}
    for fmt in formats:
        path = directory / f"{chart.key}.{fmt}"
        if not path.is_file():
            _write_atomic(path, render(chart, fmt))
        out[fmt] = path
    return out
