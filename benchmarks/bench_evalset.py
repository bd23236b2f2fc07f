"""Extraction and flags on a folder of documents with a truth file: an evaluation set of someone else's making.

Run: python benchmarks/bench_evalset.py FOLDER [--details] [--no-flags]

FOLDER holds `truth.json` (a list of {file, kind, dossier, fields, missing}, the shape of the samples'
truth file) and the documents, in FOLDER or FOLDER/docs. Documents of kind `onbekend` are texts that are not
Wkb documents; they must come out as `onbekend` and must not make a dossier.

Reported: kind right, fields right / wrong or invented / missing (measured as bench_generalise does), non-Wkb
texts taken for a Wkb document; then, after a real ingest of the dossiers (one in three in a ZIP, one in three as
e-mail attachments, the non-Wkb texts loose), precision and recall of the date-independent flags against the
flags the rules give on the true facts. Targets (issue 11): >= 97 % right, <= 1 % wrong, every kind right,
flags >= 95 %.

The evaluation sets used for the README's figures were written by people who had not seen the extractor's
label lists; keep them out of the project (they are measured, never tuned on in secret: a set that was tuned on
says so in the README).
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fixtures.extract import families as fam  # noqa: E402
from fixtures.extract import measure  # noqa: E402


def load_set(folder: Path) -> list[fam.GenDoc]:
    docs_dir = folder / "docs" if (folder / "docs").is_dir() else folder
    out = []
    for entry in json.loads((folder / "truth.json").read_text(encoding="utf-8")):
        path = docs_dir / entry["file"]
        if not path.is_file():
            print(f"ontbreekt in de map: {entry['file']}")
            continue
        out.append(fam.GenDoc(name=entry["file"], data=path.read_bytes(), kind=entry["kind"],
                              family=entry.get("family") or folder.name, project=entry.get("dossier") or "",
                              fields=dict(entry.get("fields") or {}), missing=tuple(entry.get("missing") or ())))
    return out


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        print(__doc__)
        return 2
    folder = Path(args[0])
    docs = load_set(folder)
    from wkb_desk.extract import load_reference

    ref = load_reference()
    # a value counts as invented only for fields the truth file knows (the samples do not list the melder)
    known = {name for d in docs for name in d.fields}
    invented_check = tuple(n for n in measure.INVENTED_CHECK if n in known)
    fields = measure.FieldReport()
    kinds_wrong = []
    not_wkb_taken = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for i, doc in enumerate(docs, start=1):
            print(f"\r{i}/{len(docs)} gelezen", end="", file=sys.stderr, flush=True)
            x = measure._extract_bytes(doc.name, doc.data, tmp, ref)
            if doc.kind == "onbekend":
                if x.kind != "onbekend":
                    not_wkb_taken.append(f"{doc.name}: {x.kind}")
                continue
            rep = measure.score_doc(doc, x, invented_check)
            fields.add(rep)
            if x.kind != doc.kind:
                kinds_wrong.append(f"{doc.name}: {doc.kind} gelezen als {x.kind}")
        print(file=sys.stderr)
        n_not = sum(d.kind == "onbekend" for d in docs)
        print(f"{folder}: {fields.docs} Wkb-documenten, {n_not} andere teksten")
        print(f"soort goed    {fields.kinds_right}/{fields.docs}")
        print(f"velden        {fields.total}: goed {fields.right_pct:.1f} %, fout of verzonnen {fields.wrong_pct:.1f} %,"
              f" ontbreekt {100.0 * fields.missing / fields.total if fields.total else 0:.1f} %")
        print(f"geen Wkb      {len(not_wkb_taken)} van {n_not} voor Wkb aangezien")
        if "--details" in sys.argv:
            for line in kinds_wrong + not_wkb_taken:
                print("   ", line)
            for _, name, fld, exp, got in fields.errors:
                print(f"    {name[:60]:<60} {fld:<16} verwacht {exp!r:<28} kreeg {got!r}")
        if "--no-flags" not in sys.argv:
            by_dossier: dict[str, list[fam.GenDoc]] = defaultdict(list)
            for d in docs:
                if d.kind != "onbekend":
                    by_dossier[d.project].append(d)
            projects = [fam.Project(key=key, truth={}, docs=ds) for key, ds in sorted(by_dossier.items())]
            loose = [d for d in docs if d.kind == "onbekend"]
            flags = measure.ingest_and_compare(projects, tmp, loose)
            print(f"signalen      {flags.dossiers} dossiers: precisie {flags.precision:.1f} %, "
                  f"recall {flags.recall:.1f} % (met 'controleren' erbij {flags.recall_with_checks:.1f} %), "
                  f"tp {flags.tp} fp {flags.fp} fn {flags.fn}")
            if "--details" in sys.argv:
                for e in flags.errors:
                    print("   ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
