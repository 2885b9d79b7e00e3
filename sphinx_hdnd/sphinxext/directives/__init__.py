"""One module per directive; :mod:`.base` holds what they share. A directive module
imports the shared parts of pages (:mod:`sphinx_hdnd.sphinxext.parts`), the page names
(:mod:`sphinx_hdnd.sphinxext.pages`) and the node helpers (:mod:`sphinx_hdnd.sphinxext.render`),
never another directive module."""
