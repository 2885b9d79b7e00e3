"""The session at a glance, as nodes: for ``hdnd-session``, the outline and the briefings."""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ...phrasing import attendance_phrase, format_date, format_duration_days
from ...phrasing.places import merger_sentence
from ..render import Cites, bullets, cited_paragraph, item_paragraph, text


def session_nodes(ds: Dataset, brief: bool = False) -> list[nodes.Node]:
    s, prov = ds.session, ds.province
    if s is None or prov is None:
        return []
    cites = Cites()
    cites.add(s)
    body: list[nodes.Node] = []
    opening = f"Kỳ họp thứ {s.ordinal}, {prov.council_short} khóa {prov.term.code}"
    if s.duration_days is not None:
        opening += f" diễn ra trong {format_duration_days(s.duration_days)}"
    if s.start_date and s.end_date:
        if s.start_date == s.end_date:
            opening += f", ngày {format_date(s.start_date)}"
        else:
            end = f"{s.end_part} ngày" if s.end_part else "ngày"
            opening += f", từ ngày {format_date(s.start_date)} đến {end} {format_date(s.end_date)}"
    body.append(text(opening + ". "))
    # a corrected date says so wherever it is printed: a delegate holding the đề cương
    # that says 2023 must not be caught by the booklet's 2024
    if s.date_note:
        body.append(nodes.inline("", f"({s.date_note.rstrip('.')}.) ",
                                 classes=["hdnd-data-note"]))
    att = s.attendance
    # a count the checks refused (HD145, HD192) is left unsaid, not phrased
    if att.present is not None and att.total is not None and 0 <= att.present <= att.total \
            and att.total > 0:
        phrase = attendance_phrase(att.present, att.total).replace(
            "đại biểu", f"đại biểu {prov.council_short}", 1)
        body.append(text(f"Dự kỳ họp có {phrase}."))
    out: list[nodes.Node] = [cited_paragraph(ds, body, cites, ["hdnd-session-facts"])]
    if brief:
        return out
    merger = merger_sentence(prov)
    if merger:  # the province's figures of earlier years are the old provinces'
        out.append(nodes.paragraph("", merger, classes=["hdnd-merger"]))
    if s.guests:
        guests = nodes.paragraph("", "Khách mời dự kỳ họp:")
        out.append(guests)
        out.append(bullets(nodes.paragraph("", g) for g in s.guests))
    for speech in s.speeches:
        out.append(item_paragraph(ds, s, speech))
    if s.outcome:
        out.append(item_paragraph(ds, s, s.outcome))
    return out
