"""The architecture page's worked example builds and says what the data says.

``docs/extension-example/petition_count.py`` is the small directive that
``docs/kien-truc.md`` walks a newcomer through. It is built here as a reader
would use it: its folder on ``sys.path`` from ``conf.py``, the directive on a
page of the minimal project. The sentence it prints is compared with the
petitions table; an unknown area is a located warning; the page is rebuilt when
the petitions file changes.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from conftest import MINIMAL
from hdnd_sphinx import sphinx_build, tiny_project

from sphinx_hdnd.phrasing import format_count

EXAMPLE_DIR = Path(__file__).parent.parent / "docs" / "extension-example"
PAGE = Path(__file__).parent.parent / "docs" / "kien-truc.md"

CONF = f"""\
import sys
sys.path.insert(0, {str(EXAMPLE_DIR)!r})
extensions = ["petition_count"]
exclude_patterns = ["_build", "data"]
hdnd_briefings = False
"""


def petitions(data: Path = MINIMAL / "data") -> list[dict[str, str]]:
    with (data / "petitions.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def project_for(tmp_path: Path, area: str) -> Path:
    index = f"Kiến nghị\n=========\n\n.. hdnd-petition-count::\n   :area: {area}\n"
    project = tiny_project(tmp_path / "project", MINIMAL / "data", conf=CONF, index=index)
    # one more petition of the area, not answered yet: the two counts differ
    table = project / "data" / "petitions.csv"
    first = table.read_text("utf-8").splitlines()[1]
    pending = first.replace("kn001", "kn098", 1).replace("da-tra-loi", "chua-tra-loi")
    table.write_text(table.read_text("utf-8").rstrip("\n") + "\n" + pending + "\n", "utf-8")
    return project


def build(tmp_path: Path, area: str, builder: str = "text"):
    return sphinx_build(project_for(tmp_path, area), builder)


def test_the_page_includes_the_example_it_explains():
    text = PAGE.read_text("utf-8")
    assert "extension-example/petition_count.py" in text
    assert "hdnd-petition-count" in text


def test_the_sentence_counts_the_areas_petitions(tmp_path):
    area = "an-binh"
    result = build(tmp_path, area)
    rows = [r for r in petitions(tmp_path / "project" / "data") if r["area"] == area]
    answered = [r for r in rows if r["status"] == "da-tra-loi"]
    assert 0 < len(answered) < len(rows)  # something to count, and two different counts
    assert result.statuscode == 0 and result.warnings == "", result.warnings
    text = " ".join((result.outdir / "index.txt").read_text("utf-8").split())
    assert (f"gửi {format_count(len(rows))} kiến nghị, trong đó "
            f"{format_count(len(answered))} kiến nghị đã được trả lời") in text


def test_an_unknown_area_is_a_located_warning(tmp_path):
    result = build(tmp_path, "khong-co")
    assert len(result.warning_lines()) == 1, result.warnings  # that one, no other
    assert re.search(r"index\.rst:\d+: WARNING: hdnd-petition-count: .*khong-co.*\[hdnd\.reference\]",
                     result.warnings), result.warnings


def test_editing_the_petitions_rebuilds_the_page(tmp_path):
    first = build(tmp_path, "an-binh")
    assert first.statuscode == 0
    project = tmp_path / "project"
    table = project / "data" / "petitions.csv"
    rows = table.read_text("utf-8").splitlines()
    extra = rows[1].replace("kn001", "kn099", 1)
    table.write_text("\n".join([*rows, extra]) + "\n", encoding="utf-8")
    again = sphinx_build(project, "text", freshenv=False)
    text = " ".join((again.outdir / "index.txt").read_text("utf-8").split())
    count = len([r for r in petitions(project / "data") if r["area"] == "an-binh"])
    assert f"gửi {format_count(count)} kiến nghị" in text
