"""Charts built from the data: plan against actual, areas side by side, trends; every label
phrased in Vietnamese by :mod:`sphinx_hdnd.phrasing`, every figure also a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import partial

from ..model import compute
from ..model.dataset import Dataset
from ..model.measures import Measure, measure_index, same_measure, shared_measures
from ..model.records import Indicator
from ..phrasing.figures import assessment, indicator_sentence, plan_text, shown, value_text
from ..phrasing.numbers import format_percent
from .layout import MARK, ZOOM_NOTE, line_limits
from .model import Chart, Fact, Panel, Row

# ------------------------------------------------------------------ periods and measures


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def period_key(period: str) -> tuple[int, Decimal]:
    """Chronological sort key of a period as the documents write it:
    "Quý I năm 2024" < "6 tháng đầu năm 2024" < "9 tháng năm 2024" <
    "6 tháng cuối năm 2024" < "Năm 2024". Unknown shapes sort by year only."""
    s = period.lower()
    years = re.findall(r"(?:19|20)\d\d", s)
    year = int(years[-1]) if years else 0
    end = Decimal(12)
    quarter = re.search(r"quý\s+(iv|iii|ii|i)\b", s)
    months = re.search(r"(\d+)\s*tháng", s)
    if quarter:
        end = Decimal(3 * _ROMAN[quarter.group(1)])
    elif months and "cuối" not in s:
        end = Decimal(int(months.group(1)))
    elif months:
        end = Decimal("11.9")  # "6 tháng cuối": ends with the year, before the whole year
    return (year, end)


def trend_groups(indicators: Iterable[Indicator]) -> list[list[Indicator]]:
    """Indicators of the same name, unit and area over two or more periods,
    in chronological order (data order breaks ties)."""
    groups: dict[tuple[str, str, str | None], list[Indicator]] = {}
    for ind in indicators:
        if ind.value is None and ind.plan is None:
            continue
        groups.setdefault(ind.series_key, []).append(ind)
    out = []
    for items in groups.values():
        if len({i.period for i in items}) < 2:
            continue
        order = {id(i): n for n, i in enumerate(items)}
        out.append(sorted(items, key=lambda i: (period_key(i.period), order[id(i)])))
    return out


# ------------------------------------------------------------------ building charts


def _tone(ind: Indicator) -> str:
    a = assessment(ind)
    if a is None:
        return "neutral"
    return "good" if a.good else "bad"


def _marked(text: str, tone: str) -> str:
    return MARK.get(tone, "") + text


def _sentence(ind: Indicator, with_plan: bool = False) -> str:
    text = indicator_sentence(ind)
    if with_plan and ind.plan is not None:
        text += f" ({ind.plan_name} {plan_text(ind)})"
    return text or "không có số liệu"


def plan_chart(indicators: Sequence[Indicator], title: str = "") -> Chart | None:
    """Plan against actual. Indicators without a plan comparison are left out;
    None when nothing is left."""
    pct_rows: list[Row] = []
    pair_rows: dict[str, list[Row]] = {}
    facts: list[Fact] = []
    labels: set[str] = set()
    for ind in indicators:
        pct = compute.plan_pct(ind)
        if not ind.is_rate and pct is not None:
            tone = _tone(ind)
            value = shown(pct)
            pct_rows.append(Row(ind.name, value, _marked(format_percent(value), tone), tone))
            facts.append(Fact(ind.name, _sentence(ind, with_plan=True), (ind,)))
            labels.add(ind.plan_name)
        elif ind.is_rate and ind.value is not None and ind.plan is not None:
            tone = _tone(ind)
            pair_rows.setdefault(ind.unit, []).append(Row(
                ind.name, ind.value, _marked(value_text(ind), tone), tone,
                ind.plan, f"{ind.plan_name} {plan_text(ind)}"))
            facts.append(Fact(ind.name, _sentence(ind, with_plan=True), (ind,)))
    panels: list[Panel] = []
    if pct_rows:
        label = labels.pop() if len(labels) == 1 else "kế hoạch"
        panels.append(Panel("pct", f"Tỷ lệ thực hiện so với {label} (%)", "%", tuple(pct_rows),
                            Decimal(100), f"100% {label}"))
    for unit, rows in pair_rows.items():
        panels.append(Panel("pair", f"Thực hiện so với kế hoạch, kịch bản ({unit})", unit,
                            tuple(rows)))
    if not panels:
        return None
    return Chart("plan", title or "Thực hiện so với kế hoạch", tuple(panels), tuple(facts))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


#: above this many areas, an area's chart shows a window instead of every area
AREA_WINDOW_ABOVE = 15
#: ... the best and the worst few, and the neighbours on each side of the area itself
AREA_WINDOW_ENDS = 3
AREA_WINDOW_NEAR = 2


def _best_first(ds: Dataset, measure: Measure, ind: Indicator) -> tuple[int, int, str]:
    """Rank, then the areas' own order: ties keep the order of areas.csv."""
    a = ds.areas.get(ind.area or "")
    order = a.order if a is not None and a.order is not None else 10**6
    return (measure.rank(ind) or 1, order, ind.area or "")


def _window(n: int, focus: int | None) -> list[int]:
    """Positions (best first) drawn for one measure of ``n`` areas: all of them, or for a
    large province the ends and the focus area's neighbourhood. A chart of 150 communes
    is unreadable, and drawing it on each commune's page would grow with the square of
    the communes."""
    if focus is None or n <= AREA_WINDOW_ABOVE:
        return list(range(n))
    keep = {*range(AREA_WINDOW_ENDS), *range(n - AREA_WINDOW_ENDS, n),
            *range(max(0, focus - AREA_WINDOW_NEAR), min(n, focus + AREA_WINDOW_NEAR + 1))}
    return sorted(keep)


def areas_chart(ds: Dataset, measures: Sequence[Indicator], focus: str | None = None,
                title: str = "") -> Chart | None:
    """For each measure, every area that reports it (best first), and the province figure.
    With a focus area in a large province, the best and worst few and the focus area's
    neighbours, each with its rank, and a row saying how many are not drawn."""
    level = ds.province.area_level_label if ds.province else "địa bàn"
    index = measure_index(ds)
    distinct: list[Indicator] = []
    for m in measures:
        if not any(same_measure(m, d) for d in distinct):
            distinct.append(m)
    several = len(distinct) > 1
    panels: list[Panel] = []
    facts: list[Fact] = []
    for m in distinct:
        measure = index.of(m)
        if not measure.peers:
            continue
        province = measure.province if measure.province is not None \
            and measure.province.value is not None else None

        ranked = sorted(measure.peers, key=partial(_best_first, ds, measure))
        at = next((n for n, p in enumerate(ranked) if p.area == focus), None)
        shown_at = _window(len(ranked), at)
        windowed = len(shown_at) < len(ranked)
        # "… 140 xã khác": the peers' own level when they share one
        levels = {a.level for p in ranked if (a := ds.areas.get(p.area or "")) is not None}
        others = f"{levels.pop() if len(levels) == 1 else level} khác"
        rows: list[Row] = []
        parts, cited = [], []
        previous = -1
        for n in shown_at:
            if n > previous + 1:
                rows.append(Row(f"… {n - previous - 1} {others}", None, "", "gap"))
            previous = n
            p = ranked[n]
            a = ds.areas.get(p.area or "")
            name = (f"{a.name} (cũ)" if a.is_former else a.name) if a is not None else (p.area or "")
            assert p.value is not None
            tone = "focus" if p.area == focus else "neutral"
            value = value_text(p)
            rank = measure.rank(p)
            rows.append(Row(f"{rank}. {name}" if windowed else name, p.value, value, tone))
            parts.append(f"{a.display_name if a is not None else name} {value}"
                         + (f" (thứ {rank}/{len(ranked)})" if windowed else ""))
            cited.append(p)
        if previous < len(ranked) - 1:
            rows.append(Row(f"… {len(ranked) - 1 - previous} {others}", None, "", "gap"))
        if windowed:
            parts.append(f"{len(ranked) - len(shown_at)} {others} không thể hiện trên biểu đồ")
        reference, reference_text = None, ""
        if province is not None:
            assert province.value is not None
            ptext = value_text(province)
            if m.is_rate:
                reference, reference_text = province.value, f"Toàn tỉnh {ptext}"
            else:
                rows.insert(0, Row("Toàn tỉnh", province.value, ptext, "total"))
            parts.append(f"toàn tỉnh {ptext}")
            cited.append(province)
        facts.append(Fact(f"{m.name} ({_lower_first(m.period)})", "; ".join(parts), tuple(cited)))
        unit = f", {m.unit}" if m.unit and m.unit not in {"%", "‰"} else ""
        panels.append(Panel("bars", f"{m.name} ({m.period}{unit})", m.unit, tuple(rows),
                            reference, reference_text, m.higher_is_better))
    if not panels:
        return None
    if not title:
        title = (f"{distinct[0].name} theo {level}, {_lower_first(distinct[0].period)}"
                 if not several else f"Các chỉ tiêu theo {level}, so với toàn tỉnh")
    return Chart("areas", title, tuple(panels), tuple(facts))


def area_chart(ds: Dataset, area: str) -> Chart | None:
    """The chart of the measures ``area`` shares with other areas, highlighting it: the
    same on the area's page and on its audiences' briefings, so made once per dataset."""
    cache: dict[str, Chart | None] = ds.derived("area_charts", dict)
    if area not in cache:
        measures = shared_measures(ds, area)
        cache[area] = areas_chart(ds, measures, focus=area) if measures else None
    return cache[area]


def follow_up_chart(open_by_group: Sequence[tuple[str, int, int]], title: str
                    ) -> Chart | None:
    """Open petitions per agency, most first: (agency, open, of which overdue)."""
    ordered = [g for g in sorted(open_by_group, key=lambda g: (-g[1], -g[2], g[0])) if g[1]]
    rows = [Row(name, Decimal(n), f"{n:02d}" + (f" ({late:02d} quá hạn)" if late else ""),
                "overdue" if late else "open") for name, n, late in ordered]
    if not rows:
        return None
    facts = tuple(Fact(name, f"{n:02d} kiến nghị chưa giải quyết xong"
                       + (f", trong đó {late:02d} quá hạn" if late else ""))
                  for name, n, late in ordered)
    return Chart("follow-up", title, (Panel("bars", title, "kiến nghị", tuple(rows)),), facts)


def trend_chart(groups: Sequence[Sequence[Indicator]], title: str = "") -> Chart | None:
    """One panel per measure: actual values over periods, plans as hollow marks."""
    panels: list[Panel] = []
    facts: list[Fact] = []
    for items in groups:
        if len({i.period for i in items}) < 2:
            continue
        first = items[0]
        rows = []
        parts = []
        for ind in items:
            vtext = value_text(ind)
            if vtext and ind.estimate:
                vtext += " (ước)"
            ptext = f"{ind.plan_name} {plan_text(ind)}" if ind.plan is not None else ""
            rows.append(Row(ind.period, ind.value, vtext, "neutral", ind.plan, ptext))
            parts.append(f"{_lower_first(ind.period)} " + ", ".join(t for t in (vtext, ptext) if t))
        unit = f" ({first.unit})" if first.unit else ""
        panel = Panel("line", f"{first.name}{unit}", first.unit, tuple(rows),
                      higher_is_better=first.higher_is_better)
        if line_limits(panel)[0] != 0:
            parts[-1] += f" ({ZOOM_NOTE})"
        facts.append(Fact(first.name, "; ".join(parts), tuple(items)))
        panels.append(panel)
    if not panels:
        return None
    if not title:
        title = (f"{groups[0][0].name} qua các kỳ" if len(panels) == 1
                 else "Các chỉ tiêu qua các kỳ")
    return Chart("trend", title, tuple(panels), tuple(facts))

