"""What every generated briefing must be (issue 14's "done when"), read off the built HTML.

Used by the example's and the post-reform project's tests, so that both are held to the
same rules: a page a delegate can read in the meeting, with nothing said twice, no
internal score in sight, and no answer serving two questions.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

GENERATED = "tiep-xuc"
#: a paragraph this long is content: the same one twice on a page is a repetition
LONG_PARAGRAPH = 8
MAX_WORDS, MEDIAN_WORDS = 2000, 1500


def clean(text: str) -> str:
    return " ".join(text.replace("¶", " ").split())


@dataclass
class BriefingPage:
    docname: str
    main: Tag  # the article, as built (staff notes included)

    def visible(self) -> Tag:
        """The article as a delegate sees it by default: no staff notes, no permalinks."""
        copy = BeautifulSoup(str(self.main), "html.parser")
        for el in copy.select(".hdnd-staff, .headerlink, script, style"):
            el.decompose()
        return copy

    def words(self) -> int:
        return len(self.visible().get_text(" ").split())

    def paragraphs(self) -> list[str]:
        """Paragraphs of running text (a table's cells repeat by column, by nature, and
        so do the status labels heading two petitions of the same standing)."""
        return [clean(p.get_text(" ")) for p in self.visible().find_all("p")
                if p.find_parent("table") is None
                and "hdnd-petition-head" not in (p.get("class") or [])]

    def answers(self) -> list[str]:
        sec = self.main.find(id=re.compile(r"cu-tri-co-the-hoi$"))
        if sec is None:
            return []
        out = []
        for p in sec.find_all("p"):
            if p.find_parent(class_="hdnd-staff"):
                continue
            text = clean(p.get_text(" "))
            if text.startswith("Trả lời:"):
                out.append(text)
        return out


def briefing_pages(outdir: Path) -> list[BriefingPage]:
    pages = []
    for path in sorted((outdir / GENERATED).glob("*/*.html")):
        if path.name == "index.html":
            continue
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        main = soup.select_one("[role=main]") or soup
        if main.select_one(".hdnd-briefing") is None:
            continue
        pages.append(BriefingPage(path.relative_to(outdir).with_suffix("").as_posix(), main))
    return pages


def broken_rules(outdir: Path) -> dict[str, list[str]]:
    """Every rule a briefing page breaks, by page; empty when all hold."""
    pages = briefing_pages(outdir)
    assert pages, f"no briefing under {outdir / GENERATED}"
    out: dict[str, list[str]] = {}

    def fail(page: BriefingPage, why: str) -> None:
        out.setdefault(page.docname, []).append(why)

    words = {}
    for page in pages:
        words[page.docname] = n = page.words()
        if n > MAX_WORDS:
            fail(page, f"{n} words > {MAX_WORDS}")
        text = page.visible().get_text(" ")
        if "trọng số" in text or re.search(r"\(\s*\d+(,\d+)?\s*\)\s*·", text):
            fail(page, "a weight is visible by default")
        repeated = [p for p, c in Counter(p for p in page.paragraphs()
                                          if len(p.split()) >= LONG_PARAGRAPH).items() if c > 1]
        if repeated:
            fail(page, f"paragraph repeated: {repeated[0][:80]}")
        answers = Counter(page.answers())
        twice = [a for a, c in answers.items() if c > 1]
        if twice:
            fail(page, f"answer used twice: {twice[0][:80]}")
    median = statistics.median(words.values())
    if median > MEDIAN_WORDS:
        out.setdefault("(all)", []).append(f"median {median} words > {MEDIAN_WORDS}")
    return out
