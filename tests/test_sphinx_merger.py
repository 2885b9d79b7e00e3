"""A province formed by merging two old provinces (issue 19, points 1-6 and 9).

``examples/ngan-pho``: tỉnh Ngàn Phố (cũ) and tỉnh Hải Lam (cũ) merged
into a province that kept the first name; three old districts ended on 30/06/2025
and name their successor communes and wards; communes are grouped into electoral
units with seats and the date of the election; a past session is the old Hải Lam
council's. Every expectation is read from the root's data files.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from sphinx_hdnd.model import load_dataset
from sphinx_hdnd.model.follow_up import follow_up

ROOT = Path(__file__).parent.parent / "examples" / "ngan-pho"
DATA = ROOT / "data"
GENERATED = "tiep-xuc"


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def split(value: str) -> list[str]:
    return [c.strip() for c in value.split(";") if c.strip()]


def clean(text: str) -> str:
    return " ".join(text.replace("¶", " ").split())


def vn(value: str) -> str:
    """A CSV figure as the pages print it ("9,8" stays "9,8")."""
    return value.replace(".", "")


AREAS = {a["code"]: a for a in read_csv("areas.csv")}
CURRENT = [c for c, a in AREAS.items() if not a["valid_to"]]
FORMER = [c for c, a in AREAS.items() if a["valid_to"]]
UNITS = [c for c in CURRENT if not AREAS[c]["parent"]]
PROVINCE = yaml.safe_load((DATA / "province.yaml").read_text("utf-8"))
OLD_PROVINCES = {p["code"]: p for p in PROVINCE["predecessors"]}
SESSION = yaml.safe_load((DATA / "session.yaml").read_text("utf-8"))
INDICATORS = read_csv("indicators.csv")
RANKINGS = {r["code"]: r for r in read_csv("rankings.csv")}
AUDIENCES = [a["code"] for a in yaml.safe_load((DATA / "audiences.yaml").read_text("utf-8"))]


def full_name(code: str) -> str:
    return f"{AREAS[code]['level']} {AREAS[code]['name']}"


def shown_name(code: str) -> str:
    if code in OLD_PROVINCES:
        return f"tỉnh {OLD_PROVINCES[code]['name']} (cũ)"
    return full_name(code) + (" (cũ)" if code in FORMER else "")


def heirs(old: str) -> set[str]:
    """The current areas whose pages carry a former area: its successors and their units."""
    out = set(split(AREAS[old]["successors"]))
    return out | {AREAS[c]["parent"] for c in out if AREAS[c]["parent"]}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, sphinx_run):
    project = tmp_path_factory.mktemp("merger") / "project"
    shutil.copytree(ROOT, project)
    return sphinx_run("html", project, project / "_build")


def page(built, docname: str) -> Tag:
    soup = BeautifulSoup((built.outdir / f"{docname}.html").read_text("utf-8"), "html.parser")
    return soup.select_one("[role=main]") or soup


def area_page(built, code: str) -> Tag:
    return page(built, f"{GENERATED}/{code}/index")


def briefing(built, code: str, audience: str) -> Tag:
    return page(built, f"{GENERATED}/{code}/{audience}")


def local_rows(root: Tag) -> list[str]:
    table = root.select_one("table.hdnd-local-indicators")
    return [clean(tr.get_text(" ")) for tr in table.select("tbody tr")] if table else []


def test_builds_clean_with_W(built):
    assert built.warnings == "" and built.statuscode == 0


def test_the_data_is_a_merger():
    assert len(OLD_PROVINCES) >= 2 and FORMER and UNITS
    assert any(p["name"] == PROVINCE["name"] for p in OLD_PROVINCES.values())  # the name kept


# ---------------------------------------------------------------- 1. old provinces


def test_1_old_provinces_are_named_and_their_figures_shown_as_theirs(built):
    root = page(built, "index")
    merger = clean(root.select_one(".hdnd-merger").get_text())
    for old in OLD_PROVINCES:
        assert shown_name(old) in merger
    ends = {p["valid_to"] for p in OLD_PROVINCES.values()}
    (end,) = ends
    merged = dt.datetime.strptime(end, "%d/%m/%Y").date() + dt.timedelta(days=1)
    assert f"từ ngày {merged:%d/%m/%Y}" in merger  # valid to 30/06: merged from 01/07
    rows = [clean(tr.get_text(" ")) for tr in root.select("table.hdnd-indicators tbody tr")]
    for ind in (i for i in INDICATORS if i["area"] in OLD_PROVINCES):
        row = next(r for r in rows if r.startswith(f"{ind['name']}, {shown_name(ind['area'])}"))
        assert ind["period"] in row and vn(ind["value"]) in row
        # an old province's figure is no commune's and no peer of the communes'
        for area in CURRENT:
            assert not any(shown_name(ind["area"]) in r for r in local_rows(area_page(built, area)))


def test_1_the_new_province_named_in_text_is_no_area(built):
    """'tỉnh Ngàn Phố' in a highlight is the province, not the old city or the ward."""
    narrative = yaml.safe_load((DATA / "narrative.yaml").read_text("utf-8"))
    item = next(i for i in narrative["highlights"] if f"tỉnh {PROVINCE['name']}" in i["text"])
    ds = load_dataset(DATA)
    from sphinx_hdnd.model.area_links import effective_areas

    rec = next(i for i in ds.narrative.highlights if i.code == item["code"])
    assert effective_areas(ds)[id(rec)] == []


# ---------------------------------------------------------------- 2. old-district figures


def test_2_old_district_figures_reach_their_heirs_only(built):
    carried = [i for i in INDICATORS if i["area"] in FORMER]
    assert carried
    for ind in carried:
        label = f"{ind['name']} ({ind['period']}), {shown_name(ind['area'])}"
        for area in CURRENT:
            rows = [r for r in local_rows(area_page(built, area)) if r.startswith(label)]
            if area in heirs(ind["area"]):
                assert rows and vn(ind["value"]) in rows[0], (area, ind["code"])
            else:
                assert rows == [], (area, ind["code"])


def test_2_an_old_district_figure_is_ranked_among_the_old_districts(built):
    carried = [i for i in INDICATORS if i["area"] in FORMER and i["name"] == INDICATORS[-1]["name"]]
    assert len(carried) >= 3
    best = max(carried, key=lambda i: Decimal(i["value"].replace(",", ".")))
    heir = sorted(heirs(best["area"]))[0]
    row = next(r for r in local_rows(area_page(built, heir)) if shown_name(best["area"]) in r)
    assert f"cao nhất trong {len(carried)} địa bàn cũ" in row


def test_4_a_chart_of_old_districts_names_them_as_former():
    """Bars and the text alternative of a chart among old districts say "(cũ)"."""
    from sphinx_hdnd.charts import areas_chart

    ds = load_dataset(DATA)
    carried = [i for i in ds.indicators.values() if i.area in FORMER and i.name == INDICATORS[-1]["name"]]
    chart = areas_chart(ds, carried[:1], focus=carried[0].area)
    assert chart is not None
    bars = [r.label for p in chart.panels for r in p.rows if r.tone != "gap"]
    assert {f"{AREAS[i.area]['name']} (cũ)" for i in carried} <= set(bars)
    for ind in carried:
        assert shown_name(ind.area) in chart.alt


# ---------------------------------------------------------------- 3. units and communes


def test_3_a_unit_lists_its_communes_seats_and_election_date(built):
    for unit in UNITS:
        root = area_page(built, unit)
        facts = clean(" ".join(p.get_text() for p in root.select(".hdnd-membership")))
        members = [c for c in CURRENT if AREAS[c]["parent"] == unit]
        links = {a.get_text(): a["href"] for a in root.select(".hdnd-membership a[href]")}
        for code in members:
            assert full_name(code) in facts
            assert links[full_name(code)].endswith(f"{code}/index.html")
        seats = int(AREAS[unit]["seats"])
        assert f"bầu {seats:02d} đại biểu hđnd tỉnh" in facts.lower()
        assert f"ngày bầu cử {AREAS[unit]['election_date']}" in facts
        olds = [o for o in FORMER if set(split(AREAS[o]["successors"])) & set(members)]
        for old in olds:
            assert shown_name(old) in facts


def test_3_a_commune_names_its_unit_and_its_former_district(built):
    for code in (c for c in CURRENT if AREAS[c]["parent"]):
        unit = AREAS[code]["parent"]
        olds = [o for o in FORMER if code in split(AREAS[o]["successors"])]
        for root in (area_page(built, code), briefing(built, code, AUDIENCES[0])):
            facts = clean(" ".join(p.get_text() for p in root.select(".hdnd-membership")))
            assert f"thuộc {full_name(unit)}" in facts
            assert olds and all(shown_name(o) in facts for o in olds)
        link = area_page(built, code).select_one(".hdnd-membership a[href]")
        assert link["href"].endswith(f"{unit}/index.html")


def test_3_unit_talking_points_from_commune_figures_keep_the_commune(built):
    found = 0
    for unit in UNITS:
        members = [c for c in CURRENT if AREAS[c]["parent"] == unit]
        for aud in AUDIENCES:
            root = briefing(built, unit, aud)
            points = root.select(".hdnd-points > ol > li")
            for li in points:
                said = clean(li.find("p").get_text())
                for ind in (i for i in INDICATORS if i["area"] in members):
                    if f"{ind['name'].lower()} ước {vn(ind['value'])}%" in said.lower():
                        assert f"{full_name(ind['area'])}:" in said, said
                        found += 1
    assert found >= len(UNITS)


def test_3_a_commune_is_ranked_among_all_communes_not_its_units():
    """The count of areas "with no figure" is of every current commune and ward, whichever
    unit holds them: a commune's siblings are not only those of its own unit."""
    from sphinx_hdnd.tailoring import local_indicators

    ds = load_dataset(DATA)
    communes = [c for c in CURRENT if AREAS[c]["parent"]]
    seen = 0
    for code in communes:
        for li in local_indicators(ds, code):
            if li.indicator.area == code:
                assert li.level == len(communes), (code, li.indicator.code, li.level)
                seen += 1
    assert seen


# ---------------------------------------------------------------- 4. "(cũ)"


def test_4_every_former_area_is_named_as_former(built):
    pages = [p for p in built.outdir.rglob("*.html") if "_static" not in p.parts]
    seen = 0
    for path in pages:
        body = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("[role=main]")
        if body is None:
            continue
        text = clean(body.get_text(" "))
        for old in FORMER:
            for m in re.finditer(re.escape(full_name(old)), text, re.IGNORECASE):
                seen += 1
                assert text[m.end() : m.end() + 5] == " (cũ)", (path.name, text[m.start() : m.end() + 20])
    assert seen > 0


def test_4_no_brackets_inside_brackets_in_the_indicators_table(built):
    """'Tỷ lệ … (tỉnh Hải Lam (cũ))' nests brackets: the place follows a comma."""
    rows = [clean(tr.get_text(" ")) for tr in page(built, "index").select("table.hdnd-indicators tbody tr")]
    assert rows and not [r for r in rows if re.search(r"\([^()]*\(", r)]


def test_4_downloads_name_former_places_as_former(built):
    """The briefings' CSV files say "(cũ)" as their pages do, old provinces included."""
    project = Path(built.srcdir)
    said: set[str] = set()
    for path in (project / GENERATED).rglob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            places = {row["Địa bàn"] for row in csv.DictReader(fh)}
        for old in [*FORMER, *OLD_PROVINCES]:
            plain = full_name(old) if old in AREAS else f"tỉnh {OLD_PROVINCES[old]['name']}"
            assert plain not in places, (path.name, plain)
            said |= places & {shown_name(old)}
    assert said >= {shown_name(i["area"]) for i in INDICATORS if i["area"] in FORMER}


# ---------------------------------------------------------------- 5. rankings by area


def rank_words(rk: dict[str, str]) -> str:
    return f"xếp thứ {rk['rank']}/{rk['total']} {rk['scope']}"


def test_5_rankings_of_a_place_and_of_its_former_area_on_its_page(built):
    by_area = [rk for rk in RANKINGS.values() if rk["area"] in AREAS]
    assert by_area
    for rk in by_area:
        for area in CURRENT:
            box = area_page(built, area).select_one(".hdnd-area-rankings")
            text = clean(box.get_text(" ")) if box else ""
            expected = f"{shown_name(rk['area'])} {rank_words(rk)}"
            # its own page, its unit's page, and for a former area the pages of its heirs
            carried = rk["area"] in FORMER and area in heirs(rk["area"])
            mine = rk["area"] == area or AREAS[rk["area"]]["parent"] == area
            assert (expected in text) is (carried or mine), (area, rk["code"])


def test_5_a_rank_across_the_merger_says_each_rank(built):
    rk = next(r for r in RANKINGS.values() if r["compare_with"])
    text = clean(page(built, "index").get_text(" "))
    sentence = rank_words(rk) + " (trước hợp nhất: "
    assert sentence in text
    tail = text[text.index(sentence) :]
    for code in split(rk["compare_with"]):
        old = RANKINGS[code]
        assert f"năm {old['period']}, {shown_name(old['area'])} {rank_words(old)}" in tail
    assert "bậc" not in tail[:300]  # no steps counted between 63 and 34 provinces


# ---------------------------------------------------------------- 6. past sessions


def test_6_a_past_session_of_the_old_council_is_named_in_full(built):
    past = next(p for p in SESSION["past_sessions"] if p.get("council"))
    name = f"kỳ họp thứ {past['ordinal']}, {past['council']} khóa {past['term']} ({past['note']})"
    pets = [p for p in read_csv("petitions.csv") if p["received_session"] == past["code"]]
    assert pets
    for pet in pets:
        for area in sorted(heirs(pet["area"])):
            assert name in clean(area_page(built, area).get_text(" "))


def test_6_sessions_of_another_council_are_not_counted_as_this_ones():
    ds = load_dataset(DATA)
    past = next(p for p in ds.session.past_sessions if p.council)
    pet = next(p for p in ds.petitions if p.received_session == past.code)
    assert follow_up(ds, pet).sessions_open is None  # not 2 - 30 = -28 sessions


# ---------------------------------------------------------------- 9. wording


def test_9_comparison_says_which_way_is_better(built):
    province = {(i["name"], i["period"]): i for i in INDICATORS if not i["area"]}
    checked = 0
    for ind in (i for i in INDICATORS if i["area"] in CURRENT):
        prov = province.get((ind["name"], ind["period"]))
        if prov is None:
            continue
        mine, theirs = (Decimal(x.replace(",", ".")) for x in (ind["value"], prov["value"]))
        if mine == theirs:
            continue
        higher = mine > theirs
        good = higher == (ind["higher_is_better"] != "không")
        expected = (
            f"{'cao hơn' if higher else 'thấp hơn'} mức chung của tỉnh "
            f"({vn(prov['value'])}%), {'là mặt tích cực' if good else 'là mặt còn hạn chế'}"
        )
        row = next(r for r in local_rows(area_page(built, ind["area"])) if ind["name"] in r)
        assert expected in row
        assert not row.endswith(("kém hơn", "tốt hơn"))
        checked += 1
    assert checked >= 4


def test_6_a_petition_to_the_old_council_gets_no_deadline_by_the_new_rules():
    """The new province's petition_deadline_days are its own council's rules."""
    from sphinx_hdnd.model.follow_up import EVERY_LEVEL, deadline_of

    ds = load_dataset(DATA)
    # the new province's rule: 30 days at every level
    ds.province = ds.province.model_copy(update={"petition_deadline_days": {EVERY_LEVEL: 30}})
    others = {s["code"] for s in SESSION["past_sessions"] if s.get("council")}
    old = [p for p in ds.petitions if p.received_session in others]
    own = [p for p in ds.petitions if p.received_session not in others and p.kind.value == "kien-nghi"]
    assert old and own
    forwarded = dt.date(2025, 1, 10)
    for pet in old:
        assert deadline_of(ds, pet.model_copy(update={"forwarded_date": forwarded, "deadline": None})) is None
        stated = dt.date(2025, 3, 1)  # a deadline the row states still holds
        assert deadline_of(ds, pet.model_copy(update={"deadline": stated})) == stated
    assert all(deadline_of(ds, p.model_copy(update={"forwarded_date": forwarded, "deadline": None}))
               == forwarded + dt.timedelta(days=30) for p in own)
