"""``hdnd init``: refuses to overwrite, builds at once, and its workbook matches the schema."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from sphinx_hdnd.cli import main
from sphinx_hdnd.model import load_dataset
from sphinx_hdnd.model.records import Record, Sourced
from sphinx_hdnd.scaffold import GUIDE_SHEET, LISTS_SHEET, Options, slugify, split_province
from sphinx_hdnd.schema import (
    FILES,
    FREE_CODES,
    RECORD_TITLES,
    TABLES,
    WORKBOOK,
    Kind,
    fields_of,
    nested_records,
)


def init(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["init", *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module", params=["districts", "communes"])
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(request.param) / "du-an"
    code, out = init(str(folder), "--province", "Lai Châu", "--term", "XVI",
                     "--areas", request.param)
    assert code == 0, out
    return folder


# ------------------------------------------------------------------ refusing, forcing


def test_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    code, out = init(str(tmp_path))
    assert code == 2
    assert "không trống" in out and "--force" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ghi-chu.txt"]


def test_refuses_a_file(tmp_path: Path) -> None:
    target = tmp_path / "tep"
    target.write_text("x", encoding="utf-8")
    code, _out = init(str(target))
    assert code == 2
    assert target.read_text(encoding="utf-8") == "x"


def test_an_empty_folder_is_fine(tmp_path: Path) -> None:
    code, out = init(str(tmp_path))
    assert code == 0, out
    assert (tmp_path / "conf.py").is_file()


def test_force_writes_and_keeps_other_files(tmp_path: Path) -> None:
    (tmp_path / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    (tmp_path / "index.md").write_text("cũ", encoding="utf-8")
    code, out = init(str(tmp_path), "--force")
    assert code == 0, out
    assert (tmp_path / "ghi-chu.txt").read_text(encoding="utf-8") == "của tôi"
    assert "hdnd-outline" in (tmp_path / "index.md").read_text(encoding="utf-8")
    assert (tmp_path / "data" / WORKBOOK).is_file()


def test_names() -> None:
    assert slugify("Điện Biên Phủ") == "dien-bien-phu"
    assert slugify("Bà Rịa - Vũng Tàu") == "ba-ria-vung-tau"
    assert split_province("Tỉnh Lai Châu") == ("tỉnh", "Lai Châu")
    assert split_province("thành phố Huế") == ("thành phố", "Huế")
    assert Options(province="Lai Châu").code == "lai-chau"


# ------------------------------------------------------------------ the project builds at once


def test_project_files(project: Path) -> None:
    for rel in ("conf.py", "index.md", ".gitignore", "data/province.yaml", "data/session.yaml",
                "data/audiences.yaml", "data/narrative.yaml", f"data/{WORKBOOK}"):
        assert (project / rel).is_file(), rel
    ignore = (project / ".gitignore").read_text(encoding="utf-8").split()
    assert "_build/" in ignore and "tiep-xuc/" in ignore
    conf = (project / "conf.py").read_text(encoding="utf-8")
    for word in ("furo", "myst_parser", "sphinx_design", "sphinx_hdnd", 'language = "vi"'):
        assert word in conf
    assert "tiep-xuc/index" in (project / "index.md").read_text(encoding="utf-8")
    assert "Lai Châu" in (project / "data" / "province.yaml").read_text(encoding="utf-8")


def test_validates_clean(project: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(project), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"errors": 0' in result.output and '"warnings": 0' in result.output


def test_tables_are_read_from_the_workbook(project: Path) -> None:
    ds = load_dataset(project / "data")
    for spec in TABLES:
        assert ds.files[spec.name].name == WORKBOOK, spec.name


def test_every_sample_record_is_illustrative(project: Path) -> None:
    ds = load_dataset(project / "data")
    assert ds.sources and all(s.illustrative for s in ds.sources.values())
    records: list[Sourced] = [*ds.indicators.values(), *ds.rankings.values(), *ds.budget,
                              *ds.resolutions, *ds.petitions, *ds.narrative.all_items(),
                              *ds.narrative.tasks]
    assert ds.session is not None
    records.append(ds.session)
    records += [p for p in (ds.session.front, ds.session.debate, ds.session.questioning) if p]
    assert records
    for rec in records:
        assert rec.illustrative, rec.origin


def test_sphinx_build_is_clean(project: Path) -> None:
    out = project / "_build" / "html"
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(project), str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert (out / "index.html").is_file()
    ds = load_dataset(project / "data")
    current = [a for a in ds.areas.values() if a.valid_to is None]
    for area in current:
        for aud in ds.audiences:
            assert (out / "tiep-xuc" / area.code / f"{aud}.html").is_file()


def test_communes_layout(tmp_path: Path) -> None:
    code, out = init(str(tmp_path / "p"), "--areas", "communes")
    assert code == 0, out
    ds = load_dataset(tmp_path / "p" / "data")
    levels = {a.level for a in ds.areas.values()}
    assert {"đơn vị bầu cử", "xã", "phường"} <= levels
    communes = [a for a in ds.areas.values() if a.level in ("xã", "phường")]
    assert all(ds.areas[a.parent].level == "đơn vị bầu cử" for a in communes if a.parent)
    old = [a for a in ds.areas.values() if a.valid_to is not None]
    assert old and all(a.successors for a in old)


# ------------------------------------------------------------------ the workbook


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    folder = tmp_path_factory.mktemp("wb") / "p"
    assert init(str(folder))[0] == 0
    return openpyxl.load_workbook(folder / "data" / WORKBOOK)


def _validations(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, object]:
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            out[rng.coord.split(":")[0].rstrip("0123456789")] = dv
    return out


def test_one_sheet_per_table_and_helpers(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames[0] == GUIDE_SHEET
    assert [s for s in workbook.sheetnames if s not in (GUIDE_SHEET, LISTS_SHEET)] == [
        t.name for t in TABLES]
    assert [t.name for t in TABLES] == ["areas", "sources", "indicators", "rankings", "budget",
                                        "resolutions", "petitions", "petition_history",
                                        "meetings", "editorial"]


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_headers_notes_and_dropdowns(workbook: openpyxl.Workbook, spec) -> None:  # type: ignore[no-untyped-def]
    ws = workbook[spec.name]
    fields = fields_of(spec.record)
    assert [c.value for c in ws[1]] == [f.name for f in fields]
    validations = _validations(ws)
    for cell, f in zip(ws[1], fields, strict=True):
        assert cell.comment is not None, f.name
        note = cell.comment.text
        assert f.description in note, f.name
        if f.example:
            assert f"Ví dụ: {f.example}" in note
        for choice in f.choices:
            assert choice in note
        needs_list = bool(f.choices) or f.kind is Kind.FLAG or f.refers_to in (
            "areas", "sources", "indicators", "topics", "audiences", "sessions")
        if needs_list:
            dv = validations.get(cell.column_letter)
            assert dv is not None, f"{spec.name}.{f.name} has no drop-down"
            assert dv.type == "list"
            assert f"{cell.column_letter}2:" in str(dv.sqref)


def test_dropdowns_point_at_real_lists(workbook: openpyxl.Workbook) -> None:
    lists = workbook[LISTS_SHEET]
    headers = {c.value: c.column_letter for c in lists[1]}
    assert {"topics", "audiences", "sessions", "flags"} <= set(headers)
    topics = [c.value for c in lists[headers["topics"]][1:] if c.value]
    assert "kinh-te" in topics and "giam-ngheo" in topics
    for spec in TABLES:
        for dv in workbook[spec.name].data_validations.dataValidation:
            formula = dv.formula1
            if formula.startswith('"'):
                continue
            sheet, rng = formula.split("!")
            sheet = sheet.strip("'")
            assert sheet in workbook.sheetnames, formula
            column = rng.split(":")[0].strip("$").rstrip("0123456789").strip("$")
            header = workbook[sheet][f"{column}1"].value
            assert header == "code" or sheet == LISTS_SHEET, formula


# ------------------------------------------------------------------ the schema covers the model


def _record_classes() -> set[type[Record]]:
    out: set[type[Record]] = set()
    todo = [Record]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            out.add(sub)
            todo.append(sub)
    return out


def test_every_file_record_is_in_the_schema() -> None:
    tables = {c.table for c in _record_classes() if c.table}
    assert tables == {f.name for f in FILES}


def test_every_nested_record_has_a_title() -> None:
    for spec in FILES:
        for path, rec in nested_records(spec.record):
            assert rec in RECORD_TITLES, f"{spec.name}.{path}"


def test_every_code_field_says_what_it_refers_to() -> None:
    for spec in FILES:
        records = [spec.record, *(r for _, r in nested_records(spec.record))]
        for rec in records:
            for f in fields_of(rec):
                if f.kind in (Kind.CODE, Kind.CODES) and f.name not in FREE_CODES:
                    assert f.refers_to, f"{rec.__name__}.{f.name}: add to schema.REFERENCES"


# ------------------------------------------------------------------ issue 19: wording, lists


def test_communes_label_and_copyright_year(tmp_path: Path) -> None:
    """The communes' level label is what ranks and charts count ("thứ 3 trong 45 xã, phường",
    never "… đơn vị bầu cử, xã, phường"); the copyright is the year the project is made."""
    import datetime as dt
    import runpy

    code, out = init(str(tmp_path / "p"), "--areas", "communes", "--province", "Lam Sơn")
    assert code == 0, out
    ds = load_dataset(tmp_path / "p" / "data")
    ranked_levels = {a.level for a in ds.areas.values() if a.parent}  # communes and wards
    assert ds.province.area_level_label == ", ".join(sorted(ranked_levels, reverse=True))
    assert "đơn vị bầu cử" not in ds.province.area_level_label
    conf = runpy.run_path(str(tmp_path / "p" / "conf.py"))
    assert conf["copyright"].startswith(f"{dt.date.today().year}, ")


def _sheet_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with path.open("rb") as fh:  # a backup "hdnd.xlsx.….bak" is read by content
        book = openpyxl.load_workbook(fh)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


def test_update_lists_rewrites_the_lists_sheet_only(tmp_path: Path) -> None:
    """A new audience and a past session reach the drop-downs; no data sheet changes."""
    folder = tmp_path / "p"
    assert init(str(folder), "--areas", "communes")[0] == 0
    data = folder / "data"
    with (data / "audiences.yaml").open("a", encoding="utf-8") as fh:
        fh.write("- code: thanh-nien\n  name: Cử tri là đoàn viên thanh niên\n")
    session = (data / "session.yaml").read_text("utf-8")
    session = session.replace("past_sessions:\n", "past_sessions:\n  - code: cu-k20\n"
                              "    number: 20\n    ordinal: Hai mươi\n"
                              "    council: HĐND tỉnh Cũ\n", 1)
    (data / "session.yaml").write_text(session, encoding="utf-8")
    book = data / WORKBOOK
    before = _sheet_values(book)
    from sphinx_hdnd.model.coverage import data_digest

    digest = data_digest(data)
    runner = CliRunner()
    dry = runner.invoke(main, ["update-lists", str(folder)])
    assert dry.exit_code == 0, dry.output
    assert "thanh-nien" in dry.output and "cu-k20" in dry.output and "--write" in dry.output
    assert _sheet_values(book) == before  # nothing written without --write
    done = runner.invoke(main, ["update-lists", str(folder), "--write"])
    assert done.exit_code == 0, done.output
    backups = list(data.glob(f"{WORKBOOK}.*.bak"))
    assert len(backups) == 1 and _sheet_values(backups[0]) == before
    shutil.copy2(backups[0], book)  # the backup is not data: only the workbook counts
    assert data_digest(data) == digest
    assert runner.invoke(main, ["update-lists", str(folder), "--write"]).exit_code == 0
    after = _sheet_values(book)
    assert {k: v for k, v in after.items() if k != LISTS_SHEET} == {
        k: v for k, v in before.items() if k != LISTS_SHEET}
    columns = dict(zip(after[LISTS_SHEET][0], zip(*after[LISTS_SHEET][1:], strict=True),
                       strict=True))
    ds = load_dataset(data)
    assert [v for v in columns["audiences"] if v] == list(ds.audiences)
    assert [v for v in columns["sessions"] if v] == [
        ds.session.code, *(p.code for p in ds.session.past_sessions)]
    # the drop-down of the petitions' audience column offers the new code
    wb = openpyxl.load_workbook(book)
    dv = _validations(wb["petitions"])
    header = [c.value for c in wb["petitions"][1]]
    column = openpyxl.utils.get_column_letter(header.index("audience") + 1)
    sheet, rng = dv[column].formula1.split("!")
    cells = [c.value for row in wb[sheet.strip("'")][rng.replace("$", "")] for c in row]
    assert "thanh-nien" in cells
    again = runner.invoke(main, ["update-lists", str(folder)])
    assert "đã khớp" in again.output
    assert not (load_dataset(data).problems.errors)
