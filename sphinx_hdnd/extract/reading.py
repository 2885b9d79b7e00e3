"""A report as paragraphs: Markdown or plain text, Word (.docx) or a PDF with a text layer.

Every reader gives the same thing, a list of :class:`Para` in reading order, so
the figure rules never see the format. Footnote marks become ``<sup>N</sup>``
in every format (the Markdown export's own convention): in a .docx they are
superscript runs or real footnote references, in a PDF smaller raised digits.
A paragraph cut in two by footnotes at a page foot (it ends without a stop and
the next one starts in lower case) is joined again, keeping where each part was.
"""

from __future__ import annotations

import itertools
import re
import statistics
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

#: a council's report is a few MB in any format; past this the file is not a report
MAX_BYTES = 25_000_000
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
SUFFIXES = {*TEXT_SUFFIXES, ".docx", ".pdf"}

_FOOTNOTE_DEF = re.compile(r"^\s*<sup>\s*(\d+)\s*</sup>\s*")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MARKUP = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_OPEN_END = re.compile(r"[\w,]$")
#: a numbered heading or list item: never the second half of a cut paragraph
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*\.|[a-zđ][.)]|[IVX]+\.|[A-Z]\.)\s")


class ReadError(Exception):
    """A report that cannot be read; the message is Vietnamese and names the file."""


@dataclass
class Para:
    text: str
    heading: bool = False
    footnote: int | None = None  # the number of a footnote's own text
    #: (offset in text, location) where each joined part starts
    parts: list[tuple[int, str]] = field(default_factory=list)

    def where(self, offset: int) -> str:
        found = self.parts[0][1]
        for start, loc in self.parts:
            if start > offset:
                break
            found = loc
        return found


def read_report(path: Path) -> list[Para]:
    name = path.name
    if not path.is_file():
        raise ReadError(f"không tìm thấy tệp “{name}”")
    size = path.stat().st_size
    if size == 0:
        raise ReadError(f"tệp “{name}” rỗng (0 byte): không có gì để đọc")
    if size > MAX_BYTES:
        megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
        raise ReadError(
            f"tệp “{name}” nặng {megabytes} MB, quá giới hạn {MAX_BYTES // 1_000_000} MB của "
            "một báo cáo: kiểm tra lại có đúng tệp báo cáo không, hoặc lưu lại bản không kèm ảnh"
        )
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ReadError(
            f"tệp “{name}” là Word 97-2003 (.doc): mở bằng Word và lưu lại dạng .docx rồi chạy lại"
        )
    if suffix not in SUFFIXES:
        raise ReadError(f"không đọc được tệp “{name}”: cần tệp .docx, .pdf, .md hoặc .txt")
    if suffix == ".docx":
        lines = _docx_lines(path)
    elif suffix == ".pdf":
        lines = _pdf_lines(path)
    else:
        lines = _text_lines(path)
    paras = _paragraphs(lines)
    if not any(p.text.strip() for p in paras):
        raise ReadError(f"tệp “{name}” không có chữ nào để đọc")
    return paras


def _text_lines(path: Path) -> list[tuple[str, str, bool]]:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise ReadError(f"tệp “{path.name}” không phải văn bản (có thể là tệp nhị phân đổi đuôi)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError(
            f"tệp “{path.name}” không ghi bằng mã UTF-8: mở bằng trình soạn thảo và lưu lại dạng UTF-8"
        ) from None
    return [(line, str(n), False) for n, line in enumerate(text.splitlines(), 1)]


def _docx_lines(path: Path) -> list[tuple[str, str, bool]]:
    import docx
    from docx.oxml.ns import qn

    if not zipfile.is_zipfile(path):
        raise ReadError(
            f"tệp “{path.name}” không phải tệp Word (.docx) đọc được: có thể tệp "
            "hỏng, hoặc là tệp khác chỉ đổi đuôi tên thành .docx"
        )
    try:
        document = docx.Document(str(path))
    except Exception:  # a zip that is not a Word document
        raise ReadError(
            f"tệp “{path.name}” không phải tệp Word (.docx) đọc được: có thể tệp "
            "hỏng, hoặc là tệp khác chỉ đổi đuôi tên thành .docx"
        ) from None
    lines: list[tuple[str, str, bool]] = []
    for n, par in enumerate(document.paragraphs, 1):
        text = []
        for run in par.runs:
            for ref in run._r.iter(qn("w:footnoteReference")):
                text.append(f"<sup>{ref.get(qn('w:id'))}</sup>")
            if run.font.superscript and run.text.strip().isdigit():
                text.append(f"<sup>{run.text.strip()}</sup>")
            else:
                text.append(run.text)
        heading = ((par.style is not None and par.style.name) or "").startswith(("Heading", "Title"))
        lines.append(("".join(text), f"đoạn {n}", heading))
    lines.extend(_docx_footnotes(document))
    return lines


def _docx_footnotes(document: object) -> list[tuple[str, str, bool]]:
    """Real Word footnotes (footnotes.xml) as ``<sup>N</sup> text`` paragraphs at the end."""
    from docx.oxml.ns import qn

    part = document.part  # type: ignore[attr-defined]
    found = []
    for rel in part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            from lxml import etree

            root = etree.fromstring(rel.target_part.blob)
            for note in root.iter(qn("w:footnote")):
                ident = note.get(qn("w:id"))
                if ident is None or int(ident) <= 0:  # separators
                    continue
                text = "".join(t.text or "" for t in note.iter(qn("w:t")))
                found.append((f"<sup>{ident}</sup> {text.strip()}", f"chú thích {ident}", False))
    return found


def _pdf_lines(path: Path) -> list[tuple[str, str, bool]]:
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(str(path))
        pages = list(reader.pages)
    except (PdfReadError, ValueError, OSError, KeyError):
        raise ReadError(
            f"tệp “{path.name}” không phải tệp PDF đọc được (tệp hỏng hoặc chỉ đổi đuôi tên thành .pdf)"
        ) from None
    lines: list[tuple[str, str, bool]] = []
    for number, page in enumerate(pages, 1):
        found = _page_lines(page)
        lines.extend((text, f"trang {number}", False) for text in found)
        if found and re.search(r"[.:;!?)]$", found[-1].strip()):
            lines.append(("", f"trang {number}", False))  # else it goes on overleaf
    if not any(text.strip() for text, _, _ in lines):
        raise ReadError(
            f"tệp PDF “{path.name}” không có lớp chữ (bản chụp hoặc bản quét): dùng "
            "bản .docx hoặc bản PDF xuất từ Word, hoặc nhận dạng chữ (OCR) trước"
        )
    return lines


def _page_lines(page: object) -> list[str]:
    """The page's lines; a paragraph gap (a larger step down) gives an empty line, and
    smaller raised digits (footnote marks) become ``<sup>N</sup>``."""
    runs: list[tuple[str, float, float]] = []  # text, baseline y, font size

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text:
            scale = abs(cm[3] * tm[3]) or 1.0
            runs.append((text, cm[3] * tm[5] + cm[5], size * scale))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    sizes = [s for t, _, s in runs if t.strip()]
    if not sizes:
        return []
    body = statistics.median(sizes)
    lines: list[tuple[float, str]] = []
    current, line_y = "", None
    for text, y, size in runs:
        if line_y is None or not current.strip():
            line_y = y  # a line's place is its first run's
        if text.strip().isdigit() and size < body * 0.95 and abs(y - line_y) < body:
            text = f"<sup>{text.strip()}</sup>"
        for i, piece in enumerate(text.split("\n")):
            if i:
                lines.append((line_y if line_y is not None else y, current))
                current, line_y = "", None
            current += piece
    if current.strip():
        lines.append((line_y or 0.0, current))
    steps = [abs(b[0] - a[0]) for a, b in itertools.pairwise(lines)]
    usual = statistics.median([s for s in steps if s > 0] or [body])
    out: list[str] = []
    for i, (_, text) in enumerate(lines):
        if i and steps[i - 1] > usual * 1.4:
            out.append("")
        out.append(text)
    return out


def _paragraphs(lines: list[tuple[str, str, bool]]) -> list[Para]:
    """Lines into paragraphs: an empty line ends one, as does a heading or a footnote."""
    paras: list[Para] = []
    open_para: Para | None = None
    for raw, loc, styled in lines:
        text = raw.strip()
        if not text or set(text) <= {"-", "—", "_", "*"}:
            open_para = None
            continue
        heading = styled or bool(_MD_HEADING.match(text))
        text = _MARKUP.sub("", _MD_HEADING.sub("", text)).strip()
        note = _FOOTNOTE_DEF.match(text)
        if heading or note or text.startswith(("- ", "+ ", "• ")):
            open_para = None
        if open_para is not None:
            # a line broken after "/" or "2021-" had no space there
            glue = "" if re.search(r"\S[/-]$", open_para.text) else " "
            open_para.parts.append((len(open_para.text) + len(glue), loc))
            open_para.text += glue + text
            continue
        para = Para(
            text[note.end() :] if note else text,
            heading=heading,
            footnote=int(note.group(1)) if note else None,
            parts=[(0, loc)],
        )
        paras.append(para)
        # a PDF wraps a paragraph over lines; text and Word keep it whole
        open_para = para if loc.startswith("trang") and not heading else None
    return _rejoin(paras)


def _rejoin(paras: list[Para]) -> list[Para]:
    """Join a paragraph cut by a page's footnotes with its continuation after them."""
    out: list[Para] = []
    waiting: Para | None = None
    for para in paras:
        if para.footnote is not None:
            out.append(para)
            continue
        if (
            waiting is not None
            and not para.heading
            and para.text[:1].islower()
            and not _NUMBERED.match(para.text)
        ):
            waiting.parts.append((len(waiting.text) + 1, para.parts[0][1]))
            waiting.parts.extend((len(waiting.text) + 1 + o, loc) for o, loc in para.parts[1:])
            waiting.text += " " + para.text
            waiting = waiting if _OPEN_END.search(para.text) else None
            continue
        out.append(para)
        opened = not para.heading and not _NUMBERED.match(para.text)
        waiting = para if opened and _OPEN_END.search(para.text) else None
    return out
