"""The corpus of bad input: every kind of slip a council office makes, each with its located error.

Each folder ``tests/corpus/<case>/`` holds one ``case.yaml``: how to turn a copy
of ``tests/data/minimal/data`` into the bad input, and the exact problems that
``hdnd validate --format json`` must list (code, file, row or line, column).
Binary and big files (XLSX, UTF-16, 50 MB) are made here at test time from
the manifest, never committed. Manifest keys, applied in this order:

``edit``
    ``[{file, old, new}]``: replace one exact, unique piece of text (UTF-8).
``write``
    ``[{file, content}]``: write a whole text file (UTF-8).
``recode``
    ``[{file, encoding, prefix_hex?, lines?}]``: re-encode a data file (all of
    it, or only the given 1-based lines), optionally after some raw bytes
    (``prefix_hex: efbbbf`` for a BOM); ``utf-8-nfd`` writes UTF-8 with combining tones.
``generate``
    ``[{file, generator, args}]``: a file made by a generator of
    :data:`GENERATORS` (XLSX workbooks, big files, raw bytes).
``delete``
    ``[file]``: remove data files (a table moved to XLSX).
``expect``
    ``{exit, problems: [{code, file, row?, line?, column?, sheet?}]}``.
``sphinx``
    ``false`` to leave the case out of the Sphinx part (with ``why``).

Every case also builds a tiny Sphinx project (conf.py + ``hdnd-outline``) on
the same data with ``-W``: each expected problem of warning or error severity
is a warning naming ``file:line`` and the type ``hdnd.<subtype>``, and the
build fails; a case that expects no such problem builds cleanly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import openpyxl.styles
import pytest
import yaml
from conftest import MINIMAL, run_cli
from hdnd_sphinx import sphinx_build, tiny_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_hdnd.model import CATALOGUE, Severity, load_dataset
from sphinx_hdnd.model.numbers import style_of

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.yaml").is_file())
PROBLEM_KEYS = ("code", "file", "row", "line", "column", "sheet")


def manifest(case: str) -> dict[str, Any]:
    return yaml.safe_load((CORPUS / case / "case.yaml").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ generators


def _minimal_rows(data: Path, name: str) -> list[list[Any]]:
    with (data / name).open(encoding="utf-8", newline="") as f:
        return [list(r) for r in csv.reader(f)]


def _cell_ref(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert m, ref
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def gen_xlsx(data: Path, target: Path, args: dict[str, Any]) -> None:
    """A workbook from a table of the data folder (``from``) or from ``rows``.

    ``sheet`` names the data sheet; ``before`` adds sheets in front
    (``{title: {rows, hidden}}``); ``title_row`` puts a merged title above the
    header; ``merge`` merges ranges after writing; ``cells`` sets single cells
    (a text starting with ``=`` is a formula without a cached value, the way
    openpyxl and many export tools write them; a number stays a number;
    ``__date__`` is a date cell); ``formats`` sets number formats, ``hidden_rows`` hides
    rows, ``styled_empty_columns`` leaves formatted empty columns after the table,
    ``copy_as`` copies the sheet as Excel does ("petitions (2)").
    """
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, spec in (args.get("before") or {}).items():
        ws = book.create_sheet(title)
        for row in spec.get("rows", []):
            ws.append(row)
        if spec.get("hidden"):
            ws.sheet_state = "hidden"
    ws = book.create_sheet(args.get("sheet", "Sheet1"))
    rows = args.get("rows") or _minimal_rows(data, args["from"])
    if args.get("title_row"):
        ws.append([args["title_row"]])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        ws.append(row)
    for ref, value in (args.get("cells") or {}).items():
        r, c = _cell_ref(ref)
        if value == "__date__":  # what Excel makes of "8.7" typed in a date-formatted cell
            ws.cell(row=r, column=c, value=dt.datetime(2024, 7, 8)).number_format = "dd/mm"
        else:
            ws.cell(row=r, column=c, value=value)
    for rng in args.get("merge") or []:
        ws.merge_cells(rng)
    for ref, fmt in (args.get("formats") or {}).items():
        ws[ref].number_format = fmt
    for row in args.get("hidden_rows") or []:
        ws.row_dimensions[row].hidden = True
    for i in range(int(args.get("styled_empty_columns", 0))):
        # Excel keeps a column that was formatted and emptied: styled cells, no value
        for r in range(1, ws.max_row + 1):
            ws.cell(row=r, column=len(rows[0]) + 1 + i).fill = openpyxl.styles.PatternFill(
                "solid", fgColor="FFFF00")
    if args.get("copy_as"):
        book.copy_worksheet(ws).title = args["copy_as"]
    if args.get("hidden"):
        ws.sheet_state = "hidden"
    book.save(target)


def gen_big_csv(data: Path, target: Path, args: dict[str, Any]) -> None:
    """``rows`` indicator rows; ``bad`` puts one wrong cell at a row; ``min_bytes`` pads."""
    header = ("code,name,topic,unit,period,area,value,estimate,plan,plan_label,previous,growth,"
              "ratio,plan_pct,higher_is_better,share_group,source\n")
    out = io.StringIO()
    out.write(header)
    bad = args.get("bad") or {}
    filler = "x" * int(args.get("name_len", 0))
    minimal = (data / "indicators.csv").read_text(encoding="utf-8")
    first = minimal.count("\n") + 1 if args.get("keep_minimal") else 2
    for i in range(args["rows"]):
        row = first + i
        value = bad["value"] if bad.get("row") == row else f"{i % 1000},{i % 100:02d}"
        out.write(f"ct_{i:06d},Chỉ tiêu số {i}{filler},kinh-te,tấn,6 tháng đầu năm 2024,,"
                  f"\"{value}\",,,,,,,,x,,dc_mau\n")
    text = out.getvalue()
    if args.get("keep_minimal"):
        text = minimal + text.split("\n", 1)[1]
    target.write_bytes(text.encode("utf-8"))


def gen_big_yaml(data: Path, target: Path, args: dict[str, Any]) -> None:
    """A narrative.yaml with ``items`` highlights (each a few nodes)."""
    lines = ["highlights:"]
    for i in range(args["items"]):
        lines += [f"  - code: muc_{i}", f"    text: Nội dung {i}.", "    source: dc_mau"]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def gen_bytes(data: Path, target: Path, args: dict[str, Any]) -> None:
    """Raw bytes: ``hex`` repeated ``repeat`` times, then ``then_hex``."""
    raw = bytes.fromhex(args["hex"]) * int(args.get("repeat", 1))
    raw += bytes.fromhex(args.get("then_hex", ""))
    target.write_bytes(raw)


def gen_repeat(data: Path, target: Path, args: dict[str, Any]) -> None:
    """UTF-8 text: ``head``, then ``body`` repeated ``times`` times, then ``tail``."""
    text = args.get("head", "") + args["body"] * int(args["times"]) + args.get("tail", "")
    target.write_bytes(text.encode("utf-8"))


def gen_pdf(data: Path, target: Path, args: dict[str, Any]) -> None:
    """A (tiny, valid-looking) PDF, as when a report is saved under a table's name."""
    target.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                       b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")


def gen_symlink(data: Path, target: Path, args: dict[str, Any]) -> None:
    """``target`` becomes a link to a copy of itself at ``to`` (relative to the data
    folder: ``../../outside/x.csv`` leaves the project, ``sub/x.csv`` stays inside)."""
    real = (data / args["to"]).resolve()
    real.parent.mkdir(parents=True, exist_ok=True)
    real.write_bytes(target.read_bytes())
    target.unlink()
    target.symlink_to(real)


GENERATORS: dict[str, Callable[[Path, Path, dict[str, Any]], None]] = {
    "xlsx": gen_xlsx,
    "big_csv": gen_big_csv,
    "big_yaml": gen_big_yaml,
    "bytes": gen_bytes,
    "repeat": gen_repeat,
    "pdf": gen_pdf,
    "symlink": gen_symlink,
}


# ------------------------------------------------------------------ applying a case


def apply_case(case: dict[str, Any], data: Path) -> None:
    for e in case.get("edit") or []:
        path = data / e["file"]
        text = path.read_text(encoding="utf-8")
        assert text.count(e["old"]) == 1, f"{e['old']!r} must occur once in {e['file']}"
        path.write_text(text.replace(e["old"], e["new"]), encoding="utf-8")
    for w in case.get("write") or []:
        (data / w["file"]).write_bytes(w["content"].encode("utf-8"))
    for r in case.get("recode") or []:
        path = data / r["file"]
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        which = set(r.get("lines") or range(1, len(lines) + 1))
        raw = b"".join(_encode(line, r["encoding"]) if i in which else line.encode("utf-8")
                       for i, line in enumerate(lines, 1))
        path.write_bytes(bytes.fromhex(r.get("prefix_hex", "")) + raw)
    for g in case.get("generate") or []:
        GENERATORS[g["generator"]](data, data / g["file"], g.get("args") or {})
    for name in case.get("delete") or []:
        (data / name).unlink()


def _encode(text: str, encoding: str) -> bytes:
    """Legacy Vietnamese code pages store tones as combining marks (NFD), as Windows does."""
    if encoding.startswith("cp"):
        return unicodedata.normalize("NFD", text).encode(encoding, errors="replace")
    if encoding == "utf-8-nfd":  # combining tones, as some Mac and Word exports write
        return unicodedata.normalize("NFD", text).encode("utf-8")
    return text.encode(encoding)


def make_case(name: str, root: Path) -> tuple[dict[str, Any], Path]:
    """A tiny project in ``root`` whose data folder is the minimal data with the case applied."""
    case = manifest(name)
    project = tiny_project(root, MINIMAL / "data")
    apply_case(case, project / "data")
    return case, project


def _key(p: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(p.get(k) for k in PROBLEM_KEYS)


# ------------------------------------------------------------------ the corpus itself


def test_corpus_is_large_and_well_formed():
    assert len(CASES) >= 50, len(CASES)
    for name in CASES:
        case = manifest(name)
        assert case.get("description"), name
        assert set(case) <= {"description", "edit", "write", "recode", "generate", "delete",
                             "expect", "sphinx", "why"}, name
        expect = case["expect"]
        assert expect["exit"] in (0, 1), name
        for p in expect["problems"]:
            assert p["code"] in CATALOGUE, (name, p)
            assert set(p) <= set(PROBLEM_KEYS), (name, p)
            assert p["file"].startswith("data/"), (name, p)


def test_corpus_covers_every_file_problem_code():
    """Every code of the files-and-formats family is produced by some case."""
    seen = {p["code"] for name in CASES for p in manifest(name)["expect"]["problems"]}
    assert {"HD100", "HD101", "HD102", "HD103", "HD104", "HD105", "HD106", "HD107", "HD110",
            "HD111", "HD112", "HD113", "HD114", "HD115", "HD120", "HD121", "HD122",
            "HD130"} <= seen


@pytest.mark.parametrize("name", CASES)
def test_validate_reports_exactly(name, tmp_path):
    case, project = make_case(name, tmp_path / "p")
    started = time.monotonic()
    result = run_cli("validate", str(project), "--format", "json")
    elapsed = time.monotonic() - started
    assert "Traceback" not in result.output, result.output
    assert result.json is not None, result.output
    expect = case["expect"]
    got = Counter(_key(p) for p in result.problems)
    want = Counter(_key({**p}) for p in expect["problems"])
    assert got == want, (
        f"{name}: {case['description']}\n  expected {sorted(want, key=str)}\n"
        f"  got      {sorted(got, key=str)}\n" + result.output)
    assert result.exit_code == expect["exit"], result.output
    for p in result.problems:
        assert p["message"].strip() and p["title"].strip()
        assert p["severity"] == CATALOGUE[p["code"]].severity.value
    assert elapsed < 30, f"{name}: validate took {elapsed:.1f}s"


SPHINX_CASES = [n for n in CASES if manifest(n).get("sphinx", True)]


@pytest.mark.parametrize("name", SPHINX_CASES)
def test_sphinx_build_warns_with_location(name, tmp_path):
    case, project = make_case(name, tmp_path / "p")
    build = sphinx_build(project, "text", warningiserror=True)
    assert "Traceback" not in build.warnings + build.status
    assert "Exception occurred" not in build.warnings + build.status
    data = project / "data"
    shown = [p for p in case["expect"]["problems"]
             if CATALOGUE[p["code"]].severity is not Severity.INFO]
    for p in shown:
        path = data / Path(p["file"]).relative_to("data")
        lineno = p.get("row") or p.get("line")
        where = f"{path}:{lineno}:" if lineno else f"{path}:"
        kind = CATALOGUE[p["code"]]
        hits = [w for w in build.warning_lines()
                if w.startswith(where) and f"[{p['code']}]" in w
                and w.rstrip().endswith(f"[hdnd.{kind.subtype}]")]
        assert hits, f"{name}: no warning at {where} for {p['code']}:\n{build.warnings}"
        if p.get("column"):
            # a table's column, a YAML file's field (trường)
            word = "trường" if p.get("row") is None and p.get("line") is not None else "cột"
            assert any(f"({word} {p['column']})" in w for w in hits), build.warnings
    if shown:
        assert build.statuscode != 0, f"{name}: -W did not fail the build"
    else:
        assert build.statuscode == 0, build.warnings
        assert not [w for w in build.warning_lines() if "[hdnd." in w], build.warnings


# ------------------------------------------------------------------ properties

DATA_FILES = sorted(p.name for p in (MINIMAL / "data").iterdir())


def _fresh(factory: pytest.TempPathFactory) -> Path:
    root = factory.mktemp("prop") / "data"
    shutil.copytree(MINIMAL / "data", root)
    return root


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=400), name=st.sampled_from([*DATA_FILES, "areas.xlsx",
                                                          "hdnd.xlsx", "topics.yaml"]),
       prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b"code,"]))
def test_random_bytes_as_any_data_file_never_traceback(tmp_path_factory, raw, name, prefix):
    """Random bytes as each kind of data file: a located problem at most, never a traceback."""
    data = _fresh(tmp_path_factory)
    (data / name).write_bytes(prefix + raw)
    result = run_cli("validate", str(data), "--format", "json")
    assert "Traceback" not in result.output, result.output
    assert result.exit_code in (0, 1) and result.json is not None, result.output
    for p in result.problems:
        assert p["file"] and p["message"]


# a number as a council office may write it: the exact value and one way of writing it
def _vi(d: Decimal, grouped: bool) -> str:
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", ".")
    return ("-" if d.is_signed() else "") + whole + ("," + frac if frac else "")


def _plain(d: Decimal, grouped: bool) -> str:
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    if grouped:
        whole = f"{int(whole):,}"
    return ("-" if d.is_signed() else "") + whole + ("." + frac if frac else "")


def _cell_in(style: str) -> st.SearchStrategy[tuple[str, Any, str]]:
    """(kind, meant value, written text) for one cell of a table written in ``style``."""
    exact = st.decimals(min_value=-10**7, max_value=10**7, places=3, allow_nan=False,
                        allow_infinity=False)
    fmt = _vi if style == "vi" else _plain
    return st.one_of(
        st.builds(lambda d, g: ("number", d, fmt(d, g)), exact, st.booleans()),
        st.builds(lambda n: ("number", Decimal(n), str(n)), st.integers(-10**9, 10**9)),
        st.builds(lambda t: ("junk", None, t),
                  st.text(alphabet="0123456789.,- %eEkhoảngtỷ", min_size=1, max_size=8)),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), style=st.sampled_from(["vi", "plain"]), declare=st.booleans())
def test_random_number_tables_never_silently_wrong(tmp_path_factory, data, style, declare):
    """Each number cell reads as exactly the value written in the table's style, or is reported.

    A table of indicators whose ``value`` column holds numbers written in one
    style (grouped or not, some ambiguous such as ``1.500``), integers and
    junk; the style may be declared in province.yaml. Whatever loads must
    equal what the writer meant; anything else is a located problem.
    """
    cells = data.draw(st.lists(_cell_in(style), min_size=1, max_size=6))
    root = _fresh(tmp_path_factory)
    if declare:
        with (root / "province.yaml").open("a", encoding="utf-8") as f:
            f.write(f"number_styles:\n  indicators.csv: {style}\n")
    rows = ["code,name,topic,unit,period,value,source"]
    for i, (_kind, _value, text) in enumerate(cells):
        rows.append(f'ct_{i},Chỉ tiêu {i},kinh-te,tấn,2024,"{text}",dc_mau')
    (root / "indicators.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    # the narrative and ranks cite indicators of the minimal data: keep them out of the way
    (root / "narrative.yaml").unlink()
    (root / "rankings.csv").unlink()
    ds = load_dataset(root)
    located = {p.origin.row for p in ds.problems.items
               if p.origin.file == "data/indicators.csv" and p.origin.column == "value"}
    for i, (kind, value, text) in enumerate(cells):
        ind = ds.indicators.get(f"ct_{i}")
        if ind is None or ind.value is None:
            assert (i + 2) in located or not text.strip(), (text, ds.problems.items)
            continue
        if kind == "number":
            # junk written in the other style ("0.0" in a vi table) is evidence of that
            # style: an ambiguous number ("1,000") may then be read in it, as the file says
            other = "plain" if style == "vi" else "vi"
            misled = not declare and style_of(text) is None and any(
                k == "junk" and (p := style_of(t)) is not None and p.value == other
                for k, _, t in cells)
            if misled and ind.value != value:
                assert ind.value == _junk_value(text, other), (text, ind.value, cells)
                continue
            assert ind.value == value, (
                f"{text!r} ({style}, declared={declare}) read as {ind.value}, meant {value}")
        else:  # junk that happens to be a number: one of its readings, and never a guess
            readings = set()
            for reading in ("vi", "plain"):
                try:
                    readings.add(_junk_value(text, reading))
                except ValueError:
                    pass
            assert ind.value in readings, (text, ind.value)
            if len(readings) > 1:  # 1.500: only a declared or proven style may decide
                proven = declare or any(style_of(t) is not None for _, _, t in cells)
                assert proven, (text, ind.value, cells)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vi=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False,
                      allow_infinity=False).filter(lambda d: d != d.to_integral_value()),
       plain=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False,
                         allow_infinity=False).filter(lambda d: d != d.to_integral_value()),
       ambiguous=st.integers(1, 999))
def test_mixed_styles_are_always_reported(tmp_path_factory, vi, plain, ambiguous):
    """Unambiguous values of both styles in one table: HD122, and ``1.500`` is never guessed."""
    root = _fresh(tmp_path_factory)
    rows = ["code,name,topic,unit,period,value,source",
            f'ct_0,A,kinh-te,tấn,2024,"{_vi(vi, False)}",dc_mau',
            f'ct_1,B,kinh-te,tấn,2024,"{_plain(plain, False)}",dc_mau',
            f'ct_2,C,kinh-te,tấn,2024,"{ambiguous}.500",dc_mau']
    (root / "indicators.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (root / "narrative.yaml").unlink()
    (root / "rankings.csv").unlink()
    ds = load_dataset(root)
    codes = {(p.code, p.origin.row) for p in ds.problems.items}
    assert ("HD122", 3) in codes, codes
    assert ds.indicators.get("ct_2") is None or ds.indicators["ct_2"].value is None
    assert ("HD121", 4) in codes or ("HD122", 4) in codes, codes


def _junk_value(text: str, style: str) -> Decimal:
    from sphinx_hdnd.model.numbers import NumberError, NumberStyle, parse_number

    try:
        return parse_number(text, NumberStyle(style))
    except NumberError as exc:
        raise ValueError(str(exc)) from None
