"""One petition and its answer, as nodes; which petitions a page lists."""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ...model.follow_up import follow_up
from ...model.records import PETITION_STATUS_LABELS, Petition, PetitionKind, PetitionStatus
from ...phrasing import format_date
from ...phrasing.follow_up import (
    history_line,
    interim_reply,
    session_name,
    timing_label,
    track_sentence,
)
from ...phrasing.sentences import lower_first
from ..render import Cites, badge, cited_paragraph, text

STATUS_CLASSES = {
    PetitionStatus.ANSWERED: "hdnd-status-done",
    PetitionStatus.IN_PROGRESS: "hdnd-status-open",
    PetitionStatus.SCHEDULED: "hdnd-status-open",
    PetitionStatus.UNFUNDED: "hdnd-status-blocked",
    PetitionStatus.PENDING: "hdnd-status-blocked",
}


TIMING_CLASSES = {True: "hdnd-status-done", False: "hdnd-status-blocked"}


def petition_nodes(ds: Dataset, pet: Petition, show_area: bool = True,
                   compact: bool = False) -> nodes.container:
    """A petition with its answer and follow-up; ``compact`` for a briefing: the track
    without the meeting's date, and only the last earlier session's status."""
    box = nodes.container(classes=["hdnd-petition"])
    cites = Cites()
    cites.add(pet)
    fu = follow_up(ds, pet)
    # a status the document does not state is not shown as one: said plainly in the meta
    unstated = pet.status is PetitionStatus.UNSTATED
    head: list[nodes.Node] = [] if unstated else [
        badge(PETITION_STATUS_LABELS[pet.status], STATUS_CLASSES[pet.status])]
    # an interim document in time ("đang giải quyết") is said in the track; a badge
    # "Trả lời đúng hạn" over an answer that came months later read as false (a clerk)
    timing = "" if fu.on_time and interim_reply(fu) else timing_label(fu)
    if timing:  # on time, late, overdue: what the standing committee supervises
        head += [text(" "), badge(timing, TIMING_CLASSES[fu.on_time])]
    where = []
    if show_area:
        area = ds.areas.get(pet.area or "")
        where.append(area.display_name if area else "Toàn tỉnh")
    aud = ds.audiences.get(pet.audience or "")
    if aud:
        where.append(aud.name)
    # this petition's own session: a repeat says in its track where the voters first
    # raised it ("gửi tới kỳ họp thứ Mười ba" over a petition of the 15th read as wrong)
    received = session_name(ds, pet.received_session)
    if received:
        where.append(f"gửi tới {received}")
    if unstated:
        where.append(lower_first(PETITION_STATUS_LABELS[pet.status]))
    if where:
        if head:
            head.append(text(" "))
        # each part whole on its line: "gửi tới kỳ họp thứ Mười / lăm" broke the session
        meta = nodes.inline("", "", classes=["hdnd-meta"])
        for n, part in enumerate(where):
            if n:
                meta += text(" · ")
            meta += nodes.inline("", part, classes=["hdnd-meta-part"])
        head.append(meta)
    box += nodes.paragraph("", "", *head, classes=["hdnd-petition-head"])
    said = "Ý kiến: " if pet.kind is PetitionKind.OPINION else "Kiến nghị: "
    box += cited_paragraph(ds, [nodes.strong("", said), text(pet.text)], cites,
                           ["hdnd-petition-text"])
    track = track_sentence(ds, fu, compact)
    if track:
        box += nodes.paragraph("", track, classes=["hdnd-petition-track"])
    # earlier sessions' statuses (this session's is the badge above)
    history = [e for e in fu.history if ds.session is None or e.session != ds.session.code]
    before = fu.earlier_answer if not pet.response else None
    # the earlier petition's last reply, printed below as the answer given the last time,
    # is not also a line of the history (the Pú Nhi road's answer was read twice)
    reply = next((e for e in reversed(history) if before is not None
                  and e.petition == before.code and e.status is before.status), None)
    history = [e for e in history if e is not reply]
    if compact:
        history = history[-1:]
    if history:
        lst = nodes.bullet_list(classes=["hdnd-petition-history"])
        for event in history:
            ev_cites = Cites()
            ev_cites.add(event)
            lst += nodes.list_item("", cited_paragraph(ds, [text(history_line(ds, event))],
                                                       ev_cites))
        box += lst
    if pet.response:
        # "Trả lời (Sở Y tế): Sở Y tế …" names the body twice: its answer names it already
        named = pet.responder and not pet.response.startswith(pet.responder)
        who = f" ({pet.responder})" if named else ""
        box += nodes.paragraph("", "", nodes.strong("", f"Trả lời{who}: "), text(pet.response),
                               classes=["hdnd-petition-response"])
    elif before is not None:
        # a repeat not yet answered: what the agency said the last time is what the
        # delegate can tell the voters who raise it again, and when it said it
        day = before.answered_date or (reply.date if reply is not None else None)
        said_by = [before.responder, format_date(day) if day else ""]
        who = f" ({', '.join(w for w in said_by if w)})" if any(said_by) else ""
        said_before = Cites()
        said_before.add(before)
        box += cited_paragraph(ds, [nodes.strong("", f"Trả lời lần trước{who}: "),
                                    text(before.response)], said_before,
                               ["hdnd-petition-response"])
    return box


def filter_petitions(ds: Dataset, areas: list[str], statuses: list[str], committees: list[str],
                     audiences: list[str], topics: list[str]) -> list[Petition]:
    out = []
    for pet in ds.petitions:
        if areas and (pet.area or "toan-tinh") not in areas:
            continue
        if statuses and pet.status.value not in statuses:
            continue
        if committees and pet.committee not in committees:
            continue
        if audiences and pet.audience not in audiences:
            continue
        if topics and not set(topics) & set(pet.topics):
            continue
        out.append(pet)
    return out
