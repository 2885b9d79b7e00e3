"""The ``hdnd`` command line: one group, one module per kind of command."""

from __future__ import annotations

import sys

import click

from .data import update_lists, validate
from .extraction import extract
from .meetings import import_meetings, meeting_form
from .project import init
from .site import build, progress_lines, publish, serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sphinx-hdnd")
def main() -> None:
    """Công cụ đề cương tiếp xúc cử tri của HĐND (sphinx-hdnd)."""


for command in (validate, build, serve, publish, init, meeting_form, import_meetings,
                update_lists, extract):
    main.add_command(command)


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


__all__ = ["build", "main", "progress_lines", "run"]
