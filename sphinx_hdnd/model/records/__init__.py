"""Typed records of a council's data. Pure Python: no Sphinx here.

Each record class is also the schema of its file: field descriptions and
examples are the data reference of the user guide, generated from here. One
module per family of records; this package gathers them.
"""

from __future__ import annotations

import datetime as dt

from ..vocabulary import VALUE_QUALIFIERS
from .audiences import Audience, Topic
from .base import NOWHERE, Record, Source, Sourced
from .figures import BudgetKind, BudgetLine, Indicator, Ranking
from .narrative import LocalItem, LocalItemKind, Narrative, NarrativeItem, Resolution, TaskGroup
from .office import Choice, ChoiceAction, Meeting
from .petitions import (
    ANSWER_LEVEL_LABELS,
    EVERY_LEVEL,
    PETITION_STATUS_LABELS,
    AnswerLevel,
    Petition,
    PetitionEvent,
    PetitionKind,
    PetitionStatus,
)
from .province import Area, Predecessor, Province, Term
from .session import Attendance, Debate, FrontActivity, PastSession, Questioning, Session

TABLE_RECORDS: dict[str, type[Sourced | Record]] = {
    cls.table: cls
    for cls in (Area, Source, Indicator, Ranking, BudgetLine, Resolution, Petition, Choice)
}

__all__ = [
    "ANSWER_LEVEL_LABELS", "EVERY_LEVEL", "NOWHERE", "PETITION_STATUS_LABELS", "TABLE_RECORDS",
    "VALUE_QUALIFIERS", "AnswerLevel", "Area", "Attendance", "Audience", "BudgetKind",
    "BudgetLine", "Choice", "ChoiceAction", "Debate", "FrontActivity", "Indicator", "LocalItem",
    "LocalItemKind", "Meeting", "Narrative", "NarrativeItem", "PastSession", "Petition",
    "PetitionEvent", "PetitionKind", "PetitionStatus", "Predecessor", "Province", "Questioning",
    "Ranking", "Record", "Resolution", "Session", "Source", "Sourced", "TaskGroup", "Term",
    "Topic", "dt",
]
