"""Sentences of a briefing: why an item is there, likely questions, comparisons."""

from __future__ import annotations

from decimal import Decimal

from ..model.loader import Dataset
from ..model.records import PETITION_STATUS_LABELS, Area, Indicator, Petition
from ..phrasing import format_number, format_percent, format_value
from .figures import indicator_sentence


def weight_text(weight: Decimal) -> str:
    return format_number(weight.normalize() if weight == weight.to_integral() else weight)


def why_text(ds: Dataset, topics: tuple[tuple[str, Decimal], ...], local_areas: tuple[str, ...]
             ) -> str:
    """'Lĩnh vực: Giao thông, hạ tầng (trọng số 1); có nội dung về huyện Mường Nhé'."""
    parts = []
    if topics:
        named = [f"{ds.topics[t].name if t in ds.topics else t} (trọng số {weight_text(w)})"
                 for t, w in topics]
        parts.append("Lĩnh vực: " + "; ".join(named))
    if local_areas:
        names = [ds.areas[a].full_name if a in ds.areas else a for a in local_areas]
        parts.append("có nội dung về " + ", ".join(names))
    return " · ".join(parts) if parts else "Nội dung chung của kỳ họp"


def indicator_point(ind: Indicator) -> str:
    """One sentence with its figure: 'Sản lượng lương thực năm 2023 đạt 282.918 tấn, …'."""
    return f"{ind.name} ({ind.period}): {indicator_sentence(ind)}."


def comparison_text(local: Indicator, province: Indicator | None) -> str:
    """Rates compare with the province's rate; amounts show their share of the province."""
    if province is None or province.value is None or local.value is None:
        return "—"
    if not local.is_rate:
        if province.value <= 0:
            return "—"
        share = (local.value / province.value * 100).quantize(Decimal("0.01"))
        return f"chiếm {format_percent(share)} của toàn tỉnh ({format_value(province.value, province.unit)})"
    if local.value == province.value:
        return "bằng mức chung của tỉnh"
    higher = local.value > province.value
    word = "cao hơn" if higher else "thấp hơn"
    good = higher == local.higher_is_better
    verdict = "tốt hơn" if good else "kém hơn"
    return f"{word} mức chung của tỉnh ({format_value(province.value, province.unit)}), {verdict}"


def rank_text(rank: int | None, of: int, level_label: str) -> str:
    if rank is None:
        return "—"
    return f"thứ {rank}/{of} {level_label}"


def petition_question(pet: Petition) -> str:
    return f"Kiến nghị “{pet.text}” đã được giải quyết đến đâu?"


def petition_answer(pet: Petition) -> str:
    status = PETITION_STATUS_LABELS[pet.status]
    if pet.response:
        who = f" của {pet.responder}" if pet.responder else ""
        return f"Tình trạng: {status}. Trả lời{who}: {pet.response}"
    return f"Tình trạng: {status}. Chưa có văn bản trả lời."


def shortcoming_question(title: str) -> str:
    subject = title[:1].lower() + title[1:] if title else "hạn chế này"
    return f"Về {subject}, tỉnh có giải pháp gì trong thời gian tới?"


def local_question(title: str, area: Area) -> str:
    subject = title[:1].lower() + title[1:] if title else "nội dung này"
    return f"Tình hình {subject} trên địa bàn {area.full_name} hiện nay ra sao?"
