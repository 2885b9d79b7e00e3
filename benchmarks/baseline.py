"""The equivalent static project: every page of a sphinx-hdnd build, written out as plain MyST.

The denominator of the benchmarks. It is made from the doctrees that a
sphinx-hdnd build pickled (after reading, before writing: directives already
ran, cross-references still pending), so it has the same pages, sections,
paragraphs, lists, tables, dropdowns, links, downloads and toctrees as the
extension's site, and is built by plain Sphinx with the same theme (furo) and
extensions (myst_parser, sphinx_design), without sphinx_hdnd.

Where MyST cannot say exactly the same thing the nearest equivalent is used
(a citation ``[1]`` is a link with a class, not a superscript around a link;
section ids are the heading slugs). Text is backslash-escaped, so data text
prints as characters, as in the extension's output.

    python benchmarks/baseline.py EXT_PROJECT EXT_DOCTREES OUT
"""

from __future__ import annotations

import pickle
import re
import shutil
import sys
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

_ESCAPE = re.compile(r"([\\`*_\[\]{}<>#|~$!&])")
_LINE_START = re.compile(r"^([-+>%:=(]|\d+[.)])")


def esc(value: str) -> str:
    return _ESCAPE.sub(r"\\\1", value.replace("\n", " "))


def attrs(node: nodes.Element, with_ids: bool = True) -> str:
    parts = [f"#{i}" for i in node.get("ids", [])[:1]] if with_ids else []
    parts += [f".{c}" for c in node.get("classes", [])]
    return "{" + " ".join(parts) + "}" if parts else ""


class MystWriter:
    def __init__(self, assets: dict[str, str] | None = None) -> None:
        self.fences = 0  # the deepest colon fence used below the current node
        #: images to copy: path in the extension project -> path in the baseline
        self.assets = assets if assets is not None else {}

    def image_path(self, node: nodes.Element) -> str:
        candidates = node.get("candidates", {})
        src = candidates.get("image/svg+xml") or candidates.get("image/png") or node["uri"]
        dest = f"_charts/{Path(src).name}"
        self.assets[src] = dest
        return "/" + dest

    # -- inline

    def inline(self, node: nodes.Node) -> str:
        if isinstance(node, nodes.Text):
            return esc(node.astext())
        assert isinstance(node, nodes.Element)
        inner = "".join(self.inline(c) for c in node.children)
        if isinstance(node, nodes.strong | nodes.emphasis):
            mark = "**" if isinstance(node, nodes.strong) else "*"
            stripped = inner.strip()
            if not stripped:
                return inner
            lead = inner[: len(inner) - len(inner.lstrip())]
            trail = inner[len(inner.rstrip()):]
            return f"{lead}{mark}{stripped}{mark}{trail}"
        if isinstance(node, addnodes.pending_xref):
            label = node.astext().replace("<", "").replace("`", "")
            return f"{{doc}}`{label} <{node['reftarget']}>`"
        if isinstance(node, addnodes.download_reference):
            label = node.astext().replace("<", "").replace("`", "")
            return f"{{download}}`{label} <{node['reftarget']}>`"
        if isinstance(node, nodes.reference):
            if node.get("refid"):
                target = "#" + node["refid"]
            else:
                target = node.get("refuri", "")
            title = node.get("reftitle", "")
            title = f' "{title.replace(chr(34), "")}"' if title else ""
            return f"[{inner}](<{target}>{title}){attrs(node, False)}"
        if isinstance(node, nodes.superscript):
            if any(isinstance(c, nodes.Element) for c in node.children):
                return inner  # a citation link: kept as the link
            return f"{{sup}}`{node.astext()}`"
        if isinstance(node, nodes.literal):
            return f"`{node.astext()}`"
        if isinstance(node, nodes.inline) and node.get("classes"):
            return f"[{inner}]{attrs(node, False)}"
        return inner

    def para_text(self, node: nodes.Element) -> str:
        out = "".join(self.inline(c) for c in node.children).strip()
        if _LINE_START.match(out):
            out = "\\" + out
        return out

    # -- blocks

    def blocks(self, children: list[nodes.Node], depth: int) -> str:
        parts = [self.block(c, depth) for c in children]
        return "\n\n".join(p for p in parts if p)

    def nested(self, children: list[nodes.Node], depth: int) -> tuple[str, int]:
        saved, self.fences = self.fences, 0
        body = self.blocks(children, depth)
        inner, self.fences = self.fences, saved
        return body, inner

    def container(self, name: str, argument: str, options: dict[str, str],
                  children: list[nodes.Node], depth: int,
                  prebuilt: tuple[str, int] | None = None) -> str:
        body, inner = prebuilt if prebuilt is not None else self.nested(children, depth)
        colons = ":" * (3 + inner)
        self.fences = max(self.fences, inner + 1)
        opts = "".join(f":{k}: {v}\n" for k, v in options.items() if v)
        head = f"{colons}{{{name}}} {argument}".rstrip() + "\n" + opts
        return head + ("\n" + body + "\n" if body else "") + colons

    def block(self, node: nodes.Node, depth: int) -> str:
        if isinstance(node, nodes.comment | nodes.target | nodes.system_message):
            return ""
        if isinstance(node, nodes.Text):
            return esc(node.astext())
        assert isinstance(node, nodes.Element)
        if isinstance(node, nodes.section):
            title = node.next_node(nodes.title)
            head = "#" * depth + " " + (self.para_text(title) if title else "")
            rest = [c for c in node.children if not isinstance(c, nodes.title)]
            body = self.blocks(rest, depth + 1)
            return head + ("\n\n" + body if body else "")
        if isinstance(node, nodes.paragraph):
            a = attrs(node)
            return (a + "\n" if a else "") + self.para_text(node)
        if isinstance(node, nodes.bullet_list | nodes.enumerated_list):
            ordered = isinstance(node, nodes.enumerated_list)
            items = []
            for i, item in enumerate(node.children, start=node.get("start", 1)):
                marker = f"{i}. " if ordered else "- "
                body, inner = self.nested(list(item.children), depth)
                self.fences = max(self.fences, inner)
                pad = " " * len(marker)
                lines = body.split("\n") if body else [""]
                items.append(marker + lines[0] + "".join(
                    "\n" + (pad + ln if ln else "") for ln in lines[1:]))
            a = attrs(node, False)
            return (a + "\n" if a else "") + "\n".join(items)
        if isinstance(node, nodes.container):
            children = list(node.children)
            if node.get("design_component") == "dropdown":
                title = ""
                if children and isinstance(children[0], nodes.rubric):
                    title = self.para_text(children.pop(0))
                return self.container("dropdown", title, {
                    "class-container": " ".join(node.get("container_classes", [])),
                    "open": "" if not node.get("opened") else " "}, children, depth)
            return self.container("container", " ".join(node.get("classes", [])), {},
                                  children, depth)
        if isinstance(node, nodes.figure | nodes.image):
            image = node if isinstance(node, nodes.image) else node.next_node(nodes.image)
            if image is None:
                return self.blocks(list(node.children), depth)
            caption = node.next_node(nodes.caption)
            body = (self.para_text(caption), 0) if caption is not None else ("", 0)
            return self.container(
                "figure" if isinstance(node, nodes.figure) else "image", self.image_path(image),
                {"alt": image.get("alt", "").replace("\n", " "),
                 "class": " ".join(node.get("classes", []))}, [], depth, prebuilt=body)
        if isinstance(node, nodes.rubric):
            return self.container("rubric", self.para_text(node),
                                  {"class": " ".join(node.get("classes", []))}, [], depth)
        if isinstance(node, nodes.table):
            return self.table(node, depth)
        if isinstance(node, nodes.compound) and "toctree-wrapper" in node.get("classes", []):
            return "\n\n".join(self.toctree(t) for t in node.findall(addnodes.toctree))
        if isinstance(node, addnodes.toctree):
            return self.toctree(node)
        # anything else: its children
        return self.blocks(list(node.children), depth)

    def toctree(self, node: addnodes.toctree) -> str:
        opts = []
        if node.get("hidden"):
            opts.append(":hidden:")
        if node.get("maxdepth", -1) != -1:
            opts.append(f":maxdepth: {node['maxdepth']}")
        if node.get("titlesonly"):
            opts.append(":titlesonly:")
        entries = [f"{title} </{ref}>" if title else f"/{ref}" for title, ref in node["entries"]]
        return "```{toctree}\n" + "\n".join(opts) + "\n\n" + "\n".join(entries) + "\n```"

    def table(self, node: nodes.table, depth: int) -> str:
        group = node.next_node(nodes.tgroup)
        widths = [str(c["colwidth"]) for c in group.findall(nodes.colspec)]
        rows = []
        header_rows = 0
        for part in group.children:
            if isinstance(part, nodes.thead):
                header_rows += len(part.children)
            if isinstance(part, nodes.thead | nodes.tbody):
                rows.extend(part.children)
        lines = []
        deepest = 0
        for row in rows:
            for j, entry in enumerate(row.children):
                body, inner = self.nested(list(entry.children), depth)
                deepest = max(deepest, inner)
                cell = body.split("\n") if body else [""]
                lead = "* - " if j == 0 else "  - "
                lines.append(lead + cell[0])
                lines.extend("    " + ln if ln else "" for ln in cell[1:])
        return self.container("list-table", "", {
            "header-rows": str(header_rows), "widths": " ".join(widths),
            "class": " ".join(node.get("classes", []))}, [], depth,
            prebuilt=("\n".join(lines), deepest))


def doctree_to_myst(doctree: nodes.document, assets: dict[str, str] | None = None) -> str:
    return MystWriter(assets).blocks(list(doctree.children), 1) + "\n"


CONF = '''"""Plain-Sphinx baseline of a sphinx-hdnd project (see benchmarks/baseline.py)."""

project = {project!r}
author = "sphinx-hdnd benchmarks"
language = "vi"
extensions = ["myst_parser", "sphinx_design"]
exclude_patterns = ["_build", "README.md"]
myst_enable_extensions = ["colon_fence", "attrs_inline", "attrs_block"]
html_theme = "furo"
html_title = {title!r}
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_static_path = ["_static"]
html_css_files = ["hdnd.css"]
suppress_warnings = ["myst.header", "myst.xref_missing"]
'''


def make_baseline(ext_project: Path, doctrees: Path, out: Path) -> int:
    """Write the baseline project; returns the number of pages."""
    import sphinx_hdnd

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    count = 0
    assets: dict[str, str] = {}
    for path in sorted(doctrees.rglob("*.doctree")):
        docname = path.relative_to(doctrees).with_suffix("").as_posix()
        with path.open("rb") as f:
            doctree = pickle.load(f)
        target = out / f"{docname}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(doctree_to_myst(doctree, assets), encoding="utf-8")
        count += 1
        for ref in doctree.findall(addnodes.download_reference):
            rel = ref["reftarget"].lstrip("/")
            src = ext_project / rel
            if src.is_file():
                (out / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, out / rel)
    for src, dest in assets.items():
        (out / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ext_project / src, out / dest)
    static = out / "_static"
    static.mkdir()
    css = Path(sphinx_hdnd.__file__).parent / "sphinxext" / "static" / "hdnd.css"
    if css.is_file():
        shutil.copyfile(css, static / "hdnd.css")
    ns: dict[str, object] = {}
    exec((ext_project / "conf.py").read_text(encoding="utf-8"), ns)
    (out / "conf.py").write_text(CONF.format(project=ns.get("project", "baseline"),
                                             title=ns.get("html_title", "baseline")),
                                 encoding="utf-8")
    return count


if __name__ == "__main__":
    n = make_baseline(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
    print(f"{n} pages written to {sys.argv[3]}")
