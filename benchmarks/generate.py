"""Synthetic province data for the benchmarks, and the sphinx-hdnd project around it.

``python benchmarks/generate.py OUT --areas 200 --audiences 8`` writes::

    OUT/conf.py, OUT/index.md, OUT/kien-nghi.md   a project like examples/dien-bien
    OUT/data/                                      a valid data folder (hdnd validate: 0 errors)

Everything is drawn from a seeded ``random.Random``, so the same arguments give
the same bytes. The text is composed from the phrase lists below (written for
this generator, not copied from any document) with the lengths of a real
đề cương: a petition is 30-60 words, its answer 25-50, a narrative item 40-80.

The equivalent plain-MyST baseline is made from a built project by
:mod:`baseline`.
"""

from __future__ import annotations

import argparse
import csv
import random
import unicodedata
from pathlib import Path

TOPICS = [
    "kinh-te", "nong-nghiep", "lam-nghiep", "nong-thon-moi", "cong-nghiep", "thuong-mai-du-lich",
    "ngan-sach", "dau-tu", "giao-thong", "dat-dai-moi-truong", "giao-duc", "y-te", "giam-ngheo",
    "van-hoa", "dan-toc-ton-giao", "chuyen-doi-so", "cai-cach-hanh-chinh", "tu-phap",
    "quoc-phong-an-ninh", "hoat-dong-hdnd",
]

AUDIENCES = [
    ("nong-dan", "Nông dân, cử tri nông thôn"),
    ("cong-nhan", "Công nhân, người lao động"),
    ("thanh-nien", "Đoàn viên, thanh niên"),
    ("phu-nu", "Hội viên phụ nữ"),
    ("cuu-chien-binh", "Cựu chiến binh"),
    ("doanh-nghiep", "Doanh nghiệp, hộ kinh doanh"),
    ("huu-tri", "Cán bộ hưu trí"),
    ("dan-toc-thieu-so", "Cử tri vùng đồng bào dân tộc thiểu số"),
]

SYLLABLES = [
    "An", "Bình", "Cẩm", "Châu", "Đông", "Đức", "Gia", "Hà", "Hải", "Hòa", "Hưng", "Khánh",
    "Kim", "Lạc", "Lâm", "Long", "Minh", "Mỹ", "Nam", "Nghĩa", "Ngọc", "Phong", "Phú", "Phúc",
    "Quang", "Sơn", "Tân", "Thạch", "Thanh", "Thành", "Thuận", "Tiến", "Trung", "Trường",
    "Tường", "Vân", "Việt", "Vĩnh", "Xuân", "Yên", "Mường", "Nậm", "Pú", "Sín", "Chà", "Na",
]

def slug(name: str) -> str:
    """'Mường Tân' -> 'muong-tan'."""
    plain = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    return "".join(c for c in plain if not unicodedata.combining(c)).replace(" ", "-")

SUBJECTS = [
    "Cử tri", "Cử tri các thôn, bản", "Nhân dân trong xã", "Người dân vùng tái định cư",
    "Các hộ sản xuất", "Hội viên nông dân", "Đoàn viên thanh niên", "Các hợp tác xã",
]
ASKS = [
    "đề nghị sớm đầu tư sửa chữa tuyến đường liên thôn đã xuống cấp nghiêm trọng",
    "đề nghị bố trí kinh phí xây dựng thêm phòng học cho điểm trường lẻ",
    "đề nghị quan tâm cấp nước sinh hoạt ổn định vào mùa khô",
    "đề nghị hỗ trợ giống cây trồng, vật nuôi phù hợp với điều kiện địa phương",
    "đề nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân",
    "đề nghị tăng cường kiểm tra chất lượng phân bón, thuốc bảo vệ thực vật trên thị trường",
    "đề nghị xem xét nâng mức hỗ trợ cho người có uy tín trong đồng bào dân tộc thiểu số",
    "đề nghị có cơ chế hỗ trợ thanh niên khởi nghiệp, học nghề và tìm việc làm",
    "đề nghị sớm chi trả tiền bồi thường, hỗ trợ tái định cư cho các hộ bị thu hồi đất",
    "đề nghị bổ sung bác sĩ, thuốc và trang thiết bị cho trạm y tế xã",
    "đề nghị lắp đặt thêm trạm phát sóng để bảo đảm sóng điện thoại, internet",
    "đề nghị kiên cố hóa kênh mương nội đồng phục vụ sản xuất vụ đông xuân",
]
REASONS = [
    "vì hiện nay việc đi lại, sản xuất và học tập của con em gặp nhiều khó khăn",
    "do công trình được đầu tư đã lâu, nhiều đoạn bị sạt lở sau mùa mưa lũ",
    "nhằm bảo đảm đời sống, ổn định sản xuất cho người dân trên địa bàn",
    "để người dân yên tâm sản xuất, gắn bó lâu dài với địa phương",
    "trong khi nguồn lực của xã còn hạn chế, không tự cân đối được",
]
ANSWERS = [
    "Ủy ban nhân dân tỉnh đã giao Sở Xây dựng phối hợp với địa phương khảo sát, lập hồ sơ",
    "Nội dung này đã được đưa vào danh mục đầu tư công trung hạn giai đoạn 2026 - 2030",
    "Sở Nông nghiệp và Môi trường đang rà soát nhu cầu và sẽ tham mưu bố trí nguồn vốn",
    "Địa phương đã tổ chức đối thoại với người dân và thống nhất phương án thực hiện",
    "Kiến nghị đã được chuyển đến cơ quan có thẩm quyền để xem xét, trả lời theo quy định",
]
FOLLOWUPS = [
    "dự kiến hoàn thành trong năm sau",
    "khi được bố trí vốn sẽ triển khai ngay",
    "kết quả sẽ được thông báo tới cử tri tại kỳ họp tiếp theo",
    "đồng thời yêu cầu các đơn vị liên quan báo cáo tiến độ hằng quý",
]
FACTS = [
    "tăng trưởng kinh tế duy trì ở mức khá so với cùng kỳ",
    "các chương trình mục tiêu quốc gia được triển khai đồng bộ, giải ngân vốn có tiến bộ",
    "sản xuất nông, lâm nghiệp ổn định, diện tích cây ăn quả tiếp tục mở rộng",
    "công tác giảm nghèo, an sinh xã hội được quan tâm, đời sống người dân từng bước cải thiện",
    "chất lượng giáo dục ở vùng khó khăn được nâng lên, tỷ lệ trẻ đến trường cao",
    "hạ tầng giao thông nông thôn tiếp tục được đầu tư, nhiều tuyến đường được cứng hóa",
    "cải cách hành chính có chuyển biến, thủ tục trực tuyến được người dân sử dụng nhiều hơn",
    "quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội bảo đảm",
]
LIMITS = [
    "tiến độ một số công trình trọng điểm còn chậm so với kế hoạch",
    "thu ngân sách ở một số khoản chưa đạt dự toán",
    "việc giải quyết kiến nghị về đất đai còn kéo dài",
    "tỷ lệ hộ nghèo ở vùng đặc biệt khó khăn vẫn còn cao",
]

MEASURES = [
    ("Tỷ lệ hộ nghèo", "giam-ngheo", "%", False),
    ("Tỷ lệ trường đạt chuẩn quốc gia", "giao-duc", "%", True),
    ("Sản lượng lương thực có hạt", "nong-nghiep", "tấn", True),
    ("Tỷ lệ che phủ rừng", "lam-nghiep", "%", True),
    ("Thu ngân sách trên địa bàn", "ngan-sach", "tỷ đồng", True),
    ("Số tiêu chí nông thôn mới bình quân", "nong-thon-moi", "tiêu chí", True),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "y-te", "%", True),
    ("Chiều dài đường giao thông được cứng hóa", "giao-thong", "km", True),
    ("Tỷ lệ hồ sơ giải quyết trực tuyến", "cai-cach-hanh-chinh", "%", True),
    ("Số lao động được tạo việc làm mới", "kinh-te", "người", True),
    ("Tỷ lệ hộ dùng nước sạch", "nong-thon-moi", "%", True),
    ("Số vụ vi phạm pháp luật về môi trường", "dat-dai-moi-truong", "vụ", False),
]

PERIOD = "6 tháng đầu năm 2025"


def words(rng: random.Random, parts: list[list[str]], lo: int, hi: int) -> str:
    """Sentences from the phrase lists until the text has lo..hi words."""
    target = rng.randint(lo, hi)
    out: list[str] = []
    while len(" ".join(out).split()) < target:
        sentence = ", ".join(rng.choice(p) for p in parts)
        out.append(sentence[:1].upper() + sentence[1:] + ".")
    return " ".join(out)


def area_names(rng: random.Random, n: int) -> list[tuple[str, str]]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < n:
        name = " ".join(rng.sample(SYLLABLES, 2 if len(names) < 1500 else 3))
        code = slug(name)
        if code not in seen:
            seen.add(code)
            names.append(name)
    return [(slug(name), name) for name in names]


def write_csv(path: Path, header: list[str], rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, header, lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow({k: "" if v is None else v for k, v in row.items()})


def vi(x: float, digits: int = 2) -> str:
    """A number in the Vietnamese style of the documents: 1.234,56."""
    s = f"{x:,.{digits}f}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".")


def generate_data(data: Path, seed: int, n_areas: int, n_audiences: int, k_indicators: int,
                  p_petitions: int) -> None:
    rng = random.Random(seed)
    data.mkdir(parents=True, exist_ok=True)
    areas = area_names(rng, n_areas)
    levels = ["xã", "phường"]

    (data / "province.yaml").write_text(
        "# Tỉnh mẫu sinh ngẫu nhiên cho phép đo hiệu năng (không phải số liệu thật).\n"
        "code: tinh-mau\nname: Tỉnh Mẫu\ncouncil: Hội đồng nhân dân tỉnh Tỉnh Mẫu\n"
        "council_short: HĐND tỉnh\nstanding_committee: Thường trực HĐND tỉnh\n"
        "term:\n  code: XV\n  start_year: 2021\n  end_year: 2026\nnumber_style: vi\n"
        "number_styles:\n  audiences.yaml: plain\narea_level_label: xã, phường\n"
        "national_units: 34\n", encoding="utf-8")
    (data / "session.yaml").write_text(
        "code: k03\nnumber: 3\nordinal: Ba\nstart_date: 08/07/2025\nend_date: 10/07/2025\n"
        f"duration_days: 3\nperiod: {PERIOD}\nperiod_year: 2025\n"
        "next_period: 6 tháng cuối năm 2025\nattendance:\n  present: 48\n  total: 52\n"
        "guests:\n  - Lãnh đạo Thường trực Tỉnh ủy\n  - Lãnh đạo UBND tỉnh\n"
        "outcome: >-\n  Kỳ họp hoàn thành toàn bộ chương trình đề ra, thông qua các nghị quyết "
        "quan trọng về phát triển kinh tế - xã hội.\nsource: bc\nsource_section: Phần mở đầu\n"
        "front:\n  meetings: 320\n  attendees: 25000\n  opinions: 980\n  source: bc\n"
        "debate:\n  speakers: 10\n  broadcast: x\n  topics:\n"
        "    - Tình hình kinh tế - xã hội 6 tháng đầu năm\n  source: bc\n"
        "questioning:\n  broadcast: x\n  delegates: [Nguyễn Văn An, Lò Thị Hoa, Giàng A Páo]\n"
        "  delegate_count: 3\n  issue_count: 4\n  answered_directly: [Giám đốc Sở Xây dựng]\n"
        "  source: bc\npast_sessions:\n  - code: k02\n    number: 2\n    ordinal: Hai\n",
        encoding="utf-8")
    write_csv(data / "sources.csv", ["code", "title", "issuer", "illustrative"], [
        {"code": "bc", "title": "Báo cáo kết quả kỳ họp thứ Ba (số liệu sinh ngẫu nhiên)",
         "issuer": "Thường trực HĐND tỉnh", "illustrative": "x"},
        {"code": "tk", "title": "Niên giám thống kê (số liệu sinh ngẫu nhiên)",
         "issuer": "Cục Thống kê", "illustrative": "x"},
    ])
    write_csv(data / "areas.csv", ["code", "name", "level", "order"], [
        {"code": code, "name": name, "level": levels[i % 7 == 0], "order": i + 1}
        for i, (code, name) in enumerate(areas)])

    aud_lines = []
    for i in range(n_audiences):
        code, name = AUDIENCES[i % len(AUDIENCES)]
        if i >= len(AUDIENCES):
            code, name = f"{code}-{i // len(AUDIENCES) + 1}", f"{name} (nhóm {i // len(AUDIENCES) + 1})"
        aud_lines += [f"- code: {code}", f"  name: {name}", f"  order: {i + 1}", "  weights:"]
        for topic in rng.sample(TOPICS, 10):
            aud_lines.append(f"    {topic}: {rng.choice([0.2, 0.4, 0.5, 0.6, 0.8, 1])}")
    audiences = [line.split(": ")[1] for line in aud_lines if line.startswith("- code")]
    (data / "audiences.yaml").write_text("\n".join(aud_lines) + "\n", encoding="utf-8")

    # indicators: K measures per area, the same K for every area so that areas rank,
    # plus the province-wide figure of each measure
    header = ["code", "name", "topic", "unit", "period", "area", "value", "plan",
              "higher_is_better", "source", "source_section"]
    rows: list[dict[str, object]] = []
    measures = [MEASURES[j % len(MEASURES)] for j in range(k_indicators)]
    for j, (name, topic, unit, better) in enumerate(measures):
        label = name if j < len(MEASURES) else f"{name} (nhóm {j // len(MEASURES) + 1})"
        rows.append({"code": f"m{j:02d}_tinh", "name": label, "topic": topic, "unit": unit,
                     "period": PERIOD, "value": vi(rng.uniform(20, 90)),
                     "plan": vi(rng.uniform(50, 95)), "higher_is_better": "x" if better else "không",
                     "source": "tk", "source_section": f"Bảng {j + 1}"})
    for i, (code, _name) in enumerate(areas):
        for j, (name, topic, unit, better) in enumerate(measures):
            label = name if j < len(MEASURES) else f"{name} (nhóm {j // len(MEASURES) + 1})"
            rows.append({"code": f"m{j:02d}_{i:04d}", "name": label, "topic": topic,
                         "unit": unit, "period": PERIOD, "area": code,
                         "value": vi(rng.uniform(5, 99)), "plan": vi(rng.uniform(50, 95)),
                         "higher_is_better": "x" if better else "không",
                         "source": "tk", "source_section": f"Bảng {j + 1}"})
    write_csv(data / "indicators.csv", header, rows)

    write_csv(data / "budget.csv", ["code", "kind", "name", "period", "estimate", "actual",
                                    "order", "source", "source_section"], [
        {"code": "thu", "kind": "thu", "name": "Tổng thu ngân sách nhà nước trên địa bàn",
         "period": PERIOD, "estimate": "2.450,5", "actual": "1.102,3", "order": 1, "source": "bc",
         "source_section": "II.1"},
        {"code": "chi", "kind": "chi", "name": "Tổng chi ngân sách địa phương", "period": PERIOD,
         "estimate": "15.800", "actual": "6.932,75", "order": 2, "source": "bc",
         "source_section": "II.2"},
    ])
    write_csv(data / "rankings.csv", ["code", "subject", "topic", "period", "rank", "total",
                                      "scope", "source", "source_section"], [
        {"code": "pci", "subject": "Chỉ số Năng lực cạnh tranh cấp tỉnh (PCI)",
         "topic": "cai-cach-hanh-chinh", "period": "2024", "rank": 21, "total": 34,
         "scope": "tỉnh, thành phố", "source": "bc", "source_section": "I.1"},
    ])

    def item(code: str, parts: list[list[str]], topics: list[str], areas_: list[str],
             indent: str, title: str, cites: str = "") -> list[str]:
        text = words(rng, parts, 40, 80) + cites
        out = [f"{indent}- code: {code}", f"{indent}  title: {title}",
               f"{indent}  text: >-", f"{indent}    {text}",
               f"{indent}  topics: [{', '.join(topics)}]"]
        if areas_:
            out.append(f"{indent}  areas: [{', '.join(areas_)}]")
        out += [f"{indent}  no_area_links: x", f"{indent}  source: bc",
                f"{indent}  source_section: I.{rng.randint(1, 9)}"]
        return out

    nar = ["highlights:"]
    for i in range(8):
        cite = f" Tỷ lệ chung của tỉnh {{m{i % k_indicators:02d}_tinh}}." if k_indicators else ""
        nar += item(f"kq{i:02d}", [FACTS, FACTS], rng.sample(TOPICS, 2), [], "  ",
                    f"Kết quả nổi bật {i + 1}", cite)
    nar.append("shortcomings:")
    for i in range(6):
        nar += item(f"ht{i:02d}", [LIMITS, REASONS], rng.sample(TOPICS, 2), [], "  ",
                    f"Hạn chế {i + 1}")
    nar.append("tasks:")
    for g in range(5):
        nar += [f"  - code: nv{g}", f"    number: \"2.{g + 1}\"",
                f"    title: Nhóm nhiệm vụ {g + 1}", "    source: bc", "    items:"]
        for i in range(4):
            nar += item(f"nv{g}_{i}", [ANSWERS, FOLLOWUPS], rng.sample(TOPICS, 2), [], "      ",
                        f"Nhiệm vụ {g + 1}.{i + 1}")
    nar.append("local_items:")
    for i, (code, name) in enumerate(areas):
        nar += item(f"dp{i:04d}", [FACTS, FOLLOWUPS], rng.sample(TOPICS, 2), [code], "  ",
                    f"Dự án trọng điểm tại {levels[i % 7 == 0]} {name}")
        nar.append("    kind: du-an")
    (data / "narrative.yaml").write_text("\n".join(nar) + "\n", encoding="utf-8")

    res_rows = []
    for i in range(15):
        local = [c for c, _ in rng.sample(areas, min(3, len(areas)))] if i % 3 == 0 else []
        res_rows.append({"number": i + 1, "code": f"nq{i + 1:02d}",
                         "title": f"Nghị quyết về {rng.choice(FACTS)}",
                         "topics": "; ".join(rng.sample(TOPICS, 2)), "areas": "; ".join(local),
                         "committee": "Ban Kinh tế - Ngân sách",
                         "summary": words(rng, [FACTS, FOLLOWUPS], 20, 40),
                         "source": "bc", "source_section": f"IV ({i + 1})"})
    write_csv(data / "resolutions.csv", ["number", "code", "title", "topics", "areas",
                                         "committee", "summary", "source", "source_section"],
              res_rows)

    statuses = ["da-tra-loi", "dang-giai-quyet", "co-lo-trinh", "chua-co-nguon", "chua-tra-loi"]
    pet_rows = []
    for i in range(5):
        pet_rows.append(petition_row(rng, f"kn_tinh_{i}", None, None, statuses))
    for i, (code, _name) in enumerate(areas):
        for j in range(p_petitions):
            aud = rng.choice(audiences) if j % 2 else None
            pet_rows.append(petition_row(rng, f"kn{i:04d}_{j:02d}", code, aud, statuses))
    write_petitions(data, pet_rows)


PETITION_HEADER = ["code", "area", "audience", "topics", "committee", "text", "response",
                   "responder", "status", "received_session", "source", "source_section"]


def petition_row(rng: random.Random, code: str, area: str | None, audience: str | None,
                 statuses: list[str]) -> dict[str, object]:
    status = rng.choice(statuses)
    return {"code": code, "area": area, "audience": audience,
            "topics": "; ".join(rng.sample(TOPICS, 2)), "committee": "Ban Kinh tế - Ngân sách",
            "text": words(rng, [SUBJECTS, ASKS, REASONS], 30, 60),
            "response": "" if status == "chua-tra-loi" else words(rng, [ANSWERS, FOLLOWUPS],
                                                                    25, 50),
            "responder": "" if status == "chua-tra-loi" else "UBND tỉnh",
            "status": status, "received_session": rng.choice(["k03", "k03", "k02"]),
            "source": "bc", "source_section": "III.2"}


def write_petitions(data: Path, rows: list[dict[str, object]]) -> None:
    write_csv(data / "petitions.csv", PETITION_HEADER, rows)


def change_one_area_petitions(data: Path, area: str, seed: int = 1) -> None:
    """The incremental scenario: one area's petitions change (one new answer)."""
    with (data / "petitions.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rng = random.Random(seed)
    for row in rows:
        if row["area"] == area:
            row["response"] = words(rng, [ANSWERS, FOLLOWUPS], 25, 50)
            row["responder"] = "UBND tỉnh"
            row["status"] = "da-tra-loi"
            break
    write_petitions(data, rows)  # type: ignore[arg-type]


CONF = '''"""Synthetic benchmark project ({what}): see benchmarks/generate.py."""

project = "Đề cương tiếp xúc cử tri - Tỉnh Mẫu (số liệu sinh ngẫu nhiên)"
author = "sphinx-hdnd benchmarks"
language = "vi"
extensions = {extensions!r}
{extra}
exclude_patterns = ["_build", "data", "README.md"]
myst_enable_extensions = {myst!r}
html_theme = "furo"
html_title = "Đề cương tiếp xúc cử tri - Tỉnh Mẫu"
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
'''

INDEX = """# Đề cương báo cáo kết quả kỳ họp thứ Ba

## Kỳ họp trong nét chính

```{hdnd-session}
:brief:
```

## Đề cương theo địa bàn và đối tượng cử tri

Chọn địa bàn, sau đó chọn đối tượng cử tri của cuộc tiếp xúc:

```{hdnd-grid}
```

## Đề cương chung toàn tỉnh

```{hdnd-outline}
```

```{toctree}
:hidden:
:maxdepth: 2

tiep-xuc/index
kien-nghi
```
"""

PETITIONS_PAGE = """# Ý kiến, kiến nghị của cử tri và kết quả trả lời

## Kiến nghị chung toàn tỉnh

```{hdnd-petitions}
:area: toan-tinh
```

## Kiến nghị chưa trả lời

```{hdnd-petitions}
:status: chua-tra-loi
```
"""


def generate_project(out: Path, seed: int = 2025, areas: int = 50, audiences: int = 8,
                     indicators: int = 10, petitions: int = 4) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    generate_data(out / "data", seed, areas, audiences, indicators, petitions)
    (out / "conf.py").write_text(CONF.format(
        what="sphinx-hdnd", extensions=["myst_parser", "sphinx_design", "sphinx_hdnd"],
        extra='hdnd_data_dir = "data"', myst=["colon_fence"]), encoding="utf-8")
    (out / "index.md").write_text(INDEX, encoding="utf-8")
    (out / "kien-nghi.md").write_text(PETITIONS_PAGE, encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--areas", type=int, default=50)
    ap.add_argument("--audiences", type=int, default=8)
    ap.add_argument("--indicators", type=int, default=10, help="per area")
    ap.add_argument("--petitions", type=int, default=4, help="per area")
    ap.add_argument("--data-only", action="store_true", help="only the data folder")
    a = ap.parse_args()
    if a.data_only:
        generate_data(a.out, a.seed, a.areas, a.audiences, a.indicators, a.petitions)
    else:
        generate_project(a.out, a.seed, a.areas, a.audiences, a.indicators, a.petitions)


if __name__ == "__main__":
    main()
