"""The benchmark suite (``nox -s bench``): sphinx-hdnd against plain Sphinx, in the same run.

Every figure is a fresh ``sphinx-build`` (or ``hdnd validate``) process, timed
by wall clock and by CPU (user + system of the process and its workers, from
``os.wait4``), with its peak resident memory. A "full" build starts from no
output and no generated pages; the baseline is the same site written out as
plain MyST (``baseline.py``) and built by plain Sphinx with the same theme and
extensions. The extension and the baseline are built side by side, one core
each, so that both meet the same machine (``--sequential``: one after the
other). The ``-j 2`` build that prepares the baseline runs alone on the
machine: at the largest size it is the ``-j 2`` figure, set against the
extension's ``-j 1`` build beside the baseline.

    python benchmarks/run.py [--sizes 5,10,200] [--reps 3] [--big-reps 1] [--quick]
    python benchmarks/run.py --sizes 50,100,200      # more points of growth: ~45 min

Prints a table and writes ``benchmarks/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from baseline import make_baseline  # noqa: E402
from generate import change_one_area_petitions, generate_data, generate_project  # noqa: E402

EXAMPLE = REPO / "examples" / "dien-bien"
GENERATED = "tiep-xuc"


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mib: float
    output: str = ""


@dataclass
class Series:
    runs: list[Run] = field(default_factory=list)

    def stat(self, attr: str = "wall") -> dict[str, float]:
        values = [getattr(r, attr) for r in self.runs]
        return {"median": statistics.median(values), "min": min(values), "max": max(values),
                "n": len(values)}


def run_together(cmds: list[list[str]], check: bool = True) -> list[Run]:
    """Start every command at once and wait for all: wall time, CPU time (user + system)
    and peak RSS of each process and its children, from ``os.wait4``."""
    started = []
    for cmd in cmds:
        out = tempfile.TemporaryFile("w+", encoding="utf-8")
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, text=True,
                                env={**os.environ, "PYTHONHASHSEED": "0"})
        started.append((cmd, proc, out, time.perf_counter()))
    # whichever ends first is reaped first: each wall time ends when its own process does
    ended: dict[int, tuple[float, int, os.struct_rusage]] = {}
    while len(ended) < len(started):
        pid, status, usage = os.wait4(-1, 0)
        ended[pid] = (time.perf_counter(), status, usage)
    runs = []
    for cmd, proc, out, start in started:
        end, status, usage = ended[proc.pid]
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
        out.close()
        if check and proc.returncode != 0:
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{text[-4000:]}")
        runs.append(Run(end - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                        text))
    return runs


def run(cmd: list[str], check: bool = True) -> Run:
    """Run one process (see :func:`run_together`)."""
    return run_together([cmd], check)[0]


def sphinx_cmd(src: Path, jobs: int = 1, quiet: bool = True) -> list[str]:
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-j", str(jobs)]
    if quiet:
        cmd.append("-q")
    return [*cmd, str(src), str(src / "_build" / "html")]


def sphinx(src: Path, jobs: int = 1, quiet: bool = True) -> Run:
    return run(sphinx_cmd(src, jobs, quiet))


def clean(project: Path) -> None:
    """No output and, for a sphinx-hdnd project, no generated pages (the baseline's are its own)."""
    shutil.rmtree(project / "_build", ignore_errors=True)
    if (project / "data").is_dir():
        shutil.rmtree(project / GENERATED, ignore_errors=True)


def full(project: Path, jobs: int = 1) -> Run:
    clean(project)
    return sphinx(project, jobs)


def log(msg: str) -> None:
    print(msg, flush=True)


# ------------------------------------------------------------------ projects


def copy_example(dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns("_build", GENERATED))
    return dest


def with_baseline(ext: Path) -> tuple[Path, Run]:
    """A full ``-j 2`` build of the extension project (timed, alone on the machine), and
    its plain-MyST twin written beside it from the doctrees."""
    jobs = 2
    first = full(ext, jobs=jobs)
    base = ext.parent / "baseline"
    pages = make_baseline(ext, ext / "_build" / "html" / ".doctrees", base)
    log(f"  -j {jobs} build {first.wall:.1f} s; baseline: {pages} pages in {base}")
    return base, first


def pair(ext: Path, base: Path, reps: int, together: bool) -> tuple[Series, Series]:
    """``reps`` full ``-j 1`` builds of each. ``together``: the two run at the same time,
    one a core, so that both meet the same machine (and the suite takes half the time);
    otherwise one after the other, alternating."""
    e, b = Series(), Series()
    for i in range(reps):
        clean(ext)
        clean(base)
        if together:
            er, br = run_together([sphinx_cmd(ext), sphinx_cmd(base)])
        else:
            er, br = sphinx(ext), sphinx(base)
        e.runs.append(er)
        b.runs.append(br)
        log(f"  run {i + 1}/{reps}: extension {er.wall:.1f} s, baseline {br.wall:.1f} s")
    return e, b


def html_mtimes(project: Path) -> dict[str, int]:
    out = project / "_build" / "html"
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.html")}


def incremental(ext: Path, area: str) -> dict[str, object]:
    """After a full build, one area's petitions change: time the rebuild, count what it redid."""
    before = html_mtimes(ext)
    time.sleep(0.05)
    change_one_area_petitions(ext / "data", area)
    r = sphinx(ext, quiet=False)
    after = html_mtimes(ext)
    rewritten = sorted(k for k, v in after.items() if before.get(k) != v)
    m = re.search(r"updating environment: .*?(\d+) added, (\d+) changed, (\d+) removed", r.output)
    changed = int(m.group(2)) if m else None
    reread = re.findall(r"reading sources\.\.\. .*?\]\s*(\S+)", r.output)
    return {"wall": r.wall, "cpu": r.cpu, "rewritten": len(rewritten),
            "rewritten_pages": rewritten, "changed_sources": changed,
            "reread": sorted(set(reread)), "area": area}


# ------------------------------------------------------------------ the suite


def machine() -> dict[str, object]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    import sphinx as sphinx_pkg

    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    # an interpreter built without profile-guided optimisation runs this code ~15% slower
    # (one PDF booklet: 1.09 s on pyenv's CPython 3.11.7, 0.91 s on Debian's python3.11)
    flags = str(sysconfig.get_config_var("CONFIG_ARGS") or "")
    build = "PGO" if "--enable-optimizations" in flags else "no PGO"
    return {"cpu": cpu, "cores": os.cpu_count(), "ram": ram, "python": platform.python_version(),
            "python_build": f"{build}, {sys.executable}",
            "sphinx": sphinx_pkg.__version__, "platform": platform.platform(),
            "load_at_start": load}


ONE_BOOKLET = """
import json, statistics, sys, tempfile
from pathlib import Path
from sphinx_hdnd.pdf import render_booklet
html = sys.argv[1]
pages = sys.argv[2:]
out = tempfile.mkdtemp()
render_booklet(html, pages[0], f"{out}/warm.pdf", "warm")  # fonts, imports
done = [render_booklet(html, p, f"{out}/{i}.pdf", str(i)) for i, p in enumerate(pages)]
print(json.dumps([[d.seconds, d.pages] for d in done]))
"""


HDND = [sys.executable, "-c", "from sphinx_hdnd.cli import main; main()"]


def nothing_changed(project: Path, reps: int, *args: str) -> dict[str, object]:
    """``hdnd build`` (HTML, PDFs, Word) once to be up to date, then ``reps`` times with
    nothing changed: what a clerk waits for when running the command again."""
    first = run([*HDND, "build", str(project), "-j", "2", *args])
    again = Series([run([*HDND, "build", str(project), "-j", "2", *args])
                    for _ in range(reps)])
    last = again.runs[-1].output
    return {**again.stat(), "first_wall": first.wall, "args": list(args),
            "pdf_line": next((ln for ln in last.splitlines() if ln.startswith("Bản PDF")), ""),
            "word_line": next((ln for ln in last.splitlines() if ln.startswith("Bản Word")), "")}


def site_size(html: Path) -> dict[str, object]:
    """The published site (``hdnd publish``: no doctrees, no build info) and its search index."""
    files = [p for p in html.rglob("*") if p.is_file() and ".doctrees" not in p.parts
             and p.name != ".buildinfo"]
    return {"site_mb": sum(p.stat().st_size for p in files) / 1_000_000, "files": len(files),
            "searchindex_kb": (html / "searchindex.js").stat().st_size / 1000}


def pdf_figures(ext: Path, reps: int) -> dict[str, object] | str:
    """One booklet (median of several, one process) and the example's whole set (-j 2)."""
    probe = run([sys.executable, "-c", "import weasyprint, sphinx_hdnd.pdf"], check=False)
    if "Error" in probe.output:
        return "n/a (PDF step not available: " + probe.output.strip().splitlines()[-1] + ")"
    html = ext / "_build" / "html"
    pages = sorted(p.relative_to(html).as_posix() for p in (html / GENERATED).glob("*/*.html")
                   if p.name != "index.html")[: max(5, reps * 2)]
    one = run([sys.executable, "-c", ONE_BOOKLET, str(html), *pages])
    seconds = [s for s, _ in json.loads(one.output.strip().splitlines()[-1])]
    pdf_pages = [n for _, n in json.loads(one.output.strip().splitlines()[-1])]
    # the whole set, as hdnd build prints it: HTML first (not counted), then the booklets
    whole = run([sys.executable, "-m", "sphinx", "-b", "html", "-D", "hdnd_pdf=1",
                 "-D", "hdnd_pdf_jobs=2", str(ext), str(html)])
    m = re.search(r"PDF: in (\d+) cuốn \((\d+) trang\).*?trong ([\d.,]+) giây", whole.output)
    return {"one_booklet": {"median": statistics.median(seconds), "min": min(seconds),
                            "max": max(seconds), "n": len(seconds),
                            "pages_median": statistics.median(pdf_pages)},
            "set_booklets": int(m.group(1)) if m else None,
            "set_pages": int(m.group(2)) if m else None,
            "set_seconds": float(m.group(3).replace(",", ".")) if m else None,
            "set_process_wall_incl_html": whole.wall}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 200 x 8 is the large province of the targets; on 2 cores it and its baseline take
    # 14 of the 20 minutes, so the two other sizes of the growth line are small ones
    ap.add_argument("--sizes", default="5,10,200", help="areas of the synthetic provinces")
    ap.add_argument("--audiences", type=int, default=8)
    ap.add_argument("--reps", type=int, default=3, help="runs of the example-scale builds")
    ap.add_argument("--big-reps", type=int, default=1,
                    help="runs of each synthetic build (the largest is the slow one)")
    ap.add_argument("--validate-rows", type=int, default=100_000)
    ap.add_argument("--work", type=Path, default=HERE / "_work")
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    ap.add_argument("--quick", action="store_true", help="sizes 5,10,20, one run each")
    ap.add_argument("--skip-example", action="store_true", help="(for testing the script)")
    ap.add_argument("--sequential", action="store_true",
                    help="extension and baseline one after the other, not side by side")
    a = ap.parse_args()
    if a.quick:
        a.sizes, a.reps, a.big_reps, a.validate_rows = "5,10,20", 1, 1, 20_000
    sizes = [int(s) for s in a.sizes.split(",")]
    work = a.work
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    together = not a.sequential and (os.cpu_count() or 1) >= 2
    results: dict[str, object] = {"machine": machine(), "settings": {
        "sizes": sizes, "audiences": a.audiences, "reps": a.reps, "big_reps": a.big_reps,
        "side_by_side": together}}
    log(f"machine: {results['machine']}")

    # 1. example scale
    log("example (Điện Biên): preparing the baseline")
    ext = copy_example(work / "example" / "ext")
    if a.skip_example:
        e, b = Series([Run(1, 1, 0)]), Series([Run(1, 1, 0)])
    else:
        base, _ = with_baseline(ext)
        e, b = pair(ext, base, a.reps, together)
    results["example"] = {"extension": e.stat(), "baseline": b.stat(),
                          "extension_cpu": e.stat("cpu"), "baseline_cpu": b.stat("cpu"),
                          "ratio": e.stat()["median"] / b.stat()["median"],
                          "ratio_cpu": e.stat("cpu")["median"] / b.stat("cpu")["median"]}

    # 1b. synthetic provinces, growth
    synthetic: dict[str, object] = {}
    largest = max(sizes)
    for n in sizes:
        log(f"synthetic: {n} areas x {a.audiences} audiences")
        root = work / f"syn{n}"
        shutil.rmtree(root, ignore_errors=True)
        ext = generate_project(root / "ext", seed=2025, areas=n, audiences=a.audiences)
        base, j2 = with_baseline(ext)
        reps = a.big_reps
        e, b = pair(ext, base, reps, together)
        row: dict[str, object] = {
            "pages": n * a.audiences + n, "extension": e.stat(), "baseline": b.stat(),
            "extension_cpu": e.stat("cpu"), "baseline_cpu": b.stat("cpu"),
            "ratio": e.stat()["median"] / b.stat()["median"],
            "ratio_cpu": e.stat("cpu")["median"] / b.stat("cpu")["median"],
            "peak_rss_mib": max(r.rss_mib for r in e.runs),
            "baseline_peak_rss_mib": max(r.rss_mib for r in b.runs)}
        if n == largest:
            # 3. -j 2 (alone on the machine) against -j 1 (beside the baseline, one core
            # each: a little slower than alone, ~10% at 80 areas)
            j1 = e.runs[-1]
            row["j1"] = Series([j1]).stat()
            row["j1_beside_baseline"] = together
            row["j2"] = Series([j2]).stat()
            row["j2_over_j1"] = j2.wall / j1.wall
            log(f"  -j 2: {j2.wall:.1f} s (-j 1: {j1.wall:.1f} s)")
            # 2. incremental: the tree is built (the last -j 1 run); change one area's petitions
            area = sorted(p.name for p in (ext / GENERATED).iterdir()
                          if p.is_dir() and not p.name.startswith("."))[n // 2]
            inc = incremental(ext, area)
            inc["over_full"] = float(inc["wall"]) / j1.wall  # type: ignore[arg-type]
            row["incremental"] = inc
            # HTML and the PDFs of the areas and the outline (201 booklets: printing all 1,800
            # briefings, and writing their Word files, first would take half the suite's time;
            # the Word files' nothing-changed cost is measured at the example)
            row["nothing_changed"] = nothing_changed(ext, 1, "--pdf-scope", "areas",
                                                     "--no-docx")
            log(f"  nothing changed: {row['nothing_changed']['median']:.1f} s "
                f"(first hdnd build {row['nothing_changed']['first_wall']:.1f} s)")
            log(f"  incremental ({area}): {inc['wall']:.1f} s, {inc['rewritten']} pages "
                f"rewritten, {inc['changed_sources']} sources changed")
        synthetic[str(n)] = row
    # linear growth: least squares on (pages, seconds), and seconds per page at each size
    xs = [synthetic[str(n)]["pages"] for n in sizes]  # type: ignore[index]
    for who in ("extension", "baseline"):
        ys = [synthetic[str(n)][who]["median"] for n in sizes]  # type: ignore[index]
        if len(xs) > 1:
            mx, my = statistics.mean(xs), statistics.mean(ys)
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
                (x - mx) ** 2 for x in xs)
            synthetic[f"{who}_slope_s_per_page"] = slope
            synthetic[f"{who}_s_per_page"] = [y / x for x, y in zip(xs, ys, strict=True)]
    results["synthetic"] = synthetic

    # 4. PDF (the example project is built: the last example run above)
    results["pdf"] = (pdf_figures(work / "example" / "ext", a.reps) if not a.skip_example
                      else "n/a (example skipped)")

    # 4b. hdnd build with nothing changed, and the published site, at the example
    if not a.skip_example:
        example = work / "example" / "ext"
        results["example_nothing_changed"] = nothing_changed(example, a.reps)
        results["example_site"] = site_size(example / "_build" / "html")
        log(f"  nothing changed: {results['example_nothing_changed']['median']:.1f} s; "
            f"site {results['example_site']['site_mb']:.1f} MB")

    # 5. validate on many indicator rows
    per_area = 100
    n_areas = max(1, a.validate_rows // per_area - 1)
    vdir = work / "validate"
    shutil.rmtree(vdir, ignore_errors=True)
    generate_data(vdir, 7, n_areas, 8, per_area, 1)
    rows = sum(1 for _ in (vdir / "indicators.csv").open(encoding="utf-8")) - 1
    v = Series([run([sys.executable, "-c", "from sphinx_hdnd.cli import main; main()", "validate",
                    str(vdir)], check=False) for _ in range(a.reps)])
    results["validate"] = {"rows": rows, **v.stat(), "peak_rss_mib": max(r.rss_mib for r in v.runs),
                           "exit": "ok" if "0 lỗi" in v.runs[-1].output else v.runs[-1].output[-500:]}
    results["total_seconds"] = time.perf_counter() - t0

    a.out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(table(results))
    log(f"written {a.out}; whole suite {results['total_seconds']:.0f} s")


def fmt(s: dict[str, float]) -> str:
    return f"{s['median']:7.1f} ({s['min']:.1f}-{s['max']:.1f}, n={s['n']})"


def table(r: dict) -> str:  # type: ignore[type-arg]
    lines = ["", "figure                                   | value (median (min-max, runs))"
             "                 | target", "-" * 100]

    def add(name: str, value: str, target: str = "") -> None:
        lines.append(f"{name:<41}| {value:<48}| {target}")

    ex = r["example"]
    add("example full build, extension (s)", fmt(ex["extension"]))
    add("example full build, baseline (s)", fmt(ex["baseline"]))
    add("example extension/baseline (wall; cpu)", f"{ex['ratio']:.2f}x; {ex['ratio_cpu']:.2f}x",
        "<= 1.0x")
    syn = r["synthetic"]
    sizes = r["settings"]["sizes"]
    for n in sizes:
        row = syn[str(n)]
        add(f"{n} areas full build, extension (s)", fmt(row["extension"]))
        add(f"{n} areas full build, baseline (s)", fmt(row["baseline"]))
        add(f"{n} areas extension/baseline (wall; cpu)",
            f"{row['ratio']:.2f}x; {row['ratio_cpu']:.2f}x", "<= 1.0x" if n == 200 else "")
    if "extension_slope_s_per_page" in syn:
        add("slope, extension (s per page)", f"{syn['extension_slope_s_per_page']:.3f}; per size "
            + ", ".join(f"{x:.3f}" for x in syn["extension_s_per_page"]), "linear")
        add("slope, baseline (s per page)", f"{syn['baseline_slope_s_per_page']:.3f}; per size "
            + ", ".join(f"{x:.3f}" for x in syn["baseline_s_per_page"]))
    big = syn[str(max(sizes))]
    inc = big.get("incremental")
    if inc:
        add("incremental, one area's petitions (s)", f"{inc['wall']:7.1f}")
        add("incremental/full", f"{inc['over_full']:.3f}x", "<= 0.03x")
        add("pages rewritten / sources re-read", f"{inc['rewritten']} / {inc['changed_sources']}",
            f"{r['settings']['audiences'] + 1} area pages + aggregates")
    if "j2" in big:
        beside = " beside the baseline" if big.get("j1_beside_baseline") else ", alone"
        add(f"-j 1 full build{beside} (s)", fmt(big["j1"]))
        add("-j 2 full build, alone (s)", fmt(big["j2"]))
        add("-j 2 / -j 1", f"{big['j2_over_j1']:.2f}x", "<= 0.6x")
    pdf = r["pdf"]
    if isinstance(pdf, str):
        add("PDF: one booklet / example set", pdf, "<= 0.5 s / <= 20 s")
    else:
        one = pdf["one_booklet"]
        add("PDF: one booklet (s)", fmt(one) + f", {one['pages_median']:.0f} pages", "<= 0.5 s")
        add("PDF: example's whole set, 2 jobs (s)",
            f"{pdf['set_seconds']} ({pdf['set_booklets']} booklets, {pdf['set_pages']} pages)",
            "<= 20 s")
    v = r["validate"]
    add(f"hdnd validate, {v['rows']} indicator rows (s)", fmt(v), "<= 1.0 s")
    add("peak RSS, largest build (MiB)", f"{big['peak_rss_mib']:.0f} (baseline "
        f"{big['baseline_peak_rss_mib']:.0f})", "<= 800")
    for label, found, target in (("example", r.get("example_nothing_changed"), "<= 3 s"),
                                 (f"{max(sizes)} areas", big.get("nothing_changed"), "<= 15 s")):
        if found:
            add(f"hdnd build, nothing changed, {label} (s)", fmt(found), target)
    site = r.get("example_site")
    if site:
        add("example site, published (MB)", f"{site['site_mb']:.1f} ({site['files']} files)",
            "<= 15 MB")
        add("example searchindex.js (KB)", f"{site['searchindex_kb']:.0f}", "<= 400 KB")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
