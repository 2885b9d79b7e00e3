"""Developer tasks: ``nox -s tests``, ``lint``, ``example``, ``docs``.

Every session installs what it needs into its own virtual environment, so
the README's commands work on a fresh machine with only Python and pip.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess

import nox
from nox.command import CommandFailed

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"

EXAMPLE = "examples/dien-bien"

#: what WeasyPrint (the PDF booklets) needs from the system, and the tests' pdftotext;
#: the tests also drive Debian's chromium (never Playwright's own browser download)
PDF_PACKAGES = ["libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core"]
TEST_PACKAGES = ["poppler-utils"]


def _has_vietnamese_font() -> bool:
    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":lang=vi", "family"], capture_output=True, text=True)
    return bool(out.stdout.strip())


def system_packages(session: nox.Session, *, tests: bool = False) -> None:
    """Install Pango, a Vietnamese font (and poppler-utils for the tests) with apt-get when
    they are missing and we may (root, apt available); otherwise say the one line to run."""
    wanted: list[str] = []
    if not (ctypes.util.find_library("pango-1.0") and ctypes.util.find_library("pangoft2-1.0")):
        wanted += PDF_PACKAGES[:2]
    if not _has_vietnamese_font():
        wanted.append(PDF_PACKAGES[2])
    if tests and shutil.which("pdftotext") is None:
        wanted += TEST_PACKAGES
    if tests and shutil.which("chromium") is None:  # the offline browser test (Playwright)
        wanted.append("chromium")
    _apt_install(session, wanted, required=False)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (pytest's "no tests collected" counts as success)."""
    system_packages(session, tests=True)
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs, success_codes=[0, 5])


@nox.session
def lint(session: nox.Session) -> None:
    """ruff and mypy."""
    session.install("-e", ".", "ruff", "mypy", "types-PyYAML")
    session.run("ruff", "check", "sphinx_hdnd", "tests", "noxfile.py")
    session.run("mypy")


@nox.session
def example(session: nox.Session) -> None:
    """Build the Điện Biên example site, its PDF booklets and Word files; say where they are."""
    system_packages(session)
    session.install("-e", ".[pdf,theme]")
    session.run("hdnd", "validate", EXAMPLE)
    session.run("hdnd", "build", EXAMPLE, *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """The user guide, with -nW: every reference resolves and no warning passes."""
    session.install("-e", ".[theme]")
    session.run("sphinx-build", "-nW", "--keep-going", "-b", "html", "docs", "docs/_build/html")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against plain Sphinx (table + benchmarks/results.json); see benchmarks/run.py;
    then hdnd extract's seconds per 100 pages of report (benchmarks/extract.json).

    ``nox -s bench -- --quick`` for a smoke run; other options: ``--sizes``, ``--reps``.
    """
    system_packages(session)
    session.install("-e", ".[pdf,theme]")
    session.run("python", "benchmarks/run.py", *session.posargs)
    session.run("python", "benchmarks/extract.py")  # hdnd extract: seconds per 100 pages


#: what the Word check needs from the system: LibreOffice's Writer (no GUI), a
#: Times New Roman-compatible face with every Vietnamese letter, and pdfinfo / pdftotext
DOCX_PDF_PACKAGES = ["libreoffice-writer-nogui", "fonts-liberation2", "poppler-utils"]


def _apt_install(session: nox.Session, wanted: list[str], required: bool = True) -> None:
    """apt-get install what is missing (as root), else say the one line to run: an error
    when the session cannot do without it, a warning otherwise."""
    if not wanted:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {"DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "--no-install-recommends", *wanted]
        try:
            session.run(*install, external=True, env=env, silent=True)
        except CommandFailed:  # a fresh container has no package lists yet
            session.run("apt-get", "update", external=True, env=env, silent=True)
            session.run(*install, external=True, env=env)
    else:
        say = session.error if required else session.warn
        say(f"Thiếu gói hệ thống / missing system packages: sudo apt-get install -y "
            f"{' '.join(wanted)}")


def _has_liberation_vi() -> bool:
    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":lang=vi", "family"], capture_output=True, text=True)
    return "Liberation Serif" in out.stdout


@nox.session
def docx_pdf(session: nox.Session) -> None:
    """The example's Word booklets opened by LibreOffice (converted to PDF): page count and text.

    Not in the default run (it needs LibreOffice, ~300 MB). ``nox -s docx_pdf -- --keep``
    leaves the PDFs in ``_build/docx-pdf`` of the example's copy for a look.
    """
    import tempfile
    from pathlib import Path

    wanted = []
    if shutil.which("soffice") is None:
        wanted.append(DOCX_PDF_PACKAGES[0])
    if not _has_liberation_vi():
        wanted.append(DOCX_PDF_PACKAGES[1])  # Debian's Liberation 1.x lacks ơ, ư, ạ …
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        wanted.append(DOCX_PDF_PACKAGES[2])
    _apt_install(session, wanted)
    session.install("-e", ".[theme]")
    keep = "--keep" in session.posargs
    work = Path(tempfile.mkdtemp(prefix="hdnd-docx-pdf-"))
    project = work / "dien-bien"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("_build", "tiep-xuc",
                                                                    "__pycache__"))
    session.run("hdnd", "build", str(project), "--no-pdf", "--docx")
    docx_dir = project / "_build" / "docx"
    out = project / "_build" / "docx-pdf"
    files = sorted(docx_dir.glob("*.docx"))
    if len(files) < 70:
        session.error(f"{len(files)} tệp Word trong {docx_dir}, cần 77")
    # a profile of its own: no user's LibreOffice settings, nothing left in $HOME
    profile = (work / "lo-profile").as_uri()
    session.run("soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                "pdf", "--outdir", str(out), *map(str, files), external=True, silent=True)
    problems: list[str] = []
    pages_of: dict[str, int] = {}
    for docx in files:
        pdf = out / f"{docx.stem}.pdf"
        if not pdf.is_file():
            problems.append(f"{docx.name}: LibreOffice không chuyển được sang PDF")
            continue
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines()
                         if line.startswith("Pages:")))
        pages_of[docx.stem] = pages
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True).stdout
        sheets = [" ".join(p.split()) for p in text.split("\f") if p.strip()]
        whole = " ".join(sheets)
        briefing = "--" in docx.stem
        for wanted_text in ("HĐND TỈNH ĐIỆN BIÊN", "THƯỜNG TRỰC",
                            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                            "Điện Biên, ngày 11 tháng 7 năm 2024", "NGUỒN SỐ LIỆU"):
            if wanted_text not in sheets[0 if "NGUỒN" not in wanted_text else -1] and \
                    wanted_text not in whole:
                problems.append(f"{docx.name}: thiếu “{wanted_text}”")
        if briefing and "ĐIỂM CẦN NÓI" not in sheets[0]:
            problems.append(f"{docx.name}: “Điểm cần nói” không ở trang 1")
        if briefing and pages > 4:
            problems.append(f"{docx.name}: {pages} trang (đề cương tiếp xúc tối đa 4 trang)")
        if "Lý do chọn" in whole or "trọng số" in whole:
            problems.append(f"{docx.name}: in ghi chú nội bộ của văn phòng")
        # the page number: from page 2 on, at the top; none on page 1
        for number, sheet in enumerate(sheets[1:], 2):
            if not sheet.startswith(f"{number} "):
                problems.append(f"{docx.name}: trang {number} không có số trang ở đầu trang")
        if sheets[0].startswith("1 "):
            problems.append(f"{docx.name}: trang 1 có số trang")
    counts = sorted(v for k, v in pages_of.items() if "--" in k)
    session.log(f"{len(pages_of)} tệp Word mở bằng LibreOffice; đề cương tiếp xúc: "
                f"{counts[0]}–{counts[-1]} trang, trung vị {counts[len(counts) // 2]}; "
                f"đề cương chung: {pages_of.get('de-cuong-toan-tinh')} trang")
    if keep:
        session.log(f"PDF: {out}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    if problems:
        session.error("\n".join(problems))


@nox.session
def release(session: nox.Session) -> None:
    """A release that installs: sdist and wheel (python -m build) that twine accepts, and
    the wheel, in a fresh virtual environment outside the checkout, builds the example."""
    import tempfile
    from pathlib import Path

    system_packages(session)
    session.install("build", "twine")
    work = Path(tempfile.mkdtemp(prefix="hdnd-release-"))
    dist = work / "dist"
    session.run("python", "-m", "build", "--outdir", str(dist))
    built = sorted(dist.iterdir())
    wheels = [p for p in built if p.suffix == ".whl"]
    if len(built) != 2 or len(wheels) != 1:
        session.error(f"cần một sdist và một wheel, có: {[p.name for p in built]}")
    session.run("twine", "check", "--strict", *map(str, built))
    venv = work / "venv"
    session.run("python", "-m", "venv", str(venv))
    session.run(str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                f"{wheels[0]}[pdf,theme]", external=True)
    project = work / "dien-bien"  # outside the checkout: nothing read from it
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("_build", "tiep-xuc"))
    hdnd = str(venv / "bin" / "hdnd")
    session.run(hdnd, "--version", external=True)
    session.run(hdnd, "validate", str(project), external=True)
    session.run(hdnd, "build", str(project), external=True)
    for expected in ("html/index.html", "pdf/de-cuong-toan-tinh.pdf",
                     "docx/de-cuong-toan-tinh.docx"):
        if not (project / "_build" / expected).is_file():
            session.error(f"bản cài từ wheel không tạo ra {expected}")
    session.log(f"Bản phát hành: {', '.join(p.name for p in built)}; dựng lại ví dụ từ wheel: xong")
