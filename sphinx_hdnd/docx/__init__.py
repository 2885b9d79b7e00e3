"""Word booklets: one ``.docx`` per booklet that is printed as PDF, from the resolved doctree.

Which pages: the same as the PDF booklets (:func:`sphinx_hdnd.pdf.booklet_of`): every area x
audience briefing, every area overview and the province-wide đề cương, with the same ASCII
file names (``muong-nhe--dan-toc-thieu-so.docx``). They are written when the HTML build
finishes (``hdnd_docx = True``; ``hdnd build`` sets it unless ``--no-docx``), into the Word
folder (``_build/docx``, ``hdnd_docx_dir``), and copied into the site (``_build/html/_docx``)
so that the site folder alone works from a USB stick; each page links to its file ("Tải bản
Word", beside the PDF link).

Charts are the SVG files the HTML build made, drawn as PNG at print resolution (resvg, with
the fonts matplotlib ships, so the picture does not depend on the machine's fonts); the
picture's description is the chart's text alternative, which carries every figure.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes

from ..files import write_if_changed
from ..phrasing.numbers import format_seconds
from .blocks import Picture
from .format import CONFIG, DocxFormat, check_values, docx_format
from .writer import DocxWriter

HTML_DOCX_DIR = "_docx"
MANIFEST = ".hdnd-docx.json"
#: bump when the Word output changes for the same page (every file is written again)
FORMAT_VERSION = "1"
#: charts are drawn at this resolution (dots per inch)
PICTURE_DPI = 300


@dataclass
class DocxResult:
    written: list[str] = field(default_factory=list)  #: new or changed files
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    docx_dir: Path = Path()

    @property
    def total(self) -> int:
        return len(self.written) + len(self.unchanged)


# ---------------------------------------------------------------- pictures


_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)(pt|px)?"[^>]*?\bheight="([\d.]+)(pt|px)?"', re.S)
_pictures: dict[tuple[str, int, int], Picture | None] = {}


class NoRasterizer(Exception):
    pass


def _font_dirs() -> list[str]:
    import matplotlib

    return [str(Path(matplotlib.get_data_path()) / "fonts" / "ttf")]


def svg_picture(path: Path) -> Picture:
    """An SVG file as PNG bytes at :data:`PICTURE_DPI`, with its size in points."""
    try:
        import resvg_py
    except ImportError as exc:
        raise NoRasterizer(str(exc)) from exc
    text = path.read_text(encoding="utf-8")
    m = _SIZE.search(text)
    if m is None:
        raise ValueError(f"{path.name}: không đọc được kích thước hình")
    scale = (1.0 if m.group(2) in (None, "pt") else 0.75)
    width, height = float(m.group(1)) * scale, float(m.group(3)) * scale
    data = resvg_py.svg_to_bytes(svg_string=text, background="#ffffff", skip_system_fonts=True,
                                 font_dirs=_font_dirs(), dpi=float(PICTURE_DPI))
    return bytes(data), width, height


def raster_picture(path: Path) -> Picture:
    from PIL import Image

    with Image.open(path) as image:
        dpi = image.info.get("dpi", (96, 96))[0] or 96
        width, height = image.size
    return path.read_bytes(), width / float(dpi) * 72, height / float(dpi) * 72


def picture_file(app: Any, node: nodes.image) -> Path | None:
    """The file of an image: the copy Sphinx made in the site, or the source."""
    candidates = dict(node.get("candidates", {}))
    uri = node.get("uri", "")
    for mime in ("image/svg+xml", "image/png", "image/jpeg", "image/gif"):
        if mime in candidates:
            uri = candidates[mime]
            break
    images = getattr(app.builder, "images", {})
    copied = images.get(uri)
    if copied:
        path = Path(app.outdir) / getattr(app.builder, "imagedir", "_images") / copied
        if path.is_file():
            return path
    path = Path(app.srcdir) / uri
    return path if path.is_file() else None


def make_picture_of(app: Any, warned: set[str]) -> Any:
    from ..sphinxext.state import logger

    def picture_of(node: nodes.image) -> Picture | None:
        path = picture_file(app, node)
        if path is None:
            return None
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key in _pictures:
            return _pictures[key]
        picture: Picture | None = None
        try:
            if path.suffix.lower() == ".svg":
                picture = svg_picture(path)
            elif path.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif"):
                picture = raster_picture(path)
        except NoRasterizer as exc:
            if "rasterizer" not in warned:
                warned.add("rasterizer")
                logger.warning(f"bản Word: không vẽ được biểu đồ (thiếu gói resvg-py: {exc}); "
                               "ghi lời mô tả biểu đồ thay cho hình. Cài: pip install resvg-py",
                               type="hdnd", subtype="docx")
            return None
        except (OSError, ValueError) as exc:
            logger.warning(f"bản Word: không đọc được hình {path.name} ({exc}); ghi lời mô tả "
                           "thay cho hình", type="hdnd", subtype="docx")
        _pictures[key] = picture
        return picture

    return picture_of


# ---------------------------------------------------------------- Sphinx


def _location(app: Any, name: str) -> str:
    from ..sphinxext.extension import conf_location

    return conf_location(app.confdir, name)


def check_docx_config(app: Any, config: Any) -> None:
    from ..sphinxext.state import logger

    def warn(name: str, message: str) -> None:
        logger.warning(message, type="hdnd", subtype="config", location=_location(app, name))

    values = check_values({name: config[name] for name, _d, _doc in CONFIG}, warn)
    for name, value in values.items():
        config[name] = value


def build_format(app: Any) -> DocxFormat:
    from ..sphinxext.state import build_state

    state = build_state(app.env)
    ds = state.dataset if state.data_root is not None and state.data_root.is_dir() else None
    values = {name: app.config[name] for name, _d, _doc in CONFIG}
    return docx_format(values, getattr(ds, "province", None), getattr(ds, "session", None))


def docx_dir(app: Any) -> Path:
    if app.config.hdnd_docx_dir:
        return Path(os.path.abspath(Path(app.confdir) / app.config.hdnd_docx_dir))
    return Path(app.outdir).parent / "docx"


def site_docx(app: Any) -> list[tuple[str, str, str]]:
    """(docname, file stem, kind) of every booklet of the site."""
    from ..pdf import booklet_of, report_docs

    out = []
    reports = report_docs(app.env.metadata)
    for docname in sorted(app.env.found_docs):
        found = booklet_of(docname, reports)
        if found is not None:
            out.append((docname, found[0], found[1]))
    return out


def _read_manifest(path: Path) -> dict[str, Any]:
    """The booklets this module wrote last time and the digests of their pages (none in a
    manifest from before digests were kept: every file is written once more)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        booklets = {str(n) for n in data.get("booklets", [])}
        digests = data.get("digests", {})
    except (OSError, ValueError, AttributeError, TypeError):
        return {"booklets": set(), "digests": {}}
    return {"booklets": booklets, "digests": digests if isinstance(digests, dict) else {}}


def _page_digest(app: Any, docname: str, fmt: DocxFormat) -> str:
    """Of the built HTML page, the Word format, this module's format and python-docx's version."""
    from docx import __version__ as docx_version

    h = hashlib.sha256(f"{FORMAT_VERSION}\0{docx_version}\0{fmt!r}\0".encode())
    try:
        h.update(Path(app.builder.get_outfilename(docname)).read_bytes())
    except OSError:
        h.update(b"<missing>")
    return h.hexdigest()


def _progress(app: Any, items: list[tuple[str, str, str]]) -> Any:
    from sphinx.util.display import status_iterator

    return status_iterator(items, "ghi bản Word... ", "darkgreen", len(items), app.verbosity,
                           stringify_func=lambda item: f"{item[1]}.docx")


def write_docx(app: Any, exception: BaseException | None) -> DocxResult | None:
    """``build-finished``: every booklet as a Word file."""
    if exception is not None or not app.config.hdnd_docx or app.builder.format != "html":
        return None
    from ..sphinxext.booklets import running_head
    from ..sphinxext.events import WORD_WRITTEN
    from ..sphinxext.state import logger

    start = time.perf_counter()
    try:
        import docx  # noqa: F401
    except ImportError as exc:
        logger.warning(f"không ghi được bản Word: thiếu gói python-docx ({exc}). Cài: pip install "
                       "python-docx", type="hdnd", subtype="docx")
        return None
    folder = docx_dir(app)
    site = Path(app.outdir) / HTML_DOCX_DIR
    result = DocxResult(docx_dir=folder)
    fmt = build_format(app)
    writer = DocxWriter(fmt, make_picture_of(app, set()))
    booklets = site_docx(app)
    manifest = folder / MANIFEST
    stored = _read_manifest(manifest)
    digests: dict[str, str] = {}
    for docname, name, _kind in _progress(app, booklets):
        # the built page says whether its content changed (its charts' files are named by
        # their content): an unchanged page keeps its Word file, never resolved again
        digests[name] = _page_digest(app, docname, fmt)
        if stored["digests"].get(name) == digests[name] and \
                (folder / f"{name}.docx").is_file() and (site / f"{name}.docx").is_file():
            result.unchanged.append(name)
            continue
        try:
            doctree = app.env.get_and_resolve_doctree(docname, app.builder, tags=app.tags)
            title = DocxWriter._title(doctree)
            left, right = running_head(app, docname, title)
            data = writer.write(doctree, title=title, subject=f"{left} · {right}")
        except Exception as exc:  # one broken page must not lose the other booklets
            result.failed[name] = f"{type(exc).__name__}: {exc}"
            digests.pop(name)
            logger.warning(f"không ghi được {name}.docx: {type(exc).__name__}: {exc}",
                           type="hdnd", subtype="docx", location=docname)
            continue
        changed = write_if_changed(folder / f"{name}.docx", data)
        write_if_changed(site / f"{name}.docx", data)
        (result.written if changed else result.unchanged).append(name)
    # files of booklets no longer in the site (only those this module wrote)
    now = {name for _d, name, _k in booklets}
    for name in sorted(stored["booklets"] - now):
        for place in (folder, site):
            (place / f"{name}.docx").unlink(missing_ok=True)
        result.removed.append(name)
    folder.mkdir(parents=True, exist_ok=True)
    write_if_changed(manifest, (json.dumps({"booklets": sorted(now), "digests": digests},
                                            ensure_ascii=False, indent=1, sort_keys=True)
                                 + "\n").encode("utf-8"))
    result.seconds = time.perf_counter() - start
    logger.info(f"sphinx-hdnd: Word: ghi {len(result.written)} tệp, giữ {len(result.unchanged)} "
                f"tệp không đổi, trong {format_seconds(result.seconds)}: {folder}")
    app.emit(WORD_WRITTEN, result)
    return result


def setup_docx(app: Any) -> None:
    for name, default, doc in CONFIG:
        rebuild = "html" if name == "hdnd_docx" else ""
        types: Any = type(default) if not isinstance(default, float) else (float, int)
        app.add_config_value(name, default, rebuild, types=types, description=doc)
    app.connect("config-inited", check_docx_config)
    app.connect("build-finished", write_docx)
