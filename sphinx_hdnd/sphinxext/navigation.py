"""The site-wide table of contents, computed once per folder and reused by its pages.

An HTML theme puts the whole table of contents in every page (furo: the
sidebar), and Sphinx computes it anew for each page: with 200 communes that is
200 entries for each of 1,800 pages, about a fifth of the build, and in the
example it is half of the writing.

A page that no toctree includes (a large province's briefings, see
:data:`~sphinx_hdnd.sphinxext.generate.NAV_BRIEFINGS_MAX`) is never marked as
"current" in that tree, and its links are relative to the page's folder: the
tree is the same for every such page of one folder, so it is computed once per
folder and reused as it is.

A page in the tree differs from that shared tree in two things only, when the
theme asks for the whole tree unfolded (``collapse=False`` and no depth limit,
as furo does): its own links point to itself (``#``), and the branch down to it
carries the ``current`` class. The folder's tree is computed once, as for a
page that is not in it; each page gets a copy with those two marks, set as
Sphinx sets them, and renders it. A theme that folds the tree around the page
(``collapse=True``, the default) or cuts it at a depth, or a site where a page
sets its own ``tocdepth``, gets Sphinx's own tree, page by page.

The trees are derived in the writing phase from the whole environment, after
every read has been merged: they are held by the build's state, never pickled,
and need no purge or merge (a parallel writer computes its own).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.environment.adapters.toctree import global_toctree_for_doc

from .state import build_state

#: the name of a page that is in no toctree, for a folder's unmarked tree (never written)
_NO_PAGE = "_hdnd-no-page"

_Key = tuple[str, tuple[tuple[str, Any], ...]]


def _unfolded(kwargs: dict[str, Any]) -> bool:
    """The theme asks for the whole tree, the same around every page but for its marks."""
    try:
        maxdepth = int(kwargs.get("maxdepth") or 0)
    except (TypeError, ValueError):
        return False
    return not kwargs.get("collapse", True) and maxdepth < 0


class SharedToctrees:
    """The trees computed in this build, by folder and by the theme's arguments."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.in_tree = frozenset(doc for docs in env.toctree_includes.values() for doc in docs)
        # Sphinx copies the entry of a page that sets "tocdepth" one way in its own and its
        # parents' trees and another way elsewhere: such a site keeps Sphinx's own trees
        self.markable = not any(meta.get("tocdepth") for meta in env.metadata.values())
        self.trees: dict[_Key, str] = {}
        self.unmarked: dict[_Key, nodes.Element | None] = {}

    @staticmethod
    def _key(folder: str, kwargs: dict[str, Any]) -> _Key:
        return folder, tuple(sorted(kwargs.items(), key=lambda kv: kv[0]))

    @staticmethod
    def _for_folder(cache: dict[_Key, Any], folder: str) -> None:
        """Keep the trees of one folder at a time: pages are written in the order of their
        names, folder by folder, and 200 folders' trees would hold ~150 MiB to the end."""
        if any(key[0] != folder for key in cache):
            cache.clear()

    def shared(self, folder: str, toctree: Callable[..., str]) -> Callable[..., str]:
        """For a page outside the tree: the folder's tree, as Sphinx computes it for the page."""
        def cached(**kwargs: Any) -> str:
            key = self._key(folder, kwargs)
            if key not in self.trees:
                self._for_folder(self.trees, folder)
                self.trees[key] = toctree(**kwargs)
            return self.trees[key]

        return cached

    def marked(self, builder: StandaloneHTMLBuilder, pagename: str, folder: str,
               toctree: Callable[..., str]) -> Callable[..., str]:
        """For a page in the tree: the folder's tree with the page's own marks."""
        def at_page(**kwargs: Any) -> str:
            if not _unfolded(kwargs):
                return toctree(**kwargs)
            key = self._key(folder, kwargs)
            if key not in self.unmarked:
                self._for_folder(self.unmarked, folder)
                self.unmarked[key] = _folder_tree(builder, folder, kwargs)
            tree = self.unmarked[key]
            if tree is None:
                return builder.render_partial(None)["fragment"]
            return builder.render_partial(
                _mark_page(tree.deepcopy(), builder, folder, pagename))["fragment"]

        return at_page


def _folder_tree(builder: StandaloneHTMLBuilder, folder: str,
                 kwargs: dict[str, Any]) -> nodes.Element | None:
    """The tree as Sphinx resolves it for a page of ``folder`` that no toctree holds."""
    options = {"includehidden": False, **kwargs}  # the defaults of the builder's own toctree()
    return global_toctree_for_doc(builder.env, posixpath.join(folder, _NO_PAGE), builder,
                                  tags=builder.tags, **options)


def _mark_page(tree: nodes.Element, builder: StandaloneHTMLBuilder, folder: str,
               pagename: str) -> nodes.Element:
    """Set the marks Sphinx sets on a page's own tree (``_toctree_add_classes``).

    Its links are relative to the page itself (its own address is empty, so
    only the anchor is left), and the whole branch above a link to the page,
    with no anchor, is ``current``.
    """
    own = builder.get_relative_uri(posixpath.join(folder, _NO_PAGE), pagename)
    for reference in tree.findall(nodes.reference):
        anchor = reference.get("anchorname", "")
        if reference.get("refuri") != own + anchor:
            continue
        reference["refuri"] = anchor
        if not anchor:
            branch: nodes.Element | None = reference
            while branch is not None:
                branch["classes"].append("current")
                branch = branch.parent
    return tree


def start_sharing(app: Sphinx, env: BuildEnvironment) -> None:
    """After reading: which documents the tree holds (every document is known by now)."""
    build_state(env).toctrees = SharedToctrees(env)


def share_toctree(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: nodes.document | None) -> None:
    toctree = context.get("toctree")
    builder = app.builder
    shared = build_state(app.env).toctrees
    if (shared is None or not callable(toctree) or pagename not in app.env.all_docs
            or not isinstance(builder, StandaloneHTMLBuilder)):
        return
    if pagename not in shared.in_tree and pagename != app.config.root_doc:
        folder = posixpath.dirname(builder.get_target_uri(pagename))
        context["toctree"] = shared.shared(folder, toctree)
    elif shared.markable and _addresses_by_name(builder):
        # the folder of the page's name, not of its (quoted) address: a page name is made in it
        context["toctree"] = shared.marked(builder, pagename, posixpath.dirname(pagename),
                                           toctree)


def _addresses_by_name(builder: StandaloneHTMLBuilder) -> bool:
    """A page's address is its name plus a suffix, so links from one folder are alike.

    Not so for the directory builder (each page in a folder of its own) nor the
    single-page builder (every link into one page).
    """
    own = type(builder)
    return (own.get_target_uri is StandaloneHTMLBuilder.get_target_uri
            and own.get_relative_uri is StandaloneHTMLBuilder.get_relative_uri)


def setup_navigation(app: Sphinx) -> None:
    app.connect("env-updated", start_sharing)
    # before the theme's own handler, which calls the toctree (furo: priority 500)
    app.connect("html-page-context", share_toctree, priority=100)
