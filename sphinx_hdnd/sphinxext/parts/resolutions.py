"""Resolutions as paragraphs and lists; which resolutions a page shows."""

from __future__ import annotations

from docutils import nodes

from ...model.dataset import Dataset
from ...model.records import Resolution
from ..render import Cites, cited_paragraph, enumerated, text


def resolution_paragraph(ds: Dataset, res: Resolution, with_details: bool = False
                         ) -> nodes.paragraph:
    cites = Cites()
    cites.add(res)
    body: list[nodes.Node] = [nodes.inline("", res.title, classes=["hdnd-resolution-title"])]
    if res.official_number:
        body.append(text(f" (số {res.official_number})"))
    body.append(text("."))
    if with_details and res.committee:
        body.append(text(" "))
        body.append(nodes.inline("", f"Cơ quan thẩm tra: {res.committee}.",
                                 classes=["hdnd-meta"]))
    return cited_paragraph(ds, body, cites)


def filter_resolutions(ds: Dataset, topics: list[str], areas: list[str],
                       committees: list[str]) -> list[Resolution]:
    out = []
    for res in sorted(ds.resolutions, key=lambda r: r.number or 0):
        if topics and not set(topics) & set(res.topics):
            continue
        if areas and not set(areas) & set(res.areas):
            continue
        if committees and res.committee not in committees:
            continue
        out.append(res)
    return out


def resolutions_list(ds: Dataset, items: list[Resolution], with_details: bool = False
                     ) -> nodes.enumerated_list:
    lst = enumerated(resolution_paragraph(ds, r, with_details) for r in items)
    # keep the session's own numbering when a filter leaves gaps
    if items and all(r.number for r in items):
        for li, res in zip(lst.children, items, strict=True):
            li["classes"].append(f"hdnd-nq-{res.number}")
        if [r.number for r in items] != list(range(1, len(items) + 1)):
            lst = nodes.bullet_list(bullet="-")
            for res in items:
                para = resolution_paragraph(ds, res, with_details)
                para.insert(0, text(f"({res.number}) "))
                lst += nodes.list_item("", para)
    return lst
