"""The state of a build, in one place: the ``hdnd`` domain of the environment.

- the configuration checked at ``config-inited`` (:class:`.config.HdndConfig`);
- the dataset, loaded once at ``builder-inited`` (:func:`load_build_data`) and
  held on the domain object, which Sphinx does not pickle: forked parallel
  readers and writers inherit it, the saved environment never carries it; a
  changed data file makes the pages that use it outdated through Sphinx's own
  dependency tracking (``env.note_dependency``), and the next build loads the
  data anew;
- the chart variant the builder shows, and which variants each page's charts
  were drawn in (domain data, with purge and merge, so that ``-j`` reads and
  incremental builds stay right);
- the navigation trees shared by the pages outside the table of contents,
  computed in the writing phase (see :mod:`.navigation`).

:func:`build_state` is the one accessor; :func:`get_dataset` its shortcut.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.domains import Domain
from sphinx.util import logging

from ..model import Dataset, Severity, load_dataset
from .config import HdndConfig, data_dir

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .navigation import SharedToctrees

logger = logging.getLogger("sphinx_hdnd")


#: MIME type a builder takes -> the chart variant drawn for it
MIME_FORMATS = {"image/svg+xml": "svg", "application/pdf": "pdf", "image/png": "png"}


def needed_format(builder: type | None) -> str:
    """The one variant this builder shows: the first of its image types we can draw
    (SVG for HTML and EPUB, PDF for LaTeX, PNG for texinfo). Builders without images
    (text, man) print the alternative text; SVG is drawn for them so that the image
    still resolves."""
    for mime in getattr(builder, "supported_image_types", None) or []:
        if mime in MIME_FORMATS:
            return MIME_FORMATS[mime]
    return "svg"


class HdndDomain(Domain):
    """sphinx-hdnd's state of one build. It declares no objects: its roles and
    directives are registered with the application (``hdnd-*``, ``{hdnd}``)."""

    name = "hdnd"
    label = "sphinx-hdnd"
    #: ``chart_formats``: docname -> the chart variants its charts were drawn in
    initial_data: ClassVar[dict[str, Any]] = {"chart_formats": {}}
    data_version = 1

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self.data_root: Path | None = None
        self._dataset: Dataset | None = None
        self._config: HdndConfig | None = None
        self.chart_format = "svg"
        self.toctrees: SharedToctrees | None = None

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            raise RuntimeError("sphinx-hdnd: the dataset is loaded at builder-inited")
        return self._dataset

    @property
    def config(self) -> HdndConfig:
        if self._config is None:
            raise RuntimeError("sphinx-hdnd: the configuration is read at builder-inited")
        return self._config

    def load(self, app: Sphinx) -> Dataset:
        self._config = HdndConfig.from_sphinx(app.config)
        self.data_root = data_dir(app.confdir, app.config)
        self._dataset = load_dataset(self.data_root)
        self.chart_format = needed_format(type(app.builder))
        return self._dataset

    @property
    def chart_formats(self) -> dict[str, set[str]]:
        return self.data["chart_formats"]  # type: ignore[no-any-return]

    def note_chart_format(self, docname: str, fmt: str) -> None:
        self.chart_formats.setdefault(docname, set()).add(fmt)

    def clear_doc(self, docname: str) -> None:
        self.chart_formats.pop(docname, None)

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        for doc, drawn in otherdata["chart_formats"].items():
            if doc in docnames:
                self.chart_formats.setdefault(doc, set()).update(drawn)

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []  # nothing to resolve: the domain has no objects


def build_state(env: BuildEnvironment) -> HdndDomain:
    """The build's state (the ``hdnd`` domain of ``env``)."""
    domain = env.get_domain(HdndDomain.name)
    assert isinstance(domain, HdndDomain)
    return domain


def get_dataset(env: BuildEnvironment) -> Dataset:
    """The build's dataset (loaded at builder-inited)."""
    return build_state(env).dataset


def report_problems(ds: Dataset) -> None:
    """Data problems become located Sphinx warnings (type hdnd, subtype from the catalogue)."""
    for p in ds.problems.items:
        path = ds.root.parent / p.origin.file
        # a location without ":" is taken by Sphinx for a document name (and gets ".rst"):
        # a problem with a whole file keeps the colon, "areas.csv:"
        location = f"{path}:{p.origin.lineno}" if p.origin.lineno else f"{path}:"
        column = f" ({p.origin.column_word} {p.origin.column})" if p.origin.column else ""
        if p.origin.sheet:
            column = f" (trang tính {p.origin.sheet}{', cột ' + p.origin.column if p.origin.column else ''})"
        message = f"[{p.code}]{column} {p.message}"
        if p.severity is Severity.INFO:
            logger.verbose(message, location=location)
        else:
            logger.warning(message, type="hdnd", subtype=p.kind.subtype, location=location)
