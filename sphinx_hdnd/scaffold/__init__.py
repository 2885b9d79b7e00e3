"""``hdnd init``: a complete province project that builds at once.

The project holds ``conf.py``, a few pages and a ``data/`` folder with a
clearly marked sample (every record ``illustrative: x``, one illustrative
source). The text files are Jinja templates (``templates/``, as Sphinx's
quickstart does), filled from the options and the sample. The tables of the
sample live in one Excel workbook, ``data/hdnd.xlsx``: one sheet per table, a
header row of column names, a note on every header cell and drop-down lists
for codes. The workbook is generated from the record classes
(:mod:`sphinx_hdnd.schema`), so its columns, notes and lists cannot drift from
what the loader accepts. No Sphinx import.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..schema import WORKBOOK
from .options import Options, slugify, split_province
from .sample import SAMPLE_SOURCE, sample_for
from .workbook import GUIDE_SHEET, LISTS_SHEET, column_note, write_workbook

#: file of the new project -> its template, in the order they are written
TEMPLATES = {
    "conf.py": "conf.py.jinja",
    "index.md": "index.md.jinja",
    "chi-tieu.md": "chi-tieu.md.jinja",
    "ngan-sach.md": "ngan-sach.md.jinja",
    "nghi-quyet.md": "nghi-quyet.md.jinja",
    "kien-nghi.md": "kien-nghi.md.jinja",
    "theo-doi-kien-nghi.md": "theo-doi-kien-nghi.md.jinja",
    "tong-hop-kien-nghi.md": "tong-hop-kien-nghi.md.jinja",
    "lich-tiep-xuc.md": "lich-tiep-xuc.md.jinja",
    "README.md": "README.md.jinja",
    ".gitignore": "gitignore.jinja",
    "data/province.yaml": "data/province.yaml.jinja",
    "data/session.yaml": "data/session.yaml.jinja",
    "data/audiences.yaml": "data/audiences.yaml.jinja",
    "data/narrative.yaml": "data/narrative.yaml.jinja",
}


class NotEmpty(Exception):
    """The target folder has files and ``--force`` was not given."""


def _templates() -> Environment:
    env = Environment(loader=PackageLoader("sphinx_hdnd.scaffold"), keep_trailing_newline=True,
                      trim_blocks=True, undefined=StrictUndefined, autoescape=False)
    env.filters["repr"] = repr  # a Python literal in conf.py
    # a YAML double-quoted scalar (JSON strings are valid YAML)
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)
    return env


def project_files(opts: Options) -> dict[str, str]:
    """Relative path -> text of every text file of a new project (the workbook aside)."""
    env = _templates()
    context = {"level": opts.level, "name": opts.name, "code": opts.code, "term": opts.term,
               "communes": opts.areas == "communes", "sample": sample_for(opts),
               "source": SAMPLE_SOURCE, "year": dt.date.today().year}
    return {path: env.get_template(name).render(context) for path, name in TEMPLATES.items()}


def _is_empty(folder: Path) -> bool:
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))


def init_project(folder: Path, opts: Options, force: bool = False) -> list[Path]:
    """Write a new project into ``folder``; refuse a non-empty folder unless ``force``.

    With ``force``, files of the project are overwritten and every other file
    is left alone. Returns the files written.
    """
    if folder.exists() and not folder.is_dir():
        raise NotEmpty(f"“{folder}” là một tệp, không phải thư mục")
    if not force and not _is_empty(folder):
        raise NotEmpty(f"thư mục “{folder}” không trống")
    sample = sample_for(opts)
    written = []
    for rel, text in project_files(opts).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    book = folder / "data" / WORKBOOK
    write_workbook(book, sample.tables, audiences=["nong-dan", "doanh-nghiep", "can-bo-huu-tri"],
                   sessions=[sample.session_code, sample.past_session])
    written.append(book)
    return written


__all__ = ["GUIDE_SHEET", "LISTS_SHEET", "NotEmpty", "Options", "column_note", "init_project",
           "project_files", "slugify", "split_province", "write_workbook"]
