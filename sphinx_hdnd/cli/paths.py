"""Where a project keeps its data and its last build."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = "data"


def data_dir(project: Path) -> Path:
    """A project folder holds data/; a data folder may be given directly."""
    if (project / DATA_DIR).is_dir():
        return project / DATA_DIR
    return project


def doctree_dir(project: Path, out: Path | None = None) -> Path:
    """Where ``hdnd build`` keeps Sphinx's cache (and the record of what pages show)."""
    return (out or project / "_build") / "html" / ".doctrees"
