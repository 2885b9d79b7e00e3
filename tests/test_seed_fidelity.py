"""The Điện Biên example read line by line against the seeds (issue 15).

The example (``examples/dien-bien``) is copied and built once for this module
(HTML); each test compares a part of the data or of the built pages with the
seed đề cương (002) or the executive's report (000) in ``../shared/seeds``.
The whole module skips when the seeds are absent (a user's clone).

Facts that no source states are not cited to a real source; official titles,
figures and their qualifiers are the seed's; items cite the document and the
section that state them; a province-wide figure is not shown as local.
"""

from __future__ import annotations

import csv
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from hdnd_sphinx import sphinx_build

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "dien-bien"
DATA = EXAMPLE / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
DE_CUONG = SEEDS / "002_dc2d63f5c0c22c7e.txt"
REPORT = SEEDS / "000_235bc1fbfa0b3f14.txt"

if not (DE_CUONG.is_file() and REPORT.is_file()):
    pytest.skip(f"seed documents not available ({SEEDS})", allow_module_level=True)

#: slips of the seed that the data corrects (and notes, in data/ghi-chu-doi-chieu.md)
SEED_TYPOS = {"diều chỉnh": "điều chỉnh"}


# ------------------------------------------------------------------ the seeds


def _nfc(path: Path) -> str:
    # NFC: the converted text spells some capitals with combining accents
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def flat(text: str) -> str:
    return " ".join(text.split())


SEED_002 = flat(_nfc(DE_CUONG))
REPORT_LINES = _nfc(REPORT).splitlines()
SEED_000 = flat("\n".join(REPORT_LINES))


def report_section(start: str, stop: str) -> str:
    """The report's text from the line matching ``start`` to the line matching ``stop``."""
    i = next(k for k, line in enumerate(REPORT_LINES) if re.match(start, line))
    j = next(k for k, line in enumerate(REPORT_LINES[i + 1:], i + 1) if re.match(stop, line))
    return flat("\n".join(REPORT_LINES[i:j]))


#: sections of the report (000) as the data names them, by their headings
REPORT_SECTIONS = {
    "Phần thứ nhất, A.I.1.5": (r"### 1\.5\. Lâm nghiệp", r"### 1\.6\."),
    "Phần thứ nhất, A.V.2": (r"## 2\. Công tác đối ngoại", r"## B\. "),
    "Phần thứ hai, I.2": (r"##### \*\*2\. Các chỉ tiêu chủ yếu", r"## \*\*II\. Nhiệm vụ"),
    "Phần thứ hai, II.3.6 b": (r"#### \*\*b\) Về cân đối thu chi", r"\*\*c\) Tiền tệ"),
    "Phần thứ hai, II.3.7": (r"### \*\*3\.7\.", r"#### \*\*4\. Lĩnh vực"),
    "Phần thứ hai, II.4.4 a": (r"\*a\) Văn hóa, thể thao", r"#### \*\*b\) Thông tin"),
    "Phần thứ hai, II.9": (r"## \*\*9\. Quốc phòng", r"\*\*Nơi nhận"),
}


def section_000(name: str) -> str:
    return report_section(*REPORT_SECTIONS[name])


def footnote_000(n: int) -> str:
    line = next(line for line in REPORT_LINES if line.startswith(f"<sup>{n}</sup>"))
    return flat(line)


def seed_resolution_titles() -> dict[int, str]:
    part = SEED_002[SEED_002.index("IV. THÔNG QUA"):SEED_002.index("V. CÁC NỘI DUNG KHÁC")]
    return {int(n): t for n, t in re.findall(r"\((\d+)\) (.*?)\.(?= \(\d+\)| *$)", part)}


def corrected(text: str) -> str:
    for typo, right in SEED_TYPOS.items():
        text = text.replace(typo, right)
    return text


def key_targets_000() -> dict[int, str]:
    """(n) -> text of the 16 numbered key targets of the report (Phần thứ hai, I.2)."""
    part = section_000("Phần thứ hai, I.2")
    found = re.findall(r"\((\d+)\) (.*?)(?= \(\d+\) |$)", part)
    return {int(n): re.sub(r" #+ .*$", "", t) for n, t in found}


# ------------------------------------------------------------------ the data, read independently


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def narrative() -> dict:
    return yaml.safe_load((DATA / "narrative.yaml").read_text(encoding="utf-8"))


def narrative_item(code: str) -> dict:
    doc = narrative()
    items = [*doc["highlights"], *doc["shortcomings"], *doc["local_items"],
             *doc["petition_summary"]]
    items += [i for group in doc["tasks"] for i in group.get("items", [])]
    return next(i for i in items if i["code"] == code)


def illustrative_sources() -> set[str]:
    return {s["code"] for s in read_csv("sources.csv") if (s.get("illustrative") or "").strip()}


def is_illustrative(row: dict[str, str]) -> bool:
    return bool((row.get("illustrative") or "").strip()) or row.get("source") in illustrative_sources()


# ------------------------------------------------------------------ the built example


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("fidelity") / "dien-bien"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("_build", "tiep-xuc"))
    run = sphinx_build(project, "html")
    assert run.statuscode == 0, run.warnings
    return run.outdir


_soups: dict[Path, BeautifulSoup] = {}


def page(outdir: Path, rel: str) -> Tag:
    """The main content of a built page."""
    path = outdir / rel
    if path not in _soups:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        _soups[path] = soup.select_one("[role=main]") or soup.body or soup
    return _soups[path]


def pages(outdir: Path) -> list[str]:
    return sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob("*.html")
                  if not p.relative_to(outdir).as_posix().startswith("_"))


def clean(text: str) -> str:
    return " ".join(text.replace("¶", " ").split())


def text_of(node: Tag) -> str:
    return clean(node.get_text(" "))


def section_titled(root: Tag, pattern: str) -> Tag:
    for h in root.find_all(re.compile(r"^h[1-6]$")):
        if re.match(pattern, text_of(h)):
            sec = h.find_parent("section")
            assert sec is not None
            return sec
    raise AssertionError(f"no heading matching {pattern!r}")


def outline(outdir: Path) -> Tag:
    return section_titled(page(outdir, "index.html"), r"Đề cương chung toàn tỉnh")


def sources_listed(root: Tag, code: str) -> str:
    """The entry of the page's 'Nguồn số liệu' for one source: its title and sections."""
    entry = root.select_one(f".hdnd-sources #hdnd-nguon-{code}")
    return text_of(entry) if entry is not None else ""


# -------------------------------------------------- 1. no unstated fact cited to a real source


def test_resolution_committee_only_where_a_source_states_it(built):
    """Neither the đề cương nor the report names the committee that examined each
    resolution: a committee cited to a real source must be stated there."""
    seeds = SEED_002 + " " + SEED_000
    for row in read_csv("resolutions.csv"):
        if row["committee"] and not is_illustrative(row):
            assert row["committee"] in seeds, (row["code"], row["committee"], row["source"])
    printed = 0
    for rel in pages(built):
        for m in re.finditer(r"Cơ quan thẩm tra: ([^.]+)\.", text_of(page(built, rel))):
            printed += 1
            assert m.group(1) in seeds, (rel, m.group(0))
    # the resolutions page is there, with its 14 titles
    assert len(page(built, "nghi-quyet.html").select(".hdnd-resolution-title")) == 14


def test_real_petitions_name_no_committee_the_seed_does_not(built):
    for row in read_csv("petitions.csv"):
        if not is_illustrative(row) and row["committee"]:
            assert row["committee"] in SEED_002, (row["code"], row["committee"])


# -------------------------------------------------- 2, 8. official titles in full; the seed's typo


def test_resolution_titles_are_the_seeds_in_full(built):
    seed = {n: corrected(t) for n, t in seed_resolution_titles().items()}
    assert sorted(seed) == list(range(1, 15))
    assert "(bãi bỏ 16 Nghị quyết của Hội đồng nhân dân tỉnh Điện Biên)" in seed[11]
    rows = {int(r["number"]): r["title"] for r in read_csv("resolutions.csv")}
    assert rows == seed
    want = [seed[n] for n in range(1, 15)]
    for root in (page(built, "nghi-quyet.html"), section_titled(outline(built), r"IV\. ")):
        assert [text_of(t) for t in root.select(".hdnd-resolution-title")] == want


def test_seed_typo_dieu_chinh_is_corrected_and_noted(built):
    assert "Nghị quyết diều chỉnh chỉ tiêu đào tạo" in SEED_002
    for rel in pages(built):
        assert "diều chỉnh" not in page(built, rel).get_text(), rel
    assert "Nghị quyết điều chỉnh chỉ tiêu đào tạo trung cấp lý luận chính trị" in \
        text_of(page(built, "nghi-quyet.html"))
    # the correction is noted in the data, as the other slips of the seed are
    noted = [p.name for p in DATA.iterdir()
             if p.is_file() and "diều chỉnh" in p.read_text(encoding="utf-8")]
    assert noted


# ------------------------------------------------------------------ 3. budget, key targets, qualifiers


def money_forms(written: str) -> set[str]:
    """'631,6' -> {'631,6', '631 tỷ 600 triệu'} (the đề cương writes both styles)."""
    forms = {written}
    whole, _, dec = written.partition(",")
    if dec:
        forms.add(f"{whole} tỷ {dec.ljust(3, '0')} triệu")
    return forms


def test_budget_lines_state_only_what_their_section_says(built):
    """Part II of the đề cương gives the half-year actuals and their % of the estimate;
    the estimates (1.924,6 and 14.192,18 tỷ) are the report's full-year 2024 figures."""
    full_year = section_000("Phần thứ hai, II.3.6 b")
    assert "14.192,18 tỷ đồng" in full_year and "1.924,6 tỷ đồng" in full_year
    for row in read_csv("budget.csv"):
        if row["source"] != "dc_k15":
            continue
        for column in ("estimate", "actual", "pct"):
            if row[column]:
                assert any(f in SEED_002 for f in money_forms(row[column])), (row["code"], column)
    table = page(built, "ngan-sach.html").select_one("table.hdnd-budget")
    assert table is not None
    for tr in table.select("tbody tr"):
        cells = [text_of(td) for td in tr.find_all("td")]
        if "6 tháng" in cells[1]:
            assert not re.search(r"1\.924|14\.192", cells[2]), cells


def test_the_14192_target_is_local_budget_revenue(built):
    full_year = section_000("Phần thứ hai, II.3.6 b")
    assert "tổng thu ngân sách địa phương năm 2024 đạt 14.192,18 tỷ đồng" in full_year
    rows = [r for r in read_csv("indicators.csv") if r["plan"] in ("14.192", "14.192,18")]
    assert len(rows) == 1
    assert "ngân sách địa phương" in rows[0]["name"], rows[0]["name"]
    shown = [text_of(tr) for tr in page(built, "chi-tieu.html").select("table tr")
             if "14.192" in text_of(tr)]
    assert shown and all("Tổng thu ngân sách địa phương" in t for t in shown), shown


QUALIFIERS = {"trên", "khoảng", "dưới"}


def test_each_key_target_is_its_item_of_the_report_with_its_qualifier():
    items = key_targets_000()
    assert sorted(items) == list(range(1, 17))
    keyed = [r for r in read_csv("indicators.csv") if r["key"]]
    assert sorted(int(r["key"]) for r in keyed) == list(range(1, 17))
    for row in keyed:
        k, item = int(row["key"]), items[int(row["key"])]
        assert row["source"] == "bc_ubnd_2023", row["code"]
        assert row["source_section"].startswith(f"Phần thứ hai, I.2 ({k})"), row["code"]
        # the plan as the report writes it (small counts may be zero-padded: 03 xã)
        m = re.search(r"(?<![\d.,/])0*" + re.escape(row["plan"]) + r"(?!\d|[.,]\d)", item)
        assert m, (row["code"], row["plan"], row["unit"], item)
        before = item[:m.start()].split()
        said = before[-1].casefold() if before and before[-1].casefold() in QUALIFIERS else None
        label = re.search(r"\(([^()]+)\)\s*$", row["plan_label"])
        assert (label.group(1).strip() if label else None) == said, (row["code"], row["plan_label"])
        if item[m.end():].lstrip().startswith("nghìn"):  # "trên 1.300 nghìn lượt"
            assert row["unit"].startswith("nghìn"), (row["code"], row["unit"])


def test_key_targets_table_cites_and_qualifies_each_target(built):
    sec = section_titled(page(built, "chi-tieu.html"), r"Các chỉ tiêu chủ yếu")
    table = sec.select_one("table.hdnd-indicators")
    rows = table.select("tbody tr")
    assert len(rows) == 16
    for tr in rows:
        plan = tr.find_all("td")[3]
        assert plan.select_one("a.hdnd-figure"), text_of(tr)
    assert any("trên 94%" in text_of(tr) for tr in rows)


# ------------------------------------------------------------------ 4. forest environment services


def test_forest_services_total_is_cumulative_to_2022(built):
    assert "hơn 171 tỷ đồng<sup>3</sup>" in section_000("Phần thứ nhất, A.I.1.5")
    note = footnote_000(3)
    assert "2013 - 2021" in note and "năm 2022" in note
    rows = [r for r in read_csv("indicators.csv")
            if "dịch vụ môi trường rừng" in r["name"] and r["value"] == "171"]
    assert len(rows) == 1
    row = rows[0]
    assert "2023" not in row["period"] and "2013" in row["period"] and "2022" in row["period"]
    assert "chú thích 3" in row["source_section"]
    shown = [[text_of(td) for td in tr.find_all("td")]
             for rel in pages(built) for tr in page(built, rel).select("table tr")
             if "171 tỷ đồng" in text_of(tr)]
    assert shown and all(cells[1] == row["period"] for cells in shown), shown
    # "hơn 171 tỷ đồng": the report's "hơn" stays with its figure on every page
    assert row["value_qualifier"] == "hơn"
    assert all("hơn 171 tỷ đồng" in cell for cells in shown for cell in cells
               if "171 tỷ đồng" in cell), shown


# ------------------------------------------------------------------ 5. wording that changes meaning


def test_shortcoming_4_says_some_projects():
    assert "(4) Tiến độ thực hiện một số dự án ngoài đầu tư công" in SEED_002
    item = narrative()["shortcomings"][3]
    assert item["source_section"] == "I.1.2 (4)"
    assert item["text"].startswith("Một số dự án ngoài đầu tư công"), item["text"][:40]


def test_shortcoming_4_on_the_outline(built):
    sec = section_titled(outline(built), r"1\.2\. ")
    fourth = sec.select("ol > li")[3]
    assert "Một số dự án ngoài đầu tư công" in text_of(fourth)
    assert "Nhiều dự án" not in text_of(fourth)


ADDRESSEE = "đề nghị UBND tỉnh chỉ đạo các ngành liên quan"


def test_social_critique_petition_keeps_its_addressee(built):
    assert ADDRESSEE in SEED_002
    assert ADDRESSEE in narrative_item("pt_phan_bien_xa_hoi")["text"]
    assert any(ADDRESSEE in r["text"] for r in read_csv("petitions.csv") if r["code"] == "kn_k15_03")
    assert ADDRESSEE in text_of(section_titled(outline(built), r"III\. "))
    assert ADDRESSEE in text_of(page(built, "kien-nghi.html"))


# ------------------------------------------------------------------ 6. citations on tailored pages


def test_half_year_food_poisoning_cites_the_de_cuong(built):
    """'no case in the first half of 2024' is the đề cương's (I.1.1 (5)), not the 2023 report's."""
    assert "trong 06 tháng đầu năm không có ca, vụ ngộ độc thực phẩm nào xảy ra" in SEED_002
    found = 0
    for rel in pages(built):
        for p in page(built, rel).find_all("p"):
            text = text_of(p)
            if not ("Năm 2023 toàn tỉnh có" in text and "ngộ độc" in text):
                continue
            found += 1
            titles = [a.get("title", "") for a in p.select("a.hdnd-figure")]
            assert any("Đề cương" in t and "I.1.1 (5)" in t for t in titles), (rel, text[-120:])
            assert p.select_one('a.hdnd-cite[href="#hdnd-nguon-dc_k15"]'), rel
            assert p.select_one('a.hdnd-cite[href="#hdnd-nguon-bc_ubnd_2023"]'), rel
    assert found


def test_a_pa_chai_gate_item_cites_what_states_it(built):
    """'lối mở A Pa Chải - Long Phú' and its upgrade are the report's words (000, A.V.2 and
    II.9); the đề cương (I.2.6) only names the bilateral gate."""
    item = narrative_item("li_cua_khau_a_pa_chai")
    assert "lối mở a pa chải" not in SEED_002.casefold()
    if "lối mở" in item["text"].casefold():
        assert item["source"] == "bc_ubnd_2023"
    sections = [s.strip() for s in item["source_section"].split(";")]
    assert sections
    for s in sections:
        name = s if s.startswith("Phần") else f"Phần thứ hai, {s}"
        assert "lối mở A Pa Chải - Long Phú" in section_000(name), s
    # built from two documents, it cites both: the coordination with Vân Nam on the
    # procedures is the đề cương's (I.2.6)
    assert (item["also_source"], item["also_source_section"]) == ("dc_k15", "I.2.6")
    assert re.search(r"Vân Nam \(Trung Quốc\) thúc đẩy hoàn chỉnh các thủ tục.{0,200}"
                     r"cửa khẩu song phương A Pa Chải", SEED_002)
    shown = 0
    for rel in pages(built):
        root = page(built, rel)
        for p in root.find_all("p"):
            if "lối mở A Pa Chải" in text_of(p):
                shown += 1
                for code in ("bc_ubnd_2023", "dc_k15"):
                    assert p.select_one(f'a.hdnd-cite[href="#hdnd-nguon-{code}"]'), (rel, code)
                assert "I.2.6" in sources_listed(root, "dc_k15"), rel
    assert shown


def test_him_lam_item_cites_the_section_that_names_it(built):
    """The report names the Him Lam project twice: among the projects to disburse (II.3.7)
    and, 'góp phần thu hút khách du lịch', under culture (II.4.4 a): the item says the
    latter and cites it."""
    item = narrative_item("li_him_lam")
    said = section_000(item["source_section"])
    assert "Him Lam (đã được HĐND tỉnh thông qua chủ trương đầu tư)" in said
    assert "thu hút khách du lịch" in said and "thu hút khách du lịch" in item["text"]
    shown = 0
    for rel in pages(built):
        root = page(built, rel)
        if any("Khu trung tâm đề kháng Him Lam (đã được HĐND tỉnh" in text_of(p)
               for p in root.find_all("p")):
            shown += 1
            assert item["source_section"] in sources_listed(root, "bc_ubnd_2023"), rel
    assert shown


# ------------------------------------------------------------------ 7. a province figure is not local


def test_land_auction_projects_are_province_wide(built):
    """'07 dự án … 560 tỷ đồng' (đề cương I.2.4) names no area: it is never a local item."""
    m = re.search(r"đấu giá quyền sử dụng đất đối với 07 dự án với kinh phí dự kiến 560 tỷ", SEED_002)
    assert m
    doc = narrative()
    for item in doc["local_items"]:
        assert "dau_gia_dat_kinh_phi" not in item["text"], item["code"]
    for group in doc["tasks"]:
        for item in group.get("items", []):
            if "dau_gia_dat_kinh_phi" in item["text"]:
                assert not item.get("areas"), item["code"]
    city = sorted(p.relative_to(built).as_posix()
                  for p in (built / "tiep-xuc" / "dien-bien-phu").glob("*.html"))
    assert city
    for rel in city:
        root = page(built, rel)
        for h in root.find_all(re.compile(r"^h[1-6]$")):
            if re.match(r"(Tình hình tại|Nội dung liên quan đến địa bàn)", text_of(h)):
                assert "560 tỷ" not in text_of(h.find_parent("section")), rel
        for li in root.select("li"):
            why = li.select_one(".hdnd-why")
            if why is not None and "nói về" in text_of(why):
                assert "560 tỷ" not in text_of(li), rel


# ------------------------------------------------------------------ 9. the real petitions' status


def test_real_petitions_status_not_printed_as_a_fact(built):
    real = [r for r in read_csv("petitions.csv") if not is_illustrative(r)]
    assert len(real) == 3
    boxes = page(built, "kien-nghi.html").select(".hdnd-petition")
    for row in real:
        mine = [b for b in boxes if row["text"][:60] in text_of(b)]
        assert mine, row["code"]
        for box in mine:
            status = box.select_one("[class*=hdnd-status]")
            marked = box.select_one(".hdnd-illustrative-badge") is not None
            assert status is None or marked, (row["code"], text_of(status))
