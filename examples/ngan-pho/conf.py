"""Example: a province formed by merging two old provinces (fictional Ngàn Phố, 2026).

Tỉnh Ngàn Phố (cũ) and tỉnh Hải Lam (cũ) merged on 1 July 2025 into a province
that kept the first one's name; their three old districts ended on 30/06/2025 and
name the communes and wards that replaced them; the communes are grouped into
electoral units with their seats and the date of the election. Old provinces,
old districts and their figures are data, not code: nothing here is named in
sphinx_hdnd. No figure is real.
"""

project = "Tỉnh Ngàn Phố sau hợp nhất"
language = "vi"
extensions = ["sphinx_design", "sphinx_hdnd"]
hdnd_data_dir = "data"
exclude_patterns = ["_build", "data", "README.md"]
html_theme = "furo"
html_title = "Đề cương tiếp xúc cử tri - tỉnh Ngàn Phố (giả định)"
copyright = "2026, Thường trực HĐND tỉnh Ngàn Phố (giả định)"
html_show_sphinx = False
