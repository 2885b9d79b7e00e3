"""``hdnd meeting-form`` and ``hdnd import-meetings``: the forms of voters' meetings, out
and back in."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import click

from ..model import load_dataset
from .paths import data_dir


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError:
        click.echo(f"Lỗi: ngày “{value}” cần ghi dạng dd/mm/yyyy (ví dụ 18/07/2024).", err=True)
        sys.exit(2)


@click.command("meeting-form")
@click.argument("project", type=click.Path(exists=True, file_okay=False, path_type=Path),
                default=".")
@click.option("--area", help="Mã địa bàn của cuộc tiếp xúc.")
@click.option("--audience", help="Mã đối tượng cử tri (để trống: cử tri trên địa bàn).")
@click.option("--date", "day", help="Ngày tiếp xúc, dd/mm/yyyy.")
@click.option("--place", default="", help="Địa điểm tiếp xúc.")
@click.option("--all", "every", is_flag=True,
              help="Một phiếu cho mỗi cuộc tiếp xúc của kỳ họp này trong bảng meetings.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Thư mục ghi phiếu (mặc định: PROJECT/bieu-mau).")
@click.option("--force", is_flag=True, help="Ghi đè phiếu đã có cùng tên.")
def meeting_form(project: Path, area: str | None, audience: str | None, day: str | None,
                 place: str, every: bool, out_dir: Path | None, force: bool) -> None:
    """Tạo phiếu Excel ghi ý kiến, kiến nghị của cử tri cho một cuộc tiếp xúc (điền sẵn kỳ
    họp, địa bàn, đối tượng, ngày, địa điểm, đại biểu; danh sách thả xuống từ dữ liệu)."""
    from ..meeting_form import form_name, header_for, write_form
    from ..model.meetings import this_sessions

    ds = load_dataset(data_dir(project))
    if ds.problems.errors:
        click.echo(f"Lỗi: dữ liệu còn {len(ds.problems.errors)} lỗi; chạy hdnd validate "
                   f"{project} và sửa trước khi tạo phiếu.", err=True)
        sys.exit(1)
    headers = []
    if every:
        for m in this_sessions(ds):
            who = "; ".join(m.delegates) or m.delegation
            headers.append(header_for(ds, m.area, m.audience, m.date, m.place, m.time, who))
        if not headers:
            click.echo("Lỗi: bảng meetings chưa có cuộc tiếp xúc nào của kỳ họp này.", err=True)
            sys.exit(2)
    else:
        date = _day(day)
        if area is None or date is None:
            click.echo("Lỗi: cần --area và --date (hoặc --all để tạo phiếu cho mọi cuộc tiếp "
                       "xúc trong bảng meetings).", err=True)
            sys.exit(2)
        if area not in ds.areas:
            click.echo(f"Lỗi: không có địa bàn mã “{area}”; các mã: "
                       + ", ".join(sorted(ds.areas)), err=True)
            sys.exit(2)
        if audience is not None and audience not in ds.audiences:
            click.echo(f"Lỗi: không có đối tượng cử tri mã “{audience}”; các mã: "
                       + ", ".join(sorted(ds.audiences)), err=True)
            sys.exit(2)
        planned = [m for m in this_sessions(ds) if m.area == area and m.date == date
                   and m.audience == audience]
        plan = planned[0] if planned else None  # the table's place, time and delegates
        headers.append(header_for(
            ds, area, audience, date, place or (plan.place if plan else ""),
            plan.time if plan else "",
            ("; ".join(plan.delegates) or plan.delegation) if plan else ""))
    folder = out_dir or project / "bieu-mau"
    for header in headers:
        path = folder / form_name(header)
        if path.exists() and not force:
            click.echo(f"Đã có {path}: giữ nguyên (thêm --force để ghi đè).", err=True)
            continue
        write_form(ds, header, path)
        click.echo(f"Đã tạo phiếu: {path}")


@click.command("import-meetings")
@click.argument("project", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("forms", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--write", is_flag=True,
              help="Ghi các kiến nghị mới vào bảng petitions (sao lưu tệp trước khi ghi). "
                   "Không có --write: chỉ in những gì sẽ thay đổi.")
def import_meetings(project: Path, forms: tuple[Path, ...], write: bool) -> None:
    """Đọc các phiếu tiếp xúc cử tri đã điền (FORMS) vào bảng kiến nghị của dự án PROJECT:
    kiểm tra từng dòng, cấp mã, đánh dấu kiến nghị có thể trùng với kiến nghị đã có."""
    from ..meeting_import import plan_import, write_import

    ds = load_dataset(data_dir(project))
    if ds.problems.errors:
        click.echo(f"Lỗi: dữ liệu còn {len(ds.problems.errors)} lỗi; chạy hdnd validate "
                   f"{project} và sửa trước khi nhập phiếu.", err=True)
        sys.exit(1)
    plan = plan_import(ds, list(forms))
    if plan.problems:
        for problem in plan.problems:
            click.echo(f"Lỗi: {problem}", err=True)
        click.echo(f"{len(plan.problems)} lỗi trong phiếu: không ghi gì. Sửa phiếu rồi chạy "
                   "lại.", err=True)
        sys.exit(1)
    for row in plan.new:
        click.echo(f"  mới      {row['code']}  {row['area']}  {row['text']}")
    for row, like in plan.flagged:
        click.echo(f"  có thể trùng {like}: {row['code']}  {row['text']} (không nhập; nếu là "
                   "kiến nghị mới, sửa nội dung cho rõ hoặc nhập tay)")
    click.echo(f"{len(plan.new)} kiến nghị mới, {len(plan.flagged)} có thể trùng, "
               f"{len(plan.present)} đã có trong dữ liệu.")
    if not write:
        click.echo("Chưa ghi gì (thêm --write để ghi vào bảng petitions).")
        return
    if not plan.new:
        click.echo("Không có gì để ghi.")
        return
    stamp = time.strftime("%Y%m%d-%H%M%S")
    table, backup = write_import(ds, plan.new, stamp)
    click.echo(f"Đã ghi {len(plan.new)} kiến nghị vào {table}; bản sao lưu: {backup}")
