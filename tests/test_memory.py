"""A large province's build does not hold every document in memory (``sphinxext/memory.py``).

The threshold is lowered so that the post-reform test root counts as large:
the documents read are then not kept between reading and writing, and the
site written is byte for byte the one Sphinx writes with its cache.
"""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.docutils import docutils_namespace, patch_docutils

from sphinx_hdnd.sphinxext import memory

ROOT = Path(__file__).parent / "roots" / "test-hdnd-reform"


def build(project: Path) -> tuple[dict[str, bytes], int, int]:
    """The HTML pages, the documents held after reading, and the documents read."""
    held: list[int] = []
    with patch_docutils(project), docutils_namespace():
        app = SphinxTestApp("html", srcdir=project, builddir=project / "_build",
                            status=StringIO(), warning=StringIO(), freshenv=True)
        try:
            app.connect("env-updated", lambda _app, env: held.append(
                len(env._write_doc_doctree_cache)))
            app.build()
            assert app.statuscode == 0 and "WARNING" not in app._warning.getvalue()
            read = len(app.env.found_docs)
        finally:
            app.cleanup()
    out = Path(app.outdir)
    pages = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.html")}
    return pages, held[0], read


def test_large_site_releases_documents_and_writes_the_same_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT, tmp_path / "kept")
    shutil.copytree(ROOT, tmp_path / "released")
    kept, held_kept, read = build(tmp_path / "kept")
    assert read > 10 and held_kept == read  # Sphinx's own behaviour: every document held

    monkeypatch.setattr(memory, "LARGE_SITE_DOCS", 1)
    released, held_released, _ = build(tmp_path / "released")
    assert held_released <= 1
    assert sorted(released) == sorted(kept)
    assert [name for name in kept if released[name] != kept[name]] == []
