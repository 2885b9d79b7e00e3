"""The report's text as a Word file and as a PDF, made the way an office would."""

from __future__ import annotations

import html
import re
from pathlib import Path

_SUP = re.compile(r"(<sup>\s*\d+\s*</sup>)")


def _pieces(line: str) -> list[tuple[str, bool]]:
    text = line.replace("**", "")
    out = []
    for piece in _SUP.split(text):
        if not piece:
            continue
        m = re.fullmatch(r"<sup>\s*(\d+)\s*</sup>", piece)
        out.append((m.group(1), True) if m else (piece, False))
    return out


def text_to_docx(lines: list[str], path: Path) -> None:
    import docx

    document = docx.Document()
    for line in lines:
        stripped = line.strip()
        if not stripped or set(stripped) <= {"-"}:
            continue
        if stripped.startswith("#"):
            level = min(len(stripped) - len(stripped.lstrip("#")), 6)
            document.add_heading(stripped.lstrip("#").strip().replace("**", ""), level)
            continue
        par = document.add_paragraph()
        for text, sup in _pieces(stripped):
            run = par.add_run(text)
            run.font.superscript = sup
    document.save(str(path))


def text_to_pdf(lines: list[str], path: Path) -> None:
    from weasyprint import HTML

    body = []
    for line in lines:
        stripped = line.strip()
        if not stripped or set(stripped) <= {"-"}:
            continue
        if stripped.startswith("#"):
            body.append(f"<h3>{html.escape(stripped.lstrip('#').strip().replace('**', ''))}</h3>")
            continue
        parts = "".join(
            f"<sup>{html.escape(t)}</sup>" if sup else html.escape(t) for t, sup in _pieces(stripped)
        )
        body.append(f"<p>{parts}</p>")
    page = (
        "<html><head><meta charset='utf-8'><style>body{font-family:'DejaVu Serif';"
        "font-size:12pt} @page{size:A4;margin:2cm}</style></head><body>" + "\n".join(body) + "</body></html>"
    )
    HTML(string=page).write_pdf(str(path))
