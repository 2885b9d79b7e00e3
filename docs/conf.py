"""User guide of sphinx-hdnd (Vietnamese, with a short English overview).

The reference pages are generated from the package (docs/_ext/hdnd_docs.py)
and the live examples are rendered by the extension from the Điện Biên
example's data (``example-data`` is a symlink to it).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinx-hdnd"
author = "sphinx-hdnd"
copyright = "2026, sphinx-hdnd"
language = "vi"
extensions = ["myst_parser", "sphinx_design", "sphinx_hdnd", "hdnd_docs"]

# the live examples render the Điện Biên example's data
hdnd_data_dir = "example-data"
# the briefings of one area only (tiep-xuc/, git-ignored): enough for the live
# examples of hdnd-grid, hdnd-area and hdnd-briefing, and a short build
hdnd_briefings = True
hdnd_areas = ["muong-nhe"]

exclude_patterns = ["_build", "example-data", "_ext", "README.md"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "sphinx-hdnd: hướng dẫn sử dụng"
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_static_path = ["_static"]
html_css_files = ["guide.css"]
