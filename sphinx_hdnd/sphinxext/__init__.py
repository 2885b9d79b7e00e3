"""The Sphinx layer: directives and roles that turn the model into docutils nodes.

- :mod:`.extension`: ``setup()``, what is registered and which event does what;
- :mod:`.config`: every ``hdnd_`` value, declared once;
- :mod:`.state`: the build's state (the ``hdnd`` domain): configuration, dataset, charts' variants;
- :mod:`.pages`: the generated pages' folder and names; :mod:`.generate` writes those pages;
- :mod:`.directives`: one module per directive; :mod:`.parts`: what several of them build;
  :mod:`.render`: the node helpers every one uses (citations, tables, links);
- :mod:`.booklets`: the PDF side of the pages (running head, links, printing at the end);
  :mod:`.events`: what a program running the build (``hdnd build``) can listen to.
"""
