"""Sentences of a briefing: talking points from figures, ranks, questions, the office's notes."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..model.dataset import Dataset
from ..model.follow_up import REPLIED
from ..model.records import (
    PETITION_STATUS_LABELS,
    Area,
    Indicator,
    Meeting,
    Petition,
    PetitionStatus,
    Session,
)
from ..phrasing import format_number, format_percent, format_value
from .figures import indicator_sentence, plan_text, value_text
from .numbers import is_counted
from .sentences import lower_first, upper_first


def weight_text(weight: Decimal) -> str:
    return format_number(weight.normalize() if weight == weight.to_integral() else weight)


def topic_name(ds: Dataset, code: str) -> str:
    return ds.topics[code].name if code in ds.topics else code


def why_text(ds: Dataset, topics: tuple[tuple[str, Decimal], ...], local_areas: tuple[str, ...],
             *, broad: bool = False, priority: int | None = None, pinned: bool = False,
             note: str = "", stale: bool = False) -> str:
    """For the office staff: why the item was chosen (topics with their weights, areas)."""
    parts = []
    if pinned:
        parts.append("Văn phòng chọn" + (f": {note}" if note else ""))
    if local_areas and not broad:
        names = [ds.areas[a].display_name if a in ds.areas else a for a in local_areas]
        parts.append("nói về " + ", ".join(names))
    elif broad:
        parts.append("nêu chung nhiều địa bàn nên tính là nội dung toàn tỉnh")
    if priority is not None:
        parts.append("đối tượng cử tri muốn nghe trước")
    if topics:
        named = [f"{topic_name(ds, t)} (trọng số {weight_text(w)})" for t, w in topics]
        parts.append("lĩnh vực " + "; ".join(named))
    if stale:
        parts.append("số liệu của kỳ trước kỳ báo cáo")
    return "Lý do chọn: " + (" · ".join(parts) if parts else "nội dung chung của kỳ họp")


def short_tag(ds: Dataset, topics: tuple[tuple[str, Decimal], ...], local: bool,
              pinned: bool) -> str:
    """What a delegate sees beside a point: where it comes from, in two or three words."""
    if pinned:
        return "Văn phòng chọn"
    if local:
        return "Tại địa bàn"
    if topics:
        return f"Lĩnh vực: {topic_name(ds, topics[0][0])}"
    return "Toàn tỉnh"


def rank_text(rank: int | None, of: int, level: int, *, tied: int = 1, highest: bool = False,
              lowest: bool = False, rate: bool = True, higher_is_better: bool = True,
              peers: str = "địa bàn") -> str:
    """'nhiều nhất trong 5 địa bàn có số liệu (5 địa bàn không có)', 'cao thứ 3 trong 7
    địa bàn', 'ít thứ 2 trong 10 địa bàn, ngang với 1 địa bàn khác', '—'.

    Ties are said as ties; the extreme is named by its value (most cases, lowest
    rate), whichever way is better; the count is of the areas with data, and says
    when some have none; no rank among fewer than three. Where some areas have no
    figure, only the worst end is a place that holds: the others may be anywhere
    (no outbreak is no row), so a middle or best place is not said."""
    if rank is None or of < 3:
        return "—"
    partial = level > of
    among = (f"{of} {peers} có số liệu ({level - of} {peers} không có)" if partial
             else f"{of} {peers}")
    if highest and lowest:
        return f"bằng nhau ở cả {among}"
    if 2 * tied > of:
        return "—"  # most areas share this value: a place tells nothing
    many, few = ("cao nhất", "thấp nhất") if rate else ("nhiều nhất", "ít nhất")
    others = f", ngang với {tied - 1} {peers} khác" if tied > 1 else ""
    if highest or lowest:
        word = many if highest else few
        good = highest == higher_is_better
        if good and partial:
            # the areas with no figure may be better still (no outbreak is no row)
            return "—"
        return f"{word} trong {among}{others}"
    if partial:
        return "—"
    # a middle place is counted from the nearer end, by the value, as a clerk says it:
    # "nhiều thứ 2 trong 10 địa bàn" (20 cases), not "thứ 9 … (xếp từ tốt đến kém)"
    from_worst = of - rank - tied + 2
    from_largest = rank if higher_is_better else from_worst
    from_smallest = from_worst if higher_is_better else rank
    more, less = ("cao", "thấp") if rate else ("nhiều", "ít")
    word, place = ((more, from_largest) if from_largest <= from_smallest
                   else (less, from_smallest))
    return f"{word} thứ {place} trong {among}{others}"


def indicator_point(ind: Indicator, area: Area | None = None, province: Indicator | None = None,
                    rank: str = "") -> str:
    """A talking point from a figure, naming its place and period:
    "Năm 2023, huyện Mường Nhé: số ca mắc ngộ độc thực phẩm 25 ca, nhiều nhất trong 10
    địa bàn; toàn tỉnh 73 ca."
    """
    sentence = indicator_sentence(ind)
    if not sentence and ind.plan is not None:  # a target with no result yet
        who = area.display_name if area is not None else "tỉnh"
        return f"{upper_first(ind.period)}, {who} {target_sentence(ind)}."
    where = f", {area.display_name}" if area is not None else ", toàn tỉnh"
    sentence = sentence or ", chưa có số liệu"
    body = f"{upper_first(ind.period)}{where}: {lower_first(ind.name)} {sentence}".replace(" , ", ", ")
    # the rank is the area's, so it follows the area's figure: after the province's it
    # would read as the province's ("toàn tỉnh 4,12%, cao nhất trong 5 địa bàn")
    if rank and rank != "—":
        body += f", {rank}"
    if area is not None and province is not None and province.value is not None:
        body += f"; toàn tỉnh {value_text(province)}"
    return body + "."


def is_province_target(ind: Indicator) -> bool:
    """A figure of the province's plan with no result yet: said as what it aims at."""
    return ind.area is None and ind.plan is not None and not indicator_sentence(ind)


def targets_point(inds: Sequence[Indicator]) -> list[str]:
    """The pieces of one point for several targets of the same period, each to be linked
    to its source, the words between them apart: "Năm 2024, tỉnh phấn đấu tổng sản lượng
    lương thực đạt 282.918 tấn", " và ", "có thêm 03 xã đạt chuẩn nông thôn mới", "."
    (two points "Năm 2024, tỉnh phấn đấu …" in a row read as a list, not as speech)."""
    first, *rest = inds
    pieces = [f"{upper_first(first.period)}, tỉnh {target_sentence(first)}"]
    for n, ind in enumerate(rest, 1):
        pieces.append(" và " if n == len(rest) else "; ")
        pieces.append(target_sentence(ind).removeprefix("phấn đấu "))
    return [*pieces, "."]


def target_sentence(ind: Indicator) -> str:
    """What the plan aims at, as the delegate says it: 'phấn đấu giảm tỷ lệ hộ nghèo còn
    22,03% (năm 2023: 26,03%)', 'phấn đấu tạo việc làm mới cho lao động đạt 9.200 người'."""
    assert ind.plan is not None
    target = plan_text(ind)  # with its qualifier: "trên 94%"
    name = lower_first(ind.name)
    if not ind.higher_is_better and ind.previous is not None:
        return (f"phấn đấu giảm {name} còn {target} ({ind.previous_label}: "
                f"{format_value(ind.previous, ind.unit)})")
    # a count named by what it counts ("Xã đạt chuẩn nông thôn mới tăng thêm", in "xã"):
    # the number goes before the thing, "… đạt 03 xã" after it reads as broken, and
    # "phấn đấu 389 trường …" lacks its verb
    if ind.unit and name.startswith(f"{ind.unit} "):
        counted = name[len(ind.unit) + 1:]
        if counted.endswith(" tăng thêm"):
            return f"phấn đấu có thêm {target} {counted.removesuffix(' tăng thêm')}"
        return f"phấn đấu có {target} {counted}"
    return f"phấn đấu {name} đạt {target}"


def comparison_text(local: Indicator, province: Indicator | None) -> str:
    """Rates compare with the province's rate; amounts show their share of the province."""
    if province is None or province.value is None or local.value is None:
        return "—"
    if not local.is_rate:
        if province.value <= 0:
            return "—"
        if _is_small_count(local.value, local.unit) and _is_small_count(province.value, province.unit):
            # "25/73 ca": a share in per cent of a handful of cases says less
            return (f"{format_number(local.value)}/{format_number(province.value)} "
                    f"{province.unit} của toàn tỉnh")
        share = (local.value / province.value * 100).quantize(Decimal("0.01"))
        return f"chiếm {format_percent(share)} của toàn tỉnh ({value_text(province)})"
    if local.value == province.value:
        return "bằng mức chung của tỉnh"
    higher = local.value > province.value
    word = "cao hơn" if higher else "thấp hơn"
    good = higher == local.higher_is_better
    # the verdict is a phrase of its own: "…, kém hơn" left the reader asking "than what"
    verdict = "là mặt tích cực" if good else "là mặt còn hạn chế"
    return f"{word} mức chung của tỉnh ({value_text(province)}), {verdict}"


def _is_small_count(value: Decimal, unit: str) -> bool:
    return is_counted(unit) and value == value.to_integral() and 0 <= value <= 100


def task_answer(text: str, session: Session | None = None, nth: int = 0) -> str:
    """A task of the session's plan, said as what the province will do, not as an order;
    the period is said once, the later answers start plainly."""
    when = session.next_period if session and session.next_period else "thời gian tới"
    body = lower_first(text)
    if body.startswith("tập trung "):  # "tỉnh tập trung tập trung hỗ trợ …"
        body = body[len("tập trung "):]
    # a target is aimed at, not worked on: "tỉnh phấn đấu giải ngân …", not "tập trung phấn đấu"
    verb = "" if body.startswith("phấn đấu ") else " tập trung"
    lead = f"Trong {when}, tỉnh{verb}" if nth == 0 else f"Tỉnh{verb}"
    return f"{lead} {body}"


def petition_question(pet: Petition) -> str:
    return f"Kiến nghị “{pet.text}” đã được giải quyết đến đâu?"


def petition_answer(pet: Petition) -> str:
    status = PETITION_STATUS_LABELS[pet.status]
    if pet.response:
        who = f" của {pet.responder}" if pet.responder else ""
        return f"Tình trạng: {status}. Trả lời{who}: {pet.response}"
    return f"Tình trạng: {status}. Chưa có văn bản trả lời."


def province_petitions_lead(petitions: Sequence[Petition]) -> str:
    """The pointer to the province-wide petitions, saying only what exists: "03 kiến nghị
    chung … (chưa có kết quả trả lời)" when none has been answered yet."""
    replied = sum(1 for p in petitions if p.response or p.status in REPLIED)
    lead = f"{len(petitions):02d} kiến nghị chung của cử tri toàn tỉnh"
    if replied == len(petitions):
        return f"{lead} và kết quả trả lời"
    if replied == 0:
        # not said to be unanswered when the document only does not say (chua-ro)
        unstated = all(p.status is PetitionStatus.UNSTATED for p in petitions)
        return f"{lead} ({'văn bản chưa nêu' if unstated else 'chưa có'} kết quả trả lời)"
    return f"{lead} ({replied:02d} kiến nghị đã có trả lời)"


def shortcoming_question(title: str, session: Session | None = None, concern: str = "") -> str:
    """As a voter would put it to the delegate: the problem, then what will be done; one
    concern of a shortcoming is said as it is ("Tội phạm ma túy ngày càng tinh vi, manh
    động: …"), a whole one by its title ("Về tăng trưởng chưa đạt kịch bản: …")."""
    when = f" trong {session.next_period}" if session and session.next_period else " thời gian tới"
    if concern:
        return f"{upper_first(concern.rstrip('.;'))}: tỉnh có giải pháp gì{when}?"
    subject = lower_first(title) if title else "hạn chế này"
    return f"Về {subject}: tỉnh có giải pháp gì{when}?"


def answer_text(clauses: Sequence[str]) -> str:
    """The clauses of a task that answer a question, as one sentence of the task's own
    words: "…; phấn đấu giải ngân tối thiểu 95% kế hoạch vốn đầu tư công năm 2024."."""
    return "; ".join(c if i == 0 else lower_first(c) for i, c in enumerate(clauses)) + "."


def local_question(title: str, area: Area) -> str:
    subject = upper_first(title) if title else f"Nội dung này tại {area.full_name}"
    return f"{subject}: đến nay đã triển khai đến đâu?"


def when_and_where(m: Meeting) -> str:
    """"8 giờ 00 ngày 18/07/2024, tại Hội trường UBND xã Mường Nhé"."""
    at = f"{m.time} ngày {m.date:%d/%m/%Y}" if m.time else f"ngày {m.date:%d/%m/%Y}"
    return f"{at}, tại {m.place}"
