"""The base records: located, frozen, strict; a sourced record; the sources it cites."""

from __future__ import annotations

from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, ModelWrapValidatorHandler, PrivateAttr, model_validator
from pydantic.json_schema import SkipJsonSchema

from ..fields import Code, Date, Flag, OptCode, RequiredText, Text, col, unlisted_words
from ..origin import Origin

NOWHERE = Origin("")


class Record(BaseModel):
    """Base of every record: frozen, strict about unknown fields, located."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    origin: SkipJsonSchema[Origin] = Field(default=NOWHERE, exclude=True)

    #: file stem (tables) or YAML key this record is read from, for the docs
    table: ClassVar[str] = ""


class Styled(Record):
    """A record with style fields (:class:`~..fields.StyleReader`): a word that is not a
    style reads as the field's fallback, and is kept in :attr:`unlisted` for the check
    that reports it."""

    _unlisted: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_unlisted(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        record = handler(data)
        if isinstance(data, dict):
            record._unlisted = unlisted_words(cls.model_fields, data)
        return record

    @property
    def unlisted(self) -> dict[str, str]:
        """Field (``number_styles.indicators.csv`` for a mapping's entry) -> the word given."""
        return self._unlisted


class Sourced(Record):
    """A record that cites a source and may be illustrative (not from a real document)."""

    source: OptCode = col("Mã nguồn trong sources.csv", "dc_k15", default=None)
    source_section: Text = col("Mục, trang của nguồn", "I.1.1 (1)", default="")
    illustrative: Flag = col(
        "Đánh dấu x nếu số liệu là minh họa, không lấy từ văn bản thật", "", default=False
    )
    # a record built from two documents cites both (the report and the đề cương)
    also_source: OptCode = col("Mã nguồn thứ hai, khi nội dung lấy từ hai văn bản", "bc_ubnd_2023",
                               default=None)
    also_source_section: Text = col("Mục, trang của nguồn thứ hai", "Phần thứ hai, II.9",
                                    default="")

    @property
    def citations(self) -> list[tuple[str, str]]:
        """(source code, section) of every document this record draws on, in order."""
        found = [(self.source, self.source_section), (self.also_source, self.also_source_section)]
        return [(code, section) for code, section in found if code is not None]


# ---------------------------------------------------------------- sources


class Source(Record):
    table: ClassVar[str] = "sources"
    code: Code = col("Mã nguồn", "dc_k15")
    title: RequiredText = col("Tên văn bản", "Đề cương báo cáo kết quả kỳ họp thứ Mười lăm")
    issuer: Text = col("Cơ quan ban hành", "Thường trực HĐND tỉnh", default="")
    number: Text = col("Số, ký hiệu", "", default="")
    date: Date = col("Ngày ban hành", "", default=None)
    url: Text = col("Địa chỉ trực tuyến (nếu có)", "", default="")
    illustrative: Flag = col("Nguồn minh họa (không phải văn bản thật)", "", default=False)
