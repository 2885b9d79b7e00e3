"""``hdnd build`` runs Sphinx itself and hears what the extension printed through its events."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from hdnd_sphinx import TINY_CONF, sphinx_build, tiny_project

from sphinx_hdnd.cli import main
from sphinx_hdnd.docx import DocxResult
from sphinx_hdnd.sphinxext.events import WORD_WRITTEN

MINIMAL = Path(__file__).parent / "data" / "minimal"


def hdnd_build(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["build", *args])


def test_jobs_is_a_positive_number_or_auto(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "p", MINIMAL / "data")
    for bad in ("0", "hai"):
        result = hdnd_build(str(project), "-j", bad, "--no-pdf", "--no-docx")
        assert result.exit_code == 2
        assert f"-j/--jobs nhận một số nguyên dương hoặc auto, không nhận “{bad}”" in result.output
        assert not (project / "_build").exists()


def test_an_error_is_sphinx_s_paragraph_and_one_line_no_traceback(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "p", MINIMAL / "data",
                           conf=TINY_CONF.replace('"sphinx_hdnd"', '"sphinx_hdnd", "khong_co"'))
    result = hdnd_build(str(project), "--no-pdf", "--no-docx")
    assert result.exit_code == 1
    assert "Lỗi Sphinx (Extension error): Could not import extension khong_co" in result.output
    assert "Xây dựng không thành công" in result.output
    assert "Traceback" not in result.output


def test_strict_turns_a_warning_into_a_failed_build(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "p", MINIMAL / "data",
                           index="Đề cương\n========\n\n:hdnd:`khong_co_chi_tieu`\n")
    lenient = hdnd_build(str(project), "--no-pdf", "--no-docx", "-j", "1")
    assert lenient.exit_code == 0, lenient.output
    assert "khong_co_chi_tieu" in lenient.output
    strict = hdnd_build(str(project), "--no-pdf", "--no-docx", "--strict", "-j", "1",
                        "--out", str(tmp_path / "strict"))
    assert strict.exit_code == 1
    assert "Xây dựng không thành công" in strict.output


def test_the_summary_comes_from_the_extension_s_event(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "p", MINIMAL / "data")
    result = hdnd_build(str(project), "--no-pdf", "-j", "1")
    assert result.exit_code == 0, result.output
    folder = (project / "_build" / "docx").resolve()
    assert re.search(r"Bản Word: 1 tệp \(1 tệp mới ghi, 0 tệp không đổi\), \d+,\d giây\. "
                     rf"Thư mục Word: {re.escape(str(folder))}", result.output), result.output


def test_any_program_can_listen_to_the_word_files(tmp_path: Path) -> None:
    """The same event, heard by a plain Sphinx application (what ``hdnd build`` does)."""
    heard: list[DocxResult] = []
    project = tiny_project(tmp_path / "p", MINIMAL / "data")
    build = sphinx_build(project, "html", confoverrides={"hdnd_docx": True},
                         connect={WORD_WRITTEN: lambda _app, result: heard.append(result)})
    assert build.statuscode == 0, build.warnings
    assert [r.written for r in heard] == [["de-cuong-toan-tinh"]]
