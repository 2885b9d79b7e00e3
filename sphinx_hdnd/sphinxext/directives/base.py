"""The shared base of the hdnd directives: dataset access, dependencies, option checks."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ...model.dataset import Dataset
from ..pages import petitions_digest_path
from ..state import build_state, get_dataset, logger


def code_list(argument: str | None) -> list[str]:
    """Option converter: codes separated by commas or spaces."""
    if argument is None:
        return []
    return [c for c in argument.replace(",", " ").split() if c]


class HdndDirective(SphinxDirective):
    """Base: loads the build's dataset, records file dependencies, reports bad options.

    Subclasses list the data tables they read in ``uses`` so that editing one
    of those files (and only those) makes the page outdated.
    """

    uses: ClassVar[tuple[str, ...]] = ()
    has_content = False

    @property
    def ds(self) -> Dataset:
        return get_dataset(self.env)

    def run(self) -> list[nodes.Node]:
        ds = self.ds
        for table in (*self.uses, "sources", "province", "session"):
            path = self.dependency(ds, table)
            if path is not None:
                self.env.note_dependency(str(path))
        return self.render(ds)

    def dependency(self, ds: Dataset, table: str) -> Path | None:
        """The file whose change makes this page outdated.

        A page for one area (``:area:`` is one code) depends on that area's
        petitions digest, written by the page generator, instead of the whole
        petitions table: a change to one area's petitions re-reads that area's
        pages (and the pages showing every petition), not every briefing.
        """
        if table == "petitions" and build_state(self.env).config.briefings:
            area = self.options.get("area")
            if isinstance(area, str):
                digest = petitions_digest_path(self.env.srcdir, area)
                if digest.is_file():
                    return digest
        return ds.files.get(table)

    def render(self, ds: Dataset) -> list[nodes.Node]:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- option validation: an unknown code is a located warning, never ignored

    def warn(self, message: str, subtype: str = "option") -> None:
        logger.warning(f"{self.name}: {message}", type="hdnd", subtype=subtype,
                       location=self.get_location())

    def known(self, option: str, values: Iterable[str], allowed: Iterable[str],
              what: str) -> list[str]:
        allowed_set = set(allowed)
        good = []
        for v in values:
            if v in allowed_set:
                good.append(v)
            else:
                self.warn(f"tùy chọn :{option}: có {what} “{v}” không tồn tại", "reference")
        return good

    def choice(self, option: str, allowed: Iterable[str], default: str) -> str:
        value = self.options.get(option)
        if value is None:
            return default
        allowed_list = list(allowed)
        if value not in allowed_list:
            self.warn(f"tùy chọn :{option}: nhận “{value}”, cần một trong: "
                      + ", ".join(allowed_list))
            return default
        return str(value)
