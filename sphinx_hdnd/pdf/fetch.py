"""What a booklet may read: files under the HTML folder only, never the network."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

#: stylesheets WeasyPrint loads: ours; the theme's and other extensions' are left out
OWN_CSS = re.compile(r"^hdnd[\w.-]*\.css$")


def url_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    return Path(unquote(parts.path))


class Gate:
    """Which URLs a booklet may read: files under the HTML folder, and data: URLs."""

    def __init__(self, root: Path) -> None:
        self.base = root.resolve()
        self.used: set[str] = set()
        self.refused: list[str] = []

    def check(self, url: str) -> str:
        """'data', 'empty' (a stylesheet not used on paper) or 'file'; raises when refused."""
        if url.startswith("data:"):
            return "data"
        path = url_path(url)
        resolved = path.resolve() if path is not None else None
        if resolved is None or not resolved.is_relative_to(self.base):
            self.refused.append(url)
            raise ValueError(f"sphinx-hdnd: không tải tài nguyên ngoài thư mục HTML: {url}")
        if resolved.suffix == ".css" and not OWN_CSS.match(resolved.name):
            # the theme's screen layout: not used on paper (and very slow to lay out)
            return "empty"
        self.used.add(resolved.relative_to(self.base).as_posix())
        return "file"


def make_fetcher(root: Path) -> Any:
    """A WeasyPrint URL fetcher that serves files under ``root`` and refuses anything else
    (``.used``: the files read, relative to ``root``; ``.refused``: the URLs refused;
    ``.gate``: the :class:`Gate` that decides)."""
    gate = Gate(root)
    try:  # WeasyPrint 66 and later: a URLFetcher class
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except ImportError:  # earlier: a function returning a dict
        from weasyprint import default_url_fetcher  # type: ignore[attr-defined]

        def fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
            if gate.check(url) == "empty":
                return {"string": b"", "mime_type": "text/css"}
            return dict(default_url_fetcher(url, *args, **kwargs))

        fetch.used, fetch.refused = gate.used, gate.refused  # type: ignore[attr-defined]
        fetch.gate = gate  # type: ignore[attr-defined]
        return fetch

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        used, refused = gate.used, gate.refused

        def fetch(self, url: str, headers: Any = None) -> Any:
            if gate.check(url) == "empty":
                return URLFetcherResponse(url, b"", {"Content-Type": "text/css"})
            return super().fetch(url, headers)

    fetcher = LocalFetcher(timeout=1, allowed_protocols=("file", "data"))
    fetcher.gate = gate
    return fetcher
