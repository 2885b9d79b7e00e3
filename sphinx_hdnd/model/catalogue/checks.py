"""HD130-HD199: the problems of data that reads, found by the checks (references,
consistency, narrative text, petitions) and, in the HD190s, by the readers too (text in a
legacy font, a workbook's merged cells, hidden rows, copied sheets, rounding)."""

from __future__ import annotations

from ..vocabulary import VALUE_QUALIFIERS
from .files import HIDDEN_SHEET
from .kinds import INFO, E, ProblemKind, W, kinds

CHECK_PROBLEMS: dict[str, ProblemKind] = kinds(
    # Codes and references
    ProblemKind("HD130", E, "reference", "Mã bị trùng",
                "Mỗi bản ghi cần một mã riêng; đổi mã của một trong hai dòng.",
                messages={"": "mã “{code}” đã dùng ở {first}"}),
    ProblemKind("HD131", E, "reference", "Tham chiếu tới địa bàn không tồn tại",
                "Dùng mã địa bàn có trong areas.csv.",
                messages={
                    "": "địa bàn “{area}” chưa khai báo trong areas",
                    "successor": "địa bàn thay thế “{area}” chưa khai báo trong areas",
                }),
    ProblemKind("HD132", E, "reference", "Tham chiếu tới đối tượng cử tri không tồn tại",
                "Dùng mã đối tượng có trong audiences.yaml.",
                messages={"": "đối tượng cử tri “{audience}” chưa khai báo trong audiences"}),
    ProblemKind("HD133", E, "reference", "Tham chiếu tới lĩnh vực không tồn tại",
                "Dùng mã lĩnh vực có trong danh mục lĩnh vực (topics).",
                messages={
                    "": "lĩnh vực “{topic}” không có trong danh mục lĩnh vực",
                    "weights": "lĩnh vực “{topic}” không có trong danh mục",
                }),
    ProblemKind("HD134", E, "reference", "Tham chiếu tới nguồn không tồn tại",
                "Khai báo nguồn trong sources.csv hoặc sửa mã nguồn.",
                messages={
                    "": "nguồn “{source}” chưa khai báo trong sources",
                    "no-main": "đã ghi nguồn thứ hai nhưng chưa ghi nguồn chính (cột source)",
                }),
    ProblemKind("HD135", E, "reference", "Tham chiếu tới chỉ tiêu không tồn tại",
                "Dùng mã chỉ tiêu có trong indicators.csv.",
                messages={
                    "compare-with": "“{code}” không phải mã một xếp hạng trong rankings",
                    "indicator": "chỉ tiêu “{code}” chưa khai báo trong indicators",
                    "cites": "“{code}” không phải mã chỉ tiêu hay xếp hạng đã khai báo",
                }),
    ProblemKind("HD136", E, "reference", "Tham chiếu tới kỳ họp không tồn tại",
                "Dùng mã kỳ họp có trong session.yaml (code) hoặc khai báo kỳ họp trước trong "
                "past_sessions của session.yaml.",
                messages={"": "kỳ họp “{session}” không phải kỳ họp này hay một kỳ họp trước đã khai báo"}),
    ProblemKind("HD137", E, "reference", "Địa bàn cấp trên không hợp lệ",
                "Mã cấp trên phải là một địa bàn khác đã khai báo, không tạo vòng lặp.",
                messages={
                    "missing": "địa bàn cấp trên “{parent}” không tồn tại hoặc là chính nó",
                    "cycle": "quan hệ cấp trên tạo vòng lặp qua “{through}”",
                }),
    ProblemKind("HD138", E, "reference", "Mã tỉnh cũ trùng mã khác",
                "Mỗi tỉnh cũ trong predecessors (province.yaml) cần một mã riêng, khác mã tỉnh "
                "và mã các địa bàn trong areas.",
                messages={
                    "": "mã tỉnh cũ “{code}” đã dùng cho tỉnh, một tỉnh cũ khác hoặc một địa bàn trong "
                        "areas; đặt mã riêng (ví dụ tinh-cu-ten-tinh)",
                }),
    # Consistency
    ProblemKind("HD140", E, "consistency", "Kế hoạch hoặc dự toán không dương",
                "Kế hoạch, dự toán phải lớn hơn 0; để trống nếu chưa có.",
                messages={
                    "plan": "kế hoạch {plan} phải lớn hơn 0",
                    "estimate": "dự toán {estimate} phải lớn hơn 0",
                }),
    ProblemKind("HD141", E, "consistency", "Tỷ lệ ghi trong dữ liệu khác tỷ lệ tính được",
                "Kiểm tra lại số liệu thực hiện, kế hoạch hoặc tỷ lệ đã ghi.",
                messages={
                    "": "ghi {stated}% kế hoạch nhưng {value} / {plan} = {computed}%",
                    "budget": "ghi {stated}% dự toán nhưng {actual} / {estimate} = {computed}%",
                }),
    ProblemKind("HD142", E, "consistency", "Tăng trưởng ghi trong dữ liệu khác tăng trưởng tính được",
                "Kiểm tra lại số liệu kỳ này, kỳ trước hoặc tốc độ tăng đã ghi.",
                messages={
                    "": "ghi tăng {stated}% nhưng từ {previous} lên {value} là {computed}%",
                }),
    ProblemKind("HD143", E, "consistency", "Các tỷ trọng không cộng lại bằng 100%",
                "Kiểm tra lại các thành phần của cơ cấu.",
                messages={
                    "": "nhóm cơ cấu “{group}” ({period}) cộng lại {total}% (gồm {members}), cần 100%",
                }),
    ProblemKind("HD144", E, "consistency", "Ngày nằm ngoài thời gian hợp lệ",
                "Kiểm tra năm, tháng: ngày kỳ họp phải thuộc nhiệm kỳ và khớp với kỳ số liệu.",
                messages={
                    "period": "kỳ họp ngày {date:%d/%m/%Y} nhưng báo cáo số liệu “{period}” (năm {year}); "
                              "cần ngày trong năm {year} hoặc {next_year}",
                    "term": "ngày kỳ họp {date:%d/%m/%Y} ngoài nhiệm kỳ khóa {term} "
                            "({start_year}-{end_year})",
                }),
    ProblemKind("HD145", E, "consistency", "Số có mặt lớn hơn tổng số",
                "Số đại biểu có mặt không thể vượt tổng số đại biểu.",
                messages={
                    "": "có mặt {present} nhưng tổng số chỉ {total}",
                }),
    ProblemKind("HD146", E, "consistency", "Ngày kết thúc trước ngày bắt đầu",
                "Đổi lại thứ tự ngày bắt đầu, ngày kết thúc.",
                messages={
                    "session": "ngày bế mạc {end:%d/%m/%Y} trước ngày khai mạc {start:%d/%m/%Y}",
                    "area": "hết hiệu lực từ {end:%d/%m/%Y}, trước ngày có hiệu lực {start:%d/%m/%Y}",
                }),
    ProblemKind("HD147", E, "consistency", "Đếm số lượng không khớp với danh sách",
                "Số lượng ghi phải bằng số mục trong danh sách đi kèm.",
                messages={
                    "": "ghi {count} đại biểu chất vấn nhưng danh sách có {listed} người",
                }),
    ProblemKind("HD148", E, "consistency", "Tỷ lệ so với kỳ trước ghi trong dữ liệu khác tỷ lệ tính được",
                "Kiểm tra lại số liệu kỳ này, kỳ trước hoặc số lần đã ghi.",
                messages={
                    "": "ghi gấp {stated} lần nhưng {value} / {previous} = {computed}",
                }),
    ProblemKind("HD149", E, "consistency", "Trọng số lĩnh vực ngoài khoảng 0 đến 1",
                "Trọng số lĩnh vực của đối tượng cử tri nằm trong khoảng từ 0 đến 1.",
                messages={
                    "": "trọng số “{weight}” phải từ 0 đến 1",
                    "blank": "chưa ghi trọng số: ghi một số từ 0 đến 1",
                }),
    # Narrative text
    ProblemKind("HD150", E, "reference", "Chỗ chèn số liệu trong văn bản tham chiếu chỉ tiêu không tồn tại",
                "Sửa {mã} trong văn bản cho đúng mã chỉ tiêu, hoặc thêm chỉ tiêu.",
                messages={
                    "": "“{placeholder}”: không có chỉ tiêu hay xếp hạng mã “{code}”",
                }),
    ProblemKind("HD151", E, "reference", "Dạng số liệu không hỗ trợ trong chỗ chèn",
                "Dùng một trong các dạng: value, plan, plan_pct, growth, previous, ratio, sentence.",
                messages={
                    "": "“{placeholder}”: dạng “{form}” không hỗ trợ; dùng {allowed}",
                }),
    ProblemKind("HD154", E, "reference", "Chỗ chèn số liệu hỏi dạng mà chỉ tiêu không có số liệu",
                "Dùng dạng mà chỉ tiêu có số liệu (thông báo liệt kê các dạng dùng được), hoặc bổ "
                "sung cột cần thiết trong indicators; văn bản không bao giờ in ra “{…}”.",
                messages={
                    "": "“{placeholder}”: chỉ tiêu “{code}” không có số liệu cho dạng “{form}” (cần "
                        "{needs}); dạng dùng được: {usable}",
                    "no-figures": "“{placeholder}”: chỉ tiêu “{code}” không có số liệu cho dạng “{form}” "
                                  "(cần {needs}); chỉ tiêu chưa có số liệu nào",
                }),
    ProblemKind("HD155", E, "consistency", "Số điểm % thay đổi ghi khác số tính được",
                "Kiểm tra cột change_points, previous và value: change_points = value - previous.",
                messages={
                    "": "ghi thay đổi {stated} điểm % nhưng từ {previous}% đến {value}% là {computed} "
                        "điểm %",
                }),
    ProblemKind("HD156", E, "data", "Chỉ tiêu tỷ lệ so với kỳ trước phải tính bằng điểm %",
                "Với chỉ tiêu %, ‰: để trống growth, ratio; ghi số điểm % vào change_points. "
                "Với chỉ tiêu khác: không dùng change_points.",
                messages={
                    "rate": "chỉ tiêu tỷ lệ ({unit}) so với kỳ trước tính bằng điểm %: để trống cột "
                            "{column}, ghi số điểm % tăng (+) hoặc giảm (-) vào cột change_points (hoặc "
                            "ghi previous để tính)",
                    "not-rate": "change_points chỉ dùng cho chỉ tiêu tỷ lệ (%, ‰); “{unit}” dùng cột "
                                "growth hoặc ratio",
                }),
    ProblemKind("HD157", W, "reference", "Dẫn nguồn văn bản thật nhưng không ghi mục",
                "Ghi cột source_section (mục, phần, chú thích của văn bản): nội dung dẫn một văn "
                "bản thật phải chỉ được chỗ văn bản nêu nó; nội dung không có trong văn bản thì "
                "đánh dấu minh họa hoặc bỏ.",
                messages={
                    "": "dẫn nguồn “{source}” (văn bản thật) nhưng chưa ghi mục: ghi mục, phần hoặc chú "
                        "thích của văn bản nêu nội dung này, hoặc đánh dấu minh họa",
                }),
    ProblemKind("HD158", E, "data", "Từ ghi kèm số liệu không hợp lệ",
                "Cột value_qualifier ghi một trong các từ: " + ", ".join(VALUE_QUALIFIERS)
                + "; để trống nếu văn bản ghi số không kèm từ nào.",
                messages={
                    "": "“{value}” không phải từ ghi kèm số liệu; dùng một trong: {allowed}",
                }),
    ProblemKind("HD159", E, "consistency", "Từ ghi kèm số liệu bị lặp trong văn bản",
                "Chỉ tiêu đã có từ ghi kèm (cột value_qualifier) nên trang in sẵn từ đó trước "
                "số liệu: bỏ từ đó trong văn bản trước chỗ chèn.",
                messages={
                    "": "“{said} {placeholder}”: chỉ tiêu “{code}” đã có từ ghi kèm “{qualifier}”, trang "
                        "sẽ in “{said} {qualifier} …”; bỏ “{said}” trong văn bản",
                }),
    ProblemKind("HD153", W, "reference", "Số liệu chưa ghi nguồn",
                "Ghi mã nguồn (cột source) cho chỉ tiêu, xếp hạng, dòng ngân sách: mỗi số liệu "
                "trên trang phải dẫn được tới văn bản gốc.",
                messages={
                    "": "“{code}” chưa ghi nguồn: số liệu sẽ hiện mà không dẫn nguồn",
                }),
    ProblemKind("HD160", E, "reference",
                "Đối tượng cử tri áp dụng cho đặc điểm hoặc địa bàn không tồn tại",
                "Trong applies_to, dùng đặc điểm có trong cột attributes của areas.csv hoặc mã "
                "địa bàn đã khai báo.",
                messages={
                    "": "“{code}” không phải đặc điểm (cột attributes của areas) hay mã địa bàn đã khai "
                        "báo",
                }),
    ProblemKind("HD161", W, "consistency", "Đối tượng cử tri không áp dụng cho địa bàn nào",
                "Không địa bàn nào có đặc điểm ghi trong applies_to: thêm đặc điểm cho địa bàn "
                "(cột attributes) hoặc sửa applies_to; để trống applies_to nếu áp dụng mọi nơi.",
                messages={
                    "": "đối tượng “{audience}” không áp dụng cho địa bàn nào: không địa bàn nào có đặc "
                        "điểm {attributes}",
                }),
    ProblemKind("HD162", E, "reference",
                "Nội dung ưu tiên của đối tượng không phải lĩnh vực hoặc chỉ tiêu đã khai báo",
                "Trong first, ghi mã lĩnh vực (danh mục lĩnh vực) hoặc mã chỉ tiêu (indicators).",
                messages={
                    "": "“{code}” không phải mã lĩnh vực hay mã chỉ tiêu đã khai báo",
                }),
    ProblemKind("HD163", E, "reference", "Lựa chọn của Văn phòng tham chiếu nội dung không tồn tại",
                "Cột item của editorial ghi mã mục tường thuật (narrative.yaml), chỉ tiêu, nghị "
                "quyết hoặc kiến nghị đã có.",
                messages={
                    "": "“{item}” không phải mã mục tường thuật, chỉ tiêu, nghị quyết hay kiến nghị đã "
                        "khai báo",
                }),
    ProblemKind("HD164", E, "consistency", "Cùng một nội dung vừa được ghim vừa bị bỏ",
                "Giữ một trong hai dòng của editorial cho cùng nội dung, địa bàn và đối tượng.",
                messages={
                    "": "“{item}” vừa được ghim vừa bị bỏ cho cùng địa bàn, đối tượng",
                }),
    ProblemKind("HD170", INFO, "coverage", "Số liệu không hiện trên trang nào",
                "Theo lần xây dựng trang gần nhất, không trang nào in số liệu này: thêm nó vào "
                "một trang (chỉ thị hdnd-indicators, hdnd-budget hoặc chỗ chèn {mã} trong văn "
                "bản), hoặc bỏ khỏi dữ liệu nếu không cần.",
                messages={
                    "": "“{code}” ({name}, {period}) không hiện trên trang nào: thêm vào một trang hoặc "
                        "bỏ khỏi dữ liệu nếu không cần",
                }),
    # following petitions up
    ProblemKind("HD171", E, "consistency", "Ngày của kiến nghị không theo thứ tự",
                "Ngày tiếp xúc (raised_date) ≤ ngày chuyển (forwarded_date) ≤ ngày trả lời "
                "(answered_date), và không sau ngày tính tình trạng của kỳ họp.",
                messages={
                    "order": "{later_column} {later:%d/%m/%Y} trước {earlier_column} {earlier:%d/%m/%Y}",
                    "after-today": "ngày trả lời {answered:%d/%m/%Y} sau ngày tính tình trạng "
                                   "{today:%d/%m/%Y} của kỳ họp",
                }),
    ProblemKind("HD172", E, "consistency", "Tình trạng kiến nghị trái với ngày, nội dung trả lời",
                "Kiến nghị đã trả lời (da-tra-loi) ghi nội dung trả lời (response) và, nếu "
                "theo dõi theo ngày, ngày trả lời (answered_date); có ngày trả lời thì tình "
                "trạng không phải chua-tra-loi.",
                messages={
                    "dated-pending": "có ngày trả lời {answered:%d/%m/%Y} nhưng tình trạng là “{status}”: "
                                     "ghi tình trạng sau khi trả lời (da-tra-loi, dang-giai-quyet …), hoặc "
                                     "bỏ ngày trả lời",
                    "no-response": "tình trạng đã trả lời nhưng chưa ghi nội dung trả lời",
                    "no-date": "kiến nghị theo dõi theo ngày, đã trả lời nhưng chưa ghi ngày trả lời",
                }),
    ProblemKind("HD173", E, "reference", "Kiến nghị được nhắc lại không tồn tại hoặc lặp vòng",
                "Cột repeats ghi mã một kiến nghị trước đó (khác chính nó); chuỗi kiến nghị "
                "nhắc lại không được quay về kiến nghị ban đầu; quá trình giải quyết "
                "(petition_history) ghi mã kiến nghị, mã kỳ họp đã khai báo.",
                messages={
                    "repeats": "“{petition}” không phải mã một kiến nghị khác trong petitions",
                    "cycle": "chuỗi kiến nghị nhắc lại từ “{petition}” quay về chính nó",
                    "history-petition": "“{petition}” không phải mã một kiến nghị trong petitions",
                    "history-session": "kỳ họp “{session}” chưa khai báo trong session.yaml",
                }),
    ProblemKind("HD174", E, "data", "Không áp dụng được quy định về hạn trả lời",
                "Trong province.yaml, petition_deadline_days ghi số ngày (lớn hơn 0) cho cấp "
                "trung-uong, tinh, huyen, xa hoặc tat-ca; kiến nghị đã chuyển mà chưa ghi hạn thì ghi "
                "cấp trả lời (level) có trong quy định.",
                messages={
                    "rule": "“{level}: {days}”: cần cấp trung-uong, tinh, huyen, xa hoặc tat-ca và số "
                            "ngày lớn hơn 0",
                    "no-rule": "đã chuyển nhưng không tính được hạn trả lời: quy định của tỉnh không có "
                               "cấp “{level}”; ghi cấp trả lời (level) hoặc hạn (deadline)",
                }),
    ProblemKind("HD175", E, "consistency", "Cuộc tiếp xúc cho đối tượng không có ở địa bàn",
                "Chọn đối tượng áp dụng cho địa bàn đó (applies_to trong audiences.yaml), hoặc "
                "để trống cột audience nếu là cuộc tiếp xúc với cử tri nói chung.",
                messages={
                    "": "đối tượng “{audience}” không áp dụng cho địa bàn “{area}” (applies_to trong "
                        "audiences.yaml) nên không có đề cương cho cuộc tiếp xúc này",
                }),
    # Text that reads but does not say what it should (bad input, round two)
    ProblemKind("HD190", W, "format", "Chữ Việt gõ bằng phông cũ (TCVN3, VNI)",
                "Chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, chọn nguồn TCVN3 hoặc VNI "
                "Windows, đích Unicode) rồi dán lại vào tệp dữ liệu.",
                messages={
                    "": "chữ có vẻ gõ bằng phông cũ {font}, không phải Unicode; chuyển mã sang Unicode "
                        "(Unikey: Công cụ chuyển mã, nguồn {unikey_source}) rồi nhập lại",
                }),
    ProblemKind("HD191", E, "reference", "Địa bàn thay thế chính nó hoặc thay thế theo vòng",
                "Cột successors ghi các địa bàn mới thay cho địa bàn cũ: không ghi chính nó, và "
                "địa bàn mới không được thay lại bằng địa bàn cũ.",
                messages={
                    "itself": "địa bàn “{area}” được ghi là thay thế chính nó",
                    "cycle": "quan hệ thay thế tạo vòng lặp: {path}",
                }),
    ProblemKind("HD192", E, "consistency", "Số đếm hoặc số lần âm",
                "Số đại biểu, số cuộc, số lượt, số năm, số lần so với kỳ trước không thể âm; "
                "sửa lại số liệu.",
                messages={
                    "count": "“{column}” là số đếm nhưng ghi {value}; số đếm không âm",
                    "ratio": "số lần so với kỳ trước ghi {value}; số lần không âm",
                }),
    ProblemKind("HD193", E, "consistency", "Thứ hạng ngoài khoảng từ 1 đến tổng số",
                "Thứ hạng bắt đầu từ 1 và không lớn hơn tổng số đơn vị được xếp hạng.",
                messages={
                    "below-one": "thứ hạng {rank}; thứ hạng bắt đầu từ 1",
                    "above-total": "thứ hạng {rank} lớn hơn tổng số {total} đơn vị được xếp hạng",
                }),
    ProblemKind("HD194", W, "format", "Số nguyên ghi như có ba chữ số thập phân",
                "Ghi số nguyên không có dấu phân cách (5000) hoặc theo đúng kiểu ghi số của "
                "tệp (5.000 theo kiểu Việt Nam).",
                messages={
                    "": "“{text}” đọc là {whole} ({mark} là dấu thập phân theo kiểu ghi số của tệp); nếu "
                        "là {thousands} thì ghi {thousands}",
                }),
    ProblemKind("HD195", W, "reference", "Địa chỉ trực tuyến không được tạo liên kết",
                "Chỉ địa chỉ bắt đầu bằng https:// hoặc http:// thành liên kết; sửa địa chỉ "
                "hoặc để trống cột url.",
                messages={
                    "": "địa chỉ “{url}” ({scheme}) không được tạo liên kết trên trang, chỉ hiện thành "
                        "chữ; dùng địa chỉ bắt đầu bằng https:// hoặc http://",
                }),
    ProblemKind("HD196", INFO, "format", "Ô gộp trong vùng dữ liệu",
                "Giá trị của ô gộp được dùng cho mọi dòng ô đó phủ; nên bỏ gộp ô (Unmerge) và "
                "ghi giá trị ở từng dòng để khi sắp xếp, lọc không bị sai.",
                messages={
                    "": "ô gộp {cells}: giá trị “{value}” được dùng cho cả {rows} dòng",
                }),
    ProblemKind("HD197", W, "data", "Dòng hoặc trang tính bị ẩn",
                "Bỏ ẩn (Unhide) để thấy dữ liệu được đọc; xóa dòng, trang không dùng.",
                messages={
                    "hidden-sheet": HIDDEN_SHEET,
                    "other-sheet": "trang tính “{sheet}” bị ẩn nên không được đọc; dữ liệu được đọc từ "
                                   "trang “{read}”",
                    "hidden-row": "dòng {row} bị ẩn trong Excel nhưng vẫn được đọc; bỏ ẩn dòng để kiểm "
                                  "tra, hoặc xóa dòng nếu không dùng",
                }),
    ProblemKind("HD198", W, "data", "Trang tính bản sao không được đọc",
                "Chép các dòng cần dùng sang trang tính đúng tên bảng rồi xóa trang bản sao.",
                messages={
                    "": "trang tính “{sheet}” là bản sao của “{original}” và không được đọc; chép các "
                        "dòng cần dùng sang trang “{original}” rồi xóa trang này",
                }),
    ProblemKind("HD199", W, "format", "Số lưu nhiều chữ số thập phân hơn cần hiện",
                "Làm tròn bằng hàm ROUND hoặc định dạng ô (Format Cells, Number) với số chữ số "
                "thập phân cần hiện.",
                messages={
                    "": "ô {cell} lưu số có {places} chữ số thập phân ({number}); làm tròn bằng hàm ROUND "
                        "hoặc định dạng ô với số chữ số thập phân cần hiện",
                }),
    ProblemKind("HD152", INFO, "reference", "Mục được tự gắn với địa bàn được nhắc tên trong văn bản",
                "Kiểm tra lại: nếu đúng, có thể ghi mã địa bàn vào cột areas; nếu không liên "
                "quan, ghi no_area_links: x cho mục đó.",
                messages={
                    "": "văn bản nhắc “{matched}” nhưng không ghi địa bàn “{area}” ở cột areas; mục sẽ "
                        "được tự gắn với địa bàn này",
                }),
)
