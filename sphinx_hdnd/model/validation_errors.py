"""Pydantic's validation errors as the office's problems: a code and a Vietnamese message."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

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

_TYPE_WORDS = {
    "dict_type": "cần một mục gồm các trường (tên: giá trị)",
    "model_type": "cần một mục gồm các trường (tên: giá trị)",
    "model_attributes_type": "cần một mục gồm các trường (tên: giá trị)",
    "list_type": "cần một danh sách (các dòng bắt đầu bằng “- ”)",
    "decimal_parsing": "cần một số",
    "decimal_type": "cần một số",
    "string_type": "cần một đoạn văn bản",
}


def _message(err: Any) -> str:
    kind = err["type"]
    if kind == "missing":
        return "thiếu giá trị bắt buộc"
    if kind == "enum":
        # pydantic says "'a', 'b' or 'c'": the allowed values, in the office's words
        allowed = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        listed = (", ".join(allowed[:-1]) + " hoặc " + allowed[-1]) if len(allowed) > 1 \
            else "".join(allowed)
        return f"“{err.get('input')}” không thuộc các giá trị cho phép: {listed}"
    if kind == "extra_forbidden":
        return f"trường “{err['loc'][-1]}” không có trong mẫu dữ liệu"
    if kind.startswith("hdnd_"):
        return str(err["msg"])
    return _TYPE_WORDS.get(kind, f"giá trị không hợp lệ ({err['msg']})")


def report_errors(log: ProblemLog, exc: ValidationError, where: Any) -> None:
    """``where(loc)`` gives the Origin of an error location."""
    for err in exc.errors():
        loc = tuple(err["loc"])
        code = _ERROR_CODES.get(err["type"], "HD113")
        log.add(code, where(loc), _message(err), _offending(err))


def _offending(err: Any) -> dict[str, str]:
    """The value a cell or key gave, for ``Problem.data`` (none when it is missing, or a
    whole mapping or list)."""
    given = err.get("input")
    if err["type"] == "missing" or not isinstance(given, str | int | float | Decimal):
        return {}
    return {"value": str(given)}
