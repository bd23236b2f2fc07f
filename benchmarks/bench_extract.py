"""Extraction time next to reading time, per sample document.

Run: python benchmarks/bench_extract.py [samples folder] [repeats]
Target (issue 3): extraction adds at most 30 % to reading. Each document is read and extracted
`repeats` times (default 5); the best time of each counts, so a busy machine does not skew the ratio.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wkb_desk.config import Limits  # noqa: E402
from wkb_desk.extract import extract, load_reference  # noqa: E402
from wkb_desk.readers import read_file  # noqa: E402

TARGET = 0.30


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "samples"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".pdf", ".docx", ".xlsx"))
    if not files:
        print(f"Geen documenten in {folder}")
        return 1
    ref = load_reference()
    limits = Limits()
    total_read = total_extract = 0.0
    print(f"{'document':<62} {'lezen ms':>9} {'extractie ms':>13} {'verhouding':>10}")
    for path in files:
        best_read = best_extract = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            read = read_file(path, limits)
            t1 = time.perf_counter()
            extract(read, ref)
            t2 = time.perf_counter()
            best_read = min(best_read, t1 - t0)
            best_extract = min(best_extract, t2 - t1)
        total_read += best_read
        total_extract += best_extract
        print(f"{path.name[:62]:<62} {best_read * 1000:9.1f} {best_extract * 1000:13.2f} {best_extract / best_read:10.1%}")
    ratio = total_extract / total_read
    print(f"\n{len(files)} documenten: lezen {total_read:.3f} s, extractie {total_extract:.3f} s, "
          f"extractie = {ratio:.1%} van lezen (doel: hoogstens {TARGET:.0%})")
    return 0 if ratio <= TARGET else 2


if __name__ == "__main__":
    raise SystemExit(main())
