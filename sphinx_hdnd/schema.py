"""The data folder's schema, read from the record classes: one description for everyone.

The data reference of the user guide, the notes and drop-down lists of the
Excel template written by ``hdnd init`` and the tests that keep both honest
all walk the same :data:`FILES` (declared in :mod:`sphinx_hdnd.model.layout`)
and :func:`fields_of`. Nothing here is written by hand about a column: the
names, types, descriptions, examples and allowed values come from
:mod:`sphinx_hdnd.model.records` and :mod:`sphinx_hdnd.model.fields`. No Sphinx import.
"""

from __future__ import annotations

import enum
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import fields as F
from .model.layout import FILES, TABLES, WORKBOOK, FileSpec
from .model.records import (
    VALUE_QUALIFIERS,
    Attendance,
    Debate,
    FrontActivity,
    LocalItem,
    Narrative,
    NarrativeItem,
    PastSession,
    Predecessor,
    Questioning,
    Sourced,
    TaskGroup,
    Term,
)


class Kind(enum.StrEnum):
    CODE = "mã"
    CODES = "danh sách mã"
    TEXT = "văn bản"
    TEXTS = "danh sách văn bản"
    NUMBER = "số"
    INTEGER = "số nguyên"
    FLAG = "có/không"
    DATE = "ngày"
    CHOICE = "giá trị trong danh sách"
    MAPPING = "bảng tên: giá trị"
    RECORD = "mục con"
    RECORDS = "danh sách mục con"


#: how each kind of cell is written (the legend of the data reference, the Excel notes)
KIND_HELP: dict[Kind, str] = {
    Kind.CODE: "chữ thường không dấu, chữ số, dấu _ hoặc -, bắt đầu bằng chữ (ví dụ muong-nhe)",
    Kind.CODES: "nhiều mã cách nhau bởi dấu ; (ví dụ kinh-te; nong-nghiep); trong YAML có thể "
                "viết [kinh-te, nong-nghiep]",
    Kind.TEXT: "văn bản tự do",
    Kind.TEXTS: "nhiều đoạn văn bản cách nhau bởi dấu ; trong bảng, hoặc danh sách "
                "(mỗi dòng bắt đầu bằng “- ”) trong YAML",
    Kind.NUMBER: "số kiểu Việt Nam (14.955,28) hoặc kiểu quốc tế (14955.28); trong Excel "
                 "nhập số bình thường",
    Kind.INTEGER: "số nguyên (ví dụ 45)",
    Kind.FLAG: "x hoặc có là có; để trống hoặc không là không",
    Kind.DATE: "ngày dd/mm/yyyy (ví dụ 10/07/2024); trong Excel có thể nhập ô kiểu ngày",
    Kind.CHOICE: "một trong các giá trị được liệt kê",
    Kind.MAPPING: "các dòng “tên: giá trị” thụt lề dưới tên trường (YAML)",
    Kind.RECORD: "một mục gồm các trường con, thụt lề dưới tên trường (YAML)",
    Kind.RECORDS: "danh sách mục, mỗi mục bắt đầu bằng “- ” (YAML)",
}

_KINDS = {
    F._to_code: Kind.CODE,
    F._to_optional_code: Kind.CODE,
    F._to_codes: Kind.CODES,
    F._to_texts: Kind.TEXTS,
    F._to_text: Kind.TEXT,
    F._to_required_text: Kind.TEXT,
    F._to_decimal: Kind.NUMBER,
    F._to_int: Kind.INTEGER,
    F._to_bool: Kind.FLAG,
    F._to_date: Kind.DATE,
    F._to_required_date: Kind.DATE,
}

#: code fields that refer to the codes of another list: field name -> list name.
#: A test checks that every code field is either here or in :data:`FREE_CODES`.
REFERENCES: dict[str, str] = {
    "source": "sources",
    "area": "areas",
    "areas": "areas",
    "parent": "areas",
    "successors": "areas",
    "topic": "topics",
    "topics": "topics",
    "audience": "audiences",
    "indicator": "indicators",
    "cites": "indicators",
    "received_session": "sessions",
    "answered_session": "sessions",
    "attributes_source": "sources",
    "also_source": "sources",
    "repeats": "petitions",
    "petition": "petitions",
    "session": "sessions",
    "compare_with": "rankings",
}

#: code fields that name the record itself or a free group
FREE_CODES = {"code", "share_group", "series",
              # labels the province chooses, or codes of several kinds (checked in model/checks/)
              "attributes", "applies_to", "first", "item"}

#: text fields that accept only some words (checked in ``model/checks/``)
TEXT_CHOICES: dict[str, tuple[str, ...]] = {
    "value_qualifier": VALUE_QUALIFIERS,
}

#: the lists the references point to, in Vietnamese
LIST_TITLES = {
    "sources": "mã nguồn (bảng sources)",
    "areas": "mã địa bàn (bảng areas)",
    "topics": "mã lĩnh vực (topics.yaml hoặc danh mục mặc định)",
    "audiences": "mã đối tượng cử tri (audiences.yaml)",
    "indicators": "mã chỉ tiêu (bảng indicators) hoặc xếp hạng (bảng rankings)",
    "sessions": "mã kỳ họp (session.yaml: code và past_sessions)",
    "petitions": "mã kiến nghị (bảng petitions)",
    "rankings": "mã xếp hạng (bảng rankings)",
}


#: Vietnamese names of the records nested in YAML files (a test checks none is missing)
RECORD_TITLES: dict[type[BaseModel], str] = {
    Term: "Khóa HĐND",
    Attendance: "Số đại biểu dự kỳ họp",
    FrontActivity: "Hoạt động của Ủy ban Mặt trận Tổ quốc (tiếp xúc cử tri, tổng hợp kiến nghị)",
    Debate: "Phiên thảo luận",
    Questioning: "Phiên chất vấn",
    Predecessor: "Tỉnh cũ hợp nhất thành tỉnh (sắp xếp đơn vị hành chính năm 2025)",
    PastSession: "Kỳ họp trước được nhắc tới (để kiến nghị ghi mã kỳ họp tiếp nhận, trả lời)",
    NarrativeItem: "Mục nội dung: một đoạn văn, có thể chèn số liệu",
    TaskGroup: "Nhóm nhiệm vụ, giải pháp (gồm các mục nội dung trong items)",
    LocalItem: "Công trình, dự án, chương trình gắn với địa bàn",
}

#: fields declared without a description in the records (lists of nested records)
FIELD_TITLES: dict[tuple[type[BaseModel], str], str] = {
    (Narrative, "highlights"): "Kết quả nổi bật (phần I của đề cương)",
    (Narrative, "shortcomings"): "Hạn chế, khó khăn",
    (Narrative, "tasks"): "Nhiệm vụ, giải pháp thời gian tới, theo nhóm",
    (Narrative, "local_items"): "Công trình, dự án, chương trình tại địa bàn",
    (Narrative, "petition_summary"): "Tổng hợp ý kiến, kiến nghị của cử tri (phần III)",
    (TaskGroup, "items"): "Các mục nhiệm vụ trong nhóm",
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    required: bool
    description: str
    example: str
    default: str  # as the reference shows it, "" when none
    choices: tuple[str, ...] = ()
    refers_to: str | None = None
    record: type[BaseModel] | None = None  # nested record (Kind.RECORD / RECORDS)

    @property
    def type_label(self) -> str:
        label = str(self.kind)
        if self.refers_to:
            label += f" ({LIST_TITLES[self.refers_to]})"
        return label


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, is_list) without ``None`` and ``list[...]``."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _unwrap(args[0])
    if origin is list:
        inner, _ = _unwrap(typing.get_args(annotation)[0])
        return inner, True
    return annotation, False


def _kind(info: FieldInfo) -> tuple[Kind, tuple[str, ...], type[BaseModel] | None]:
    if (reader := F.style_reader(info)) is not None and not reader.mapping:
        return Kind.TEXT, reader.words, None  # a word of a list, as the office writes it
    if (func := F.converter(info)) in _KINDS:
        return _KINDS[func], (), None
    inner, many = _unwrap(info.annotation)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return Kind.CHOICE, tuple(str(m.value) for m in inner), None
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return (Kind.RECORDS if many else Kind.RECORD), (), inner
    if typing.get_origin(inner) is dict:
        return Kind.MAPPING, (), None
    raise TypeError(f"no schema kind for {info.annotation!r}")  # a new field type: teach me


def _default_text(info: FieldInfo) -> str:
    if info.is_required():
        return ""
    value = info.get_default(call_default_factory=True)
    if value in (None, "", [], {}, False):
        return ""
    if value is True:
        return "x"
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def fields_of(record: type[BaseModel]) -> list[FieldSpec]:
    """The documented fields of a record class (``origin`` excluded), in declaration order,
    except that the source columns shared by every sourced record come last."""
    out = []
    names = [n for n in record.model_fields if n != "origin"]
    if issubclass(record, Sourced):
        shared = [n for n in Sourced.model_fields if n != "origin"]
        names = [n for n in names if n not in shared] + shared
    for name in names:
        info = record.model_fields[name]
        kind, choices, nested = _kind(info)
        choices = choices or TEXT_CHOICES.get(name, ())
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        description = (info.description or FIELD_TITLES.get((record, name))
                       or (RECORD_TITLES[nested] if nested else ""))
        out.append(FieldSpec(
            name=name,
            kind=kind,
            required=info.is_required(),
            description=description.strip(),
            example=str(extra.get("example", "")),
            default=_default_text(info),
            choices=choices,
            refers_to=REFERENCES.get(name) if kind in (Kind.CODE, Kind.CODES) else None,
            record=nested,
        ))
    return out


def nested_records(record: type[BaseModel]) -> list[tuple[str, type[BaseModel]]]:
    """Every record nested in ``record`` (depth first), with its dotted path."""
    out: list[tuple[str, type[BaseModel]]] = []
    for f in fields_of(record):
        if f.record is not None:
            out.append((f.name, f.record))
            out.extend((f"{f.name}.{p}", r) for p, r in nested_records(f.record))
    return out


def all_field_paths() -> set[tuple[str, str]]:
    """(file, dotted field path) for every field the loaders accept: the tests' checklist."""
    out = set()
    for spec in FILES:
        for f in fields_of(spec.record):
            out.add((spec.name, f.name))
        for path, rec in nested_records(spec.record):
            for f in fields_of(rec):
                out.add((spec.name, f"{path}.{f.name}"))
    return out


__all__ = [
    "FILES", "FREE_CODES", "KIND_HELP", "LIST_TITLES", "RECORD_TITLES", "REFERENCES", "TABLES",
    "TEXT_CHOICES", "WORKBOOK",
    "FieldSpec", "FileSpec", "Kind", "all_field_paths", "fields_of", "nested_records",
]
