"""The site-wide table of contents, computed once per folder for pages outside it.

An HTML theme puts the whole table of contents in every page (furo: the
sidebar), and Sphinx computes it anew for each page. With 200 communes that is
200 entries for each of 1,800 pages, about a fifth of the build. A page that no
toctree includes (a large province's briefings, see
:data:`~sphinx_hdnd.sphinxext.generate.NAV_BRIEFINGS_MAX`) is never marked as
"current" in that tree, and its links are relative to the page's folder: the
tree is the same for every such page of one folder, so it is computed once per
folder and reused. Pages in the tree get Sphinx's own, page by page.

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

from .state import build_state


class SharedToctrees:
    """The trees computed in this build, by folder and by the theme's arguments."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.in_tree = frozenset(doc for docs in env.toctree_includes.values() for doc in docs)
        self.trees: dict[tuple[str, tuple[tuple[str, Any], ...]], str] = {}

    def shared(self, folder: str, toctree: Callable[..., str]) -> Callable[..., str]:
        def cached(**kwargs: Any) -> str:
            key = (folder, tuple(sorted(kwargs.items(), key=lambda kv: kv[0])))
            if key not in self.trees:
                self.trees[key] = toctree(**kwargs)
            return self.trees[key]

        return cached


def start_sharing(app: Sphinx, env: BuildEnvironment) -> None:
    """After reading: which documents the tree holds (every document is known by now)."""
    build_state(env).toctrees = SharedToctrees(env)


def share_toctree(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: nodes.document | None) -> None:
    toctree = context.get("toctree")
    builder = app.builder
    shared = build_state(app.env).toctrees
    if (shared is None or not callable(toctree) or pagename in shared.in_tree
            or pagename == app.config.root_doc or pagename not in app.env.all_docs
            or not isinstance(builder, StandaloneHTMLBuilder)):
        return
    folder = posixpath.dirname(builder.get_target_uri(pagename))
    context["toctree"] = shared.shared(folder, toctree)


def setup_navigation(app: Sphinx) -> None:
    app.connect("env-updated", start_sharing)
    # before the theme's own handler, which calls the toctree (furo: priority 500)
    app.connect("html-page-context", share_toctree, priority=100)
