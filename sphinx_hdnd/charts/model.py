"""What a chart shows: panels of rows, the facts of its text alternative, the file key."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model.records import Indicator

#: part of every file name: a change to the charts' code (or to matplotlib) never reuses a
#: file drawn by the old code
CHART_VERSION = hashlib.sha256(b"".join(
    p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))).hexdigest()[:12]

KINDS = ("plan", "areas", "trend")

#: output format (the file suffix) -> matplotlib's name for it
FORMATS = {"svg": "svg", "pdf": "pdf", "png": "png"}


@dataclass(frozen=True, slots=True)
class Row:
    """One bar (or one point of a trend)."""

    label: str  # indicator, area or period name
    value: Decimal | None  # bar length / point height
    text: str  # the label printed next to it, Vietnamese style
    tone: str  # key of STYLES
    plan: Decimal | None = None  # second bar (rates) or hollow mark (trend)
    plan_text: str = ""


@dataclass(frozen=True, slots=True)
class Panel:
    style: str  # "pct" | "pair" | "bars" | "line"
    title: str
    unit: str
    rows: tuple[Row, ...]
    reference: Decimal | None = None  # a vertical line (100% of plan, province rate)
    reference_text: str = ""
    higher_is_better: bool = True


@dataclass(frozen=True, slots=True)
class Fact:
    """One sentence of the text alternative, with the record it comes from."""

    label: str
    text: str
    records: tuple[Indicator, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Chart:
    kind: str
    title: str
    panels: tuple[Panel, ...]
    facts: tuple[Fact, ...]

    @property
    def alt(self) -> str:
        """The text alternative: the title and every figure the chart shows."""
        body = "; ".join(f"{f.label}: {f.text}" if f.label else f.text for f in self.facts)
        return f"Biểu đồ: {self.title}. {body}." if body else f"Biểu đồ: {self.title}."

    @property
    def records(self) -> list[Indicator]:
        return [r for f in self.facts for r in f.records]

    def canonical(self) -> dict[str, Any]:
        def row(r: Row) -> list[Any]:
            return [r.label, _s(r.value), r.text, r.tone, _s(r.plan), r.plan_text]

        return {
            "version": [CHART_VERSION, _matplotlib_version()],
            "kind": self.kind,
            "title": self.title,
            "panels": [[p.style, p.title, p.unit, [row(r) for r in p.rows], _s(p.reference),
                        p.reference_text, p.higher_is_better] for p in self.panels],
            "facts": [[f.label, f.text] for f in self.facts],
        }

    @property
    def key(self) -> str:
        """A hash of (kind, title, every value and label drawn): the file name."""
        blob = json.dumps(self.canonical(), ensure_ascii=False, sort_keys=True)
        return f"{self.kind}-" + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _matplotlib_version() -> str:
    # importlib.metadata scans the installed distributions: ~10 ms a call, 3 calls a chart
    from importlib.metadata import version

    return version("matplotlib")


def _s(d: Decimal | None) -> str | None:
    return None if d is None else str(d)

