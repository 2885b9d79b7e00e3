"""Incremental builds of the Điện Biên example: a changed data file re-reads the pages
that use it, and only those (issue 3, criterion 7; issue 4, criterion 12).

One copy of the example (plus a plain page with no hdnd directive) is built
with the ``dummy`` builder (reading is what dependency tracking is about),
then one data file is edited and the project rebuilt; the documents Sphinx
re-reads are recorded from ``env-before-read-docs``. Which documents *use* a
row is read from the first build's doctrees: the documents whose text shows
it.
"""

from __future__ import annotations

import csv
import pickle
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "dien-bien"
GENERATED = "tiep-xuc"
PLAIN = "trang-thuong"
PLAIN_PAGE = """---
orphan: true
---

# Trang thường

Trang này không dùng chỉ thị hdnd nào.
"""


def clean(text: str) -> str:
    return " ".join(text.split())


def edit_row(path: Path, key: str, value: str, column: str, change: str) -> tuple[str, str]:
    """Append ``change`` to ``column`` of the first row whose ``key`` is ``value``."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    row = next(r for r in rows if r[key] == value)
    old = row[column]
    row[column] = old + change
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return old, row[column]


@dataclass
class Steps:
    src: Path
    all_docs: set[str]
    shown_before: dict[str, str]  # docname -> text of the first build
    shown_after_resolution: dict[str, str]
    resolution_old: str
    resolution_new: str
    after_resolution: set[str]
    petition_old: str
    after_petition: set[str]
    petition_users: set[str]  # documents listing every petition (petitions, follow-up, summary)
    downloads_first: dict[str, tuple[int, bytes]]  # tiep-xuc/*.csv|xlsx -> (mtime, bytes)
    downloads_last: dict[str, tuple[int, bytes]]
    petition_new: str
    read_after_all: list[str]  # a last build with nothing changed


def doctree_texts(doctrees: Path, docnames: set[str]) -> dict[str, str]:
    return {d: clean(pickle.loads((doctrees / f"{d}.doctree").read_bytes()).astext())
            for d in docnames}


@pytest.fixture(scope="module")
def steps(tmp_path_factory: pytest.TempPathFactory, sphinx_run) -> Steps:
    base = tmp_path_factory.mktemp("incremental")
    src = base / "src"
    shutil.copytree(EXAMPLE, src, ignore=shutil.ignore_patterns("_build", GENERATED))
    (src / f"{PLAIN}.md").write_text(PLAIN_PAGE, encoding="utf-8")
    builddir = base / "build"

    first = sphinx_run("dummy", src, builddir)
    assert first.statuscode == 0, first.warnings
    assert set(first.read_docs) == first.found_docs and PLAIN in first.found_docs
    shown = doctree_texts(builddir / "doctrees", first.found_docs)
    downloads_first = downloads_of(src)

    # a rebuild with nothing changed reads nothing
    same = sphinx_run("dummy", src, builddir, freshenv=False)
    assert same.read_docs == [], same.read_docs

    time.sleep(0.05)
    old_title, new_title = edit_row(src / "data" / "resolutions.csv", "number", "4", "title",
                                    " (đã sửa)")
    after_resolution = sphinx_run("dummy", src, builddir, freshenv=False)
    assert after_resolution.statuscode == 0, after_resolution.warnings
    shown_after = doctree_texts(builddir / "doctrees", first.found_docs)

    time.sleep(0.05)
    # Mường Nhé's latest petition (kn_mn_01 is repeated by it): one the follow-up lists
    old_petition, new_petition = edit_row(src / "data" / "petitions.csv", "code", "kn_mn_04",
                                          "text", " (đã sửa)")
    after_petition = sphinx_run("dummy", src, builddir, freshenv=False)
    assert after_petition.statuscode == 0, after_petition.warnings
    downloads_last = downloads_of(src)
    # the files written while reading make no page outdated: nothing is read again
    last = sphinx_run("dummy", src, builddir, freshenv=False)

    # the pages listing every petition: the petitions lists, the follow-up page, the summary
    users = {p.relative_to(src).with_suffix("").as_posix() for p in src.rglob("*.md")
             if {"{hdnd-petitions}", "{hdnd-follow-up}", "{hdnd-petition-summary}"} & set(
                 re.findall(r"\{hdnd-[a-z-]+\}", p.read_text("utf-8")))}
    users |= {p.relative_to(src).with_suffix("").as_posix() for p in src.rglob("*.rst")
              if re.search(r"\.\. hdnd-(petitions|follow-up|petition-summary)::",
                           p.read_text("utf-8"))}
    return Steps(src, first.found_docs, shown, shown_after, clean(old_title), clean(new_title),
                 set(after_resolution.read_docs), clean(old_petition),
                 set(after_petition.read_docs), users, downloads_first, downloads_last,
                 new_petition, last.read_docs)


def downloads_of(src: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(src).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted((src / GENERATED).rglob("*")) if p.suffix in {".csv", ".xlsx"}}


def test_resolutions_csv_rereads_exactly_its_users(steps):
    showing = {d for d, text in steps.shown_before.items() if steps.resolution_old in text}
    assert {"index", "nghi-quyet"} <= showing
    # a briefing chooses among all resolutions the ones that touch its area or
    # audience, so every briefing reads the table even when it shows none of it
    choosing = briefing_docs(steps)
    assert len(choosing) == 65
    users = showing | choosing
    assert steps.after_resolution == users, (
        f"re-read but do not use it: {sorted(steps.after_resolution - users)}; "
        f"use it but not re-read: {sorted(users - steps.after_resolution)}")
    for doc in ("chi-tieu", "ngan-sach", "kien-nghi", PLAIN, f"{GENERATED}/index"):
        assert doc not in steps.after_resolution
    # and the pages re-read show the new title
    for doc in showing:
        assert steps.resolution_new in steps.shown_after_resolution[doc], doc


def briefing_docs(steps: Steps) -> set[str]:
    return {p.relative_to(steps.src).with_suffix("").as_posix()
            for p in (steps.src / GENERATED).rglob("*.rst")
            if ".. hdnd-briefing::" in p.read_text("utf-8")}


def area_pages(steps: Steps, area: str) -> set[str]:
    return {d for d in steps.all_docs if d.startswith(f"{GENERATED}/{area}/")}


def test_petitions_csv_rereads_the_pages_that_show_petitions(steps):
    showing = {d for d, text in steps.shown_before.items() if steps.petition_old in text}
    assert showing and showing <= area_pages(steps, "muong-nhe") | steps.petition_users
    assert showing <= steps.after_petition
    assert steps.petition_users <= steps.after_petition
    for doc in ("index", "chi-tieu", "ngan-sach", "nghi-quyet", PLAIN, f"{GENERATED}/index"):
        assert doc not in steps.after_petition, doc


def test_one_areas_petition_rereads_only_that_area(steps):
    """Only Mường Nhé's pages and the pages listing every petition are re-read."""
    expected = area_pages(steps, "muong-nhe") | steps.petition_users
    assert len(area_pages(steps, "muong-nhe")) > 1
    assert steps.after_petition == expected, (
        f"{len(steps.after_petition - expected)} extra pages, e.g. "
        f"{sorted(steps.after_petition - expected)[:3]}")


def test_downloads_follow_the_data_and_are_written_only_when_they_change(steps):
    """Each briefing's CSV and XLSX is written by the reading of its page; the follow-up
    table at every build (it reads the petitions). A file whose bytes are the same keeps
    its date, so it makes no page outdated."""
    first, last = steps.downloads_first, steps.downloads_last
    briefings = {f"{d}{suffix}" for d in briefing_docs(steps) for suffix in (".csv", ".xlsx")}
    assert briefings <= set(first) and set(first) == set(last)
    # neither a resolution's title nor a petition's words is a figure of a briefing
    assert all(last[name] == first[name] for name in briefings)
    follow_up = f"{GENERATED}/theo-doi-kien-nghi.csv"
    assert steps.petition_new.strip() in last[follow_up][1].decode("utf-8-sig")
    assert steps.petition_new.strip() not in first[follow_up][1].decode("utf-8-sig")
    assert last[follow_up][0] > first[follow_up][0]
    assert steps.read_after_all == []


def test_an_area_gone_from_the_data_leaves_nothing_behind(tmp_path):
    """Issue 15: the next build removes the pages, folders and built pages it generated
    for an area no longer there, and keeps a page a person wrote in the same folder."""
    from hdnd_sphinx import sphinx_build

    project = tmp_path / "reform"
    shutil.copytree(Path(__file__).parent / "roots" / "test-hdnd-reform", project)
    own = project / GENERATED / "ghi-chu.rst"
    own.parent.mkdir(parents=True)
    own.write_text(":orphan:\n\nGhi chú\n=======\n\nCủa văn phòng.\n", encoding="utf-8")
    builddir = tmp_path / "build"
    first = sphinx_build(project, "html", builddir=builddir)
    assert first.statuscode == 0, first.warnings
    gone = "xa-ha-lam"
    built = first.outdir / GENERATED / gone
    assert (project / GENERATED / gone).is_dir() and list(built.glob("*.html"))

    again = sphinx_build(project, "html", builddir=builddir, freshenv=False,
                         confoverrides={"hdnd_exclude_areas": [gone]})
    assert again.statuscode == 0, again.warnings
    assert not (project / GENERATED / gone).exists()
    assert not built.exists(), sorted(built.rglob("*"))
    assert not (again.outdir / "_sources" / GENERATED / gone).exists()
    assert own.is_file() and (again.outdir / GENERATED / "ghi-chu.html").is_file()
    others = [p for p in (again.outdir / GENERATED).iterdir() if p.is_dir()]
    assert others and all(list(p.glob("*.html")) for p in others)
