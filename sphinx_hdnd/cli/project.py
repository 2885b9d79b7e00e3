"""``hdnd init``: a new project."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--province", default="Mẫu", show_default=True,
              help="Tên tỉnh, thành phố (ví dụ “Lai Châu” hoặc “thành phố Huế”).")
@click.option("--term", default="I", show_default=True, help="Khóa HĐND, số La Mã (ví dụ XVI).")
@click.option("--areas", type=click.Choice(["districts", "communes"]), default="districts",
              show_default=True,
              help="districts: huyện, thị xã, thành phố (trước 01/7/2025); communes: xã, phường "
                   "nhóm theo đơn vị bầu cử (sau sắp xếp).")
@click.option("--force", is_flag=True,
              help="Ghi vào thư mục đã có tệp (ghi đè các tệp của dự án mẫu, giữ các tệp khác).")
def init(folder: Path, province: str, term: str, areas: str, force: bool) -> None:
    """Tạo dự án đề cương mới trong thư mục FOLDER, xây dựng được ngay (số liệu minh họa)."""
    from ..scaffold import NotEmpty, Options, init_project

    opts = Options(province=province.strip() or "Mẫu", term=term.strip().upper() or "I",
                   areas=areas)  # type: ignore[arg-type]
    try:
        written = init_project(folder, opts, force=force)
    except NotEmpty as exc:
        click.echo(f"Lỗi: {exc}. Chọn một thư mục trống, hoặc thêm --force để ghi vào thư mục "
                   "này (các tệp cùng tên sẽ bị ghi đè).", err=True)
        sys.exit(2)
    click.echo(f"Đã tạo dự án {opts.level} {opts.name}, khóa {opts.term}, trong {folder} "
               f"({len(written)} tệp). Số liệu hiện có là minh họa.")
    click.echo("Bước tiếp theo:")
    click.echo(f"  1. Nhập số liệu vào {folder / 'data' / 'hdnd.xlsx'} và các tệp .yaml")
    click.echo(f"  2. hdnd validate {folder}")
    click.echo(f"  3. hdnd build {folder}")
