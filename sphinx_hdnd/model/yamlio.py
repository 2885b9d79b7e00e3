"""A safe YAML reader that keeps line numbers and refuses surprises.

PyYAML's SafeLoader builds the node tree; we convert it ourselves so that
every value's path maps to its line, duplicate keys are reported instead of
silently overwritten, and anchors/aliases (the "billion laughs" bomb) and
custom tags are refused. Scalars stay text where YAML would guess a type
that loses information (``1.50`` must keep its two decimals).

The text is parsed by libyaml (PyYAML's C parser) when it is installed, about
five times faster; its events go through the same composer. Any problem makes
the pure-Python parser read the file again, so that a problem is always
reported with the same words and line, whichever parser found it first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from .legacy_fonts import legacy_font
from .numbers import is_ambiguous
from .problems import ReadProblem

Path = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

MAX_NODES = 50_000  # the Điện Biên narrative has under 1,000
#: the pure-Python YAML parser reads about 100 KB a second on small nodes: a data file
#: past this size is refused at once instead of keeping a build busy for minutes
#: (the Điện Biên narrative, the largest real file, is under 50 KB)
MAX_CHARS = 1024 * 1024
MAX_DEPTH = 30  # records nest a few levels; deeper input only exhausts the stack later


class YamlNumber(Decimal):
    """A YAML float as a number that remembers how it was written: a text field shows
    ".5" or "1e3" as typed, not Decimal's "0.5" or "1E+3"."""

    yaml_text: str

    def __new__(cls, text: str) -> YamlNumber:
        number = super().__new__(cls, text.replace("_", ""))
        number.yaml_text = text
        return number


class YamlProblem(ReadProblem):
    """A problem with a YAML file, at ``line`` (1-based) when it is one line's."""

    def __init__(self, code: str, line: int | None, case: str = "", /, **data: object) -> None:
        super().__init__(code, case, **data)
        self.line = line


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    #: texts that look typed in a legacy Vietnamese font: (path, font)
    legacy: list[tuple[Path, str]] = field(default_factory=list)

    def line_of(self, path: Path) -> int | None:
        """The line of the deepest known prefix of ``path``."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


class _Converter:
    def __init__(self) -> None:
        self.lines: dict[Path, int] = {}
        self.legacy: list[tuple[Path, str]] = []  # texts in a legacy font, by path
        self.count = 0

    def convert(self, node: Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlProblem("HD100", node.start_mark.line + 1, "yaml-too-many")
        self.lines[path] = node.start_mark.line + 1
        if len(path) > MAX_DEPTH:
            raise YamlProblem("HD107", node.start_mark.line + 1, "too-deep")
        if node.tag not in _PLAIN_TAGS:
            raise YamlProblem("HD106", node.start_mark.line + 1, "tag", tag=node.tag)
        if isinstance(node, MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    raise YamlProblem("HD107", key_node.start_mark.line + 1, "key-not-text")
                key = str(key_node.value)
                if key == "<<":
                    raise YamlProblem("HD106", key_node.start_mark.line + 1, "merge-key")
                if key in out:
                    raise YamlProblem("HD105", key_node.start_mark.line + 1, key=key,
                                      first_line=self.lines[(*path, key)])
                self.lines[(*path, key)] = key_node.start_mark.line + 1
                out[key] = self.convert(value_node, (*path, key))
                self.lines[(*path, key)] = key_node.start_mark.line + 1
            return out
        if isinstance(node, SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if node.tag == "tag:yaml.org,2002:null":
            return None
        if node.tag == "tag:yaml.org,2002:float" and not is_ambiguous(node.value):
            # YAML's own floats (0.9, 1.50) are plain style whatever a file declares;
            # Decimal keeps the written precision. "9.500" stays text: it may mean 9500.
            try:
                return YamlNumber(node.value)
            except InvalidOperation:
                return node.value  # .inf, .nan: let the field reject them
        # booleans, integers, timestamps and strings stay text, as written: YAML 1.1 would
        # make "No" false and "010" ten in a title; the fields read them by the project's
        # rules (a flag knows "no", a count knows "010")
        text = unicodedata.normalize("NFC", node.value)  # see tables.decode_text
        if kind := legacy_font(text):
            self.legacy.append((path, kind))
        return text


class _NoAliases(Composer):
    """Composes nodes from parser events, refusing aliases, anchors, depth and size."""

    _hdnd_depth = 0  # nesting depth of the node being composed
    _hdnd_nodes = 0  # nodes composed so far: a huge file stops here, not after parsing all

    if TYPE_CHECKING:  # given by the parser this is mixed with (pure-Python or libyaml)
        def check_event(self, *choices: Any) -> bool: ...
        def peek_event(self) -> Any: ...

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlProblem("HD106", event.start_mark.line + 1, "alias")
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem("HD106", event.start_mark.line + 1, "anchor", anchor=anchor)
        self._hdnd_nodes += 1
        if self._hdnd_nodes > MAX_NODES:
            raise YamlProblem("HD100", event.start_mark.line + 1, "yaml-too-many")
        depth = self._hdnd_depth
        if depth > MAX_DEPTH:
            raise YamlProblem("HD107", event.start_mark.line + 1, "too-deep")
        self._hdnd_depth = depth + 1
        try:
            return super().compose_node(parent, index)  # type: ignore[no-any-return,return-value]
        finally:
            self._hdnd_depth = depth


class _NoAliasComposer(_NoAliases, yaml.SafeLoader):
    """The pure-Python parser: the reference for every problem."""


_FastComposer: Callable[[str], Any] | None = None
if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _LibyamlComposer(_NoAliases, CParser, Resolver):
        """libyaml's events, composed by :class:`_NoAliases` (not by libyaml itself)."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            Composer.__init__(self)
            Resolver.__init__(self)

        get_single_node = Composer.get_single_node
        compose_document = Composer.compose_document

    _FastComposer = _LibyamlComposer


#: what libyaml reads where PyYAML refuses or reads otherwise (found by comparing the two
#: on mutated data files): tabs, byte order marks, "?" keys, "|#" headers, "!" tags.
#: Such a text is read by the pure-Python parser only.
_LIBYAML_DIFFERS = re.compile(r"[\t\ufeff?]|\S#|(?:^|[\s\[{,])!", re.MULTILINE)
#: characters the pure-Python reader refuses: its own report, with its position
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _compose_fast(text: str) -> Node | None:
    """The node tree by libyaml, or None when libyaml is missing or finds any problem
    (the pure-Python parser then reads the text again and reports it)."""
    if _FastComposer is None or _LIBYAML_DIFFERS.search(text) or _NON_PRINTABLE.search(text):
        return None
    try:
        loader = _FastComposer(text)
        try:
            return loader.get_single_node()  # type: ignore[no-any-return]
        finally:
            loader.dispose()
    except Exception:  # any problem, ours (YamlProblem) or libyaml's: read again below
        return None


def read_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; raises :class:`YamlProblem`."""
    if len(text) > MAX_CHARS:
        raise YamlProblem("HD100", None, "yaml-too-big", limit=MAX_CHARS // 1024)
    if "\t" in text:
        for i, line in enumerate(_YAML_LINE_BREAK.split(text)[::2], 1):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                raise YamlProblem("HD104", i, "tab-indent")
    node = _compose_fast(text)
    if node is None:
        node = _compose_allowing_tabs(text)
    if node is None:
        return YamlDocument(None, {})
    conv = _Converter()
    try:
        data = conv.convert(node, ())
    except RecursionError:
        raise YamlProblem("HD107", None, "too-deep") from None
    return YamlDocument(data, conv.lines, conv.legacy)


def _compose_allowing_tabs(text: str) -> Node | None:
    """A tab between words or after "key:" is white space in YAML 1.2 (PyYAML reads 1.1
    and refuses it): such a line is read again with the tab as a space; a tab inside
    quotes is kept as it is, one that indents a line is still refused."""
    for _ in range(text.count("\t")):
        try:
            return _compose(text)
        except YamlProblem as exc:
            if (exc.code, exc.case) != ("HD104", "tab") or exc.line is None:
                raise
            # the lines as YAML counts them, each followed by its own break
            parts = _YAML_LINE_BREAK.split(text)
            at = 2 * (exc.line - 1)
            if at >= len(parts) or (fixed := _tabs_as_spaces(parts[at])) == parts[at]:
                raise
            parts[at] = fixed
            text = "".join(parts)
    return _compose(text)


#: what YAML takes for the end of a line (NEL and the Unicode separators too, not \v or \f)
_YAML_LINE_BREAK = re.compile("(\r\n|[\r\n\x85\u2028\u2029])")


def _tabs_as_spaces(line: str) -> str:
    """Tabs outside quotes become spaces; a comment ends the line's content."""
    out, quote = [], ""
    for ch in line:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "\t":
            ch = " "
        out.append(ch)
    return "".join(out)


def _compose(text: str) -> Node | None:
    """The node tree by the pure-Python parser; raises :class:`YamlProblem`."""
    try:
        # the reader checks the characters as soon as the loader is built
        loader = _NoAliasComposer(text)
    except yaml.reader.ReaderError as exc:
        at = text[: exc.position].count("\n") + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1])
        raise YamlProblem("HD104", at, "character", char=char) from None
    try:
        node = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "quoted scalar" in str(exc.context or ""):
            # an unclosed quote is found only at the end of the file: point at its start
            mark = exc.context_mark
        at_line = mark.line + 1 if mark else None
        raise YamlProblem("HD104", at_line, _syntax_case(exc)) from None
    except yaml.YAMLError:
        raise YamlProblem("HD104", None, "syntax") from None
    except RecursionError:
        raise YamlProblem("HD107", None, "too-deep") from None
    finally:
        loader.dispose()
    return node


#: PyYAML's problems -> the case of HD104 that words them as the user guide does (its
#: English never reaches a clerk)
_PROBLEMS = (
    ("cannot start any token", "tab"),
    ("mapping values are not allowed", "colon"),
    ("could not find expected ':'", "no-colon"),
    ("unknown escape character", "escape"),
    ("expected <block end>", "indent"),
    ("did not find expected key", "indent"),
    ("did not find expected '-'", "indent"),
    ("expected ',' or ']'", "bracket"),
    ("expected ',' or '}'", "brace"),
    ("unexpected end of stream", "quote"),
    ("found unexpected end", "quote"),
)


def _syntax_case(exc: yaml.MarkedYAMLError) -> str:
    said = f"{exc.problem or ''} {exc.context or ''}"
    return next((case for english, case in _PROBLEMS if english in said), "syntax")
