"""Vietnamese text for full-text search (folding, stop words, tokens and index keys), and as
ASCII for codes and file names (:func:`ascii_slug`).

Pure Python, no Sphinx import. The HTML search (``sphinxext/search.py`` and its
JavaScript twin ``sphinxext/search.js``) uses these rules on both sides: the
index is built from :func:`index_keys`, and the browser turns a query into the
same keys, so that a query typed on a phone without diacritics finds the text.

Keys, for a piece of text (all lower case, Unicode NFC):

* every syllable in its **folded** form (:func:`fold`: no tone or vowel marks,
  ``đ`` -> ``d``): ``đường`` -> ``duong``; and, when it differs, in its
  **exact** form too (``đường``), so that a query typed with diacritics can
  rank exact matches first;
* every pair of neighbouring syllables separated only by white space, folded
  and joined by ``_`` (``ngân sách`` -> ``ngan_sach``): multi-syllable words
  ("ngân sách", "nông thôn mới") are found as phrases;
* figures written with inner ``.`` or ``,`` as one token (``15.788,94``) and
  as their digits only (``1578894``); whole numbers of two digits or more
  (``279``); codes (``QL279``); a short upper-case code followed by a number
  (``QL 279``, ``ĐT.140``) and the road names ``Quốc lộ 279``, ``Tỉnh lộ 140``,
  ``Đường tỉnh 140``, ``Hương lộ 5`` also as one code (``ql279``, ``tl140``,
  ``dt140``, ``hl5``).

Stop words (:data:`STOPWORDS`) are never indexed and are dropped from queries,
compared in their exact form: ``của`` is a stop word, ``cửa`` is not, although
both fold to ``cua``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Function words that carry no meaning on their own in the briefings; each
#: one is frequent in every page, so indexing it would only make the index
#: bigger. A modest list on purpose: no negation (``không``, ``chưa``), no
#: word that is also a content word in this domain (``việc``, ``sự``, ``qua``
#: as in "thông qua", ``cùng`` as in "cùng kỳ", ``ra``, ``trên``).
STOPWORDS: frozenset[str] = frozenset(
    """
    và hoặc hay nhưng mà thì nên vì do nếu
    của các những một này đó đây ấy
    được bị là có đã đang sẽ cũng còn rằng như
    trong cho với theo về từ tại để vào nhằm khi
    """.split()
)

#: Two syllables that name a kind of road, followed by its number: one code.
ROAD_CODES: dict[tuple[str, str], str] = {
    ("quoc", "lo"): "ql",
    ("tinh", "lo"): "tl",
    ("duong", "tinh"): "dt",
    ("huong", "lo"): "hl",
}

#: An upper-case code of at most this many letters, then a number (``QL 279``).
CODE_PREFIX_MAX = 4

_FIGURE = re.compile(r"[0-9]+(?:[.,][0-9]+)+")
_CODE_GAP = re.compile(r"[\s.\-]{1,2}")
_MARK = "M"


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, ``đ`` -> ``d``, no combining marks (tones, hats, horns, breves), NFC.

    Memoised: the search index folds every word of every page, and words repeat."""
    text = text.lower().replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c)[0] != _MARK)
    return unicodedata.normalize("NFC", text)


def ascii_slug(text: str) -> str:
    """'Mường Nhé' -> 'muong-nhe': lower-case ASCII letters and digits, ``đ`` -> ``d``, every
    other run of characters one ``-``; for codes and file names that survive any USB stick
    and e-mail. Unlike :func:`fold`, what has no ASCII form is dropped."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def has_diacritics(word: str) -> bool:
    """True when folding changes more than the case of ``word``."""
    return fold(word) != word.lower()


@lru_cache(maxsize=1 << 12)
def _is_word_char(c: str) -> bool:
    # the same class as the JavaScript side's [\p{L}\p{N}\p{M}]
    return unicodedata.category(c)[0] in "LNM"


@lru_cache(maxsize=1 << 16)
def _is_letters(word: str) -> bool:
    return all(unicodedata.category(c)[0] in "LM" for c in word)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the text: ``text`` is lower case NFC, ``surface`` as written."""

    kind: str  # "word" (letters only), "figure" (15.788,94), "number" (279), "code" (QL279)
    text: str
    surface: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Words, figures, numbers and codes of ``text`` (normalised to NFC), in order.

    A figure is digits with inner ``.`` or ``,`` (``8,75``, ``15.788,94``); any
    other run of letters, digits and marks is one token.
    """
    text = unicodedata.normalize("NFC", text)
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if not _is_word_char(c):
            i += 1
            continue
        if "0" <= c <= "9" and (m := _FIGURE.match(text, i)):
            tokens.append(Token("figure", m.group(), m.group(), i, m.end()))
            i = m.end()
            continue
        j = i + 1
        while j < n and _is_word_char(text[j]):
            j += 1
        surface = text[i:j]
        if surface.isascii() and surface.isdigit():
            kind = "number"
        elif _is_letters(surface):
            kind = "word"
        else:
            kind = "code"
        tokens.append(Token(kind, surface.lower(), surface, i, j))
        i = j
    return tokens


def token_keys(token: Token) -> list[str]:
    """The index keys of one token on its own (empty for a stop word)."""
    if token.kind == "figure":
        return [token.text, token.text.replace(".", "").replace(",", "")]
    if token.kind == "number":
        return [token.text] if len(token.text) >= 2 else []
    if token.text in STOPWORDS:
        return []
    folded = fold(token.text)
    return [folded] if folded == token.text else [folded, token.text]


def _joined_by_space(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end:right.start]
    return bool(gap) and gap.isspace()


def index_keys(text: str) -> list[str]:
    """Every key under which a page containing ``text`` is found (see the module doc)."""
    return list(_index_keys(text))


# Sphinx splits every text node of every page: the same sentences recur on the
# eight audiences' pages of an area and on every page of the province.
@lru_cache(maxsize=1 << 16)
def _index_keys(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFC", text)
    tokens = tokenize(text)
    keys: list[str] = []
    for k, token in enumerate(tokens):
        keys.extend(token_keys(token))
        if k == 0:
            continue
        left = tokens[k - 1]
        if (token.kind == "word" and left.kind == "word"
                and left.text not in STOPWORDS and token.text not in STOPWORDS
                and _joined_by_space(text, left, token)):
            keys.append(f"{fold(left.text)}_{fold(token.text)}")
        if token.kind == "number":
            gap = text[left.end:token.start]
            if (left.kind == "word" and len(left.surface) <= CODE_PREFIX_MAX
                    and left.surface.isupper() and _CODE_GAP.fullmatch(gap)):
                keys.append(fold(left.text) + token.text)
            if k >= 2 and gap.isspace():
                first = tokens[k - 2]
                road = ROAD_CODES.get((fold(first.text), fold(left.text)))
                if (road and first.kind == "word" and left.kind == "word"
                        and _joined_by_space(text, first, left)):
                    keys.append(road + token.text)
    return tuple(keys)


def folded_stopwords() -> frozenset[str]:
    """Folded forms of the stop words: a query word typed without diacritics
    that is one of these (``cua``: ``của`` or ``cửa``?) is optional, not required."""
    return frozenset(fold(w) for w in STOPWORDS)
