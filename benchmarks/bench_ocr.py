"""Text recognition on scans of the sample documents: accuracy, seconds per page, peak memory.

Run: python benchmarks/bench_ocr.py [samples folder, or an evaluation set with truth.json and docs/] [--engines tesseract,rapidocr] [--every N] [--dpi 200] [--details] [--keep FOLDER]

Every sample PDF with an entry in truth.json is turned into an image-only scan as a copier makes it
(tests/fixtures/ocr/scans.py: rendered at --dpi, tilted up to 1.5 degrees, speckled, a received-stamp),
then read by the OCR sandbox exactly as `ingest` does (intake/sandbox.ReaderProcess with OCR) and
extracted. Reported per engine:
- kind right, fields right / wrong / missing against truth.json (and the same for the text layer);
- seconds per page, and the ratio to the bare engine reading the same page image in the same run
  (Tesseract called on the PNG without our preprocessing and layout; RapidOCR called on the array);
- peak memory (VmHWM) of the reader process, Linux only.
--every N takes every N-th document (RapidOCR is slow on a shared machine).
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fixtures.ocr.scans import image_pdf, render, scanify  # noqa: E402

from wkb_desk.config import Limits, OcrSettings  # noqa: E402
from wkb_desk.extract import extract, load_reference  # noqa: E402
from wkb_desk.intake.sandbox import ReaderProcess  # noqa: E402
from wkb_desk.ocr.engines import EngineUnavailable, choose_engine  # noqa: E402
from wkb_desk.readers import read_file  # noqa: E402


def _peak_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _score(entry: dict, values: dict) -> tuple[int, int, int]:
    right = wrong = missing = 0
    for name, expected in entry["fields"].items():
        got = values.get(name)
        if got == expected:
            right += 1
        elif got is None:
            missing += 1
        else:
            wrong += 1
    return right, wrong, missing


def _bare_seconds(engine_name: str, images, settings: OcrSettings) -> float:
    """The engine alone on the same images: the yardstick for what preprocessing and layout cost."""
    engine = choose_engine(OcrSettings(engine=engine_name, tesseract=settings.tesseract))
    started = time.perf_counter()
    for img in images:
        if engine_name == "tesseract":
            buf = io.BytesIO()
            img.save(buf, "PNG", compress_level=1)
            subprocess.run([engine.program, "stdin", "stdout", "-l", engine.language], input=buf.getvalue(),
                           capture_output=True, check=False, env={"OMP_THREAD_LIMIT": "1", "PATH": ""})
        else:
            import numpy as np

            from wkb_desk.ocr.rapid import load_model

            model = getattr(_bare_seconds, "model", None) or load_model()
            _bare_seconds.model = model
            grey = np.asarray(img.convert("L"))
            model(np.stack([grey] * 3, axis=-1))
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("samples", nargs="?", default=str(ROOT.parent / "shared" / "samples"))
    ap.add_argument("--engines", default="tesseract,rapidocr")
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--dpi", type=int, default=200, help="resolution of the simulated scanner")
    ap.add_argument("--reader-dpi", type=int, default=0, help="ocr.dpi of the reader (default: the configured one)")
    ap.add_argument("--details", action="store_true", help="also list the fields that were not read")
    ap.add_argument("--keep", default="", help="folder to keep the scans in (to look at them)")
    args = ap.parse_args()
    root = Path(args.samples)
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    folder = root / "docs" if (root / "docs").is_dir() else root  # an evaluation set keeps its documents in docs/
    # the Wkb documents (a set's non-Wkb texts are measured by bench_evalset.py)
    entries = [e for e in truth if e["file"].lower().endswith(".pdf") and e["kind"] != "onbekend"][:: args.every]
    ref = load_reference()
    limits = Limits(max_seconden=600)
    with tempfile.TemporaryDirectory() as tmp:
        scans = []
        for i, entry in enumerate(entries):
            pages = render(folder / entry["file"], dpi=args.dpi)
            images = [scanify(p, angle=(-1.5, 0.8, 1.2)[(i + j) % 3], seed=i * 10 + j) for j, p in enumerate(pages)]
            path = Path(args.keep or tmp) / f"scan{i:03d}.pdf"
            path.write_bytes(image_pdf(images, dpi=args.dpi))
            scans.append((entry, path, images))
        n_pages = sum(len(s[2]) for s in scans)
        base = [0, 0, 0, 0]
        for entry, _, _ in scans:
            x = extract(read_file(folder / entry["file"], Limits()), ref)
            r, w, m = _score(entry, x.values())
            base = [base[0] + (x.kind == entry["kind"]), base[1] + r, base[2] + w, base[3] + m]
        total = base[1] + base[2] + base[3]
        print(f"{len(scans)} documenten, {n_pages} pagina's, {total} gegevens in truth.json")
        print(f"tekstlaag (geen OCR): soort goed {base[0]}/{len(scans)}, gegevens goed {base[1] / total:.1%}, "
              f"fout {base[2] / total:.1%}, ontbreekt {base[3] / total:.1%}")
        for name in args.engines.split(","):
            settings = OcrSettings(engine=name, **({"dpi": args.reader_dpi} if args.reader_dpi else {}))
            try:
                engine = choose_engine(settings)
            except EngineUnavailable as exc:
                print(f"\n{name}: niet beschikbaar ({exc})")
                continue
            kinds = right = wrong = missing = 0
            seconds = 0.0
            errors = []
            reader = ReaderProcess(limits, ocr=settings)
            try:
                for entry, path, _ in scans:
                    started = time.perf_counter()
                    analysis = reader.analyze(path)
                    seconds += time.perf_counter() - started
                    x = analysis.extraction
                    values = x.values() if x else {}
                    kinds += bool(x) and x.kind == entry["kind"]
                    r, w, m = _score(entry, values)
                    right, wrong, missing = right + r, wrong + w, missing + m
                    if x and x.kind != entry["kind"]:
                        errors.append(f"  {entry['file'][:40]}: soort {entry['kind']}, gelezen {x.kind} ({path.name})")
                    for field, expected in entry["fields"].items():
                        if values.get(field) not in (expected, None) or args.details and values.get(field) is None:
                            errors.append(f"  {entry['file'][:40]}: {field} verwacht {expected!r}, gelezen {values.get(field)!r}")
                peak = _peak_mb(reader._proc.pid) if reader._proc is not None else None
            finally:
                reader.close()
            bare = _bare_seconds(name, [im for s in scans for im in s[2]], settings)
            print(f"\n{engine.name} {engine.version}: soort goed {kinds}/{len(scans)}, gegevens goed {right / total:.1%}, "
                  f"fout {wrong / total:.1%}, ontbreekt {missing / total:.1%}")
            print(f"  {seconds / n_pages:.2f} s per pagina (kale engine op dezelfde beelden {bare / n_pages:.2f} s: "
                  f"{seconds / bare:.2f}x); piekgeheugen leesproces "
                  + (f"{peak:.0f} MB" if peak else "onbekend") + (" (Tesseract zelf draait als eigen proces)"
                                                                 if name == "tesseract" else ""))
            for line in errors if args.details else errors[:25]:
                print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
