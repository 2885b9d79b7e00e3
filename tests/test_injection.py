"""Injection: text from the data prints as text, in HTML, plain text and LaTeX, never as markup.

Every text field of every record (found from the record schemas, not listed
by hand) of a copy of the minimal project gets every payload: HTML and
``<script>``, attribute breakers, ``javascript:`` links, MyST and reST
directives and roles, raw blocks, LaTeX commands, Jinja, a 5,000-character
word, right-to-left and zero-width characters. The site is built with the
briefing pages generated from the data; the HTML is parsed and must hold
no element, attribute or link that came from the data, and each payload
must be readable, literally, in the HTML and in the text output.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import MINIMAL
from hdnd_sphinx import sphinx_build
from pydantic import BaseModel

from sphinx_hdnd.model import fields as F
from sphinx_hdnd.model.records import (
    TABLE_RECORDS,
    Audience,
    Narrative,
    Province,
    Session,
    Topic,
)

LONG_WORD = ("Nghịquyếtkỳhọpthứmườilăm" * 250)[:5000]

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="x',
    "javascript:alert(1)",
    "```{raw} html\n<script>alert(2)</script>\n```",
    ".. raw:: html\n\n   <b>raw</b>",
    "{hdnd}`grdp_6t` :ref:`genindex` **đậm** `link <javascript:alert(3)>`_",
    "\\input{/etc/passwd} \\def\\x{1}",
    "{{ 7*7 }} {% for x in y %}z{% endfor %}",
    LONG_WORD,
    "\u202eabc.exe\u202c và a\u200bb\u200dc",
]
JOIN = " ¦ "
PAYLOAD = JOIN.join(PAYLOADS)
#: Sphinx's text writer wraps an unbreakable word in cubic time (2,000 characters: 1.7 s,
#: 5,000: about 25 s, for every paragraph that holds it): the text build gets a shorter
#: long word; HTML and LaTeX get the 5,000 characters
TEXT_LONG_WORD = LONG_WORD[:300]

#: fields whose value is a setting, not text to show (a payload only makes them invalid)
SETTINGS = {"number_style", "money_style"}
#: YAML files and their record class (tables come from TABLE_RECORDS)
YAML_RECORDS: dict[str, type[BaseModel]] = {
    "province": Province, "session": Session, "narrative": Narrative,
}
YAML_LISTS: dict[str, type[BaseModel]] = {"audiences": Audience, "topics": Topic}


# ------------------------------------------------------------------ the schema walk


def _validator(info: Any) -> Callable[..., Any] | None:
    return F.converter(info)


def text_fields(model: type[BaseModel]) -> dict[str, str]:
    """name -> "text" | "texts" for every free-text field of a record class."""
    out = {}
    for name, info in model.model_fields.items():
        if name in SETTINGS:
            continue
        func = _validator(info)
        if func in (F._to_text, F._to_required_text):
            out[name] = "text"
        elif func is F._to_texts:
            out[name] = "texts"
    return out


def _nested(model: type[BaseModel]) -> dict[str, tuple[type[BaseModel], bool]]:
    """name -> (record class, is a list) for fields holding records."""
    out = {}
    for name, info in model.model_fields.items():
        ann = info.annotation
        many = get_origin(ann) is list
        for candidate in (ann, *get_args(ann)):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                out[name] = (candidate, many)
    return out


class Tally:
    """Counts the (record kind, field) pairs that received the payloads."""

    def __init__(self) -> None:
        self.fields: set[tuple[str, str]] = set()

    def mark(self, model: type[BaseModel], name: str) -> None:
        self.fields.add((model.__name__, name))


def inject_record(data: dict[str, Any], model: type[BaseModel], tally: Tally,
                  payloads: list[str]) -> None:
    for name, kind in text_fields(model).items():
        data[name] = [*payloads] if kind == "texts" else JOIN.join(payloads)
        tally.mark(model, name)
    for name, (sub, many) in _nested(model).items():
        value = data.get(name)
        if many and not value:
            # a list the project leaves empty (the predecessors of an unmerged
            # province) gets one record made of the schema's examples
            value = data[name] = [_example(sub)]
        if many and isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    inject_record(item, sub, tally, payloads)
        elif isinstance(value, dict):
            inject_record(value, sub, tally, payloads)


def _example(model: type[BaseModel]) -> dict[str, Any]:
    """A record of the field examples the data reference shows."""
    return {name: info.json_schema_extra["example"]
            for name, info in model.model_fields.items()
            if isinstance(info.json_schema_extra, dict) and "example" in info.json_schema_extra}


def inject_table(path: Path, model: type[BaseModel], tally: Tally,
                 payloads: list[str]) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    wanted = text_fields(model)
    for name in wanted:
        if name not in header:
            header.append(name)
            for row in body:
                row.append("")
    for row in body:
        for name, kind in wanted.items():
            # list cells are separated by ";" in a table; no payload holds one
            row[header.index(name)] = ("; " if kind == "texts" else JOIN).join(payloads)
            tally.mark(model, name)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows([header, *body])
    path.write_text(buf.getvalue(), encoding="utf-8")


def make_injected(root: Path, payloads: list[str] = PAYLOADS) -> tuple[Path, Tally]:
    """A copy of the minimal project with every text field carrying the payloads."""
    project = root / "project"
    shutil.copytree(MINIMAL, project)
    data = project / "data"
    # the topic vocabulary is the package's unless the province has one: give it one
    import importlib.resources

    topics = importlib.resources.files("sphinx_hdnd.model").joinpath("default_topics.yaml")
    (data / "topics.yaml").write_text(topics.read_text(encoding="utf-8"), encoding="utf-8")
    tally = Tally()
    for name, model in TABLE_RECORDS.items():
        if (data / f"{name}.csv").is_file():
            inject_table(data / f"{name}.csv", model, tally, payloads)
    for name, model in YAML_RECORDS.items():
        doc = yaml.safe_load((data / f"{name}.yaml").read_text(encoding="utf-8"))
        inject_record(doc, model, tally, payloads)
        (data / f"{name}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    for name, model in YAML_LISTS.items():
        doc = yaml.safe_load((data / f"{name}.yaml").read_text(encoding="utf-8"))
        for item in doc:
            inject_record(item, model, tally, payloads)
        (data / f"{name}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    write_site(project)
    return project, tally


CONF = """\
project = "Kiểm thử"
extensions = ["sphinx_design", "sphinx_hdnd"]
exclude_patterns = ["_build", "data"]
html_theme = "furo"
language = "vi"
"""

PAGES = {
    "index.rst": "Trang chủ\n=========\n\n.. hdnd-session::\n\n.. hdnd-grid::\n\n"
                 ".. toctree::\n\n   outline\n   figures\n   council\n   tiep-xuc/index\n",
    "outline.rst": "Đề cương\n========\n\n.. hdnd-outline::\n",
    "figures.rst": "Số liệu\n=======\n\n.. hdnd-indicators::\n\n.. hdnd-budget::\n\n"
                   "Xếp thứ :hdnd:`grdp_rank:rank`, tăng :hdnd:`grdp_6t`.\n",
    "council.rst": "Kỳ họp\n======\n\n.. hdnd-resolutions::\n\n.. hdnd-petitions::\n\n"
                   ".. hdnd-questions::\n",
}


def write_site(project: Path) -> None:
    (project / "conf.py").write_text(CONF, encoding="utf-8")
    for name, text in PAGES.items():
        (project / name).write_text(text, encoding="utf-8")


# ------------------------------------------------------------------ builds (once per module)


@pytest.fixture(scope="module")
def clean_html(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clean")
    project = root / "project"
    shutil.copytree(MINIMAL, project)
    write_site(project)
    build = sphinx_build(project, "html")
    assert build.statuscode == 0, build.warnings
    return build.outdir


@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> tuple[Path, Tally]:
    return make_injected(tmp_path_factory.mktemp("inj"))


@pytest.fixture(scope="module")
def injected_html(injected) -> Path:
    project, _ = injected
    build = sphinx_build(project, "html")
    assert "Traceback" not in build.warnings + build.status
    assert (build.outdir / "tiep-xuc" / "an-binh" / "nong-dan.html").is_file(), build.warnings
    return build.outdir


def _pages(outdir: Path) -> list[Path]:
    return sorted(p for p in outdir.rglob("*.html") if "_static" not in p.parts)


def _scripts(outdir: Path) -> set[str]:
    out = set()
    for page in _pages(outdir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for s in soup.find_all("script"):
            out.add(s.get("src") or ("inline:" + s.get_text().strip()))
    return {re.sub(r"^(\.\./)+", "", s) for s in out}


# ------------------------------------------------------------------ tests


def test_every_text_field_of_every_record_is_covered(injected):
    _, tally = injected
    expected: set[tuple[str, str]] = set()

    def walk(model: type[BaseModel]) -> None:
        for name in text_fields(model):
            expected.add((model.__name__, name))
        for sub, _many in _nested(model).values():
            walk(sub)

    for model in [*TABLE_RECORDS.values(), *YAML_RECORDS.values(), *YAML_LISTS.values()]:
        walk(model)
    assert expected - tally.fields == set()
    assert len(tally.fields) >= 50, len(tally.fields)
    print(f"payloads x fields: {len(PAYLOADS)} x {len(tally.fields)} = "
          f"{len(PAYLOADS) * len(tally.fields)}")


def test_injected_data_still_loads(injected, hdnd):
    project, _ = injected
    result = hdnd("validate", str(project), "--format", "json")
    assert "Traceback" not in result.output
    # text is text: nothing about the payloads is a data error except placeholders
    # ({hdnd} in narrative text is a placeholder naming no indicator: HD150)
    codes = set(result.codes())
    # (the delegates list now has 11 names for delegate_count 2: HD147; value_qualifier is
    # a word from a fixed list, "hơn", "trên"…: HD158; a source's address that is no
    # https:// link is said to be shown as text: HD195; a record made of the schema's
    # examples names the data reference's sample source: HD134)
    assert codes <= {"HD134", "HD147", "HD150", "HD151", "HD152", "HD153", "HD158", "HD195"}, \
        result.output


def test_no_element_attribute_or_link_comes_from_data(injected_html, clean_html):
    pages = _pages(injected_html)
    assert len(pages) >= 10
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for el in soup.find_all(True):
            for attr, value in el.attrs.items():
                assert not attr.lower().startswith("on"), (page, el.name, attr)
                values = value if isinstance(value, list) else [value]
                for v in values:
                    assert not str(v).strip().lower().startswith("javascript:"), (page, el, attr)
            assert el.name not in {"iframe", "object", "embed"}, (page, el)
        assert not soup.find("img", src="x"), page
        assert not [b for b in soup.find_all("b") if b.get_text() == "raw"], page
        assert not [s for s in soup.find_all("script") if "alert" in s.get_text()], page
    # the only scripts are the theme's and Sphinx's, exactly as on a clean build,
    # and no kind of element appears that a clean build does not have
    assert _scripts(injected_html) <= _scripts(clean_html)
    assert _tags(injected_html) <= _tags(clean_html)


def _tags(outdir: Path) -> set[str]:
    return {el.name for page in _pages(outdir)
            for el in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all(True)}


def _visible_text(outdir: Path) -> str:
    parts = []
    for page in _pages(outdir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        parts.append(soup.get_text())
    return "".join(parts)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_payload_prints_literally_in_html(injected_html):
    text = _squash(_visible_text(injected_html))
    for payload in PAYLOADS:
        assert _squash(payload) in text, payload[:60]
    assert "{{7*7}}" in text  # Jinja never ran


TEXT_PAYLOADS = [TEXT_LONG_WORD if p == LONG_WORD else p for p in PAYLOADS]


@pytest.fixture(scope="module")
def injected_text(tmp_path_factory) -> Path:
    project, _ = make_injected(tmp_path_factory.mktemp("inj-text"), TEXT_PAYLOADS)
    build = sphinx_build(project, "text")
    assert "Traceback" not in build.warnings + build.status
    return build.outdir


def test_every_payload_prints_literally_in_text(injected_text):
    text = _squash("".join(p.read_text(encoding="utf-8") for p in injected_text.rglob("*.txt")))
    for payload in TEXT_PAYLOADS:
        assert _squash(payload) in text, payload[:60]


def test_latex_escapes_commands(injected):
    project, _ = injected
    build = sphinx_build(project, "latex", builddir=project / "_build_latex")
    assert "Traceback" not in build.warnings + build.status
    tex = "".join(p.read_text(encoding="utf-8") for p in build.outdir.glob("*.tex"))
    assert tex, list(build.outdir.iterdir())
    assert "\\input{/etc/passwd}" not in tex
    assert "\\def\\x{1}" not in tex
    assert "\\textbackslash{}input\\{/etc/passwd\\}" in tex
    # printed as characters: < > { } % are escaped, not markup
    assert "\\textless{}script\\textgreater{}alert(1)\\textless{}/script\\textgreater" in tex
    assert "\\{\\{ 7*7 \\}\\}" in tex
    assert "\\begin{" + "script}" not in tex


# ------------------------------------------------------------------ paths leaving the project


@pytest.mark.parametrize("where", ["../x", "/etc", "data/../../x", "../project/data"])
def test_data_dir_outside_the_project_is_refused(where, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    (tmp_path / "x").mkdir()
    (project / "conf.py").write_text(CONF + f"hdnd_data_dir = {where!r}\n", encoding="utf-8")
    (project / "index.rst").write_text("T\n=\n\n.. hdnd-outline::\n", encoding="utf-8")
    build = sphinx_build(project, "text", confoverrides={"hdnd_briefings": False})
    assert "hdnd_data_dir" in build.warnings and "[hdnd.config]" in build.warnings
    assert f"{project / 'conf.py'}" in build.warnings
    # it fell back to the project's own data folder
    assert "Kỳ họp thứ Năm" in (build.outdir / "index.txt").read_text(encoding="utf-8")


def test_directive_options_cannot_reach_outside(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    (project / "conf.py").write_text(CONF + "hdnd_briefings = False\n", encoding="utf-8")
    page = "T\n=\n\n"
    for directive, option in [("hdnd-area", ":area: ../../../etc/passwd"),
                              ("hdnd-briefing", ":area: ../../x\n   :audience: /etc/passwd"),
                              ("hdnd-indicators", ":area: ../etc"),
                              ("hdnd-petitions", ":area: /etc/passwd"),
                              ("hdnd-chart", ":kind: plan\n   :area: ../../../tmp/x\n"
                                             "   :title: ../../../../tmp/hdnd-escape")]:
        page += f".. {directive}::\n   {option}\n\n"
    (project / "index.rst").write_text(page, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    build = sphinx_build(project, "html")
    assert "Traceback" not in build.warnings + build.status
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not Path("/tmp/hdnd-escape").exists()
    assert "root:x:0:0" not in (build.outdir / "index.html").read_text(encoding="utf-8")
    assert build.warnings.count("[hdnd.") >= 4, build.warnings
