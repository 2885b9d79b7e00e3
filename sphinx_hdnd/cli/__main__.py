"""``python -m sphinx_hdnd.cli``: the ``hdnd`` command."""

from . import run

run()
