"""``hdnd validate`` (every problem of the data) and ``hdnd update-lists`` (the workbook's
drop-down lists)."""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import click

from ..model import Severity, load_dataset
from ..model.coverage import Coverage, check_coverage
from ..model.loader import cyclic_gc_paused
from .paths import data_dir, doctree_dir

SEVERITY_LABELS = {
    Severity.ERROR: ("lỗi", "red"),
    Severity.WARNING: ("cảnh báo", "yellow"),
    Severity.INFO: ("thông tin", "cyan"),
}


@click.command()
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="Định dạng kết quả: text (đọc) hoặc json (cho công cụ khác).")
def validate(project: Path, fmt: str) -> None:
    """Kiểm tra toàn bộ dữ liệu của dự án PROJECT và liệt kê mọi lỗi."""
    if not project.is_dir():
        click.echo(f"Lỗi: không tìm thấy thư mục “{project}”.", err=True)
        sys.exit(2)
    # a one-shot command: what it loads forms no cycles and is dropped at the end, so the
    # cyclic collector stays paused until then (load_dataset pauses it while loading)
    with cyclic_gc_paused():
        exit_code = _report_problems(project, fmt)
    sys.exit(exit_code)


def _report_problems(project: Path, fmt: str) -> int:
    """List the problems of the project's data; the exit code of ``hdnd validate``."""
    ds = load_dataset(data_dir(project))
    coverage = check_coverage(ds, doctree_dir(project))  # HD170, from the last build
    problems = ds.problems.items
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if fmt == "json":
        click.echo(json.dumps({
            "data_dir": str(ds.root),
            "errors": len(errors),
            "warnings": len(ds.problems.warnings),
            "info": len(problems) - len(errors) - len(ds.problems.warnings),
            "coverage": coverage.value,
            "problems": [
                {"code": p.code, "severity": p.severity.value, "file": p.origin.file,
                 "sheet": p.origin.sheet, "row": p.origin.row, "line": p.origin.line,
                 "column": p.origin.column, "message": p.message, "title": p.kind.title,
                 "data": p.data}
                for p in problems
            ],
        }, ensure_ascii=False, indent=2))
    else:
        by_file: dict[str, list] = defaultdict(list)
        for p in problems:
            by_file[p.origin.file].append(p)
        for file in sorted(by_file):
            click.secho(file, bold=True)
            for p in sorted(by_file[file], key=lambda p: (p.origin.lineno or 0, p.code)):
                where = f"dòng {p.origin.lineno}" if p.origin.lineno else "toàn tệp"
                if p.origin.sheet:  # one workbook holds several tables with the same columns
                    where = f"trang tính {p.origin.sheet}, {where}"
                if p.origin.column:
                    where += f", {p.origin.column_word} {p.origin.column}"
                label, colour = SEVERITY_LABELS[p.severity]
                click.echo(f"  {where}: " + click.style(f"{label} {p.code}", fg=colour)
                           + f" {p.message}")
        n_ind = len(ds.indicators)
        # files, not tables: the sheets of hdnd.xlsx are one file for the clerk
        files = len(set(ds.files.values()))
        summary = (f"Đã kiểm tra {files} tệp dữ liệu ({len(ds.areas)} địa bàn, "
                   f"{len(ds.audiences)} đối tượng cử tri, {n_ind} chỉ tiêu, "
                   f"{len(ds.petitions)} kiến nghị): {len(errors)} lỗi, "
                   f"{len(ds.problems.warnings)} cảnh báo, "
                   f"{len(problems) - len(errors) - len(ds.problems.warnings)} thông tin.")
        click.echo(summary)
        if coverage is not Coverage.CHECKED:
            click.echo(COVERAGE_HINTS[coverage])
    return 1 if errors else 0


COVERAGE_HINTS = {
    Coverage.NOT_BUILT: "Chưa xây dựng trang: chạy hdnd build rồi kiểm tra lại để biết số liệu "
                        "nào không hiện trên trang nào.",
    Coverage.STALE: "Dữ liệu đã sửa sau lần xây dựng trang gần nhất: chạy hdnd build rồi kiểm "
                    "tra lại để biết số liệu nào không hiện trên trang nào.",
}


@click.command("update-lists")
@click.argument("project", type=click.Path(exists=True, file_okay=False, path_type=Path),
                default=".")
@click.option("--write", is_flag=True,
              help="Ghi lại trang tính danh-muc của hdnd.xlsx (sao lưu tệp trước khi ghi). "
                   "Không có --write: chỉ in những gì sẽ thay đổi.")
def update_lists(project: Path, write: bool) -> None:
    """Cập nhật danh sách thả xuống của hdnd.xlsx (trang tính danh-muc) theo dữ liệu: lĩnh
    vực, đối tượng cử tri (audiences.yaml), kỳ họp (session.yaml: code, past_sessions).
    Không sửa trang tính số liệu nào."""
    from ..workbook_lists import LIST_NAMES, NoWorkbook, plan_lists, write_lists

    ds = load_dataset(data_dir(project))
    try:
        changes = plan_lists(ds)
    except NoWorkbook as exc:
        click.echo(f"Lỗi: {exc}.", err=True)
        sys.exit(2)
    if not changes:
        click.echo("Danh sách thả xuống của hdnd.xlsx đã khớp với dữ liệu: không có gì để ghi.")
        return
    for ch in changes:
        parts = []
        if ch.added:
            parts.append("thêm " + ", ".join(ch.added))
        if ch.removed:
            parts.append("bỏ " + ", ".join(ch.removed))
        click.echo(f"  {LIST_NAMES.get(ch.name, ch.name)} ({ch.name}): "
                   + ("; ".join(parts) or "tạo cột danh sách"))
    if not write:
        click.echo("Chưa ghi gì (thêm --write để ghi vào trang tính danh-muc).")
        return
    table, backup = write_lists(ds, time.strftime("%Y%m%d-%H%M%S"))
    click.echo(f"Đã ghi trang tính danh-muc của {table}; bản sao lưu: {backup}")
