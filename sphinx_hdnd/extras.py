"""The extras of sphinx-hdnd (``pip install "sphinx-hdnd[pdf,serve,theme]"``): what a user may
do without. When one is missing, one line says which ``pip`` line to run, and the rest is
still built."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: the theme of the projects hdnd init makes, and of the example (the extra "theme")
THEME = "furo"
#: Sphinx's own theme, always installed with Sphinx
FALLBACK_THEME = "alabaster"


def installed(module: str) -> bool:
    """Whether an optional dependency can be imported (without importing it)."""
    return importlib.util.find_spec(module) is not None


def pip_line(extra: str) -> str:
    return f'pip install "sphinx-hdnd[{extra}]"'


def use_an_installed_theme(app: Sphinx, config: Config) -> None:
    """The project names furo and furo is not installed: Sphinx's own theme, and a warning
    with the line to run (Sphinx would stop with "no theme named 'furo'")."""
    if config.html_theme != THEME or installed(THEME):
        return
    from sphinx.util import logging

    logging.getLogger(__name__).warning(
        f"chưa cài giao diện {THEME} ({pip_line('theme')}); dùng giao diện mặc định của Sphinx",
        type="hdnd", subtype="theme")
    config.html_theme = FALLBACK_THEME


def setup_extras(app: Sphinx) -> None:
    app.connect("config-inited", use_an_installed_theme)
