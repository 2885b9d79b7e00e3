"""The session's debate, questioning and oversight, as paragraphs."""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ...phrasing import format_count
from ...phrasing.sentences import join_names, lower_first
from ..render import Cites, bullets, cited_paragraph, narrative_nodes, text


def debate_paragraph(ds: Dataset) -> nodes.paragraph | None:
    s = ds.session
    if s is None or s.debate is None:
        return None
    d = s.debate
    cites = Cites()
    cites.add(d)
    parts = ["Phiên thảo luận tại hội trường"]
    if d.broadcast:
        parts.append(" được phát thanh, truyền hình trực tiếp")
    if d.topics:
        parts.append("; nội dung tập trung vào: " + "; ".join(lower_first(t) for t in d.topics))
    sentence = "".join(parts) + "."
    if d.speakers is not None:
        sentence += (f" Có {format_count(d.speakers, pad=True)} đại biểu "
                     f"{ds.province.council_short if ds.province else 'HĐND'} phát biểu.")
    return cited_paragraph(ds, [text(sentence)], cites)


def questioning_paragraphs(ds: Dataset) -> list[nodes.Node]:
    s = ds.session
    if s is None or s.questioning is None:
        return []
    q = s.questioning
    cites = Cites()
    cites.add(q)
    sentence = "Phiên chất vấn" + (" được phát thanh, truyền hình trực tiếp" if q.broadcast else "")
    n_delegates = q.delegate_count if q.delegate_count is not None else len(q.delegates) or None
    if n_delegates is not None:
        sentence += f"; {format_count(n_delegates, pad=True)} đại biểu chất vấn"
        if q.issue_count is not None:
            sentence += f" {format_count(q.issue_count, pad=True)} vấn đề"
    sentence += "."
    body: list[nodes.Node] = [text(sentence)]
    if q.delegates:
        body.append(text(" Đại biểu chất vấn: " + join_names(q.delegates) + "."))
    if q.answered_directly:
        body.append(text(" Trả lời trực tiếp tại kỳ họp: " + join_names(q.answered_directly)
                         + "."))
    if q.answered_in_writing:
        body.append(text(" Trả lời bằng văn bản: " + join_names(q.answered_in_writing) + "."))
    if q.atmosphere:
        body.extend(narrative_nodes(ds, " " + q.atmosphere, cites))
    return [cited_paragraph(ds, body, cites)]


def oversight_paragraphs(ds: Dataset) -> list[nodes.Node]:
    s = ds.session
    if s is None or not s.oversight:
        return []
    cites = Cites()
    cites.add(s)
    council = ds.province.council_short if ds.province else "HĐND"
    # a lead-in, then one report a line, as a list in the documents' style ("…;", "….")
    box = nodes.container(classes=["hdnd-oversight"])
    box += cited_paragraph(ds, [text(f"{council} giám sát thông qua xem xét các báo cáo:")],
                           cites)
    last = len(s.oversight) - 1
    box += bullets(nodes.paragraph("", lower_first(r.rstrip(";. ")) + ("." if i == last else ";"))
                   for i, r in enumerate(s.oversight))
    return [box]
