"""Vietnamese for the theme's own words ("On this page", "Back to top", "Next" …).

Sphinx translates its templates with the catalogue of the project's ``language``;
Furo brings no Vietnamese, so a Vietnamese site showed English around Vietnamese
pages. For ``language = "vi"`` the HTML builders' template environment gets our
catalogue (``locale/vi-theme.po``, read with Babel) first, and Sphinx's own as the
fallback for everything else.
"""

from __future__ import annotations

from gettext import GNUTranslations
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.application import Sphinx
from sphinx.locale import get_translator

CATALOGUE = Path(__file__).parent / "locale" / "vi-theme.po"


def theme_catalogue() -> GNUTranslations:
    with CATALOGUE.open("rb") as fh:
        catalog = read_po(fh, locale="vi")
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return GNUTranslations(buffer)


def install_theme_words(app: Sphinx) -> None:
    if not str(app.config.language or "").startswith("vi"):
        return
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None or not hasattr(environment, "install_gettext_translations"):
        return  # a builder without Jinja templates (text, LaTeX …) or without i18n
    ours = theme_catalogue()
    ours.add_fallback(get_translator())  # Sphinx's Vietnamese for all the rest
    environment.install_gettext_translations(ours)


def setup_theme_words(app: Sphinx) -> None:
    app.connect("builder-inited", install_theme_words)
