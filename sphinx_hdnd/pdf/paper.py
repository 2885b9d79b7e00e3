"""What of a built page goes on paper, read from its HTML."""

from __future__ import annotations

import html as html_text
import re
from collections.abc import Iterator

#: a link to another page of the site: on paper it would be a file:// URI of the build folder,
#: dead on any other machine (and different in every folder); same-page links (#…) and web
#: addresses stay clickable
_SITE_LINK = re.compile(r'(<a\b[^>]*?)\shref="(?!#.|https?:|mailto:|tel:)([^"]*)"')
_MAIN = re.compile(r'<(\w+)\b[^>]*\brole="main"[^>]*>')
_HEAD = re.compile(r"^.*?</head>", re.S)


def paper_links(html: str) -> str:
    """The page with its links to other pages of the site made plain text."""
    return _SITE_LINK.sub(r'\1 data-hdnd-href="\2"', html)


def _main_element(html: str) -> str | None:
    """The element with role="main" (every Sphinx theme marks the page body so)."""
    start = _MAIN.search(html)
    if start is None:
        return None
    tag = start.group(1)
    tags = re.compile(rf"<(/?){tag}\b[^>]*>", re.I)
    depth = 0
    for m in tags.finditer(html, start.start()):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return html[start.start():m.end()]
    return None


def paper_html(html: str) -> str:
    """What goes on paper: the page's <head> (its stylesheets, running head) and its main
    content only, so no theme's navigation, sidebar, search or footer is printed, whatever the
    theme; links to other pages of the site made plain text."""
    head = _HEAD.match(html)
    main = _main_element(html)
    if head is not None and main is not None:
        html = f'{head.group(0)}\n<body class="hdnd-paper">\n{main}\n</body>\n</html>\n'
    return paper_links(html)


_LINK = re.compile(r"<link\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def stylesheet_links(html: str) -> Iterator[tuple[re.Match[str], str]]:
    """The ``<link rel="stylesheet">`` tags of the page's head that apply on paper, each with
    its ``href`` (as WeasyPrint reads them: no ``alternate``, type text/css, media all or
    print)."""
    head_end = html.find("</head>")
    for link in _LINK.finditer(html, 0, head_end if head_end >= 0 else len(html)):
        attributes = {m.group(1).lower(): html_text.unescape(next(
            v for v in m.groups()[1:] if v is not None)) for m in _ATTRIBUTE.finditer(link[0])}
        rel = attributes.get("rel", "").lower().split()
        media = [m.strip().lower() for m in (attributes.get("media") or "all").split(",")]
        if ("stylesheet" in rel and "alternate" not in rel and attributes.get("href")
                and attributes.get("type", "text/css").split(";")[0].strip() == "text/css"
                and ("all" in media or "print" in media)):
            yield link, attributes["href"]
