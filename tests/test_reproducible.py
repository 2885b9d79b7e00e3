"""Reproducible builds: the same data gives the same bytes.

The Điện Biên example is copied, without its generated pages and build
folder, into two folders at the same depth and built from scratch; every
file of the HTML output (pages, charts, the CSV and XLSX downloads, static
files, search index) must be byte-identical (the briefings of three areas
are generated, see ``SUBSET``), and a parallel build
(``-j 2``) must give the same bytes as a serial one. Nothing is excluded:
a difference is a bug (a time stamp, a set's order, a path).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL
from hdnd_sphinx import TINY_INDEX, sphinx_build, tiny_project

EXAMPLE = Path(__file__).parent.parent / "examples" / "dien-bien"
#: generated in the source folder by the extension, or by an earlier build
GENERATED = ("_build", "tiep-xuc")
#: three areas' briefings (21 of the 70) keep three builds of the example within a minute
#: or two; every kind of page, chart and download is still made, serially and in parallel
SUBSET = {"hdnd_areas": ["muong-nhe", "dien-bien-phu", "tuan-giao"]}


def copy_example(target: Path) -> Path:
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(*GENERATED, "__pycache__"))
    return target


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted({k for k in a.keys() | b.keys() if a.get(k) != b.get(k)})


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """Three clean builds of the example: serial in r1 and r2, parallel (-j 2) in r3."""
    root = tmp_path_factory.mktemp("repro")
    out = {}
    for name, parallel in (("r1", 0), ("r2", 0), ("r3", 2)):
        project = copy_example(root / name / "site")
        build = sphinx_build(project, "html", parallel=parallel, confoverrides=SUBSET)
        assert build.statuscode == 0, build.warnings
        out[name] = build.outdir
    return out


def test_two_clean_builds_are_byte_identical(builds):
    one, two = digests(builds["r1"]), digests(builds["r2"])
    assert len(one) > 50
    kinds = {Path(k).suffix for k in one}
    assert {".html", ".csv", ".xlsx"} <= kinds, kinds
    assert _differences(one, two) == []


def test_charts_and_downloads_are_compared(builds):
    files = digests(builds["r1"])
    downloads = [k for k in files if k.startswith("_downloads/")]
    assert any(k.endswith(".csv") for k in downloads) and any(k.endswith(".xlsx")
                                                              for k in downloads)
    images = [k for k in files if k.startswith("_images/")]
    assert images, "the example's charts are missing from the build"


def test_parallel_build_equals_serial(builds):
    assert _differences(digests(builds["r1"]), digests(builds["r3"])) == []


def test_no_absolute_build_path_in_the_output(builds):
    """A path of the machine that built the site would make every build differ."""
    root = str(builds["r1"].parents[2])
    leaks = [k for k in digests(builds["r1"])
             if root.encode() in (builds["r1"] / k).read_bytes()]
    assert leaks == []


# ------------------------------------------------------------------ PDFs (hdnd build)

PDF_METADATA = re.compile(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)|/ID\s*\[\s*<[0-9A-Fa-f]+>\s*"
                          rb"<[0-9A-Fa-f]+>\s*\]")



def _hdnd_build(project: Path) -> subprocess.CompletedProcess[str]:
    """``hdnd build`` in its own process (HTML, then the PDF booklets)."""
    hdnd = Path(sys.executable).with_name("hdnd")
    return subprocess.run([str(hdnd), "build", str(project)], capture_output=True, text=True,
                          timeout=900, check=False)


def test_two_builds_give_the_same_pdfs(tmp_path):
    """The minimal project (outline, 3 area and 6 briefing booklets) printed in two folders
    at the same depth: the PDFs are equal once the documented metadata (CreationDate,
    ModDate, ID) is set aside."""
    pdfs = []
    for name in ("p1", "p2"):
        project = tiny_project(tmp_path / name / "site", MINIMAL / "data", conf=PDF_CONF,
                               index=TINY_INDEX + "\n.. toctree::\n\n   tiep-xuc/index\n")
        result = _hdnd_build(project)
        assert result.returncode == 0, result.stdout + result.stderr
        pdfs.append({p.relative_to(project / "_build").as_posix(): p
                     for p in sorted((project / "_build" / "pdf").rglob("*.pdf"))})
    assert len(pdfs[0]) >= 10, pdfs[0]
    assert pdfs[0].keys() == pdfs[1].keys()
    for rel, first in pdfs[0].items():
        a, b = first.read_bytes(), pdfs[1][rel].read_bytes()
        if a != b:  # documented metadata only: creation and modification dates, document ID
            assert PDF_METADATA.sub(b"", a) == PDF_METADATA.sub(b"", b), rel


PDF_CONF = """\
extensions = ["sphinx_hdnd"]
exclude_patterns = ["_build", "data"]
"""
