"""The data folder's files: their names, records, and whether they are required.

The loader reads them in this order (a file's checks may use those before it:
the number style of ``province.yaml``, the codes of ``areas``); the schema
(:mod:`sphinx_hdnd.schema`), the user guide and ``hdnd init`` walk the same list.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import (
    Area,
    Audience,
    BudgetLine,
    Choice,
    Indicator,
    Meeting,
    Narrative,
    Petition,
    PetitionEvent,
    Province,
    Ranking,
    Record,
    Resolution,
    Session,
    Source,
    Topic,
)

WORKBOOK = "hdnd.xlsx"


@dataclass(frozen=True)
class FileSpec:
    """One file (or sheet) of the data folder."""

    name: str  # file stem, sheet name, ``Record.table``
    record: type[Record]
    tabular: bool  # a table (CSV, XLSX, sheet of hdnd.xlsx) or a YAML file
    required: bool
    title: str  # Vietnamese, what the file holds
    yaml_list: bool = False  # a YAML list of records (audiences, topics)

    @property
    def filenames(self) -> list[str]:
        if self.tabular:
            return [f"{self.name}.csv", f"{self.name}.xlsx",
                    f"trang tính {self.name} trong {WORKBOOK}"]
        return [f"{self.name}.yaml"]


#: every file of the data folder, in the order the loader reads them
FILES: tuple[FileSpec, ...] = (
    FileSpec("province", Province, False, True, "Thông tin chung về tỉnh, khóa HĐND, kiểu ghi số"),
    FileSpec("session", Session, False, True,
             "Kỳ họp: thời gian, số đại biểu dự, hoạt động của Mặt trận, thảo luận, chất vấn"),
    FileSpec("topics", Topic, False, False,
             "Danh mục lĩnh vực; không có tệp này thì dùng danh mục mặc định của sphinx-hdnd",
             yaml_list=True),
    FileSpec("audiences", Audience, False, True,
             "Đối tượng cử tri và mức quan tâm của từng đối tượng theo lĩnh vực", yaml_list=True),
    FileSpec("areas", Area, True, True,
             "Địa bàn: huyện, xã, phường, đơn vị bầu cử… (trước và sau sắp xếp)"),
    FileSpec("sources", Source, True, True, "Văn bản nguồn của số liệu"),
    FileSpec("indicators", Indicator, True, True,
             "Chỉ tiêu kinh tế - xã hội: thực hiện, kế hoạch, kỳ trước"),
    FileSpec("rankings", Ranking, True, False, "Xếp hạng: PCI, PAR Index, PAPI, tăng trưởng…"),
    FileSpec("budget", BudgetLine, True, False, "Thu, chi ngân sách"),
    FileSpec("narrative", Narrative, False, False,
             "Nội dung tường thuật: kết quả nổi bật, hạn chế, nhiệm vụ, công trình tại địa bàn"),
    FileSpec("resolutions", Resolution, True, False, "Nghị quyết được thông qua tại kỳ họp"),
    FileSpec("petitions", Petition, True, False, "Ý kiến, kiến nghị của cử tri và kết quả trả lời"),
    FileSpec("petition_history", PetitionEvent, True, False,
             "Quá trình giải quyết kiến nghị: tình trạng, nội dung trả lời tại từng kỳ họp"),
    FileSpec("meetings", Meeting, True, False,
             "Lịch tiếp xúc cử tri: ngày, giờ, địa điểm, địa bàn, đối tượng, đại biểu dự"),
    FileSpec("editorial", Choice, True, False,
             "Lựa chọn của Văn phòng: ghim hoặc bỏ một nội dung trong đề cương của địa bàn, "
             "đối tượng"),
)

TABLES: tuple[FileSpec, ...] = tuple(f for f in FILES if f.tabular)
