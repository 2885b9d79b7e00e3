"""Vietnamese typed in the legacy 8-bit fonts (TCVN3/ABC, VNI), pasted as Unicode.

Offices still receive files typed with the ".VnTime" (TCVN3) or "VNI-Times" fonts:
copied into Excel, each Vietnamese letter becomes a Latin-1 character
("Hµ Néi" for "Hà Nội" in TCVN3, "Haø Noäi" in VNI). The text is valid UTF-8, so
no decoder notices; this module does. The signs, in order of strength:

* a Latin-1 symbol inside a word ("ng©n", "nhµ", "s¸ch"): TCVN3 puts the tones
  and ``ă â ê ô ơ ư đ`` on such code points, and no language writes them so;
* two Latin-1 letters that Vietnamese does not use (``ä ë ï ö ü ø å æ ñ û``), or
  one after a vowel that VNI uses for its marks ("Vieät", "Bieân");

and a text that has any letter of the Vietnamese block (``ư ơ đ ạ ệ``…, past
U+00FF) is Unicode Vietnamese already, whatever else it holds.
"""

from __future__ import annotations

import re

#: letters of U+00C0-U+00FF that Vietnamese writes
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
#: the cheap test first: any character of Latin-1's upper half that Vietnamese does not use
_SUSPECT = re.compile("[\u00a1-\u00ff]")
_SYMBOL_IN_WORD = re.compile(r"(?<=[A-Za-z])[\u00a1-\u00bf\u00d7\u00f7](?=[A-Za-z]|\b|$)")
_FOREIGN_LETTER = re.compile("[äëïöüøåæñûîçðþßÄËÏÖÜØÅÆÑÛÎÇÐÞ]")
#: VNI: a vowel, then the mark as a second letter ("aâ", "eä", "où", "öø")
#: a character of Latin-1's upper half that no Vietnamese letter is: found by one search
_NOT_VIETNAMESE_LATIN1 = re.compile(
    "[" + "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIETNAMESE_LATIN1) + "]")
_VNI_MARK = re.compile("[aeiouyAEIOUYôöÔÖ][âäåãáàéèêëõùøûïñüòó]")
_VIETNAMESE_BLOCK = re.compile("[\u0100-\u01b0\u1ea0-\u1ef9]")


def maybe_legacy(text: str) -> bool:
    """The fast test for a whole file: False means no cell can be in a legacy font."""
    return _NOT_VIETNAMESE_LATIN1.search(text) is not None


def legacy_font(text: str) -> str | None:
    """"TCVN3" or "VNI" when ``text`` looks typed in that font, else None."""
    if not _SUSPECT.search(text) or _VIETNAMESE_BLOCK.search(text):
        return None
    if _SYMBOL_IN_WORD.search(text):
        return "TCVN3"
    foreign = len(_FOREIGN_LETTER.findall(text))
    vni = _VNI_MARK.search(text) is not None  # VNI marks follow their vowel, TCVN3 replaces it
    if foreign >= 2 or (foreign and vni):
        return "VNI" if vni else "TCVN3"
    return None


def legacy_font_data(kind: str) -> dict[str, str]:
    """What an HD190 message names: the font, and the encoding to convert from in Unikey."""
    return {"font": kind, "unikey_source": "TCVN3 (ABC)" if kind == "TCVN3" else "VNI Windows"}
