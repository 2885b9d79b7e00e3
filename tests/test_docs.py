"""The user guide builds with -nW, and its generated reference pages are complete.

A field added to a record class, an error code added to the catalogue, a
configuration value or a directive added to the extension must show up in
the guide; these tests fail otherwise.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from docutils.nodes import make_id

from sphinx_hdnd.model import load_dataset
from sphinx_hdnd.model.problems import CATALOGUE
from sphinx_hdnd.schema import FILES, TABLES, all_field_paths, nested_records
from sphinx_hdnd.sphinxext.config import HdndConfig

DOCS = Path(__file__).parent.parent / "docs"


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide, built from a copy (the example data linked by absolute path)."""
    tmp = tmp_path_factory.mktemp("docs")
    src = tmp / "docs"
    shutil.copytree(DOCS, src, symlinks=True,
                    ignore=shutil.ignore_patterns("_build", "tiep-xuc", "example-data"))
    os.symlink((DOCS / "example-data").resolve(), src / "example-data")
    out = tmp / "html"
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", "html", str(src),
         str(out)], capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr
    return out


def page(html: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((html / name).read_text(encoding="utf-8"), "html.parser")


def literals(node: Tag) -> set[str]:
    return {c.get_text() for c in node.find_all("code")}


def section(soup: BeautifulSoup, ident: str) -> Tag:
    found = soup.find(id=make_id(ident))
    assert isinstance(found, Tag), f"no section #{ident}"
    return found


def test_data_reference_lists_every_field(html: Path) -> None:
    soup = page(html, "tham-chieu/du-lieu.html")
    missing = []
    for file, path in sorted(all_field_paths()):
        head, _, _ = path.rpartition(".")
        ident = f"du-lieu-{file}" + (f"-{head.replace('.', '-')}" if head else "")
        if path not in literals(section(soup, ident)):
            missing.append(f"{file}: {path}")
    assert not missing, "fields missing from the data reference:\n" + "\n".join(missing)


def test_data_reference_names_every_file_and_sheet(html: Path) -> None:
    soup = page(html, "tham-chieu/du-lieu.html")
    for spec in FILES:
        sec = section(soup, f"du-lieu-{spec.name}")
        text = sec.get_text()
        if spec in TABLES:
            assert f"{spec.name}.csv" in text and f"trang tính {spec.name}" in text
        else:
            assert f"{spec.name}.yaml" in text
        for path, _ in nested_records(spec.record):
            section(soup, f"du-lieu-{spec.name}-{path.replace('.', '-')}")


def test_data_reference_required_files_match_the_loader(tmp_path: Path) -> None:
    """The files the reference calls required are exactly those an empty folder lacks."""
    ds = load_dataset(tmp_path)
    missing = {p.origin.file.split("/")[-1].split(".")[0] for p in ds.problems.items
               if p.code == "HD101"}
    assert missing == {f.name for f in FILES if f.required}


def test_troubleshooting_lists_every_code(html: Path) -> None:
    soup = page(html, "xu-ly-loi.html")
    for code, kind in CATALOGUE.items():
        sec = section(soup, code.lower())
        text = " ".join(sec.get_text().split())
        assert f"{code}: {kind.title}" in text, code
        assert " ".join(kind.fix.split()) in text, code


def test_configuration_reference_lists_every_value(html: Path) -> None:
    text = page(html, "tham-chieu/cau-hinh.html").get_text()
    for name in HdndConfig.names():
        assert name in text, name


def test_directive_reference_covers_every_directive(html: Path) -> None:
    from docutils.parsers.rst import directives

    import sphinx_hdnd  # noqa: F401  (the directives are registered by the build above)

    text = page(html, "tham-chieu/chi-thi.html").get_text()
    names = {"hdnd-outline", "hdnd-session", "hdnd-indicators", "hdnd-budget",
             "hdnd-resolutions", "hdnd-petitions", "hdnd-questions", "hdnd-briefing",
             "hdnd-area", "hdnd-grid"}
    names |= {n for n in directives._directives if n.startswith("hdnd-")}
    for name in names:
        assert name in text, name


def test_live_examples_render_data(html: Path) -> None:
    soup = page(html, "tham-chieu/chi-thi.html")
    results = soup.select(".hdnd-example-result")
    assert len(results) >= 10
    assert all(r.get_text(strip=True) for r in results)
    # the role example renders the figures of the Điện Biên data
    assert "8,75%" in results[0].get_text()


def test_cli_reference_is_the_commands_help(html: Path) -> None:
    text = page(html, "tham-chieu/dong-lenh.html").get_text()
    for option in ("--province", "--term", "--areas", "--force", "--format", "--strict"):
        assert option in text, option
