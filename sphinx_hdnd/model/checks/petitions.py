"""Petitions and meetings with voters: dates in order, statuses, repeats, deadlines."""

from __future__ import annotations

from itertools import pairwise

from .. import follow_up
from ..applicability import applies
from ..dataset import Dataset
from ..records import EVERY_LEVEL, AnswerLevel, Petition, PetitionKind, PetitionStatus


def check_petitions(ds: Dataset) -> None:
    """Follow-up: dates in order, statuses that agree with them, repeats, the deadline."""
    log = ds.problems
    today = follow_up.as_of(ds)
    rules = ds.province.petition_deadline_days if ds.province is not None else {}
    levels = {lv.value for lv in AnswerLevel} | {EVERY_LEVEL}
    for key, days in rules.items():
        if key not in levels or not isinstance(days, int) or days <= 0:
            assert ds.province is not None
            log.report("HD174", ds.province.origin.with_column(f"petition_deadline_days.{key}"),
                       "rule", level=key, days=days)
    by_code = {p.code: p for p in ds.petitions}
    for pet in ds.petitions:
        dated = [(c, getattr(pet, c)) for c in ("raised_date", "forwarded_date", "answered_date")
                 if getattr(pet, c) is not None]
        for (c1, d1), (c2, d2) in pairwise(dated):
            if d2 < d1:
                log.report("HD171", pet.origin.with_column(c2), "order", later_column=c2,
                           later=d2, earlier_column=c1, earlier=d1)
        if pet.answered_date is not None and today is not None and pet.answered_date > today:
            log.report("HD171", pet.origin.with_column("answered_date"), "after-today",
                       answered=pet.answered_date, today=today)
        answered = pet.status is PetitionStatus.ANSWERED
        if pet.answered_date is not None and pet.status in (PetitionStatus.PENDING,
                                                            PetitionStatus.UNSTATED):
            log.report("HD172", pet.origin.with_column("status"), "dated-pending",
                       answered=pet.answered_date, status=pet.status.value)
        elif answered and not pet.response:
            log.report("HD172", pet.origin.with_column("response"), "no-response")
        elif answered and pet.forwarded_date is not None and pet.answered_date is None:
            log.report("HD172", pet.origin.with_column("answered_date"), "no-date")
        if pet.repeats is not None:
            if pet.repeats not in by_code or pet.repeats == pet.code:
                log.report("HD173", pet.origin.with_column("repeats"), "repeats",
                           petition=pet.repeats)
            elif _repeats_cycle(by_code, pet):
                log.report("HD173", pet.origin.with_column("repeats"), "cycle", petition=pet.code)
        if (pet.kind is PetitionKind.REQUEST and pet.forwarded_date is not None
                and pet.deadline is None and rules and follow_up.rule_days(ds, pet) is None):
            log.report("HD174", pet.origin.with_column("level"), "no-rule",
                       level=pet.level.value if pet.level else "")
    sessions = ({ds.session.code, *(p.code for p in ds.session.past_sessions)}
                if ds.session is not None else set())
    for meeting in ds.meetings:
        if meeting.area not in ds.areas and "areas" not in ds.failed:
            log.report("HD131", meeting.origin.with_column("area"), area=meeting.area)
        if meeting.audience is not None and meeting.audience not in ds.audiences:
            log.report("HD132", meeting.origin.with_column("audience"),
                       audience=meeting.audience)
        elif (meeting.audience is not None and meeting.area in ds.areas
              and not applies(ds, meeting.area, ds.audiences[meeting.audience])):
            log.report("HD175", meeting.origin.with_column("audience"),
                       audience=meeting.audience, area=meeting.area)
        if meeting.session is not None and sessions and meeting.session not in sessions:
            log.report("HD136", meeting.origin.with_column("session"), session=meeting.session)
    for event in ds.petition_history:
        if event.petition not in by_code:
            log.report("HD173", event.origin.with_column("petition"), "history-petition",
                       petition=event.petition)
        if sessions and event.session not in sessions:
            log.report("HD173", event.origin.with_column("session"), "history-session",
                       session=event.session)


def _repeats_cycle(by_code: dict[str, Petition], pet: Petition) -> bool:
    seen = {pet.code}
    code = pet.repeats
    while code is not None and code in by_code:
        if code in seen:
            return True
        seen.add(code)
        code = by_code[code].repeats
    return False
