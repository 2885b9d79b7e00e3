"""Areas named in text: the word-by-word lookup finds what a regular expression of every
name, whole words only, case aside, longest first, finds (the rule it replaced)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_hdnd.model import load_dataset
from sphinx_hdnd.model.area_links import AreaNames

EXAMPLE = Path(__file__).parent.parent / "examples" / "dien-bien" / "data"
DS = load_dataset(EXAMPLE)
NAMES = AreaNames.of(DS)
#: the rule as one expression: whole words, case aside, the longest name first
RULE = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(NAMES.codes, key=len,
                                                                     reverse=True))
                  + r")(?!\w)", re.IGNORECASE)


def _by_rule(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), NAMES.codes[m.group(1).casefold()]) for m in RULE.finditer(text)]


def test_the_example_texts_name_the_same_areas_as_the_rule():
    texts = [f"{r.title} {r.text}" for r in DS.narrative.all_items()]
    texts += [p.text for p in DS.petitions]
    found = [hit for t in texts for hit in NAMES.finditer(t)]
    assert found == [hit for t in texts for hit in _by_rule(t)]
    assert len(found) > 40  # the example's texts do name areas


def test_the_longer_name_wins_and_a_name_inside_a_word_is_not_one():
    areas = {a.code: a for a in DS.areas.values()}
    full = areas[next(iter(areas))].full_name
    text = f"{full.upper()}, {full}x và {full}."
    hits = list(NAMES.finditer(text))
    assert [text[s:e] for s, e, _ in hits] == [full.upper(), full]


_WORDS = sorted({w for k in NAMES.codes for w in k.split()} | {"và", "huyện", "-", ",", "  "})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + [w.upper() for w in _WORDS]), max_size=12),
       st.sampled_from([" ", "  ", "-", ", ", ""]))
def test_any_run_of_name_words_reads_as_by_the_rule(words, joiner):
    text = joiner.join(words)
    assert list(NAMES.finditer(text)) == _by_rule(text)
