"""The catalogue of data problems: stable codes, Vietnamese titles, fixes and messages.

Every problem the readers or the checks can report is declared here once, with
the words of its message, so that ``hdnd validate``, Sphinx warnings and the
troubleshooting page of the user guide all speak of the same codes in the
same words; a report names its case and gives the offending values
(:meth:`..problems.ProblemLog.report`).
"""

from __future__ import annotations

from .checks import CHECK_PROBLEMS
from .files import FILE_PROBLEMS
from .kinds import ProblemKind, Severity

__all__ = ["CATALOGUE", "ProblemKind", "Severity"]

CATALOGUE: dict[str, ProblemKind] = {**FILE_PROBLEMS, **CHECK_PROBLEMS}
