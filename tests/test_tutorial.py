"""The tutorial and the quick start, followed command by command as the docs write them.

The commands are read from the pages themselves (``console`` blocks, ``$``
prompts), and so are the rows that the tutorial asks to type into the Excel
workbook (the ``csv-table`` after a ``% tutorial: fill SHEET`` comment), so
the guide and this test cannot drift apart.

Printing every booklet takes minutes, so when ``hdnd build`` can skip the PDF
step (``--no-pdf``), every build but the tutorial's last one skips it; the
last one prints, and the test looks at the PDFs.
"""

from __future__ import annotations

import csv
import io
import re
import shlex
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest

DOCS = Path(__file__).parent.parent / "docs"
TUTORIAL = DOCS / "huong-dan-tung-buoc.md"
QUICKSTART = DOCS / "bat-dau-nhanh.md"
BIN = Path(sys.executable).parent


@dataclass
class Command:
    argv: list[str]


@dataclass
class Fill:
    sheet: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class ExpectedOutput:
    after: str  # text that precedes the block in the page
    lines: list[str]


def steps(page: Path) -> list[Command | Fill]:
    """The page's commands and sheet fillings, in order."""
    out: list[Command | Fill] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    pending_fill: str | None = None
    while i < len(lines):
        line = lines[i]
        if m := re.match(r"^% tutorial: fill (\w+)\s*$", line):
            pending_fill = m.group(1)
        elif line.startswith("```console"):
            i += 1
            while not lines[i].startswith("```"):
                if lines[i].startswith("$ "):
                    out.append(Command(shlex.split(lines[i][2:])))
                i += 1
        elif line.startswith("```{csv-table}") and pending_fill:
            i += 1
            header: list[str] = []
            body: list[str] = []
            while not lines[i].startswith("```"):
                if lines[i].startswith(":header:"):
                    header = _csv(lines[i][len(":header:"):])[0]
                elif lines[i].strip():
                    body.append(lines[i])
                i += 1
            out.append(Fill(pending_fill, header, _csv("\n".join(body))))
            pending_fill = None
        i += 1
    return out


def _csv(text: str) -> list[list[str]]:
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text),
                                                           skipinitialspace=True)]


def _cell(value: str) -> Any:
    """What a person typing into Excel gets: integers become numbers, the rest stays text."""
    return int(value) if re.fullmatch(r"\d+", value) else value or None


def fill(book_path: Path, step: Fill) -> None:
    book = openpyxl.load_workbook(book_path)
    ws = book[step.sheet]
    columns = {c.value: c.column for c in ws[1]}
    missing = [h for h in step.header if h not in columns]
    assert not missing, f"the tutorial names columns the sheet does not have: {missing}"
    for row in step.rows:
        r = ws.max_row + 1
        for name, value in zip(step.header, row, strict=True):
            ws.cell(row=r, column=columns[name], value=_cell(value))
    book.save(book_path)


def run(cmd: Command, cwd: Path) -> subprocess.CompletedProcess[str]:
    argv = list(cmd.argv)
    if argv[0] == "python":
        argv[0] = sys.executable
    elif argv[0] == "hdnd":
        argv[0] = str(BIN / "hdnd")
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=900)


def skipped(cmd: Command) -> bool:
    """Installing (already done for the tests) and serving (runs until stopped)."""
    text = " ".join(cmd.argv)
    return " pip install " in f" {text} " or "http.server" in text


def _can_skip_pdf() -> bool:
    proc = subprocess.run([str(BIN / "hdnd"), "build", "--help"], capture_output=True, text=True)
    return "--no-pdf" in proc.stdout


def _is_build(step: Command | Fill) -> bool:
    return isinstance(step, Command) and step.argv[:2] == ["hdnd", "build"]


def follow(page: Path, workdir: Path, pdf_at_last_build: bool = True
           ) -> tuple[Path, list[tuple[Command, str]]]:
    cwd = workdir
    log: list[tuple[Command, str]] = []
    all_steps = steps(page)
    builds = [i for i, s in enumerate(all_steps) if _is_build(s)]
    printing = {builds[-1]} if builds and pdf_at_last_build else set()
    if _can_skip_pdf():
        for i in builds:
            if i not in printing:
                step = all_steps[i]
                assert isinstance(step, Command)
                all_steps[i] = Command([*step.argv, "--no-pdf"])
    for step in all_steps:
        if isinstance(step, Fill):
            books = list(cwd.glob("data/hdnd.xlsx"))
            assert books, f"no data/hdnd.xlsx in {cwd} when the page says to fill {step.sheet}"
            fill(books[0], step)
            continue
        if skipped(step):
            continue
        if step.argv[0] == "cd":
            cwd = cwd / step.argv[1]
            assert cwd.is_dir(), cwd
            continue
        proc = run(step, cwd)
        assert proc.returncode == 0, (
            f"`{' '.join(step.argv)}` failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        log.append((step, proc.stdout))
    return cwd, log


def _site(project: Path) -> Path:
    html = project / "_build" / "html"
    assert (html / "index.html").is_file()
    return html


def _pdfs(project: Path) -> list[Path]:
    """The PDF booklets, when ``hdnd build`` produced them."""
    pdf = project / "_build" / "pdf"
    if not pdf.is_dir():
        return []
    found = sorted(pdf.rglob("*.pdf"))
    assert found, "_build/pdf exists but holds no PDF"
    for p in found:
        assert p.read_bytes()[:5] == b"%PDF-", p
    return found


# ------------------------------------------------------------------ the pages parse


def test_the_tutorial_has_the_steps_the_test_relies_on() -> None:
    got = steps(TUTORIAL)
    commands = [" ".join(s.argv) for s in got if isinstance(s, Command)]
    assert any(c.startswith("hdnd init ") for c in commands)
    assert sum(c == "hdnd validate" for c in commands) >= 2
    assert sum(c == "hdnd build" for c in commands) >= 2
    fills = [s.sheet for s in got if isinstance(s, Fill)]
    assert fills == ["areas", "sources", "indicators", "petitions"]
    first_fill = next(i for i, s in enumerate(got) if isinstance(s, Fill))
    assert any(isinstance(s, Command) and s.argv[:2] == ["hdnd", "build"]
               for s in got[first_fill:]), "the site is rebuilt after the workbook is filled"


# ------------------------------------------------------------------ following them


def test_tutorial(tmp_path: Path) -> None:
    project, log = follow(TUTORIAL, tmp_path)
    assert project.name == "hdnd-lai-chau"
    html = _site(project)
    # the commune added in the workbook has its briefings, with its figure and petition
    page = html / "tiep-xuc" / "xa-hong-thu" / "nong-dan.html"
    assert page.is_file()
    text = page.read_text(encoding="utf-8")
    assert "Hồng Thu" in text and "23,4%" in text and "đường vào khu sản xuất" in text
    # validate reported no error after the filling
    outputs = [out for cmd, out in log if cmd.argv[:2] == ["hdnd", "validate"]]
    assert outputs and all(" 0 lỗi" in out for out in outputs)
    # the published zip holds the site
    archive = project / "de-cuong-tiep-xuc.zip"
    with zipfile.ZipFile(archive) as z:
        assert any(n.endswith("index.html") for n in z.namelist())
        assert not any(".doctrees" in n for n in z.namelist())  # Sphinx's cache stays home
    _pdfs(project)
    _check_the_error_example(project)


def _check_the_error_example(project: Path) -> None:
    """The tutorial's sample of a validate error is what validate prints for that typo."""
    text = TUTORIAL.read_text(encoding="utf-8")
    m = re.search(r"gõ nhầm mã\s+địa bàn `([^`]+)` thành `([^`]+)` ở trang tính `(\w+)`"
                  r".*?```text\n(.*?)```", text, re.S)
    assert m, "the tutorial's validate error example moved: update this test"
    good, typo, sheet, expected = m.groups()
    book_path = project / "data" / "hdnd.xlsx"
    book = openpyxl.load_workbook(book_path)
    ws = book[sheet]
    area_col = next(c.column for c in ws[1] if c.value == "area")
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, area_col).value == good)
    ws.cell(row, area_col, typo)
    book.save(book_path)
    proc = subprocess.run([str(BIN / "hdnd"), "validate"], cwd=project, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stdout.strip().splitlines() == expected.strip().splitlines()


@pytest.mark.parametrize("page", [QUICKSTART], ids=["quick-start"])
def test_quick_start(page: Path, tmp_path: Path) -> None:
    _, log = follow(page, tmp_path, pdf_at_last_build=False)  # the tutorial prints
    project = tmp_path / "de-cuong"
    _site(project)
    assert any(cmd.argv[:2] == ["hdnd", "--version"] for cmd, _ in log)
