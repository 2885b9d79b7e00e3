"""The dataset of a build: loaded once, shared by every directive, reported once.

The cache is keyed by the data folder and a fingerprint of its files, so a
changed file reloads the data, and forked parallel readers inherit the
dataset already loaded by the main process.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..model import Dataset, Severity, load_dataset

logger = logging.getLogger("sphinx_hdnd")

_CACHE: dict[Path, tuple[tuple[tuple[str, int, int], ...], Dataset]] = {}


def data_dir(confdir: str | os.PathLike[str], config: Config) -> Path:
    return Path(os.path.abspath(Path(confdir) / config.hdnd_data_dir))


#: the folder of the generated pages (``directives.briefing.GENERATED``)
GENERATED_DIR = "tiep-xuc"
#: one file per area, holding a digest of the petitions its pages show
PETITIONS_DIGESTS = ".kien-nghi"


def petitions_digest_path(srcdir: str | os.PathLike[str], area: str) -> Path:
    """The derived file that stands for ``petitions.csv`` in one area's pages.

    Written by the page generator only when the digest changes, so its mtime
    tells Sphinx whether *this* area's petitions changed.
    """
    return Path(srcdir) / GENERATED_DIR / PETITIONS_DIGESTS / f"{area}.sha256"


def _fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    if not root.is_dir():
        return ()
    out = []
    for p in sorted(root.iterdir()):
        if p.is_file():
            st = p.stat()
            out.append((p.name, st.st_mtime_ns, st.st_size))
    return tuple(out)


def dataset_at(root: Path) -> Dataset:
    fp = _fingerprint(root)
    cached = _CACHE.get(root)
    if cached is not None and cached[0] == fp:
        return cached[1]
    ds = load_dataset(root)
    _CACHE[root] = (fp, ds)
    return ds


def set_data_root(app: Sphinx) -> Path:
    """Resolve the data folder once per build, from the folder of conf.py (which is not
    the source folder under ``sphinx-build -c CONFDIR``), for every later reader."""
    root = data_dir(app.confdir, app.config)
    app.env.hdnd_data_root = str(root)  # type: ignore[attr-defined]
    return root


def get_dataset(env: BuildEnvironment) -> Dataset:
    """The build's dataset (``set_data_root`` ran at builder-inited)."""
    return dataset_at(Path(env.hdnd_data_root))  # type: ignore[attr-defined]


def report_problems(ds: Dataset) -> None:
    """Data problems become located Sphinx warnings (type hdnd, subtype from the catalogue)."""
    for p in ds.problems.items:
        path = ds.root.parent / p.origin.file
        # a location without ":" is taken by Sphinx for a document name (and gets ".rst"):
        # a problem with a whole file keeps the colon, "areas.csv:"
        location = f"{path}:{p.origin.lineno}" if p.origin.lineno else f"{path}:"
        column = f" (cột {p.origin.column})" if p.origin.column else ""
        if p.origin.sheet:
            column = f" (trang tính {p.origin.sheet}{', cột ' + p.origin.column if p.origin.column else ''})"
        message = f"[{p.code}]{column} {p.message}"
        if p.severity is Severity.INFO:
            logger.verbose(message, location=location)
        else:
            logger.warning(message, type="hdnd", subtype=p.kind.subtype, location=location)
