"""Vietnamese search language for Sphinx's HTML search (``language = "vi"``).

Registered by the extension with :meth:`Sphinx.add_search_language`, so that
any project that enables ``sphinx_hdnd`` and has ``language = "vi"`` (or
``html_search_language = "vi"``, or ``vi_VN``) gets it instead of Sphinx's
fallback to English stemming. The index keys come from
:func:`sphinx_hdnd.vietnamese.index_keys`; the browser side (``search.js``,
embedded in ``_static/language_data.js``, no external script) turns a query
into the same keys and ranks the pages.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.search import SearchLanguage

from ..vietnamese import (
    CODE_PREFIX_MAX,
    ROAD_CODES,
    STOPWORDS,
    folded_stopwords,
    index_keys,
)

JS_SOURCE = Path(__file__).with_name("search.js")


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
