"""Directives of the user guide: reference pages generated from the code, live examples.

Everything a reference page lists comes from the package itself, so the
guide cannot drift from the code:

* ``hdnd-data-reference``: every file, sheet, column, type, allowed values
  and example, from :mod:`sphinx_hdnd.schema` (the record classes);
* ``hdnd-problem-catalogue``: every error code with its meaning and fix,
  from :data:`sphinx_hdnd.model.problems.CATALOGUE`;
* ``hdnd-config-reference``: every ``hdnd_*`` configuration value, from
  ``CONFIG`` in the extension;
* ``hdnd-directive-options NAME``: the options of a directive, read from its
  ``option_spec``; an option without an explanation below is a build warning,
  and so is an ``hdnd-*`` directive that the guide never documents;
* ``hdnd-role-forms``: the forms of the ``{hdnd}`` role (``FORMS``);
* ``hdnd-cli-help COMMAND``: the ``--help`` of an ``hdnd`` command;
* ``hdnd-example``: shows its MyST content as source, then renders it with the
  extension from the example data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import click
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_hdnd.model.loader import default_topics
from sphinx_hdnd.model.placeholders import FORMS
from sphinx_hdnd.model.problems import CATALOGUE, Severity
from sphinx_hdnd.model.records import PETITION_STATUS_LABELS
from sphinx_hdnd.schema import FILES, KIND_HELP, FieldSpec, FileSpec, fields_of, nested_records
from sphinx_hdnd.sphinxext.directives.base import code_list

logger = logging.getLogger("hdnd_docs")

SEVERITY_WORDS = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "thông tin"}

#: groups of the catalogue by the code's tens (HD10x, HD11x…)
CODE_GROUPS = {
    "HD10": "Tệp và định dạng tệp",
    "HD11": "Cột và ô dữ liệu",
    "HD12": "Cách ghi số",
    "HD13": "Mã và tham chiếu",
    "HD14": "Tính nhất quán của số liệu",
    "HD15": "Văn bản tường thuật và chỗ chèn số liệu",
    "HD16": "Đối tượng cử tri và lựa chọn nội dung đề cương",
}

#: what each option of each directive does (the types come from ``option_spec``)
OPTION_HELP: dict[tuple[str, str], str] = {
    ("hdnd-indicators", "topic"): "Chỉ lấy chỉ tiêu thuộc các lĩnh vực này.",
    ("hdnd-indicators", "area"): "Chỉ lấy chỉ tiêu của các địa bàn này; toan-tinh là số liệu "
                                 "toàn tỉnh (cột area để trống).",
    ("hdnd-indicators", "codes"): "Chỉ lấy các chỉ tiêu có mã này, theo đúng thứ tự đã ghi.",
    ("hdnd-indicators", "key"): "Chỉ lấy các chỉ tiêu chủ yếu (cột key có số thứ tự), "
                                "xếp theo số thứ tự đó.",
    ("hdnd-indicators", "exclude-key"): "Bỏ các chỉ tiêu chủ yếu (đã có trong bảng dùng "
                                        ":key:), để liệt kê các chỉ tiêu còn lại của một kỳ.",
    ("hdnd-indicators", "period"): "Chỉ lấy chỉ tiêu có kỳ số liệu (cột period) đúng như ghi.",
    ("hdnd-indicators", "layout"): "table (bảng, mặc định) hoặc cards (thẻ, dễ đọc trên điện "
                                   "thoại).",
    ("hdnd-grid", "open"): "Hiện sẵn danh sách thẻ của mọi địa bàn (mặc định danh sách được "
                           "thu gọn sau hai ô chọn địa bàn, đối tượng, cho gọn trên điện thoại).",
    ("hdnd-budget", "kind"): "thu, chi hoặc all (mặc định: cả thu và chi).",
    ("hdnd-budget", "layout"): "text (câu văn như đề cương, mặc định) hoặc table (bảng).",
    ("hdnd-resolutions", "topic"): "Chỉ lấy nghị quyết thuộc các lĩnh vực này.",
    ("hdnd-resolutions", "area"): "Chỉ lấy nghị quyết tác động trực tiếp đến các địa bàn này.",
    ("hdnd-resolutions", "committee"): "Chỉ lấy nghị quyết do các ban này thẩm tra (ghi đúng "
                                       "tên ban như trong cột committee).",
    ("hdnd-petitions", "area"): "Chỉ lấy kiến nghị của các địa bàn này; toan-tinh là kiến nghị "
                                "chung toàn tỉnh.",
    ("hdnd-petitions", "status"): "Chỉ lấy kiến nghị có tình trạng này (" + ", ".join(
        s.value for s in PETITION_STATUS_LABELS) + ").",
    ("hdnd-petitions", "committee"): "Chỉ lấy kiến nghị do các ban này theo dõi.",
    ("hdnd-petition-summary", "session"): "Mã kỳ họp mà ý kiến, kiến nghị được gửi tới "
                                          "(cột received_session); mặc định: kỳ họp này.",
    ("hdnd-meetings", "area"): "Chỉ lấy các cuộc tiếp xúc tại các địa bàn này.",
    ("hdnd-follow-up", "by"): "agency: bảng theo cơ quan giải quyết; committee: theo Ban HĐND "
                              "theo dõi; all (mặc định): cả hai bảng.",
    ("hdnd-follow-up", "open-limit"): "Số kiến nghị chưa giải quyết xong in đầy đủ (kèm quá "
                                      "trình) ở mục “lâu nhất trước”; mặc định 10.",
    ("hdnd-petitions", "audience"): "Chỉ lấy kiến nghị của các đối tượng cử tri này.",
    ("hdnd-petitions", "topic"): "Chỉ lấy kiến nghị thuộc các lĩnh vực này.",
    ("hdnd-briefing", "area"): "Mã địa bàn của cuộc tiếp xúc (bắt buộc).",
    ("hdnd-briefing", "audience"): "Mã đối tượng cử tri của cuộc tiếp xúc (bắt buộc).",
    ("hdnd-area", "area"): "Mã địa bàn (bắt buộc).",
    ("hdnd-chart", "kind"): "plan (thực hiện so với kế hoạch, mặc định), areas (so sánh các "
                            "địa bàn) hoặc trend (diễn biến qua các kỳ).",
    ("hdnd-chart", "codes"): "Chỉ vẽ các chỉ tiêu có mã này.",
    ("hdnd-chart", "topic"): "Chỉ vẽ chỉ tiêu thuộc các lĩnh vực này.",
    ("hdnd-chart", "area"): "Với plan, trend: số liệu của địa bàn này (toan-tinh: toàn tỉnh); "
                            "với areas: địa bàn được tô đậm để so sánh.",
    ("hdnd-chart", "period"): "Chỉ vẽ chỉ tiêu có kỳ số liệu này.",
    ("hdnd-chart", "key"): "Chỉ vẽ các chỉ tiêu chủ yếu của kế hoạch (cột key).",
    ("hdnd-chart", "title"): "Tiêu đề của biểu đồ.",
    ("hdnd-session", "brief"): "Bản ngắn: chỉ thời gian họp và số đại biểu dự, bỏ khách mời, "
                               "phát biểu, nhận xét chung.",
}

CONVERTERS = {
    code_list: "một hoặc nhiều mã, cách nhau bởi dấu phẩy",
    directives.flag: "không ghi giá trị, chỉ ghi tên tùy chọn",
    directives.unchanged: "văn bản",
    directives.unchanged_required: "văn bản (bắt buộc có giá trị)",
}


# ------------------------------------------------------------------ node helpers


def para(*children: nodes.Node | str) -> nodes.paragraph:
    p = nodes.paragraph()
    for c in children:
        p += nodes.Text(c) if isinstance(c, str) else c
    return p


def lit(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def table(headers: Sequence[str], rows: Iterable[Sequence[nodes.Node | str]],
          widths: Sequence[int], classes: Sequence[str] = ()) -> nodes.table:
    tbl = nodes.table(classes=["hdnd-ref-table", *classes])
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for w in widths:
        group += nodes.colspec(colwidth=w)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for h in headers:
        row += nodes.entry("", para(h))
    head += row
    body = nodes.tbody()
    group += body
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            if isinstance(cell, str):
                entry += para(cell)
            elif isinstance(cell, nodes.paragraph):
                entry += cell
            else:
                entry += para(cell)
            row += entry
        body += row
    return tbl


class GeneratedSections(SphinxDirective):
    """A directive whose output is sections with explicit, referable labels."""

    def section(self, label: str, title: Iterable[nodes.Node | str]) -> nodes.section:
        sec = nodes.section()
        sec["names"].append(label)
        title_node = nodes.title()
        for t in title:
            title_node += nodes.Text(t) if isinstance(t, str) else t
        sec += title_node
        self.state.document.note_explicit_target(sec, sec)
        return sec


# ------------------------------------------------------------------ data reference


def _field_cells(f: FieldSpec, prefix: str) -> list[nodes.Node | str]:
    name = f"{prefix}{f.name}"
    desc = para(f.description or "")
    if f.choices:
        desc += nodes.Text(" Giá trị cho phép: ")
        for i, c in enumerate(f.choices):
            if i:
                desc += nodes.Text(", ")
            desc += lit(c)
        desc += nodes.Text(".")
    if f.default:
        desc += nodes.Text(" Để trống: ")
        desc += lit(f.default)
        desc += nodes.Text(".")
    if f.record is not None:
        desc += nodes.Text(f" Các trường con: xem mục {name} bên dưới.")
    example: nodes.Node | str = lit(f.example) if f.example else ""
    return [para(lit(name)), f.type_label, "bắt buộc" if f.required else "", desc, example]


def field_table(fields: list[FieldSpec], prefix: str = "") -> nodes.table:
    return table(["Cột / trường", "Kiểu", "Bắt buộc", "Nội dung", "Ví dụ"],
                 [_field_cells(f, prefix) for f in fields], [16, 14, 8, 44, 18],
                 classes=["hdnd-data-ref"])


class DataReference(GeneratedSections):
    """Every file of the data folder: its columns or fields, from the record classes."""

    def run(self) -> list[nodes.Node]:
        out: list[nodes.Node] = [self.kinds()]
        for spec in FILES:
            out.append(self.file_section(spec))
        out.append(self.lists())
        return out

    def kinds(self) -> nodes.section:
        sec = self.section("du-lieu-kieu", ["Các kiểu dữ liệu"])
        sec += table(["Kiểu", "Cách ghi"], [[str(k), v] for k, v in KIND_HELP.items()], [20, 80])
        return sec

    def file_section(self, spec: FileSpec) -> nodes.section:
        sec = self.section(f"du-lieu-{spec.name}", [lit(spec.name), f": {spec.title}"])
        where = para("Tệp: ")
        for i, name in enumerate(spec.filenames):
            if i:
                where += nodes.Text(" hoặc " if i == len(spec.filenames) - 1 else ", ")
            where += lit(name) if " " not in name else nodes.Text(name)
        where += nodes.Text(". " + ("Bắt buộc." if spec.required else "Không bắt buộc."))
        if spec.yaml_list:
            where += nodes.Text(" Tệp là một danh sách, mỗi mục bắt đầu bằng “- ”.")
        sec += where
        sec += field_table(fields_of(spec.record))
        for path, rec in nested_records(spec.record):
            sub = self.section(f"du-lieu-{spec.name}-{path.replace('.', '-')}",
                               [lit(f"{spec.name}: {path}")])
            sub += field_table(fields_of(rec), prefix=f"{path}.")
            sec += sub
        return sec

    def lists(self) -> nodes.section:
        sec = self.section("du-lieu-danh-muc", ["Danh mục có sẵn"])
        topics = self.section("du-lieu-linh-vuc-mac-dinh", ["Lĩnh vực mặc định"])
        topics += para("Dùng khi thư mục dữ liệu không có ", lit("topics.yaml"), ".")
        topics += table(["Mã", "Tên lĩnh vực"],
                        [[para(lit(t.code)), t.name] for t in default_topics().values()],
                        [30, 70])
        sec += topics
        status = self.section("du-lieu-tinh-trang", ["Tình trạng kiến nghị"])
        status += table(["Mã (cột status)", "Hiển thị"],
                        [[para(lit(s.value)), label] for s, label in
                         PETITION_STATUS_LABELS.items()], [30, 70])
        sec += status
        return sec


# ------------------------------------------------------------------ troubleshooting


class ProblemCatalogue(GeneratedSections):
    """Every code of the catalogue: severity, meaning, fix."""

    def run(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        groups: dict[str, list[Any]] = {}
        for kind in CATALOGUE.values():
            groups.setdefault(kind.code[:4], []).append(kind)
        for prefix, kinds in groups.items():
            group = self.section(f"loi-nhom-{prefix.lower()}",
                                 [CODE_GROUPS.get(prefix, "Các lỗi khác")])
            for kind in kinds:
                sec = self.section(kind.code.lower(), [f"{kind.code}: {kind.title}"])
                level = SEVERITY_WORDS[kind.severity]
                facts = nodes.field_list()
                for name, value in (
                    ("Mức độ", level + (" (hdnd validate trả mã thoát 1)" if kind.severity
                                        is Severity.ERROR else " (không làm hỏng bản dựng)"
                                        if kind.severity is Severity.INFO else "")),
                    ("Cảnh báo Sphinx", f"hdnd.{kind.subtype}" if kind.severity
                     is not Severity.INFO else "không (chỉ hdnd validate liệt kê)"),
                    ("Cách sửa", kind.fix),
                ):
                    field = nodes.field()
                    field += nodes.field_name("", name)
                    body = nodes.field_body()
                    body += para(value)
                    field += body
                    facts += field
                sec += facts
                group += sec
            out.append(group)
        return out


# ------------------------------------------------------------------ configuration, directives


class ConfigReference(SphinxDirective):
    """Every ``hdnd_*`` value registered with Sphinx (by the extension or any of its parts)."""

    def run(self) -> list[nodes.Node]:
        rows = []
        options = self.config._options  # private, but the one place with every description
        for name in sorted(n for n in options if n.startswith("hdnd_")):
            opt = options[name]
            types = opt.valid_types
            type_names = sorted(t.__name__ for t in types) if isinstance(
                types, frozenset | tuple | list | set) else [getattr(types, "__name__", "")]
            if not opt.description:
                logger.warning(f"cấu hình {name} chưa có mô tả (description)",
                               location=self.get_location())
            rows.append([para(lit(name)), para(lit(" | ".join(t for t in type_names if t))),
                         para(lit(repr(opt.default))), opt.description])
        return [table(["Tên", "Kiểu", "Mặc định", "Ý nghĩa"], rows, [22, 10, 14, 54])]


def _documented(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, "hdnd_documented_directives"):
        env.hdnd_documented_directives = {}  # type: ignore[attr-defined]
    return env.hdnd_documented_directives  # type: ignore[attr-defined]


class DirectiveOptions(SphinxDirective):
    """The options of one directive, from its ``option_spec``."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        cls, _ = directives.directive(name, self.state.memo.language, self.state.document)
        if cls is None:
            logger.warning(f"hdnd-directive-options: không có chỉ thị {name}",
                           location=self.get_location())
            return []
        _documented(self.env)[name] = self.env.docname
        spec = getattr(cls, "option_spec", None) or {}
        if not spec:
            return [para("Chỉ thị này không có tùy chọn.")]
        rows = []
        for option, converter in spec.items():
            help_text = OPTION_HELP.get((name, option))
            if help_text is None:
                logger.warning(f"hdnd-directive-options: tùy chọn :{option}: của {name} chưa có "
                               "lời giải thích trong docs/_ext/hdnd_docs.py (OPTION_HELP)",
                               location=self.get_location())
                help_text = ""
            rows.append([para(lit(f":{option}:")), CONVERTERS.get(converter, "văn bản"),
                         help_text])
        return [table(["Tùy chọn", "Giá trị", "Ý nghĩa"], rows, [18, 30, 52])]


class RoleForms(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        rows = [[para(lit(form)), desc] for form, desc in FORMS.items()]
        return [table(["Dạng", "Kết quả"], rows, [20, 80])]


class CliHelp(SphinxDirective):
    """``hdnd COMMAND --help``, as the command prints it."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        from sphinx_hdnd.cli import main

        name = self.arguments[0]
        cmd = main.commands.get(name) if name != "hdnd" else main
        if cmd is None:
            logger.warning(f"hdnd-cli-help: không có lệnh hdnd {name}",
                           location=self.get_location())
            return []
        parent = click.Context(main, info_name="hdnd")
        ctx = click.Context(cmd, info_name=name, parent=parent) if cmd is not main else parent
        with ctx:
            text = cmd.get_help(ctx)
        return [nodes.literal_block(text, text, language="text")]


class Example(SphinxDirective):
    """Show the MyST content as source, then as the extension renders it."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content)
        box = nodes.container(classes=["hdnd-example"])
        code = nodes.literal_block(source, source, language="markdown",
                                   classes=["hdnd-example-source"])
        box += code
        rendered = nodes.container(classes=["hdnd-example-result"])
        label = nodes.paragraph("", "Kết quả:", classes=["hdnd-example-label"])
        box += label
        self.state.nested_parse(self.content, self.content_offset, rendered)
        box += rendered
        return [box]


# ------------------------------------------------------------------ completeness


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str],
           other: BuildEnvironment) -> None:
    _documented(env).update(_documented(other))


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    docs = _documented(env)
    for name in [n for n, d in docs.items() if d == docname]:
        del docs[name]


def check_all_documented(app: Sphinx, env: BuildEnvironment) -> None:
    """Every registered ``hdnd-*`` directive has its options table somewhere in the guide."""
    registered = {n for n in directives._directives if n.startswith("hdnd-")}
    ours = {"hdnd-data-reference", "hdnd-problem-catalogue", "hdnd-config-reference",
            "hdnd-directive-options", "hdnd-role-forms", "hdnd-cli-help", "hdnd-example"}
    missing = sorted(registered - ours - set(_documented(env)))
    for name in missing:
        logger.warning(f"chỉ thị {name} chưa được mô tả trong tài liệu (hdnd-directive-options)")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("hdnd-data-reference", DataReference)
    app.add_directive("hdnd-problem-catalogue", ProblemCatalogue)
    app.add_directive("hdnd-config-reference", ConfigReference)
    app.add_directive("hdnd-directive-options", DirectiveOptions)
    app.add_directive("hdnd-role-forms", RoleForms)
    app.add_directive("hdnd-cli-help", CliHelp)
    app.add_directive("hdnd-example", Example)
    app.connect("env-merge-info", _merge)
    app.connect("env-purge-doc", _purge)
    app.connect("env-check-consistency", check_all_documented)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
