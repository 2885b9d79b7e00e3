"""Keep a large province's build within an office PC's memory.

A serial Sphinx build keeps every document it has read in memory, as docutils
objects, until the writing phase, so that writing need not read the pickles
back. A briefing's tree is ~1.7 MiB in memory: 200 communes x 8 audiences held
at once is more than 3 GiB. Above :data:`LARGE_SITE_DOCS` documents the cache
is emptied as each document is read; each page is then read back from its
pickle when it is written (a few milliseconds a page), as a parallel build
does anyway.

Sphinx 9 has no public way to do this: the cache is the private
``BuildEnvironment._write_doc_doctree_cache``, filled by ``Builder.write_doctree``
and read by ``BuildEnvironment.get_and_resolve_doctree``; whether a document
is cached is the private keyword ``read_doc(docname, _cache=...)``, false only
in parallel readers; ``read_doc`` and ``write_doctree`` are ``@final``, and no
event or configuration value reaches it. The attribute is therefore looked up
defensively: should a later Sphinx drop it, the build keeps Sphinx's own
behaviour.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

#: below this many documents Sphinx keeps its cache (the Điện Biên example has 88)
LARGE_SITE_DOCS = 400


def release_read_doctrees(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    cache = getattr(env, "_write_doc_doctree_cache", None)
    # the document being read is added after this event: at most one tree is held
    if isinstance(cache, dict) and cache and len(env.found_docs) > LARGE_SITE_DOCS:
        cache.clear()


def setup_memory(app: Sphinx) -> None:
    app.connect("doctree-read", release_read_doctrees)
