"""Likely questions (shortcomings, local items) and the tasks that answer them."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from ..model.area_links import effective_areas
from ..model.dataset import Dataset
from ..model.placeholders import PLACEHOLDER
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
#: an answer this much of whose words (by rarity) the printed point already says only
#: says the point again ("kế hoạch đấu giá … sẽ được ban hành", then "ban hành kế hoạch …")
REPEATS_POINT = 0.5
#: a shortcoming becomes a question for an audience that weighs its main topic this much
QUESTION_WEIGHT = Decimal("0.5")
#: a clause of a task is part of the answer when it shares with the question this share
#: of what the best clause shares (by the rarity of the shared word pairs)
CLAUSE_FIT = 0.5
#: a task whose title's word pairs the question holds this much of answers it whole
TITLE_COVERS = 0.8
#: a sentence ends where the next begins with a capital letter
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")
_CLAUSE_END = re.compile(r";\s+|(?<=[.!?])\s+(?=[^\W\d_])")


class _PairWords:
    """Every narrative item's word pairs and each pair's rarity (inverse document
    frequency), made once per dataset: a briefing compares hundreds of questions and
    answers, each comparison with the same items."""

    def __init__(self, ds: Dataset) -> None:
        items = ds.narrative.all_items()
        self.by_item = {id(i): _pair_words(i) for i in items}
        self.titles = {id(i): text_pairs(i.title) for i in items}
        df: Counter[str] = Counter()
        for words in self.by_item.values():
            df.update(words)
        total = len(items) or 1
        self.idf = {w: math.log(1 + total / c) for w, c in df.items()}

    def remember(self, item: NarrativeItem) -> None:
        """Put an item the dataset does not hold (a concern of a shortcoming) in the tables;
        its keeper keeps it alive as long as the dataset, which keeps these tables."""
        self.by_item[id(item)] = _pair_words(item)
        self.titles[id(item)] = text_pairs(item.title)

    def title_of(self, item: NarrativeItem) -> frozenset[str]:
        found = self.titles.get(id(item))
        return found if found is not None else text_pairs(item.title)

    def weight(self, words: Iterable[str]) -> float:
        """The words' rarity, summed: what sharing them tells."""
        return sum(self.idf.get(w, 1.0) for w in words)

    @classmethod
    def of(cls, ds: Dataset) -> _PairWords:
        return ds.derived("pair_words", lambda: cls(ds))

    def of_item(self, item: NarrativeItem) -> frozenset[str]:
        # an id in the table is that item's: the dataset keeps every one of them alive
        found = self.by_item.get(id(item))
        return found if found is not None else _pair_words(item)


def text_pairs(value: str) -> frozenset[str]:
    """The word pairs of a text ("đầu tư", "tư công"), placeholders left out."""
    return frozenset(" ".join(p) for p in pairs(plain_words(value)))


def _pair_words(item: NarrativeItem) -> frozenset[str]:
    return text_pairs(f"{item.title}. {item.text}")


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
    qw, aw = pair_words.of_item(question), pair_words.of_item(answer)
    if not qw:
        return 0.0
    score = pair_words.weight(qw & aw) / pair_words.weight(qw)
    q_title, a_title = pair_words.title_of(question), pair_words.title_of(answer)
    if a_title:
        score += 0.5 * len(q_title & a_title) / len(a_title)
    subjects = Subjects.of(ds)
    shared = (subjects.of_item(question) & subjects.of_item(answer)) - {f"item:{question.code}"}
    if shared and score >= SAME_SUBJECT_TEXT:
        score += 0.5
    return score


def sentences(value: str) -> list[str]:
    """The sentences of a text: a break after '.', '!' or '?' before a capital letter."""
    parts = _SENTENCE_END.split(value.strip())
    out: list[str] = []
    for part in parts:
        if out and not part[:1].isupper():
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return [p for p in out if p]


def clauses(value: str) -> list[str]:
    """A task's clauses: its sentences and the parts of each between semicolons, each
    without its final mark."""
    pieces = [p.strip() for p in _CLAUSE_END.split(value.strip())]
    return [p.rstrip(".;") for p in pieces if p.strip(" .;")]


class _Concerns:
    """Each shortcoming that tells of several things, as one item per thing it tells
    ("tội phạm ma túy ngày càng tinh vi, manh động" of "Hạ tầng điện, viễn thông; giảm
    nghèo; tiêm chủng; an ninh"): voters ask of one thing, and a task answers one. Made
    once per dataset, so that each keeps its entry in the tables of words; a clause with
    a figure in it is left out (the question is said without the figure's data)."""

    def __init__(self, ds: Dataset) -> None:
        self.by_item: dict[int, list[NarrativeItem]] = {}
        for s in ds.narrative.shortcomings:
            # a title that lists ("…; giảm nghèo; tiêm chủng; an ninh") is told clause by
            # clause; otherwise a clause may lean on the one before it: sentence by sentence
            parts = clauses(s.text) if ";" in s.title else sentences(s.text)
            said = [c.rstrip(".") for c in parts if not PLACEHOLDER.search(c)]
            if len(said) > 1:
                self.by_item[id(s)] = [s.model_copy(update={"title": "", "text": c})
                                       for c in said]
        pair_words, subjects = _PairWords.of(ds), Subjects.of(ds)
        for concern in (c for cs in self.by_item.values() for c in cs):
            pair_words.remember(concern)
            subjects.remember(concern)

    @classmethod
    def of(cls, ds: Dataset) -> _Concerns:
        return ds.derived("concerns", lambda: cls(ds))


def answer_clauses(ds: Dataset, question: NarrativeItem, answer: NarrativeItem
                   ) -> tuple[str, ...]:
    """The clauses of a task that answer the question ("phấn đấu giải ngân tối thiểu 95%
    kế hoạch vốn đầu tư công năm 2024" of a task that also plans for 2026-2030); none when
    every clause does, or none shares words with it."""
    pair_words = _PairWords.of(ds)
    asked = pair_words.of_item(question)
    title = pair_words.title_of(answer)
    if title and len(title & asked) >= TITLE_COVERS * len(title):
        return ()  # the task is on what is asked ("Nông thôn mới, OCOP"): all of it answers
    parts = clauses(answer.text)
    scores = [pair_words.weight(asked & text_pairs(c)) for c in parts]
    best = max(scores, default=0.0)
    if best == 0:
        return ()
    kept = tuple(c for c, score in zip(parts, scores, strict=True) if score >= CLAUSE_FIT * best)
    return () if len(kept) == len(parts) else kept


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
    concerns = _Concerns.of(ds)
    out: list[Question] = []
    for kind, r in asked:
        if len(out) == b.budget.questions:
            break
        # an answer that also tells of the other points only says them again
        said_elsewhere = set().union(*(s for i, s in point_subjects if i != id(r.item)))
        candidates = [t for t in tasks
                      if id(t) not in used and not subjects.of_item(t) & said_elsewhere]
        asked_item, concern = r.item, ""
        if kind == "shortcoming" and id(r.item) in concerns.by_item:
            # of several concerns, the one the plan answers best is asked
            found = [(*_best_answer(ds, b, r, c, candidates, ANSWER_FIT, by_audience=True), c)
                     for c in concerns.by_item[id(r.item)]]
            best, _, asked_item = max(found, key=lambda f: f[1])
            concern = asked_item.text if best is not None else ""
        elif kind == "local":
            if subjects.of_item(r.item) & petitioned:
                continue  # the petition's answer on the page gives the news
            # the point is printed: an answer that says it again tells nothing new
            while True:
                best, _ = _best_answer(ds, b, r, r.item, candidates, LOCAL_ANSWER_FIT)
                if best is None or not _repeats(ds, best, r.item):
                    break
                candidates.remove(best)
        else:
            best, _ = _best_answer(ds, b, r, r.item, candidates, ANSWER_FIT)
        if best is None:
            continue  # nothing of the plan answers it: not a question to print unanswered
        used.add(id(best))
        out.append(Question(kind, r.item, best, r.relevance, concern,
                            answer_clauses(ds, asked_item, best)))
    return out


def _repeats(ds: Dataset, answer: NarrativeItem, point: NarrativeItem) -> bool:
    """Whether what would be said of the answer (its clauses that answer the point's
    question, or all of it) is mostly in the point's words already, by rarity."""
    pair_words = _PairWords.of(ds)
    told = answer_clauses(ds, point, answer) or clauses(answer.text)
    words = frozenset().union(*(text_pairs(c) for c in told))
    total = pair_words.weight(words)
    return total == 0 or pair_words.weight(words & pair_words.of_item(point)) >= (
        REPEATS_POINT * total)


def _best_answer(ds: Dataset, b: Briefing, asked: Ranked[NarrativeItem],
                 question: NarrativeItem, tasks: list[NarrativeItem], floor: float,
                 by_audience: bool = False) -> tuple[NarrativeItem | None, float]:
    """The task that answers the question best, above ``floor``, and its fit; with
    ``by_audience``, only a task of a topic the audience weighs (one concern of several is
    asked only by those it concerns, told by its answer's main topic)."""
    best, best_fit = None, floor
    for task in tasks:
        if by_audience and not asked.relevance.pinned and (
                not task.topics or b.audience.weight(task.topics[0]) < QUESTION_WEIGHT):
            continue
        fit = answer_fit(ds, question, task, b.scope)
        if fit > best_fit:
            best, best_fit = task, fit
    return best, best_fit
