"""Nothing is lost: validating and building never write to the data, nothing is overwritten.

Every file of the project folder (data, conf.py, pages) is hashed before
and after ``hdnd validate``, ``hdnd build`` and a Sphinx build, on good and
on bad data; only the build folder and the generated ``tiep-xuc/`` may
change. A page or a file a person put into ``tiep-xuc/`` survives every
build, and ``hdnd init`` refuses a folder that is not empty unless told
``--force``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL, run_cli
from hdnd_sphinx import TINY_INDEX, sphinx_build, tiny_project

OURS = ("_build", "tiep-xuc")

CONF = """\
extensions = ["sphinx_hdnd"]
exclude_patterns = ["_build", "data"]
"""
INDEX = TINY_INDEX + "\n.. toctree::\n\n   tiep-xuc/index\n"


def snapshot(project: Path) -> dict[str, tuple[str, int]]:
    """path -> (sha256, mtime) of every file outside the build and generated folders."""
    out = {}
    for p in sorted(project.rglob("*")):
        rel = p.relative_to(project)
        if p.is_file() and rel.parts[0] not in OURS:
            out[rel.as_posix()] = (hashlib.sha256(p.read_bytes()).hexdigest(),
                                   p.stat().st_mtime_ns)
    return out


def make_project(root: Path, broken: bool) -> Path:
    project = tiny_project(root / "project", MINIMAL / "data", conf=CONF, index=INDEX)
    if broken:  # a number no one can read and a file in the wrong encoding
        ind = project / "data" / "indicators.csv"
        ind.write_text(ind.read_text(encoding="utf-8").replace('"8,75"', "khoảng 9"), "utf-8")
        areas = project / "data" / "areas.csv"
        areas.write_bytes(areas.read_text(encoding="utf-8").encode("utf-16"))
    return project


def hdnd_cmd(*args: str) -> subprocess.CompletedProcess[str]:
    """``hdnd`` in its own process, as a person runs it."""
    exe = Path(sys.executable).with_name("hdnd")
    env = {**os.environ, "HDND_DEBUG": "1"}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=900,
                          check=False, env=env)


@pytest.mark.parametrize("broken", [False, True], ids=["good", "bad"])
def test_validate_writes_nothing(tmp_path, broken):
    project = make_project(tmp_path, broken)
    before = snapshot(project)
    for fmt in ("text", "json"):
        result = run_cli("validate", str(project), "--format", fmt)
        assert result.exit_code == (1 if broken else 0), result.output
    assert snapshot(project) == before
    assert not (project / "_build").exists() and not (project / "tiep-xuc").exists()


def _build_args() -> list[str]:
    from sphinx_hdnd import cli

    return ["--no-pdf"] if any(p.name == "pdf" for p in cli.build.params) else []


@pytest.mark.parametrize("broken", [False, True], ids=["good", "bad"])
def test_hdnd_build_writes_nothing_to_the_data(tmp_path, broken):
    project = make_project(tmp_path, broken)
    before = snapshot(project)
    result = hdnd_cmd("build", str(project), "--strict", *_build_args())
    assert "Traceback" not in result.stderr
    assert result.returncode == (1 if broken else 0), result.stdout + result.stderr
    assert snapshot(project) == before
    assert (project / "_build").is_dir()


@pytest.mark.parametrize("broken", [False, True], ids=["good", "bad"])
def test_sphinx_build_writes_nothing_to_the_data(tmp_path, broken):
    project = make_project(tmp_path, broken)
    before = snapshot(project)
    for builder in ("html", "text"):
        build = sphinx_build(project, builder, warningiserror=True)
        assert (build.statuscode != 0) == broken, build.warnings
    assert snapshot(project) == before


USER_PAGE = "Trang của tôi\n=============\n\nGhi chú riêng cho buổi tiếp xúc.\n"


def test_user_files_in_the_generated_folder_survive(tmp_path):
    """A person's own page (and its CSV) beside the generated ones is never overwritten."""
    project = make_project(tmp_path, broken=False)
    sphinx_build(project, "html")
    folder = project / "tiep-xuc"
    assert (folder / "an-binh" / "nong-dan.rst").is_file()
    # replace one generated page (and its figures) by the person's own, add a note page
    own = {
        "an-binh/nong-dan.rst": USER_PAGE,
        "an-binh/nong-dan.csv": "tự,nhập\n1,2\n",
        "ghi-chu.rst": USER_PAGE,
        "an-binh/ghi-chu.csv": "a,b\n",
    }
    for rel, text in own.items():
        (folder / rel).write_text(text, encoding="utf-8")
    # the data changes, so that every generated file is due to be rewritten
    ind = project / "data" / "indicators.csv"
    ind.write_text(ind.read_text(encoding="utf-8").replace('"8,75"', '"8,76"'), "utf-8")
    build = sphinx_build(project, "html")
    for rel, text in own.items():
        assert (folder / rel).read_text(encoding="utf-8") == text, rel
    assert "không ghi đè" in build.warnings and "nong-dan.rst" in build.warnings
    # the generated pages beside them were brought up to date
    assert "8,76" in (folder / "an-binh" / "doanh-nghiep.csv").read_text(encoding="utf-8-sig") \
        or "8.76" in (folder / "an-binh" / "doanh-nghiep.csv").read_text(encoding="utf-8-sig")


def test_generated_pages_of_removed_areas_go_but_user_pages_stay(tmp_path):
    project = make_project(tmp_path, broken=False)
    sphinx_build(project, "html")
    folder = project / "tiep-xuc"
    (folder / "cat-lam" / "ghi-chu.rst").write_text(USER_PAGE, encoding="utf-8")
    areas = project / "data" / "areas.csv"
    areas.write_text(areas.read_text(encoding="utf-8").replace(
        "cat-lam,Cát Lâm,xã,an-binh,3\n", ""), "utf-8")
    ind = project / "data" / "narrative.yaml"
    ind.write_text(ind.read_text(encoding="utf-8").replace("areas: [cat-lam]", "areas: []"),
                   "utf-8")
    res = project / "data" / "resolutions.csv"
    res.write_text(res.read_text(encoding="utf-8").replace("an-binh;cat-lam", "an-binh"), "utf-8")
    pet = project / "data" / "petitions.csv"
    pet.write_text(pet.read_text(encoding="utf-8").replace("kn003,cat-lam", "kn003,an-binh"),
                   "utf-8")
    sphinx_build(project, "html")
    assert not (folder / "cat-lam" / "nong-dan.rst").exists()
    assert (folder / "cat-lam" / "ghi-chu.rst").read_text(encoding="utf-8") == USER_PAGE


# ------------------------------------------------------------------ hdnd init


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    folder = tmp_path / "du-an"
    folder.mkdir()
    mine = folder / "conf.py"
    mine.write_text("# của tôi\n", encoding="utf-8")
    (folder / "data").mkdir()
    (folder / "data" / "areas.csv").write_text("code,name\nx,y\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    result = run_cli("init", str(folder))
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_init_force_keeps_files_that_are_not_its_own(tmp_path):
    folder = tmp_path / "du-an"
    folder.mkdir()
    note = folder / "ghi-chu-rieng.txt"
    note.write_text("đừng xóa\n", encoding="utf-8")
    result = run_cli("init", str(folder), "--force")
    assert result.exit_code == 0, result.output
    assert note.read_text(encoding="utf-8") == "đừng xóa\n"
    assert (folder / "conf.py").is_file()


def test_init_into_an_empty_folder_then_validate_writes_nothing(tmp_path):
    folder = tmp_path / "moi"
    assert run_cli("init", str(folder)).exit_code == 0
    before = snapshot(folder)
    run_cli("validate", str(folder), "--format", "json")
    assert snapshot(folder) == before


def test_nothing_is_written_outside_the_project(tmp_path):
    project = make_project(tmp_path, broken=False)
    outside = sorted(p.name for p in tmp_path.iterdir())
    sphinx_build(project, "html")
    run_cli("validate", str(project))
    assert sorted(p.name for p in tmp_path.iterdir()) == outside
    shutil.rmtree(project / "_build")
