"""The catalogue of data problems: stable codes, Vietnamese messages and fixes.

Every problem the loader or the checks can report is declared here once, so
that ``hdnd validate``, Sphinx warnings and the troubleshooting page of the
user guide all speak of the same codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .origin import Origin
from .records import VALUE_QUALIFIERS


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # listed by hdnd validate for review, never a build warning


@dataclass(frozen=True, slots=True)
class ProblemKind:
    code: str
    severity: Severity
    subtype: str  # Sphinx warning subtype: data, reference, consistency, format
    title: str  # Vietnamese, one line
    fix: str  # Vietnamese, how to correct it
    #: the message, with the offending values as ``{names}`` (see :meth:`ProblemLog.report`);
    #: empty where the wording depends on the case, and each report words its own
    message: str = ""


def _kinds(*kinds: ProblemKind) -> dict[str, ProblemKind]:
    return {k.code: k for k in kinds}


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

CATALOGUE: dict[str, ProblemKind] = _kinds(
    # Files and formats
    ProblemKind("HD100", E, "data", "Không đọc được tệp dữ liệu",
                "Kiểm tra tệp có đúng định dạng theo phần mở rộng (CSV, XLSX, YAML) và không bị hỏng."),
    ProblemKind("HD101", E, "data", "Thiếu tệp dữ liệu bắt buộc",
                "Tạo tệp theo mẫu (lệnh hdnd init) hoặc sửa đường dẫn hdnd_data_dir."),
    ProblemKind("HD102", E, "data", "Bảng mã hóa ký tự không phải UTF-8",
                "Lưu lại tệp với mã hóa UTF-8 (trong Excel: CSV UTF-8)."),
    ProblemKind("HD103", E, "data", "Tệp rỗng hoặc chỉ có dòng tiêu đề",
                "Nhập ít nhất một dòng dữ liệu hoặc xóa tệp nếu không dùng."),
    ProblemKind("HD104", E, "data", "Cú pháp YAML không hợp lệ",
                "Sửa dòng được chỉ ra: thụt lề bằng dấu cách (không dùng tab), dấu hai chấm sau tên trường."),
    ProblemKind("HD105", E, "data", "Khóa YAML bị lặp",
                "Mỗi trường chỉ được khai báo một lần trong cùng một mục."),
    ProblemKind("HD106", E, "data", "YAML dùng tham chiếu (anchor/alias) hoặc thẻ không được hỗ trợ",
                "Viết đầy đủ giá trị thay vì dùng & và *; không dùng thẻ !!python."),
    ProblemKind("HD107", E, "data", "Cấu trúc YAML không đúng mẫu",
                "Đối chiếu với mẫu trong tài liệu hướng dẫn: kiểu danh sách hay từ điển, tên trường."),
    ProblemKind("HD108", W, "data", "Hai tệp cùng chứa một bảng: chỉ một tệp được dùng",
                "Giữ một nơi cho mỗi bảng: xóa tệp (hoặc trang tính trong hdnd.xlsx) không dùng, "
                "để không sửa nhầm chỗ."),
    # Columns and cells
    ProblemKind("HD110", E, "data", "Thiếu cột bắt buộc",
                "Thêm cột với đúng tên tiêu đề như trong tài liệu tham chiếu dữ liệu.",
                message="bảng {table} thiếu cột bắt buộc “{column}”"),
    ProblemKind("HD111", W, "data", "Cột không xác định (sẽ bị bỏ qua)",
                "Xóa cột hoặc sửa tên tiêu đề cho đúng."),
    ProblemKind("HD112", E, "data", "Thiếu giá trị bắt buộc",
                "Nhập giá trị cho ô được chỉ ra."),
    ProblemKind("HD113", E, "data", "Giá trị không đúng kiểu",
                "Nhập giá trị theo kiểu được yêu cầu (xem thông báo)."),
    ProblemKind("HD114", E, "data", "Giá trị không thuộc danh sách cho phép",
                "Chọn một trong các giá trị được liệt kê trong thông báo."),
    ProblemKind("HD115", E, "data", "Mã không hợp lệ",
                "Mã chỉ gồm chữ thường không dấu, chữ số, dấu gạch dưới hoặc gạch ngang, bắt đầu bằng chữ."),
    # Numbers
    ProblemKind("HD120", E, "format", "Không đọc được số",
                "Ghi số theo kiểu Việt Nam (14.955,28) hoặc kiểu quốc tế (14955.28), không kèm chữ."),
    ProblemKind("HD121", E, "format", "Số có thể hiểu theo hai cách",
                "Khai báo kiểu số của tệp (number_style: vi hoặc plain trong province.yaml) hoặc ghi rõ số."),
    ProblemKind("HD122", E, "format", "Tệp trộn lẫn hai kiểu ghi số",
                "Thống nhất một kiểu ghi số trong cả tệp."),
    # Codes and references
    ProblemKind("HD130", E, "reference", "Mã bị trùng",
                "Mỗi bản ghi cần một mã riêng; đổi mã của một trong hai dòng.",
                message="mã “{code}” đã dùng ở {first}"),
    ProblemKind("HD131", E, "reference", "Tham chiếu tới địa bàn không tồn tại",
                "Dùng mã địa bàn có trong areas.csv.",
                message="địa bàn “{area}” chưa khai báo trong areas"),
    ProblemKind("HD132", E, "reference", "Tham chiếu tới đối tượng cử tri không tồn tại",
                "Dùng mã đối tượng có trong audiences.yaml.",
                message="đối tượng cử tri “{audience}” chưa khai báo trong audiences"),
    ProblemKind("HD133", E, "reference", "Tham chiếu tới lĩnh vực không tồn tại",
                "Dùng mã lĩnh vực có trong danh mục lĩnh vực (topics)."),
    ProblemKind("HD134", E, "reference", "Tham chiếu tới nguồn không tồn tại",
                "Khai báo nguồn trong sources.csv hoặc sửa mã nguồn.",
                message="nguồn “{source}” chưa khai báo trong sources"),
    ProblemKind("HD135", E, "reference", "Tham chiếu tới chỉ tiêu không tồn tại",
                "Dùng mã chỉ tiêu có trong indicators.csv."),
    ProblemKind("HD136", E, "reference", "Tham chiếu tới kỳ họp không tồn tại",
                "Dùng mã kỳ họp có trong session.yaml (code) hoặc khai báo kỳ họp trước trong "
                "past_sessions của session.yaml.",
                message="kỳ họp “{session}” không phải kỳ họp này hay một kỳ họp trước đã khai báo"),
    ProblemKind("HD137", E, "reference", "Địa bàn cấp trên không hợp lệ",
                "Mã cấp trên phải là một địa bàn khác đã khai báo, không tạo vòng lặp."),
    ProblemKind("HD138", E, "reference", "Mã tỉnh cũ trùng mã khác",
                "Mỗi tỉnh cũ trong predecessors (province.yaml) cần một mã riêng, khác mã tỉnh "
                "và mã các địa bàn trong areas."),
    # Consistency
    ProblemKind("HD140", E, "consistency", "Kế hoạch hoặc dự toán không dương",
                "Kế hoạch, dự toán phải lớn hơn 0; để trống nếu chưa có."),
    ProblemKind("HD141", E, "consistency", "Tỷ lệ ghi trong dữ liệu khác tỷ lệ tính được",
                "Kiểm tra lại số liệu thực hiện, kế hoạch hoặc tỷ lệ đã ghi."),
    ProblemKind("HD142", E, "consistency", "Tăng trưởng ghi trong dữ liệu khác tăng trưởng tính được",
                "Kiểm tra lại số liệu kỳ này, kỳ trước hoặc tốc độ tăng đã ghi."),
    ProblemKind("HD143", E, "consistency", "Các tỷ trọng không cộng lại bằng 100%",
                "Kiểm tra lại các thành phần của cơ cấu."),
    ProblemKind("HD144", E, "consistency", "Ngày nằm ngoài thời gian hợp lệ",
                "Kiểm tra năm, tháng: ngày kỳ họp phải thuộc nhiệm kỳ và khớp với kỳ số liệu."),
    ProblemKind("HD145", E, "consistency", "Số có mặt lớn hơn tổng số",
                "Số đại biểu có mặt không thể vượt tổng số đại biểu."),
    ProblemKind("HD146", E, "consistency", "Ngày kết thúc trước ngày bắt đầu",
                "Đổi lại thứ tự ngày bắt đầu, ngày kết thúc."),
    ProblemKind("HD147", E, "consistency", "Đếm số lượng không khớp với danh sách",
                "Số lượng ghi phải bằng số mục trong danh sách đi kèm."),
    ProblemKind("HD148", E, "consistency", "Tỷ lệ so với kỳ trước ghi trong dữ liệu khác tỷ lệ tính được",
                "Kiểm tra lại số liệu kỳ này, kỳ trước hoặc số lần đã ghi."),
    ProblemKind("HD149", E, "consistency", "Trọng số lĩnh vực ngoài khoảng 0 đến 1",
                "Trọng số lĩnh vực của đối tượng cử tri nằm trong khoảng từ 0 đến 1."),
    # Narrative text
    ProblemKind("HD150", E, "reference", "Chỗ chèn số liệu trong văn bản tham chiếu chỉ tiêu không tồn tại",
                "Sửa {mã} trong văn bản cho đúng mã chỉ tiêu, hoặc thêm chỉ tiêu."),
    ProblemKind("HD151", E, "reference", "Dạng số liệu không hỗ trợ trong chỗ chèn",
                "Dùng một trong các dạng: value, plan, plan_pct, growth, previous, ratio, sentence."),
    ProblemKind("HD154", E, "reference", "Chỗ chèn số liệu hỏi dạng mà chỉ tiêu không có số liệu",
                "Dùng dạng mà chỉ tiêu có số liệu (thông báo liệt kê các dạng dùng được), hoặc bổ "
                "sung cột cần thiết trong indicators; văn bản không bao giờ in ra “{…}”."),
    ProblemKind("HD155", E, "consistency", "Số điểm % thay đổi ghi khác số tính được",
                "Kiểm tra cột change_points, previous và value: change_points = value - previous."),
    ProblemKind("HD156", E, "data", "Chỉ tiêu tỷ lệ so với kỳ trước phải tính bằng điểm %",
                "Với chỉ tiêu %, ‰: để trống growth, ratio; ghi số điểm % vào change_points. "
                "Với chỉ tiêu khác: không dùng change_points."),
    ProblemKind("HD157", W, "reference", "Dẫn nguồn văn bản thật nhưng không ghi mục",
                "Ghi cột source_section (mục, phần, chú thích của văn bản): nội dung dẫn một văn "
                "bản thật phải chỉ được chỗ văn bản nêu nó; nội dung không có trong văn bản thì "
                "đánh dấu minh họa hoặc bỏ."),
    ProblemKind("HD158", E, "data", "Từ ghi kèm số liệu không hợp lệ",
                "Cột value_qualifier ghi một trong các từ: " + ", ".join(VALUE_QUALIFIERS)
                + "; để trống nếu văn bản ghi số không kèm từ nào."),
    ProblemKind("HD159", E, "consistency", "Từ ghi kèm số liệu bị lặp trong văn bản",
                "Chỉ tiêu đã có từ ghi kèm (cột value_qualifier) nên trang in sẵn từ đó trước "
                "số liệu: bỏ từ đó trong văn bản trước chỗ chèn."),
    ProblemKind("HD153", W, "reference", "Số liệu chưa ghi nguồn",
                "Ghi mã nguồn (cột source) cho chỉ tiêu, xếp hạng, dòng ngân sách: mỗi số liệu "
                "trên trang phải dẫn được tới văn bản gốc."),
    ProblemKind("HD160", E, "reference",
                "Đối tượng cử tri áp dụng cho đặc điểm hoặc địa bàn không tồn tại",
                "Trong applies_to, dùng đặc điểm có trong cột attributes của areas.csv hoặc mã "
                "địa bàn đã khai báo."),
    ProblemKind("HD161", W, "consistency", "Đối tượng cử tri không áp dụng cho địa bàn nào",
                "Không địa bàn nào có đặc điểm ghi trong applies_to: thêm đặc điểm cho địa bàn "
                "(cột attributes) hoặc sửa applies_to; để trống applies_to nếu áp dụng mọi nơi."),
    ProblemKind("HD162", E, "reference",
                "Nội dung ưu tiên của đối tượng không phải lĩnh vực hoặc chỉ tiêu đã khai báo",
                "Trong first, ghi mã lĩnh vực (danh mục lĩnh vực) hoặc mã chỉ tiêu (indicators)."),
    ProblemKind("HD163", E, "reference", "Lựa chọn của Văn phòng tham chiếu nội dung không tồn tại",
                "Cột item của editorial ghi mã mục tường thuật (narrative.yaml), chỉ tiêu, nghị "
                "quyết hoặc kiến nghị đã có."),
    ProblemKind("HD164", E, "consistency", "Cùng một nội dung vừa được ghim vừa bị bỏ",
                "Giữ một trong hai dòng của editorial cho cùng nội dung, địa bàn và đối tượng."),
    ProblemKind("HD170", INFO, "coverage", "Số liệu không hiện trên trang nào",
                "Theo lần xây dựng trang gần nhất, không trang nào in số liệu này: thêm nó vào "
                "một trang (chỉ thị hdnd-indicators, hdnd-budget hoặc chỗ chèn {mã} trong văn "
                "bản), hoặc bỏ khỏi dữ liệu nếu không cần."),
    # following petitions up
    ProblemKind("HD171", E, "consistency", "Ngày của kiến nghị không theo thứ tự",
                "Ngày tiếp xúc (raised_date) ≤ ngày chuyển (forwarded_date) ≤ ngày trả lời "
                "(answered_date), và không sau ngày tính tình trạng của kỳ họp."),
    ProblemKind("HD172", E, "consistency", "Tình trạng kiến nghị trái với ngày, nội dung trả lời",
                "Kiến nghị đã trả lời (da-tra-loi) ghi nội dung trả lời (response) và, nếu "
                "theo dõi theo ngày, ngày trả lời (answered_date); có ngày trả lời thì tình "
                "trạng không phải chua-tra-loi."),
    ProblemKind("HD173", E, "reference", "Kiến nghị được nhắc lại không tồn tại hoặc lặp vòng",
                "Cột repeats ghi mã một kiến nghị trước đó (khác chính nó); chuỗi kiến nghị "
                "nhắc lại không được quay về kiến nghị ban đầu; quá trình giải quyết "
                "(petition_history) ghi mã kiến nghị, mã kỳ họp đã khai báo."),
    ProblemKind("HD174", E, "data", "Không áp dụng được quy định về hạn trả lời",
                "Trong province.yaml, petition_deadline_days ghi số ngày (lớn hơn 0) cho cấp "
                "trung-uong, tinh, huyen, xa hoặc tat-ca; kiến nghị đã chuyển mà chưa ghi hạn thì ghi "
                "cấp trả lời (level) có trong quy định."),
    ProblemKind("HD175", E, "consistency", "Cuộc tiếp xúc cho đối tượng không có ở địa bàn",
                "Chọn đối tượng áp dụng cho địa bàn đó (applies_to trong audiences.yaml), hoặc "
                "để trống cột audience nếu là cuộc tiếp xúc với cử tri nói chung."),
    # Text that reads but does not say what it should (bad input, round two)
    ProblemKind("HD190", W, "format", "Chữ Việt gõ bằng phông cũ (TCVN3, VNI)",
                "Chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, chọn nguồn TCVN3 hoặc VNI "
                "Windows, đích Unicode) rồi dán lại vào tệp dữ liệu."),
    ProblemKind("HD191", E, "reference", "Địa bàn thay thế chính nó hoặc thay thế theo vòng",
                "Cột successors ghi các địa bàn mới thay cho địa bàn cũ: không ghi chính nó, và "
                "địa bàn mới không được thay lại bằng địa bàn cũ."),
    ProblemKind("HD192", E, "consistency", "Số đếm hoặc số lần âm",
                "Số đại biểu, số cuộc, số lượt, số năm, số lần so với kỳ trước không thể âm; "
                "sửa lại số liệu."),
    ProblemKind("HD193", E, "consistency", "Thứ hạng ngoài khoảng từ 1 đến tổng số",
                "Thứ hạng bắt đầu từ 1 và không lớn hơn tổng số đơn vị được xếp hạng."),
    ProblemKind("HD194", W, "format", "Số nguyên ghi như có ba chữ số thập phân",
                "Ghi số nguyên không có dấu phân cách (5000) hoặc theo đúng kiểu ghi số của "
                "tệp (5.000 theo kiểu Việt Nam)."),
    ProblemKind("HD195", W, "reference", "Địa chỉ trực tuyến không được tạo liên kết",
                "Chỉ địa chỉ bắt đầu bằng https:// hoặc http:// thành liên kết; sửa địa chỉ "
                "hoặc để trống cột url."),
    ProblemKind("HD196", INFO, "format", "Ô gộp trong vùng dữ liệu",
                "Giá trị của ô gộp được dùng cho mọi dòng ô đó phủ; nên bỏ gộp ô (Unmerge) và "
                "ghi giá trị ở từng dòng để khi sắp xếp, lọc không bị sai."),
    ProblemKind("HD197", W, "data", "Dòng hoặc trang tính bị ẩn",
                "Bỏ ẩn (Unhide) để thấy dữ liệu được đọc; xóa dòng, trang không dùng."),
    ProblemKind("HD198", W, "data", "Trang tính bản sao không được đọc",
                "Chép các dòng cần dùng sang trang tính đúng tên bảng rồi xóa trang bản sao."),
    ProblemKind("HD199", W, "format", "Số lưu nhiều chữ số thập phân hơn cần hiện",
                "Làm tròn bằng hàm ROUND hoặc định dạng ô (Format Cells, Number) với số chữ số "
                "thập phân cần hiện."),
    ProblemKind("HD152", INFO, "reference", "Mục được tự gắn với địa bàn được nhắc tên trong văn bản",
                "Kiểm tra lại: nếu đúng, có thể ghi mã địa bàn vào cột areas; nếu không liên "
                "quan, ghi no_area_links: x cho mục đó."),
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One located data problem."""

    code: str
    origin: Origin
    message: str  # Vietnamese: what is wrong and what was expected
    data: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def kind(self) -> ProblemKind:
        return CATALOGUE[self.code]

    @property
    def severity(self) -> Severity:
        return self.kind.severity

    def __str__(self) -> str:
        return f"{self.origin}: [{self.code}] {self.message}"


class ProblemLog:
    """Collects problems while loading and checking; never raises."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, code: str, origin: Origin, message: str,
            data: dict[str, str] | None = None) -> None:
        if code not in CATALOGUE:  # a programming error, not a data problem
            raise KeyError(code)
        self.items.append(Problem(code, origin, message, data or {}))

    def report(self, code: str, origin: Origin, /, **data: str) -> None:
        """A problem in the words of its catalogue entry, the offending values in ``data``."""
        self.add(code, origin, CATALOGUE[code].message.format(**data), data)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def __len__(self) -> int:
        return len(self.items)
