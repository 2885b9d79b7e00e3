"""Field types shared by the records: how a cell of text becomes a typed value.

Tables arrive as text (every cell is read as a string, so that nothing is
guessed), YAML arrives as text or native scalars. The validators here turn
both into typed values and fail with Vietnamese messages; the loader maps a
failure back to its file, row and column.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import typing
from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, GetCoreSchemaHandler, PlainValidator, ValidationInfo
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError, core_schema

from .catalogue import CATALOGUE
from .numbers import (
    MAX_DIGITS,
    MoneyStyle,
    NumberError,
    NumberStyle,
    is_ambiguous,
    parse_number,
    style_of,
    within_range,
)

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")
LIST_SEPARATORS = re.compile(r"\s*[;,]\s*")

TRUE_WORDS = {"x", "có", "co", "yes", "y", "true", "on", "1", "đúng", "dung"}
FALSE_WORDS = {"", "không", "khong", "no", "n", "false", "off", "0", "sai"}


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _style(info: ValidationInfo) -> NumberStyle:
    style = (info.context or {}).get("number_style", NumberStyle.AUTO)
    # the loader passes a NumberStyle already: calling the Enum again costs more than
    # the parsing itself on a big table
    return style if isinstance(style, NumberStyle) else NumberStyle(style)


def _to_decimal(value: Any, info: ValidationInfo) -> Decimal | None:
    if isinstance(value, str):  # every table cell: tested first
        return _number_from_text(value, _style(info)) if value.strip() else None
    if value is None:
        return None
    if isinstance(value, bool):
        raise _invalid("hdnd_number", "HD120", "not-number", value=value)
    if isinstance(value, int):
        return _finite(Decimal(value))
    if isinstance(value, float):
        # YAML floats: str() gives the shortest text that reads back exactly
        return _finite(Decimal(str(value)))
    if isinstance(value, Decimal):
        return _finite(value)
    return _number_from_text(str(value), _style(info))  # any other scalar YAML gives


def _finite(number: Decimal) -> Decimal:
    """NaN, infinities and absurd magnitudes are refused here (the fields take their
    validators' values as they are: see below)."""
    if not number.is_finite():
        raise _invalid("hdnd_number", "HD120", "not-number", value=str(number))
    try:
        return within_range(number, number)
    except NumberError as exc:
        raise _invalid("hdnd_number", exc.code, exc.case, **exc.data) from None


def _invalid(kind: str, code: str, case: str = "", /, **values: Any) -> PydanticCustomError:
    """A value's error in the words of the catalogue: pydantic fills the template in."""
    return PydanticCustomError(kind, CATALOGUE[code].messages[case], values)


@functools.lru_cache(maxsize=65_536)
def _number_from_text(text: str, style: NumberStyle) -> Decimal:
    """A cell's text as a number. Cached: a big table repeats the same figures many
    times, and a Decimal is immutable. Errors are raised anew on each call (not cached)."""
    if style is NumberStyle.AUTO:
        if is_ambiguous(text):
            raise _invalid("hdnd_ambiguous", "HD121", value=text,
                           thousands=text.replace(".", "").replace(",", ""),
                           decimal=text.replace(",", "."))
        style = style_of(text) or NumberStyle.VI
    try:
        return parse_number(text, style)
    except NumberError as exc:
        kind = "hdnd_mixed" if exc.code == "HD122" else "hdnd_number"
        raise _invalid(kind, exc.code, exc.case, **exc.data) from None


def _to_int(value: Any, info: ValidationInfo) -> int | None:
    number = _to_decimal(value, info)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise _invalid("hdnd_int", "HD113", "int", value=value)
    return int(number)


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise _invalid("hdnd_bool", "HD113", "bool", value=value)


_DATE_VI = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _to_date(value: Any) -> dt.date | None:
    if _is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if m := _DATE_VI.match(text):
        d, mo, y = (int(g) for g in m.groups())
    elif m := _DATE_ISO.match(text):
        y, mo, d = (int(g) for g in m.groups())
    else:
        raise _invalid("hdnd_date", "HD113", "date", value=text)
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise _invalid("hdnd_date", "HD113", "no-such-date", value=text) from None


def _to_code(value: Any) -> str:
    if isinstance(value, str):  # every table cell: tested first
        text = value.strip()
    else:
        text = "" if value is None else str(value).strip()
    if not CODE_PATTERN.match(text):
        raise _invalid("hdnd_code", "HD115", value=text)
    return text


def _to_optional_code(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):  # _is_blank, inlined
        return None
    return _to_code(value)


def _split(value: Any) -> list[Any]:
    if _is_blank(value):
        return []
    if isinstance(value, list | tuple):
        return [v for v in value if not _is_blank(v)]
    return [p for p in LIST_SEPARATORS.split(str(value).strip()) if p]


def _to_codes(value: Any) -> list[str]:
    return [_to_code(v) for v in _split(value)]


def _as_written(value: Any) -> str:
    """A scalar as the file wrote it (a YAML number keeps its text)."""
    return getattr(value, "yaml_text", None) or str(value)


def _to_texts(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [_as_written(v).strip() for v in value if not _is_blank(v)]
    if _is_blank(value):
        return []
    return [p.strip() for p in str(value).split(";") if p.strip()]


def _to_text(value: Any) -> str:
    if isinstance(value, str):  # every table cell: tested first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool | int | float | Decimal):
        return _as_written(value)
    raise _invalid("hdnd_text", "HD113", "text-not-list")


def _to_required_date(value: Any) -> dt.date:
    day = _to_date(value)
    if day is None:
        raise PydanticCustomError("missing", "thiếu giá trị")
    return day


def _to_required_text(value: Any) -> str:
    text = _to_text(value)
    if not text:
        raise PydanticCustomError("missing", "thiếu giá trị")
    return text


def _to_mapping_text(value: Any) -> str:
    """A value of a mapping of words (``number_styles``): text only, as pydantic's ``str``."""
    if isinstance(value, str):
        return value.strip()
    raise PydanticCustomError("string_type", "Input should be a valid string")


class StyleReader:
    """Reads a style (how a file writes numbers, how money is printed): a word of ``style``.

    An unlisted or blank word reads as ``fallback``, so that the record is still used
    (a blank entry of a mapping as None: not given); :func:`unlisted_words` finds the word
    again for the check that reports it (``HD114``)."""

    def __init__(self, style: type[StrEnum], fallback: StrEnum, mapping: bool = False) -> None:
        self.style = style
        self.fallback = fallback
        self.mapping = mapping  # the values of a mapping (a style per file)
        self.words = tuple(s.value for s in style)

    def text(self, value: Any) -> str:
        return _to_mapping_text(value) if self.mapping else _to_text(value)

    def __call__(self, value: Any) -> StrEnum | None:
        text = self.text(value)
        if text in self.words:
            return self.style(text)
        return None if self.mapping and not text else self.fallback


def unlisted_words(fields: dict[str, FieldInfo], data: dict[str, Any]) -> dict[str, str]:
    """The words given for style fields that are not among their styles, by field
    (``number_styles.indicators.csv`` for a mapping's entry), in the order of the fields."""
    out: dict[str, str] = {}
    for name, info in fields.items():
        reader = style_reader(info)
        if reader is None or name not in data:
            continue
        given = data[name]
        words = ({f"{name}.{k}": v for k, v in given.items()} if reader.mapping
                 else {name: given})
        for key, value in words.items():
            text = reader.text(value)
            if text not in reader.words:
                out[key] = text
    return out


def style_reader(info: FieldInfo) -> StyleReader | None:
    """The reader of a style field (a mapping's values for ``number_styles``), or None."""
    found = converter(info)
    if found is None and typing.get_origin(info.annotation) is dict:
        value_type = typing.get_args(info.annotation)[1]
        found = next((m.func for m in getattr(value_type, "__metadata__", ())
                      if isinstance(m, PlainValidator)), None)
    return found if isinstance(found, StyleReader) else None


#: the labels of a :class:`NativeFirst` field's two readers in pydantic's error locations
NATIVE, READ = "<native>", "<read>"


@dataclasses.dataclass(frozen=True)
class NativeFirst:
    """A field whose value, when it is already what the field holds (a table's cell is
    stripped: nearly every cell of a big table), pydantic takes by its own validator, in
    Rust; any other value, and every error, goes to ``func`` as with a PlainValidator.

    pydantic calling a Python function for each cell of a 100,000-row table costs about
    0.2 µs a call, 1.5 million calls (measured: 0.08 s of ``hdnd validate`` spared). The
    native reader's own error is never shown: :func:`.validation_errors.field_errors`
    drops it and keeps ``func``'s, in the catalogue's words."""

    func: Callable[..., Any]
    native: core_schema.CoreSchema
    with_info: bool = False  # ``func`` takes pydantic's ValidationInfo

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        read = (core_schema.with_info_plain_validator_function(self.func) if self.with_info
                else core_schema.no_info_plain_validator_function(self.func))
        return core_schema.union_schema([(self.native, NATIVE), (read, READ)],
                                        mode="left_to_right")


def read_number_cells(rows: list[dict[str, Any]], columns: set[str], style: NumberStyle) -> None:
    """Turn the text of each cell of ``columns`` (fields of type :data:`Num`) into its
    number, in place, where it reads as one: pydantic then takes the number natively. A
    text that does not read is left for the field, which reports it at its row."""
    numbers: dict[str, Decimal] = {}  # each distinct text read once
    for cells in rows:
        for column in columns.intersection(cells):
            text = cells[column]
            if type(text) is str and text:
                number = numbers.get(text)
                if number is None:
                    try:
                        number = numbers[text] = _number_from_text(text, style)
                    except PydanticCustomError:
                        continue
                cells[column] = number


_CODE_NATIVE = core_schema.str_schema(strict=True, pattern=CODE_PATTERN.pattern)
#: a number already read (a table's cell, read by read_number_cells; a workbook's number),
#: finite and within MAX_DIGITS as _finite asks
_LIMIT = Decimal(10) ** MAX_DIGITS
_NUMBER_NATIVE = core_schema.decimal_schema(strict=True, allow_inf_nan=False, lt=_LIMIT,
                                            gt=-_LIMIT)

# Each type's validator gives its final value (stripped text, a Decimal, a bool...): a
# plain validator, which pydantic does not check again (no second strip, no second
# Decimal test), a tenth of the time of a big table
Code = Annotated[str, NativeFirst(_to_code, _CODE_NATIVE)]
OptCode = Annotated[str | None, NativeFirst(_to_optional_code, _CODE_NATIVE)]
Codes = Annotated[list[str], PlainValidator(_to_codes)]
Texts = Annotated[list[str], PlainValidator(_to_texts)]
Text = Annotated[str, PlainValidator(_to_text)]
RequiredText = Annotated[str, PlainValidator(_to_required_text)]
Num = Annotated[Decimal | None, NativeFirst(_to_decimal, _NUMBER_NATIVE, with_info=True)]
Int = Annotated[int | None, PlainValidator(_to_int)]
Flag = Annotated[bool, PlainValidator(_to_bool)]
Date = Annotated[dt.date | None, PlainValidator(_to_date)]
RequiredDate = Annotated[dt.date, PlainValidator(_to_required_date)]
#: a file's number style; a mapping's entry (a style per file) may be left blank
NumberStyleWord = Annotated[NumberStyle, PlainValidator(StyleReader(NumberStyle, NumberStyle.AUTO))]
FileNumberStyle = Annotated[NumberStyle | None, PlainValidator(
    StyleReader(NumberStyle, NumberStyle.AUTO, mapping=True))]
MoneyStyleWord = Annotated[MoneyStyle, PlainValidator(StyleReader(MoneyStyle, MoneyStyle.DECIMAL))]


def converter(info: FieldInfo) -> Callable[..., Any] | None:
    """The function that reads a field declared with one of the types above, or None."""
    return next((m.func for m in info.metadata if isinstance(m, PlainValidator | NativeFirst)),
                None)


def col(description: str, example: str = "", **kw: Any) -> Any:
    """A documented field: the description and example feed the data reference."""
    extra: dict[str, Any] | None = {"example": example} if example else None
    return Field(description=description, json_schema_extra=extra, **kw)


__all__ = [
    "Code",
    "Codes",
    "Date",
    "FileNumberStyle",
    "Flag",
    "Int",
    "MoneyStyleWord",
    "Num",
    "NumberStyleWord",
    "OptCode",
    "RequiredDate",
    "RequiredText",
    "StyleReader",
    "Text",
    "Texts",
    "col",
    "converter",
    "style_reader",
    "unlisted_words",
]
