"""Sphinx configuration of the Điện Biên example: 15th session of the provincial council, term XV."""

project = "Đề cương tiếp xúc cử tri - Kỳ họp thứ Mười lăm, HĐND tỉnh Điện Biên khóa XV"
author = "Thường trực HĐND tỉnh Điện Biên"
copyright = "2024, Thường trực HĐND tỉnh Điện Biên"
language = "vi"
# the session, for builders that print a version (EPUB requires one)
version = release = "Kỳ họp thứ Mười lăm, khóa XV"

extensions = ["myst_parser", "sphinx_design", "sphinx_hdnd"]

# the data folder, relative to this file
hdnd_data_dir = "data"

exclude_patterns = ["_build", "data", "README.md"]
myst_enable_extensions = ["colon_fence"]

html_theme = "furo"
html_title = "Đề cương tiếp xúc cử tri - Kỳ họp thứ Mười lăm"
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_show_sphinx = False  # chân trang chỉ ghi “Giao diện: Furo”
