"""What a user may do without (the extras pdf and serve): one clear line, and the rest
is built."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sphinx_hdnd import extras
from sphinx_hdnd.cli import main, site


@pytest.fixture
def without(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def hide(*modules: str) -> None:
        monkeypatch.setattr(site, "installed", lambda module: module not in modules)
    return hide


def test_build_without_weasyprint_says_the_pip_line_and_builds_the_site(
        tmp_path: Path, without) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path / "du-an"
    assert CliRunner().invoke(main, ["init", str(project)]).exit_code == 0
    without("weasyprint")
    result = CliRunner().invoke(main, ["build", str(project), "-j", "1", "--no-docx"])
    assert result.exit_code == 0, result.output
    assert 'pip install "sphinx-hdnd[pdf]"' in result.output
    assert (project / "_build" / "html" / "index.html").is_file()
    assert not (project / "_build" / "pdf").exists()


def test_serve_without_sphinx_autobuild_says_the_pip_line(tmp_path: Path, without) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path / "du-an"
    assert CliRunner().invoke(main, ["init", str(project)]).exit_code == 0
    without("sphinx_autobuild")
    result = CliRunner().invoke(main, ["serve", str(project)])
    assert result.exit_code == 2
    assert 'pip install "sphinx-hdnd[serve]"' in result.output


def test_a_project_naming_furo_builds_without_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 sphinx_run) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path / "du-an"
    assert CliRunner().invoke(main, ["init", str(project)]).exit_code == 0
    monkeypatch.setattr(extras, "installed", lambda module: module != "furo")
    build = sphinx_run("html", project, tmp_path / "_build", warningiserror=False)
    assert build.statuscode == 0, build.warnings
    theme = [line for line in build.warning_lines() if "[hdnd.theme]" in line]
    assert len(theme) == 1 and 'pip install "sphinx-hdnd[theme]"' in theme[0], build.warnings
    assert (build.outdir / "index.html").is_file()
