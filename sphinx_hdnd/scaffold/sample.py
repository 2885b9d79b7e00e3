"""The illustrative data of a new project: areas by layout, and a few records of every table,
each marked ``illustrative: x`` with one illustrative source."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .options import Options

SAMPLE_SOURCE = "minh_hoa"


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


def sample_for(opts: Options) -> Sample:
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


