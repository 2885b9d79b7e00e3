"""``setup()``: configuration, directives, role, event handlers and static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .. import __version__
from ..docx import setup_docx
from ..extras import setup_extras
from .booklets import setup_booklets
from .config import checked, conf_location
from .config import register as register_config
from .directives.area import AreaDirective
from .directives.briefing import BriefingDirective, drop_staff_notes
from .directives.budget import BudgetDirective
from .directives.chart import ChartDirective
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
from .events import add_events
from .generate import generate_pages
from .memory import setup_memory
from .navigation import setup_navigation
from .parts.chart import setup_charts
from .roles import FigureRole
from .search import SearchVietnamese, write_page_text
from .shown import setup_shown
from .sources import number_sources
from .stack import setup_stack
from .state import HdndDomain, build_state, logger, report_problems
from .theme_words import setup_theme_words

#: bump when the pickled doctrees' shape changes, so old environments are discarded
ENV_VERSION = 3  # 3: the record of what each page shows (env.hdnd_shown); searchindex.js
#: carries it, so a bump changes the built site

STATIC = Path(__file__).parent / "static"

def check_config(app: Sphinx, config: Config) -> None:
    """A wrong ``hdnd_`` value is a warning at its line of conf.py; a sane value is used."""
    for name, message in checked(config, str(app.confdir)):
        logger.warning(message, type="hdnd", subtype="config",
                       location=conf_location(app.confdir, name))


def load_data(app: Sphinx) -> None:
    """Load the data once per build and report every problem with its location."""
    state = build_state(app.env)
    ds = state.load(app)
    if state.data_root is None or not state.data_root.is_dir():
        return  # check_config has said so once; a list of every missing file adds nothing
    report_problems(ds)
    wanted = state.config.session
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
    app.add_domain(HdndDomain)  # the build's state: dataset, charts' variants, shared trees
    register_config(app)  # every hdnd_ value, from the one declaration (HdndConfig)
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
    add_events(app)  # for hdnd build: the booklets' progress and results
    setup_booklets(app)  # print styles, PDF links, booklets at build-finished
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
