"""Vietnamese search language for Sphinx's HTML search (``language = "vi"``).

Registered by the extension with :meth:`Sphinx.add_search_language`, so that
any project that enables ``sphinx_hdnd`` and has ``language = "vi"`` (or
``html_search_language = "vi"``, or ``vi_VN``) gets it instead of Sphinx's
fallback to English stemming. The index keys come from
:func:`sphinx_hdnd.vietnamese.index_keys`; the browser side (``search.js``,
embedded in ``_static/language_data.js``, no external script) turns a query
into the same keys and ranks the pages.

:func:`write_page_text` also writes each page's main content as a small script
(``_static/hdnd-text/<page>.js``), from which the search page shows a result's
excerpt: Sphinx fetch()es the page itself, which browsers refuse for a site
opened from a folder (``file://``), so there were no excerpts there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.search import SearchLanguage

from ..vietnamese import (
    CODE_PREFIX_MAX,
    ROAD_CODES,
    STOPWORDS,
    folded_stopwords,
    index_keys,
)

JS_SOURCE = Path(__file__).with_name("search.js")
#: where each page's text for the search excerpts goes, in the HTML folder (search.js: TEXT_DIR)
TEXT_DIR = "_static/hdnd-text"


def js_code() -> str:
    """The browser side, with the Python side's word lists written in."""
    config = {
        "stopwords": sorted(STOPWORDS),
        "foldedStopwords": sorted(folded_stopwords()),
        "roadCodes": {" ".join(k): v for k, v in sorted(ROAD_CODES.items())},
        "codePrefixMax": CODE_PREFIX_MAX,
    }
    source = JS_SOURCE.read_text(encoding="utf-8")
    return source.replace("__HDND_CONFIG__", json.dumps(config, ensure_ascii=False))


class SearchVietnamese(SearchLanguage):
    """Folded and exact syllables, phrase pairs, figures and codes; no stemming."""

    lang = "vi"
    language_name = "Vietnamese"
    stopwords = STOPWORDS
    js_stemmer_code = js_code()

    def split(self, input: str) -> list[str]:
        # the keys themselves: feed() lower-cases and filters them, nothing else
        return index_keys(input)

    def stem(self, word: str) -> str:
        return word

    def word_filter(self, word: str) -> bool:
        return bool(word) and word not in STOPWORDS


def page_text_script(docname: str, body: str) -> str:
    """``HdndSearch.pageText(docname, html)``: the page's main content for its excerpt.

    A JSON string (UTF-8; U+2028 and U+2029 escaped for older browsers): no character of
    the page can end the string or the script.
    """
    html = json.dumps(f'<div role="main">{body}</div>', ensure_ascii=False)
    html = html.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"HdndSearch.pageText({json.dumps(docname)}, {html});\n"


def write_page_text(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                    doctree: Any) -> None:
    """html-page-context: a document's text beside it, when the search is ours."""
    builder = app.builder
    indexer = getattr(builder, "indexer", None)
    if builder.format != "html" or doctree is None or "body" not in context:
        return
    if indexer is None or not isinstance(getattr(indexer, "lang", None), SearchVietnamese):
        return
    target = Path(builder.outdir, TEXT_DIR, *pagename.split("/")).with_suffix(".js")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page_text_script(pagename, str(context["body"])), encoding="utf-8")
