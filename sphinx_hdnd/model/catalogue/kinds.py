"""What the catalogue declares of each problem: its code, severity, words and messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # listed by hdnd validate for review, never a build warning


@dataclass(frozen=True, slots=True)
class ProblemKind:
    code: str
    severity: Severity
    subtype: str  # Sphinx warning subtype: data, reference, consistency, format
    title: str  # Vietnamese, one line
    fix: str  # Vietnamese, how to correct it
    #: the message of each case (``""`` when there is one), the offending values as
    #: ``{names}`` (see :meth:`.problems.ProblemLog.report`)
    messages: Mapping[str, str] = field(default_factory=dict)


def kinds(*kinds: ProblemKind) -> dict[str, ProblemKind]:
    """The kinds by code, in the order declared (the user guide lists them so)."""
    return {k.code: k for k in kinds}


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
