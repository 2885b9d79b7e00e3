"""User guide of sphinx-hdnd (Vietnamese, with a short English overview)."""

project = "sphinx-hdnd"
author = "sphinx-hdnd"
copyright = "2026, sphinx-hdnd"
language = "vi"
extensions = ["myst_parser", "sphinx_design", "sphinx_hdnd"]
# the live examples render the Điện Biên example's data
hdnd_data_dir = "example-data"
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
html_theme = "furo"
html_title = "sphinx-hdnd"
