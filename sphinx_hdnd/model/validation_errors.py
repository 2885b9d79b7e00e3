"""Pydantic's validation errors as the office's problems: a code and a Vietnamese message."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .fields import NATIVE, READ
from .problems import ProblemLog

_ERROR_CODES = {
    "missing": "HD112",
    "hdnd_number": "HD120",
    "hdnd_ambiguous": "HD121",
    "hdnd_mixed": "HD122",
    "hdnd_code": "HD115",
    "enum": "HD114",
    "extra_forbidden": "HD107",
}

#: pydantic's type errors (HD113) -> the case of the message that words them
_TYPE_CASES = {
    "dict_type": "mapping", "model_type": "mapping", "model_attributes_type": "mapping",
    "list_type": "list", "decimal_parsing": "number", "decimal_type": "number",
    "string_type": "text",
    # a whole number (a count of days in province.yaml): the text given, or nothing given
    "int_parsing": "int", "int_from_float": "int", "int_type": "whole-number",
}


def field_errors(exc: ValidationError) -> list[ErrorDetails]:
    """pydantic's errors as the fields word them: a :class:`.fields.NativeFirst` field
    fails in both its readers, and only its own reader's error says what is wrong."""
    out: list[ErrorDetails] = []
    for err in exc.errors():
        *loc, last = err["loc"] or ("",)
        if last == NATIVE:
            continue
        if last == READ:
            err["loc"] = tuple(loc)
        out.append(err)
    return out


def report_errors(log: ProblemLog, exc: ValidationError, where: Any) -> None:
    """``where(loc)`` gives the Origin of an error location."""
    for err in field_errors(exc):
        kind = err["type"]
        code = _ERROR_CODES.get(kind, "HD113")
        origin = where(tuple(err["loc"]))
        if kind.startswith("hdnd_"):  # our fields' errors, worded from the catalogue's templates
            named = {name: str(value) for name, value in (err.get("ctx") or {}).items()}
            log.add(code, origin, str(err["msg"]), {**_offending(err), **named})
        elif kind == "missing":
            log.report(code, origin)
        elif kind == "enum":
            # pydantic says "'a', 'b' or 'c'": the allowed values, in the office's words
            allowed = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
            listed = (", ".join(allowed[:-1]) + " hoặc " + allowed[-1]) if len(allowed) > 1 \
                else "".join(allowed)
            log.report(code, origin, "not-allowed", value=err.get("input"), allowed=listed)
        elif kind == "extra_forbidden":
            log.report(code, origin, "unknown-field", field=err["loc"][-1])
        elif kind in _TYPE_CASES:
            log.report(code, origin, _TYPE_CASES[kind], **_offending(err))
        else:
            log.report(code, origin, "other", reason=err["msg"], **_offending(err))


def _offending(err: Any) -> dict[str, str]:
    """The value a cell or key gave, for ``Problem.data`` (none when it is missing, or a
    whole mapping or list)."""
    given = err.get("input")
    if err["type"] == "missing" or not isinstance(given, str | int | float | Decimal):
        return {}
    return {"value": str(given)}
