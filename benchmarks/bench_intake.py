"""Intake throughput: ingest a copy of the samples and show how much time goes outside the readers.

    python benchmarks/bench_intake.py [SAMPLES_DIR] [--repeat N]

Reads every file in SAMPLES_DIR (default ../shared/samples) into a fresh temporary workspace through the
real pipeline (sandboxed reader process, ledger, journalled moves). "Readers" is the time the reader
process spends reading and extracting; everything else (hashing, pipe, ledger, copies, fsync) is the
overhead around them. The register update (flush) is measured separately: it is batched, once per run.
Target (issue 2): the overhead is at most 25 % of the total.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from wkb_desk.config import load_settings  # noqa: E402
from wkb_desk.desk import Desk  # noqa: E402


def run_once(samples: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sjablonen").mkdir()
        (root / "config.toml").write_text("[watcher]\nrust_seconden = 0\n", encoding="utf-8")
        settings = load_settings(root / "config.toml")
        files = [p for p in samples.iterdir() if p.is_file() and p.suffix.lower() not in (".json", ".md")]
        for p in files:
            shutil.copy(p, settings.paden.inbox / p.name)
        with Desk(settings, command="benchmark") as desk:
            desk.reader.analyze(settings.paden.inbox / files[0].name)  # start the reader process outside the clock
            reader_seconds = 0.0
            started = time.perf_counter()
            for path in desk.candidates():
                original = desk.pipeline.reader.analyze

                def timed(*a, _orig=original, **kw):
                    nonlocal reader_seconds
                    result = _orig(*a, **kw)
                    reader_seconds += result.seconds
                    return result

                desk.pipeline.reader.analyze = timed
                desk.process(path)
                desk.pipeline.reader.analyze = original
            intake_seconds = time.perf_counter() - started
            flush_started = time.perf_counter()
            desk.flush()
            flush_seconds = time.perf_counter() - flush_started
        return {
            "files": len(files),
            "intake": intake_seconds,
            "readers": reader_seconds,
            "flush": flush_seconds,
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("samples", nargs="?", default=str(REPO.parent / "shared" / "samples"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    samples = Path(args.samples)
    if not samples.is_dir():
        sys.exit(f"Map met voorbeelden niet gevonden: {samples}")
    runs = [run_once(samples) for _ in range(args.repeat)]
    best = min(runs, key=lambda r: r["intake"])
    overhead = best["intake"] - best["readers"]
    print(f"bestanden:                 {best['files']}")
    print(f"intake (beste van {args.repeat}):      {best['intake']:.2f} s  = {best['files'] / best['intake']:.1f} bestanden/s")
    print(f"  waarvan lezers+extractie {best['readers']:.2f} s")
    print(f"  waarvan eromheen         {overhead:.2f} s  = {100 * overhead / best['intake']:.1f} % (doel: <= 25 %)")
    print(f"dossiers + register (1x):  {best['flush']:.2f} s")


if __name__ == "__main__":
    main()
