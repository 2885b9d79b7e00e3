"""``hdnd build``, ``hdnd serve`` and ``hdnd publish``: the site, its booklets, a preview, a
package to send."""

from __future__ import annotations

import os
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from ..extras import installed, pip_line
from ..model.coverage import read_record
from ..phrasing.numbers import format_number, format_seconds
from .paths import doctree_dir


@click.command()
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
    if not (project / "conf.py").is_file():
        click.echo(f"Lỗi: “{project}” không có tệp conf.py (tạo dự án bằng hdnd init).", err=True)
        sys.exit(2)
    if pdf and not installed("weasyprint"):
        click.echo(f"Chưa cài WeasyPrint nên không in bản PDF (cài: {pip_line('pdf')}); vẫn xây "
                   f"dựng trang HTML{' và bản Word' if docx else ''}.", err=True)
        pdf = False
    try:
        workers = _jobs(jobs)
    except ValueError:
        click.echo(f"Lỗi: -j/--jobs nhận một số nguyên dương hoặc auto, không nhận “{jobs}”.",
                   err=True)
        sys.exit(2)
    out = out_dir or project / "_build"
    html = out / "html"
    overrides = {"hdnd_pdf": pdf, "hdnd_pdf_scope": pdf_scope,
                 "hdnd_pdf_dir": str((out / "pdf").resolve()),
                 "hdnd_pdf_jobs": 0 if jobs == "auto" else workers,
                 "hdnd_docx": docx, "hdnd_docx_dir": str((out / "docx").resolve())}
    click.echo(f"Đang xây dựng trang HTML vào {html} …")
    html_build = _HtmlBuild(project, html, doctree_dir(project, out), overrides, workers, strict)
    code = html_build.run()
    if code != 0:
        click.echo("Xây dựng không thành công: xem các cảnh báo ở trên (tệp, dòng, nội dung).",
                   err=True)
        sys.exit(1)
    results, docx_results = html_build.booklets, html_build.word_files
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


def _jobs(jobs: str) -> int:
    """``-j``: a positive number, or ``auto`` for every core (as ``sphinx-build -j``)."""
    workers = (os.cpu_count() or 1) if jobs == "auto" else int(jobs)
    if workers < 1:
        raise ValueError(jobs)
    return workers


class _HtmlBuild:
    """One Sphinx HTML build, run as ``sphinx-build -q`` runs it, listening to the events in
    which sphinx-hdnd reports its booklets (:mod:`sphinx_hdnd.sphinxext.events`)."""

    def __init__(self, project: Path, html: Path, doctrees: Path, overrides: dict[str, Any],
                 jobs: int, strict: bool) -> None:
        self.project, self.html, self.doctrees = project, html, doctrees
        self.overrides, self.jobs, self.strict = overrides, jobs, strict
        self.booklets: list[Any] = []  # pdf.Result, once per build that printed
        self.word_files: list[Any] = []  # docx.DocxResult

    def run(self) -> int:
        from sphinx.application import Sphinx
        from sphinx.errors import SphinxError
        from sphinx.util.console import color_terminal, nocolor
        from sphinx.util.docutils import docutils_namespace, patch_docutils

        from ..sphinxext.events import BOOKLET_PROGRESS, BOOKLETS_PRINTED, WORD_WRITTEN

        if not color_terminal():
            nocolor()
        try:
            with patch_docutils(self.project), docutils_namespace():
                app = Sphinx(self.project, self.project, self.html, self.doctrees, "html",
                             confoverrides=self.overrides, status=None, warning=sys.stderr,
                             warningiserror=self.strict, parallel=self.jobs)
                if "sphinx_hdnd" in app.extensions:
                    app.connect(BOOKLET_PROGRESS, lambda _app: _pdf_progress)
                    app.connect(BOOKLETS_PRINTED, lambda _app, r: self.booklets.append(r))
                    app.connect(WORD_WRITTEN, lambda _app, r: self.word_files.append(r))
                app.build()
                return app.statuscode
        except SphinxError as exc:
            # a configuration, extension or theme that Sphinx cannot use: its own words, one
            # paragraph (any other exception is a bug, reported by the command's last line)
            if os.environ.get("HDND_DEBUG"):
                raise
            click.echo(f"Lỗi Sphinx ({exc.category}): {exc}", err=True)
            return 2


def _echo_unshown(project: Path, out: Path) -> None:
    """One line when some figures of the data reach no page; hdnd validate lists them."""
    record = read_record(doctree_dir(project, out))
    missing = record.get("unshown", []) if record else []
    if missing:
        names = ", ".join(k.split(":", 1)[-1] for k in missing[:5])
        more = f" và {len(missing) - 5} số liệu khác" if len(missing) > 5 else ""
        click.echo(f"Lưu ý: {len(missing)} số liệu không hiện trên trang nào ({names}{more}); "
                   "hdnd validate liệt kê từng dòng.")


@click.command()
@click.argument("project", type=click.Path(exists=True, file_okay=False, path_type=Path),
                default=".")
@click.option("--port", default=8000, show_default=True,
              help="Cổng của trang xem trước (0: chọn một cổng còn trống).")
def serve(project: Path, port: int) -> None:
    """Xem trước dự án PROJECT: xây dựng lại khi sửa dữ liệu hoặc trang, trình duyệt tự tải lại.

    Chỉ mở trên máy này (127.0.0.1); không in PDF, Word để xem nhanh (dùng hdnd build).
    """
    from ..sphinxext.pages import GENERATED_DIR

    if not (project / "conf.py").is_file():
        click.echo(f"Lỗi: “{project}” không có tệp conf.py (tạo dự án bằng hdnd init).", err=True)
        sys.exit(2)
    if not installed("sphinx_autobuild"):
        click.echo(f"Lệnh hdnd serve cần gói sphinx-autobuild: {pip_line('serve')}", err=True)
        sys.exit(2)
    from sphinx_autobuild.__main__ import main as autobuild
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


@click.command()
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
    from ..publish import PublishError, publish_dir, publish_zip

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
