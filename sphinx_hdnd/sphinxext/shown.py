"""Which figures of the data reach a page, and which reach none.

Every cited paragraph carries a :class:`~.nodes.shown_records` marker naming
the records it draws on. At ``doctree-read`` the collector takes the markers
out (no writer ever sees one) and keeps the names per page, with purge and
merge so that ``-j`` reads and incremental builds stay right. When the build
ends, the figures no page shows are written beside Sphinx's own cache, for
``hdnd build`` to print and ``hdnd validate`` to list row by row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector

from ..model.coverage import RECORD_NAME, make_record, record_key
from ..model.records import Sourced
from .nodes import shown_records
from .state import get_dataset


def marker(records: Iterable[Sourced]) -> shown_records | None:
    keys = sorted({k for k in map(record_key, records) if k})
    return shown_records(keys=keys) if keys else None


class ShownCollector(EnvironmentCollector):
    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        _shown(env).pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: AbstractSet[str],
                    other: BuildEnvironment) -> None:
        theirs = _shown(other)
        for docname in docnames:
            if docname in theirs:
                _shown(env)[docname] = theirs[docname]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        keys: set[str] = set()
        for node in list(doctree.findall(shown_records)):
            keys.update(node["keys"])
            node.parent.remove(node)
        if keys:
            _shown(app.env)[app.env.docname] = sorted(keys)


def _shown(env: BuildEnvironment) -> dict[str, list[str]]:
    if not hasattr(env, "hdnd_shown"):
        env.hdnd_shown = {}  # type: ignore[attr-defined]
    return env.hdnd_shown  # type: ignore[attr-defined]


def write_record(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None:
        return
    ds = get_dataset(app.env)
    shown = (k for keys in _shown(app.env).values() for k in keys)
    path = Path(app.doctreedir) / RECORD_NAME
    path.write_text(json.dumps(make_record(ds, shown), ensure_ascii=False, indent=1),
                    encoding="utf-8")


def setup_shown(app: Sphinx) -> None:
    app.add_node(shown_records)
    app.add_env_collector(ShownCollector)
    app.connect("build-finished", write_record)
