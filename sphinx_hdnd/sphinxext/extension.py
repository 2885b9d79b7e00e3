"""``setup()``: configuration, directives, role, event handlers and static files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config

from .. import __version__
from ..docx import setup_docx
from ..extras import setup_extras
from ..pdf.hooks import setup_pdf
from ..tailoring import Budget
from .directives.area import AreaDirective
from .directives.briefing import BriefingDirective, drop_staff_notes
from .directives.budget import BudgetDirective
from .directives.chart import ChartDirective, setup_charts
from .directives.follow_up import FollowUpDirective
from .directives.grid import GridDirective, setup_grid
from .directives.indicators import IndicatorsDirective
from .directives.meetings import MeetingsDirective
from .directives.outline import OutlineDirective
from .directives.petitions import PetitionsDirective
from .directives.questions import QuestionsDirective
from .directives.resolutions import ResolutionsDirective
from .directives.session import SessionDirective
from .directives.summary import PetitionSummaryDirective
from .generate import generate_pages
from .memory import setup_memory
from .navigation import setup_navigation
from .roles import FigureRole
from .search import SearchVietnamese, write_page_text
from .shown import setup_shown
from .sources import number_sources
from .stack import setup_stack
from .state import data_dir, dataset_at, logger, report_problems, set_data_root
from .theme_words import setup_theme_words

#: bump when the pickled doctrees' shape changes, so old environments are discarded
ENV_VERSION = 3  # 3: the record of what each page shows (env.hdnd_shown)

STATIC = Path(__file__).parent / "static"

CONFIG: list[tuple[str, Any, Literal["env", "html", ""], type | tuple[type, ...], str]] = [
    ("hdnd_data_dir", "data", "env", str,
     "Thư mục dữ liệu, tính từ thư mục chứa conf.py"),
    ("hdnd_session", "", "env", str,
     "Mã kỳ họp cần trình bày (để trống: kỳ họp trong session.yaml)"),
    ("hdnd_briefings", True, "env", bool,
     "Tạo trang đề cương cho từng địa bàn và đối tượng cử tri (thư mục tiep-xuc/)"),
    ("hdnd_areas", [], "env", list,
     "Chỉ tạo đề cương cho các mã địa bàn này (để trống: mọi địa bàn hiện hành)"),
    ("hdnd_exclude_areas", [], "env", list, "Không tạo đề cương cho các mã địa bàn này"),
    ("hdnd_exclude_audiences", [], "env", list,
     "Không tạo đề cương cho các mã đối tượng cử tri này"),
    ("hdnd_briefing_budget", {}, "env", dict,
     "Dung lượng một đề cương: points (số điểm cần nói, mặc định 6), local_more, petitions, "
     "questions, resolutions"),
]


def conf_location(confdir: str | os.PathLike[str], name: str) -> str:
    """``conf.py:LINE`` where ``name`` is set (line 1 if not found).

    Always "path:line": Sphinx reads a location without ":" as a document
    name, which does not exist yet at config-inited.
    """
    conf_py = Path(confdir) / "conf.py"
    line = 1
    try:
        for i, text in enumerate(conf_py.read_text(encoding="utf-8").splitlines(), 1):
            if text.lstrip().startswith(name) and "=" in text:
                line = i
                break
    except OSError:
        pass
    return f"{conf_py}:{line}"


def check_config(app: Sphinx, config: Config) -> None:
    """Validate hdnd_* values with a located warning and a sane fallback."""
    for name, default, _rebuild, types, _doc in CONFIG:
        value = config[name]
        if not isinstance(value, types):
            expected = types.__name__ if isinstance(types, type) else "/".join(t.__name__ for t in types)
            logger.warning(f"cấu hình {name} = {value!r} không hợp lệ (cần {expected}); "
                           f"dùng giá trị mặc định {default!r}", type="hdnd", subtype="config",
                           location=conf_location(app.confdir, name))
            config[name] = default
    try:
        Budget.from_config(config.hdnd_briefing_budget)
    except ValueError as exc:
        logger.warning(f"cấu hình hdnd_briefing_budget không hợp lệ: {exc}; dùng mặc định",
                       type="hdnd", subtype="config",
                       location=conf_location(app.confdir, "hdnd_briefing_budget"))
        config["hdnd_briefing_budget"] = {}
    root = data_dir(app.confdir, config)
    # lexical check: a symlink placed inside the project is the user's own choice
    relative = os.path.normpath(config.hdnd_data_dir)
    if os.path.isabs(relative) or relative == ".." or relative.startswith(".." + os.sep):
        logger.warning(f"hdnd_data_dir trỏ ra ngoài dự án ({root}); dùng “data”",
                       type="hdnd", subtype="config",
                       location=conf_location(app.confdir, "hdnd_data_dir"))
        config["hdnd_data_dir"] = "data"
    elif not root.is_dir():
        logger.warning(f"không tìm thấy thư mục dữ liệu {root} (hdnd_data_dir)",
                       type="hdnd", subtype="config",
                       location=conf_location(app.confdir, "hdnd_data_dir"))


def load_data(app: Sphinx) -> None:
    """Load the data once per build and report every problem with its location."""
    root = set_data_root(app)
    if not root.is_dir():
        return  # check_config has said so once; a list of every missing file adds nothing
    ds = dataset_at(root)
    report_problems(ds)
    wanted = app.config.hdnd_session
    if wanted and ds.session is not None and wanted != ds.session.code:
        logger.warning(f"hdnd_session = “{wanted}” nhưng dữ liệu là kỳ họp “{ds.session.code}”",
                       type="hdnd", subtype="config",
                       location=conf_location(app.confdir, "hdnd_session"))


def add_static(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("hdnd.css")
        app.add_js_file("hdnd-staff.js")
        app.add_js_file("hdnd-picker.js")  # the landing page's area and audience lists


def setup(app: Sphinx) -> dict[str, Any]:
    # the landing grid and cards are sphinx-design components: set it up ourselves, so
    # that extensions = ["sphinx_hdnd"] alone gives styled pages, not bare containers
    app.setup_extension("sphinx_design")
    for name, default, rebuild, types, doc in CONFIG:
        app.add_config_value(name, default, rebuild, types=types, description=doc)
    app.add_directive("hdnd-outline", OutlineDirective)
    app.add_directive("hdnd-session", SessionDirective)
    app.add_directive("hdnd-indicators", IndicatorsDirective)
    app.add_directive("hdnd-budget", BudgetDirective)
    app.add_directive("hdnd-resolutions", ResolutionsDirective)
    app.add_directive("hdnd-petitions", PetitionsDirective)
    app.add_directive("hdnd-follow-up", FollowUpDirective)
    app.add_directive("hdnd-meetings", MeetingsDirective)
    app.add_directive("hdnd-petition-summary", PetitionSummaryDirective)
    app.add_directive("hdnd-questions", QuestionsDirective)
    app.add_directive("hdnd-briefing", BriefingDirective)
    app.add_directive("hdnd-area", AreaDirective)
    app.add_directive("hdnd-grid", GridDirective)
    setup_grid(app)  # the <details> that folds the cards of every area
    app.add_directive("hdnd-chart", ChartDirective)
    setup_stack(app)  # tables that stack into cards on a phone (HTML only)
    setup_charts(app)  # one variant per builder; a shared environment re-reads for another
    app.add_role("hdnd", FigureRole())
    app.add_search_language(SearchVietnamese)
    app.connect("html-page-context", write_page_text)  # the search's excerpts, from a folder too
    app.connect("config-inited", check_config)
    app.connect("builder-inited", load_data)
    app.connect("builder-inited", generate_pages)
    app.connect("builder-inited", add_static)
    app.connect("doctree-read", number_sources)
    app.connect("doctree-resolved", drop_staff_notes)
    setup_memory(app)  # a large province's documents are not all held in memory at once
    setup_navigation(app)  # the sidebar's tree, once per folder for pages outside it
    setup_pdf(app)  # hdnd_pdf*: print styles, PDF links, booklets at build-finished
    setup_docx(app)  # hdnd_docx*: the booklets as Word files at build-finished
    setup_extras(app)  # an extra not installed (the theme): one line saying how
    setup_theme_words(app)  # language = "vi": the theme's words in Vietnamese too
    setup_shown(app)  # which figures reach no page, for hdnd build and hdnd validate
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
