"""Test root: every kind of mistake an office makes, each reported as a located warning.

The tests copy ``tests/data/minimal/data`` beside this file and break one cell
of it (see ``tests/test_sphinx_directives.py``).
"""

project = "hdnd warnings"
language = "vi"
extensions = ["sphinx_hdnd"]
hdnd_data_dir = "data"
hdnd_briefings = False
exclude_patterns = ["_build", "data"]
