"""Figures of the executive's report proposed as indicator rows, for a person to review.

``extract_report(path, ds)`` reads a report (see :mod:`.reading`), finds every
figure of every sentence (:mod:`.figures`), gives each its section, period, area
and name (:mod:`.context`) and, with a project's data, says whether the data
already has it (:mod:`.compare`). Nothing here writes data: :mod:`.merge` does,
with a backup. No Sphinx import: this is model-side code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..phrasing.numbers import format_number
from .context import (
    INLINE_HEADING,
    Sections,
    clean_name,
    full_name,
    looks_like_heading,
    period_of,
    suggest_code,
    suggest_topic,
)
from .figures import Figure, figures_of
from .reading import Para, ReadError, read_report

if TYPE_CHECKING:
    from ..model.area_links import AreaNames
    from ..model.dataset import Dataset

__all__ = ["COLUMNS", "ReadError", "extract_paragraphs", "extract_report"]

#: the review table: the indicators table's own columns, then what the clerk needs to decide
COLUMNS = [
    "name",
    "unit",
    "period",
    "area",
    "value",
    "value_qualifier",
    "estimate",
    "plan",
    "previous",
    "growth",
    "change",
    "ratio",
    "plan_pct",
    "source_section",
    "note",
    "code",
    "topic",
    "quote",
    "line",
    "confidence",
    "accept",
]
COMPARE_COLUMNS = ["compare", "existing", "differences", "source"]

_SUP = re.compile(r"<sup>\s*(\d+)\s*</sup>")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[-–“\"(A-ZĐÂĂÊÔƠƯ])")


@dataclass
class _Context:
    sections: Sections
    areas: AreaNames | None
    topics: set[str] | None
    #: footnote number -> (section, period, heading trail) where it was cited
    cited: dict[int, tuple[str, str, str]]


def extract_report(path: Path, ds: Dataset | None = None) -> list[dict[str, str]]:
    """The candidate rows of the report at ``path``; raises :class:`ReadError`."""
    return extract_paragraphs(read_report(path), ds)


def extract_paragraphs(paras: list[Para], ds: Dataset | None = None) -> list[dict[str, str]]:
    from ..model.area_links import AreaNames

    ctx = _Context(
        Sections(),
        AreaNames.of(ds) if ds is not None and ds.areas else None,
        set(ds.topics) if ds is not None and ds.topics else None,
        {},
    )
    rows: list[dict[str, str]] = []
    for para in paras:
        text = para.text
        if para.heading or (para.footnote is None and looks_like_heading(text)):
            ctx.sections.heading(text)
            continue
        offset, topic = 0, ""
        if para.footnote is None and (m := INLINE_HEADING.match(text)):
            ctx.sections.heading(f"{m.group(1)}. {m.group(2)}")
            offset = m.end()
            # "1.4. Thủy sản: Diện tích nuôi trồng …": a short title is the subject
            topic = m.group(2).strip() if len(m.group(2).split()) <= 3 else ""
        rows.extend(_paragraph_rows(para, text, offset, ctx, topic))
    if ds is not None:
        from .compare import compare_rows
        from .merge import guess_source

        compare_rows(rows, ds)
        title = " ".join(p.text for p in paras[:6] if p.heading or looks_like_heading(p.text))
        source = guess_source(ds, title) or ""
        for row in rows:
            row["source"] = source
    return rows


def _paragraph_rows(para: Para, text: str, offset: int, ctx: _Context, topic: str) -> list[dict[str, str]]:
    section, period, trail = ctx.sections.path, ctx.sections.period, ctx.sections.trail()
    if para.footnote is not None:
        cited = ctx.cited.get(para.footnote)
        if cited:
            section, period, trail = cited
        section = f"{section}, chú thích {para.footnote}"
    else:
        for m in _SUP.finditer(text):
            ctx.cited.setdefault(int(m.group(1)), (section, period, trail))
    # footnote marks as spaces: the offsets still point into the paragraph
    plain = _SUP.sub(lambda m: " " * len(m.group(0)), text)
    rows = []
    starts = [offset] + [m.end() for m in _SENTENCE.finditer(plain, offset)]
    ends = [*starts[1:], len(plain)]
    for start, end in zip(starts, ends, strict=True):
        sentence = plain[start:end]
        figures = figures_of(sentence)
        for fig in figures:
            fig.subject = fig.subject or topic
        quote = re.sub(r"\s+", " ", sentence).strip()
        previous_area = ("", -1)
        for i, fig in enumerate(figures):
            span_end = figures[i + 1].start if i + 1 < len(figures) else len(sentence)
            row, area_clause = _row(fig, sentence, span_end, period, section, trail, ctx, previous_area)
            previous_area = area_clause
            row["quote"] = quote
            row["line"] = para.where(start + fig.end)
            rows.append(row)
    return rows


def _row(
    fig: Figure,
    sentence: str,
    span_end: int,
    period: str,
    section: str,
    trail: str,
    ctx: _Context,
    previous_area: tuple[str, int],
) -> tuple[dict[str, str], tuple[str, int]]:
    span = sentence[fig.start : max(span_end, fig.end)]
    spelled, codes = [], set()
    if ctx.areas is not None:
        for start, end, code in ctx.areas.finditer(span):
            spelled.append(span[start:end])
            codes.add(code)
    area = codes.pop() if len(codes) == 1 else ""
    if not area and not codes and previous_area[1] == fig.clause:
        area = previous_area[0]  # "huyện Mường Chà 01 hộ, 04 nhân khẩu"
    name, guessed = full_name(
        clean_name(sentence[fig.start : fig.end], spelled), fig.subject, fig.tail, fig.unit
    )
    before = sentence[: fig.end]
    row_period = period_of(before, period)
    notes = list(fig.notes)
    if len(codes) > 1:
        notes.append("câu nêu nhiều địa bàn")
    row = {
        "name": name,
        "unit": fig.unit,
        "period": row_period,
        "area": area,
        "value": _fmt(fig.value),
        "value_qualifier": fig.qualifier,
        "estimate": "x"
        if re.search(r"\bước\b|dự ước|dự kiến", sentence[fig.start : fig.end] or before, re.I)
        else "",
        "plan": "",
        "previous": "",
        "growth": _fmt(fig.growth),
        "change": _fmt(fig.change),
        "ratio": _fmt(fig.ratio),
        "plan_pct": _fmt(fig.plan_pct),
        "source_section": section,
        "note": "; ".join(notes),
        "code": suggest_code(name, row_period, area),
        "topic": suggest_topic(name, trail, ctx.topics),
        "confidence": _confidence(fig, name, guessed, "chú thích" in section),
        "accept": "",
    }
    return row, (area, fig.clause)


def _fmt(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)


def _confidence(fig: Figure, name: str, guessed: bool, footnote: bool) -> str:
    """cao / trung bình / thấp: how much of the figure the rules found."""
    score = 1.0
    if fig.value is not None and not fig.unit:
        score -= 0.3
    if not name or guessed:
        score -= 0.3
    elif len(name.split()) > 12:
        score -= 0.2
    if fig.value is None:
        score -= 0.2
    if footnote:
        score -= 0.1
    return "cao" if score >= 0.8 else "trung bình" if score >= 0.5 else "thấp"
