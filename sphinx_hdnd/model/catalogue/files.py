"""HD100-HD122: the problems of reading the files: formats, columns and cells, numbers."""

from __future__ import annotations

from .kinds import E, ProblemKind, W, kinds

#: one wording under two codes (which code depends on the table or the column)
HIDDEN_SHEET = ("trang tính “{sheet}” trong {workbook} bị ẩn nên không được đọc; bỏ ẩn trang (chuột phải "
                "vào tên trang, chọn Unhide)")
_EXCEL_ERROR = "ô có lỗi Excel {error}; sửa công thức hoặc nhập giá trị"
_NO_RESULT = ("ô có công thức {formula} nhưng tệp không lưu kết quả tính; mở tệp bằng Excel rồi lưu lại, "
              "hoặc nhập giá trị thay cho công thức")

FILE_PROBLEMS: dict[str, ProblemKind] = kinds(
    # Files and formats
    ProblemKind("HD100", E, "data", "Không đọc được tệp dữ liệu",
                "Kiểm tra tệp có đúng định dạng theo phần mở rộng (CSV, XLSX, YAML) và không bị hỏng.",
                messages={
                    "outside": "tệp là liên kết tới {target}, nằm ngoài thư mục dữ liệu; chép tệp vào thư "
                               "mục dữ liệu thay cho liên kết",
                    "unreadable": "không mở được tệp: {reason}",
                    "not-text": "đây là {kind}, không phải tệp văn bản; hãy lưu dữ liệu đúng định dạng "
                                "theo phần mở rộng của tệp",
                    "too-big": "tệp lớn hơn {limit} MB",
                    "csv-is-excel": "tệp có đuôi .csv nhưng thực chất là tệp Excel; đổi đuôi thành .xlsx",
                    "binary": "tệp nhị phân, không phải văn bản CSV",
                    "unclosed-quote": "dấu ngoặc kép mở ở dòng {line} không được đóng, nên phần còn lại "
                                      "của tệp bị đọc như một ô; thêm dấu ngoặc kép đóng",
                    "quote-inside": "dòng {line} có dấu ngoặc kép giữa ô; ô có dấu ngoặc kép phải đặt cả "
                                    "ô trong ngoặc kép và viết dấu ngoặc kép bên trong thành hai dấu "
                                    "(\"\")",
                    "csv": "không đọc được bảng CSV từ dòng {line}: {reason}",
                    "extra-cells": "dòng {line} có {cells} ô, nhiều hơn {width} cột của dòng tiêu đề (ô "
                                   "thừa: “{extra}”); thường do dấu phân cách nằm trong một ô: đặt ô đó "
                                   "trong ngoặc kép hoặc bỏ dấu thừa",
                    "xls": "tệp Excel cũ (.xls) hoặc có đặt mật khẩu; hãy mở bằng Excel và lưu lại dưới "
                           "dạng .xlsx không mật khẩu",
                    "not-xlsx": "tệp có đuôi .xlsx nhưng không phải tệp Excel (.xlsx)",
                    "excel-unreadable": "không mở được tệp Excel: {reason}",
                    "no-visible-sheet": "tệp Excel không có trang tính hiển thị",
                    "sheet-unreadable": "không đọc được trang tính “{sheet}”: {reason}",
                    "yaml-too-big": "tệp YAML lớn hơn {limit} KB; dữ liệu của một kỳ họp chỉ cần vài chục "
                                    "KB",
                    "yaml-too-many": "tệp YAML quá lớn",
                }),
    ProblemKind("HD101", E, "data", "Thiếu tệp dữ liệu bắt buộc",
                "Tạo tệp theo mẫu (lệnh hdnd init) hoặc sửa đường dẫn hdnd_data_dir.",
                messages={
                    "no-yaml": "không tìm thấy tệp {table}.yaml trong thư mục dữ liệu",
                    "no-table": "không tìm thấy bảng {table} (.csv, .xlsx hoặc trang tính trong "
                                "{workbook})",
                    "no-sheet": "không có trang tính “{sheet}”",
                    "hidden-sheet": HIDDEN_SHEET,
                }),
    ProblemKind("HD102", E, "data", "Bảng mã hóa ký tự không phải UTF-8",
                "Lưu lại tệp với mã hóa UTF-8 (trong Excel: CSV UTF-8).",
                messages={
                    "utf16": "tệp mã hóa UTF-16; hãy lưu lại dưới dạng UTF-8",
                    "utf16-csv": "tệp mã hóa UTF-16; hãy lưu lại dưới dạng UTF-8 (CSV UTF-8)",
                    "not-utf8": "byte không hợp lệ theo UTF-8 tại dòng {line} (có thể là Windows-1258 "
                                "hoặc TCVN3); hãy lưu lại tệp với mã hóa UTF-8 (trong Excel: CSV UTF-8)",
                }),
    ProblemKind("HD103", E, "data", "Tệp rỗng hoặc chỉ có dòng tiêu đề",
                "Nhập ít nhất một dòng dữ liệu hoặc xóa tệp nếu không dùng.",
                messages={
                    "empty": "tệp rỗng",
                    "empty-yaml": "tệp YAML rỗng",
                    "header-only": "bảng chỉ có dòng tiêu đề, chưa có dữ liệu",
                }),
    ProblemKind("HD104", E, "data", "Cú pháp YAML không hợp lệ",
                "Sửa dòng được chỉ ra: thụt lề bằng dấu cách (không dùng tab), dấu hai chấm sau tên trường.",
                messages={
                    "tab-indent": "thụt lề bằng ký tự tab; hãy dùng dấu cách",
                    "character": "ký tự U+{char:04X} không được phép trong tệp YAML; xóa ký tự này "
                                 "(thường do dán từ phần mềm khác)",
                    "syntax": "cú pháp YAML không hợp lệ; kiểm tra dấu hai chấm sau tên trường, dấu ngoặc "
                              "kép và thụt lề bằng dấu cách",
                    "tab": "ký tự tab ở chỗ YAML không cho phép; thay bằng dấu cách",
                    "colon": "dấu hai chấm “:” ở chỗ không được phép; văn bản có dấu hai chấm cần đặt "
                             "trong dấu ngoặc kép",
                    "no-colon": "thiếu dấu hai chấm “:” sau tên trường",
                    "escape": "ký tự “\\” trong dấu ngoặc kép phải viết hai lần “\\\\”, hoặc dùng dấu "
                              "ngoặc đơn",
                    "indent": "thụt lề không thẳng với các dòng cùng cấp ở trên",
                    "bracket": "danh sách trong dấu ngoặc vuông [ ] chưa đóng",
                    "brace": "mục trong dấu ngoặc nhọn {{ }} chưa đóng",
                    "quote": "dấu ngoặc kép chưa đóng",
                }),
    ProblemKind("HD105", E, "data", "Khóa YAML bị lặp",
                "Mỗi trường chỉ được khai báo một lần trong cùng một mục.",
                messages={
                    "": "khóa “{key}” đã khai báo ở dòng {first_line}",
                }),
    ProblemKind("HD106", E, "data", "YAML dùng tham chiếu (anchor/alias) hoặc thẻ không được hỗ trợ",
                "Viết đầy đủ giá trị thay vì dùng & và *; không dùng thẻ !!python.",
                messages={
                    "tag": "thẻ YAML “{tag}” không được hỗ trợ",
                    "merge-key": "không dùng khóa gộp <<",
                    "alias": "không dùng tham chiếu YAML (*alias)",
                    "anchor": "không dùng neo YAML (&{anchor})",
                }),
    ProblemKind("HD107", E, "data", "Cấu trúc YAML không đúng mẫu",
                "Đối chiếu với mẫu trong tài liệu hướng dẫn: kiểu danh sách hay từ điển, tên trường.",
                messages={
                    "not-a-list": "cần một danh sách các mục (dòng bắt đầu bằng “- ”)",
                    "key-not-text": "tên trường phải là chữ",
                    "too-deep": "các mục lồng nhau quá sâu; dữ liệu chỉ cần vài cấp thụt lề",
                    "unknown-field": "trường “{field}” không có trong mẫu dữ liệu",
                }),
    ProblemKind("HD108", W, "data", "Hai tệp cùng chứa một bảng: chỉ một tệp được dùng",
                "Giữ một nơi cho mỗi bảng: xóa tệp (hoặc trang tính trong hdnd.xlsx) không dùng, "
                "để không sửa nhầm chỗ.",
                messages={
                    "": "bảng {table} có ở {used} và ở {others}: dùng {used}, bỏ qua {others}",
                }),
    # Columns and cells
    ProblemKind("HD110", E, "data", "Thiếu cột bắt buộc",
                "Thêm cột với đúng tên tiêu đề như trong tài liệu tham chiếu dữ liệu.",
                messages={"": "bảng {table} thiếu cột bắt buộc “{column}”"}),
    ProblemKind("HD111", W, "data", "Cột không xác định (sẽ bị bỏ qua)",
                "Xóa cột hoặc sửa tên tiêu đề cho đúng.",
                messages={
                    "unknown": "cột “{column}” không thuộc bảng {table}; các cột hợp lệ: {allowed}",
                    "blank-header": "cột {letter} có dữ liệu nhưng không có tên ở dòng tiêu đề (thường do "
                                    "ô tiêu đề bị gộp); ghi tên cột hoặc xóa cột",
                    "repeated-header": "cột “{column}” xuất hiện lần nữa ở cột {letter}; chỉ cột đầu tiên "
                                       "được đọc, hãy xóa hoặc đổi tên cột lặp",
                }),
    ProblemKind("HD112", E, "data", "Thiếu giá trị bắt buộc",
                "Nhập giá trị cho ô được chỉ ra.",
                messages={
                    "": "thiếu giá trị bắt buộc",
                }),
    ProblemKind("HD113", E, "data", "Giá trị không đúng kiểu",
                "Nhập giá trị theo kiểu được yêu cầu (xem thông báo).",
                messages={
                    "excel-error": _EXCEL_ERROR,
                    "no-result": _NO_RESULT,
                    "mapping": "cần một mục gồm các trường (tên: giá trị)",
                    "list": "cần một danh sách (các dòng bắt đầu bằng “- ”)",
                    "number": "cần một số",
                    "text": "cần một đoạn văn bản",
                    "other": "giá trị không hợp lệ ({reason})",
                    "int": "“{value}” phải là số nguyên",
                    "whole-number": "cần một số nguyên",
                    "bool": "“{value}” không phải giá trị có/không (dùng x, có, không hoặc để trống)",
                    "date": "“{value}” không phải ngày (ghi dd/mm/yyyy, ví dụ 10/07/2024)",
                    "no-such-date": "“{value}” không phải ngày có thật",
                    "text-not-list": "cần một đoạn văn bản, không phải danh sách hay mục con",
                }),
    ProblemKind("HD114", E, "data", "Giá trị không thuộc danh sách cho phép",
                "Chọn một trong các giá trị được liệt kê trong thông báo.",
                messages={
                    "not-allowed": "“{value}” không thuộc các giá trị cho phép: {allowed}",
                    "number-style": "kiểu ghi số “{value}” không hợp lệ; cho phép: {allowed}",
                    "money-style": "“{value}” không hợp lệ; cho phép: {allowed}",
                }),
    ProblemKind("HD115", E, "data", "Mã không hợp lệ",
                "Mã chỉ gồm chữ thường không dấu, chữ số, dấu gạch dưới hoặc gạch ngang, bắt đầu bằng chữ.",
                messages={
                    "": "“{value}” không phải mã hợp lệ (chữ thường không dấu, số, _ hoặc -, bắt đầu bằng "
                        "chữ)",
                }),
    # Numbers
    ProblemKind("HD120", E, "format", "Không đọc được số",
                "Ghi số theo kiểu Việt Nam (14.955,28) hoặc kiểu quốc tế (14955.28), không kèm chữ.",
                messages={
                    "excel-error": _EXCEL_ERROR,
                    "no-result": _NO_RESULT,
                    "too-big": "“{value}” quá lớn: số liệu không quá {digits} chữ số phần nguyên; kiểm "
                               "tra có gõ thừa chữ số hoặc dán nhầm mã",
                    "blank": "ô trống, cần một số",
                    "unit": "“{value}” có ký hiệu đơn vị; chỉ ghi con số, đơn vị ghi ở cột đơn vị",
                    "unusual": "“{value}” không phải cách ghi số thông thường",
                    "not-a-number": "“{value}” không phải là số (ví dụ đúng: 14.955,28 hoặc 14955.28)",
                    "not-number": "“{value}” không phải là số",
                }),
    ProblemKind("HD121", E, "format", "Số có thể hiểu theo hai cách",
                "Khai báo kiểu số của tệp (number_style: vi hoặc plain trong province.yaml) hoặc ghi rõ số.",
                messages={
                    "": "“{value}” có thể là {thousands} hoặc {decimal}; khai báo number_style cho tệp "
                        "hoặc viết rõ",
                }),
    ProblemKind("HD122", E, "format", "Tệp trộn lẫn hai kiểu ghi số",
                "Thống nhất một kiểu ghi số trong cả tệp.",
                messages={
                    "": "bảng {table} trộn hai kiểu ghi số: {reason}",
                    "plain-in-vi": "“{value}” viết theo kiểu quốc tế trong khi tệp dùng kiểu Việt Nam "
                                   "(dấu chấm phân cách hàng nghìn, dấu phẩy thập phân)",
                    "vi-in-plain": "“{value}” viết theo kiểu Việt Nam trong khi tệp dùng kiểu quốc tế "
                                   "(dấu chấm thập phân)",
                }),
)
