"""Every ``hdnd_`` configuration value, declared once: :class:`HdndConfig`.

Each field holds the value's default, what a change to it rebuilds, its
description (the guide's configuration reference is read from what is
registered here) and, where a type is not enough, its check. The fields are
registered with Sphinx as ``hdnd_<field>``, the public interface; Sphinx itself
converts ``-D name=value`` from the command line. At ``config-inited`` every
value is checked: a wrong one is a warning located at its line of conf.py and
is replaced by a sane value (:func:`checked`), so that
:meth:`HdndConfig.from_sphinx` always succeeds; the build's checked
configuration is ``build_state(env).config``.
"""

from __future__ import annotations

import dataclasses as dc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..pdf import SCOPES
from ..tailoring import Budget

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PREFIX = "hdnd_"


def data_dir(confdir: str | os.PathLike[str], config: Config) -> Path:
    """The data folder, from the folder of conf.py (which is not the source folder
    under ``sphinx-build -c CONFDIR``)."""
    return _from_confdir(confdir, config.hdnd_data_dir)


def _from_confdir(confdir: str | os.PathLike[str], value: str) -> Path:
    return Path(os.path.abspath(Path(confdir) / value))


#: the value of a check's problem that keeps the value as it is
KEEP = object()


class Invalid(ValueError):
    """A value that is not right: the warning to give, and the value used instead."""

    def __init__(self, message: str, replacement: Any = KEEP) -> None:
        super().__init__(message)
        self.replacement = replacement


#: (value, the folder of conf.py) -> None; raises :class:`Invalid`
Check = Callable[[Any, str], None]


def _about(rebuild: str, description: str, check: Check | None = None) -> dict[str, Any]:
    """A field's metadata: what a change rebuilds, its description, its own check."""
    return {"rebuild": rebuild, "description": description, "check": check}


def check_budget(value: dict[str, Any], confdir: str) -> None:
    try:
        Budget.from_config(value)
    except ValueError as exc:
        raise Invalid(f"cấu hình hdnd_briefing_budget không hợp lệ: {exc}; dùng mặc định",
                      {}) from exc


def check_data_dir(value: str, confdir: str) -> None:
    root = _from_confdir(confdir, value)
    # lexical check: a symlink placed inside the project is the user's own choice
    relative = os.path.normpath(value)
    if os.path.isabs(relative) or relative == ".." or relative.startswith(".." + os.sep):
        raise Invalid(f"hdnd_data_dir trỏ ra ngoài dự án ({root}); dùng “data”", "data")
    if not root.is_dir():
        raise Invalid(f"không tìm thấy thư mục dữ liệu {root} (hdnd_data_dir)")


def check_pdf_scope(value: str, confdir: str) -> None:
    if value not in SCOPES:
        raise Invalid(f"hdnd_pdf_scope = {value!r} không hợp lệ (cần một trong "
                      f"{', '.join(SCOPES)}); dùng “all”", "all")


@dc.dataclass(frozen=True)
class HdndConfig:
    """The ``hdnd_`` values of conf.py (without the prefix), checked."""

    data_dir: str = dc.field(default="data", metadata=_about(
        "env", "Thư mục dữ liệu, tính từ thư mục chứa conf.py", check_data_dir))
    session: str = dc.field(default="", metadata=_about(
        "env", "Mã kỳ họp cần trình bày (để trống: kỳ họp trong session.yaml)"))
    briefings: bool = dc.field(default=True, metadata=_about(
        "env", "Tạo trang đề cương cho từng địa bàn và đối tượng cử tri (thư mục tiep-xuc/)"))
    areas: list[str] = dc.field(default_factory=list, metadata=_about(
        "env", "Chỉ tạo đề cương cho các mã địa bàn này (để trống: mọi địa bàn hiện hành)"))
    exclude_areas: list[str] = dc.field(default_factory=list, metadata=_about(
        "env", "Không tạo đề cương cho các mã địa bàn này"))
    exclude_audiences: list[str] = dc.field(default_factory=list, metadata=_about(
        "env", "Không tạo đề cương cho các mã đối tượng cử tri này"))
    briefing_budget: dict[str, Any] = dc.field(default_factory=dict, metadata=_about(
        "env", "Dung lượng một đề cương: points (số điểm cần nói, mặc định 6), local_more, "
        "petitions, questions, resolutions", check_budget))
    pdf: bool = dc.field(default=False, metadata=_about(
        "html", "Sau khi xây dựng HTML, in bản PDF khổ A4 cho từng đề cương (cần WeasyPrint)"))
    pdf_scope: str = dc.field(default="all", metadata=_about(
        "html", "Phạm vi PDF: all (mọi đề cương), areas (từng địa bàn và đề cương chung), "
        "outline (chỉ đề cương chung)", check_pdf_scope))
    pdf_dir: str = dc.field(default="", metadata=_about(
        "", "Thư mục PDF, tính từ thư mục chứa conf.py (để trống: thư mục pdf cạnh thư mục HTML)"))
    pdf_jobs: int = dc.field(default=0, metadata=_about(
        "", "Số tiến trình in PDF song song (0: theo số lõi CPU)"))

    @property
    def budget(self) -> Budget:
        return Budget.from_config(self.briefing_budget)

    @classmethod
    def names(cls) -> list[str]:
        """The names in conf.py, ``hdnd_`` and the field."""
        return [PREFIX + f.name for f in dc.fields(cls)]

    @classmethod
    def from_sphinx(cls, config: Config) -> HdndConfig:
        """The values of a configuration checked at ``config-inited``."""
        return cls(**{f.name: config[PREFIX + f.name] for f in dc.fields(cls)})


def default_of(field: dc.Field[Any]) -> Any:
    if field.default_factory is not dc.MISSING:
        return field.default_factory()
    return field.default


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


def checked(config: Config, confdir: str) -> Iterator[tuple[str, str]]:
    """Every value's type, then every value's own check: (name, warning) for each wrong
    one, which is replaced by a sane value."""
    fields = dc.fields(HdndConfig)
    for field in fields:
        name, default = PREFIX + field.name, default_of(field)
        value = config[name]
        if not isinstance(value, type(default)):
            yield name, (f"cấu hình {name} = {value!r} không hợp lệ (cần "
                         f"{type(default).__name__}); dùng giá trị mặc định {default!r}")
            config[name] = default
    for field in fields:
        name, check = PREFIX + field.name, field.metadata["check"]
        if check is None:
            continue
        try:
            check(config[name], confdir)
        except Invalid as problem:
            yield name, str(problem)
            if problem.replacement is not KEEP:
                config[name] = problem.replacement


def register(app: Sphinx) -> None:
    """Every field as a Sphinx configuration value ``hdnd_<field>``."""
    for field in dc.fields(HdndConfig):
        default = default_of(field)
        app.add_config_value(PREFIX + field.name, default, field.metadata["rebuild"],
                             types=type(default), description=field.metadata["description"])
