"""The sidebar's tree is computed once per folder (``sphinxext/navigation.py``).

For pages outside it, the briefing limit is lowered so that the post-reform
test root's briefings are left out of the tree, as a large province's are. For
pages in it, each gets the folder's tree with its own marks. Either way the
site written with the shared trees is byte for byte the one Sphinx writes
computing every page's tree.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.builders.html import StandaloneHTMLBuilder

from sphinx_hdnd.sphinxext import generate, navigation

ROOT = Path(__file__).parent / "roots" / "test-hdnd-reform"
FURO = {"html_theme": "furo"}


def pages(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in outdir.rglob("*.html")}


def sphinx_resolved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the pages for which Sphinx itself resolves the tree, in order."""
    resolved: list[str] = []
    sphinx_toctree = StandaloneHTMLBuilder._get_local_toctree

    def counted(self: Any, docname: str, *args: Any, **kwargs: Any) -> str:
        resolved.append(docname)
        return sphinx_toctree(self, docname, *args, **kwargs)

    monkeypatch.setattr(StandaloneHTMLBuilder, "_get_local_toctree", counted)
    return resolved


def assert_same_pages(shared: Any, own: Any) -> dict[str, bytes]:
    """Both builds succeeded and wrote the same pages, byte for byte; the shared build's pages."""
    assert own.statuscode == 0 and shared.statuscode == 0
    mine, theirs = pages(shared.outdir), pages(own.outdir)
    assert sorted(mine) == sorted(theirs)
    assert [name for name in theirs if mine[name] != theirs[name]] == []
    return mine


def test_pages_outside_the_tree_share_one_tree_per_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sphinx_run: Callable[..., Any]) -> None:
    monkeypatch.setattr(generate, "NAV_BRIEFINGS_MAX", 0)
    shutil.copytree(ROOT, tmp_path / "own")
    shutil.copytree(ROOT, tmp_path / "shared")

    with monkeypatch.context() as m:  # Sphinx's own: every page computes its tree
        m.setattr(navigation, "share_toctree", lambda *args: None)
        own = sphinx_run("html", tmp_path / "own", tmp_path / "own" / "_build",
                         confoverrides=FURO)
    computed = sphinx_resolved(monkeypatch)
    shared = sphinx_run("html", tmp_path / "shared", tmp_path / "shared" / "_build",
                        confoverrides=FURO)
    mine = assert_same_pages(shared, own)

    # the briefings are outside the tree, and the sidebar is there, with every area
    briefings = sorted(d for d in shared.found_docs
                       if d.startswith("tiep-xuc/") and d.count("/") == 2
                       and not d.endswith("/index"))
    folders = {d.rsplit("/", 1)[0] for d in briefings}
    assert len(briefings) >= 2 * len(folders) > 0
    first = briefings[0]
    own_folder = first.rsplit("/", 1)[0]
    sidebar = BeautifulSoup(mine[first + ".html"].decode(), "html.parser").select_one(
        ".sidebar-tree")
    assert sidebar is not None
    links = {a["href"] for a in sidebar.select("a.reference")}
    areas = {"index.html" if f == own_folder else "../" + f.split("/")[1] + "/index.html"
             for f in folders}
    assert areas <= links
    assert not any(b.rsplit("/", 1)[1] + ".html" in links for b in briefings)

    # one tree per folder (the first of its briefings written), not one per page
    resolved = [d for d in computed if d in briefings]
    assert sorted(d.rsplit("/", 1)[0] for d in resolved) == sorted(folders)
    assert len(resolved) < len(briefings)

    # a parallel build writes in worker processes, each with the trees it computed
    shutil.copytree(ROOT, tmp_path / "parallel")
    parallel = sphinx_run("html", tmp_path / "parallel", tmp_path / "parallel" / "_build",
                          confoverrides=FURO, parallel=2)
    assert parallel.statuscode == 0
    in_parallel, theirs = pages(parallel.outdir), pages(own.outdir)
    assert [name for name in theirs if in_parallel.get(name) != theirs[name]] == []


@pytest.mark.parametrize(("theme", "tocdepth"),
                         [("furo", False), ("alabaster", False), ("furo", True)])
def test_pages_in_the_tree_get_the_folder_tree_with_their_own_marks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sphinx_run: Callable[..., Any],
        theme: str, tocdepth: bool) -> None:
    """furo unfolds the whole tree: one per folder, marked per page. alabaster folds it, and
    Sphinx copies a page that sets ``tocdepth`` differently in its own branch: Sphinx's own."""
    # two hand-written pages in a folder whose name is not ASCII (their addresses are quoted)
    for root in ("own", "shared"):
        shutil.copytree(ROOT, tmp_path / root)
        index = tmp_path / root / "index.rst"
        index.write_text(index.read_text(encoding="utf-8")
                         + "   tài-liệu/hướng-dẫn\n   tài-liệu/phụ-lục\n", encoding="utf-8")
        (tmp_path / root / "tài-liệu").mkdir()
        for name, title in (("hướng-dẫn", "Hướng dẫn"), ("phụ-lục", "Phụ lục")):
            (tmp_path / root / "tài-liệu" / f"{name}.rst").write_text(
                f"{title}\n{'=' * len(title)}\n\nNội dung.\n", encoding="utf-8")
    if tocdepth:  # a page whose sub-page sits in a section deeper than its tocdepth
        for root in ("own", "shared"):
            index = tmp_path / root / "index.rst"
            index.write_text(index.read_text(encoding="utf-8") + "   gioi-thieu\n",
                             encoding="utf-8")
            (tmp_path / root / "gioi-thieu.rst").write_text(
                ":tocdepth: 1\n\nGiới thiệu\n==========\n\nPhần một\n--------\n\n"
                ".. toctree::\n\n   phu-luc\n", encoding="utf-8")
            (tmp_path / root / "phu-luc.rst").write_text("Phụ lục\n=======\n\nNội dung.\n",
                                                          encoding="utf-8")
    conf = {"html_theme": theme}
    with monkeypatch.context() as m:
        m.setattr(navigation, "share_toctree", lambda *args: None)
        own = sphinx_run("html", tmp_path / "own", tmp_path / "own" / "_build", confoverrides=conf)

    folder_trees: list[str] = []  # folders whose unmarked tree was resolved
    folder_tree = navigation._folder_tree

    def counted_folder(builder: Any, folder: str, kwargs: dict[str, Any]) -> Any:
        folder_trees.append(folder)
        return folder_tree(builder, folder, kwargs)

    made: list[navigation.SharedToctrees] = []

    class Recorded(navigation.SharedToctrees):
        def __init__(self, env: Any) -> None:
            super().__init__(env)
            made.append(self)

    sphinx_trees = sphinx_resolved(monkeypatch)
    monkeypatch.setattr(navigation, "_folder_tree", counted_folder)
    monkeypatch.setattr(navigation, "SharedToctrees", Recorded)
    shared = sphinx_run("html", tmp_path / "shared", tmp_path / "shared" / "_build",
                        confoverrides=conf)
    mine = assert_same_pages(shared, own)

    in_tree = made[-1].in_tree
    assert any(d.startswith("tiep-xuc/") and d.count("/") == 2 for d in in_tree)
    if theme == "furo" and not tocdepth:
        # no page of the tree had Sphinx resolve it; each folder resolved once
        assert not set(sphinx_trees) & in_tree
        assert sorted(folder_trees) == sorted(set(folder_trees))
        assert len(folder_trees) < len(in_tree)
        # and only the folder being written is held (the trees of 200 folders are ~150 MiB)
        assert len({folder for folder, _ in made[-1].unmarked}) == 1
        # the page's own link and its branch are marked, as Sphinx marks them
        area = next(d for d in sorted(in_tree) if d.endswith("/index") and d.count("/") == 2)
        sidebar = BeautifulSoup(mine[area + ".html"].decode(), "html.parser").select_one(
            ".sidebar-tree")
        assert sidebar is not None
        itself = sidebar.select("a.current.reference")
        assert [a["href"] for a in itself] == ["#"]
        assert "current" in itself[0].find_parent("li")["class"]
    else:
        assert folder_trees == [] and set(sphinx_trees) >= in_tree
