"""Likely questions (shortcomings, local items) and the tasks that answer them."""

from __future__ import annotations

import math
from collections import Counter
from decimal import Decimal

from ..model.area_links import effective_areas
from ..model.dataset import Dataset
from ..model.records import (
    NarrativeItem,
)
from .briefing import Briefing, Question
from .relevance import ZERO, Ranked
from .subjects import Subjects, pairs, plain_words

#: how much of its subject words a task must share with a question to answer it
ANSWER_FIT = 0.12
#: a local project's question needs the same project in the answer, and words to match
LOCAL_ANSWER_FIT = 0.4
SAME_SUBJECT_TEXT = 0.2
#: a shortcoming becomes a question for an audience that weighs its main topic this much
QUESTION_WEIGHT = Decimal("0.5")


class _PairWords:
    """Every narrative item's word pairs and each pair's rarity (inverse document
    frequency), made once per dataset: a briefing compares hundreds of questions and
    answers, each comparison with the same items."""

    def __init__(self, ds: Dataset) -> None:
        items = ds.narrative.all_items()
        self.by_item = {id(i): _pair_words(i) for i in items}
        df: Counter[str] = Counter()
        for words in self.by_item.values():
            df.update(words)
        total = len(items) or 1
        self.idf = {w: math.log(1 + total / c) for w, c in df.items()}

    @classmethod
    def of(cls, ds: Dataset) -> _PairWords:
        return ds.derived("pair_words", lambda: cls(ds))

    def of_item(self, item: NarrativeItem) -> frozenset[str]:
        # an id in the table is that item's: the dataset keeps every one of them alive
        found = self.by_item.get(id(item))
        return found if found is not None else _pair_words(item)


def _pair_words(item: NarrativeItem) -> frozenset[str]:
    words = plain_words(f"{item.title}. {item.text}")
    return frozenset(" ".join(p) for p in pairs(words))


def answer_fit(ds: Dataset, question: NarrativeItem, answer: NarrativeItem,
               scope: set[str]) -> float:
    """How well a task answers a question: 0 when it is about another thing.

    They must share a topic, and an answer about other places does not answer a
    question about this one. Then: the share of the question's word pairs (weighted
    by rarity) that the answer uses; half as much again for the answer's title found
    in the question's; and, only where the texts already agree, a bonus for the same
    named project or cited figure (two items naming A Pa Chải may still be about a
    flagpole and a border gate)."""
    if not set(question.topics) & set(answer.topics):
        return 0.0
    links = effective_areas(ds)
    q_areas = set(links.get(id(question), question.areas)) & scope
    a_areas = set(links.get(id(answer), answer.areas))
    if q_areas and a_areas and not (a_areas & scope):
        return 0.0
    pair_words = _PairWords.of(ds)
    idf = pair_words.idf
    qw, aw = pair_words.of_item(question), pair_words.of_item(answer)
    if not qw:
        return 0.0
    score = sum(idf.get(w, 1.0) for w in qw & aw) / sum(idf.get(w, 1.0) for w in qw)
    q_title, a_title = pairs(plain_words(question.title)), pairs(plain_words(answer.title))
    if a_title:
        score += 0.5 * len(q_title & a_title) / len(a_title)
    subjects = Subjects.of(ds)
    shared = (subjects.of_item(question) & subjects.of_item(answer)) - {f"item:{question.code}"}
    if shared and score >= SAME_SUBJECT_TEXT:
        score += 0.5
    return score


def likely_questions(ds: Dataset, b: Briefing, items: list[Ranked[NarrativeItem]],
                     tasks: list[NarrativeItem]) -> list[Question]:
    """Shortcomings the audience cares about, and this place's projects, each with the
    one task that answers it; a task answers one question at most."""
    printed = {id(p.record) for p in b.points} | {id(r.item) for r in b.local_items}
    shortcomings = {id(s) for s in ds.narrative.shortcomings}
    task_ids = {id(t) for t in tasks}
    asked: list[tuple[str, Ranked[NarrativeItem]]] = []
    for r in items:
        rel = r.relevance
        if rel.weight <= ZERO or rel.main_weight <= ZERO:
            continue
        if id(r.item) in shortcomings:
            if rel.pinned or rel.priority is not None or rel.main_weight >= QUESTION_WEIGHT:
                asked.append(("shortcoming", r))
        elif rel.local and id(r.item) in printed and id(r.item) not in task_ids:
            asked.append(("local", r))
    # this place's projects first, then the shortcomings the audience weighs most
    asked.sort(key=lambda kr: (0 if kr[0] == "local" else 1, *kr[1].relevance.sort_key(),
                               kr[1].index))
    used: set[int] = set(printed)
    subjects = Subjects.of(ds)
    # a project the voters' own petition is about: its answer on the page is the news
    petitioned = set().union(*(subjects.of_text(p.text) for p in b.petitions))
    point_subjects = [(id(p.record), p.subjects) for p in b.points]
    out: list[Question] = []
    for kind, r in asked:
        if len(out) == b.budget.questions:
            break
        # an answer that also tells of the other points only says them again
        said_elsewhere = set().union(*(s for i, s in point_subjects if i != id(r.item)))
        best, best_fit = None, LOCAL_ANSWER_FIT if kind == "local" else ANSWER_FIT
        for task in tasks:
            if id(task) in used:
                continue
            if subjects.of_item(task) & said_elsewhere:
                continue
            fit = answer_fit(ds, r.item, task, b.scope)
            if fit > best_fit:
                best, best_fit = task, fit
        if kind == "local" and (best is None or subjects.of_item(r.item) & petitioned):
            continue  # no news to give, or the petition's answer gives it
        if best is None and any(q.answer is None for q in out):
            continue  # one "the delegate takes note" is enough for a page
        if best is not None:
            used.add(id(best))
        out.append(Question(kind, r.item, best, r.relevance))
    return out
