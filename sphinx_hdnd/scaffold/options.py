"""What ``hdnd init`` is asked for: the province (its level word and name), the term, the
layout of areas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..vietnamese import ascii_slug

AreaLayout = Literal["districts", "communes"]


@dataclass(frozen=True)
class Options:
    province: str = "Mẫu"
    term: str = "I"
    areas: AreaLayout = "districts"

    @property
    def name(self) -> str:
        """The province's name without its level word: “Lai Châu”."""
        return split_province(self.province)[1]

    @property
    def level(self) -> str:
        return split_province(self.province)[0]

    @property
    def code(self) -> str:
        return slugify(self.name) or "tinh"


def split_province(text: str) -> tuple[str, str]:
    """“Tỉnh Lai Châu” -> (“tỉnh”, “Lai Châu”); “thành phố Huế” -> (“thành phố”, “Huế”)."""
    text = " ".join(text.split())
    for level in ("thành phố", "tỉnh"):
        if text.lower().startswith(level + " "):
            return level, text[len(level) + 1:].strip()
    return "tỉnh", text


def slugify(text: str) -> str:
    """A code from a Vietnamese name: “Điện Biên Phủ” -> “dien-bien-phu”; a code starts with a
    letter."""
    slug = ascii_slug(text)
    return slug if slug[:1].isalpha() else f"t-{slug}" if slug else ""
