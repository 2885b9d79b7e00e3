"""The built site as a folder or a zip to hand over: opens from a USB stick, no server.

What Sphinx leaves beside the pages for its own next build (the pickled doctrees,
``.buildinfo``) is not part of the site: in the example it was most of the bytes.
Everything a page links to (PDFs, Word files, downloads, images, search) stays.
The zip is the same bytes for the same site (sorted entries, fixed timestamps).
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

#: Sphinx's own state in the output folder, never linked from a page
LEFT_OUT = {".doctrees", ".buildinfo", ".buildinfo.bak"}
NOTE_NAME = "MO-TRANG.txt"
NOTE = (
    "Đề cương tiếp xúc cử tri: trang web tĩnh, dùng được khi không có mạng.\n"
    "\n"
    "Mở tệp index.html trong thư mục này bằng trình duyệt (Chrome, Edge, Firefox, Cốc Cốc).\n"
    "Các tập đề cương in khổ A4 nằm trong thư mục _pdf, bản Word trong thư mục _docx;\n"
    "mỗi trang cũng có đường dẫn “Tải bản PDF”, “Tải bản Word”.\n"
)


class PublishError(Exception):
    """A reason to stop, said to the user in Vietnamese."""


def site_files(html: Path) -> Iterator[tuple[Path, str]]:
    """(file, path inside the published site), sorted, without Sphinx's own state."""
    for path in sorted(html.rglob("*")):
        rel = path.relative_to(html)
        if rel.parts[0] in LEFT_OUT or not path.is_file():
            continue
        yield path, rel.as_posix()


def check_site(html: Path) -> None:
    if not (html / "index.html").is_file():
        raise PublishError(f"chưa có trang web trong {html}: chạy hdnd build trước")


def publish_zip(html: Path, target: Path, force: bool = False) -> int:
    """Write the site into ``target`` (a .zip); returns the number of files."""
    check_site(html)
    if target.exists() and not force:
        raise PublishError(f"tệp {target} đã có; chọn tên khác hoặc thêm --force để ghi đè")
    target.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        entries = [(None, NOTE_NAME), *site_files(html)]
        for path, name in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, NOTE.encode("utf-8") if path is None else path.read_bytes())
            count += 1
    return count


def publish_dir(html: Path, target: Path, force: bool = False) -> int:
    """Copy the site into the folder ``target``; returns the number of files."""
    check_site(html)
    if target.exists() and any(target.iterdir()) and not force:
        raise PublishError(f"thư mục {target} không trống; chọn thư mục khác hoặc thêm --force")
    if target.resolve() == html.resolve() or html.resolve() in target.resolve().parents:
        raise PublishError("thư mục xuất bản phải nằm ngoài thư mục trang web đã xây dựng")
    count = 0
    for path, name in site_files(html):
        dest = target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
        count += 1
    (target / NOTE_NAME).write_text(NOTE, encoding="utf-8")
    return count + 1
