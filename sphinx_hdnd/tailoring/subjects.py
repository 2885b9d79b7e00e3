"""What an item is about, beyond its topics: the indicators it cites, the projects and
places it names, its words; two texts that say the same thing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from ..model.dataset import Dataset
from ..model.placeholders import Placeholder, split_text
from ..model.records import (
    Indicator,
    NarrativeItem,
    Resolution,
)

#: two texts sharing this share of their word pairs say the same thing
SAME_TEXT = 0.5


WORD = re.compile(r"\w+")


def cited_codes(item: NarrativeItem) -> list[str]:
    return list(dict.fromkeys([*item.cites, *(p.code for p in split_text(item.text)
                                              if isinstance(p, Placeholder))]))


def plain_words(value: str) -> list[str]:
    """The words of a text without its placeholders, lower-cased."""
    pieces = [p for p in split_text(value) if not isinstance(p, Placeholder)]
    return [w.casefold() for w in WORD.findall(" ".join(pieces))]


def _names(value: str) -> list[str]:
    """Runs of two or more capitalised words: "A Pa Chải", "Long Phú", "Nậm Pô"."""
    pieces = " ".join(p for p in split_text(value) if not isinstance(p, Placeholder))
    out, run = [], []
    for word in re.findall(r"[\w]+|[^\w\s]", pieces):
        if word[:1].isupper() and word[:1].isalpha():
            run.append(word)
            continue
        if len(run) >= 2:
            out.append(" ".join(run))
        run = []
    if len(run) >= 2:
        out.append(" ".join(run))
    return out


@dataclass
class Subjects:
    """What each item is about, for telling two items on the same subject apart."""

    ds: Dataset
    #: proper names used by few items: a project or place, not the province's name
    rare: set[str] = field(default_factory=set)
    #: indicators cited together by one item: one subject
    family: dict[str, set[str]] = field(default_factory=dict)
    #: each narrative item's subjects, made once (a briefing asks for them many times)
    by_item: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, ds: Dataset) -> Subjects:
        return ds.derived("subjects", lambda: cls._collect(ds))

    @classmethod
    def _collect(cls, ds: Dataset) -> Subjects:
        items = ds.narrative.all_items()
        common = {n.casefold() for a in ds.areas.values() for n in (a.name, *a.aliases)}
        if ds.province:
            common.add(ds.province.name.casefold())
        counts: Counter[str] = Counter()
        for item in items:
            counts.update({n.casefold() for n in _names(f"{item.title}. {item.text}")})
        limit = max(3, len(items) // 12)
        rare = {n for n, c in counts.items()
                if c <= limit and n not in common and not any(n in x or x in n for x in common)}
        family: dict[str, set[str]] = {}
        for item in items:
            codes = set(cited_codes(item))
            for code in codes:
                family.setdefault(code, set()).update(codes)
        subjects = cls(ds, rare, family)
        subjects.by_item = {id(item): subjects._of_item(item) for item in items}
        return subjects

    def remember(self, item: NarrativeItem) -> None:
        """Put an item the dataset does not hold in the table (its keeper keeps it alive
        as long as the dataset)."""
        self.by_item[id(item)] = self._of_item(item)

    def of_item(self, item: NarrativeItem) -> frozenset[str]:
        # an id in the table is that item's: the dataset keeps every one of them alive
        found = self.by_item.get(id(item))
        return found if found is not None else self._of_item(item)

    def _of_item(self, item: NarrativeItem) -> frozenset[str]:
        keys = {f"item:{item.code}"} | {f"ind:{c}" for c in cited_codes(item)}
        keys |= {f"name:{n.casefold()}" for n in _names(f"{item.title}. {item.text}")
                 if n.casefold() in self.rare}
        return frozenset(keys)

    def of_text(self, value: str) -> frozenset[str]:
        """The rare names in a free text (a petition's words)."""
        return frozenset(f"name:{n.casefold()}" for n in _names(value)
                         if n.casefold() in self.rare)

    def of_indicator(self, ind: Indicator) -> frozenset[str]:
        return frozenset({f"ind:{ind.code}"} | {f"ind:{c}" for c in self.family.get(ind.code, ())})

    def of_resolution(self, res: Resolution) -> frozenset[str]:
        return frozenset({f"res:{res.code}"} | {f"name:{n.casefold()}" for n in _names(res.title)
                                                if n.casefold() in self.rare})


def pairs(words: Sequence[str]) -> set[tuple[str, str]]:
    return set(pairwise(words))


def same_text(a: str, b: str) -> bool:
    """Near-identical texts: most of their word pairs are shared."""
    pa, pb = pairs(plain_words(a)), pairs(plain_words(b))
    if not pa or not pb:
        return False
    return len(pa & pb) / min(len(pa), len(pb)) >= SAME_TEXT

