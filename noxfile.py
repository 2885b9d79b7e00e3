"""Developer tasks: ``nox -s tests``, ``lint``, ``example``, ``docs``.

Every session installs what it needs into its own virtual environment, so
the README's commands work on a fresh machine with only Python and pip.
"""

from __future__ import annotations

import nox

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"

EXAMPLE = "examples/dien-bien"


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (pytest's "no tests collected" counts as success)."""
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
    """Build the Điện Biên example site and say where to open it."""
    session.install("-e", ".")
    session.run("hdnd", "validate", EXAMPLE)
    session.run("hdnd", "build", EXAMPLE, *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """The user guide, with -nW: every reference resolves and no warning passes."""
    session.install("-e", ".")
    session.run("sphinx-build", "-nW", "--keep-going", "-b", "html", "docs", "docs/_build/html")
