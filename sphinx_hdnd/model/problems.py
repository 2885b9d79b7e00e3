"""Located data problems and the log that collects them.

A problem is reported by its catalogue code, the case when the catalogue words
it more than one way, and the offending values; the message is the catalogue's
template filled with those values (:mod:`.catalogue`), and the values travel
with the problem as ``data`` for ``hdnd validate --format json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import CATALOGUE, ProblemKind, Severity
from .origin import Origin

__all__ = ["CATALOGUE", "Problem", "ProblemKind", "ProblemLog", "ReadProblem", "Severity", "render"]


def render(code: str, case: str = "", /, **data: object) -> tuple[str, dict[str, str]]:
    """The message of ``code`` in its ``case``, and the values given as text (a date's text
    is ISO 8601; a value not given, None, is left out)."""
    template = CATALOGUE[code].messages[case]  # KeyError: a programming error
    return template.format(**data), {name: str(value) for name, value in data.items()
                                     if value is not None}


class ReadProblem(Exception):
    """A problem a reader meets in a file, worded by the catalogue; the loader locates it."""

    def __init__(self, code: str, case: str = "", /, **data: object) -> None:
        self.code, self.case = code, case
        self.message, self.data = render(code, case, **data)
        super().__init__(self.message)


@dataclass(frozen=True, slots=True)
class Problem:
    """One located data problem."""

    code: str
    origin: Origin
    message: str  # Vietnamese: what is wrong and what was expected
    data: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def kind(self) -> ProblemKind:
        return CATALOGUE[self.code]

    @property
    def severity(self) -> Severity:
        return self.kind.severity

    def __str__(self) -> str:
        return f"{self.origin}: [{self.code}] {self.message}"


class ProblemLog:
    """Collects problems while loading and checking; never raises."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, code: str, origin: Origin, message: str,
            data: dict[str, str] | None = None) -> None:
        """A problem already worded from its catalogue template: by a reader
        (:class:`ReadProblem`, ``Note.of``) or by pydantic for a field's value."""
        if code not in CATALOGUE:  # a programming error, not a data problem
            raise KeyError(code)
        self.items.append(Problem(code, origin, message, data or {}))

    def report(self, code: str, origin: Origin, case: str = "", /, **data: object) -> None:
        """A problem in the words of its catalogue entry, the offending values in ``data``."""
        self.add(code, origin, *render(code, case, **data))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def __len__(self) -> int:
        return len(self.items)
