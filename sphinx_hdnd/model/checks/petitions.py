"""Petitions and meetings with voters: dates in order, statuses, repeats, deadlines."""

from __future__ import annotations

from itertools import pairwise

from .. import follow_up
from ..applicability import applies
from ..dataset import Dataset
from ..records import EVERY_LEVEL, AnswerLevel, Petition, PetitionKind, PetitionStatus


def check_petitions(ds: Dataset) -> None:
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
            log.report("HD131", meeting.origin.with_column("area"), area=meeting.area)
        if meeting.audience is not None and meeting.audience not in ds.audiences:
            log.report("HD132", meeting.origin.with_column("audience"),
                       audience=meeting.audience)
        elif (meeting.audience is not None and meeting.area in ds.areas
              and not applies(ds, meeting.area, ds.audiences[meeting.audience])):
            log.add("HD175", meeting.origin.with_column("audience"),
                    f"đối tượng “{meeting.audience}” không áp dụng cho địa bàn “{meeting.area}” "
                    "(applies_to trong audiences.yaml) nên không có đề cương cho cuộc tiếp xúc này")
        if meeting.session is not None and sessions and meeting.session not in sessions:
            log.report("HD136", meeting.origin.with_column("session"), session=meeting.session)
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
