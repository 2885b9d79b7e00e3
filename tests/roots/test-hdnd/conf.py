"""Test root: every hdnd directive's filters on the minimal data set (Tỉnh Mẫu).

The ``data`` folder is not kept here: the tests copy ``tests/data/minimal/data``
beside this file (see ``tests/test_sphinx_directives.py``).
"""

project = "hdnd directives"
language = "vi"
extensions = ["myst_parser", "sphinx_hdnd"]
hdnd_data_dir = "data"
hdnd_briefings = False
exclude_patterns = ["_build", "data"]
