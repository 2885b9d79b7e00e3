"""The codes a check may refer to: a table that could not be read accepts every code."""

from __future__ import annotations

from collections.abc import Iterable

from ..dataset import Dataset


class _Anything(set[str]):
    """The codes of a table that could not be read: every reference is accepted."""

    def __contains__(self, code: object) -> bool:
        return True

    def __or__(self, other: object) -> _Anything:  # type: ignore[override]
        return self

    __ror__ = __or__


def known(ds: Dataset, table: str, keys: Iterable[str]) -> set[str]:
    if table in ds.failed:
        return _Anything()
    return set(keys) | ds.broken_codes.get(table, set())
