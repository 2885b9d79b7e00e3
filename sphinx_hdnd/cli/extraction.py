"""``hdnd extract``: the executive's report into candidate indicator rows, and back."""

from __future__ import annotations

import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import click


@click.command("extract")
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("target", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tệp kết quả .xlsx hoặc .csv (mặc định: cạnh báo cáo, tên …-so-lieu.xlsx).",
)
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Dự án để đối chiếu: mỗi số liệu được ghi “đã có, khớp”, “đã có, khác” "
    "hoặc “mới”, và nhận địa bàn theo danh sách địa bàn của dự án.",
)
@click.option(
    "--merge",
    is_flag=True,
    help="Đưa các dòng đã đánh dấu ở cột accept của tệp REPORT (bảng đề xuất đã "
    "duyệt) vào bảng chỉ tiêu của dự án TARGET.",
)
@click.option(
    "--write",
    is_flag=True,
    help="Cùng --merge: ghi vào bảng chỉ tiêu (sao lưu tệp trước khi ghi). Không có "
    "--write: chỉ in những dòng sẽ thêm.",
)
@click.option(
    "--source",
    default=None,
    help="Cùng --merge: mã nguồn (trong sources) của báo cáo, nếu bảng đề xuất chưa ghi.",
)
@click.option("--force", is_flag=True, help="Ghi đè tệp kết quả đã có.")
def extract(
    report: Path,
    target: Path | None,
    out: Path | None,
    project: Path | None,
    merge: bool,
    write: bool,
    source: str | None,
    force: bool,
) -> None:
    """Đề xuất các dòng số liệu chỉ tiêu từ báo cáo REPORT (.docx, .pdf, .md, .txt) để cán bộ
    văn phòng duyệt: mỗi số liệu một dòng, kèm câu trích, vị trí và mức tin cậy.

    hdnd extract --merge BẢNG_ĐÃ_DUYỆT DỰ_ÁN: thêm các dòng đã đánh dấu vào bảng chỉ tiêu.
    """
    if merge:
        _merge(report, target or project, write, source)
        return
    _extract(report, out, project or target, force)


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"Lỗi: {message}.", err=True)
    sys.exit(code)


def _load(project: Path):  # type: ignore[no-untyped-def]
    from ..model import load_dataset
    from .paths import data_dir

    if not project.is_dir():
        _fail(f"không tìm thấy thư mục dự án “{project}”")
    ds = load_dataset(data_dir(project))
    if ds.problems.errors:
        _fail(
            f"dữ liệu của dự án còn {len(ds.problems.errors)} lỗi; chạy hdnd validate {project} và sửa trước",
            1,
        )
    return ds


def _extract(report: Path, out: Path | None, project: Path | None, force: bool) -> None:
    from ..extract import COLUMNS, COMPARE_COLUMNS, ReadError, extract_report
    from ..extract.table import write_table
    from ..phrasing import format_number

    out = out or report.with_name(f"{report.stem}-so-lieu.xlsx")
    if out.suffix.lower() not in {".xlsx", ".csv"}:
        _fail(f"tệp kết quả “{out.name}” cần đuôi .xlsx hoặc .csv")
    if out.exists() and not force:
        _fail(f"đã có tệp “{out}”: giữ nguyên (thêm --force để ghi đè, hoặc chọn --out khác)")
    ds = _load(project) if project is not None else None
    started = time.perf_counter()
    try:
        rows = extract_report(report, ds)
    except ReadError as exc:
        _fail(str(exc))
    if not rows:
        _fail(
            f"không tìm thấy số liệu nào trong “{report.name}” (không có câu nào ghi một con "
            "số kèm đơn vị, tỷ lệ % hay % kế hoạch): không ghi tệp kết quả",
            1,
        )
    columns = COLUMNS[:-1] + (COMPARE_COLUMNS if ds is not None else []) + ["accept"]
    write_table(out, rows, columns)
    confidence = Counter(r["confidence"] for r in rows)
    click.echo(
        f"Đã đề xuất {len(rows)} số liệu từ {report.name} "
        f"({confidence['cao']} tin cậy cao, {confidence['trung bình']} trung bình, "
        f"{confidence['thấp']} thấp) trong "
        f"{format_number(Decimal(f'{time.perf_counter() - started:.1f}'))} giây: {out}"
    )
    if ds is not None:
        states = Counter(r["compare"] for r in rows)
        click.echo(
            f"Đối chiếu với dữ liệu: {states['đã có, khớp']} đã có và khớp, "
            f"{states['đã có, khác']} đã có nhưng khác (xem cột differences), "
            f"{states['mới']} mới."
        )
    click.echo(
        "Bước tiếp theo: mở tệp, đối chiếu từng dòng với câu trích (cột quote), sửa nếu "
        "cần, ghi x vào cột accept những dòng nhận; rồi chạy hdnd extract --merge "
        f"{out.name} DỰ_ÁN."
    )


def _merge(table: Path, project: Path | None, write: bool, source: str | None) -> None:
    from ..extract.merge import accepted, plan_merge, write_merge
    from ..extract.table import read_table

    if project is None:
        _fail("cần thư mục dự án: hdnd extract --merge BẢNG_ĐÃ_DUYỆT DỰ_ÁN")
    assert project is not None
    if not table.is_file():
        _fail(f"không tìm thấy tệp “{table}”")
    try:
        rows = read_table(table)
    except Exception:  # not a table this command wrote
        _fail(f"không đọc được bảng đề xuất “{table.name}” (.xlsx hoặc .csv do hdnd extract tạo)")
    if rows and "accept" not in rows[0]:
        _fail(f"tệp “{table.name}” không có cột accept: không phải bảng đề xuất của hdnd extract")
    ds = _load(project)
    chosen = [r for r in rows if accepted(r)]
    sources = {source} if source else {r.get("source", "") for r in chosen} - {""}
    if chosen and len(sources) != 1:
        _fail("chưa rõ nguồn của báo cáo: thêm --source MÃ_NGUỒN (mã trong bảng sources)")
    src = sources.pop() if sources else ""
    if chosen and src not in ds.sources:
        _fail(f"nguồn “{src}” không có trong bảng sources của dự án")
    plan = plan_merge(ds, rows, src)
    for row in plan.new:
        figure = row["value"] or row["growth"] or row["plan_pct"]
        click.echo(
            f"  thêm   {row['code']}  {row['name']}  {figure} {row['unit']}  "
            f"({row['period']}; {row['source_section']})"
        )
    for _, why in plan.skipped:
        click.echo(f"  bỏ qua {why}")
    click.echo(
        f"{len(chosen)} dòng được đánh dấu nhận: {len(plan.new)} dòng sẽ thêm, "
        f"{len(plan.skipped)} dòng bỏ qua."
    )
    if not write:
        click.echo("Chưa ghi gì (thêm --write để ghi vào bảng chỉ tiêu).")
        return
    if not plan.new:
        click.echo("Không có gì để ghi.")
        return
    path, backup = write_merge(ds, plan, time.strftime("%Y%m%d-%H%M%S"))
    click.echo(
        f"Đã thêm {len(plan.new)} dòng vào {path}; bản sao lưu: {backup}. Chạy hdnd "
        f"validate {project} để kiểm tra."
    )
