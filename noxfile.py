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
        session.warn("Thiếu thư viện hệ thống cho bản PDF / missing system packages for the "
                     f"PDFs: sudo apt-get install -y {' '.join(wanted)}")


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (pytest's "no tests collected" counts as success)."""
    system_packages(session, tests=True)
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs, success_codes=[0, 5])


@nox.session
def lint(session: nox.Session) -> None:
    """ruff and mypy."""
    session.install("-e", ".", "ruff", "mypy", "pandas-stubs", "types-PyYAML")
    session.run("ruff", "check", "sphinx_hdnd", "tests", "noxfile.py")
    session.run("mypy")


@nox.session
def example(session: nox.Session) -> None:
    """Build the Điện Biên example site and its PDF booklets, and say where to open them."""
    system_packages(session)
    session.install("-e", ".")
    session.run("hdnd", "validate", EXAMPLE)
    session.run("hdnd", "build", EXAMPLE, *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """The user guide, with -nW: every reference resolves and no warning passes."""
    session.install("-e", ".")
    session.run("sphinx-build", "-nW", "--keep-going", "-b", "html", "docs", "docs/_build/html")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against plain Sphinx (table + benchmarks/results.json); see benchmarks/run.py.

    ``nox -s bench -- --quick`` for a smoke run; other options: ``--sizes``, ``--reps``.
    """
    system_packages(session)
    session.install("-e", ".")
    session.run("python", "benchmarks/run.py", *session.posargs)
