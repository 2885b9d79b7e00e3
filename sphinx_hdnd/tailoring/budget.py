"""How much one briefing holds: the budget of points, items, petitions, questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Budget:
    """How much one briefing holds (``hdnd_briefing_budget`` in ``conf.py``)."""

    points: int = 6  #: talking points ("Điểm cần nói"), 5-7 fit two or three pages
    local_more: int = 2  #: further local items printed in full; the rest listed by title
    petitions: int = 5  #: the area's petitions with their answers and follow-up
    questions: int = 4  #: likely questions with their answers
    resolutions: int = 5  #: resolutions named under the session's results

    @classmethod
    def from_config(cls, value: Mapping[str, object] | None) -> Budget:
        """A budget from configuration; unknown keys or values below 1 raise ValueError."""
        if not value:
            return cls()
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(value) - names)
        if unknown:
            raise ValueError(f"khóa không hợp lệ: {', '.join(unknown)}; cho phép: "
                             f"{', '.join(sorted(names))}")
        out = {}
        for key, raw in value.items():
            if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
                raise ValueError(f"“{key}” phải là số nguyên dương (nhận “{raw}”)")
            out[key] = raw
        return cls(**out)  # type: ignore[arg-type]


DEFAULT_BUDGET = Budget()

