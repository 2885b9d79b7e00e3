"""Sentences about where a place stands: what it holds, what it belongs to, what it replaced.

Each sentence is a list of pieces, text or an area to name, so that the Sphinx
layer can link the areas that have pages; the words are the same everywhere.
"""

from __future__ import annotations

import datetime as dt

from ..model.places import Membership
from ..model.records import Area, Province
from .numbers import format_count
from .sentences import join_names, upper_first

#: a piece of a sentence: words, or an area the page names (and may link)
Piece = str | Area


def _listed(areas: list[Area]) -> list[Piece]:
    out: list[Piece] = []
    for i, a in enumerate(areas):
        if i:
            out.append(", ")
        out.append(a)
    return out


def membership_sentences(m: Membership, council: str = "HĐND tỉnh") -> list[list[Piece]]:
    """'Đơn vị bầu cử số 2 gồm: xã Đá Mài, xã Khe Sim.', 'Xã Khe Sim thuộc đơn vị bầu cử
    số 2.', 'Địa bàn trước sắp xếp: huyện Đá Mài (cũ).', 'Huyện Đá Mài (cũ) nay là: …'."""
    area = m.area
    name = upper_first(area.display_name)
    out: list[list[Piece]] = []
    if m.members:
        out.append([f"{name} gồm: ", *_listed(m.members), "."])
    if area.seats is not None or area.election_date is not None:
        parts = []
        if area.seats is not None:
            parts.append(f"bầu {format_count(area.seats, pad=True)} đại biểu {council}")
        if area.election_date is not None:
            parts.append(f"ngày bầu cử {area.election_date:%d/%m/%Y}")
        out.append([upper_first("; ".join(parts)) + "."])
    if m.parent is not None:
        out.append([f"{name} thuộc ", m.parent, "."])
    if m.replaced:
        out.append(["Địa bàn trước sắp xếp: ", *_listed(m.replaced), "."])
    elif m.members_replaced:
        out.append(["Các địa bàn trước sắp xếp: ", *_listed(m.members_replaced), "."])
    if m.replaced_by:
        ended = f" hết hiệu lực từ ngày {area.valid_to:%d/%m/%Y}" if area.valid_to else ""
        out.append([f"{name}{ended}; nay là: ", *_listed(m.replaced_by), "."])
    return out


def merger_sentence(prov: Province) -> str:
    """'Tỉnh Ngàn Phố được hợp nhất từ tỉnh Ngàn Phố (cũ) và tỉnh Hải Lam (cũ) từ ngày
    01/07/2025; số liệu trước thời điểm này ghi theo từng tỉnh cũ.'; "" without a merger."""
    olds = prov.predecessors
    if not olds:
        return ""
    joined = join_names([p.display_name for p in olds])
    ends = sorted({p.valid_to for p in olds if p.valid_to is not None})
    since = f" từ ngày {ends[-1] + dt.timedelta(days=1):%d/%m/%Y}" if ends else ""
    return (
        f"Tỉnh {prov.name} được hợp nhất từ {joined}{since}; số liệu của các tỉnh cũ được ghi rõ tên tỉnh cũ."
    )


__all__ = ["Piece", "membership_sentences", "merger_sentence"]
