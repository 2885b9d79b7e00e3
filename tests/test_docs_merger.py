"""The user guide's pages for a merged province say what the code does (issue 19, point 10).

The rules of "So với toàn tỉnh" and "Vị trí trong tỉnh" name the columns that make
two rows one measure: those must be the columns the code matches on. The how-to's
YAML and tables must be data the loader accepts, column for column.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sphinx_hdnd.model.measures import same_measure
from sphinx_hdnd.model.records import Area, Indicator, PastSession, Province, Ranking
from sphinx_hdnd.schema import fields_of

DOCS = Path(__file__).parent.parent / "docs"
HOW_TO = DOCS / "cach-lam" / "tinh-hop-nhat.md"
RULES = DOCS / "cach-lam" / "so-sanh-xep-hang.md"


def section(text: str, title: str) -> str:
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 3)
    return text[start : end if end > 0 else None]


def test_the_matching_rule_names_the_columns_the_code_matches_on():
    rule = section(RULES.read_text("utf-8"), "Dòng nào được so với dòng nào")
    documented = re.findall(r"^- `(\w+)`", rule, re.M)
    base = Indicator(
        code="a", name="Tỷ lệ hộ nghèo", topic="giam-ngheo", unit="%", period="năm 2026", value="10"
    )
    others = {
        "name": "Tỷ lệ hộ nghèo (%)",
        "period": "6 tháng đầu năm 2026",
        "unit": "‰",
        "topic": "kinh-te",
        "code": "b",
        "value": "11",
        "area": "xa-a",
        "source": "nguon",
        "plan": "9",
    }
    matters = {f for f, v in others.items() if not same_measure(base, base.model_copy(update={f: v}))}
    assert set(documented) == matters == {"name", "period", "unit"}


def _blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{re.escape(lang)}\n(.*?)```", text, re.S)


def test_the_how_to_yaml_is_data_the_loader_accepts():
    text = HOW_TO.read_text("utf-8")
    province, *sessions = (yaml.safe_load(b) for b in _blocks(text, "yaml"))
    prov = Province.model_validate({"code": "ngan-pho", "term": {"code": "XVII"}, **province})
    assert [p.display_name for p in prov.predecessors] == [
        f"tỉnh {p['name']} (cũ)" for p in province["predecessors"]
    ]
    flat = " ".join(text.split()).replace("“", "").replace("”", "")
    for past in (p for session in sessions for p in session["past_sessions"]):
        rec = PastSession.model_validate(past)
        # the how-to quotes the name a page prints for another council's or term's session
        assert not (rec.council or rec.term) or rec.name in flat, rec.name


def test_the_how_to_tables_use_real_columns():
    text = HOW_TO.read_text("utf-8")
    headers = re.findall(r":header: (.*)", text)
    assert len(headers) == 2
    for header, record in zip(headers, (Area, Ranking), strict=True):
        names = {f.name for f in fields_of(record)}
        assert {h.strip() for h in header.split(",")} <= names


def test_publishing_and_cleaning_are_documented():
    tutorial = (DOCS / "huong-dan-tung-buoc.md").read_text("utf-8")
    assert "hdnd publish --zip" in tutorial
    assert "zipfile -c" not in tutorial  # a zip of _build/html ships Sphinx's doctrees
    publishing = (DOCS / "cach-lam" / "xuat-ban.md").read_text("utf-8")
    assert "rm -rf _build" in section(publishing, "Xây dựng lại từ đầu")
