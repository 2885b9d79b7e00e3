"""Where a record or a value came from: file and row (tables) or line (YAML)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Origin:
    """A location in the data folder.

    ``row`` is the spreadsheet row number as the user sees it in Excel or a
    text editor (the header is row 1, the first record row 2). ``line`` is
    the 1-based line for YAML files. ``sheet`` names the worksheet for XLSX.
    ``field_lines`` maps a YAML record's field names (``weights.kinh-te`` for
    keys of a plain mapping) to their own lines, so that a problem found in a
    field points at that field's line, not the record's first line.
    """

    file: str
    row: int | None = None
    line: int | None = None
    column: str | None = None
    sheet: str | None = None
    field_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    def with_column(self, column: str | None) -> Origin:
        line = self.line
        if column is not None and self.field_lines:
            line = dict(self.field_lines).get(column, line)
        return Origin(self.file, self.row, line, column, self.sheet, self.field_lines)

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"trang tính {self.sheet}")
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        elif self.line is not None:
            parts.append(f"dòng {self.line}")
        if self.column:
            parts.append(f"{self.column_word} {self.column}")
        return ", ".join(parts)

    @property
    def column_word(self) -> str:
        """A table has columns; a YAML file has fields ("dòng 16, trường source_section")."""
        return "trường" if self.row is None and self.line is not None else "cột"

    @property
    def lineno(self) -> int | None:
        """The line a text editor shows for this origin (CSV row or YAML line)."""
        return self.line if self.line is not None else self.row
