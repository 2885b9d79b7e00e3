"""The province, the session, the areas and the audiences, each consistent in itself."""

from __future__ import annotations

from decimal import Decimal

from ..applicability import applies, known_attributes
from ..dataset import Dataset
from ..numbers import NumberStyle
from .known import known


def check_province(ds: Dataset) -> None:
    prov = ds.province
    if prov is None:
        return
    allowed = ", ".join(NumberStyle)
    for key, value in prov.unlisted.items():
        ds.problems.add("HD114", prov.origin.with_column(key),
                        f"kiểu ghi số “{value}” không hợp lệ; cho phép: {allowed}")


def check_predecessors(ds: Dataset) -> None:
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


def check_session(ds: Dataset) -> None:
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


def check_areas(ds: Dataset) -> None:
    areas = known(ds, "areas", ds.areas)
    for area in ds.areas.values():
        if area.parent is not None:
            if area.parent == area.code or area.parent not in areas:
                ds.problems.add("HD137", area.origin.with_column("parent"),
                                f"địa bàn cấp trên “{area.parent}” không tồn tại hoặc là chính nó")
        for succ in area.successors:
            if succ not in areas:
                ds.problems.add("HD131", area.origin.with_column("successors"),
                                f"địa bàn thay thế “{succ}” chưa khai báo trong areas",
                                {"area": succ})
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


def check_audiences(ds: Dataset) -> None:
    topics = known(ds, "topics", ds.topics)
    firsts = topics | known(ds, "indicators", ds.indicators)
    places = known_attributes(ds) | known(ds, "areas", ds.areas)
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
