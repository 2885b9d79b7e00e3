"""``hdnd publish``: the site as a zip or folder that opens from a USB stick."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import MINIMAL
from hdnd_sphinx import TINY_CONF, tiny_project

from sphinx_hdnd.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    conf = TINY_CONF.replace("hdnd_briefings = False\n", "hdnd_briefings = True\n")
    project = tiny_project(tmp_path_factory.mktemp("publish") / "project",
                           data=MINIMAL / "data", conf=conf,
                           index="Đề cương\n========\n\n.. hdnd-outline::\n\n.. toctree::\n\n"
                                 "   tiep-xuc/index\n")
    # as a clerk does it: hdnd build, which keeps Sphinx's state in _build/html/.doctrees
    hdnd = Path(sys.executable).with_name("hdnd")
    run = subprocess.run([str(hdnd), "build", str(project), "--no-pdf", "--no-docx"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (project / "_build" / "html" / ".doctrees").is_dir()  # what must be left out
    return project


def local_links(name: str, html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for el in soup.find_all(tag):
            ref = el.get(attr)
            if not ref or urlsplit(ref).scheme or ref.startswith(("#", "//")):
                continue
            path = unquote(urlsplit(ref).path)
            base = Path(name).parent
            out.append((base / path).as_posix() if path else name)
    return out


def normal(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def test_publish_zip_has_the_site_without_sphinx_state(built: Path, tmp_path: Path) -> None:
    target = tmp_path / "de-cuong.zip"
    result = CliRunner().invoke(main, ["publish", str(built), "--zip", str(target)])
    assert result.exit_code == 0, result.output
    assert "Đã đóng gói" in result.output and "index.html" in result.output
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        assert "index.html" in names and "MO-TRANG.txt" in names
        assert not [n for n in names if n.startswith(".doctrees") or ".buildinfo" in n]
        assert "index.html" in zf.read("MO-TRANG.txt").decode("utf-8")
        pages = [n for n in names if n.endswith(".html")]
        assert any(n.startswith("tiep-xuc/") for n in pages)
        missing = set()
        for page in pages:
            for link in local_links(page, zf.read(page).decode("utf-8")):
                target_name = normal(link)
                if target_name not in names and f"{target_name}/index.html" not in names:
                    missing.add((page, target_name))
        assert not missing, sorted(missing)[:5]
    # the same site gives the same bytes
    again = tmp_path / "again.zip"
    CliRunner().invoke(main, ["publish", str(built), "--zip", str(again)])
    assert again.read_bytes() == target.read_bytes()


def test_publish_refuses_to_overwrite_and_needs_a_build(built: Path, tmp_path: Path) -> None:
    target = tmp_path / "a.zip"
    target.write_bytes(b"a person's file")
    result = CliRunner().invoke(main, ["publish", str(built), "--zip", str(target)])
    assert result.exit_code == 1 and "--force" in result.output
    assert target.read_bytes() == b"a person's file"
    empty = tmp_path / "empty"
    (empty).mkdir()
    (empty / "conf.py").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["publish", str(empty), "--dir", str(tmp_path / "out")])
    assert result.exit_code == 1 and "hdnd build" in result.output
    result = CliRunner().invoke(main, ["publish", str(built)])
    assert result.exit_code == 2


def test_publish_dir_copies_the_site(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["publish", str(built), "--dir", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and (out / "MO-TRANG.txt").is_file()
    assert not (out / ".doctrees").exists()
