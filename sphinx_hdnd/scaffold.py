"""``hdnd init``: a complete province project that builds at once.

The project holds ``conf.py``, a few pages and a ``data/`` folder with a
clearly marked sample (every record ``illustrative: x``, one illustrative
source). The tables of the sample live in one Excel workbook,
``data/hdnd.xlsx``: one sheet per table, a header row of column names, a
note on every header cell and drop-down lists for codes. The workbook is
generated from the record classes (:mod:`sphinx_hdnd.schema`), so its
columns, notes and lists cannot drift from what the loader accepts.
No Sphinx import.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .model.loader import default_topics
from .schema import KIND_HELP, TABLES, WORKBOOK, FieldSpec, Kind, fields_of

AreaLayout = Literal["districts", "communes"]

SAMPLE_SOURCE = "minh_hoa"
#: the sheet of drop-down lists in the workbook (not a table: the loader ignores it)
LISTS_SHEET = "danh-muc"
GUIDE_SHEET = "huong-dan"
#: rows of each sheet that carry the drop-down lists
VALIDATION_ROWS = 1000


class NotEmpty(Exception):
    """The target folder has files and ``--force`` was not given."""


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
    """A code from a Vietnamese name: “Điện Biên Phủ” -> “dien-bien-phu”."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = []
    for ch in ascii_.lower():
        out.append(ch if ch.isalnum() else "-")
    slug = "-".join(p for p in "".join(out).split("-") if p)
    return slug if slug[:1].isalpha() else f"t-{slug}" if slug else ""


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


# ------------------------------------------------------------------ the sample


@dataclass(frozen=True)
class Sample:
    """The illustrative data of a new project, by layout."""

    session_code: str
    past_session: str
    start: str
    end: str
    period: str
    next_period: str
    tables: dict[str, list[dict[str, Any]]]

    @property
    def areas(self) -> list[dict[str, Any]]:
        return self.tables["areas"]


def _sample(opts: Options) -> Sample:
    prov = opts.name
    if opts.areas == "communes":
        period, next_period = "năm 2025", "năm 2026"
        start, end = "10/12/2025", "11/12/2025"
        areas = [
            {"code": "dvbc-01", "name": "số 1", "level": "đơn vị bầu cử", "order": 1,
             "aliases": "Đơn vị bầu cử số 1"},
            {"code": "dvbc-02", "name": "số 2", "level": "đơn vị bầu cử", "order": 2,
             "aliases": "Đơn vị bầu cử số 2"},
            {"code": "phuong-trung-tam", "name": "Trung Tâm", "level": "phường",
             "parent": "dvbc-01", "valid_from": dt.date(2025, 7, 1), "order": 3},
            {"code": "xa-an-binh", "name": "An Bình", "level": "xã", "parent": "dvbc-01",
             "valid_from": dt.date(2025, 7, 1), "order": 4},
            {"code": "xa-cat-lam", "name": "Cát Lâm", "level": "xã", "parent": "dvbc-02",
             "valid_from": dt.date(2025, 7, 1), "order": 5},
            {"code": "xa-binh-son", "name": "Bình Sơn", "level": "xã", "parent": "dvbc-02",
             "valid_from": dt.date(2025, 7, 1), "order": 6},
            # before the 2025 reform: the old district, mapped to the communes that replaced it
            {"code": "huyen-an-binh", "name": "An Bình", "level": "huyện",
             "valid_to": dt.date(2025, 6, 30), "successors": "xa-an-binh; xa-cat-lam",
             "order": 7},
        ]
        a1, a2, a3, old = "xa-an-binh", "phuong-trung-tam", "xa-cat-lam", "huyen-an-binh"
    else:
        period, next_period = "6 tháng đầu năm 2025", "6 tháng cuối năm 2025"
        start, end = "10/07/2025", "11/07/2025"
        areas = [
            {"code": "trung-tam", "name": "Trung Tâm", "level": "thành phố", "order": 1},
            {"code": "an-binh", "name": "An Bình", "level": "huyện", "order": 2},
            {"code": "binh-son", "name": "Bình Sơn", "level": "huyện", "order": 3},
        ]
        a1, a2, a3, old = "an-binh", "trung-tam", "binh-son", "binh-son"
    area_name = {a["code"]: f"{a['level']} {a['name']}" for a in areas}
    ill = {"source": SAMPLE_SOURCE, "illustrative": "x"}
    tables: dict[str, list[dict[str, Any]]] = {
        "areas": areas,
        "sources": [{
            "code": SAMPLE_SOURCE,
            "title": "Số liệu minh họa do lệnh hdnd init tạo ra (thay bằng văn bản thật)",
            "issuer": f"Thường trực HĐND {opts.level} {prov}",
            "illustrative": "x",
        }],
        "indicators": [
            {"code": "grdp", "name": "Tốc độ tăng trưởng GRDP", "topic": "kinh-te", "unit": "%",
             "period": period, "value": 7.5, "estimate": "x", "plan": 8, "key": 1, **ill},
            {"code": "thu_nsnn", "name": "Thu ngân sách nhà nước trên địa bàn",
             "topic": "ngan-sach", "unit": "tỷ đồng", "period": period, "value": 1250.5,
             "estimate": "x", "plan": 2500, "plan_label": "dự toán", "key": 2, **ill},
            {"code": "luong_thuc", "name": "Sản lượng lương thực có hạt", "topic": "nong-nghiep",
             "unit": "tấn", "period": period, "value": 120350, "previous": 115000, **ill},
            {"code": "ho_ngheo", "name": "Tỷ lệ hộ nghèo", "topic": "giam-ngheo", "unit": "%",
             "period": period, "value": 18.5, "previous": 21.3, "higher_is_better": "không",
             "key": 3, **ill},
            {"code": "truong_chuan", "name": "Tỷ lệ trường đạt chuẩn quốc gia",
             "topic": "giao-duc", "unit": "%", "period": period, "value": 65.2, "plan": 70,
             **ill},
            {"code": f"ho_ngheo_{a1.replace('-', '_')}",
             "name": f"Tỷ lệ hộ nghèo {area_name[a1]}", "topic": "giam-ngheo", "unit": "%",
             "period": period, "area": a1, "value": 25.1, "previous": 28.4,
             "higher_is_better": "không", **ill},
        ],
        "rankings": [
            {"code": "pci_2024", "subject": "Chỉ số Năng lực cạnh tranh cấp tỉnh (PCI)",
             "topic": "cai-cach-hanh-chinh", "period": "2024", "rank": 30, "total": 63,
             "scope": "tỉnh, thành phố", "change": 5, "change_reference": "năm 2023", **ill},
        ],
        "budget": [
            {"code": "thu_nsnn_dia_ban", "kind": "thu",
             "name": "Tổng thu ngân sách nhà nước trên địa bàn", "period": period,
             "estimate": 2500, "actual": 1250.5, "is_estimate": "x", "order": 1,
             "estimate_label": f"dự toán HĐND {opts.level} giao", **ill},
            {"code": "chi_nsdp", "kind": "chi", "name": "Tổng chi ngân sách địa phương",
             "period": period, "estimate": 9800, "actual": 4100.2, "is_estimate": "x",
             "order": 2, "estimate_label": f"dự toán HĐND {opts.level} giao", **ill},
        ],
        "resolutions": [
            {"number": 1, "code": "nq01",
             "title": f"Nghị quyết về nhiệm vụ, giải pháp phát triển kinh tế - xã hội "
                      f"{next_period} (minh họa)",
             "topics": "kinh-te; dau-tu", "committee": "Ban Kinh tế - Ngân sách",
             "summary": "Nội dung minh họa: thay bằng tóm tắt nghị quyết thật.", **ill},
            {"number": 2, "code": "nq02",
             "title": "Nghị quyết quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp "
                      "(minh họa)",
             "topics": "nong-nghiep; giam-ngheo", "areas": f"{a1}; {a3}",
             "committee": "Ban Kinh tế - Ngân sách", **ill},
        ],
        "petitions": [
            {"code": "kn01", "area": a1, "audience": "nong-dan", "topics": "giao-thong",
             "committee": "Ban Kinh tế - Ngân sách",
             "text": "Cử tri đề nghị sửa chữa tuyến đường liên xã bị sạt lở sau mưa lũ "
                     "(minh họa).",
             "response": "Đã bố trí vốn sửa chữa trong kế hoạch năm (minh họa).",
             "responder": "UBND tỉnh", "status": "da-tra-loi", "received_session": "k04",
             "answered_session": "k05", **ill},
            {"code": "kn02", "area": old, "topics": "giao-duc",
             "committee": "Ban Văn hóa - Xã hội",
             "text": "Cử tri đề nghị xây thêm phòng học cho điểm trường thôn (minh họa).",
             "response": "Đang rà soát nhu cầu, đưa vào kế hoạch đầu tư công (minh họa).",
             "responder": "Sở Giáo dục và Đào tạo", "status": "dang-giai-quyet",
             "received_session": "k04", **ill},
            {"code": "kn03", "area": a2, "audience": "doanh-nghiep",
             "topics": "thuong-mai-du-lich; cai-cach-hanh-chinh",
             "committee": "Ban Kinh tế - Ngân sách",
             "text": "Cử tri đề nghị rút ngắn thời gian giải quyết thủ tục đầu tư (minh họa).",
             "status": "chua-tra-loi", "received_session": "k05", **ill},
        ],
    }
    return Sample("k05", "k04", start, end, period, next_period, tables)


#: a merged province declares its old provinces (commented out: most provinces did not merge)
_PREDECESSORS_HINT = """\
# Tỉnh hình thành từ hợp nhất các tỉnh cũ (sau 01/7/2025): bỏ dấu # ở các dòng dưới,
# ghi mỗi tỉnh cũ một mục. Chỉ tiêu, xếp hạng của tỉnh cũ ghi mã tỉnh cũ ở cột area.
# Xem hướng dẫn “Tỉnh hợp nhất sau sắp xếp năm 2025”.
# predecessors:
#   - code: tinh-cu-a
#     name: Tên tỉnh cũ
#     valid_to: 30/06/2025
#     national_units: 63
"""


def _province_yaml(opts: Options) -> str:
    level, prov = opts.level, opts.name
    # the areas that are ranked and charted side by side: communes and wards, not the
    # electoral units that group them
    label = "xã, phường" if opts.areas == "communes" else "huyện, thị xã, thành phố"
    units = 34 if opts.areas == "communes" else 63
    return f"""\
# Thông tin chung của {level} {prov}, dùng cho mọi trang đề cương.
# Tài liệu tham chiếu dữ liệu: mục “Tham chiếu dữ liệu” trong hướng dẫn sphinx-hdnd.
code: {opts.code}
name: {_q(prov)}
council: {_q(f"Hội đồng nhân dân {level} {prov}")}
council_short: {_q(f"HĐND {level}")}
standing_committee: {_q(f"Thường trực HĐND {level}")}
term:
  code: {_q(opts.term)}
  # Năm bắt đầu, kết thúc nhiệm kỳ: ghi vào để kiểm tra ngày kỳ họp thuộc nhiệm kỳ.
  # start_year: 2021
  # end_year: 2026
# Kiểu ghi số: auto (tự nhận biết), vi (14.955,28) hoặc plain (14955.28).
number_style: auto
area_level_label: {_q(label)}
national_units: {units}
{_PREDECESSORS_HINT if opts.areas == "communes" else ""}"""


def _session_yaml(opts: Options, s: Sample) -> str:
    return f"""\
# DỮ LIỆU MINH HỌA do lệnh hdnd init tạo ra: thay bằng thông tin kỳ họp thật,
# rồi xóa dòng “illustrative: x” ở các mục.
code: {s.session_code}
number: 5
ordinal: Năm
start_date: {s.start}
end_date: {s.end}
duration_days: 2
period: {_q(s.period)}
period_year: 2025
next_period: {_q(s.next_period)}
source: {SAMPLE_SOURCE}
illustrative: x
attendance:
  present: 48
  total: 50
guests:
  - Đại diện Thường trực {"Thành ủy" if opts.level == "thành phố" else "Tỉnh ủy"}
  - Lãnh đạo UBND {opts.level}
outcome: Kỳ họp hoàn thành toàn bộ nội dung, chương trình đề ra (minh họa).
front:
  meetings: 120
  attendees: 9500
  opinions: 310
  summary: >-
    Ủy ban MTTQ Việt Nam {opts.level} thông báo kết quả tham gia xây dựng
    chính quyền (minh họa).
  source: {SAMPLE_SOURCE}
  illustrative: x
debate:
  speakers: 6
  broadcast: x
  topics:
    - Tình hình kinh tế - xã hội {s.period} (minh họa)
  source: {SAMPLE_SOURCE}
  illustrative: x
questioning:
  broadcast: x
  delegates:
    - Đại biểu A (minh họa)
    - Đại biểu B (minh họa)
  delegate_count: 2
  issue_count: 3
  source: {SAMPLE_SOURCE}
  illustrative: x
# Các kỳ họp trước mà bảng kiến nghị nhắc tới (cột received_session, answered_session)
past_sessions:
  - code: {s.past_session}
    number: 4
    ordinal: Bốn
"""


AUDIENCES_YAML = """\
# Đối tượng cử tri của các buổi tiếp xúc và mức quan tâm (từ 0 đến 1) theo
# lĩnh vực. Mã lĩnh vực: danh mục mặc định của sphinx-hdnd (trang tính
# danh-muc trong hdnd.xlsx) hoặc tệp topics.yaml nếu tỉnh tự khai báo.
# DỮ LIỆU MINH HỌA: sửa cho phù hợp với các buổi tiếp xúc của tỉnh.
- code: nong-dan
  name: Cử tri nông thôn, nông dân
  description: Hộ sản xuất nông, lâm nghiệp; thôn, bản.
  order: 1
  weights:
    nong-nghiep: 1
    giam-ngheo: 0.9
    giao-thong: 0.8
    nong-thon-moi: 0.8
    dat-dai-moi-truong: 0.7
    giao-duc: 0.6
    y-te: 0.6
- code: doanh-nghiep
  name: Cử tri là doanh nhân, người kinh doanh
  description: Doanh nghiệp, hợp tác xã, hộ kinh doanh.
  order: 2
  weights:
    kinh-te: 1
    thuong-mai-du-lich: 1
    cai-cach-hanh-chinh: 0.9
    dau-tu: 0.9
    ngan-sach: 0.6
    giao-thong: 0.5
- code: can-bo-huu-tri
  name: Cán bộ hưu trí, cựu chiến binh
  description: Quan tâm hoạt động của chính quyền, an sinh xã hội, quốc phòng, an ninh.
  order: 3
  weights:
    hoat-dong-hdnd: 1
    quoc-phong-an-ninh: 0.9
    giam-ngheo: 0.8
    y-te: 0.8
    tu-phap: 0.7
    kinh-te: 0.5
"""


def _narrative_yaml(opts: Options, s: Sample) -> str:
    local = s.areas[0]["code"] if opts.areas == "districts" else "xa-an-binh"
    return f"""\
# Nội dung tường thuật của đề cương. Số liệu không gõ tay mà chèn từ bảng
# indicators, rankings bằng {{mã}} hoặc {{mã:dạng}} (dạng: value, sentence, plan,
# plan_pct, gap, growth, ratio, previous, rank).
# DỮ LIỆU MINH HỌA: thay bằng nội dung đề cương thật, xóa “illustrative: x”.
highlights:
  - code: kq_tang_truong
    title: Tăng trưởng kinh tế
    text: Tăng trưởng GRDP {s.period} {{grdp:sentence}}.
    topics: [kinh-te]
    cites: [grdp]
    source: {SAMPLE_SOURCE}
    illustrative: x
  - code: kq_giam_ngheo
    title: Giảm nghèo
    text: Tỷ lệ hộ nghèo còn {{ho_ngheo}}, giảm so với cùng kỳ; thu ngân sách {{thu_nsnn:plan_pct}}.
    topics: [giam-ngheo, ngan-sach]
    cites: [ho_ngheo, thu_nsnn]
    source: {SAMPLE_SOURCE}
    illustrative: x
  - code: kq_cai_cach
    title: Cải cách hành chính
    text: Chỉ số PCI năm 2024 {{pci_2024:sentence}}.
    topics: [cai-cach-hanh-chinh]
    cites: [pci_2024]
    source: {SAMPLE_SOURCE}
    illustrative: x
shortcomings:
  - code: hc_truong_chuan
    title: Trường đạt chuẩn
    text: Tỷ lệ trường đạt chuẩn quốc gia mới đạt {{truong_chuan}}, {{truong_chuan:gap}}.
    topics: [giao-duc]
    cites: [truong_chuan]
    source: {SAMPLE_SOURCE}
    illustrative: x
tasks:
  - code: nv_kinh_te
    number: "2.1"
    title: Về phát triển kinh tế
    source: {SAMPLE_SOURCE}
    illustrative: x
    items:
      - code: nv_thu_ngan_sach
        text: Tập trung các giải pháp tăng thu, phấn đấu hoàn thành dự toán thu ngân sách.
        topics: [ngan-sach]
        source: {SAMPLE_SOURCE}
        illustrative: x
local_items:
  - code: da_cho_trung_tam
    kind: du-an
    title: Chợ trung tâm
    text: Dự án chợ trung tâm đang hoàn thiện hồ sơ, dự kiến khởi công trong năm (minh họa).
    topics: [thuong-mai-du-lich]
    areas: [{local}]
    source: {SAMPLE_SOURCE}
    illustrative: x
"""


# ------------------------------------------------------------------ pages


def _conf_py(opts: Options) -> str:
    title = f"Đề cương tiếp xúc cử tri - HĐND {opts.level} {opts.name} khóa {opts.term}"
    return f'''\
"""Cấu hình Sphinx của dự án đề cương tiếp xúc cử tri (tạo bởi hdnd init)."""

project = {title!r}
author = {f"Thường trực HĐND {opts.level} {opts.name}"!r}
copyright = {f"{dt.date.today().year}, Thường trực HĐND {opts.level} {opts.name}"!r}
language = "vi"

extensions = ["myst_parser", "sphinx_design", "sphinx_hdnd"]

# Thư mục dữ liệu, tính từ thư mục chứa tệp này
hdnd_data_dir = "data"
# Tạo trang đề cương cho từng địa bàn và đối tượng cử tri (thư mục tiep-xuc/)
hdnd_briefings = True
# Chỉ lập đề cương cho một số địa bàn (mã trong bảng areas); để trống: mọi địa bàn hiện hành
hdnd_areas = []

exclude_patterns = ["_build", "data", "README.md"]
myst_enable_extensions = ["colon_fence"]

html_theme = "furo"
html_title = {title!r}
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_show_sphinx = False  # chân trang chỉ ghi “Giao diện: Furo”
'''


INDEX_MD = """\
# Đề cương báo cáo kết quả kỳ họp

:::{{warning}}
Dự án mới tạo bằng lệnh `hdnd init`: mọi số liệu hiện có là **minh họa**.
Thay bằng số liệu thật trong thư mục `data/` (tệp `hdnd.xlsx` và các tệp
`.yaml`), sau đó xóa khung cảnh báo này trong tệp `index.md`.
:::

## Đề cương theo địa bàn và đối tượng cử tri

Chọn địa bàn, sau đó chọn đối tượng cử tri của cuộc tiếp xúc:

```{{hdnd-grid}}
```

**{{ref}}`Đề cương chung toàn {level} <de-cuong-chung>`**: nội dung chung cho mọi
cuộc tiếp xúc, ở phần dưới của trang này.

(de-cuong-chung)=
## Đề cương chung toàn {level}

```{{hdnd-outline}}
```

```{{toctree}}
:hidden:
:maxdepth: 2

lich-tiep-xuc
tiep-xuc/index
chi-tieu
ngan-sach
nghi-quyet
kien-nghi
tong-hop-kien-nghi
theo-doi-kien-nghi
```
"""

PAGES = {
    "chi-tieu.md": """\
# Các chỉ tiêu kinh tế - xã hội

## Chỉ tiêu chủ yếu

```{hdnd-indicators}
:key:
```

## Toàn bộ chỉ tiêu

```{hdnd-indicators}
:layout: table
```
""",
    "ngan-sach.md": """\
# Thu, chi ngân sách

```{hdnd-budget}
:layout: table
```

```{hdnd-budget}
```
""",
    "nghi-quyet.md": """\
# Các nghị quyết đã thông qua tại kỳ họp

```{hdnd-resolutions}
```
""",
    "kien-nghi.md": """\
# Ý kiến, kiến nghị của cử tri và kết quả trả lời

```{hdnd-petitions}
```

## Phiên thảo luận và chất vấn

```{hdnd-questions}
```
""",
    "theo-doi-kien-nghi.md": """\
# Theo dõi giải quyết kiến nghị cử tri

```{hdnd-follow-up}
```
""",
    "tong-hop-kien-nghi.md": """\
# Báo cáo tổng hợp ý kiến, kiến nghị của cử tri

```{hdnd-petition-summary}
```
""",
    "lich-tiep-xuc.md": """\
# Lịch tiếp xúc cử tri

```{hdnd-meetings}
```
""",
}

README_MD = """\
# Dự án đề cương tiếp xúc cử tri

Tạo bằng lệnh `hdnd init`. Các bước:

1. Sửa số liệu trong `data/`: các bảng nằm trong tệp Excel `data/hdnd.xlsx`
   (mỗi bảng một trang tính; trang `huong-dan` giải thích cách nhập), thông
   tin chung trong `province.yaml`, `session.yaml`, `audiences.yaml`,
   `narrative.yaml`. Mọi số liệu mẫu đều là minh họa (cột `illustrative` = x).
2. Kiểm tra: `hdnd validate .` (liệt kê mọi lỗi: tệp, dòng, cột).
3. Xây dựng: `hdnd build .`, mở `_build/html/index.html`.
"""

GITIGNORE = """\
# tạo lại được bằng hdnd build
_build/
tiep-xuc/
"""


# ------------------------------------------------------------------ workbook


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def column_note(f: FieldSpec) -> str:
    """The note on a header cell: what the column holds, how to write it, an example."""
    lines = [f.description or f.name, ""]
    lines.append(("Bắt buộc" if f.required else "Không bắt buộc")
                 + (f" (để trống: {f.default})" if f.default else ""))
    lines.append(f"Kiểu: {f.type_label}: {KIND_HELP[f.kind]}")
    if f.choices:
        lines.append("Giá trị cho phép: " + ", ".join(f.choices))
    if f.example:
        lines.append(f"Ví dụ: {f.example}")
    return "\n".join(lines)


def _lists(topics: Iterable[str], audiences: Iterable[str],
           sessions: Iterable[str]) -> dict[str, list[str]]:
    return {
        "topics": list(topics),
        "audiences": list(audiences),
        "sessions": list(sessions),
        "flags": ["x", "không"],
    }


def _list_ranges(lists: dict[str, list[str]]) -> dict[str, str]:
    """List name -> the cell range a drop-down offers (a column of a sheet)."""
    out = {}
    for i, name in enumerate(lists, start=1):
        col = _letter(i)
        out[name] = f"'{LISTS_SHEET}'!${col}$2:${col}${VALIDATION_ROWS}"
    for spec in TABLES:
        names = [f.name for f in fields_of(spec.record)]
        if "code" in names:
            col = _letter(names.index("code") + 1)
            out[spec.name] = f"'{spec.name}'!${col}$2:${col}${VALIDATION_ROWS}"
    return out


def _validation(f: FieldSpec, ranges: dict[str, str]) -> Any | None:
    """The data validation of a column, or None when the column takes free values."""
    from openpyxl.worksheet.datavalidation import DataValidation

    multiple = f.kind in (Kind.CODES, Kind.TEXTS)
    if f.choices:
        formula = '"' + ",".join(f.choices) + '"'
    elif f.kind is Kind.FLAG:
        formula = ranges["flags"]
    elif f.refers_to and f.refers_to in ranges:
        formula = ranges[f.refers_to]
    else:
        return None
    dv = DataValidation(type="list", formula1=formula, allow_blank=True)
    dv.showDropDown = False  # (sic) False shows the in-cell arrow
    dv.showInputMessage = True
    dv.promptTitle = f.name[:32]
    dv.prompt = (f.description or f.name)[:250]
    dv.showErrorMessage = True
    if multiple or f.kind is Kind.FLAG:
        # several codes “a; b” or a word like “có”: accepted after a question
        dv.errorStyle = "warning"
        dv.errorTitle = "Kiểm tra giá trị"
        dv.error = ("Giá trị không có trong danh sách. Nhiều mã thì cách nhau bởi dấu ; "
                    "Chọn Yes để giữ nguyên.")[:250]
    else:
        dv.errorStyle = "stop"
        dv.errorTitle = "Giá trị không hợp lệ"
        dv.error = "Chọn một giá trị trong danh sách thả xuống."
    return dv


GUIDE_LINES = [
    "HƯỚNG DẪN NHẬP SỐ LIỆU (sphinx-hdnd)",
    "",
    "Mỗi trang tính là một bảng số liệu: areas (địa bàn), sources (nguồn), indicators "
    "(chỉ tiêu), rankings (xếp hạng), budget (ngân sách), resolutions (nghị quyết), "
    "petitions (kiến nghị).",
    "Dòng 1 là tên cột: không đổi tên, không xóa cột bắt buộc (tên cột nền đỏ). Di chuột vào "
    "ô tên cột để xem ghi chú (nội dung, kiểu dữ liệu, ví dụ). Các cột mã có danh sách thả xuống.",
    "",
    "Số liệu mẫu đều là MINH HỌA (cột illustrative = x, nguồn minh_hoa): xóa các dòng mẫu, "
    "nhập số liệu thật, khai báo văn bản nguồn thật trong trang sources.",
    "",
    "Bảng không dùng (ví dụ rankings): xóa cả trang tính. Trang tính chỉ có dòng tên cột bị "
    "báo lỗi HD103.",
    "Trang danh-muc chứa các danh sách thả xuống (lĩnh vực, đối tượng cử tri, kỳ họp): sau khi "
    "khai báo thêm đối tượng cử tri (audiences.yaml) hoặc kỳ họp (session.yaml), chạy lệnh  "
    "hdnd update-lists --write  để cập nhật trang này (không sửa trang tính số liệu nào).",
    "",
    "Sau khi nhập: chạy lệnh  hdnd validate  để kiểm tra (báo tệp, dòng, cột của "
    "từng lỗi), rồi  hdnd build  để xây dựng trang web và bản in.",
    "",
    "Nếu một bảng được lưu thành tệp riêng (ví dụ areas.csv hoặc areas.xlsx trong thư mục "
    "data), tệp riêng đó được dùng thay cho trang tính cùng tên trong tệp này.",
]


def write_workbook(path: Path, rows: dict[str, list[dict[str, Any]]] | None = None,
                   topics: Iterable[str] | None = None, audiences: Iterable[str] = (),
                   sessions: Iterable[str] = ()) -> None:
    """The Excel workbook: a guide sheet, one sheet per table, a sheet of lists.

    Every header cell has a note (description, type, allowed values, example)
    and every code column a drop-down list, all from the record classes.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    rows = rows or {}
    if topics is None:
        topics = list(default_topics())
    lists = _lists(topics, audiences, sessions)
    ranges = _list_ranges(lists)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E79")
    required_fill = PatternFill("solid", fgColor="9C2A00")

    book = Workbook()
    guide = book.active
    guide.title = GUIDE_SHEET
    for i, line in enumerate(GUIDE_LINES, start=1):
        guide.cell(row=i, column=1, value=line)
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 110

    for spec in TABLES:
        ws = book.create_sheet(spec.name)
        fields = fields_of(spec.record)
        for c, f in enumerate(fields, start=1):
            cell = ws.cell(row=1, column=c, value=f.name)
            cell.font = header_font
            cell.fill = required_fill if f.required else header_fill
            cell.alignment = Alignment(vertical="top")
            note = Comment(column_note(f), "sphinx-hdnd")
            note.width, note.height = 360, 200
            cell.comment = note
            width = max(len(f.name) + 4, 14 if f.kind in (Kind.CODE, Kind.NUMBER) else 22)
            ws.column_dimensions[_letter(c)].width = min(width, 48)
            dv = _validation(f, ranges)
            if dv is not None:
                col = _letter(c)
                dv.add(f"{col}2:{col}{VALIDATION_ROWS}")
                ws.add_data_validation(dv)
        for r, record in enumerate(rows.get(spec.name, []), start=2):
            unknown = set(record) - {f.name for f in fields}
            if unknown:  # a programming error in the sample
                raise KeyError(f"{spec.name}: {sorted(unknown)}")
            for c, f in enumerate(fields, start=1):
                if f.name in record:
                    cell = ws.cell(row=r, column=c, value=record[f.name])
                    if f.kind is Kind.DATE:
                        cell.number_format = "DD/MM/YYYY"
        ws.freeze_panes = "B2"

    lists_ws = book.create_sheet(LISTS_SHEET)
    for c, (name, values) in enumerate(lists.items(), start=1):
        head = lists_ws.cell(row=1, column=c, value=name)
        head.font = header_font
        head.fill = header_fill
        lists_ws.column_dimensions[_letter(c)].width = 24
        for r, value in enumerate(values, start=2):
            lists_ws.cell(row=r, column=c, value=value)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


# ------------------------------------------------------------------ the project


def project_files(opts: Options) -> dict[str, str]:
    """Relative path -> text of every text file of a new project (the workbook aside)."""
    s = _sample(opts)
    files = {
        "conf.py": _conf_py(opts),
        "index.md": INDEX_MD.format(level=opts.level),
        **PAGES,
        "README.md": README_MD,
        ".gitignore": GITIGNORE,
        "data/province.yaml": _province_yaml(opts),
        "data/session.yaml": _session_yaml(opts, s),
        "data/audiences.yaml": AUDIENCES_YAML,
        "data/narrative.yaml": _narrative_yaml(opts, s),
    }
    return files


def _is_empty(folder: Path) -> bool:
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))


def init_project(folder: Path, opts: Options, force: bool = False) -> list[Path]:
    """Write a new project into ``folder``; refuse a non-empty folder unless ``force``.

    With ``force``, files of the project are overwritten and every other file
    is left alone. Returns the files written.
    """
    if folder.exists() and not folder.is_dir():
        raise NotEmpty(f"“{folder}” là một tệp, không phải thư mục")
    if not force and not _is_empty(folder):
        raise NotEmpty(f"thư mục “{folder}” không trống")
    sample = _sample(opts)
    written = []
    for rel, text in project_files(opts).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    book = folder / "data" / WORKBOOK
    write_workbook(book, sample.tables, audiences=["nong-dan", "doanh-nghiep", "can-bo-huu-tri"],
                   sessions=[sample.session_code, sample.past_session])
    written.append(book)
    return written


__all__ = ["NotEmpty", "Options", "column_note", "init_project", "project_files", "slugify",
           "split_province", "write_workbook"]
