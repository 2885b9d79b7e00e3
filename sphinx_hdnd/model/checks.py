"""Cross-checks over a loaded dataset: references, consistency, computed figures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from itertools import pairwise

from ..phrasing.numbers import format_number
from . import compute, follow_up
from .applicability import applies, known_attributes
from .area_links import find_links
from .dataset import Dataset
from .numbers import NumberStyle
from .origin import Origin
from .placeholders import FORMS, Placeholder, split_text
from .records import (
    EVERY_LEVEL,
    VALUE_QUALIFIERS,
    AnswerLevel,
    Indicator,
    NarrativeItem,
    Petition,
    PetitionKind,
    PetitionStatus,
    Sourced,
)
from .sanity import check_sanity


def check_dataset(ds: Dataset) -> None:
    _check_province(ds)
    _check_predecessors(ds)
    _check_session(ds)
    _check_areas(ds)
    _check_audiences(ds)
    _check_references(ds)
    _check_indicators(ds)
    _check_shares(ds)
    _check_budget(ds)
    _check_narrative_text(ds)
    _check_petitions(ds)
    check_sanity(ds)


class _Anything(set[str]):
    """The codes of a table that could not be read: every reference is accepted."""

    def __contains__(self, code: object) -> bool:
        return True

    def __or__(self, other: object) -> _Anything:  # type: ignore[override]
        return self

    __ror__ = __or__


def _known(ds: Dataset, table: str, keys: Iterable[str]) -> set[str]:
    if table in ds.failed:
        return _Anything()
    return set(keys) | ds.broken_codes.get(table, set())


def _check_province(ds: Dataset) -> None:
    prov = ds.province
    if prov is None:
        return
    allowed = ", ".join(s.value for s in NumberStyle)
    styles = {"number_style": prov.number_style,
              **{f"number_styles.{k}": v for k, v in prov.number_styles.items()}}
    for key, value in styles.items():
        if value not in {s.value for s in NumberStyle}:
            ds.problems.add("HD114", prov.origin.with_column(key),
                            f"kiểu ghi số “{value}” không hợp lệ; cho phép: {allowed}")


def _check_predecessors(ds: Dataset) -> None:
    """An old province's code names it alone: not an area, not the province, not twice."""
    prov = ds.province
    if prov is None:
        return
    seen = {prov.code}
    for old in prov.predecessors:
        if old.code in seen or old.code in ds.areas:
            ds.problems.add("HD138", old.origin.with_column("code"),
                            f"mã tỉnh cũ “{old.code}” đã dùng cho tỉnh, một tỉnh cũ khác hoặc "
                            "một địa bàn trong areas; đặt mã riêng (ví dụ tinh-cu-ten-tinh)")
        seen.add(old.code)


def _check_session(ds: Dataset) -> None:
    s = ds.session
    if s is None:
        return
    log = ds.problems
    if s.start_date and s.end_date and s.end_date < s.start_date:
        log.add("HD146", s.origin.with_column("end_date"),
                f"ngày bế mạc {s.end_date:%d/%m/%Y} trước ngày khai mạc {s.start_date:%d/%m/%Y}")
    if s.start_date and s.period_year is not None:
        # a session reports on its own year (mid-year session) or the year
        # just ended (a session early in the next year), never on the future
        if s.start_date.year not in (s.period_year, s.period_year + 1):
            log.add("HD144", s.origin.with_column("start_date"),
                    f"kỳ họp ngày {s.start_date:%d/%m/%Y} nhưng báo cáo số liệu "
                    f"“{s.period}” (năm {s.period_year}); cần ngày trong năm {s.period_year} "
                    f"hoặc {s.period_year + 1}")
    term = ds.province.term if ds.province else None
    if term and s.start_date and term.start_year and term.end_year and not (
        term.start_year <= s.start_date.year <= term.end_year
    ):
        log.add("HD144", s.origin.with_column("start_date"),
                f"ngày kỳ họp {s.start_date:%d/%m/%Y} ngoài nhiệm kỳ khóa {term.code} "
                f"({term.start_year}-{term.end_year})")
    att = s.attendance
    if att.present is not None and att.total is not None and att.present > att.total:
        log.add("HD145", att.origin.with_column("present"),
                f"có mặt {att.present} nhưng tổng số chỉ {att.total}")
    q = s.questioning
    if q and q.delegates and q.delegate_count is not None and q.delegate_count != len(q.delegates):
        log.add("HD147", q.origin.with_column("delegate_count"),
                f"ghi {q.delegate_count} đại biểu chất vấn nhưng danh sách có "
                f"{len(q.delegates)} người")


def _check_areas(ds: Dataset) -> None:
    areas = _known(ds, "areas", ds.areas)
    for area in ds.areas.values():
        if area.parent is not None:
            if area.parent == area.code or area.parent not in areas:
                ds.problems.add("HD137", area.origin.with_column("parent"),
                                f"địa bàn cấp trên “{area.parent}” không tồn tại hoặc là chính nó")
        for succ in area.successors:
            if succ not in areas:
                ds.problems.add("HD131", area.origin.with_column("successors"),
                                f"địa bàn thay thế “{succ}” chưa khai báo trong areas")
    # cycles through parents
    for area in ds.areas.values():
        seen = {area.code}
        cur = area.parent
        while cur is not None and cur in ds.areas:
            if cur in seen:
                ds.problems.add("HD137", area.origin.with_column("parent"),
                                f"quan hệ cấp trên tạo vòng lặp qua “{cur}”")
                break
            seen.add(cur)
            cur = ds.areas[cur].parent


def _check_audiences(ds: Dataset) -> None:
    topics = _known(ds, "topics", ds.topics)
    firsts = topics | _known(ds, "indicators", ds.indicators)
    places = known_attributes(ds) | _known(ds, "areas", ds.areas)
    current = [a for a in ds.areas if ds.areas[a].valid_to is None]
    for aud in ds.audiences.values():
        for code in aud.first:
            if code not in firsts:
                ds.problems.add("HD162", aud.origin.with_column("first"),
                                f"“{code}” không phải mã lĩnh vực hay mã chỉ tiêu đã khai báo")
        unknown = [c for c in aud.applies_to if c not in places]
        for code in unknown:
            ds.problems.add("HD160", aud.origin.with_column("applies_to"),
                            f"“{code}” không phải đặc điểm (cột attributes của areas) hay mã "
                            "địa bàn đã khai báo")
        if (aud.applies_to and not unknown and "areas" not in ds.failed and current
                and not any(applies(ds, a, aud) for a in current)):
            ds.problems.add("HD161", aud.origin.with_column("applies_to"),
                            f"đối tượng “{aud.name}” không áp dụng cho địa bàn nào: không địa bàn "
                            f"nào có đặc điểm {', '.join(aud.applies_to)}")
        for topic, weight in aud.weights.items():
            where = aud.origin.with_column(f"weights.{topic}")
            if topic not in topics:
                ds.problems.add("HD133", where, f"lĩnh vực “{topic}” không có trong danh mục")
            if weight is None or not (Decimal(0) <= weight <= Decimal(1)):
                ds.problems.add("HD149", where, f"trọng số “{weight}” phải từ 0 đến 1")


def _check_choices(ds: Dataset, areas: set[str], audiences: set[str]) -> None:
    """The office's pins and drops (editorial.csv) name things that exist, once."""
    items = {i.code for i in ds.narrative.all_items()} | _known(ds, "indicators", ds.indicators)
    items |= {r.code for r in ds.resolutions} | {p.code for p in ds.petitions}
    for table in ("narrative", "resolutions", "petitions"):
        items |= _known(ds, table, ())
    seen: dict[tuple[str, str | None, str | None], str] = {}
    for choice in ds.choices:
        if choice.item not in items:
            ds.problems.add("HD163", choice.origin.with_column("item"),
                            f"“{choice.item}” không phải mã mục tường thuật, chỉ tiêu, nghị quyết "
                            "hay kiến nghị đã khai báo")
        if choice.area is not None and choice.area not in areas:
            ds.problems.add("HD131", choice.origin.with_column("area"),
                            f"địa bàn “{choice.area}” chưa khai báo trong areas")
        if choice.audience is not None and choice.audience not in audiences:
            ds.problems.add("HD132", choice.origin.with_column("audience"),
                            f"đối tượng cử tri “{choice.audience}” chưa khai báo trong audiences")
        key = (choice.item, choice.area, choice.audience)
        if seen.get(key, choice.action) != choice.action:
            ds.problems.add("HD164", choice.origin.with_column("action"),
                            f"“{choice.item}” vừa được ghim vừa bị bỏ cho cùng địa bàn, đối tượng")
        seen.setdefault(key, choice.action)


def _sourced_records(ds: Dataset) -> Iterable[Sourced]:
    yield from ds.indicators.values()
    yield from ds.rankings.values()
    yield from ds.budget
    yield from ds.narrative.all_items()
    yield from ds.narrative.tasks
    yield from ds.resolutions
    yield from ds.petitions
    if ds.session is not None:
        yield ds.session
        for part in (ds.session.front, ds.session.debate, ds.session.questioning):
            if part is not None:
                yield part


_SOURCE_COLUMNS = (("source", "source_section"), ("also_source", "also_source_section"))


def _cited(rec: Sourced) -> tuple[tuple[str | None, str], tuple[str | None, str]]:
    return (rec.source, rec.source_section), (rec.also_source, rec.also_source_section)


def _check_references(ds: Dataset) -> None:
    log = ds.problems
    areas = _known(ds, "areas", ds.areas)
    audiences = _known(ds, "audiences", ds.audiences)
    topics = _known(ds, "topics", ds.topics)
    sources = _known(ds, "sources", ds.sources)
    indicators = _known(ds, "indicators", ds.indicators)
    citable = indicators | _known(ds, "rankings", ds.rankings)
    sessions: set[str] = set()
    if ds.session is not None:
        sessions = {ds.session.code, *(p.code for p in ds.session.past_sessions)}

    def topic(rec_origin: Origin, codes: Iterable[str], column: str) -> None:
        for code in codes:
            if code not in topics:
                log.add("HD133", rec_origin.with_column(column),
                        f"lĩnh vực “{code}” không có trong danh mục lĩnh vực")

    def area(rec_origin: Origin, codes: Iterable[str | None], column: str) -> None:
        for code in codes:
            if code is not None and code not in areas:
                log.add("HD131", rec_origin.with_column(column),
                        f"địa bàn “{code}” chưa khai báo trong areas")

    figures: list[Sourced] = [*ds.indicators.values(), *ds.rankings.values(), *ds.budget]
    for rec in figures:
        if rec.source is None:
            log.add("HD153", rec.origin.with_column("source"),
                    f"“{rec.code}” chưa ghi nguồn: số liệu sẽ hiện mà không dẫn nguồn")  # type: ignore[attr-defined]
    for rec in _sourced_records(ds):
        for (code_column, section_column), (code, section) in zip(
                _SOURCE_COLUMNS, _cited(rec), strict=True):
            if code is None:
                continue
            if code not in sources:
                log.add("HD134", rec.origin.with_column(code_column),
                        f"nguồn “{code}” chưa khai báo trong sources")
            elif (not section and not rec.illustrative and code in ds.sources
                  and not ds.sources[code].illustrative):
                # a real document cited with no section: a reader cannot check it
                log.add("HD157", rec.origin.with_column(section_column),
                        f"dẫn nguồn “{code}” (văn bản thật) nhưng chưa ghi mục: ghi mục, phần "
                        "hoặc chú thích của văn bản nêu nội dung này, hoặc đánh dấu minh họa")
        if rec.also_source is not None and rec.source is None:
            log.add("HD134", rec.origin.with_column("also_source"),
                    "đã ghi nguồn thứ hai nhưng chưa ghi nguồn chính (cột source)")
    # a figure may be an old province's (province.yaml: predecessors)
    figure_areas = areas | {p.code for p in ds.province.predecessors} if ds.province else areas
    for ind in ds.indicators.values():  # the most numerous rows: test before calling
        if ind.topic not in topics:
            topic(ind.origin, [ind.topic], "topic")
        if ind.area is not None and ind.area not in figure_areas:
            area(ind.origin, [ind.area], "area")
    for rk in ds.rankings.values():
        topic(rk.origin, [rk.topic], "topic")
        if rk.area is not None and rk.area not in figure_areas:
            area(rk.origin, [rk.area], "area")
        for code in rk.compare_with:
            if code not in ds.rankings and code not in ds.broken_codes.get("rankings", set()):
                log.add("HD135", rk.origin.with_column("compare_with"),
                        f"“{code}” không phải mã một xếp hạng trong rankings")
        if rk.indicator is not None and rk.indicator not in indicators:
            log.add("HD135", rk.origin.with_column("indicator"),
                    f"chỉ tiêu “{rk.indicator}” chưa khai báo trong indicators")
    for item in ds.narrative.all_items():
        topic(item.origin, item.topics, "topics")
        area(item.origin, item.areas, "areas")
        for code in item.cites:
            if code not in citable:
                log.add("HD135", item.origin.with_column("cites"),
                        f"“{code}” không phải mã chỉ tiêu hay xếp hạng đã khai báo")
    for res in ds.resolutions:
        topic(res.origin, res.topics, "topics")
        area(res.origin, res.areas, "areas")
    for a in ds.areas.values():
        if a.attributes_source is not None and a.attributes_source not in sources:
            log.add("HD134", a.origin.with_column("attributes_source"),
                    f"nguồn “{a.attributes_source}” chưa khai báo trong sources")
    _check_choices(ds, areas, audiences)
    for pet in ds.petitions:
        topic(pet.origin, pet.topics, "topics")
        area(pet.origin, [pet.area], "area")
        if pet.audience is not None and pet.audience not in audiences:
            log.add("HD132", pet.origin.with_column("audience"),
                    f"đối tượng cử tri “{pet.audience}” chưa khai báo trong audiences")
        session_refs: tuple[tuple[str, str | None], ...] = (
            ("received_session", pet.received_session), ("answered_session", pet.answered_session))
        for column, session_code in session_refs:
            if session_code is not None and sessions and session_code not in sessions:
                log.add("HD136", pet.origin.with_column(column),
                        f"kỳ họp “{session_code}” không phải kỳ họp này hay một kỳ họp trước đã khai báo")


#: figures an indicator may state that can also be computed: (code, column, computation,
#: message with ``i`` the indicator and ``c`` the computed figure)
_STATED_FIGURES = (
    ("HD141", "plan_pct", compute.computed_plan_pct,
     "ghi {stated}% kế hoạch nhưng {value} / {plan} = {c}%"),
    ("HD142", "growth", compute.computed_growth,
     "ghi tăng {stated}% nhưng từ {previous} lên {value} là {c}%"),
    ("HD148", "ratio", compute.computed_ratio,
     "ghi gấp {stated} lần nhưng {value} / {previous} = {c}"),
    ("HD155", "change_points", compute.computed_change_points,
     "ghi thay đổi {stated} điểm % nhưng từ {previous}% đến {value}% là {signed_c} điểm %"),
)


def _vn(value: Decimal | None, decimals: int | None = None) -> str:
    """A figure in a message as the office writes it: "55,1", "1.924" (never "55.1")."""
    if value is None:
        return "(trống)"
    return format_number(value, decimals)


def _stated_message(template: str, ind: Indicator, column: str, computed: Decimal) -> str:
    c = _vn(computed, 2)
    return template.format(stated=_vn(getattr(ind, column)), value=_vn(ind.value),
                           plan=_vn(ind.plan), previous=_vn(ind.previous), c=c,
                           signed_c=c if computed < 0 else f"+{c}")


def _check_indicators(ds: Dataset) -> None:
    log = ds.problems
    for ind in ds.indicators.values():
        if ind.plan is not None and ind.plan <= 0 and not ind.is_rate:
            log.add("HD140", ind.origin.with_column("plan"),
                    f"kế hoạch {ind.plan} phải lớn hơn 0")
            continue
        # a rate compares in percentage points: a growth or ratio stated on one would be
        # printed as "tăng 0,7%", which says something else
        for column in ("growth", "ratio") if ind.is_rate else ():
            if getattr(ind, column) is not None:
                log.add("HD156", ind.origin.with_column(column),
                        f"chỉ tiêu tỷ lệ ({ind.unit}) so với kỳ trước tính bằng điểm %: để trống "
                        f"cột {column}, ghi số điểm % tăng (+) hoặc giảm (-) vào cột "
                        "change_points (hoặc ghi previous để tính)")
        if ind.value_qualifier and ind.value_qualifier not in VALUE_QUALIFIERS:
            log.add("HD158", ind.origin.with_column("value_qualifier"),
                    f"“{ind.value_qualifier}” không phải từ ghi kèm số liệu; dùng một trong: "
                    + ", ".join(VALUE_QUALIFIERS))
        if not ind.is_rate and ind.change_points is not None:
            log.add("HD156", ind.origin.with_column("change_points"),
                    f"change_points chỉ dùng cho chỉ tiêu tỷ lệ (%, ‰); “{ind.unit}” dùng cột "
                    "growth hoặc ratio")
        # a figure the data states and that can be computed must agree with the computation
        # (computed, and the message written, only for a stated figure: most rows state none)
        for code, column, computation, message in _STATED_FIGURES:
            stated = getattr(ind, column)
            if stated is None:
                continue
            computed = computation(ind)
            if computed is not None and not compute.agrees(stated, computed):
                log.add(code, ind.origin.with_column(column),
                        _stated_message(message, ind, column, computed))


def _check_shares(ds: Dataset) -> None:
    groups: dict[tuple[str, str, str | None], list] = defaultdict(list)
    for ind in ds.indicators.values():
        if ind.share_group is not None and ind.value is not None:
            groups[(ind.share_group, ind.period, ind.area)].append(ind)
    for (group, period, _area), members in groups.items():
        total = sum((m.value for m in members), Decimal(0))
        if abs(total - 100) > Decimal("0.1"):
            first = min(members, key=lambda m: (m.origin.row or 0))
            ds.problems.add("HD143", first.origin.with_column("share_group"),
                            f"nhóm cơ cấu “{group}” ({period}) cộng lại {_vn(total)}% "
                            f"(gồm {', '.join(m.code for m in members)}), cần 100%")


def _check_budget(ds: Dataset) -> None:
    for line in ds.budget:
        if line.estimate is not None and line.estimate <= 0:
            ds.problems.add("HD140", line.origin.with_column("estimate"),
                            f"dự toán {line.estimate} phải lớn hơn 0")
            continue
        if line.pct is not None:
            computed = compute.computed_budget_pct(line)
            if computed is not None and not compute.agrees(line.pct, computed):
                ds.problems.add("HD141", line.origin.with_column("pct"),
                                f"ghi {_vn(line.pct)}% dự toán nhưng {_vn(line.actual)} / "
                                f"{_vn(line.estimate)} = {_vn(computed, 2)}%")
        if line.money_style not in {"decimal", "ty_trieu"}:
            ds.problems.add("HD114", line.origin.with_column("money_style"),
                            f"“{line.money_style}” không hợp lệ; cho phép: decimal, ty_trieu")


#: what each form needs in the indicators table, for the message
FORM_NEEDS = {
    "value": "cột value", "plan": "cột plan", "previous": "cột previous",
    "plan_pct": "value và plan, hoặc plan_pct", "gap": "chỉ tiêu tỷ lệ (%) có value và plan",
    "growth": "chỉ tiêu không phải tỷ lệ, có value và previous, hoặc cột growth",
    "ratio": "chỉ tiêu không phải tỷ lệ, có value và previous, hoặc cột ratio",
    "change": "chỉ tiêu tỷ lệ có value và previous, hoặc cột change_points",
    "sentence": "ít nhất cột value",
}


def _texts_with_figures(ds: Dataset) -> Iterable[tuple[Origin, str]]:
    """Every text the pages print with its ``{code}`` placeholders resolved: narrative
    items, tasks and local items, and the session's own sentences."""
    items: list[NarrativeItem] = ds.narrative.all_items()
    for item in items:
        yield item.origin.with_column("text"), item.text
    s = ds.session
    if s is None:
        return
    for n, speech in enumerate(s.speeches):
        yield s.origin.with_column(f"speeches.{n + 1}"), speech
    if s.outcome:
        yield s.origin.with_column("outcome"), s.outcome
    if s.front is not None and s.front.summary:
        yield s.front.origin.with_column("summary"), s.front.summary
    if s.questioning is not None and s.questioning.atmosphere:
        yield s.questioning.origin.with_column("atmosphere"), s.questioning.atmosphere


def _check_narrative_text(ds: Dataset) -> None:
    citable = _known(ds, "indicators", ds.indicators) | _known(ds, "rankings", ds.rankings)
    _check_area_mentions(ds)
    for origin, value in _texts_with_figures(ds):
        before = ""
        for piece in split_text(value):
            if not isinstance(piece, Placeholder):
                before = piece
                continue
            tail = " " + " ".join(before.casefold().split()[-2:])
            said = next((q for q in VALUE_QUALIFIERS if tail.endswith(" " + q)), "")
            before = ""
            ind = ds.indicators.get(piece.code)
            # "hơn {x}" where x already prints "hơn 171 tỷ đồng" would read "hơn hơn"
            if (ind is not None and ind.value_qualifier and said
                    and piece.form in {"value", "sentence"}):
                ds.problems.add("HD159", origin,
                                f"“{said} {piece.raw}”: chỉ tiêu “{piece.code}” đã có từ ghi kèm "
                                f"“{ind.value_qualifier}”, trang sẽ in “{said} "
                                f"{ind.value_qualifier} …”; bỏ “{said}” trong văn bản")
            if piece.code not in citable:
                ds.problems.add("HD150", origin,
                                f"“{piece.raw}”: không có chỉ tiêu hay xếp hạng mã “{piece.code}”")
            elif piece.form not in FORMS:
                ds.problems.add("HD151", origin,
                                f"“{piece.raw}”: dạng “{piece.form}” không hỗ trợ; dùng "
                                + ", ".join(FORMS))
            elif piece.code in ds.indicators and piece.form != "rank" and not (
                    compute.form_has_data(ds.indicators[piece.code], piece.form)):
                ind = ds.indicators[piece.code]
                have = [f for f in FORMS if f != "rank" and compute.form_has_data(ind, f)]
                ds.problems.add("HD154", origin,
                                f"“{piece.raw}”: chỉ tiêu “{piece.code}” không có số liệu cho "
                                f"dạng “{piece.form}” (cần {FORM_NEEDS.get(piece.form, '')}); "
                                + ("dạng dùng được: " + ", ".join(have) if have
                                   else "chỉ tiêu chưa có số liệu nào"))



def _check_area_mentions(ds: Dataset) -> None:
    """HD152: the text names an area that the item does not list (linked automatically)."""
    for links in find_links(ds).values():
        for link in links:
            column = "title" if link.origin.row is not None else "text"  # resolutions: a table
            ds.problems.add("HD152", link.origin.with_column(column),
                            f"văn bản nhắc “{link.matched}” nhưng không ghi địa bàn "
                            f"“{link.area}” ở cột areas; mục sẽ được tự gắn với địa bàn này")


def _check_petitions(ds: Dataset) -> None:
    """Follow-up: dates in order, statuses that agree with them, repeats, the deadline."""
    log = ds.problems
    today = follow_up.as_of(ds)
    rules = ds.province.petition_deadline_days if ds.province is not None else {}
    levels = {lv.value for lv in AnswerLevel} | {EVERY_LEVEL}
    for key, days in rules.items():
        if key not in levels or not isinstance(days, int) or days <= 0:
            assert ds.province is not None
            log.add("HD174", ds.province.origin.with_column(f"petition_deadline_days.{key}"),
                    f"“{key}: {days}”: cần cấp trung-uong, tinh, huyen, xa hoặc tat-ca và số ngày "
                    "lớn hơn 0")
    by_code = {p.code: p for p in ds.petitions}
    for pet in ds.petitions:
        dated = [(c, getattr(pet, c)) for c in ("raised_date", "forwarded_date", "answered_date")
                 if getattr(pet, c) is not None]
        for (c1, d1), (c2, d2) in pairwise(dated):
            if d2 < d1:
                log.add("HD171", pet.origin.with_column(c2),
                        f"{c2} {d2:%d/%m/%Y} trước {c1} {d1:%d/%m/%Y}")
        if pet.answered_date is not None and today is not None and pet.answered_date > today:
            log.add("HD171", pet.origin.with_column("answered_date"),
                    f"ngày trả lời {pet.answered_date:%d/%m/%Y} sau ngày tính tình trạng "
                    f"{today:%d/%m/%Y} của kỳ họp")
        answered = pet.status is PetitionStatus.ANSWERED
        if pet.answered_date is not None and pet.status in (PetitionStatus.PENDING,
                                                            PetitionStatus.UNSTATED):
            log.add("HD172", pet.origin.with_column("status"),
                    f"có ngày trả lời {pet.answered_date:%d/%m/%Y} nhưng tình trạng là "
                    f"“{pet.status.value}”: ghi tình trạng sau khi trả lời (da-tra-loi, "
                    "dang-giai-quyet …), hoặc bỏ ngày trả lời")
        elif answered and not pet.response:
            log.add("HD172", pet.origin.with_column("response"),
                    "tình trạng đã trả lời nhưng chưa ghi nội dung trả lời")
        elif answered and pet.forwarded_date is not None and pet.answered_date is None:
            log.add("HD172", pet.origin.with_column("answered_date"),
                    "kiến nghị theo dõi theo ngày, đã trả lời nhưng chưa ghi ngày trả lời")
        if pet.repeats is not None:
            if pet.repeats not in by_code or pet.repeats == pet.code:
                log.add("HD173", pet.origin.with_column("repeats"),
                        f"“{pet.repeats}” không phải mã một kiến nghị khác trong petitions")
            elif _repeats_cycle(by_code, pet):
                log.add("HD173", pet.origin.with_column("repeats"),
                        f"chuỗi kiến nghị nhắc lại từ “{pet.code}” quay về chính nó")
        if (pet.kind is PetitionKind.REQUEST and pet.forwarded_date is not None
                and pet.deadline is None and rules and follow_up.rule_days(ds, pet) is None):
            log.add("HD174", pet.origin.with_column("level"),
                    "đã chuyển nhưng không tính được hạn trả lời: quy định của tỉnh không có "
                    f"cấp “{pet.level.value if pet.level else ''}”; ghi cấp trả lời (level) "
                    "hoặc hạn (deadline)")
    sessions = ({ds.session.code, *(p.code for p in ds.session.past_sessions)}
                if ds.session is not None else set())
    for meeting in ds.meetings:
        if meeting.area not in ds.areas and "areas" not in ds.failed:
            log.add("HD131", meeting.origin.with_column("area"),
                    f"địa bàn “{meeting.area}” chưa khai báo trong areas")
        if meeting.audience is not None and meeting.audience not in ds.audiences:
            log.add("HD132", meeting.origin.with_column("audience"),
                    f"đối tượng cử tri “{meeting.audience}” chưa khai báo trong audiences")
        elif (meeting.audience is not None and meeting.area in ds.areas
              and not applies(ds, meeting.area, ds.audiences[meeting.audience])):
            log.add("HD175", meeting.origin.with_column("audience"),
                    f"đối tượng “{meeting.audience}” không áp dụng cho địa bàn “{meeting.area}” "
                    "(applies_to trong audiences.yaml) nên không có đề cương cho cuộc tiếp xúc này")
        if meeting.session is not None and sessions and meeting.session not in sessions:
            log.add("HD136", meeting.origin.with_column("session"),
                    f"kỳ họp “{meeting.session}” không phải kỳ họp này hay một kỳ họp trước "
                    "đã khai báo")
    for event in ds.petition_history:
        if event.petition not in by_code:
            log.add("HD173", event.origin.with_column("petition"),
                    f"“{event.petition}” không phải mã một kiến nghị trong petitions")
        if sessions and event.session not in sessions:
            log.add("HD173", event.origin.with_column("session"),
                    f"kỳ họp “{event.session}” chưa khai báo trong session.yaml")


def _repeats_cycle(by_code: dict[str, Petition], pet: Petition) -> bool:
    seen = {pet.code}
    code = pet.repeats
    while code is not None and code in by_code:
        if code in seen:
            return True
        seen.add(code)
        code = by_code[code].repeats
    return False
