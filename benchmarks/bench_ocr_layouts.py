"""Text recognition on page layouts the samples do not have: does the scan give what the text PDF gives?

Run: python benchmarks/bench_ocr_layouts.py [--set tune|check|all] [--engine tesseract] [--dpi 200] [--show LAYOUT]

The documents are drawn with reportlab (tests/fixtures/ocr/layouts.py: two-column forms, a three-column
grid, Courier exports with dotted leaders or aligned with spaces, a letter with letterhead and footer, a
side column, labels above values, bordered tables), each once as a text PDF and once as an image-only
scan of it (tests/fixtures/ocr/scans.py: rendered at --dpi, tilted, speckled, a received-stamp). Both are
read with `wkb_desk.readers.read_file` (OCR as `ingest` does it) and extracted. Per layout:
- kind: the scan's kind equals the text PDF's (or is the true kind where the text PDF's is not);
- goed: of the fields the text PDF gets right (against the values put in), how many the scan gets right;
- fout: fields where the scan gives a value the text PDF does not give and that is not the value put in
  (different or invented), over the text PDF's fields; weg: fields of the text PDF the scan lost;
  beter: fields the scan gets right where the text PDF does not (not counted as fout).
Target: every kind equal, goed >= 90 %, fout <= 3 %. `tune` layouts may be tuned on, `check` only measured.
"""

from __future__ import annotations

import argparse
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fixtures.ocr.layouts import CHECK, TUNE, layout_docs  # noqa: E402
from fixtures.ocr.scans import image_pdf, render, scanify  # noqa: E402

from wkb_desk.config import Limits, OcrSettings  # noqa: E402
from wkb_desk.extract import extract, load_reference  # noqa: E402
from wkb_desk.readers import read_file  # noqa: E402


def compare(truth: dict, text: dict, scan: dict) -> dict:
    right_text = [f for f, v in truth.items() if text.get(f) == v]
    return {
        "basis": len(right_text),
        "goed": sum(scan.get(f) == truth[f] for f in right_text),
        "fields": len(text),
        # a value the text PDF does not give is wrong unless it is the value put in (the scan read it better)
        "fout": sorted(f for f, v in scan.items() if v != text.get(f) and v != truth.get(f)),
        "beter": sorted(f for f, v in scan.items() if v != text.get(f) and v == truth.get(f)),
        "weg": sorted(f for f in text if f not in scan),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="all", choices=("tune", "check", "all"))
    ap.add_argument("--engine", default="tesseract")
    ap.add_argument("--dpi", type=int, default=200, help="resolution of the simulated scanner")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", default="", help="print both texts of the documents of this layout")
    args = ap.parse_args()
    layouts = {"tune": TUNE, "check": CHECK, "all": TUNE + CHECK}[args.set]
    if args.show:
        layouts = (args.show,)
    ref = load_reference()
    ocr = OcrSettings(engine=args.engine)
    per_layout: dict[str, list] = {}
    seconds = pages = 0
    for doc in layout_docs(layouts, seed=args.seed):
        text_read = read_file(doc.data, Limits())
        tx = extract(text_read, ref)
        k = zlib.crc32(doc.name.encode())  # the same scan of a document whichever layouts are run
        images = [scanify(p, angle=(-1.5, 0.8, 1.2)[k % 3], seed=k % 1000) for p in render(doc.data, dpi=args.dpi)]
        started = time.perf_counter()
        scan_read = read_file(image_pdf(images, dpi=args.dpi), Limits(max_seconden=600), ocr)
        seconds += time.perf_counter() - started
        pages += len(images)
        sx = extract(scan_read, ref)
        c = compare(doc.fields, tx.values(), sx.values())
        c["kind"] = (tx.kind, sx.kind, doc.kind)
        c["diff"] = [(f, tx.values().get(f), sx.values().get(f)) for f in c["fout"] + c["weg"]]
        c["diff"] += [(f + " (beter)", tx.values().get(f), sx.values().get(f)) for f in c["beter"]]
        per_layout.setdefault(doc.layout, []).append((doc, c))
        if args.show:
            print(f"===== {doc.name}: tekst-PDF {tx.kind}, scan {sx.kind}")
            print("--- tekstlaag\n" + "\n".join(p.text for p in text_read.pages))
            print("--- scan\n" + "\n".join(p.text for p in scan_read.pages))
            for f, a, b in c["diff"]:
                print(f"  {f}: tekst {a!r}, scan {b!r}")
    engine = scan_read.pages[0].ocr_engine if scan_read.pages else args.engine
    print(f"engine {engine}, scanner {args.dpi} dpi, {pages} pagina's, {seconds / max(1, pages):.1f} s per pagina")
    print(f"{'opmaak':16} {'set':5} {'soort':>6} {'goed':>12} {'fout':>9} {'weg':>9} {'beter':>5}   tekst-PDF goed t.o.v. waarheid")
    tot = {"k": 0, "n": 0, "basis": 0, "goed": 0, "fields": 0, "fout": 0, "weg": 0, "truth": 0, "tright": 0, "beter": 0}
    for layout, rows in per_layout.items():
        k = sum(c["kind"][1] in (c["kind"][0], c["kind"][2]) for _, c in rows)  # same, or right where it was not
        basis = sum(c["basis"] for _, c in rows)
        goed = sum(c["goed"] for _, c in rows)
        fields = sum(c["fields"] for _, c in rows)
        fout = sum(len(c["fout"]) for _, c in rows)
        weg = sum(len(c["weg"]) for _, c in rows)
        truth = sum(len(d.fields) for d, _ in rows)
        beter = sum(len(c["beter"]) for _, c in rows)
        for key, val in (("k", k), ("n", len(rows)), ("basis", basis), ("goed", goed), ("fields", fields),
                         ("fout", fout), ("weg", weg), ("truth", truth), ("tright", basis), ("beter", beter)):
            tot[key] += val
        which = "tune" if layout in TUNE else "check"
        print(f"{layout:16} {which:5} {k:>3}/{len(rows):<2} {goed:>4}/{basis:<3}{goed / max(1, basis):>5.0%} "
              f"{fout:>3} {fout / max(1, fields):>5.1%} {weg:>3} {weg / max(1, fields):>5.1%} {beter:>5}   "
              f"{basis}/{truth}")
    print(f"{'totaal':22} {tot['k']:>3}/{tot['n']:<2} {tot['goed']:>4}/{tot['basis']:<3}"
          f"{tot['goed'] / max(1, tot['basis']):>5.0%} {tot['fout']:>3} {tot['fout'] / max(1, tot['fields']):>5.1%} "
          f"{tot['weg']:>3} {tot['weg'] / max(1, tot['fields']):>5.1%} {tot['beter']:>5}   {tot['tright']}/{tot['truth']}")
    if not args.show:
        for layout, rows in per_layout.items():
            for doc, c in rows:
                if c["kind"][1] not in (c["kind"][0], c["kind"][2]):
                    print(f"  {doc.name}: soort tekst-PDF {c['kind'][0]}, scan {c['kind'][1]}")
                for f, a, b in c["diff"]:
                    print(f"  {doc.name}: {f}: tekst {a!r}, scan {b!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
