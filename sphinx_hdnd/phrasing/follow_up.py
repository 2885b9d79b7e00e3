"""What happened to a petition, as the delegate reports it to the voters who asked.

"Cử tri kiến nghị tại cuộc tiếp xúc ngày 05/06/2024; chuyển Sở Xây dựng ngày
20/06/2024, hạn trả lời 20/07/2024." then "Đã trả lời ngày 15/07/2024, đúng
hạn." or "Chưa trả lời, quá hạn 12 ngày." A repeated petition says since when
voters have raised it.
"""

from __future__ import annotations

import datetime as dt

from ..model.dataset import Dataset
from ..model.follow_up import REPLIED, FollowUp
from ..model.records import PETITION_STATUS_LABELS, PetitionEvent, PetitionKind, PetitionStatus
from .sentences import lower_first


def _date(d: dt.date) -> str:
    return f"{d:%d/%m/%Y}"


def session_name(ds: Dataset, code: str | None) -> str:
    if code is None or ds.session is None:
        return ""
    if code == ds.session.code:
        return f"kỳ họp thứ {ds.session.ordinal}"
    for past in ds.session.past_sessions:
        if past.code == code:
            return past.name
    return code


def timing_label(fu: FollowUp) -> str:
    """The one word a reader looks for first: on time, late, overdue ("" if unknown)."""
    if fu.on_time:
        return "Trả lời đúng hạn"
    if fu.late:
        return f"Trả lời quá hạn {fu.days_late} ngày" if fu.days_late else "Trả lời quá hạn"
    if fu.overdue:
        return f"Quá hạn {fu.days_late} ngày" if fu.days_late else "Quá hạn"
    return ""


def track_sentence(ds: Dataset, fu: FollowUp, compact: bool = False) -> str:
    """Where and when it was raised, who must answer, by when; "" for undated data.
    ``compact`` (a briefing's two or three pages): who must answer, by when, and what
    happened, without the meeting's date."""
    pet = fu.petition
    parts = []
    if fu.earlier and compact:
        since = session_name(ds, fu.first.received_session)
        parts.append(f"Cử tri kiến nghị từ {since}, nay tiếp tục kiến nghị" if since
                     else "Cử tri tiếp tục kiến nghị")
    elif fu.earlier:
        first = fu.first
        since = session_name(ds, first.received_session)
        when = f" (cuộc tiếp xúc ngày {_date(first.raised_date)})" if first.raised_date else ""
        parts.append(f"Cử tri đã kiến nghị từ trước {since}{when}, nay tiếp tục kiến nghị"
                     if since else "Cử tri tiếp tục kiến nghị")
    elif pet.raised_date is not None and not compact:
        group = f" của {pet.delegation}" if pet.delegation else ""
        parts.append(f"Nêu tại cuộc tiếp xúc cử tri{group} ngày {_date(pet.raised_date)}")
    agency = pet.agency or pet.responder
    if compact and fu.answered and not fu.earlier:
        return _outcome(fu)  # settled: the answer and its date are the news, not the route
    if pet.forwarded_date is not None:
        to = f" {agency}" if agency else ""
        verb = "chuyển" if compact and not parts else "đã chuyển"
        if fu.earlier:  # the repeat's own route: not the first petition's, months before
            verb = f"lần này {verb}"
        parts.append(f"{verb}{to} ngày {_date(pet.forwarded_date)}")
    if fu.deadline is not None:
        parts.append(f"hạn trả lời {_date(fu.deadline)}")
    if pet.kind is PetitionKind.OPINION:
        parts.append("ý kiến được tổng hợp, chuyển cơ quan có thẩm quyền nghiên cứu")
    if not parts:
        return ""
    parts[0] = parts[0][:1].upper() + parts[0][1:]
    sentence = "; ".join(parts) + "."
    outcome = _outcome(fu)
    return f"{sentence} {outcome}" if outcome else sentence


def _outcome(fu: FollowUp) -> str:
    pet = fu.petition
    when = ""
    if fu.replied_on is not None:
        # a first reply from the history ("đang giải quyết") says so: its date is not the
        # answer's, and the matter was not settled then
        # ("Có trả lời …; đã trả lời …" read as two answers: the first is a document
        # saying where the matter stands, the second the answer)
        interim = interim_reply(fu)
        settled = (f"; {'trả lời' if interim else 'trả lời lại'} ngày "
                   f"{_date(pet.answered_date)}" if fu.answered and pet.answered_date
                   and pet.answered_date != fu.replied_on else "")
        when = (f"Có văn bản ngày {_date(fu.replied_on)} ({interim})" if interim
                else f"Đã trả lời ngày {_date(fu.replied_on)}")
        if fu.on_time:
            when += ", đúng hạn"
        elif fu.late and fu.days_late:
            when += f", quá hạn {fu.days_late} ngày"
        when += settled
    elif fu.replied and not fu.answered:
        when = "Đã có trả lời"
    if fu.answered:
        return f"{when}." if when else ""
    if when:  # replied, not settled
        long = (f" qua {fu.sessions_open:02d} kỳ họp" if fu.sessions_open and
                fu.sessions_open >= 2 else "")
        return f"{when}; chưa giải quyết dứt điểm{long}."
    if fu.overdue and fu.days_late:
        return f"Chưa trả lời, đã quá hạn {fu.days_late} ngày."
    if pet.status is PetitionStatus.PENDING and fu.sessions_open and fu.sessions_open >= 2:
        if fu.replied_before:  # answered "đang giải quyết" before: unsettled, not ignored
            return f"Chưa giải quyết dứt điểm qua {fu.sessions_open:02d} kỳ họp."
        return f"Chưa trả lời sau {fu.sessions_open:02d} kỳ họp."
    return ""


def interim_reply(fu: FollowUp) -> str:
    """The status of the petition's first reply, lower case, when that reply came from the
    history and did not answer it ("đang giải quyết"); "" otherwise."""
    pet = fu.petition
    if fu.replied_on is None or fu.replied_on == pet.answered_date:
        return ""
    first = next((e for e in fu.history if e.petition == pet.code
                  and e.date == fu.replied_on and e.status in REPLIED), None)
    if first is None or first.status is PetitionStatus.ANSWERED:
        return ""
    return lower_first(PETITION_STATUS_LABELS[first.status])


def history_line(ds: Dataset, event: PetitionEvent) -> str:
    """"Kỳ họp thứ Mười bốn: đang giải quyết (02/12/2023): the department is reviewing …"."""
    head = session_name(ds, event.session) or event.session
    status = lower_first(PETITION_STATUS_LABELS[event.status])
    when = f" ({_date(event.date)})" if event.date else ""
    note = f": {lower_first(event.note)}" if event.note else ""
    return f"{head[:1].upper()}{head[1:]}: {status}{when}{note}"
