"""hdnd extract's speed: seconds per 100 pages of report, for each format it reads.

The report is the executive's real one (``../shared/seeds/000_…txt``), as text, as
Word (.docx) and as an A4 PDF made from it (the test suite's converters); its page
count is the PDF's. Each format is read and extracted ``--reps`` times in this
process (after one warm-up) and the median is taken.

    python benchmarks/extract.py [--reps 3]

Prints a table and writes ``benchmarks/extract.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT.parent / "shared" / "seeds" / "000_235bc1fbfa0b3f14.txt"
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    if not REPORT.is_file():
        sys.exit(f"Không có báo cáo mẫu {REPORT} (thư mục shared/seeds bên cạnh mã nguồn).")
    import pypdf
    from extract_helpers import text_to_docx, text_to_pdf

    from sphinx_hdnd.extract import extract_report

    lines = REPORT.read_text(encoding="utf-8").splitlines()
    work = Path(tempfile.mkdtemp(prefix="hdnd-extract-bench-"))
    files = {"md": work / "bao-cao.md", "docx": work / "bao-cao.docx", "pdf": work / "bao-cao.pdf"}
    files["md"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    text_to_docx(lines, files["docx"])
    text_to_pdf(lines, files["pdf"])
    pages = len(pypdf.PdfReader(str(files["pdf"])).pages)
    results: dict[str, dict[str, float]] = {}
    for kind, path in files.items():
        rows = extract_report(path)  # warm-up: imports, regex compilation
        times = []
        for _ in range(args.reps):
            start = time.perf_counter()
            extract_report(path)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        results[kind] = {
            "seconds": round(median, 3),
            "candidates": len(rows),
            "seconds_per_100_pages": round(median / pages * 100, 3),
        }
    print(f"Báo cáo {REPORT.name}: {pages} trang A4, {len(lines)} dòng")
    print(f"{'định dạng':<10}{'giây':>8}{'giây/100 trang':>16}{'số liệu':>9}")
    for kind, r in results.items():
        print(f"{kind:<10}{r['seconds']:>8.2f}{r['seconds_per_100_pages']:>16.2f}{r['candidates']:>9}")
    out = {"pages": pages, "reps": args.reps, "formats": results}
    (ROOT / "benchmarks" / "extract.json").write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
