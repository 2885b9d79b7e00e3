#!/usr/bin/env python3
"""Is the example's built site the same before and after a change?

Builds the Điện Biên example twice from scratch with Sphinx's HTML builder: once
with the code of a git revision (default ``main``) and once with the code of this
checkout's working tree, and compares every file of the two outputs byte for
byte: pages, charts, the CSV and XLSX downloads, static files and the search
index. Only Sphinx's own ``.buildinfo`` (a hash of the configuration, for
incremental builds; never published) is left out. Exit status 0 when the sites
are identical, 1 with the list of files that differ.

    python scripts/same_site.py                 # this working tree against main
    python scripts/same_site.py --against HEAD~3
    python scripts/same_site.py --areas muong-nhe,tuan-giao   # faster: 3 areas

Run it with the Python that has sphinx-hdnd's dependencies installed (the
project's virtual environment). Both builds import ``sphinx_hdnd`` from their own
tree (``PYTHONPATH``), in folders at the same depth, so paths cannot differ.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = Path("examples") / "dien-bien"
#: written by the extension or by an earlier build, never part of the source
GENERATED = ("_build", "tiep-xuc", "__pycache__")
#: Sphinx's bookkeeping for incremental builds (a hash of the config values), not content
NOT_CONTENT = {".buildinfo"}


def export(rev: str, target: Path) -> Path:
    """The tree of ``rev`` (code and example) as files, without a checkout."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "sphinx_hdnd", str(EXAMPLE)],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def copy_worktree(target: Path) -> Path:
    ignore = shutil.ignore_patterns(*GENERATED)
    shutil.copytree(ROOT / "sphinx_hdnd", target / "sphinx_hdnd", ignore=ignore)
    shutil.copytree(ROOT / EXAMPLE, target / EXAMPLE, ignore=ignore)
    return target


def build(tree: Path, areas: list[str]) -> Path:
    project = tree / EXAMPLE
    for name in GENERATED:
        shutil.rmtree(project / name, ignore_errors=True)
    out = tree / "html"
    cmd = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(tree / "doctrees"),
           str(project), str(out)]
    if areas:
        cmd += ["-D", f"hdnd_areas={','.join(areas)}"]
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    # run from the tree: "python -m" puts the current folder first on sys.path
    result = subprocess.run(cmd, env=env, cwd=tree, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"build failed in {tree}:\n{result.stderr}")
    return out


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in NOT_CONTENT}


def show_difference(before: Path, after: Path, name: str) -> None:
    try:
        a = (before / name).read_text("utf-8").splitlines()
        b = (after / name).read_text("utf-8").splitlines()
    except UnicodeDecodeError:
        print(f"  {name}: binary files differ")
        return
    lines = list(difflib.unified_diff(a, b, f"before/{name}", f"after/{name}", n=1, lineterm=""))
    print("\n".join(f"    {line[:200]}" for line in lines[:30]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default="main", help="git revision to compare with")
    parser.add_argument("--areas", default="", help="comma-separated area codes (default: all)")
    parser.add_argument("--keep", action="store_true", help="keep the two builds")
    args = parser.parse_args()
    areas = [a for a in args.areas.split(",") if a]
    work = Path(tempfile.mkdtemp(prefix="same-site-"))
    try:
        before = build(export(args.against, work / "before"), areas)
        after = build(copy_worktree(work / "after"), areas)
        old, new = digests(before), digests(after)
        differ = sorted(n for n in old.keys() & new.keys() if old[n] != new[n])
        only_before, only_after = sorted(old.keys() - new.keys()), sorted(new.keys() - old.keys())
        for label, names in (("only before", only_before), ("only after", only_after)):
            for name in names:
                print(f"  {label}: {name}")
        for name in differ:
            print(f"  differs: {name}")
            show_difference(before, after, name)
        same = not (differ or only_before or only_after)
        print(f"{len(new)} files, {'identical' if same else 'NOT identical'} "
              f"({args.against} → working tree)" + (f"; kept in {work}" if args.keep else ""))
        return 0 if same else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
