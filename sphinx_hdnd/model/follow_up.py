"""What happened to each petition: deadline, on time or late, overdue, how long open.

Computed as of the session's opening day, or the ``petitions_as_of`` date the
session sets, never the wall clock: the same data builds the same pages. The
deadline is the petition's own, else the province's rule (days after it was
forwarded, by the level that must answer); no rule is built in.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .dataset import Dataset
from .records import (
    ANSWER_LEVEL_LABELS,
    EVERY_LEVEL,
    AnswerLevel,
    Petition,
    PetitionEvent,
    PetitionKind,
    PetitionStatus,
)

#: how the follow-up table groups and counts (see :func:`buckets`)
BUCKETS = ("received", "on_time", "late", "overdue", "long_open")


@dataclass(frozen=True, slots=True)
class FollowUp:
    petition: Petition
    deadline: dt.date | None
    answered: bool
    on_time: bool
    late: bool
    overdue: bool
    days_open: int | None  # from forwarding (or the meeting) to the answer or the as-of date
    sessions_open: int | None  # sessions since first raised, counting the repeats
    days_late: int | None  # past the deadline: answered late, or still open
    #: the petitions it repeats, oldest first ("cử tri tiếp tục kiến nghị")
    earlier: tuple[Petition, ...] = ()
    #: its status at each session, in session order, the earlier petitions' first
    history: tuple[PetitionEvent, ...] = field(default=())
    replied: bool = False  # the agency has replied (settled or not)
    replied_on: dt.date | None = None

    @property
    def first(self) -> Petition:
        return self.earlier[0] if self.earlier else self.petition

    @property
    def replied_before(self) -> bool:
        """The agency replied at an earlier session, or to a petition this one repeats: a
        repeat not yet answered is then unsettled, not "never answered"."""
        return any(p.status in REPLIED for p in self.earlier) or any(
            e.status in REPLIED for e in self.history)

    @property
    def earlier_answer(self) -> Petition | None:
        """The latest petition of the chain before this one with an answer written down."""
        return next((p for p in reversed(self.earlier) if p.response), None)


def as_of(ds: Dataset) -> dt.date | None:
    s = ds.session
    if s is None:
        return None
    return s.petitions_as_of or s.start_date


def session_numbers(ds: Dataset) -> dict[str, int]:
    if ds.session is None:
        return {}
    # a session of another council (an old province's, before the merger) has a number of
    # its own: it is not counted against this council's
    numbers = {p.code: p.number for p in ds.session.past_sessions
               if p.number is not None and not p.council}
    if ds.session.number is not None:
        numbers[ds.session.code] = ds.session.number
    return numbers


def another_councils_session(ds: Dataset, code: str | None) -> bool:
    """A session of another council (an old province's, before a merger)."""
    return ds.session is not None and code is not None and any(
        p.code == code and p.council for p in ds.session.past_sessions)


def _other_council(ds: Dataset, code: str) -> int:
    """Where a session this council's numbers do not order goes: an old council's before
    every session of this one, an unknown code last."""
    return -1 if another_councils_session(ds, code) else 10**6


def rule_days(ds: Dataset, pet: Petition) -> int | None:
    """The province's days to answer for this petition's level, if it sets one."""
    rules = ds.province.petition_deadline_days if ds.province is not None else {}
    if pet.level is not None and pet.level.value in rules:
        return rules[pet.level.value]
    return rules.get(EVERY_LEVEL)


def deadline_of(ds: Dataset, pet: Petition) -> dt.date | None:
    if pet.kind is PetitionKind.OPINION:
        return None  # an opinion is forwarded; no answer is owed
    if pet.deadline is not None:
        return pet.deadline
    if another_councils_session(ds, pet.received_session):
        # the province's deadlines are this council's rules: an old province's petition
        # keeps the deadline its row states, or none ("quá hạn" by the wrong rule misleads)
        return None
    days = rule_days(ds, pet)
    if days is None or pet.forwarded_date is None:
        return None
    return pet.forwarded_date + dt.timedelta(days=days)


def earlier_petitions(ds: Dataset, pet: Petition) -> tuple[Petition, ...]:
    """The chain of petitions this one repeats, oldest first (a cycle stops the walk:
    validation reports it, HD173)."""
    by_code = {p.code: p for p in ds.petitions}
    chain: list[Petition] = []
    seen = {pet.code}
    code = pet.repeats
    while code is not None and code in by_code and code not in seen:
        seen.add(code)
        chain.append(by_code[code])
        code = by_code[code].repeats
    return tuple(reversed(chain))


#: statuses that say the agency has replied, though the matter may not be settled
REPLIED = {PetitionStatus.ANSWERED, PetitionStatus.IN_PROGRESS, PetitionStatus.SCHEDULED,
           PetitionStatus.UNFUNDED}


def reply_date(ds: Dataset, pet: Petition) -> dt.date | None:
    """When the agency first replied: the first dated reply in the history or the
    answer's date, whichever came first (a petition "đang giải quyết" has had a reply,
    just not a settlement; the deadline is for the reply)."""
    dates = [e.date for e in ds.petition_history
             if e.petition == pet.code and e.date is not None and e.status in REPLIED]
    if pet.answered_date is not None:
        dates.append(pet.answered_date)
    return min(dates) if dates else None


def follow_up(ds: Dataset, pet: Petition) -> FollowUp:
    today = as_of(ds)
    deadline = deadline_of(ds, pet)
    answered = not pet.is_open  # settled: "đã trả lời" in the data's own status
    replied = pet.status in REPLIED
    replied_on = reply_date(ds, pet) if replied else None
    # the deadline is for the reply (NQLT 72/2025): on time or late by the reply's date;
    # overdue only when no reply has come
    on_time = bool(replied_on and deadline and replied_on <= deadline)
    late = bool(replied_on and deadline and replied_on > deadline)
    overdue = bool(not replied and deadline and today and today > deadline)
    earlier = earlier_petitions(ds, pet)
    first = earlier[0] if earlier else pet
    start = first.forwarded_date or first.raised_date
    end = pet.answered_date if answered and pet.answered_date else today
    days_open = (end - start).days if start and end and end >= start else None
    days_late = None
    if late and replied_on and deadline:
        days_late = (replied_on - deadline).days
    elif overdue and today and deadline:
        days_late = (today - deadline).days
    numbers = session_numbers(ds)
    received = numbers.get(first.received_session)
    closing = pet.answered_session if answered and pet.answered_session else (
        ds.session.code if ds.session is not None else None)
    until = numbers.get(closing or "")
    sessions_open = until - received if received is not None and until is not None else None
    codes = {p.code for p in (*earlier, pet)}
    history = tuple(sorted((e for e in ds.petition_history if e.petition in codes),
                           key=lambda e: (numbers.get(e.session, _other_council(ds, e.session)),
                                          e.date or dt.date.min)))
    return FollowUp(pet, deadline, answered, on_time, late, overdue, days_open,
                    sessions_open, days_late, earlier, history, replied, replied_on)


def latest_petitions(ds: Dataset, pets: Iterable[Petition]) -> list[Petition]:
    """Each chain of repeats once, by its latest petition: a repeated petition is shown
    once, with its history."""
    pets = list(pets)
    repeated = {p.repeats for p in ds.petitions if p.repeats}
    return [p for p in pets if p.code not in repeated]


def buckets(fu: FollowUp) -> set[str]:
    """The counts of the follow-up table this petition falls in."""
    out = {"received"}
    if fu.on_time:
        out.add("on_time")
    if fu.late:
        out.add("late")
    if fu.overdue:
        out.add("overdue")
    if not fu.answered and fu.sessions_open is not None and fu.sessions_open >= 2:
        out.add("long_open")
    return out


# -- the office's summary of a round of meetings (hdnd-petition-summary)

NO_LEVEL = "Chưa xác định cấp trả lời"
LEVEL_ORDER = [AnswerLevel.CENTRAL, AnswerLevel.PROVINCE, AnswerLevel.DISTRICT,
               AnswerLevel.COMMUNE]


def round_of(ds: Dataset, session: str | None = None) -> list[Petition]:
    """What voters raised for one session (this one by default)."""
    code = session or (ds.session.code if ds.session is not None else None)
    return [p for p in ds.petitions if p.received_session == code]


def level_name(pet: Petition) -> str:
    return f"Thuộc thẩm quyền cấp {ANSWER_LEVEL_LABELS[pet.level].lower()}" if pet.level \
        else NO_LEVEL


def summary_groups(ds: Dataset, pets: list[Petition]) -> dict[str, dict[str, list[Petition]]]:
    """level -> field -> petitions, in the documents' order of levels."""
    out: dict[str, dict[str, list[Petition]]] = defaultdict(lambda: defaultdict(list))
    for pet in pets:
        topic = pet.topics[0] if pet.topics else ""
        field = ds.topics[topic].name if topic in ds.topics else "Lĩnh vực khác"
        out[level_name(pet)][field].append(pet)
    order = [f"Thuộc thẩm quyền cấp {ANSWER_LEVEL_LABELS[lv].lower()}" for lv in LEVEL_ORDER]
    return {k: dict(sorted(out[k].items())) for k in sorted(
        out, key=lambda k: order.index(k) if k in order else len(order))}
