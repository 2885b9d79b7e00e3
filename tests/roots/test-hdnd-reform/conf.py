"""Test root: a province after the reform of 1 July 2025 (fictional Tỉnh Mẫu).

No districts any more: communes and wards grouped into electoral units
(``parent``); the one old district keeps its rows, ends on 30/06/2025 and
names its successors, so items and petitions recorded against it still
reach the communes that replaced it. No code knows about any of this.
"""

project = "Tỉnh Mẫu sau sắp xếp"
language = "vi"
extensions = ["sphinx_design", "sphinx_hdnd"]
hdnd_data_dir = "data"
exclude_patterns = ["_build", "data"]
