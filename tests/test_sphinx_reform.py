"""A province after the reform of 1 July 2025 (issue 4, criterion 13).

``tests/roots/test-hdnd-reform``: communes and wards grouped into electoral
units (``parent``), no districts except one old district that ended on
30/06/2025 and names its ``successors``. The same code must build it clean
with ``-W`` and give sensible briefings: what was recorded against the old
district is local news for the communes that replaced it and for the units
that contain them, and for no one else. Expectations are read from the
root's CSV/YAML files.
"""

from __future__ import annotations

import csv
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from briefing_rules import briefing_pages, broken_rules
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).parent / "roots" / "test-hdnd-reform"
DATA = ROOT / "data"
GENERATED = "tiep-xuc"


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def split(value: str) -> list[str]:
    return [c.strip() for c in value.split(";") if c.strip()]


def clean(text: str) -> str:
    return " ".join(text.replace("¶", " ").split())


AREAS = {a["code"]: a for a in read_csv("areas.csv")}
CURRENT = [c for c, a in AREAS.items() if not a["valid_to"].strip()]
OLD = [c for c, a in AREAS.items() if a["valid_to"].strip()]
AUDIENCES = [a["code"] for a in yaml.safe_load((DATA / "audiences.yaml").read_text("utf-8"))]


def full_name(code: str) -> str:
    return f"{AREAS[code]['level']} {AREAS[code]['name']}"


def heirs(old: str) -> set[str]:
    """The current areas that inherit an old area: its successors and the units holding them."""
    out = set(split(AREAS[old]["successors"]))
    for code in list(out):
        parent = AREAS[code]["parent"]
        while parent:
            out.add(parent)
            parent = AREAS[parent]["parent"]
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, sphinx_run):
    project = tmp_path_factory.mktemp("reform") / "project"
    shutil.copytree(ROOT, project)
    return sphinx_run("html", project, project / "_build")


def page(built, docname: str) -> Tag:
    soup = BeautifulSoup((built.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")
    return soup.select_one("[role=main]") or soup


def section(root: Tag, pattern: str) -> Tag | None:
    for h in root.find_all(re.compile(r"^h[1-6]$")):
        if re.match(pattern, clean(h.get_text())):
            return h.parent
    return None


def local_parts(built, area: str, audience: str) -> list[tuple[str, str]]:
    """(text, why) of the items in "Điểm cần nói" and in the area's own section."""
    root = page(built, f"{GENERATED}/{area}/{audience}")
    out = []
    for pattern in (r"Điểm cần nói$", re.escape(f"Tình hình tại {full_name(area)}") + "$"):
        sec = section(root, pattern)
        if sec is None:
            continue
        for li in sec.find_all("li"):
            why = li.select_one(".hdnd-staff .hdnd-why")
            if why is not None:
                out.append((clean(li.find("p").get_text()), clean(why.get_text())))
        for more in sec.select(".hdnd-more"):  # further local items, named by title
            out.append((clean(more.get_text()), "nói về (tiêu đề)"))
    return out


WEIGHTS = {a["code"]: a.get("weights") or {}
           for a in yaml.safe_load((DATA / "audiences.yaml").read_text("utf-8"))}


def test_the_data_is_post_reform():
    assert OLD and all(AREAS[c]["valid_to"] == "30/06/2025" for c in OLD)
    assert all(split(AREAS[c]["successors"]) for c in OLD)
    units = [c for c in CURRENT if not AREAS[c]["parent"]]
    assert units and all(AREAS[c]["level"] == "đơn vị bầu cử" for c in units)
    assert all(AREAS[c]["parent"] in units for c in CURRENT if c not in units)
    assert not any(AREAS[c]["level"] == "huyện" for c in CURRENT)


def test_builds_clean_with_W(built):
    assert built.warnings == "" and built.statuscode == 0


def test_briefings_for_units_and_communes_not_for_the_old_district(built):
    pages = {p.relative_to(built.outdir).as_posix() for p in (built.outdir / GENERATED).rglob("*.html")}
    expected = {f"{GENERATED}/{a}/{aud}.html" for a in CURRENT for aud in AUDIENCES}
    assert {p for p in pages if not p.endswith("index.html")} == expected
    assert not any(f"/{old}/" in p for old in OLD for p in pages)
    grid = page(built, "index").select_one(".hdnd-grid")
    linked = {re.sub(r"^\./", "", a["href"]) for a in grid.select("a[href]")}
    assert expected <= linked


NARRATIVE = yaml.safe_load((DATA / "narrative.yaml").read_text("utf-8"))


def old_district_items() -> list[dict]:
    return [i for i in NARRATIVE["local_items"] if set(i.get("areas", [])) & set(OLD)]


def test_old_district_items_are_local_news_for_their_heirs(built):
    items = old_district_items()
    assert items
    for old in OLD:
        inherit = heirs(old)
        assert inherit and inherit < set(CURRENT)
        for area in CURRENT:
            for aud in AUDIENCES:
                parts = local_parts(built, area, aud)
                for item in items:
                    found = [why for text, why in parts
                             if item["text"] in text or item.get("title", "@") in text]
                    if area in inherit and WEIGHTS[aud].get(item["topics"][0], 0) > 0:
                        assert found, (area, aud, item["code"])
                        assert all(f"nói về {full_name(old)}" in w or "(tiêu đề)" in w
                                   for w in found)
                    else:
                        assert found == [], (area, aud, item["code"])


def test_an_old_district_item_can_be_a_talking_point(built):
    """For an audience that weighs its topic, the inherited item leads "Điểm cần nói"."""
    audiences = yaml.safe_load((DATA / "audiences.yaml").read_text("utf-8"))
    item = old_district_items()[0]
    weighs = [a["code"] for a in audiences
              if max(Decimal(str(a["weights"].get(t, 0))) for t in item["topics"]) > 0]
    assert weighs
    for area in heirs(OLD[0]):
        for aud in weighs:
            root = page(built, f"{GENERATED}/{area}/{aud}")
            first = section(root, r"Điểm cần nói$").find("li")
            assert item["text"] in clean(first.get_text()), (area, aud)


def test_old_district_petitions_reach_the_heirs(built):
    petitions = [p for p in read_csv("petitions.csv") if p["area"] in OLD]
    assert petitions
    for pet in petitions:
        for area in CURRENT:
            root = page(built, f"{GENERATED}/{area}/{AUDIENCES[0]}")
            sec = section(root, r"Kết quả giải quyết kiến nghị của cử tri$")
            shown = pet["text"] in clean(sec.get_text())
            assert shown is (area in heirs(pet["area"])), (area, pet["code"])


def test_commune_indicators_ranked_among_communes(built):
    rows = [r for r in read_csv("indicators.csv") if r["area"]]
    assert len(rows) >= 3
    lower_is_better = {r["higher_is_better"].strip().lower() for r in rows} == {"không"}
    for row in rows:
        values = [Decimal(r["value"].replace(",", ".")) for r in rows]
        mine = Decimal(row["value"].replace(",", "."))
        better = sum(1 for v in values if (v < mine if lower_is_better else v > mine))
        root = page(built, f"{GENERATED}/{row['area']}/{AUDIENCES[0]}")
        table = root.select_one("table.hdnd-local-indicators")
        assert table is not None, row["area"]
        text = clean(table.get_text())
        # the extremes are named by their value (lower is better here), the middle by rank
        if mine == min(values):
            expected = f"thấp nhất trong {len(rows)} địa bàn"
        elif mine == max(values):
            expected = f"cao nhất trong {len(rows)} địa bàn"
        else:
            expected = f"thứ {better + 1} trong {len(rows)} địa bàn"
        assert expected in text, (row["code"], text)


def test_every_briefing_is_short_and_says_nothing_twice(built):
    """The same rules as the example's briefings, on a post-reform province."""
    pages = briefing_pages(built.outdir)
    assert {p.docname.split("/")[1] for p in pages} == set(CURRENT)
    assert broken_rules(built.outdir) == {}
