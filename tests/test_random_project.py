"""Random text and numbers in every field of a small project, built as a user builds it.

Each example gives every free-text field of every record (found from the record
schemas, as the injection test does) one random text, drawn from all of Unicode
with the characters that broke later stages mixed in (``$`` and ``\\`` that
matplotlib reads as TeX, ``=``, ``+``, ``-``, ``@`` that spreadsheets read as
formulas, tabs, carriage returns, other control characters), and every number of
the indicators and the budget a random value of any magnitude written in the
Vietnamese style, some past what a figure can be. The site is built to HTML with
the briefing pages, their charts and their downloads. Then:

* no traceback, and the build ends (problems are located warnings);
* no download carries a formula: no XLSX cell is one, no CSV text cell starts
  as one;
* every figure on every page follows the display rule: a stated figure has at
  most the decimals it was written with (three here), a computed one two; no
  float noise, no scientific notation.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import yaml
from bs4 import BeautifulSoup
from hdnd_sphinx import sphinx_build
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_corpus import _vi
from test_injection import MINIMAL, PAGES, YAML_LISTS, YAML_RECORDS, inject_record, inject_table, write_site

from sphinx_hdnd.downloads import FORMULA_START
from sphinx_hdnd.model import fields as F
from sphinx_hdnd.model.records import TABLE_RECORDS, BudgetLine, Indicator

#: characters that broke a later stage once, mixed into the random text
SPECIAL = "$\\=+-@\t\r\x07\x1b{}`*_|<>&\"'"
#: digits are left out of the text so that every number on a page is a figure
TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIAL),
                       st.characters(exclude_categories=("Cs", "Nd", "Co", "Cn"),
                                     exclude_characters="\x00;")),
    min_size=1, max_size=24).filter(lambda t: t.strip())
NUMBER = st.one_of(
    st.decimals(min_value=-10**16, max_value=10**16, places=3, allow_nan=False,
                allow_infinity=False),
    st.decimals(min_value=Decimal("-0.999"), max_value=Decimal("0.999"), places=3,
                allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal(0), Decimal("999999999999999.999"), Decimal("0.001"),
                     Decimal(10**15), Decimal(-1)]),
)
PAGES_WITH_CHARTS = {
    **PAGES,
    "figures.rst": PAGES["figures.rst"] + "\n.. hdnd-chart::\n   :kind: plan\n\n"
                   ".. hdnd-chart::\n   :kind: trend\n\n.. hdnd-chart::\n   :kind: areas\n",
}
#: a figure in the Vietnamese style with its decimals: "1.234,5678"
DECIMALS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})*,(\d+)(?![\d,])")
SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")


def _numbers_into(path: Path, model: type, values: list[Decimal]) -> None:
    numeric = [n for n, info in model.model_fields.items() if F.converter(info) is F._to_decimal]
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    pick = iter(values * (len(body) * len(numeric) // max(len(values), 1) + 1))
    for row in body:
        for name in numeric:
            if name in header and row[header.index(name)]:
                row[header.index(name)] = _vi(next(pick), grouped=True)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows([header, *body])
    path.write_text(buf.getvalue(), encoding="utf-8")


def make_random(root: Path, texts: list[str], numbers: list[Decimal]) -> Path:
    project = root / "project"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(MINIMAL, project)
    data = project / "data"
    for name, model in TABLE_RECORDS.items():
        if (data / f"{name}.csv").is_file():
            inject_table(data / f"{name}.csv", model, _Ignore(), texts)
    for name, model in YAML_RECORDS.items():
        doc = yaml.safe_load((data / f"{name}.yaml").read_text(encoding="utf-8"))
        inject_record(doc, model, _Ignore(), texts)
        (data / f"{name}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    for name, model in YAML_LISTS.items():
        path = data / f"{name}.yaml"
        if path.is_file():
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            for item in doc:
                inject_record(item, model, _Ignore(), texts)
            path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    _numbers_into(data / "indicators.csv", Indicator, numbers)
    _numbers_into(data / "budget.csv", BudgetLine, numbers)
    write_site(project)
    for name, text in PAGES_WITH_CHARTS.items():
        (project / name).write_text(text, encoding="utf-8")
    return project


class _Ignore:
    def mark(self, *_: object) -> None:
        pass


def _assert_no_formula(outdir: Path) -> int:
    seen = 0
    for path in outdir.rglob("*.xlsx"):
        seen += 1
        with zipfile.ZipFile(path) as z:
            sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
            assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in sheets), path
        book = openpyxl.load_workbook(path)
        for ws in book.worksheets:
            for row in ws.iter_rows():
                assert all(c.data_type != "f" for c in row), path
    for path in outdir.rglob("*.csv"):
        seen += 1
        text = path.read_text(encoding="utf-8-sig")
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                if cell.startswith(FORMULA_START):
                    assert re.fullmatch(r"[+-]?\d+(\.\d+)?", cell), (path, cell)
    return seen


def _assert_display_rule(outdir: Path) -> None:
    for page in outdir.rglob("*.html"):
        if page.parent.name in {"_static", "_sources"}:
            continue
        text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ")
        text = unicodedata.normalize("NFC", text)
        for m in DECIMALS.finditer(text):
            assert len(m.group(1)) <= 3, (page.name, m.group(0))
        assert not SCIENTIFIC.search(text), (page.name, SCIENTIFIC.search(text))


# no shrinking: one build takes seconds, shrinking a failure would take many minutes;
# the failing example is printed as drawn
@settings(max_examples=8, deadline=None, derandomize=True, print_blob=True,
          phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=3),
       numbers=st.lists(NUMBER, min_size=3, max_size=12))
def test_random_project_builds_safely(tmp_path_factory, texts, numbers):
    project = make_random(tmp_path_factory.mktemp("random"), texts, numbers)
    build = sphinx_build(project, "html")
    out = build.status + build.warnings
    assert "Traceback" not in out and "Exception occurred" not in out, out[-3000:]
    assert build.statuscode == 0, build.warnings[-3000:]
    assert _assert_no_formula(build.outdir) > 0  # the briefings' downloads were made
    _assert_display_rule(build.outdir)
