"""The safe YAML reader: line numbers, duplicate keys, tabs, anchors, tags."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml.nodes import Node

from sphinx_hdnd.model import yamlio
from sphinx_hdnd.model.yamlio import MAX_CHARS, YamlDocument, YamlProblem, read_yaml

DOC = """\
# comment
code: k05
attendance:
  present: 40
  total: 45
front:
  summary: >
    Nhiều dòng
    văn bản
  opinions: 310
past_sessions:
  - code: k04
    number: 4
  - code: k03
    number: 3
"""


def problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as info:
        read_yaml(text)
    assert info.value.message.strip()
    return info.value


def test_values_stay_text_where_yaml_would_guess():
    doc = read_yaml("a: 1.50\nb: 10/07/2024\nc: 2024-07-10\nd: 12\ne: yes\nf: ~\ng: 1_000\n"
                    "h: 9.500\ni: No\nj: 010\nk: On\nl: .5\n")
    # YAML 1.1 would make "No" false, "On" true and "010" eight or ten: the text stays as
    # written, and each field reads it by the project's rules
    assert doc.data == {"a": Decimal("1.50"), "b": "10/07/2024", "c": "2024-07-10", "d": "12",
                        "e": "yes", "f": None, "g": "1_000", "h": "9.500", "i": "No",
                        "j": "010", "k": "On", "l": Decimal("0.5")}
    assert str(doc.data["a"]) == "1.50"  # the written precision is kept
    assert doc.data["l"].yaml_text == ".5"  # and a text field shows it as typed


def test_line_numbers_of_nested_keys():
    doc = read_yaml(DOC)
    assert isinstance(doc, YamlDocument)
    assert doc.line_of(("code",)) == 2
    assert doc.line_of(("attendance",)) == 3
    assert doc.line_of(("attendance", "present")) == 4
    assert doc.line_of(("attendance", "total")) == 5
    assert doc.line_of(("front", "summary")) == 7
    assert doc.line_of(("front", "opinions")) == 10
    assert doc.line_of(("past_sessions", 0)) == 12
    assert doc.line_of(("past_sessions", 1, "number")) == 15
    # unknown deeper paths fall back to the deepest known prefix
    assert doc.line_of(("attendance", "present", "x")) == 4
    assert doc.line_of(("nothing",)) == 2  # the document itself


def test_empty_document():
    assert read_yaml("").data is None
    assert read_yaml("# only a comment\n").data is None


def test_duplicate_key_names_both_lines():
    p = problem("code: k05\nname: A\nattendance:\n  present: 1\n  present: 2\n")
    assert (p.code, p.line) == ("HD105", 5)
    assert "present" in p.message and "4" in p.message


def test_duplicate_top_level_key():
    p = problem("code: k05\nname: A\ncode: k06\n")
    assert (p.code, p.line) == ("HD105", 3)


def test_tab_indentation_is_hd104_with_line():
    p = problem("code: k05\nattendance:\n\tpresent: 40\n")
    assert (p.code, p.line) == ("HD104", 3)
    assert "tab" in p.message


def test_tab_inside_a_quoted_value_is_fine():
    assert read_yaml('a: "x\ty"\n').data == {"a": "x\ty"}


def test_tab_that_indents_is_located():
    p = problem("a: 1\nb:\n\t- x\n")
    assert (p.code, p.line) == ("HD104", 3)


@pytest.mark.parametrize(("text", "line"), [("\x1f", 1), ("a: 1\nb: \x07x\n", 2),
                                            ("a: 1\n\ufffe", 2)])
def test_control_characters_are_located(text, line):
    p = problem(text)
    assert (p.code, p.line) == ("HD104", line)
    assert "U+" in p.message


def test_anchor_and_alias_are_refused():
    p = problem("a: &x 1\nb: *x\n")
    assert (p.code, p.line) == ("HD106", 1)


def test_alias_bomb_is_refused_fast():
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    p = problem("\n".join(bomb) + "\n")
    assert p.code == "HD106" and p.line == 1


def test_merge_key_is_refused():
    p = problem("base:\n  x: 1\nother:\n  <<: {x: 2}\n")
    assert (p.code, p.line) == ("HD106", 4)


@pytest.mark.parametrize("text", [
    "a: !!python/object/apply:os.system ['echo hi']\n",
    "a: !!python/name:os.system\n",
    "a: !custom 1\n",
    "a: !!binary aGVsbG8=\n",
    "a: !!set {x, y}\n",
])
def test_python_and_custom_tags_are_refused(text):
    p = problem(text)
    assert (p.code, p.line) == ("HD106", 1)


def test_invalid_syntax_has_its_line():
    p = problem("code: k05\nname: [A, B\nother: 1\nmore: 2\n")
    assert p.code == "HD104" and p.line is not None and 2 <= p.line <= 5
    p = problem("code: k05\nname: A\n  bad: indent\n")
    assert (p.code, p.line) == ("HD104", 3)
    p = problem('a: "unclosed\n')
    assert p.code == "HD104" and p.line is not None


def test_non_text_key_is_hd107():
    p = problem("? [a, b]\n: 1\n")
    assert (p.code, p.line) == ("HD107", 1)


def test_multiple_documents_are_an_error():
    p = problem("a: 1\n---\nb: 2\n")
    assert p.code == "HD104"


def test_too_many_nodes_is_refused(monkeypatch):
    import sphinx_hdnd.model.yamlio as yamlio

    monkeypatch.setattr(yamlio, "MAX_NODES", 50)
    p = problem("[" + ",".join(["1"] * 100) + "]\n")
    assert p.code == "HD100"


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_random_text_raises_only_yaml_problem(text):
    try:
        read_yaml(text)
    except YamlProblem as exc:
        assert exc.code.startswith("HD1")


yamlish = st.text(alphabet=list("abk:-[]{}&*!#|>'\" \n\t,.?%@`01"), max_size=120)


@settings(max_examples=500)
@given(yamlish)
def test_yaml_like_text_raises_only_yaml_problem(text):
    try:
        read_yaml(text)
    except YamlProblem as exc:
        assert exc.code.startswith("HD1")


@pytest.mark.parametrize("text", [
    "[" * 5000 + "]" * 5000,
    "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 3000)),
    "- " * 3000 + "x\n",
    "[" * 40 + "]" * 40,
])
def test_deep_nesting_is_refused_not_a_crash(text):
    p = problem(text)
    # the 4.5 MB staircase is refused for its size before it is parsed
    assert p.code == ("HD100" if len(text) > MAX_CHARS else "HD107")


def test_deep_nesting_in_a_project_is_reported(copy_project, hdnd):
    data = copy_project()
    with (data / "session.yaml").open("a", encoding="utf-8") as f:
        f.write("speeches: " + "[" * 400 + "]" * 400 + "\n")
    result = hdnd("validate", str(data.parent), "--format", "json")
    assert "Traceback" not in result.output
    assert [(p["code"], p["file"], p["line"]) for p in result.problems] == [
        ("HD107", "data/session.yaml", 45)]


# ------------------------------------------------------------------ libyaml and PyYAML

REPO = Path(__file__).parent.parent
DATA_YAML = sorted([*REPO.glob("examples/*/data/*.yaml"), *REPO.glob("tests/data/*/data/*.yaml"),
                    *REPO.glob("tests/roots/*/data/*.yaml"),
                    REPO / "sphinx_hdnd/model/default_topics.yaml"])
needs_libyaml = pytest.mark.skipif(yamlio._FastComposer is None,
                                   reason="PyYAML is built without libyaml")


def _outcome(node: Node | None) -> tuple[Any, ...]:
    """What read_yaml makes of a node tree: the data and lines, or the problem."""
    if node is None:
        return ("empty",)
    conv = yamlio._Converter()
    try:
        data = conv.convert(node, ())
    except YamlProblem as exc:
        return ("problem", exc.code, exc.line, exc.message)
    return ("empty",) if data is None else ("data", data, conv.lines)


def _pure(text: str) -> tuple[Any, ...]:
    try:
        return _outcome(yamlio._compose_allowing_tabs(text))
    except YamlProblem as exc:
        return ("problem", exc.code, exc.line, exc.message)


@needs_libyaml
@pytest.mark.parametrize("path", DATA_YAML, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_libyaml_reads_the_data_files_as_pyyaml_does(path):
    text = path.read_text(encoding="utf-8")
    fast = yamlio._compose_fast(text)
    assert fast is not None, "a real data file should take the fast path"
    assert _outcome(fast) == _pure(text)


@needs_libyaml
@pytest.mark.parametrize("text", [
    "a: x\t\nb: 1\n",  # PyYAML refuses the tab, libyaml does not
    "topics: [kinh-te, ? giao-thong]\n",  # a "?" key inside a flow list
    "text: |#\n  x\n",  # a comment glued to a block scalar header
    "\u2029\ufeffa: 1\n",  # a byte order mark after a line separator
    "- !\n",  # an empty value with the "!" tag
    "a: &x 1\nb: *x\n",  # refused by our composer: the pure-Python report
    "a: [1, 2\n",  # refused by libyaml: the pure-Python report
])
def test_where_libyaml_differs_pyyaml_decides(text):
    assert yamlio._compose_fast(text) is None
    try:
        doc = read_yaml(text)
    except YamlProblem as exc:
        assert _pure(text) == ("problem", exc.code, exc.line, exc.message)
    else:
        assert _pure(text) == (("empty",) if doc.data is None else ("data", doc.data, doc.lines))


SEEDS = [p.read_text(encoding="utf-8") for p in DATA_YAML if p.stat().st_size < 5000]
SLIPS = ["\n", "\r\n", "\r", " ", "  ", ":", ": ", "- ", "-", "#", " #", '"', "'", "\\", "|", ">",
         "|-", ">+", "[", "]", "{", "}", ",", "*a", "&a ", "!!str ", "!x ", "---", "...", "\x85",
         "\u2028", "\xa0", "đ", "1.490", "~", "yes", "<<", "@", "%", "\\n", "?", "\t", "\ufeff"]


@needs_libyaml
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_libyaml_gives_pyyamls_tree_or_leaves_the_text_to_it(data):
    """A data file with slips typed into it: whenever libyaml gives a tree, PyYAML reads
    the same, so a problem is always PyYAML's report."""
    text = data.draw(st.sampled_from(SEEDS))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text = text[:at] + data.draw(st.sampled_from(SLIPS)) + text[at:]
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 6)):]
    if any(line.lstrip(" ").startswith("\t") for line in text.splitlines()):
        return  # refused before any parser runs
    fast = yamlio._compose_fast(text)
    if fast is not None:
        assert _outcome(fast) == _pure(text)


BROKEN = ["a: b: c\n", "a:\n  - x\n b: 1\n", 'a: "x\\q"\n', "a: [1, 2\n", "a: {x\n", 'a: "x\n',
          "key\nother: 1\n", "- a\nb: 1\n", "a: b\tc: d\n", "a:\n\t- x\n", "? [a\n", "a: *x\n"]


@pytest.mark.parametrize("text", BROKEN)
def test_a_syntax_problem_is_told_in_vietnamese_with_its_line(text):
    found = problem(text)
    assert found.line is not None
    assert not re.search(r"\b(found|expected|while|scanning|parsing|token)\b", found.message), \
        found.message
    assert re.search(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]", found.message)


@pytest.mark.parametrize(("text", "value"), [("a: x\ty\n", "x y"), ("a:\t1\n", "1"),
                                             ('a: "x\ty"\n', "x\ty"), ("a: 'x\ty'\n", "x\ty"),
                                             ("a: |\n  x\ty\n", "x\ty\n")])
def test_a_tab_inside_a_line_is_white_space_as_yaml_allows(text, value):
    assert read_yaml(text).data == {"a": value}


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029", "\r"])
def test_a_tab_after_a_line_break_python_does_not_split_on_is_still_white_space(brk):
    """YAML ends a line at NEL and the Unicode separators too: the tab is found on its line
    (hypothesis found ``"\\x850\\t"`` breaking the line count)."""
    assert read_yaml(f"a: 1{brk}b:\tc\n").data == {"a": "1", "b": "c"}
    assert read_yaml(f"{brk}0\t").data == "0"
