"""Writing an output file: only when its bytes change, and never half-written."""

from __future__ import annotations

import os
from pathlib import Path


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it already holds exactly that (its date then stays,
    so nothing that depends on it is rebuilt); atomically, so that a parallel build never
    reads a half-written file. The temporary name starts with a dot (a ``name.*`` glob
    never sees it) and carries the process id (parallel builds write side by side); it
    is written with the usual permissions, so a web server can read what is published.
    Whether the file was written."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return True
