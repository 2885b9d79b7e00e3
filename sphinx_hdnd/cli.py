"""The ``hdnd`` command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import click

from .model import Severity, load_dataset
from .model.coverage import Coverage, check_coverage, read_record
from .model.loader import cyclic_gc_paused
from .phrasing.numbers import format_number, format_seconds

DATA_DIR = "data"

SEVERITY_LABELS = {
    Severity.ERROR: ("lỗi", "red"),
    Severity.WARNING: ("cảnh báo", "yellow"),
    Severity.INFO: ("thông tin", "cyan"),
}


def _data_dir(project: Path) -> Path:
    """A project folder holds data/; a data folder may be given directly."""
    if (project / DATA_DIR).is_dir():
        return project / DATA_DIR
    return project


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sphinx-hdnd")
def main() -> None:
    """Công cụ đề cương tiếp xúc cử tri của HĐND (sphinx-hdnd)."""


@main.command()
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
    ds = load_dataset(_data_dir(project))
    coverage = check_coverage(ds, _doctree_dir(project))  # HD170, from the last build
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
                 "column": p.origin.column, "message": p.message, "title": p.kind.title}
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
                    where += f", cột {p.origin.column}"
                label, colour = SEVERITY_LABELS[p.severity]
                click.echo(f"  {where}: " + click.style(f"{label} {p.code}", fg=colour)
                           + f" {p.message}")
        n_ind = len(ds.indicators)
        summary = (f"Đã kiểm tra {len(ds.files)} tệp ({len(ds.areas)} địa bàn, "
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


def _doctree_dir(project: Path, out: Path | None = None) -> Path:
    """Where ``hdnd build`` keeps Sphinx's cache (and the record of what pages show)."""
    return (out or project / "_build") / "html" / ".doctrees"


@main.command()
@click.argument("project", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Thư mục kết quả (mặc định: PROJECT/_build).")
@click.option("-j", "--jobs", default="auto", show_default=True,
              help="Số tiến trình song song khi đọc trang.")
@click.option("--strict/--no-strict", default=False,
              help="Coi mọi cảnh báo là lỗi (như sphinx-build -W).")
@click.option("--pdf/--no-pdf", default=True, show_default=True,
              help="In bản PDF khổ A4 cho các đề cương sau khi xây dựng HTML.")
@click.option("--pdf-scope", type=click.Choice(["all", "areas", "outline"]), default="all",
              show_default=True,
              help="all: mọi đề cương; areas: từng địa bàn và đề cương chung (tỉnh lớn); "
                   "outline: chỉ đề cương chung toàn tỉnh.")
@click.option("--docx/--no-docx", default=True, show_default=True,
              help="Ghi bản Word (.docx) cho các đề cương, theo thể thức văn bản hành chính.")
def build(project: Path, out_dir: Path | None, jobs: str, strict: bool, pdf: bool,
          pdf_scope: str, docx: bool) -> None:
    """Xây dựng trang web HTML, bản PDF và bản Word của dự án PROJECT."""
    from sphinx.cmd.build import build_main

    from .docx import reporting as docx_reporting
    from .pdf import reporting

    if not (project / "conf.py").is_file():
        click.echo(f"Lỗi: “{project}” không có tệp conf.py (tạo dự án bằng hdnd init).", err=True)
        sys.exit(2)
    out = out_dir or project / "_build"
    html = out / "html"
    pdf_dir = out / "pdf"
    docx_dir = out / "docx"
    args = ["-b", "html", "-j", jobs, "-q", "-D", f"hdnd_pdf={int(pdf)}",
            "-D", f"hdnd_pdf_scope={pdf_scope}", "-D", f"hdnd_pdf_dir={pdf_dir.resolve()}",
            "-D", f"hdnd_pdf_jobs={0 if jobs == 'auto' else jobs}",
            "-D", f"hdnd_docx={int(docx)}", "-D", f"hdnd_docx_dir={docx_dir.resolve()}",
            str(project), str(html)]
    if strict:
        args.insert(0, "-W")
    click.echo(f"Đang xây dựng trang HTML vào {html} …")
    with reporting(_pdf_progress) as results, docx_reporting() as docx_results:
        code = build_main(args)
    if code != 0:
        click.echo("Xây dựng không thành công: xem các cảnh báo ở trên (tệp, dòng, nội dung).",
                   err=True)
        sys.exit(1)
    index = (html / "index.html").resolve()
    click.echo(f"Xong. Mở trang web: {index.as_uri()}")
    _echo_unshown(project, out)
    failed = False
    if pdf and results:
        r = results[-1]
        click.echo(f"Bản PDF: {len(r.built)} cuốn mới in ({r.pages} trang), {len(r.skipped)} cuốn "
                   f"không đổi, {format_seconds(r.seconds)}. Thư mục PDF: {r.pdf_dir.resolve()}")
        if r.failed:
            click.echo(f"Không in được {len(r.failed)} cuốn: xem các cảnh báo ở trên.", err=True)
            failed = True
    elif pdf:
        click.echo("Không in được bản PDF: xem cảnh báo ở trên.", err=True)
    if docx and docx_results:
        d = docx_results[-1]
        click.echo(f"Bản Word: {d.total} tệp ({len(d.written)} tệp mới ghi, {len(d.unchanged)} "
                   f"tệp không đổi), {format_seconds(d.seconds)}. Thư mục Word: {d.docx_dir.resolve()}")
        if d.failed:
            click.echo(f"Không ghi được {len(d.failed)} tệp Word: xem các cảnh báo ở trên.",
                       err=True)
            failed = True
    elif docx:
        click.echo("Không ghi được bản Word: xem cảnh báo ở trên.", err=True)
    if failed:
        sys.exit(1)


def _echo_unshown(project: Path, out: Path) -> None:
    """One line when some figures of the data reach no page; hdnd validate lists them."""
    record = read_record(_doctree_dir(project, out))
    missing = record.get("unshown", []) if record else []
    if missing:
        names = ", ".join(k.split(":", 1)[-1] for k in missing[:5])
        more = f" và {len(missing) - 5} số liệu khác" if len(missing) > 5 else ""
        click.echo(f"Lưu ý: {len(missing)} số liệu không hiện trên trang nào ({names}{more}); "
                   "hdnd validate liệt kê từng dòng.")


@main.command()
@click.argument("project", type=click.Path(exists=True, file_okay=False, path_type=Path),
                default=".")
@click.option("--port", default=8000, show_default=True,
              help="Cổng của trang xem trước (0: chọn một cổng còn trống).")
def serve(project: Path, port: int) -> None:
    """Xem trước dự án PROJECT: xây dựng lại khi sửa dữ liệu hoặc trang, trình duyệt tự tải lại.

    Chỉ mở trên máy này (127.0.0.1); không in PDF, Word để xem nhanh (dùng hdnd build).
    """
    from sphinx_autobuild.__main__ import main as autobuild

    from .sphinxext.pages import GENERATED_DIR

    if not (project / "conf.py").is_file():
        click.echo(f"Lỗi: “{project}” không có tệp conf.py (tạo dự án bằng hdnd init).", err=True)
        sys.exit(2)
    out = project / "_build" / "html"
    click.echo(f"Xem trước {project.resolve()}: địa chỉ ở dòng “Serving on http://127.0.0.1:…” "
               "bên dưới; trang tự tải lại sau mỗi lần sửa dữ liệu hoặc trang. Ctrl+C để dừng.")
    # the pages sphinx-hdnd writes itself are not edits to rebuild for
    args = [str(project), str(out), "--host", "127.0.0.1", "--port", str(port),
            "--ignore", f"*/{GENERATED_DIR}/*", "--ignore", "*/_build/*",
            "-D", "hdnd_pdf=0", "-D", "hdnd_docx=0", "-q"]
    try:
        autobuild(args)
    except KeyboardInterrupt:
        click.echo("Đã dừng xem trước.")


@main.command()
@click.argument("project", type=click.Path(exists=True, file_okay=False, path_type=Path),
                default=".")
@click.option("--zip", "zip_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Ghi trang web vào một tệp .zip (gửi qua hệ thống văn bản, chép USB).")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Chép trang web vào một thư mục (đăng lên máy chủ web).")
@click.option("--force", is_flag=True, help="Ghi đè tệp .zip hoặc thư mục đã có.")
def publish(project: Path, zip_file: Path | None, folder: Path | None, force: bool) -> None:
    """Đóng gói trang web đã xây dựng của PROJECT (kèm PDF, Word) để gửi hoặc đăng tải.

    Bỏ các tệp Sphinx giữ cho lần xây dựng sau (doctrees); thêm tệp MO-TRANG.txt hướng dẫn
    mở trang. Chạy hdnd build trước.
    """
    from .publish import PublishError, publish_dir, publish_zip

    if (zip_file is None) == (folder is None):
        click.echo("Lỗi: chọn đúng một trong --zip TỆP.zip hoặc --dir THƯ_MỤC.", err=True)
        sys.exit(2)
    html = project / "_build" / "html"
    try:
        if zip_file is not None:
            count = publish_zip(html, zip_file, force)
            where = zip_file
        else:
            assert folder is not None
            count = publish_dir(html, folder, force)
            where = folder
    except PublishError as exc:
        click.echo(f"Lỗi: {exc}.", err=True)
        sys.exit(1)
    size = sum(p.stat().st_size for p in ([where] if where.is_file() else where.rglob("*"))
               if p.is_file())
    click.echo(f"Đã đóng gói {count} tệp ({format_number(Decimal(size) / 1_000_000, 1)} MB) "
               f"vào {where.resolve()}. Người nhận mở index.html bằng trình duyệt.")


def _pdf_progress(items, total):  # type: ignore[no-untyped-def]
    """The booklets as a progress bar on a terminal; elsewhere (CI, a log, a scheduled
    job) a line at every tenth with the count and the time left (nothing when every
    booklet is unchanged)."""
    if not total:
        yield from items
        return
    if not sys.stdout.isatty():
        yield from progress_lines(items, total, "In bản PDF", "cuốn", click.echo)
        return
    with click.progressbar(items, length=total, label="In bản PDF", show_pos=True,
                           item_show_func=lambda item: item[0].filename if item else None
                           ) as bar:
        yield from bar


def progress_lines(items, total, label, unit, echo, clock=time.monotonic):  # type: ignore[no-untyped-def]
    """ "In bản PDF: 23/76 cuốn (30%), còn khoảng 12,4 giây", once per tenth of the work."""
    start, shown = clock(), 0
    for done, item in enumerate(items, 1):
        yield item
        step = done * 10 // total
        if step > shown or done == total:
            shown = step
            elapsed = clock() - start
            left = elapsed / done * (total - done)
            tail = f", còn khoảng {format_seconds(left)}" if done < total else \
                f", xong trong {format_seconds(elapsed)}"
            echo(f"{label}: {done}/{total} {unit} ({done * 100 // total}%){tail}")


@main.command()
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
    from .scaffold import NotEmpty, Options, init_project

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


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError:
        click.echo(f"Lỗi: ngày “{value}” cần ghi dạng dd/mm/yyyy (ví dụ 18/07/2024).", err=True)
        sys.exit(2)


@main.command("meeting-form")
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
    from .meeting_form import form_name, header_for, write_form
    from .model.meetings import this_sessions

    ds = load_dataset(_data_dir(project))
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


@main.command("import-meetings")
@click.argument("project", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("forms", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--write", is_flag=True,
              help="Ghi các kiến nghị mới vào bảng petitions (sao lưu tệp trước khi ghi). "
                   "Không có --write: chỉ in những gì sẽ thay đổi.")
def import_meetings(project: Path, forms: tuple[Path, ...], write: bool) -> None:
    """Đọc các phiếu tiếp xúc cử tri đã điền (FORMS) vào bảng kiến nghị của dự án PROJECT:
    kiểm tra từng dòng, cấp mã, đánh dấu kiến nghị có thể trùng với kiến nghị đã có."""
    from .meeting_import import plan_import, write_import

    ds = load_dataset(_data_dir(project))
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


@main.command("update-lists")
@click.argument("project", type=click.Path(exists=True, file_okay=False, path_type=Path),
                default=".")
@click.option("--write", is_flag=True,
              help="Ghi lại trang tính danh-muc của hdnd.xlsx (sao lưu tệp trước khi ghi). "
                   "Không có --write: chỉ in những gì sẽ thay đổi.")
def update_lists(project: Path, write: bool) -> None:
    """Cập nhật danh sách thả xuống của hdnd.xlsx (trang tính danh-muc) theo dữ liệu: lĩnh
    vực, đối tượng cử tri (audiences.yaml), kỳ họp (session.yaml: code, past_sessions).
    Không sửa trang tính số liệu nào."""
    from .workbook_lists import LIST_NAMES, NoWorkbook, plan_lists, write_lists

    ds = load_dataset(_data_dir(project))
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


def run() -> None:
    """The console entry point: a bug in sphinx-hdnd gives one clear line, not a traceback.

    Set ``HDND_DEBUG=1`` to see the traceback when reporting the bug.
    """
    import os

    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("Đã dừng theo yêu cầu.", err=True)
        sys.exit(130)
    except Exception as exc:  # the last line of defence for users
        if os.environ.get("HDND_DEBUG"):
            raise
        click.echo(f"Lỗi nội bộ của sphinx-hdnd ({type(exc).__name__}: {exc}). Dữ liệu của bạn "
                   "không bị thay đổi. Xin báo lỗi kèm kết quả của lệnh chạy lại với HDND_DEBUG=1.",
                   err=True)
        sys.exit(3)


def _register() -> None:
    from .cli_extract import extract

    main.add_command(extract)


_register()
